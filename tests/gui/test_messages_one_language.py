"""Bilingual service messages shown in one language (issue 19 item 10)."""

from __future__ import annotations

import pytest

from desktop_app.ui.messages import one_language

pytestmark = pytest.mark.gui  # texts.role goes through Qt's translator

RULE = (
    "ข้อ 208(3): ผู้อนุมัติคือหัวหน้าหน่วยงานของรัฐ บทบาท supply_head ไม่มีอำนาจอนุมัติ "
    "(clause 208(3): the agency head decides; role 'supply_head' may not decide it)"
)


def test_thai_mode_shows_the_thai_with_role_titles(qapp):
    out = one_language(RULE, "th")
    assert out == ("ข้อ 208(3): ผู้อนุมัติคือหัวหน้าหน่วยงานของรัฐ บทบาท หัวหน้าเจ้าหน้าที่พัสดุ"
                   " ไม่มีอำนาจอนุมัติ")  # fmt: skip
    assert "clause" not in out and "supply_head" not in out


def test_english_mode_shows_the_english(qapp):
    assert one_language(RULE, "en") == (
        "clause 208(3): the agency head decides; role 'supply_head' may not decide it"
    )


def test_a_key_in_parentheses_is_not_taken_for_english(qapp):
    text = "ยังไม่ได้ตั้งค่าเครื่องพิมพ์ (printer.connection)"
    assert one_language(text, "th") == text
    assert one_language("ไม่พบพัสดุเลขที่ X (no such asset)", "th") == "ไม่พบพัสดุเลขที่ X"


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    import shutil

    path = tmp_path / "messages.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def test_the_approvals_window_says_the_rule_in_its_own_language(qtbot, env):
    from PySide6.QtCore import Qt

    from desktop_app.ui.loan_inbox import LoanInboxWindow
    from tests.gui.conftest import WAIT_MS, type_thai
    from tests.support.db import actor
    from tests.support.loans import request

    loan_no = request(env.uow, actor(env.uow, "staff1")).loan_no  # 208(3): the director's
    window = LoanInboxWindow(env, actor(env.uow, "supplyhead"))
    qtbot.addWidget(window)
    env.windows.append(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded, timeout=WAIT_MS)
    type_thai(window.lookup, loan_no)
    qtbot.keyClick(window.lookup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.decision is not None, timeout=WAIT_MS)
    thai = window.refusal.text()
    assert "ข้อ 208(3)" in thai
    for english in ("clause", "supply_head", "agency_head", "may not"):
        assert english not in thai
    env.i18n.set_language("en")
    qtbot.waitUntil(lambda: "clause 208(3)" in window.refusal.text(), timeout=WAIT_MS)
    assert not any("\u0e00" <= c <= "\u0e7f" for c in window.refusal.text())
