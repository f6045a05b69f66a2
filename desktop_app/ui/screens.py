"""Which screen the kiosk and the board fill, and filling it with or without a window
manager.

A TV box or a kiosk is often run as ``xinit`` and one program, no window manager. Then
nobody honours a full-screen request (``_NET_WM_STATE_FULLSCREEN`` on X11): the window kept
its size hint (291×512 for the board) in a corner of the screen. So the window is first
given the whole screen's geometry, then asked to go full screen: a window manager, when
there is one, does the rest (no frame, above the panels); without one the geometry already
covers the screen.

The screen is chosen per PC and per window (``screen/board``, ``screen/kiosk`` in this PC's
settings, by the screen's name); by default the board goes to the second screen (the TV)
and the kiosk to the first.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from desktop_app.ui.env import LocalSettings


def chosen_screen(local: LocalSettings, purpose: str) -> QScreen:
    screens = QGuiApplication.screens()
    name = local.store.value(f"screen/{purpose}", "")
    for screen in screens:
        if screen.name() == name:
            return screen
    if purpose == "board" and len(screens) > 1:
        return screens[1]
    return QGuiApplication.primaryScreen()


def choose_screen(local: LocalSettings, purpose: str, screen: QScreen) -> None:
    local.store.setValue(f"screen/{purpose}", screen.name())


def show_full_screen(window: QWidget, screen: QScreen) -> None:
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()
