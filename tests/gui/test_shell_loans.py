"""The shell's loan workspaces follow PERMISSIONS: the register and a request for
everyone, the desk for the supply officer, the inbox for the heads — and for a user who
holds a delegation today, once the database has said so. Each button opens its window."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from desktop_app.services.delegations import add_delegation
from desktop_app.ui.asset_register import AssetRegisterWindow
from desktop_app.ui.loan_desk import LoanDeskWindow
from desktop_app.ui.loan_inbox import LoanInboxWindow
from desktop_app.ui.loan_request import LoanRequestWindow
from desktop_app.ui.shell import Shell
from tests.gui.conftest import WAIT_MS, button
from tests.support.db import actor

pytestmark = pytest.mark.gui
LOANS = {"openAssets", "openLoanRequest", "openLoanDesk", "openLoanInbox"}


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "shell.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def _launcher(qtbot, env, username):
    launcher = Shell(env, actor(env.uow, username))
    env.keep(launcher)
    launcher.show()
    qtbot.waitUntil(lambda: not launcher.ops.busy, timeout=WAIT_MS)
    return launcher


@pytest.mark.parametrize(
    ("username", "offered"),
    [
        ("staff1", {"openAssets", "openLoanRequest"}),
        ("clerk1", {"openAssets", "openLoanRequest"}),
        ("supply", {"openAssets", "openLoanRequest", "openLoanDesk"}),
        ("supplyhead", {"openAssets", "openLoanRequest", "openLoanInbox"}),
        ("director", {"openAssets", "openLoanRequest", "openLoanInbox"}),
        ("admin", LOANS),
    ],
)
def test_loan_buttons_by_role(qtbot, env, username, offered):
    launcher = _launcher(qtbot, env, username)
    assert set(launcher.buttons) & LOANS == offered


def test_a_delegate_gets_the_inbox(qtbot, env):
    add_delegation(env.uow, actor(env.uow, "director"), "clerk1", "agency_head")
    launcher = _launcher(qtbot, env, "clerk1")
    qtbot.waitUntil(lambda: "openLoanInbox" in launcher.buttons, timeout=WAIT_MS)
    # after the workspaces of the role, in the side bar's order: the seventh for a clerk
    assert launcher.buttons["openLoanInbox"].text() == "รายการรออนุมัติการยืม   Ctrl+7"


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("openAssets", AssetRegisterWindow),
        ("openLoanRequest", LoanRequestWindow),
        ("openLoanDesk", LoanDeskWindow),
        ("openLoanInbox", LoanInboxWindow),
    ],
)
def test_each_button_opens_its_window(qtbot, env, name, cls):
    launcher = _launcher(qtbot, env, "admin")
    qtbot.mouseClick(button(launcher, name), Qt.MouseButton.LeftButton)
    window = launcher.current_page()
    assert isinstance(window, cls), "it opens inside the shell"
    assert window.actor.username == "admin" and window.isVisible()
