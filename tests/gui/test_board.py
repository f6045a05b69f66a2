"""The now-serving board: calls and recalls chime and are announced, the newest blinks then
stays highlighted, waiting counts per service, the date in Thai, a restart does not replay
the morning's calls."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QFrame, QLabel

from desktop_app.services import tickets
from desktop_app.ui.board import BoardWindow
from tests.gui.conftest import WAIT_MS
from tests.support.db import actor

pytestmark = pytest.mark.gui


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "board.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def clerk(env):
    return actor(env.uow, "clerk1")


def open_board(qtbot, env, **kw) -> BoardWindow:
    board = BoardWindow(env, **kw)
    qtbot.addWidget(board)
    env.windows.append(board)
    board.resize(1920, 1080)
    board.show()
    qtbot.waitUntil(lambda: board.status is not None, timeout=WAIT_MS)
    return board


def text(board, name: str) -> str:
    found = board.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def lit(board, row: int) -> str:
    return board.findChild(QFrame, f"boardRow{row}").property("lit")


def test_every_call_and_recall_chimes_and_is_announced(qtbot, env, clerk, clock):
    for svc in ("A", "B", "C"):
        tickets.issue_ticket(env.uow, clerk, svc)
    board = open_board(qtbot, env)
    rang: list[int] = []
    board.chime.rang.connect(lambda: rang.append(1))
    with qtbot.waitSignal(board.announcer.said, timeout=WAIT_MS) as said:
        tickets.call_next(env.uow, clerk, 3)  # C001 at counter 3, from another PC
    assert said.args[0] == "เชิญหมายเลข C001 ที่ช่องบริการ 3"
    assert text(board, "boardCode0") == "C001" and text(board, "boardCounter0") == "3"
    assert text(board, "boardAnnouncement") == "เชิญหมายเลข C001 ที่ช่องบริการ 3"
    clock.advance(seconds=20)
    with qtbot.waitSignal(board.announced, timeout=WAIT_MS):
        tickets.call_next(env.uow, clerk, 1)
    assert [text(board, f"boardCode{i}") for i in range(3)] == ["A001", "C001", ""]
    assert board.highlight == "A001"
    # A recall of an older call chimes again and highlights it where it is.
    with qtbot.waitSignal(board.announced, timeout=WAIT_MS) as again:
        tickets.recall(env.uow, clerk, 3)
    assert again.args == ["C001", 3]
    assert board.highlight == "C001" and lit(board, 1) == "on" and lit(board, 0) == "old"
    assert len(rang) == 3


def test_the_newest_blinks_then_stays_highlighted(qtbot, env, clerk):
    tickets.issue_ticket(env.uow, clerk, "A")
    board = open_board(qtbot, env, blink_seconds=1.2)
    with qtbot.waitSignal(board.announced, timeout=WAIT_MS):
        tickets.call_next(env.uow, clerk, 2)
    seen = {lit(board, 0)}
    qtbot.waitUntil(lambda: seen.add(lit(board, 0)) or not board.blink_timer.isActive(),
                    timeout=WAIT_MS)  # fmt: skip
    # It flashes (yellow "on", then back to the "steady" highlight) and ends steady.
    assert seen == {"on", "steady"}
    assert lit(board, 0) == "steady" and lit(board, 1) == "off"


def test_a_restarted_board_does_not_replay_the_calls(qtbot, env, clerk):
    for _ in range(3):
        tickets.issue_ticket(env.uow, clerk, "A")
    tickets.call_next(env.uow, clerk, 1)
    tickets.call_next(env.uow, clerk, 2)
    board = open_board(qtbot, env)
    announced: list[str] = []
    board.announced.connect(lambda code, _n: announced.append(code))
    assert [text(board, f"boardCode{i}") for i in range(2)] == ["A002", "A001"]
    assert board.highlight == "A002" and lit(board, 0) == "steady"
    tickets.issue_ticket(env.uow, clerk, "B")  # a change, but no call
    qtbot.waitUntil(lambda: text(board, "boardWait_B") == "1", timeout=WAIT_MS)
    assert announced == []


def test_waiting_counts_office_and_thai_date(qtbot, env, clerk):
    for svc in ("A", "A", "D"):
        tickets.issue_ticket(env.uow, clerk, svc)
    board = open_board(qtbot, env)
    assert [text(board, f"boardWait_{s}") for s in "ABCD"] == ["2", "0", "0", "1"]
    assert text(board, "boardWaitName_A") == "งานทะเบียนราษฎร"
    assert text(board, "boardWaitSub_A") == "Civil registration"
    assert text(board, "boardOffice") == "สำนักงานเขตตลิ่งชัน"
    # The test clock: 09:00 on Tuesday 24 November 2026 in Bangkok.
    assert text(board, "boardDate") == "วันอังคารที่ 24 พฤศจิกายน พ.ศ. 2569"
    assert text(board, "boardClock") == "09:00:00"
    env.i18n.set_language("en")
    qtbot.waitUntil(lambda: text(board, "boardHeadCounter") == "Counter", timeout=WAIT_MS)
    assert text(board, "boardDate") == "Tuesday 24 November 2026"
    assert text(board, "boardWaitName_A") == "Civil registration"


def test_after_midnight_yesterdays_calls_leave_the_board(qtbot, env, clerk, clock):
    tickets.issue_ticket(env.uow, clerk, "A")
    tickets.call_next(env.uow, clerk, 1)
    board = open_board(qtbot, env)
    assert text(board, "boardCode0") == "A001"
    clock.advance(days=1)  # nothing is written: the board notices the new day itself
    qtbot.waitUntil(lambda: text(board, "boardCode0") == "", timeout=WAIT_MS)
    assert text(board, "boardDate") == "วันพุธที่ 25 พฤศจิกายน พ.ศ. 2569"


# ---------------------------------------------------------------- issue 19, item 7


def test_before_the_first_call_one_placeholder_then_older_calls_dimmed(qtbot, env, clerk):
    board = open_board(qtbot, env)
    placeholder = board.findChild(QLabel, "boardPlaceholder")
    assert placeholder.isVisible() and placeholder.text().startswith("รอเรียกคิว")
    assert not board.findChild(QFrame, "boardRow0").isVisible()
    for _ in range(3):
        tickets.issue_ticket(env.uow, clerk, "A")
    tickets.call_next(env.uow, clerk, 1)
    tickets.call_next(env.uow, clerk, 2)
    qtbot.waitUntil(lambda: text(board, "boardCode1") != "", timeout=WAIT_MS)
    assert not placeholder.isVisible()
    assert lit(board, 0) in ("on", "steady")  # the newest
    assert lit(board, 1) == "old"  # called already: dimmed


def test_secondary_text_is_40_px_at_1080p_and_no_sound_is_said(qtbot, env):
    board = open_board(qtbot, env)  # the test PC: chime switched off, no Thai voice
    qtbot.waitUntil(lambda: text(board, "boardOfficeSub") != "", timeout=WAIT_MS)
    for name in ("boardOfficeSub", "boardDate"):
        assert board.findChild(QLabel, name).font().pixelSize() >= 40, name
    sub = lambda: board.findChild(QLabel, "boardWaitSub_A")  # noqa: E731
    qtbot.waitUntil(lambda: sub() is not None and sub().isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: sub().font().pixelSize() >= 40, timeout=3000)
    marker = board.findChild(QLabel, "boardNoSound")
    assert marker.isVisible() and "ไม่มีเสียง" in marker.text()
