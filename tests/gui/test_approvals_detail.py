"""What a head decides on (issue 19 item 12): the requester's full name and position, how
long the request has waited, the items' value, and the borrower's record."""

from __future__ import annotations

import shutil

import pytest

from desktop_app.services.users import list_users
from desktop_app.ui.loan_inbox import LoanInboxWindow
from tests.gui.conftest import WAIT_MS
from tests.support.db import actor
from tests.support.loans import request

pytestmark = pytest.mark.gui


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "approvals.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def test_the_director_sees_who_asked_how_long_ago_the_value_and_the_record(qtbot, env, clock):
    request(env.uow, actor(env.uow, "staff1"))  # 208(3): the director's
    clock.advance(hours=26)
    window = LoanInboxWindow(env, actor(env.uow, "director"))
    qtbot.addWidget(window)
    env.windows.append(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(
        lambda: window.context is not None or window.message.text() != "", timeout=WAIT_MS
    )
    assert window.message.text() == ""
    text = window.detail.toPlainText()
    staff = next(u for u in list_users(env.uow) if u.username == "staff1")
    assert staff.name in text and "staff1" not in text
    assert "รอพิจารณามาแล้ว" in text and "1 วัน 2 ชั่วโมง" in text
    assert "มูลค่าพัสดุ" in text and "บาท" in text
    assert "ประวัติผู้ยืม" in text
