"""The counter console: the clerk's window for one counter.

Call next (Space; F1 shows the shortcut map), Recall (F2), Complete (F3), No-show (F4,
undone for a few seconds), Transfer (F5), Pick out of order (F6, a reason is required),
Reprint (F7; F5 and F7 take the selected row first), Issue a ticket for a citizen who
cannot use the kiosk (F8). The ticket being served with how long the citizen waited; the waiting
list of this counter's services in calling order; today's figures. Every service call runs
off the UI thread; while one runs the buttons are disabled, so a double press cannot call
two citizens.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontMetrics,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import DeviceError, KhetDeskError
from desktop_app.services import stats_queue, tickets
from desktop_app.services.auth import Actor
from desktop_app.services.printer_health import PrinterHealth, printer_faults
from desktop_app.services.tickets import CounterQueue, TicketView
from desktop_app.ui import texts
from desktop_app.ui.dialogs import IssueDialog, PickDialog, TransferDialog
from desktop_app.ui.env import UiEnv
from desktop_app.ui.messages import one_language
from desktop_app.ui.operations import Operations, Reloader
from desktop_app.ui.queue_models import WaitingTicketsModel
from desktop_app.ui.shortcuts import install_help
from desktop_app.ui.widgets import Banner

FIRST_LOAD_AT_LATEST_MS = 300  # after the window is shown, painted or not

# (object name, shortcuts): the order of the buttons on screen.
ACTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("callNext", ("Space",)),  # F1 is the shortcut map, as in every window
    ("recall", ("F2",)),
    ("complete", ("F3",)),
    ("noShow", ("F4",)),
    ("transfer", ("F5",)),
    ("pick", ("F6",)),
    ("reprint", ("F7",)),
    ("issueTicket", ("F8",)),
    ("checkIn", ("F9",)),  # an appointment's code (issue 15); F10 books one
)
# A no-show pressed by mistake, or a citizen back a moment later: undo is offered this long.
UNDO_SECONDS = 10.0
UNDO_REASON = "ยกเลิกการบันทึกไม่มาตามเรียก (undo no-show)"
# How often the console asks whether a kiosk printer is down (its banner).
PRINTER_POLL_SECONDS = 15.0
GEOMETRY_KEY = "counter/geometry"  # this PC's settings (env.local)
# The console's type and buttons are drawn at 1× for this height (see _restyle).
BASE_HEIGHT = 620
MIN_SCALE, MAX_SCALE = 0.9, 1.4


class CounterWindow(QMainWindow):
    def __init__(
        self,
        env: UiEnv,
        actor: Actor,
        counter: int,
        printer_poll_seconds: float = PRINTER_POLL_SECONDS,
    ) -> None:
        super().__init__()
        self.setObjectName("counterWindow")
        self.env, self.actor, self.counter = env, actor, counter
        self.ops = Operations(self)
        self.queue: CounterQueue | None = None
        self.busy = False
        self._clock_offset = dt.timedelta(0)
        self.model = WaitingTicketsModel()
        self.model.language = env.i18n.language
        self._build()
        self.reloader = Reloader(
            self.ops, lambda: tickets.counter_queue(env.uow, counter), self._show, self._failed
        )
        self.today_reloader = Reloader(
            self.ops, lambda: stats_queue.today_panel(env.uow, counter), self._show_today,
            lambda _error: None,  # the panel keeps its last figures; the queue shows errors
        )  # fmt: skip
        env.live.changed.connect(self._changed_elsewhere)
        self.printer_faults: tuple[PrinterHealth, ...] = ()
        self.printer_reloader = Reloader(
            self.ops, lambda: printer_faults(env.uow), self._show_printer_faults,
            lambda _error: None,  # the queue's own reload shows a database fault
        )  # fmt: skip
        self.printer_timer = QTimer(
            self, interval=int(printer_poll_seconds * 1000),
            timeout=self.printer_reloader.request,
        )  # fmt: skip
        self.printer_timer.start()
        self.ticker = QTimer(self, interval=1000, timeout=self._tick)
        self.ticker.start()
        self.retranslate()
        self._update_buttons()
        # The first loads wait for the first paint (eventFilter, _first_loads): started here, their
        # worker's first queries (mapper set-up, statements compiled) held the interpreter
        # while the window waited to be painted.
        self._loading_started = False
        self.installEventFilter(self)
        # Maximised the first time (1366×768 with a title bar and a taskbar leaves no room
        # to spare); after that as the clerk left it on this PC.
        geometry = env.local.store.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 760)
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        """Two columns that fit a 1366×768 screen inside the shell (its menu and status bar,
        a taskbar and a title bar leave about 630 px): on the left what the clerk does — the
        counter's name, the citizen at the counter (or a no-show's undo), the call button,
        the other actions; on the right what the clerk reads — the kiosk printer's banner,
        the waiting list (which takes whatever height is left) and today's figures. The
        last message runs under both."""
        body = QWidget(objectName="counterBody")
        self.heading = QLabel(objectName="counterHeading")
        self.language_button = QPushButton(objectName="counterLanguage")
        self.language_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.language_button.clicked.connect(
            lambda: self.env.i18n.set_language(self.env.i18n.toggled())
        )
        # Red across the top while a kiosk cannot print: the clerks hear it before citizens.
        self.printer_banner = QLabel(objectName="printerBanner")
        self.printer_banner.setWordWrap(True)
        self.printer_banner.hide()

        serving = QFrame(objectName="servingPanel")
        serving.setFrameShape(QFrame.Shape.StyledPanel)
        self.serving_title = QLabel(objectName="servingTitle")
        self.serving_code = QLabel("—", objectName="servingCode")
        self.serving_code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.serving_service = QLabel(objectName="servingService")
        self.serving_waited = QLabel(objectName="servingWaited")
        self.serving_elapsed = QLabel(objectName="servingElapsed")
        self.serving_title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.serving_elapsed.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        for w in (self.serving_service, self.serving_waited):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            w.setWordWrap(True)
        # The title and the time at the counter share a line: the code keeps its size.
        title_row = QHBoxLayout()
        title_row.addWidget(self.serving_title, 1)
        title_row.addWidget(self.serving_elapsed)
        sp = QVBoxLayout(serving)
        sp.setContentsMargins(10, 4, 10, 6)
        sp.setSpacing(0)
        sp.addLayout(title_row)
        sp.addStretch(1)  # a larger screen's room goes around the code and its lines
        for w in (self.serving_code, self.serving_service, self.serving_waited):
            sp.addWidget(w)
        # A no-show's undo, for a few seconds, where the citizen was: the panel is empty
        # then (any other action at the counter ends the chance to undo).
        self.undo_button = QPushButton(objectName="undoNoShow")
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.clicked.connect(self.undo_no_show)
        self.undo_button.hide()
        sp.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignHCenter)
        sp.addStretch(1)

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(5)
        for i, (name, keys) in enumerate(ACTIONS):
            b = QPushButton(objectName=name)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must never press a focused button
            self.buttons[name] = b
            row, col = (0, 0) if i == 0 else ((i + 1) // 2, (i + 1) % 2)
            if i == 0:
                grid.addWidget(b, 0, 0, 1, 2)
            else:
                grid.addWidget(b, row, col)
            for key in keys:
                QShortcut(QKeySequence(key), self, activated=b.click)
        install_help(self, self.env.dialogs)
        self.buttons["callNext"].clicked.connect(self.call_next)
        self.buttons["recall"].clicked.connect(self.recall)
        self.buttons["complete"].clicked.connect(self.complete)
        self.buttons["noShow"].clicked.connect(self.no_show)
        self.buttons["transfer"].clicked.connect(self.transfer)
        self.buttons["pick"].clicked.connect(self.pick)
        self.buttons["reprint"].clicked.connect(self.reprint)
        self.buttons["issueTicket"].clicked.connect(self.issue)
        self.buttons["checkIn"].clicked.connect(self.check_in)
        QShortcut(QKeySequence("F10"), self, activated=self.book)

        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.heading)
        left.addWidget(serving, 1)  # the room a larger screen leaves goes to the serving panel
        left.addLayout(grid)

        self.waiting_title = QLabel(objectName="waitingTitle")
        self.table = QTableView(objectName="waitingList")
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Fixed widths, never ResizeToContents: that measures every row on each refresh.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.counts = QLabel(objectName="counterCounts")
        self.counts.setWordWrap(True)
        # The live "today" panel: the office's figures and this counter's, from the same
        # statistics as the reports (services.stats_queue.today_panel), reloaded after
        # every change the console sees.
        self.today: stats_queue.TodayPanel | None = None
        today_panel = QFrame(objectName="todayPanel")
        today_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.today_title = QLabel(objectName="todayTitle")
        self.today_office = QLabel(objectName="todayOffice")
        self.today_counter = QLabel(objectName="todayCounter")
        tp = QVBoxLayout(today_panel)
        tp.setContentsMargins(8, 2, 8, 4)
        tp.setSpacing(0)
        for w in (self.today_title, self.today_office, self.today_counter):
            w.setWordWrap(True)
            tp.addWidget(w)
        self.message = Banner("counterMessage")
        self.undo_code = ""
        self.undo_timer = QTimer(self, singleShot=True, timeout=self._end_undo)
        top = QHBoxLayout()
        top.addWidget(self.waiting_title, 1)
        top.addWidget(self.language_button)
        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(self.printer_banner)
        right.addLayout(top)
        right.addWidget(self.table, 1)
        right.addWidget(self.counts)
        right.addWidget(today_panel)

        columns = QHBoxLayout()
        columns.setSpacing(10)
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        # The last message across the whole width, under both columns: the left one has
        # the room to spare, and a long one (a printer's fault) keeps to one or two lines.
        outer = QVBoxLayout(body)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(4)
        outer.addLayout(columns, 1)
        outer.addWidget(self.message)
        # The type grows with the window (see _restyle); the window must not grow with the
        # type, so the body's own minimum does not bind the window.
        body.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setCentralWidget(body)
        self._scale = 0.0  # styled when shown (showEvent)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Each restyle re-polishes every widget (~20 ms): the sizes a hidden console passes
        # through on its way to the screen are skipped; showEvent styles it for the one it
        # shows at.
        if self.isVisible():
            self._restyle()

    def showEvent(self, event: QShowEvent) -> None:
        self._restyle()
        super().showEvent(event)
        if not self._loading_started:
            # Should no paint reach the window itself (covered, or a platform that skips
            # it), the loads start anyway.
            QTimer.singleShot(FIRST_LOAD_AT_LATEST_MS, self, self._first_loads)

    def _first_loads(self) -> None:
        if self._loading_started:
            return
        self._loading_started = True
        self.removeEventFilter(self)
        self.reloader.request()
        self.printer_reloader.request()

    def _visible_height(self) -> int:
        """The height the clerk sees: the window's own, or inside the shell the height of
        the part of its scroll area that shows (the console may be taller than that, and
        its type must not grow with the part that is scrolled away)."""
        parent = self.parentWidget()
        if self.isWindow() or parent is None:
            return self.height()
        return min(self.height(), parent.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._first_loads)
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._restyle()
        return False

    def _restyle(self) -> None:
        """Type sized for the height a 1366×768 screen leaves the console (inside the shell,
        under a title bar and over a taskbar: about 630 px), growing with it up to 1.4× (a
        1080p screen) and down to 0.9× (150 % scaling on a 1080p screen). The size follows
        the height that is seen, never the console's own when it is taller, so that a
        console that needs more room than the screen has does not grow its type further."""
        scale = min(MAX_SCALE, max(MIN_SCALE, self._visible_height() / BASE_HEIGHT))
        if abs(scale - self._scale) < 0.02:
            return
        self._scale = scale
        px = lambda n: f"{round(n * scale)}px"  # noqa: E731
        self.setStyleSheet(
            f"""
            #counterHeading {{ font-size: {px(20)}; font-weight: bold; color: #0f3b5f; }}
            #servingPanel {{ background: white; border: 2px solid #0f3b5f; border-radius: 10px; }}
            #servingTitle {{ font-size: {px(16)}; color: #334155; }}
            #servingCode {{ font-size: {px(72)}; font-weight: bold; color: #0f3b5f;
                           max-height: {px(80)}; }}
            #servingService {{ font-size: {px(20)}; }}
            #servingWaited, #servingElapsed {{ font-size: {px(17)}; color: #334155; }}
            QPushButton {{ font-size: {px(17)}; border-radius: 8px; border: 1px solid #94a3b8;
                          background: #f8fafc; padding: 0px 2px; min-height: {px(44)}; }}
            QPushButton:disabled {{ color: #94a3b8; background: #e2e8f0; }}
            #callNext {{ font-size: {px(24)}; font-weight: bold; background: #0f766e;
                         color: white; min-height: {px(72)}; }}
            #callNext:disabled {{ background: #94a3b8; color: #e2e8f0; }}
            #noShow {{ border: 2px solid #b45309; color: #92400e; background: #fffbeb; }}
            #noShow:disabled {{ border: 1px solid #94a3b8; color: #94a3b8; background: #e2e8f0; }}
            #undoNoShow {{ font-weight: bold; background: #fde68a; border: 2px solid #b45309;
                           padding: 2px 16px; }}
            #waitingTitle {{ font-size: {px(18)}; font-weight: bold; }}
            #waitingList {{ font-size: {px(16)}; }}
            #waitingList QHeaderView::section {{ font-size: {px(15)}; font-weight: bold;
                                                 padding: 2px 4px; }}
            #counterCounts {{ font-size: {px(16)}; color: #334155; }}
            #todayPanel {{ background: #f1f5f9; border: 1px solid #cbd5e1; border-radius: 8px; }}
            #todayTitle {{ font-size: {px(15)}; font-weight: bold; color: #0f3b5f; }}
            #todayOffice, #todayCounter {{ font-size: {px(14)}; color: #334155; }}
            #counterMessage {{ font-size: {px(17)}; padding: 2px 4px; }}
            #counterMessage[kind="error"] {{ color: white; background: #b91c1c; }}
            #counterMessage[kind="info"] {{ color: #14532d; background: #dcfce7; }}
            #printerBanner {{ font-size: {px(17)}; font-weight: bold; color: white;
                              background: #b91c1c; padding: 2px 10px; border-radius: 6px; }}
            #counterLanguage {{ font-size: {px(15)}; padding: 1px 12px; min-height: 0; }}
            """
        )
        self.table.verticalHeader().setDefaultSectionSize(round(30 * scale))
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._size_columns()

    def _size_columns(self) -> None:
        """Each column but the service's as wide as its heading or its widest value, in the
        type of the moment and the language of the moment (measured once, never row by row);
        the service's name takes the rest."""
        scale = self._scale
        body = QFont(self.table.font())
        body.setPixelSize(round(16 * scale))
        heading = QFont(body)
        heading.setPixelSize(round(15 * scale))
        heading.setBold(True)
        wide, bold = QFontMetrics(body), QFontMetrics(heading)
        model = "WaitingTicketsModel"  # the priority column's other words, as it says them
        samples = {
            0: ("999",),
            1: ("A999",),
            3: (*(texts.priority(p) for p in texts.PRIORITIES),
                QCoreApplication.translate(model, "รอนาน"),
                QCoreApplication.translate(model, "นัด %1").replace("%1", "10:30")),
            4: ("10:30",),
            5: ("999",),
        }  # fmt: skip
        for column, values in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(bold.horizontalAdvance(title), *(wide.horizontalAdvance(v) for v in values))
            self.table.setColumnWidth(column, width + round(18 * scale))

    # ------------------------------------------------------------------ loading
    def _changed_elsewhere(self, _revision: int) -> None:
        if self.queue is None or self.queue.revision != _revision:
            self.reloader.request()

    def _show(self, q: CounterQueue) -> None:
        self.queue = q
        self._clock_offset = q.now - self.env.clock()
        selected = self.selected_code
        self.model.standards = {s.code: s.standard_minutes for s in q.services}
        self.model.set_rows(list(q.waiting))
        if selected is not None and (row := self.model.row_of(selected)) >= 0:
            self.table.selectRow(row)
        self.retranslate()
        self._update_buttons()
        self.today_reloader.request()

    def _show_today(self, panel: stats_queue.TodayPanel) -> None:
        self.today = panel
        self._retranslate_today()

    def _retranslate_today(self) -> None:
        self.today_title.setText(self.tr("สถิติวันนี้"))
        p = self.today
        if p is None:
            self.today_office.setText("")
            self.today_counter.setText("")
            return

        def minutes(v: float | None) -> str:
            return "-" if v is None else f"{v:.1f}"

        o = p.office
        share = "-" if o.within_standard_share is None else f"{o.within_standard_share:.0%}"
        self.today_office.setText(
            self.tr("ทั้งสำนักงาน: ออกบัตร %1 · ให้บริการแล้ว %2 · ส่วนใหญ่รอราว %3 นาที "
                    "(นานสุด %4) · ได้รับบริการภายในเวลามาตรฐาน %5")
            .replace("%1", str(o.issued))
            .replace("%2", str(o.served))
            .replace("%3", minutes(o.wait_median_min))
            .replace("%4", minutes(o.wait_max_min))
            .replace("%5", share)
        )  # fmt: skip
        c = p.counter
        self.today_counter.setText(
            ""
            if c is None
            else self.tr("ช่องนี้: เรียก %1 · ส่วนใหญ่รอราว %2 นาที · ให้บริการราว %3 นาทีต่อคน")
            .replace("%1", str(c.issued))
            .replace("%2", minutes(c.wait_median_min))
            .replace("%3", minutes(c.service_median_min))
        )

    def _show_printer_faults(self, faults: tuple[PrinterHealth, ...]) -> None:
        self.printer_faults = faults
        self._retranslate_printer()

    def _retranslate_printer(self) -> None:
        faults = self.printer_faults
        self.printer_banner.setVisible(bool(faults))
        if not faults:
            return
        english = self.env.i18n.language == "en"
        why = " · ".join((f.english if english else f.thai) or f.reason for f in faults)
        self.printer_banner.setText(self.tr("เครื่องพิมพ์ตู้บัตรคิวขัดข้อง: %1").replace("%1", why))

    def _failed(self, error: Exception) -> None:
        self.message.show_message(self._error_text(error), "error", 0)

    @property
    def selected_code(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return str(self.model.row_at(rows[0].row()).code)

    @property
    def serving(self) -> TicketView | None:
        return self.queue.serving if self.queue is not None else None

    @property
    def target_code(self) -> str | None:
        """The ticket that reprint (F7) and transfer (F5) act on: the row the clerk has
        selected when there is one, else the citizen at the counter. Both buttons name it."""
        selected = self.selected_code
        if selected is not None:
            return selected
        return self.serving.code if self.serving is not None else None

    def _selection_changed(self) -> None:
        self._update_buttons()
        self._retranslate_buttons()

    def _update_buttons(self) -> None:
        q = self.queue
        loaded = q is not None and not self.busy
        serving = loaded and self.serving is not None
        waiting = loaded and q is not None and bool(q.waiting)
        open_ = loaded and q is not None and q.active
        enabled = {
            "callNext": open_,
            "recall": serving,
            "complete": serving,
            "noShow": serving,
            "transfer": loaded and self.target_code is not None,
            "pick": open_ and waiting,
            "reprint": loaded and self.target_code is not None,
            "issueTicket": loaded,
            "checkIn": loaded,
        }
        for name, on in enabled.items():
            self.buttons[name].setEnabled(bool(on))

    # ------------------------------------------------------------------ actions
    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if self.busy:
            return
        self.busy = True
        self._end_undo()  # anything else done at the counter ends the chance to undo
        self._update_buttons()

        def finished(value: Any) -> None:
            self.busy = False
            done(value)
            self._after_change()

        def failed(error: Exception) -> None:
            self.busy = False
            self.message.show_message(self._error_text(error), "error", 12)
            self._after_change()

        self.ops.run(work, finished, failed)

    def _after_change(self) -> None:
        self._update_buttons()
        self.reloader.request()
        self.env.live.poke()

    def _say(self, text: str) -> None:
        self.message.show_message(text, "info", 8)

    def call_next(self) -> None:
        uow, actor, n = self.env.uow, self.actor, self.counter

        def done(t: TicketView | None) -> None:
            if t is None:
                self._say(self.tr("ไม่มีคิวรอสำหรับช่องนี้"))
            else:
                self._say(self.tr("เรียก %1 แล้ว").replace("%1", t.code))

        self._run(lambda: tickets.call_next(uow, actor, n), done)

    def recall(self) -> None:
        uow, actor, n = self.env.uow, self.actor, self.counter
        self._run(
            lambda: tickets.recall(uow, actor, n),
            lambda t: self._say(
                self.tr("เรียกซ้ำ %1 (ครั้งที่ %2)")
                .replace("%1", t.code)
                .replace("%2", str(t.recall_count + 1))
            ),
        )

    def complete(self) -> None:
        uow, actor, n = self.env.uow, self.actor, self.counter
        self._run(
            lambda: tickets.complete(uow, actor, n),
            lambda t: self._say(self.tr("%1 ให้บริการเสร็จแล้ว").replace("%1", t.code)),
        )

    def no_show(self) -> None:
        uow, actor, n = self.env.uow, self.actor, self.counter

        def done(t: TicketView) -> None:
            self.message.show_message(
                self.tr("%1 ไม่มาตามเรียก").replace("%1", t.code), "info", UNDO_SECONDS
            )
            self.undo_code = t.code
            self.undo_button.setText(self.tr("ยกเลิก: เรียก %1 กลับ").replace("%1", t.code))
            self.serving_waited.hide()  # the citizen's line goes: the undo takes its room
            self.undo_button.show()
            self.undo_timer.start(int(UNDO_SECONDS * 1000))

        self._run(lambda: tickets.no_show(uow, actor, n), done)

    def _end_undo(self) -> None:
        self.undo_timer.stop()
        self.undo_button.hide()

    def undo_no_show(self) -> None:
        """The citizen was there after all: the no-show is taken back and the ticket is at
        this counter again (audited as a pick with its reason)."""
        code = self.undo_code
        if not code or self.busy:
            return
        uow, actor, n = self.env.uow, self.actor, self.counter
        self._run(
            lambda: tickets.pick(uow, actor, code, n, UNDO_REASON),
            lambda t: self._say(self.tr("เรียก %1 กลับแล้ว").replace("%1", t.code)),
        )

    def transfer(self) -> None:
        q = self.queue
        if q is None or self.busy:
            return
        code = self.target_code or ""
        if not code:
            return
        if self.serving is not None and self.serving.code == code:
            current = self.serving.service
        else:
            current = next((w.service for w in q.waiting if w.code == code), "")
        dialog = TransferDialog(q.services, current, code, self.env.i18n.language, self)
        if not self.env.dialogs.run(dialog) or not dialog.chosen:
            return
        uow, actor, target = self.env.uow, self.actor, dialog.chosen
        self._run(
            lambda: tickets.transfer(uow, actor, code, target),
            lambda t: self._say(
                self.tr("โอน %1 ไปรอที่บริการ %2 แล้ว").replace("%1", t.code).replace("%2", target)
            ),
        )

    def pick(self) -> None:
        q = self.queue
        if q is None or self.busy or not q.waiting:
            return
        dialog = PickDialog(q.waiting, self.selected_code, self.env.i18n.language, self)
        if not self.env.dialogs.run(dialog):
            return
        uow, actor, n = self.env.uow, self.actor, self.counter
        code, reason = dialog.code, dialog.reason.text()
        self._run(
            lambda: tickets.pick(uow, actor, code, n, reason),
            lambda t: self._say(self.tr("เรียก %1 (ข้ามคิว) แล้ว").replace("%1", t.code)),
        )

    def reprint(self) -> None:
        code = self.target_code
        if not code or self.busy:
            return
        uow, actor = self.env.uow, self.actor

        def work() -> TicketView:
            from desktop_app.services import printer  # printing's imports: not at start-up

            ticket = tickets.reprint(uow, actor, code)
            return printer.print_ticket(uow, actor, ticket, reprint=True)

        self._run(work, lambda t: self._say(self.tr("พิมพ์บัตรคิว %1 ซ้ำแล้ว").replace("%1", t.code)))

    def check_in(self) -> None:
        """An appointment's code typed or scanned at the counter: its ticket, printed here."""
        from desktop_app.ui.appointment_keypad import AppointmentKeypad

        if self.queue is None or self.busy:
            return
        keypad = AppointmentKeypad(self.env, self.actor, self)
        done = keypad.checked_in if self.env.dialogs.run(keypad) else None
        keypad.deleteLater()
        if done is None:
            return
        uow, actor, lang = self.env.uow, self.actor, self.env.i18n.language

        def work() -> tuple[TicketView, str]:
            from desktop_app.services import printer  # printing's imports: not at start-up

            try:
                return printer.print_ticket(uow, actor, done.ticket), ""
            except DeviceError as e:
                return done.ticket, one_language(e.message, lang)

        def said(result: tuple[TicketView, str]) -> None:
            ticket, fault = result
            text = self.tr("เช็กอินนัดหมาย %1: บัตรคิว %2").replace("%1", done.appointment)
            text = text.replace("%2", ticket.code)
            if done.late:
                text += " " + self.tr("(มาช้า: ต่อคิวตามลำดับปกติ)")
            self._say(f"{text} {fault}".strip())

        self._run(work, said)

    def book(self) -> None:
        """F10: an appointment booked for a citizen at the counter or on the phone."""
        from desktop_app.ui.booking_dialog import BookingDialog

        self.env.dialogs.run(BookingDialog(self.env, self.actor, self))

    def issue(self) -> None:
        q = self.queue
        if q is None or self.busy:
            return
        dialog = IssueDialog(q.services, self.env.i18n.language, self)
        if not self.env.dialogs.run(dialog):
            return
        service, priority = dialog.choice
        uow, actor, lang = self.env.uow, self.actor, self.env.i18n.language

        def work() -> tuple[TicketView, str]:
            from desktop_app.services import printer  # printing's imports: not at start-up

            ticket = tickets.issue_ticket(uow, actor, service, priority)
            try:
                return printer.print_ticket(uow, actor, ticket), ""
            except DeviceError as e:
                # The ticket stands; say why it is not printed.
                return ticket, one_language(e.message, lang)

        def done(result: tuple[TicketView, str]) -> None:
            ticket, fault = result
            text = (
                self.tr("ออกบัตรคิว %1 แล้ว (รอก่อนหน้า %2 คน)")
                .replace("%1", ticket.code)
                .replace("%2", str(ticket.ahead or 0))
            )
            if fault:
                self.message.show_message(text + " · " + fault, "error", 20)
            else:
                self._say(text)

        self._run(work, done)

    # ------------------------------------------------------------------ texts
    def _error_text(self, error: Exception) -> str:
        if isinstance(error, KhetDeskError):
            return one_language(error.message, self.env.i18n.language)
        return self.tr("ข้อผิดพลาดภายใน: %1").replace("%1", type(error).__name__)

    def _tick(self) -> None:
        t = self.serving
        if t is None or t.called_at is None:
            self.serving_elapsed.setText("")
            return
        now = self.env.clock() + self._clock_offset
        self.serving_elapsed.setText(
            self.tr("ให้บริการมาแล้ว %1").replace(
                "%1", texts.minutes_seconds((now - t.called_at).total_seconds())
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ParentChange:
            # Inside the shell: the scroll area's visible part sets the type's size.
            parent = self.parentWidget()
            if parent is not None and not self.isWindow():
                parent.installEventFilter(self)
            self._restyle()
        super().changeEvent(event)

    def _retranslate_buttons(self) -> None:
        target = self.target_code or ""
        transfer, reprint = self.tr("โอนบริการ"), self.tr("พิมพ์ซ้ำ")
        labels = {
            "callNext": self.tr("เรียกคิวถัดไป"),
            "recall": self.tr("เรียกซ้ำ"),
            "complete": self.tr("เสร็จสิ้น"),
            "noShow": self.tr("ไม่มาตามเรียก"),
            "transfer": f"{transfer} {target}".strip(),
            "pick": self.tr("เรียกข้ามคิว"),
            "reprint": f"{reprint} {target}".strip(),
            "issueTicket": self.tr("ออกบัตรคิว"),
            "checkIn": self.tr("เช็กอินนัดหมาย"),
        }
        for name, keys in ACTIONS:
            self.buttons[name].setText(f"{labels[name]}  ({' / '.join(keys)})")

    def retranslate(self) -> None:
        lang = self.env.i18n.language
        if self.model.language != lang:
            self.model.set_language(lang)
            self._size_columns()
        self._retranslate_buttons()
        self.language_button.setText("English" if lang == "th" else "ภาษาไทย")
        q = self.queue
        name = self.tr("ช่องบริการ %1").replace("%1", str(self.counter))
        self.setWindowTitle(f"KhetDesk — {name}")
        self.heading.setText(f"{name} · {self.actor.name}")
        self.serving_title.setText(self.tr("กำลังให้บริการ"))
        t = self.serving
        if t is None:
            self.serving_code.setText("—")
            self.serving_service.setText(self.tr("ยังไม่ได้เรียกคิว"))
            self.serving_waited.setText("")
        else:
            name_en = next((s.name_en for s in q.services if s.code == t.service), "") if q else ""
            prio = texts.priority(t.priority)
            self.serving_code.setText(t.code)
            self.serving_service.setText(
                texts.name_in(lang, t.service_name, name_en) + (f" · {prio}" if prio else "")
            )
            waited = int(((t.called_at or t.issued_at) - t.issued_at).total_seconds() // 60)
            extra = []
            if t.recall_count:
                extra.append(self.tr("เรียกซ้ำ %1 ครั้ง").replace("%1", str(t.recall_count)))
            if t.pick_reason:
                extra.append(self.tr("เรียกข้ามคิว: %1").replace("%1", t.pick_reason))
            self.serving_waited.setText(
                " · ".join(
                    [
                        self.tr("รอคิว %1 นาที").replace("%1", str(waited)),
                        self.tr("รับบัตร %1").replace("%1", texts.clock(t.issued_at, False)),
                        *extra,
                    ]
                )
            )
        # No empty line under an empty counter: its room is the no-show's undo's.
        self.serving_waited.setVisible(bool(self.serving_waited.text()))
        self._tick()
        self._retranslate_today()
        self._retranslate_printer()
        if q is None:
            self.waiting_title.setText(self.tr("กำลังโหลด…"))
            self.counts.setText("")
            return
        self.waiting_title.setText(
            self.tr("คิวที่รอ (บริการ %1): %2 คน")
            .replace("%1", ", ".join(q.serves))
            .replace("%2", str(len(q.waiting)))
        )
        c = q.counts
        counts = (
            self.tr("วันนี้ที่ช่องนี้: ให้บริการแล้ว %1 · ไม่มาตามเรียก %2 · เรียกข้ามคิว %3")
            .replace("%1", str(c.served))
            .replace("%2", str(c.no_show))
            .replace("%3", str(c.picked))
        )
        office = self.tr("รอทั้งสำนักงาน %1 คน").replace("%1", str(q.waiting_office))
        closed = "" if q.active else " · " + self.tr("ช่องบริการนี้ปิดอยู่")
        self.counts.setText(f"{counts} · {office}{closed}")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.env.local.store.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.ticker.stop()
        self.undo_timer.stop()
        self.printer_timer.stop()
        self.ops.wait(5000)
        super().closeEvent(event)
