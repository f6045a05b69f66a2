"""The role × action matrix: every action of desktop_app/domain/roles.py PERMISSIONS is
tried by every role, through the real services on a real database (both engines), each
time on a fresh object that the action can really apply to (a waiting ticket, an approved
loan, a backup file…), prepared by someone allowed to.

- A role the table does not allow is refused with Forbidden naming the action (exit 4 in
  the CLI), and the database is unchanged, row for row.
- A role the table allows succeeds — except where the regulation narrows it further:
  deciding a loan (approve/reject) is open to every role in the table, and then clause
  208 wants the one approver of the case (ClauseForbidden naming the clause, database
  unchanged); the case is chosen so that the head being tested is that approver.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from db.uow import UnitOfWork
from desktop_app import cli
from desktop_app.domain.errors import Forbidden
from desktop_app.domain.loans import ClauseForbidden
from desktop_app.domain.roles import PERMISSIONS, Role
from desktop_app.services import (
    asset_io,
    assets,
    backup,
    delegations,
    devices,
    loans,
    office,
    settings,
    tickets,
    users,
)
from desktop_app.services.auth import Actor
from tests.support.db import actor, snapshot
from tests.support.loans import HOLDER, request

USER_OF = {
    Role.ADMIN: "admin",
    Role.CLERK: "clerk1",
    Role.SUPPLY_OFFICER: "supply",
    Role.SUPPLY_HEAD: "supplyhead",
    Role.AGENCY_HEAD: "director",
    Role.STAFF: "staff1",
}
SOURCES = Path(__file__).resolve().parents[2] / "desktop_app"
# Allowed by the table, then narrowed by the regulation (the module docstring).
DECISIONS = {"loan.approve", "loan.reject"}
Action = Callable[[Actor], object]


class Prep:
    """Makes, for each action, a fresh thing to act on and returns the action."""

    def __init__(self, uow: UnitOfWork, tmp_path: Path, role: Role) -> None:
        self.uow, self.tmp, self.role = uow, tmp_path, role
        self.n = itertools.count(1)
        self.admin = actor(uow, "admin")
        self.clerk = actor(uow, "clerk1")
        self.supply = actor(uow, "supply")
        self.staff = actor(uow, "staff1")
        self.director = actor(uow, "director")

    # -- things to act on
    def _asset(self) -> str:
        no = f"7440-9{next(self.n):02d}-0001/2566"
        assets.create_asset(self.uow, self.supply, assets.AssetInput(
            asset_no=no, name="เครื่องฉายทดสอบ", kind="durable", price=Decimal("12000"),
            acquired=dt.date(2023, 5, 1), unit_holder=HOLDER))  # fmt: skip
        return no

    def _loan(self, status: str) -> tuple[str, str]:
        """A 208(3) loan (the director approves) of a new asset, brought to ``status``."""
        no = self._asset()
        loan_no = request(self.uow, self.staff, items=[no]).loan_no
        if status in ("approved", "on_loan", "returned"):
            loans.approve_loan(self.uow, self.director, loan_no)
        if status in ("on_loan", "returned"):
            loans.hand_over(self.uow, self.supply, loan_no)
        if status == "returned":
            loans.return_items(self.uow, self.supply, loan_no, [f"{no}:damaged"])
        return loan_no, no

    def _called(self) -> int:
        tickets.issue_ticket(self.uow, self.clerk, "A")
        called = tickets.call_next(self.uow, self.clerk, 1)
        assert called is not None
        return 1

    def _waiting(self) -> str:
        return tickets.issue_ticket(self.uow, self.clerk, "B").code

    # -- one per action
    def action(self, name: str) -> Action:
        uow, k = self.uow, next(self.n)
        if name == "user.add":
            return lambda a: users.add_user(uow, a, f"newuser{k}", "staff", "สมใจ ทดลอง",
                                            "long-enough-pw")  # fmt: skip
        if name == "service.add":
            return lambda a: office.add_service(uow, a, f"S{k}", "บริการใหม่", "New", "Q", 10)
        if name == "counter.add":
            return lambda a: office.add_counter(uow, a, 40 + k, ["A"])
        if name == "settings.set":
            return lambda a: settings.set_setting(uow, a, "ticket.footer", f"ขอบคุณ {k}")
        if name == "restore":
            path = self.tmp / f"backup-{k}.db"
            backup.backup(uow, path)
            return lambda a: backup.restore(uow, a, path)
        if name == "ticket.issue":
            return lambda a: tickets.issue_ticket(uow, a, "A")
        if name == "ticket.call":
            self._waiting()
            return lambda a: tickets.call_next(uow, a, 2)
        if name in ("ticket.recall", "ticket.complete", "ticket.no_show"):
            counter = self._called()
            fn = getattr(tickets, name.split(".")[1])
            return lambda a: fn(uow, a, counter)
        if name == "ticket.transfer":
            code = self._waiting()
            return lambda a: tickets.transfer(uow, a, code, "C")
        if name == "ticket.pick":
            code = self._waiting()
            return lambda a: tickets.pick(uow, a, code, 2, "ผู้สูงอายุนั่งรถเข็น")
        if name == "ticket.reprint":
            code = self._waiting()
            return lambda a: tickets.reprint(uow, a, code)
        if name == "asset.add":
            return lambda a: assets.create_asset(uow, a, assets.AssetInput(
                asset_no=f"7110-8{k:02d}-0001/2567", name="โต๊ะพับ", kind="durable",
                price=Decimal("1500"), acquired=dt.date(2024, 1, 15)))  # fmt: skip
        if name == "asset.import":
            path = self.tmp / f"import-{k}.csv"
            path.write_text("asset_no,name,kind,price,acquired\n"
                            f"7110-7{k:02d}-0001/2567,ตู้เอกสาร,durable,3500,2024-02-01\n",
                            encoding="utf-8")  # fmt: skip
            return lambda a: asset_io.import_assets(uow, a, path)
        if name == "loan.request":
            no = self._asset()
            return lambda a: request(uow, a, items=[no], borrower_user=None)
        if name == "loan.cancel":  # the requester withdraws their own request
            no = self._asset()
            mine = request(uow, actor(uow, USER_OF[self.role]), items=[no], borrower_user=None)
            return lambda a: loans.cancel_loan(uow, a, mine.loan_no)
        if name in DECISIONS:
            no = self._asset()
            # The supply head decides on-premises use (208(2)); everyone else gets 208(3).
            place = "on_premises" if self.role is Role.SUPPLY_HEAD else "off_premises"
            loan_no = request(uow, self.staff, items=[no], place=place).loan_no
            if name == "loan.approve":
                return lambda a: loans.approve_loan(uow, a, loan_no)
            return lambda a: loans.reject_loan(uow, a, loan_no, "ไม่มีความจำเป็นต้องใช้")
        if name == "loan.handover":
            loan_no, _ = self._loan("approved")
            return lambda a: loans.hand_over(uow, a, loan_no)
        if name == "loan.return":
            loan_no, no = self._loan("on_loan")
            return lambda a: loans.return_items(uow, a, loan_no, [f"{no}:good"])
        if name == "loan.settle":
            loan_no, no = self._loan("returned")
            return lambda a: loans.settle_item(uow, a, loan_no, no, "repair")
        if name == "loan.followup":
            loan_no, _ = self._loan("on_loan")
            return lambda a: loans.record_followup(uow, a, loan_no, "โทรแจ้งผู้ยืมแล้ว")
        if name == "report.view":  # checked by the CLI and the window, not a service
            out = self.tmp / f"report-{k}.csv"
            url = uow.engine.url.render_as_string(hide_password=False)
            return lambda a: _cli(url, a, "report", "queue", "--date", "2026-11-24",
                                  "--format", "csv", "--out", str(out))  # fmt: skip
        if name == "delegation.add":
            return lambda a: delegations.add_delegation(
                uow, a, "supply", "supply_head", unit=HOLDER, valid_until=dt.date(2026, 12, 31)
            )
        if name == "delegation.revoke":
            d = delegations.add_delegation(uow, self.admin, "supply", "supply_head", unit=HOLDER,
                                           valid_until=dt.date(2026, 12, 31))  # fmt: skip
            return lambda a: delegations.revoke_delegation(uow, a, d.id)
        if name == "device.add":
            return lambda a: devices.add_device(uow, a, f"kiosk-{k}", "kiosk")
        if name == "device.list":
            return lambda a: devices.list_devices(uow, a)
        if name == "device.revoke":
            d = devices.add_device(uow, self.admin, f"kiosk-r{k}", "kiosk")
            return lambda a: devices.revoke_device(uow, a, d.device)
        integrity = self._integrity(name, k)
        if integrity is not None:
            return integrity
        if name == "backup.run":
            return lambda a: backup.run_backup(uow, a, self.tmp / f"backups-{k}")
        booking = self._appointments(name)
        if booking is not None:
            return booking
        raise AssertionError(f"the matrix has no way to try '{name}': add one")

    def _appointments(self, name: str) -> Action | None:
        """Slots, bookings, check-in (issue 15), on the clock's day (09:00 Bangkok)."""
        from desktop_app.services import appointments

        uow, day, every_day = self.uow, dt.date(2026, 11, 24), "mon,tue,wed,thu,fri,sat,sun"
        if name == "slot.generate":
            return lambda a: appointments.generate_slots(uow, a, "C", day, day, every_day,
                                                         "09:00", "12:00", 30, 50)  # fmt: skip
        if not name.startswith("appointment."):
            return None
        appointments.generate_slots(uow, self.admin, "D", day, day, every_day, "09:00", "12:00",
                                    30, 999)  # fmt: skip
        if name == "appointment.book":
            return lambda a: appointments.book(uow, a, "D", f"{day} 09:30")
        code = appointments.book(uow, self.clerk, "D", f"{day} 09:30").appointment
        act = appointments.cancel if name == "appointment.cancel" else appointments.check_in
        return lambda a: act(uow, a, code)

    def _integrity(self, name: str, k: int) -> Action | None:
        """The guideline, misuse reports, the custodian's report, the ITA pack (issue 16)."""
        from desktop_app.services import custodian, ita, misuse, rules

        uow = self.uow
        if name == "rules.publish":
            return lambda a: rules.publish_rules(uow, a, f"แนวทาง {k}", "r.md", b"# rules\n")
        if name == "rules.ack":
            rules.publish_rules(uow, self.director, f"แนวทาง {k}", "r.md", b"# rules\n")
            return lambda a: rules.acknowledge_rules(uow, a)
        if name == "misuse.report":
            return lambda a: misuse.report_misuse(uow, a, "เห็นการใช้รถส่วนกลางไปธุระส่วนตัว")
        if name == "misuse.handle":
            case = misuse.report_misuse(uow, self.staff, "เรื่องทดสอบ", anonymous=True).case
            return lambda a: misuse.update_case(uow, a, case, "investigating", "รับเรื่อง")
        if name == "report.ita":
            return lambda a: ita.build_ita_pack(uow, a, 2570, self.tmp / f"ita-{k}")
        if name == "custodian.submit":
            return lambda a: custodian.submit_custodian_report(uow, a, 2100 + k, 1, "ตรวจนับ")
        if name == "custodian.signoff":
            custodian.submit_custodian_report(uow, self.supply, 2150 + k, 1, "ตรวจนับ")
            return lambda a: custodian.sign_off_custodian_report(uow, a, 2150 + k, 1)
        return None


