"""The workspaces a user opens after the login, in the order of the shell's side bar
(Ctrl+1…9), and how each is built. Every window module is imported only when its
workspace opens, so the start pays for none of them (nor for QtCharts, QtPdf, reportlab…)
and no window module imports another to open it: windows ask ``env.open_workspace``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.domain.roles import PERMISSIONS, Role
from desktop_app.services.auth import Actor
from desktop_app.ui.env import UiEnv


def may(role: Role, action: str) -> bool:
    return role in PERMISSIONS.get(action, frozenset())


@dataclass(frozen=True)
class Workspace:
    key: str
    button: str  # the object name of its side-bar button
    permission: str | tuple[str, ...] | None  # action(s) of PERMISSIONS, any one; None: all
    inside: bool  # opens inside the shell; False: a full-screen window of its own

    def allowed(self, role: Role) -> bool:
        if self.permission is None:
            return True
        actions = (self.permission,) if isinstance(self.permission, str) else self.permission
        return any(may(role, a) for a in actions)


WORKSPACES: tuple[Workspace, ...] = (
    Workspace("counter", "openCounter", "ticket.call", True),
    Workspace("kiosk", "openKiosk", "ticket.issue", False),
    Workspace("board", "openBoard", None, False),
    Workspace("overview", "openOverview", None, True),
    Workspace("assets", "openAssets", None, True),
    Workspace("borrow", "openLoanRequest", "loan.request", True),
    Workspace("loan_desk", "openLoanDesk", "loan.handover", True),
    # The heads' inbox; also for anyone holding a delegation today (asked of the database).
    Workspace("approvals", "openLoanInbox", "delegation.add", True),
    Workspace("stats", "openStats", "report.view", True),
    Workspace("settings", "openSettings", "settings.set", True),
    # Integrity and transparency (issue 16): the loan situation for everyone, the misuse cases
    # and the supervision summary for their handlers, the custodian's monthly report, and the
    # guideline's publishing for the heads (everyone reads it from the ความโปร่งใส menu).
    Workspace("situation", "openLoanSituation", None, True),
    Workspace("misuse_cases", "openMisuseCases", "misuse.handle", True),
    Workspace("supervision", "openSupervision", "misuse.handle", True),
    Workspace("custodian", "openCustodian", ("custodian.submit", "custodian.signoff"), True),
    Workspace("rules", "openRules", "rules.publish", True),
)
INTEGRITY_WINDOWS = {
    "situation": "LoanSituationWindow",
    "misuse_cases": "MisuseCasesWindow",
    "supervision": "SupervisionWindow",
    "custodian": "CustodianWindow",
    "rules": "RulesWindow",
}
BY_KEY = {w.key: w for w in WORKSPACES}


def build(env: UiEnv, actor: Actor, key: str, **kw: Any) -> QWidget:
    """A new window of workspace ``key`` (not shown). ``counter`` takes ``number``, ``borrow``
    takes ``asset_numbers``."""
    if key == "counter":
        from desktop_app.ui.counter import CounterWindow

        return CounterWindow(env, actor, kw["number"])
    if key == "kiosk":
        from desktop_app.ui.kiosk import KioskWindow

        return KioskWindow(env, actor)
    if key == "board":
        from desktop_app.ui.board import BoardWindow

        return BoardWindow(env)
    if key == "overview":
        from desktop_app.ui.main_window import MainWindow

        return MainWindow(env.uow)
    if key == "assets":
        from desktop_app.ui.asset_register import AssetRegisterWindow

        return AssetRegisterWindow(env, actor)
    if key == "borrow":
        from desktop_app.ui.loan_request import LoanRequestWindow

        return LoanRequestWindow(env, actor, kw.get("asset_numbers"))
    if key == "loan_desk":
        from desktop_app.ui.loan_desk import LoanDeskWindow

        return LoanDeskWindow(env, actor)
    if key == "approvals":
        from desktop_app.ui.loan_inbox import LoanInboxWindow

        return LoanInboxWindow(env, actor)
    if key == "stats":
        from desktop_app.ui.stats_window import StatsWindow

        return StatsWindow(env, actor)
    if key == "settings":
        from desktop_app.ui.admin import SettingsWindow

        return SettingsWindow(env, actor)
    if key in INTEGRITY_WINDOWS:
        from desktop_app.ui import integrity

        window: QWidget = getattr(integrity, INTEGRITY_WINDOWS[key])(env, actor)
        return window
    raise KeyError(key)


def open_window(env: UiEnv, actor: Actor, key: str, **kw: Any) -> QWidget:
    """Workspace ``key`` as a window of its own (no shell: tests, ``gui --counter N``); the
    kiosk and the board fill their chosen screen."""
    window = build(env, actor, key, **kw)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    env.keep(window)
    if BY_KEY[key].inside:
        window.show()
    else:
        from desktop_app.ui.screens import chosen_screen, show_full_screen

        show_full_screen(window, chosen_screen(env.local, key))
    return window
