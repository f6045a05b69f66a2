"""What a person sees the moment they start KhetDesk: the program's mark and "กำลังเปิด…".

It is painted before the database stack is imported (SQLAlchemy, the models, the windows
that use them: about 0.7 s on a 2-core PC, before the login can be built), so a double click
on the icon answers at once instead of inviting a second one. It closes itself when the first
real window appears — the login, the first-run wizard, the upgrade, the board, the kiosk or
an error message — whichever path the start takes. Only Qt and the shipped font are
imported here.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QWidget

import resources
from desktop_app.ui.fonts import load_fonts

WIDTH, HEIGHT = 520, 220
EXPOSE_WAIT_MS = 300  # an X server shows a new window within a few ms; never wait longer
TITLE = "KhetDesk"
SUBTITLE = "ระบบบัตรคิวและยืม-คืนพัสดุของสำนักงานเขต"
STARTING = "กำลังเปิดโปรแกรม… (starting)"


def splash_pixmap(family: str, ratio: float = 1.0) -> QPixmap:
    """The card: the icon on the left, the name, what it is for, and that it is starting."""
    pixmap = QPixmap(int(WIDTH * ratio), int(HEIGHT * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor("#ffffff"))
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setPen(QColor("#0f3b5f"))
    p.drawRect(0, 0, WIDTH - 1, HEIGHT - 1)
    icon = QPixmap(str(resources.ROOT / "icons" / "khetdesk.png"))
    p.drawPixmap(QRect(28, 46, 128, 128), icon)
    text_left = 180
    p.setFont(QFont(family, 26, QFont.Weight.Bold))
    p.drawText(QRect(text_left, 40, WIDTH - text_left - 20, 50), Qt.AlignmentFlag.AlignLeft, TITLE)
    p.setFont(QFont(family, 13))
    p.setPen(QColor("#334155"))
    p.drawText(QRect(text_left, 96, WIDTH - text_left - 20, 60),
               Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, SUBTITLE)  # fmt: skip
    p.setPen(QColor("#475569"))
    p.drawText(QRect(text_left, 160, WIDTH - text_left - 20, 30), Qt.AlignmentFlag.AlignLeft,
               STARTING)  # fmt: skip
    p.end()
    return pixmap


class _CloseOnFirstWindow(QObject):
    """Closes the splash when any other top-level window is shown, then stops listening."""

    def __init__(self, app: QApplication, splash: QWidget) -> None:
        super().__init__(app)
        self.app, self.splash = app, splash

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self.splash
        ):
            self.app.removeEventFilter(self)
            self.splash.close()
            self.splash.deleteLater()
        return False


def show_splash(app: QApplication | None = None) -> QWidget:
    """Create the application if need be, load the font, show the card and paint it now.

    A frameless window holding the picture, not QSplashScreen: that one waits up to a second
    for the window to be exposed, and offscreen (the tests) it always waits the whole second.
    Here the wait is for an X server's first expose, bounded, then one repaint."""
    app = app or QApplication.instance() or QApplication(sys.argv)  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    family = load_fonts(app)
    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    splash = QLabel(objectName="startSplash")
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    # Not "KhetDesk", the main windows' title: a script or test waiting for that window
    # must not take the card for it.
    splash.setWindowTitle(f"{TITLE} · {STARTING}")
    splash.setPixmap(splash_pixmap(family, ratio))
    splash.setFixedSize(WIDTH, HEIGHT)
    if screen is not None:
        splash.move(screen.availableGeometry().center() - splash.rect().center())
    app.installEventFilter(_CloseOnFirstWindow(app, splash))
    splash.show()
    waited = QElapsedTimer()
    waited.start()
    window = splash.windowHandle()
    while window is not None and not window.isExposed() and waited.elapsed() < EXPOSE_WAIT_MS:
        app.processEvents()
        time.sleep(0.002)
    splash.repaint()  # painted before the slow imports that follow hold the thread
    app.processEvents()
    return splash