def _cli(url: str, who: Actor, *args: str) -> None:
    """The CLI in this process; its refusal raised again as the error it printed."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = cli.main(["--db", url, "--json", "--as", who.username, *args])
    if code == 4 and json.loads(err.getvalue())["error"] == "forbidden":
        action = "report.view" if args[0] == "report" else None
        raise Forbidden(json.loads(err.getvalue())["message"], action=action)
    assert code == 0, err.getvalue()


def enforced(action: str) -> bool:
    """Whether any code outside the table checks this action at all."""
    needle = f'"{action}"'
    return any(needle in p.read_text(encoding="utf-8") for p in SOURCES.rglob("*.py")
               if p.name != "roles.py")  # fmt: skip


def _approver(role: Role) -> bool:
    return role in (Role.AGENCY_HEAD, Role.SUPPLY_HEAD)


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_every_role_tries_every_action_and_only_the_allowed_ones_pass(
    office: UnitOfWork, tmp_path: Path, role: Role, monkeypatch: pytest.MonkeyPatch
) -> None:
    uow = office
    monkeypatch.setenv("KHETDESK_PASSWORD", "demo")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    # A permission in the table that no code checks is a hole, not something to skip.
    unused = {name for name in PERMISSIONS if not enforced(name)}
    assert unused == set(), f"in the permission table but checked nowhere: {sorted(unused)}"
    prep = Prep(uow, tmp_path, role)
    who = actor(uow, USER_OF[role])
    assert who.role is role
    outcome: dict[str, str] = {}
    problems: list[str] = []
    for name in sorted(PERMISSIONS):
        act = prep.action(name)
        before = snapshot(uow.engine)
        allowed = role in PERMISSIONS[name]
        try:
            act(who)
        except ClauseForbidden as e:
            outcome[name] = f"clause {e.clause}"
            if not (name in DECISIONS and allowed and not _approver(role) and e.clause):
                problems.append(f"{name}: refused under clause {e.clause}: {e.message}")
            if snapshot(uow.engine) != before:
                problems.append(f"{name}: the refusal changed the database")
        except Forbidden as e:
            outcome[name] = "forbidden"
            if allowed:
                problems.append(f"{name}: allowed for {role} but refused: {e.message}")
            elif e.details.get("action") != name:
                problems.append(f"{name}: refused, but naming {e.details.get('action')!r}")
            if snapshot(uow.engine) != before:
                problems.append(f"{name}: the refusal changed the database")
        else:
            outcome[name] = "done"
            if not allowed:
                problems.append(f"{name}: {role} may not, yet it went through")
            elif name in DECISIONS and not _approver(role) and role is not Role.ADMIN:
                problems.append(f"{name}: {role} decided a loan it is not the approver of")
    assert not problems, "\n".join([f"role {role}:", *problems])
    # Every action was tried and the table's every allowed entry went through.
    assert set(outcome) == set(PERMISSIONS)
    for name, roles in PERMISSIONS.items():
        if role in roles and name not in DECISIONS:
            assert outcome[name] == "done", (name, outcome[name])
        if role not in roles:
            assert outcome[name] == "forbidden", (name, outcome[name])
