"""Two `khetdesk` processes racing on the same action, released together behind a start
barrier, on real SQLite and PostgreSQL: exactly one wins; the other is refused with the
exit code CLI.md gives its reason (6, conflict, where the state changed under it) and
changes nothing; the audit trail verifies.

What tests/integration already covers with service-layer workers and is not repeated
here: 200 tickets drained by two counters (test_concurrency), four processes requesting
one asset and four handing over one loan (test_loans_race). Here it is the real program,
its exit codes and its JSON, two at a time:

- call next on two counters with one citizen waiting: one gets A001, the other is told
  nobody waits (`{"ticket": null}`, exit 0 — CLI.md's answer for an empty queue);
- both counters pick the same ticket out of order: one, the other exit 6;
- two clerks complete the same counter's citizen: one, the other exit 6;
- approve and reject the same request: one decision, the other exit 6;
- approve and cancel the same request: cancel first → the approval exit 6; approve first →
  the cancel still succeeds (a loan may be cancelled until it is handed over), in that
  order in the audit trail — never an approved-and-cancelled mix;
- hand over the same approved loan twice (lend the same asset twice): one, the other
  exit 6; cancel racing the handover: one, the other exit 6;
- two requests for the same asset and dates: one, the other exit 3 naming clause 208
  (a rule, not a conflict, in CLI.md's terms).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import make_engine
from db.models import AuditEntry
from db.uow import UnitOfWork
from desktop_app.services import audit as audit_service
from desktop_app.services import loans, tickets
from desktop_app.services.setup import init_database
from tests.support.db import actor
from tests.support.loans import LAPTOP, LAPTOP2, PROJECTOR, request
from tests.support.procs import Result, race_cli

pytestmark = pytest.mark.slow


def _ok(r: Result) -> dict[str, object]:
    assert r.code == 0, r.err
    assert "Traceback" not in r.err
    value = json.loads(r.out)
    assert isinstance(value, dict)
    return value


def _refused(r: Result, code: int, error: str) -> dict[str, object]:
    assert r.code == code, f"exit {r.code}: {r.err}"
    assert r.out == "" and "Traceback" not in r.err
    payload = json.loads(r.err)
    assert payload["error"] == error and payload["message"]
    return payload


def _one_wins(results: list[Result], code: int = 6, error: str = "conflict") -> int:
    """Index of the winner; the other was refused with ``code``/``error``."""
    winners = [i for i, r in enumerate(results) if r.code == 0]
    assert len(winners) == 1, [(r.code, r.err[:200]) for r in results]
    _ok(results[winners[0]])
    _refused(results[1 - winners[0]], code, error)
    return winners[0]


def _actions(uow: UnitOfWork, entity_id: str) -> list[str]:
    with uow.read() as tx:
        return list(
            tx.session.execute(
                select(AuditEntry.action)
                .where(AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.id)
            ).scalars()
        )


@pytest.fixture
def office_uow(db_url: str):
    engine = make_engine(db_url)
    init_database(engine, demo=True)
    yield UnitOfWork(engine)
    engine.dispose()


def test_two_counters_racing_on_the_queue(office_uow: UnitOfWork, db_url: str, tmp_path: Path):
    uow = office_uow
    clerk = actor(uow, "clerk1")
    first = tickets.issue_ticket(uow, clerk, "A")

    # One citizen, two counters calling next: exactly one gets them.
    results = race_cli(tmp_path, db_url, [
        ("clerk1", ("ticket", "call", "--counter", "1")),
        ("clerk2", ("ticket", "call", "--counter", "2")),
    ])  # fmt: skip
    got = [_ok(r)["ticket"] for r in results]
    assert sorted(str(g) for g in got).count("None") == 1, got
    winner = next(g for g in got if g is not None)
    assert isinstance(winner, dict) and winner["code"] == first.code
    assert _actions(uow, f"{first.business_date}/{first.code}") == ["ticket.issue", "ticket.call"]

    # The same waiting ticket picked out of order at two counters: once.
    second = tickets.issue_ticket(uow, clerk, "B")
    results = race_cli(tmp_path, db_url, [
        ("clerk1", ("ticket", "pick", second.code, "--counter", "1", "--reason", "ผู้ป่วย")),
        ("clerk2", ("ticket", "pick", second.code, "--counter", "2", "--reason", "ผู้ป่วย")),
    ])  # fmt: skip
    counter = 1 + _one_wins(results)
    entry = f"{second.business_date}/{second.code}"
    assert _actions(uow, entry) == ["ticket.issue", "ticket.pick"]

    # Two clerks at one counter both press "complete": once.
    results = race_cli(tmp_path, db_url, [
        ("clerk1", ("ticket", "complete", "--counter", str(counter))),
        ("clerk2", ("ticket", "complete", "--counter", str(counter))),
    ])  # fmt: skip
    _one_wins(results)
    assert _actions(uow, entry).count("ticket.complete") == 1
    assert audit_service.verify(uow).ok


def test_two_officials_racing_on_one_loan(office_uow: UnitOfWork, db_url: str, tmp_path: Path):
    uow = office_uow
    staff = actor(uow, "staff1")

    # Approve and reject the same request (208(3): the director decides): one decision.
    v = request(uow, staff, items=[LAPTOP])
    results = race_cli(tmp_path, db_url, [
        ("director", ("loan", "approve", v.loan_no)),
        ("director", ("loan", "reject", v.loan_no, "--reason", "ไม่มีความจำเป็น")),
    ])  # fmt: skip
    won = _one_wins(results)
    assert loans.show_loan(uow, v.loan_no).status == ("approved" if won == 0 else "rejected")

    # Approve and cancel the same request, a few times: the serialised outcomes only.
    for _ in range(2):
        v = request(uow, staff, items=[LAPTOP2])
        approve, cancel = race_cli(tmp_path, db_url, [
            ("director", ("loan", "approve", v.loan_no)),
            ("staff1", ("loan", "cancel", v.loan_no)),
        ])  # fmt: skip
        _ok(cancel)
        history = [a for a in _actions(uow, v.loan_no) if a != "loan.request"]
        if approve.code == 0:  # approved, then withdrawn before handover
            assert history == ["loan.approve", "loan.cancel"]
        else:
            _refused(approve, 6, "conflict")
            assert history == ["loan.cancel"]
        assert loans.show_loan(uow, v.loan_no).status == "cancelled"

    # The same approved loan handed over twice (the same asset lent twice): once.
    v = request(uow, staff, items=[PROJECTOR], place="on_premises")
    loans.approve_loan(uow, actor(uow, "supplyhead"), v.loan_no)
    results = race_cli(tmp_path, db_url, [
        ("supply", ("loan", "handover", v.loan_no)),
        ("supply", ("loan", "handover", v.loan_no)),
    ])  # fmt: skip
    _one_wins(results)
    assert _actions(uow, v.loan_no).count("loan.handover") == 1
    assert loans.show_loan(uow, v.loan_no).status == "on_loan"

    # Cancel racing the handover of an approved loan: one of the two.
    v = request(uow, staff, items=[LAPTOP2])
    loans.approve_loan(uow, actor(uow, "director"), v.loan_no)
    results = race_cli(tmp_path, db_url, [
        ("supply", ("loan", "handover", v.loan_no)),
        ("staff1", ("loan", "cancel", v.loan_no)),
    ])  # fmt: skip
    won = _one_wins(results)
    assert loans.show_loan(uow, v.loan_no).status == ("on_loan" if won == 0 else "cancelled")

    # Two requests for the same asset and dates: one; the other refused under 208.
    spec = ["--borrower-type", "person", "--borrower", "ผู้ยืม", "--purpose", "ประชุม",
            "--official-use", "--place", "on_premises", "--start", "2026-12-01",
            "--due", "2026-12-05", "--item", "6730-002-0001/2565"]  # fmt: skip
    tent = "8340-001-0001/2564"
    spec[-1] = tent
    results = race_cli(tmp_path, db_url, [
        ("staff1", ("loan", "request", *spec)),
        ("supply", ("loan", "request", *spec)),
    ])  # fmt: skip
    winners = [r for r in results if r.code == 0]
    assert len(winners) == 1, [(r.code, r.err[:200]) for r in results]
    loser = next(r for r in results if r.code != 0)
    assert _refused(loser, 3, "rule")["clause"] == "208"
    assert audit_service.verify(uow).ok
