"""The one application window after the login.

A side bar with the workspaces the user's role may open (ui.workspaces, Ctrl+1…9 in its
order), each opened inside the shell on first use and kept while the shell lives; the kiosk
and the board open as full-screen windows of their own on their chosen screen. A menu bar
(File: switch user, log out, back up now, quit; View: language, text size, the screen of the
board and the kiosk; Help: the manual, About) and a status bar (who, which database, this
PC's printer, live updates, the last good backup).

The window's geometry and the last workspace are remembered per user in this PC's settings
(``shell/<username>/…``). Other windows navigate through the shell: ``env.open_workspace``
calls :meth:`Shell.open_workspace` while a shell is open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KhetDeskError
from desktop_app.services.auth import Actor
from desktop_app.ui import texts
from desktop_app.ui.env import UiEnv
from desktop_app.ui.operations import Operations
from desktop_app.ui.workspaces import BY_KEY, WORKSPACES, build, open_window

TEXT_SIZES = (100, 115, 130)  # per cent of the application's base font size
BASE_POINT_SIZE = 12  # ui.fonts.load_fonts


def _error_text(error: Exception) -> str:
    return error.message if isinstance(error, KhetDeskError) else type(error).__name__


def database_text(url: str) -> str:
    """Which database, never its password: the SQLite file's path, or the server, port and
    database name."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return f"SQLite · {u.database}"
    where = f"{u.host or 'localhost'}:{u.port or 5432}/{u.database or ''}"
    return f"PostgreSQL · {u.username + '@' if u.username else ''}{where}"


class Frame(QScrollArea):
    """A workspace inside the shell, scrolled when the screen is smaller than the least it
    needs. A QMainWindow embedded as a child reports no minimum size of its own, so the
    scroll area would squeeze it until its buttons overlap: its central widget's minimum is
    kept as the page's, again whenever its layout or style (the counter's type grows with
    the window) changes."""

    def __init__(self, page: QWidget, key: str) -> None:
        super().__init__(objectName=f"frame_{key}")
        self.page = page
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(page)
        central = page.centralWidget() if isinstance(page, QMainWindow) else None
        self.central = central
        for w in filter(None, (page, central)):
            w.installEventFilter(self)
        self._floor()

    def _floor(self) -> None:
        if self.central is not None:
            self.page.setMinimumSize(self.central.minimumSizeHint())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.StyleChange):
            self._floor()
        return False


