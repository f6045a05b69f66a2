"""Loans statistics on real SQLite and PostgreSQL, on a hand-worked set of loans whose
every figure is known (clauses 208–211), and the loan register rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from db.uow import UnitOfWork
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.thai_time import BANGKOK
from desktop_app.services import loans
from desktop_app.services.stats_loans import loan_register_rows, loan_stats
from tests.support.db import FakeClock, actor
from tests.support.loans import CAR, CHAIRS, LAPTOP, LAPTOP2, PAPER, PROJECTOR, TENT, request

AS_OF = dt.date(2026, 12, 20)
STAFF_UNIT = "ฝ่ายพัฒนาชุมชน"  # staff1's unit in the demo office
NOI = "สำนักงานเขตบางกอกน้อย"
YAI = "สำนักงานเขตบางกอกใหญ่"


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=BANGKOK).astimezone(dt.UTC)


def d(month: int, day: int, year: int = 2026) -> dt.date:
    return dt.date(year, month, day)


def worked_loans(uow: UnitOfWork, clock: FakeClock) -> dict[str, str]:
    """L1 laptop due 5 Dec, back 4 Dec (on time). L2 second laptop due 3 Dec, back damaged
    12 Dec with no follow-up (missed), repaired. L3 projector lent to another district due
    5 Dec, followed up 8 Dec, still out (met). L4 tent due 5 Dec, lost 9 Dec with no
    follow-up (back within the 7 days), paid 1,000 baht. L5 the car, rejected. L6 a chair,
    cancelled. L7 another chair from 5 Jan 2027 (not due). L8 30 reams of paper to another
    district due 15 Dec, still out (pending)."""
    who = {u: actor(uow, u) for u in ("staff1", "director", "supply", "supplyhead")}
    staff, director, supply = who["staff1"], who["director"], who["supply"]
    out: dict[str, str] = {}

    def lend(name: str, approver: str = "director", **kw: Any) -> str:
        v = request(uow, staff, **kw)
        loans.approve_loan(uow, who[approver], v.loan_no)
        loans.hand_over(uow, supply, v.loan_no)
        out[name] = v.loan_no
        return v.loan_no

    lend("L1", items=[LAPTOP])
    lend("L2", items=[LAPTOP2], due=d(12, 3))
    lend(
        "L3",
        borrower_type="agency",
        agency=NOI,
        borrower="นายสมชาย ใจงาม",
        borrower_user=None,
        place="off_premises",
        items=[PROJECTOR],
    )
    lend("L4", items=[TENT])
    l5 = request(uow, staff, items=[CAR]).loan_no
    loans.reject_loan(uow, director, l5, "ไม่มีพนักงานขับรถ")
    l6 = request(uow, staff, items=[CHAIRS[0]]).loan_no
    loans.cancel_loan(uow, staff, l6, "เลื่อนงาน")
    out |= {"L5": l5, "L6": l6}
    lend("L7", items=[CHAIRS[1]], start=d(1, 5, 2027), due=d(1, 10, 2027))
    lend(
        "L8",
        borrower_type="agency",
        agency=YAI,
        borrower_user=None,
        urgent=True,
        items=[f"{PAPER}:30"],
        due=d(12, 15),
    )

    clock.now = at(d(12, 4))
    loans.return_items(uow, supply, out["L1"], [f"{LAPTOP}:good"])
    clock.now = at(d(12, 8))
    loans.record_followup(uow, supply, out["L3"], "ส่งหนังสือติดตามทวงคืน")
    clock.now = at(d(12, 9), 16)
    loans.return_items(uow, supply, out["L4"], [f"{TENT}:lost"])
    loans.settle_item(uow, supply, out["L4"], TENT, "pay", "1000")
    clock.now = at(d(12, 12))
    loans.return_items(uow, supply, out["L2"], [f"{LAPTOP2}:damaged"])
    loans.settle_item(uow, supply, out["L2"], LAPTOP2, "repair")
    clock.now = at(AS_OF)
    return out


def counts(row: Any) -> tuple[int, ...]:
    return (row.requests, row.lent, row.rejected, row.cancelled, row.items)


def test_a_hand_worked_set_of_loans(office, clock):
    no = worked_loans(office, clock)
    s = loan_stats(office)
    assert s.as_of == AS_OF and (s.date_from, s.date_to) == (None, None)
    assert counts(s.total) == (8, 6, 1, 1, 6)
    assert [(r.key, counts(r)) for r in s.by_month] == [
        ("2026-12", (7, 5, 1, 1, 5)),
        ("2027-01", (1, 1, 0, 0, 1)),
    ]
    assert s.by_month[0].label == "ธ.ค. 2569"
    assert [(r.key, counts(r)) for r in s.by_unit] == [
        (STAFF_UNIT, (6, 4, 1, 1, 4)),
        (NOI, (1, 1, 0, 0, 1)),
        (YAI, (1, 1, 0, 0, 1)),
    ]
    r = s.returns
    assert (r.lent, r.returned, r.on_time, r.late, r.still_out, r.out_overdue) == (6, 3, 1, 2, 3, 2)
    assert r.on_time_rate == pytest.approx(1 / 3)

    f = s.followups
    assert (f.overdue, f.met, f.returned, f.missed, f.pending) == (4, 1, 1, 1, 1)
    rows = [
        (
            o.loan_no,
            o.due,
            o.returned_on,
            o.overdue_days,
            o.followup_deadline,
            o.first_followup,
            o.outcome,
        )
        for o in s.overdue
    ]
    assert rows == [
        (no["L2"], d(12, 3), d(12, 12), 9, d(12, 10), None, "missed"),
        (no["L3"], d(12, 5), None, 15, d(12, 12), d(12, 8), "met"),
        (no["L4"], d(12, 5), d(12, 9), 4, d(12, 12), None, "returned"),
        (no["L8"], d(12, 15), None, 5, d(12, 22), None, "pending"),
    ]
    assert s.overdue[1].unit == NOI

    assert [(c.condition, c.returns, c.qty) for c in s.conditions] == [
        ("damaged", 1, 1),
        ("lost", 1, 1),
    ]
    assert [(x.method, x.items, x.amount) for x in s.settlements] == [
        ("repair", 1, Decimal("0.00")),
        ("replace", 0, Decimal("0.00")),
        ("pay", 1, Decimal("1000.00")),
    ]
    assert s.unsettled == 0
    most = [(a.asset_no, a.loans, a.qty) for a in s.most_lent]
    assert most[0] == (PAPER, 1, 30)
    assert sorted(most[1:]) == sorted(
        (x, 1, 1) for x in (LAPTOP, LAPTOP2, PROJECTOR, TENT, CHAIRS[1])
    )
    idle = {a.asset_no: a for a in s.not_lent}
    assert CAR in idle and CHAIRS[0] in idle and idle[CAR].last_lent is None
    assert not idle.keys() & {LAPTOP, LAPTOP2, PROJECTOR, CHAIRS[1], PAPER}
    assert TENT not in idle  # lost and paid for: written off


def test_a_range_of_start_dates(office, clock):
    no = worked_loans(office, clock)
    dec = loan_stats(office, d(12, 1), d(12, 31))
    assert counts(dec.total) == (7, 5, 1, 1, 5)
    assert [r.key for r in dec.by_month] == ["2026-12"]
    idle = {a.asset_no: a for a in dec.not_lent}
    assert idle[CHAIRS[1]].last_lent == d(1, 5, 2027)  # lent, but not in December
    jan = loan_stats(office, d(1, 1, 2027), d(1, 31, 2027), as_of=d(1, 20, 2027))
    assert counts(jan.total) == (1, 1, 0, 0, 1)
    assert [(o.loan_no, o.outcome, o.overdue_days) for o in jan.overdue] == [
        (no["L7"], "missed", 10)
    ]
    assert counts(loan_stats(office, d(2, 1, 2027), d(2, 28, 2027)).total) == (0,) * 5
    with pytest.raises(InvalidInput, match="before"):
        loan_stats(office, d(12, 31), d(12, 1))


def test_overdue_and_followups_are_the_loans_due_in_the_range(office, clock):
    """L0, a chair lent 26 Nov and due 2 Dec, still out: overdue in December (due then),
    not in November (it started then, but was not due). Started-in-range figures are
    unchanged by it."""
    staff = actor(office, "staff1")
    v = request(office, staff, items=[CHAIRS[2]], start=d(11, 26), due=d(12, 2))
    loans.approve_loan(office, actor(office, "director"), v.loan_no)
    loans.hand_over(office, actor(office, "supply"), v.loan_no)
    no = worked_loans(office, clock)
    nov = loan_stats(office, d(11, 1), d(11, 30))
    assert counts(nov.total) == (1, 1, 0, 0, 1)
    assert nov.overdue == () and nov.followups.overdue == 0
    assert nov.returns.still_out == 1  # started in November and still out
    dec = loan_stats(office, d(12, 1), d(12, 31))
    assert counts(dec.total) == (7, 5, 1, 1, 5)  # L0 started in November
    assert [(o.loan_no, o.due, o.overdue_days, o.outcome) for o in dec.overdue] == [
        (v.loan_no, d(12, 2), 18, "missed"),
        (no["L2"], d(12, 3), 9, "missed"),
        (no["L3"], d(12, 5), 15, "met"),
        (no["L4"], d(12, 5), 4, "returned"),
        (no["L8"], d(12, 15), 5, "pending"),
    ]
    f = dec.followups
    assert (f.overdue, f.met, f.returned, f.missed, f.pending) == (5, 1, 1, 2, 1)
    # A range ending before the due date leaves the loan out; one around it takes it in.
    assert [o.loan_no for o in loan_stats(office, d(12, 1), d(12, 2)).overdue] == [v.loan_no]
    assert loan_stats(office, d(12, 3), d(12, 3)).overdue[0].loan_no == no["L2"]


def test_the_register_has_one_row_per_item(office, clock):
    no = worked_loans(office, clock)
    rows = loan_register_rows(office, d(12, 1), d(12, 31))
    assert [r.loan_no for r in rows] == [no[k] for k in ("L1", "L2", "L3", "L4", "L5", "L6", "L8")]
    by_no = {r.loan_no: r for r in rows}
    l2 = by_no[no["L2"]]
    assert (l2.asset_no, l2.status, l2.condition_in, l2.settlement, l2.due) == (
        LAPTOP2,
        "closed",
        "damaged",
        "repair",
        d(12, 3),
    )
    assert l2.returned_at == at(d(12, 12))
    assert (l2.decision, l2.decided_by) == ("approved", "ธนพล ศรีสุข")
    # The director refused the car: named as who decided, not as who approved.
    l5 = by_no[no["L5"]]
    assert (l5.status, l5.decision, l5.decided_by) == ("rejected", "rejected", "ธนพล ศรีสุข")
    l6 = by_no[no["L6"]]  # cancelled before anyone decided
    assert (l6.status, l6.decision, l6.decided_by) == ("cancelled", "", "")
    l8 = by_no[no["L8"]]
    assert (l8.qty, l8.unit, l8.borrower_type, l8.returned_at) == (30, YAI, "agency", None)
    assert by_no[no["L4"]].amount == Decimal("1000.00")
