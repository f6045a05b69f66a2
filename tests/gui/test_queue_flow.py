"""The whole counter flow through the windows, on SQLite and PostgreSQL: a citizen taps the
kiosk, the ticket appears in the counter's waiting list, the clerk presses Call next, the
board shows it and chimes. The board runs on its own engine, as on another PC."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services.auth import authenticate
from desktop_app.ui.app import make_env
from desktop_app.ui.board import BoardWindow
from desktop_app.ui.counter import CounterWindow
from desktop_app.ui.kiosk import KioskWindow
from tests.gui.conftest import WAIT_MS, AnsweringDialogs, button

pytestmark = pytest.mark.gui


@pytest.fixture
def other_pc(qapp, db_url, office, clock, local):
    """The board's PC: its own engine and live queue on the same database."""
    engine = make_engine(db_url)
    uow = UnitOfWork(engine, clock=clock)
    env = make_env(qapp, uow, dialogs=AnsweringDialogs(), local=local, clock=clock)
    env.live.start()
    yield env
    env.live.stop()
    for window in list(env.windows):
        window.close()
    engine.dispose()


def test_kiosk_to_counter_to_board(qtbot, env, other_pc, clock):
    clerk = authenticate(env.uow, "clerk1", "demo")
    kiosk = KioskWindow(env, clerk)
    counter = CounterWindow(env, clerk, 1)
    board = BoardWindow(other_pc)
    for w in (kiosk, counter, board):
        qtbot.addWidget(w)
        w.show()
    env.windows.append(kiosk)
    qtbot.waitUntil(lambda: kiosk.findChild(QPushButton, "service_A") is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: counter.queue is not None and board.status is not None, timeout=WAIT_MS)
    assert counter.model.rowCount() == 0

    # The citizen chooses "elderly", then service A.
    qtbot.mouseClick(button(kiosk, "priority_elderly"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(kiosk, "service_A"), Qt.MouseButton.LeftButton)
    code = kiosk.findChild(QLabel, "kioskTicketCode")
    qtbot.waitUntil(lambda: code.text() == "A001", timeout=WAIT_MS)
    assert code.isVisible()
    assert kiosk.findChild(QLabel, "kioskWait").text() == "ไม่มีผู้รอก่อนท่าน กรุณารอเรียกสักครู่"

    # It reaches the counter's waiting list, marked as a priority ticket.
    qtbot.waitUntil(lambda: counter.model.rowCount() == 1, timeout=WAIT_MS)
    assert counter.model.index(0, 1).data() == "A001"
    assert counter.model.index(0, 3).data() == "ผู้สูงอายุ"
    qtbot.waitUntil(lambda: board.findChild(QLabel, "boardWait_A").text() == "1", timeout=WAIT_MS)

    # Call next: the board on the other PC shows it, highlighted, and chimes.
    clock.advance(minutes=3)
    with qtbot.waitSignal(board.announced, timeout=WAIT_MS) as announced:
        qtbot.mouseClick(button(counter, "callNext"), Qt.MouseButton.LeftButton)
    assert announced.args == ["A001", 1]
    assert board.findChild(QLabel, "boardCode0").text() == "A001"
    assert board.findChild(QLabel, "boardCounter0").text() == "1"
    assert board.findChild(QLabel, "boardWait_A").text() == "0"
    assert board.highlight == "A001"
    qtbot.waitUntil(
        lambda: counter.findChild(QLabel, "servingCode").text() == "A001", timeout=WAIT_MS
    )
    assert counter.findChild(QLabel, "servingWaited").text().startswith("รอคิว 3 นาที")
    assert counter.model.rowCount() == 0

    # A recall chimes again.
    with qtbot.waitSignal(board.chime.rang, timeout=WAIT_MS):
        qtbot.mouseClick(button(counter, "recall"), Qt.MouseButton.LeftButton)
    for w in (kiosk, counter, board):
        w.close()