class Shell(QMainWindow):
    def __init__(
        self,
        env: UiEnv,
        actor: Actor,
        switch_user: Callable[[], None] | None = None,
        log_out: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("shell")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.env, self.actor = env, actor
        self._switch_user, self._log_out = switch_user, log_out
        self.ops = Operations(self)
        self.key_prefix = f"shell/{actor.username}"
        self.pages: dict[str, QWidget] = {}  # workspace key -> its window, inside the shell
        self.frames: dict[str, Frame] = {}
        self.current: str | None = None
        self._backing_up = False
        env.navigate = self.open_workspace

        # --- the side bar
        self.buttons: dict[str, QPushButton] = {}
        self._keys_of: dict[str, str] = {}  # button name -> workspace key
        self.group = QButtonGroup(self)
        side = QWidget(objectName="shellSide")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 6, 6, 6)
        side_layout.setSpacing(4)
        for ws in WORKSPACES:
            delegated = ws.key == "approvals" and not ws.allowed(actor.role)
            if not ws.allowed(actor.role) and not delegated:
                continue
            b = QPushButton(objectName=ws.button)
            b.setCheckable(ws.inside)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.clicked.connect(lambda _=False, k=ws.key: self.open_workspace(k))
            self.group.addButton(b)
            side_layout.addWidget(b)
            if delegated:
                b.hide()  # shown once the database says that a delegation is held today
            else:
                self.buttons[ws.button] = b
            self._keys_of[ws.button] = ws.key
            setattr(self, f"_button_{ws.key}", b)
        side_layout.addStretch(1)
        scroll = QScrollArea(objectName="shellSideScroll")
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFixedWidth(230)

        # --- the workspaces
        self.stack = QStackedWidget(objectName="shellStack")
        self.home = QWidget(objectName="shellHome")
        self.greeting = QLabel(objectName="shellGreeting")
        self.hint = QLabel(objectName="shellHint")
        self.hint.setWordWrap(True)
        home_layout = QVBoxLayout(self.home)
        home_layout.addWidget(self.greeting)
        home_layout.addWidget(self.hint)
        home_layout.addStretch(1)
        self.stack.addWidget(self.home)

        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(scroll)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.setStyleSheet(
            "#shellSide { background: #0f3b5f; }"
            "#shellSide QPushButton { color: white; background: transparent; border: none;"
            " text-align: left; padding: 8px 10px; min-height: 30px; font-size: 15px; }"
            "#shellSide QPushButton:hover { background: #1d5a8a; }"
            "#shellSide QPushButton:checked { background: #f8fafc; color: #0f3b5f;"
            " font-weight: bold; }"
            "#shellGreeting { font-size: 22px; font-weight: bold; color: #0f3b5f; }"
            "#shellHint { font-size: 16px; }"
            "QStatusBar QLabel { padding: 0 6px; }"
        )

        self._build_menus()
        self._build_status_bar()
        self.shortcuts = [
            QShortcut(QKeySequence(f"Ctrl+{i}"), self, activated=lambda i=i: self.open_nth(i))
            for i in range(1, 10)
        ]
        env.live.online.connect(self._online)
        self._apply_text_size(self._setting("text_size", "100"))
        self.retranslate()
        self._load_status()
        self.auto_backup.start()
        if "openLoanInbox" not in self.buttons and "approvals" in self._all_keys():
            from desktop_app.services import loan_desk_queries

            uow = env.uow
            self.ops.run(
                lambda: loan_desk_queries.holds_approval_power(uow, actor),
                self._delegated,
                lambda _e: None,  # no inbox; the login itself worked
            )

    # ------------------------------------------------------------------ settings per user
    def _setting(self, name: str, default: str = "") -> str:
        value = self.env.local.store.value(f"{self.key_prefix}/{name}", default)
        return value if isinstance(value, str) else str(value or default)

    def _remember(self, name: str, value: Any) -> None:
        self.env.local.store.setValue(f"{self.key_prefix}/{name}", value)

    def show_remembered(self) -> None:
        """Show where this user left it (geometry, workspace), or filling the screen."""
        saved = self.env.local.store.value(f"{self.key_prefix}/geometry")
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            self.show()
        else:
            screen = self.screen().availableGeometry()
            self.setGeometry(screen)  # without a window manager nobody maximises
            self.showMaximized()
        last = self._setting("workspace")
        if not (last and last in self._all_keys() and BY_KEY[last].inside):
            return
        if last == "counter":
            if self.env.local.counter is not None:
                self.open_workspace("counter", number=self.env.local.counter)
        else:
            self.open_workspace(last)

    # ------------------------------------------------------------------ navigation
    def _all_keys(self) -> list[str]:
        return list(self._keys_of.values())

    def visible_buttons(self) -> list[QPushButton]:
        return [b for name, b in self.buttons.items() if not b.isHidden()]

    def open_nth(self, n: int) -> None:
        visible = self.visible_buttons()
        if 1 <= n <= len(visible):
            visible[n - 1].click()

    def _delegated(self, holds: bool) -> None:
        b: QPushButton = self._button_approvals  # type: ignore[attr-defined]
        if holds and "openLoanInbox" not in self.buttons:
            b.show()
            # keep the side bar's order for Ctrl+1…9
            self.buttons = {
                ws.button: getattr(self, f"_button_{ws.key}")
                for ws in WORKSPACES
                if ws.button in self.buttons or ws.key == "approvals"
            }
            self.retranslate()

    def open_workspace(self, key: str, **kw: Any) -> QWidget | None:
        ws = BY_KEY[key]
        if not ws.inside:  # the kiosk and the board: full screen on their own screen
            return open_window(self.env, self.actor, key)
        page = self.pages.get(key)
        if key == "counter" and page is None and "number" not in kw:
            self._choose_counter()
            return None
        if key == "borrow" and page is not None and kw.get("asset_numbers"):
            if getattr(page, "saved", None) is None:
                for n in kw["asset_numbers"]:
                    page.add_item(n)  # type: ignore[attr-defined]
            else:  # that request is sent: a new one
                self._drop(key)
                page = None
        if page is None:
            page = build(self.env, self.actor, key, **kw)
            page.windowTitleChanged.connect(lambda _t, k=key: self._title_changed(k))
            self.pages[key] = page
            # In a scroll area: a workspace taller than the screen (1366×768, or 150 %
            # scaling) scrolls instead of pushing the shell past the screen's edge.
            frame = Frame(page, key)  # the page is the shell's child: closed by it, once
            self.frames[key] = frame
            self.stack.addWidget(frame)
        self.stack.setCurrentWidget(self.frames[key])
        self.current = key
        b = getattr(self, f"_button_{key}", None)
        if b is not None:
            b.setChecked(True)
        self._remember("workspace", key)
        self._title_changed(key)
        page.setFocus()
        return page

    def current_page(self) -> QWidget | None:
        return self.pages.get(self.current) if self.current else None

    def _drop(self, key: str) -> None:
        page, frame = self.pages.pop(key), self.frames.pop(key)
        page.close()
        self.stack.removeWidget(frame)
        frame.deleteLater()

    def _title_changed(self, key: str) -> None:
        if key == self.current:
            title = self.pages[key].windowTitle()
            self.setWindowTitle(title if title.startswith("KhetDesk") else "KhetDesk")

    def _choose_counter(self) -> None:
        from desktop_app.services.office import list_counters

        uow = self.env.uow
        self.ops.run(lambda: list_counters(uow), self._counter_chosen, self._failed)

    def _counter_chosen(self, counters: list[Any]) -> None:
        from desktop_app.ui.dialogs import CounterChoiceDialog

        dialog = CounterChoiceDialog(counters, self.env.local.counter, self)
        if not self.env.dialogs.run(dialog) or dialog.number is None:
            b = getattr(self, "_button_counter", None)
            if b is not None and self.current != "counter":
                b.setChecked(False)
            return
        self.env.local.counter = dialog.number
        self.open_workspace("counter", number=dialog.number)

    def _failed(self, error: Exception) -> None:
        self.env.dialogs.warn(self, _error_text(error))

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        bar = self.menuBar()

        def action(name: str, slot: Callable[[], None], keys: QKeySequence | str = "") -> QAction:
            a = QAction(self, objectName=name)
            a.triggered.connect(slot)
            if keys:
                a.setShortcut(QKeySequence(keys))
            return a

        self.file_menu = bar.addMenu("")
        self.file_menu.setObjectName("menuFile")
        self.act_switch = action("actSwitchUser", self.switch_user)
        self.act_logout = action("actLogOut", self.log_out)
        self.act_backup = action("actBackUpNow", self.back_up_now)
        self.act_quit = action("actQuit", self.quit, QKeySequence.StandardKey.Quit)
        self.act_switch.setEnabled(self._switch_user is not None)
        self.act_logout.setEnabled(self._log_out is not None)
        for a in (self.act_switch, self.act_logout):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_backup)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)

        self.view_menu = bar.addMenu("")
        self.view_menu.setObjectName("menuView")
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.act_languages: dict[str, QAction] = {}
        for code, label in (("th", "ภาษาไทย"), ("en", "English")):
            a = QAction(label, self, checkable=True, objectName=f"actLanguage_{code}")
            a.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(a)
            self.language_menu.addAction(a)
            self.act_languages[code] = a
        self.size_menu = self.view_menu.addMenu("")
        self.size_group = QActionGroup(self)
        self.act_sizes: dict[int, QAction] = {}
        for size in TEXT_SIZES:
            a = QAction(f"{size} %", self, checkable=True, objectName=f"actTextSize_{size}")
            a.triggered.connect(lambda _=False, s=size: self.set_text_size(s))
            self.size_group.addAction(a)
            self.size_menu.addAction(a)
            self.act_sizes[size] = a
        self.screen_menu = self.view_menu.addMenu("")
        self.screen_menu.aboutToShow.connect(self._fill_screen_menu)

        # Integrity and transparency (issue 16): for every user.
        self.integrity_menu = bar.addMenu("")
        self.integrity_menu.setObjectName("menuIntegrity")
        self.act_rules = action("actRules", self.read_rules)
        self.act_misuse_report = action("actMisuseReport", self.report_misuse)
        self.act_misuse_track = action("actMisuseTrack", self.track_report)
        for a in (self.act_rules, self.act_misuse_report, self.act_misuse_track):
            self.integrity_menu.addAction(a)

        self.help_menu = bar.addMenu("")
        self.help_menu.setObjectName("menuHelp")
        self.act_manual = action(
            "actManual", self.show_manual, QKeySequence.StandardKey.HelpContents
        )
        self.act_about = action("actAbout", self.show_about)
        self.help_menu.addAction(self.act_manual)
        self.help_menu.addAction(self.act_about)

    def _fill_screen_menu(self) -> None:
        from PySide6.QtGui import QGuiApplication

        from desktop_app.ui.screens import choose_screen, chosen_screen

        self.screen_menu.clear()
        for purpose, label in (("board", self.tr("จอแสดงคิว")), ("kiosk", self.tr("ตู้ออกบัตรคิว"))):
            sub = self.screen_menu.addMenu(label)
            current = chosen_screen(self.env.local, purpose)
            for i, screen in enumerate(QGuiApplication.screens(), 1):
                g = screen.geometry()
                a = sub.addAction(f"{i}: {screen.name()} ({g.width()}×{g.height()})")
                a.setCheckable(True)
                a.setChecked(screen is current)
                a.triggered.connect(
                    lambda _=False, p=purpose, s=screen: choose_screen(self.env.local, p, s)
                )

    def set_language(self, code: str) -> None:
        """This PC's language from now on: at once here, in this PC's own settings (the
        login opens in it), and in the database's ``ui.language`` for this PC, which the
        next start reads (the same setting as the settings window's), off the UI thread."""
        self.env.local.language = code
        self.env.i18n.set_language(code)
        from desktop_app.services.settings import set_pc_language

        uow, actor = self.env.uow, self.actor
        self.ops.run(
            lambda: set_pc_language(uow, actor, code),
            lambda _view: None,
            lambda e: self.statusBar().showMessage(_error_text(e), 15000),
        )

    def set_text_size(self, percent: int) -> None:
        self._remember("text_size", str(percent))
        self._apply_text_size(str(percent))

    def _apply_text_size(self, value: str) -> None:
        percent = int(value) if value.isdigit() and int(value) in TEXT_SIZES else 100
        app = QApplication.instance()
        if isinstance(app, QApplication):
            font = QFont(app.font())
            font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
            app.setFont(font)
        self.text_size = percent

    # ------------------------------------------------------------------ Integrity
    def read_rules(self) -> None:
        """The guideline: the heads' window for those who publish; for everyone else the
        current version, with its acknowledgement while it is pending."""
        from desktop_app.ui import integrity

        integrity.open_rules_for(self.env, self.actor, self)

    def report_misuse(self) -> None:
        from desktop_app.ui import integrity

        integrity.open_misuse_report(self.env, self.actor, self)

    def track_report(self) -> None:
        from desktop_app.ui import integrity

        integrity.open_track(self.env, self)

    # ------------------------------------------------------------------ File
    def switch_user(self) -> None:
        if self._switch_user is not None:
            self._switch_user()

    def log_out(self) -> None:
        if self._log_out is not None:
            self._log_out()

    def quit(self) -> None:
        for window in list(self.env.windows):
            if window is not self and window.isVisible():
                window.close()
        self.close()

    def back_up_now(self) -> None:
        """A verified copy of the database into the backups folder, off the UI thread (the
        same path as the daily backup: integrity, the trail and row counts checked)."""
        if self._backing_up:
            return
        self._backing_up = True
        self.act_backup.setEnabled(False)
        self.statusBar().showMessage(self.tr("กำลังสำรองข้อมูล…"))
        self.auto_backup.back_up_now()

    def _backed_up(self, file: str) -> None:
        if self._backing_up:
            self._backing_up = False
            self.act_backup.setEnabled(True)
            self.statusBar().clearMessage()
            self.env.dialogs.inform(self, self.tr("สำรองข้อมูลแล้ว: %1").replace("%1", file))

    def _backup_failed(self, message: str) -> None:
        self._backing_up = False
        self.act_backup.setEnabled(True)
        self.statusBar().showMessage(message, 15000)

    def _backup_changed(self, last: dt.datetime | None) -> None:
        from desktop_app.domain.thai_time import BANGKOK
        from desktop_app.ui.be_date import be_date

        local = last.astimezone(BANGKOK) if last is not None else None
        self.last_backup = "—" if local is None else f"{be_date(local.date())} {local:%H:%M}"
        self.backup_stale = self.auto_backup.stale
        self.retranslate()

    # ------------------------------------------------------------------ Help
    def show_manual(self) -> None:
        from desktop_app.ui.about import ManualWindow

        window = ManualWindow(self.actor.role.value, self.env.i18n.language, self)
        window.show()

    def show_about(self) -> None:
        from desktop_app.ui.about import AboutDialog

        AboutDialog(str(self.env.uow.engine.url), self).exec()

    # ------------------------------------------------------------------ status bar
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(objectName="statusUser")
        self.db_label = QLabel(objectName="statusDatabase")
        self.printer_label = QLabel(objectName="statusPrinter")
        self.live_label = QLabel(objectName="statusLive")
        self.backup_label = QLabel(objectName="statusBackup")
        self.db_label.setText(database_text(str(self.env.uow.engine.url)))
        self.last_backup = "—"
        self.backup_stale = False
        # The daily verified backup (issue 17): at the first start after backup.time and at
        # close, off the UI thread; the status bar shows the last good one.
        from desktop_app.ui.auto_backup import AutoBackup

        self.auto_backup = AutoBackup(self.env, self)
        self.auto_backup.last_good_changed.connect(self._backup_changed)
        self.auto_backup.backed_up.connect(self._backed_up)
        self.auto_backup.failed.connect(self._backup_failed)
        self.printer_connection = ""
        # This PC's printer: how its last print ended (ui.print_status), as it happens.
        if self.env.prints is not None:
            self.env.prints.changed.connect(self._print_done)
        self.lost_since: dt.datetime | None = None
        for label in (self.user_label, self.db_label, self.printer_label, self.live_label,
                      self.backup_label):  # fmt: skip
            bar.addPermanentWidget(label)

    def _load_status(self) -> None:
        from desktop_app.services.settings import get_setting

        uow = self.env.uow
        self.ops.run(
            lambda: get_setting(uow, "printer.connection").value,
            self._printer_loaded,
            lambda _e: None,
        )

    def _printer_loaded(self, connection: str) -> None:
        self.printer_connection = connection
        self.retranslate()

    def _print_done(self, _outcome: object) -> None:
        self._retranslate_printer()

    def _when(self, at: dt.datetime) -> str:
        """A time on this PC's printer: the clock today, the date and the clock before."""
        from desktop_app.domain.thai_time import BANGKOK
        from desktop_app.ui.be_date import be_date

        local = at.astimezone(BANGKOK)
        if local.date() == self.env.clock().astimezone(BANGKOK).date():
            return f"{local:%H:%M}"
        return f"{be_date(local.date())} {local:%H:%M}"

    def _retranslate_printer(self) -> None:
        """The last print on this PC: done at what time, or not done and why (in the
        window's language); before any, whether this PC has a printer at all."""
        last = self.env.prints.last if self.env.prints is not None else None
        connection = self.printer_connection
        english = self.env.i18n.language == "en"
        style = ""
        if last is None:
            state = self.tr("ไม่มี") if connection in ("", "none") else self.tr("ยังไม่ได้พิมพ์")
            tip = connection
        else:
            when = self._when(last.at)
            if last.ok:
                state = self.tr("พิมพ์ได้ %1").replace("%1", when)
            else:
                why = (last.english if english else last.thai) or last.reason
                state = self.tr("พิมพ์ไม่ได้ %1: %2").replace("%1", when).replace("%2", why)
                style = "color: white; background: #b91c1c;"
            what = last.what_en if english else last.what
            tip = " · ".join(filter(None, (what, last.connection or connection)))
        self.printer_label.setText(self.tr("เครื่องพิมพ์: %1").replace("%1", state))
        self.printer_label.setToolTip(tip)
        self.printer_label.setStyleSheet(style)

    def _online(self, online: bool) -> None:
        self.lost_since = None if online else dt.datetime.now()
        self.retranslate()

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def labels(self) -> dict[str, str]:
        return {
            "counter": self.tr("ช่องบริการ (เรียกคิว)"),
            "kiosk": self.tr("ตู้ออกบัตรคิว"),
            "board": self.tr("จอแสดงคิว"),
            "overview": self.tr("ภาพรวมคิว"),
            "assets": self.tr("ทะเบียนพัสดุ"),
            "borrow": self.tr("ขอยืมพัสดุ"),
            "loan_desk": self.tr("งานยืมพัสดุ"),
            "approvals": self.tr("รายการรออนุมัติการยืม"),
            "stats": self.tr("สถิติ"),
            "settings": self.tr("ตั้งค่าและผู้ใช้"),
            "situation": self.tr("สถานการณ์การยืมพัสดุ"),
            "misuse_cases": self.tr("เรื่องแจ้งเบาะแส"),
            "supervision": self.tr("สรุปสำหรับผู้บังคับบัญชา"),
            "custodian": self.tr("รายงานผู้ดูแลพัสดุ"),
            "rules": self.tr("แนวทางการยืมพัสดุ"),
        }

    def retranslate(self) -> None:
        if self.current is None:
            self.setWindowTitle("KhetDesk")
        labels = self.labels()
        numbers = {id(b): i for i, b in enumerate(self.visible_buttons(), 1)}
        for key in self._keys_of.values():
            b = getattr(self, f"_button_{key}")
            n = numbers.get(id(b))
            b.setText(labels[key] + (f"   Ctrl+{n}" if n is not None and n <= 9 else ""))
            b.setToolTip(labels[key])
        role = texts.role(self.actor.role.value)
        self.greeting.setText(
            self.tr("สวัสดี %1 (%2)").replace("%1", self.actor.name).replace("%2", role)
        )
        self.hint.setText(self.tr("เลือกงานจากแถบด้านซ้าย หรือกด Ctrl+1…9"))
        self.file_menu.setTitle(self.tr("แฟ้ม"))
        self.act_switch.setText(self.tr("สลับผู้ใช้…"))
        self.act_logout.setText(self.tr("ออกจากระบบ"))
        self.act_backup.setText(self.tr("สำรองข้อมูลเดี๋ยวนี้"))
        self.act_quit.setText(self.tr("ออกจากโปรแกรม"))
        self.view_menu.setTitle(self.tr("มุมมอง"))
        self.language_menu.setTitle(self.tr("ภาษา"))
        self.size_menu.setTitle(self.tr("ขนาดตัวอักษร"))
        self.screen_menu.setTitle(self.tr("จอของจอแสดงคิวและตู้ออกบัตรคิว"))
        self.help_menu.setTitle(self.tr("ช่วยเหลือ"))
        self.integrity_menu.setTitle(self.tr("ความโปร่งใส"))
        self.act_rules.setText(self.tr("แนวทางการยืมพัสดุของสำนักงาน"))
        self.act_misuse_report.setText(self.tr("แจ้งเบาะแสการใช้พัสดุไม่ถูกต้อง…"))
        self.act_misuse_track.setText(self.tr("ติดตามเรื่องที่แจ้งด้วยรหัส…"))
        self.act_manual.setText(self.tr("คู่มือการใช้งาน"))
        self.act_about.setText(self.tr("เกี่ยวกับ KhetDesk"))
        self.act_languages[self.env.i18n.language].setChecked(True)
        if self.text_size in self.act_sizes:
            self.act_sizes[self.text_size].setChecked(True)
        self.user_label.setText(f"{self.actor.name} ({role})")
        self._retranslate_printer()
        if self.lost_since is None:
            self.live_label.setText(self.tr("เชื่อมต่อฐานข้อมูลแล้ว"))
            self.live_label.setStyleSheet("")
        else:
            self.live_label.setText(
                self.tr("ขาดการเชื่อมต่อตั้งแต่ %1").replace("%1", self.lost_since.strftime("%H:%M:%S"))
            )
            self.live_label.setStyleSheet("color: white; background: #b91c1c;")
        self.backup_label.setText(self.tr("สำรองล่าสุด %1").replace("%1", self.last_backup))
        # Amber after two days without a good backup.
        self.backup_label.setStyleSheet(
            "color: black; background: #f59e0b;" if self.backup_stale else ""
        )

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        self._remember("geometry", self.saveGeometry())
        self.auto_backup.at_close_if_due()
        self.auto_backup.wait(120_000)
        self.env.local.sync()
        for page in self.pages.values():
            page.close()  # each stops its timers and waits for its workers
        self.ops.wait(3000)
        if self.env.navigate == self.open_workspace:
            self.env.navigate = None
        super().closeEvent(event)


def open_shell(env: UiEnv, actor: Actor, **kw: Any) -> Shell:
    shell = Shell(env, actor, **kw)
    env.keep(shell)
    shell.show_remembered()
    return shell
