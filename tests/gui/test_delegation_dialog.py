"""รักษาการแทน from the approvals window (issue 19 item 9): the director names who acts for
them until when, sees it listed, and revokes it; staff have no such button."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableWidget

from desktop_app.services.delegations import list_delegations
from desktop_app.ui.loan_inbox import LoanInboxWindow
from tests.gui.conftest import WAIT_MS, button, type_thai
from tests.support.db import actor

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "delegations.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def _inbox(qtbot, env, username):
    window = LoanInboxWindow(env, actor(env.uow, username))
    qtbot.addWidget(window)
    env.windows.append(window)
    window.show()
    return window


def test_a_head_delegates_sees_it_and_revokes_it(qtbot, env, dialogs):
    inbox = _inbox(qtbot, env, "director")
    seen: dict[str, list[str]] = {}

    def delegate_then_revoke(dialog):
        table = dialog.findChild(QTableWidget, "delegationTable")
        qtbot.waitUntil(lambda: button(dialog, "delegationAdd").isEnabled(), timeout=WAIT_MS)
        users = dialog.findChild(QComboBox, "delegationUser")
        users.setCurrentIndex(users.findData("supplyhead"))
        roles = dialog.findChild(QComboBox, "delegationRole")
        roles.setCurrentIndex(roles.findData("agency_head"))
        qtbot.keyClicks(dialog.findChild(QLineEdit, "delegationUntil"), "31/12/2569")
        type_thai(dialog.findChild(QLineEdit, "delegationNote"), "คำสั่งเขต 12/2569")
        qtbot.mouseClick(button(dialog, "delegationAdd"), LEFT)
        qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=WAIT_MS)
        seen["row"] = [table.item(0, c).text() for c in range(5)]
        rect = table.visualItemRect(table.item(0, 0))
        qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
        qtbot.waitUntil(lambda: button(dialog, "delegationRevoke").isEnabled(), timeout=WAIT_MS)
        qtbot.mouseClick(button(dialog, "delegationRevoke"), LEFT)
        qtbot.waitUntil(lambda: table.rowCount() == 0, timeout=WAIT_MS)
        qtbot.mouseClick(button(dialog, "cancel"), LEFT)

    dialogs.answer(delegate_then_revoke)
    qtbot.mouseClick(button(inbox, "loanDelegations"), LEFT)
    who, role, _start, until, state = seen["row"]
    assert role == "หัวหน้าหน่วยงาน" and until == "31/12/2569" and state == "มีผลวันนี้"
    assert who != "supplyhead"  # the person's name, not the login
    assert list_delegations(env.uow) == []
    ended = list_delegations(env.uow, include_ended=True)
    assert len(ended) == 1 and ended[0].valid_until == dt.date(2026, 12, 31)
    assert ended[0].revoked_at is not None


def test_staff_have_no_delegation_button(qtbot, env):
    inbox = _inbox(qtbot, env, "staff1")
    assert not button(inbox, "loanDelegations").isVisible()
