"""The now-serving board, for a TV on a second screen.

The latest calls with their counters in very large type, the newest highlighted and
blinking for a few seconds; how many wait for each service; the date and time in Thai; the
office's name. Every call and every recall chimes and, where a Thai voice is installed,
is announced ("เชิญหมายเลข A012 ที่ช่องบริการ 3"). The board reads only: it needs no
account. It learns of calls through the live queue (a one-row poll every 500 ms) and then
loads its data off the UI thread.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.thai_time import business_date
from desktop_app.services.office import office_logo
from desktop_app.services.tickets import BoardCall, BoardService, BoardStatus, board_status
from desktop_app.ui import texts
from desktop_app.ui.env import UiEnv
from desktop_app.ui.operations import Operations, Reloader
from desktop_app.ui.sound import Announcer, Chime
from desktop_app.ui.widgets import logo_label

ROWS = 6
BLINK_MS = 400
BLINK_SECONDS = 6
SPEAK_AFTER_MS = 1200  # after the chime


def _key(call: BoardCall) -> tuple[str, dt.datetime]:
    return (call.code, call.called_at)


class BoardWindow(QWidget):
    announced = Signal(str, int)  # code, counter: every call and recall shown

    def __init__(
        self,
        env: UiEnv,
        chime: Chime | None = None,
        announcer: Announcer | None = None,
        rows: int = ROWS,
        blink_seconds: float = BLINK_SECONDS,
    ) -> None:
        super().__init__()
        self.setObjectName("board")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.env = env
        self.chime = chime if chime is not None else Chime(env.local.board_sound, self)
        self.announcer = (
            announcer if announcer is not None else Announcer(env.local.board_voice, self)
        )
        self.ops = Operations(self)
        self.status: BoardStatus | None = None
        self.highlight: str | None = None
        self._seen: dict[tuple[str, dt.datetime], int] | None = None  # None: first load
        self.blink_seconds = blink_seconds
        self._blinks_left = 0
        self._blink_on = False
        self._logo: bytes | None = None
        self._styled_logo: tuple[bytes | None, float] | None = None
        self.setWindowTitle("KhetDesk")
        self._build(rows)
        self.blink_timer = QTimer(self, interval=BLINK_MS, timeout=self._blink)
        self.clock_timer = QTimer(self, interval=1000, timeout=self._tick)
        self.clock_timer.start()
        self.reloader = Reloader(
            self.ops, lambda: board_status(env.uow, rows), self._show, self._failed
        )
        env.live.changed.connect(self._changed)
        env.live.online.connect(self._online)
        self.reloader.request()
        self.ops.run(lambda: office_logo(env.uow), self._show_logo, lambda e: None)
        self.retranslate()
        self._tick()
        self._restyle()

    # ------------------------------------------------------------------ building
    def _build(self, rows: int) -> None:
        header = QWidget(objectName="boardHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.logo = QLabel(objectName="boardLogo")
        self.logo.hide()
        self.office = QLabel(objectName="boardOffice")
        self.office_sub = QLabel(objectName="boardOfficeSub")
        self.date = QLabel(objectName="boardDate")
        self.clock = QLabel(objectName="boardClock")
        for w in (self.date, self.clock):
            w.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.office)
        names.addWidget(self.office_sub)
        when = QVBoxLayout()
        when.setSpacing(0)
        when.addWidget(self.clock)
        when.addWidget(self.date)
        # Said small in a corner when the board can neither chime nor speak: staff then
        # know the waiting room hears nothing.
        self.no_sound = QLabel(objectName="boardNoSound")
        self.no_sound.hide()
        h = QHBoxLayout(header)
        h.addWidget(self.logo)
        h.addLayout(names, 1)
        h.addWidget(self.no_sound, 0, Qt.AlignmentFlag.AlignVCenter)
        h.addLayout(when)

        calls = QFrame(objectName="boardCalls")
        self.head_code = QLabel(objectName="boardHeadCode")
        self.head_counter = QLabel(objectName="boardHeadCounter")
        grid = QGridLayout(calls)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.head_code, 0, 0)
        grid.addWidget(self.head_counter, 0, 1)
        self.rows: list[tuple[QFrame, QLabel, QLabel]] = []
        self.tags: list[QLabel] = []
        for i in range(rows):
            frame = QFrame(objectName=f"boardRow{i}")
            frame.setProperty("row", "odd" if i % 2 else "even")
            code = QLabel(objectName=f"boardCode{i}")
            counter = QLabel(objectName=f"boardCounter{i}")
            for label in (code, counter):
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                label.setProperty("cell", "call")
            # Why a call came before others: "นัดหมาย" (an appointment) or "รอนาน" (aged).
            tag = QLabel(objectName=f"boardTag{i}")
            tag.setProperty("cell", "tag")
            tag.setAlignment(Qt.AlignmentFlag.AlignCenter)
            keep = tag.sizePolicy()
            keep.setRetainSizeWhenHidden(True)  # codes stay in line whether tagged or not
            tag.setSizePolicy(keep)
            tag.hide()
            line = QHBoxLayout(frame)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(code, 3)
            line.addWidget(tag, 0, Qt.AlignmentFlag.AlignVCenter)
            line.addWidget(counter, 2)
            grid.addWidget(frame, i + 1, 0, 1, 2)
            grid.setRowStretch(i + 1, 1)
            self.rows.append((frame, code, counter))
            self.tags.append(tag)
        # Before the day's first call: one line saying so, not six empty boxes.
        self.placeholder = QLabel(objectName="boardPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        grid.addWidget(self.placeholder, 1, 0, rows, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        for label in (self.head_code, self.head_counter):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        side = QFrame(objectName="boardSide")
        self.waiting_title = QLabel(objectName="boardWaitingTitle")
        self.waiting_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting_title.setWordWrap(True)
        self.waiting_grid = QGridLayout()
        self.waiting_grid.setVerticalSpacing(4)
        self.waiting_labels: list[tuple[QLabel, QLabel, QLabel]] = []
        sl = QVBoxLayout(side)
        sl.addWidget(self.waiting_title)
        sl.addLayout(self.waiting_grid)
        sl.addStretch(1)

        body = QHBoxLayout()
        body.setContentsMargins(16, 12, 16, 8)
        body.setSpacing(16)
        body.addWidget(calls, 5)
        body.addWidget(side, 2)

        self.footer = QLabel(objectName="boardAnnouncement")
        self.footer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # Type is sized from the window's height: the window must not in turn grow to fit
        # the type, or each would push the other up without end.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.setSpacing(0)
        outer.addWidget(header)
        outer.addLayout(body, 1)
        outer.addWidget(self.footer)

    # ------------------------------------------------------------------ data
    def _changed(self, revision: int) -> None:
        if self.status is None or self.status.revision != revision:
            self.reloader.request()

    def _failed(self, _error: Exception) -> None:
        self._online(False)

    def _online(self, online: bool) -> None:
        self.footer.setProperty("offline", not online)
        if not online:
            self.footer.setText(self.tr("ขาดการเชื่อมต่อฐานข้อมูล กำลังลองใหม่…"))
        elif self.status is not None:
            self.footer.setText(self._last_announcement())
        self._restyle()

    def _show_logo(self, data: bytes | None) -> None:
        self._logo = data
        self._restyle()

    def _show(self, status: BoardStatus) -> None:
        fresh_day = self.status is None or self.status.business_date != status.business_date
        if fresh_day:
            self._seen = None
        events: list[BoardCall] = []
        if self._seen is None:
            self._seen = {}
            self.highlight = status.calls[0].code if status.calls else None
        else:
            for call in status.calls:
                before = self._seen.get(_key(call))
                if before is None or call.recall_count > before:
                    events.append(call)
        for call in status.calls:
            self._seen[_key(call)] = call.recall_count
        services_changed = self.status is None or [s.code for s in self.status.services] != [
            s.code for s in status.services
        ]
        self.status = status
        if services_changed:
            self._rebuild_waiting(status.services)
        # Oldest first, so that the last one announced is the newest.
        for call in reversed(events):
            self._announce(call)
        self.retranslate()

    def _announce(self, call: BoardCall) -> None:
        self.highlight = call.code
        self._blinks_left = max(1, int(self.blink_seconds * 1000 // BLINK_MS))
        self._blink_on = True
        self.blink_timer.start()
        self.chime.play()
        code, counter = call.code, call.counter
        # With the announcer as context: nothing fires after the board has gone.
        QTimer.singleShot(
            SPEAK_AFTER_MS, self.announcer, lambda: self.announcer.announce(code, counter)
        )
        self.footer.setText(self._last_announcement())
        self.announced.emit(code, counter)

    def _last_announcement(self) -> str:
        if self.status is None or not self.status.calls:
            return ""
        top = next((c for c in self.status.calls if c.code == self.highlight), None)
        if top is None:
            return ""
        return (
            self.tr("เชิญหมายเลข %1 ที่ช่องบริการ %2")
            .replace("%1", top.code)
            .replace("%2", str(top.counter))
        )

    def _blink(self) -> None:
        self._blinks_left -= 1
        if self._blinks_left <= 0:
            self.blink_timer.stop()
            self._blink_on = False  # it stays highlighted, without flashing
        else:
            self._blink_on = not self._blink_on
        self._paint_rows()

    def _rebuild_waiting(self, services: tuple[BoardService, ...]) -> None:
        for labels in self.waiting_labels:
            for label in labels:
                self.waiting_grid.removeWidget(label)
                label.setParent(None)  # gone at once, not at the next turn of the loop
                label.deleteLater()
        self.waiting_labels = []
        for i, s in enumerate(services):
            name = QLabel(objectName=f"boardWaitName_{s.code}")
            sub = QLabel(objectName=f"boardWaitSub_{s.code}")
            count = QLabel(objectName=f"boardWait_{s.code}")
            name.setProperty("cell", "waitName")
            sub.setProperty("cell", "waitSub")
            count.setProperty("cell", "waitCount")
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.waiting_grid.addWidget(name, 2 * i, 0)
            self.waiting_grid.addWidget(count, 2 * i, 1, 2, 1)
            self.waiting_grid.addWidget(sub, 2 * i + 1, 0)
            self.waiting_labels.append((name, sub, count))
        self._restyle()

    # ------------------------------------------------------------------ texts and look
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _tick(self) -> None:
        now = self.env.clock()
        day = business_date(now)
        self.clock.setText(texts.clock(now))
        self.date.setText(texts.long_date(day, self.env.i18n.language))
        if self.status is not None and self.status.business_date != day:
            self.reloader.request()  # past midnight: yesterday's calls leave the board

    def retranslate(self) -> None:
        lang = self.env.i18n.language
        self.head_code.setText(self.tr("หมายเลข"))
        self.head_counter.setText(self.tr("ช่องบริการ"))
        self.waiting_title.setText(self.tr("จำนวนผู้รอ"))
        self.placeholder.setText(self.tr("รอเรียกคิว") + "\n" + self.tr("กรุณารอสักครู่"))
        self.no_sound.setText(self.tr("ไม่มีเสียง"))
        self.no_sound.setVisible(not self.has_sound)
        self._tick()
        s = self.status
        if s is None:
            return
        self.office.setText(texts.name_in(lang, s.office_name, s.office_name_en))
        self.office_sub.setText(texts.other_name(lang, s.office_name, s.office_name_en))
        for (name, sub, count), svc in zip(self.waiting_labels, s.services, strict=False):
            name.setText(texts.name_in(lang, svc.name, svc.name_en))
            sub.setText(texts.other_name(lang, svc.name, svc.name_en))
            count.setText(str(svc.waiting))
        if not self.footer.property("offline"):
            self.footer.setText(self._last_announcement())
        self._paint_rows()

    @property
    def has_sound(self) -> bool:
        """The chime can play or a Thai voice can speak."""
        chime = self.chime.enabled and self.chime.backend != "beep"
        voice = self.announcer.enabled and getattr(self.announcer, "_speech", None) is not None
        return chime or voice

    def _paint_rows(self) -> None:
        calls = self.status.calls if self.status is not None else ()
        self.placeholder.setVisible(self.status is not None and not calls)
        for i, (frame, code, counter) in enumerate(self.rows):
            call = calls[i] if i < len(calls) else None
            frame.setVisible(bool(calls))
            code.setText(call.code if call else "")
            counter.setText(str(call.counter) if call else "")
            mark = call.mark if call else ""
            tag = self.tags[i]
            tag.setText(self._mark_text(mark))
            tag.setVisible(bool(mark))
            lit = call is not None and call.code == self.highlight
            # Calls before the newest are dimmed: called already, no longer the one to see.
            old = call is not None and not lit
            state = "on" if lit and self._blink_on else "steady" if lit else "old" if old else "off"
            if frame.property("lit") != state:
                frame.setProperty("lit", state)
                for w in (frame, code, counter):
                    w.style().unpolish(w)
                    w.style().polish(w)

    def _mark_text(self, mark: str) -> str:
        if mark == "appointment":
            return self.tr("นัดหมาย")
        return self.tr("รอนาน") if mark == "aged" else ""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()

    def _restyle(self) -> None:
        u = max(4.0, self.height() / 100)
        px = lambda k: f"{round(k * u)}px"  # noqa: E731
        offline = bool(self.footer.property("offline"))
        sheet = f"""
            #board {{ background: #0b1726; }}
            #boardHeader {{ background: #0f3b5f; }}
            #boardOffice {{ color: white; font-size: {px(5)}; font-weight: bold; }}
            #boardOfficeSub {{ color: #e2e8f0; font-size: {px(3.8)}; }}
            #boardClock {{ color: white; font-size: {px(5.4)}; font-weight: bold; }}
            #boardDate {{ color: #f1f5f9; font-size: {px(3.8)}; }}
            #boardHeadCode, #boardHeadCounter {{ color: #93c5fd; font-size: {px(3.6)};
                                                 font-weight: bold; }}
            QFrame[row="even"] {{ background: #13263d; border-radius: {px(1)}; }}
            QFrame[row="odd"] {{ background: #0f1f33; border-radius: {px(1)}; }}
            QLabel[cell="call"] {{ color: white; font-size: {px(8.6)}; font-weight: bold;
                                   background: transparent; }}
            QFrame[lit="on"] {{ background: #facc15; }}
            QFrame[lit="on"] QLabel[cell="call"] {{ color: #111827; }}
            QFrame[lit="steady"] {{ background: #1e3a8a; border: {px(0.4)} solid #facc15; }}
            QFrame[lit="steady"] QLabel[cell="call"] {{ color: #fde047; }}
            QFrame[lit="old"] QLabel[cell="call"] {{ color: #8a9bb3; font-weight: normal; }}
            QLabel[cell="tag"] {{ color: #0b1726; background: #93c5fd; font-size: {px(3)};
                                  font-weight: bold; border-radius: {px(0.6)};
                                  padding: {px(0.2)} {px(0.8)}; }}
            #boardPlaceholder {{ color: #cbd5e1; font-size: {px(7)}; font-weight: bold;
                                 background: #13263d; border-radius: {px(1)}; }}
            #boardNoSound {{ color: #fecaca; background: #7f1d1d; font-size: {px(2.4)};
                             border-radius: {px(0.6)}; padding: {px(0.3)} {px(0.8)}; }}
            #boardSide {{ background: #13263d; border-radius: {px(1)}; }}
            #boardWaitingTitle {{ color: #93c5fd; font-size: {px(3.6)}; font-weight: bold; }}
            QLabel[cell="waitName"] {{ color: white; font-size: {px(3)}; font-weight: bold; }}
            QLabel[cell="waitSub"] {{ color: #cbd5e1; font-size: {px(3.8)}; }}
            QLabel[cell="waitCount"] {{ color: #fde047; font-size: {px(5.4)};
                                        font-weight: bold; }}
            #boardAnnouncement {{ color: {"#fecaca" if offline else "white"};
                                  background: {"#7f1d1d" if offline else "#0f3b5f"};
                                  font-size: {px(3.4)}; padding: {px(0.6)}; }}
            """
        if sheet == self.styleSheet() and self._styled_logo == (self._logo, u):
            return  # nothing changed: re-applying would re-layout, resize, and come back here
        self.setStyleSheet(sheet)
        for tag in self.tags:
            tag.setFixedWidth(round(16 * u))
        self._styled_logo = (self._logo, u)
        logo_label(self._logo, round(9 * u), self.logo)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clock_timer.stop()
        self.blink_timer.stop()
        self.ops.wait(5000)
        super().closeEvent(event)
