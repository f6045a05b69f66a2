"""Queue statistics on real SQLite and PostgreSQL: a hand-worked day whose every figure is
known, a second day for ranges and hours, and a property test that the per-counter,
per-service, per-hour and per-kind numbers add up to the totals and that the SQL medians
and percentiles equal Python's on the same tickets."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from itertools import count
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from db.models import Ticket
from db.uow import UnitOfWork
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.thai_time import BANGKOK
from desktop_app.services import tickets
from desktop_app.services.stats_queue import queue_stats, today_panel
from desktop_app.services.stats_sql import Spread, month_range, parse_month
from tests.support.db import FakeClock, actor

DAY = dt.date(2026, 11, 24)  # the fake clock's day, 09:00 Bangkok


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BANGKOK).astimezone(
        dt.UTC
    )


def worked_day(uow: UnitOfWork, clock: FakeClock) -> None:
    """The hand-worked day (minutes after 09:00):
    0 A001, 1 A002, 2 A003, 3 B001 (elderly), 4 A004 issued;
    10 counter 1 calls B001 (waited 7 min); 15 counter 2 calls A001 (15 min);
    16 counter 1 calls A002 (15 min), B001 served in 6 min;
    20 counter 2 picks A004 out of order (16 min; A003 was next), A001 served in 5 min;
    22 A002 no-show; 31 A003 transferred to C; 32 C001 issued; 40 A004 served in 20 min
    (A's standard is 15: outside it)."""
    c1, c2 = actor(uow, "clerk1"), actor(uow, "clerk2")

    def t(minute: int) -> None:
        clock.now = at(DAY, 9, minute)

    for minute, (svc, prio) in enumerate(
        [("A", None), ("A", None), ("A", None), ("B", "elderly"), ("A", None)]
    ):
        t(minute)
        tickets.issue_ticket(uow, c1, svc, prio)
    t(10)
    assert tickets.call_next(uow, c1, 1).code == "B001"
    t(15)
    assert tickets.call_next(uow, c2, 2).code == "A001"
    t(16)
    assert tickets.call_next(uow, c1, 1).code == "A002"
    t(20)
    tickets.pick(uow, c2, "A004", 2, "ผู้ป่วยนั่งรถเข็น")
    t(22)
    tickets.no_show(uow, c1, 1)
    t(31)
    tickets.transfer(uow, c1, "A003", "C")
    t(32)
    tickets.issue_ticket(uow, c1, "C")
    t(40)
    tickets.complete(uow, c2, 2)


def figures(row: Any) -> tuple[int, ...]:
    return (
        row.issued,
        row.served,
        row.no_show,
        row.unfinished,
        row.transferred,
        row.picked,
        row.within_standard,
    )


def test_a_hand_worked_day(office, clock):
    worked_day(office, clock)
    s = queue_stats(office, DAY)
    assert (s.date_from, s.date_to) == (DAY, DAY)
    assert figures(s.total) == (6, 3, 1, 2, 1, 1, 2)
    # Waits 420, 900, 900, 960 s: median of the two middle ones, p90 the 4th (⌈3.6⌉).
    assert s.total.wait == Spread(4, 900.0, 960, 960)
    # Service 300, 360, 1200 s.
    assert s.total.service == Spread(3, 360.0, 1200, 1200)
    assert s.total.within_standard_share == pytest.approx(2 / 3)
    assert (s.total.wait_median_min, s.total.service_p90_min) == (15.0, 20.0)

    svc = {r.key: r for r in s.by_service}
    assert list(svc) == ["A", "B", "C", "D"]
    # A: issued A001–A004 (A003 moved away); served A001 and A004, A002 did not come.
    assert figures(svc["A"]) == (4, 2, 1, 0, 1, 1, 1)
    assert svc["A"].wait == Spread(3, 900.0, 960, 960)
    assert svc["A"].service == Spread(2, 750.0, 1200, 1200)
    assert figures(svc["B"]) == (1, 1, 0, 0, 0, 0, 1)
    assert (svc["B"].wait, svc["B"].service) == (
        Spread(1, 420.0, 420, 420),
        Spread(1, 360.0, 360, 360),
    )
    # C: C001 issued; A003 (transferred in) and C001 still wait.
    assert figures(svc["C"]) == (1, 0, 0, 2, 0, 0, 0)
    assert svc["C"].wait == Spread(0, None, None, None)
    assert figures(svc["D"]) == (0,) * 7

    ctr = {r.key: r for r in s.by_counter}
    assert list(ctr) == ["1", "2", "3", "4"]
    assert figures(ctr["1"]) == (2, 1, 1, 0, 0, 0, 1)
    assert ctr["1"].wait == Spread(2, 660.0, 900, 900)
    assert figures(ctr["2"]) == (2, 2, 0, 0, 0, 1, 1)
    assert ctr["2"].wait == Spread(2, 930.0, 960, 960)
    assert ctr["2"].service == Spread(2, 750.0, 1200, 1200)
    assert figures(ctr["3"]) == figures(ctr["4"]) == (0,) * 7

    assert [(r.key, r.issued) for r in s.by_hour] == [("09", 6)]
    assert [(r.key, r.issued, r.served) for r in s.by_day] == [("2026-11-24", 6, 3)]
    prio = {r.key: r for r in s.by_priority}
    assert list(prio) == ["elderly", "general"]
    assert (prio["elderly"].issued, prio["elderly"].wait.median) == (1, 420.0)
    assert (prio["general"].issued, prio["general"].wait) == (5, Spread(3, 900.0, 960, 960))

    (pick,) = s.picks
    assert (
        pick.code,
        pick.service,
        pick.counter,
        pick.reason,
        pick.username,
        pick.next_in_order,
        pick.waited_s,
    ) == ("A004", "A", 2, "ผู้ป่วยนั่งรถเข็น", "clerk2", "A003", 960)
    assert pick.called_at == at(DAY, 9, 20)
    assert [(p.username, p.picks) for p in s.pickers] == [("clerk2", 1)]


def test_a_transferred_ticket_waits_anew_in_its_new_queue(office, clock):
    """A001 issued 09:00 in A, called 09:30 at counter 1, sent to C at 09:40 (C001, issued
    09:35, waits there already), called again 09:45 at counter 3, served by 09:50. It
    waited twice: 30 minutes in A's queue until counter 1 called it (the leg before the
    transfer, from the ticket's history), and 09:40 → 09:45 in C's until counter 3 did. Each
    wait is under its own service and counter; the ticket itself is counted once."""
    c1 = actor(office, "clerk1")
    clock.now = at(DAY, 9)
    tickets.issue_ticket(office, c1, "A")
    clock.now = at(DAY, 9, 30)
    assert tickets.call_next(office, c1, 1).code == "A001"
    clock.now = at(DAY, 9, 35)
    tickets.issue_ticket(office, c1, "C")
    clock.now = at(DAY, 9, 40)
    moved = tickets.transfer(office, c1, "A001", "C")
    # Its place in C is still by issue time: ahead of C001, nobody before it.
    assert (moved.status, moved.ahead, moved.called_at) == ("waiting", 0, None)
    clock.now = at(DAY, 9, 45)
    assert tickets.call_next(office, c1, 3).code == "A001"
    clock.now = at(DAY, 9, 50)
    tickets.complete(office, c1, 3)
    clock.now = at(DAY, 9, 52)
    assert tickets.call_next(office, c1, 3).code == "C001"  # waited 09:35 → 09:52

    s = queue_stats(office, DAY)
    assert s.total.wait == Spread(3, 1020.0, 1800, 1800)  # 1800, 300 and 1020 s
    assert s.total.service == Spread(1, 300.0, 300, 300)
    assert figures(s.total) == (2, 1, 0, 1, 1, 0, 1)  # tickets, not legs
    svc = {r.key: r for r in s.by_service}
    assert figures(svc["A"]) == (1, 0, 0, 0, 1, 0, 0)
    assert svc["A"].wait == Spread(1, 1800.0, 1800, 1800)
    assert figures(svc["C"]) == (1, 1, 0, 1, 0, 0, 1)
    assert svc["C"].wait == Spread(2, 660.0, 1020, 1020)
    ctr = {r.key: r for r in s.by_counter}
    assert figures(ctr["1"]) == (1, 0, 0, 0, 0, 0, 0)  # called there once, sent on
    assert ctr["1"].wait == Spread(1, 1800.0, 1800, 1800)
    assert figures(ctr["3"]) == (2, 1, 0, 1, 1, 0, 1)
    assert ctr["3"].wait == Spread(2, 660.0, 1020, 1020)
    # The ticket itself keeps its issue time (its code and place in any queue), and its
    # first call survives the transfer.
    shown = tickets.show(office, "A001", DAY)
    assert shown.issued_at == at(DAY, 9)
    assert (shown.called_at, shown.first_called_at) == (at(DAY, 9, 45), at(DAY, 9, 30))


def test_every_call_recall_pick_and_transfer_is_a_row_of_history(office, clock):
    """The ticket history (db.models_events), and migration 0005 rebuilding the same rows
    from the audit trail for a database that had none."""
    from alembic import command

    from db import migrate
    from db.models_events import TicketEvent

    worked_day(office, clock)
    c1 = actor(office, "clerk1")
    clock.now = at(DAY, 9, 41)
    tickets.call_next(office, c1, 3)  # counter 3 (C) calls A003, moved there at 09:31
    clock.now = at(DAY, 9, 42)
    tickets.recall(office, c1, 3)
    clock.now = at(DAY, 9, 43)
    tickets.transfer(office, c1, "A003", "D")  # at counter 3, sent on to D

    def history() -> list[tuple[Any, ...]]:
        with office.read() as tx:
            return [tuple(r) for r in tx.session.execute(
                select(Ticket.code, TicketEvent.kind, TicketEvent.at, TicketEvent.service_id,
                       TicketEvent.to_service_id, TicketEvent.counter_id, TicketEvent.user_id)
                .join(Ticket, Ticket.id == TicketEvent.ticket_id).order_by(TicketEvent.id)
            ).all()]  # fmt: skip

    rows = history()
    assert [(code, kind, when) for code, kind, when, *_ in rows] == [
        ("B001", "call", at(DAY, 9, 10)), ("A001", "call", at(DAY, 9, 15)),
        ("A002", "call", at(DAY, 9, 16)), ("A004", "pick", at(DAY, 9, 20)),
        ("A003", "transfer", at(DAY, 9, 31)), ("A003", "call", at(DAY, 9, 41)),
        ("A003", "recall", at(DAY, 9, 42)), ("A003", "transfer", at(DAY, 9, 43)),
    ]  # fmt: skip
    *_, (_, _, _, from_c, to_d, counter_3, _) = rows
    assert from_c != to_d and counter_3 is not None
    # A003's leg in C is a wait of 10 minutes at counter 3, though it ended in D.
    s = queue_stats(office, DAY)
    assert s.total.wait.n == 5 and {r.key: r.wait.n for r in s.by_counter}["3"] == 1
    assert {r.key: r.issued for r in s.by_counter}["3"] == 1

    with office.engine.begin() as conn:
        cfg = migrate._config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
        command.upgrade(cfg, "head")
    assert history() == rows


def test_migration_0004_dates_past_transfers_from_the_audit_trail(office, clock):
    """A database from before 0004 (tickets moved without transferred_at): the upgrade
    takes each moved ticket's last transfer from its audit entry, the others stay NULL."""
    from alembic import command

    from db import migrate

    worked_day(office, clock)  # A003 moved to C at 09:31
    clock.now = at(DAY, 9, 50)
    tickets.transfer(office, actor(office, "clerk1"), "A003", "D")  # and on to D at 09:50

    def moved() -> dict[str, dt.datetime | None]:
        with office.read() as tx:
            rows = tx.session.execute(select(Ticket.code, Ticket.transferred_at)).all()
        return {code: when for code, when in rows}

    assert moved()["A003"] == at(DAY, 9, 50)
    for target in ("0003", "head"):
        with office.engine.begin() as conn:
            cfg = migrate._config()
            cfg.attributes["connection"] = conn
            (command.downgrade if target == "0003" else command.upgrade)(cfg, target)
    assert moved() == {"A001": None, "A002": None, "A003": at(DAY, 9, 50), "A004": None,
                       "B001": None, "C001": None}  # fmt: skip
    assert queue_stats(office, DAY).total.wait.n == 4  # A003 has not been called


def test_a_range_of_days_and_hours_in_bangkok_time(office, clock):
    worked_day(office, clock)
    nxt = DAY + dt.timedelta(days=1)
    clerk = actor(office, "clerk1")
    clock.now = at(nxt, 13, 55)  # 06:55 UTC: the hour is Bangkok's
    tickets.issue_ticket(office, clerk, "D")
    clock.now = at(nxt, 14, 5)
    tickets.call_next(office, clerk, 4)
    clock.now = at(nxt, 14, 10)
    tickets.complete(office, clerk, 4)

    both = queue_stats(office, DAY, nxt)
    assert [(r.key, r.issued) for r in both.by_day] == [("2026-11-24", 6), ("2026-11-25", 1)]
    assert [(r.key, r.issued) for r in both.by_hour] == [("09", 6), ("13", 1)]
    assert figures(both.total) == (7, 4, 1, 2, 1, 1, 3)
    assert both.total.wait == Spread(5, 900.0, 960, 960)
    only_second = queue_stats(office, nxt)
    assert figures(only_second.total) == (1, 1, 0, 0, 0, 0, 1)
    assert only_second.picks == ()
    month = queue_stats(office, *month_range(2026, 11))
    assert month.total == both.total
    empty = queue_stats(office, *parse_month("2569-10"))  # October 2026, BE year
    assert figures(empty.total) == (0,) * 7 and empty.total.wait.median is None
    assert empty.by_hour == () and empty.by_day == ()


def test_bad_ranges_are_refused(office):
    with pytest.raises(InvalidInput, match="before the start"):
        queue_stats(office, DAY, DAY - dt.timedelta(days=1))
    with pytest.raises(InvalidInput, match="three years"):
        queue_stats(office, DAY, DAY + dt.timedelta(days=4 * 366))
    with pytest.raises(InvalidInput, match="YYYY-MM"):
        parse_month("2026/11")
    with pytest.raises(InvalidInput, match="YYYY-MM"):
        parse_month("2026-13")


def test_the_counter_today_panel(office, clock):
    worked_day(office, clock)
    p = today_panel(office, 2)
    assert p.business_date == DAY
    assert figures(p.office) == (6, 3, 1, 2, 1, 1, 2)
    assert p.counter is not None and figures(p.counter) == (2, 2, 0, 0, 0, 1, 1)
    assert p.waiting_now == 2
    assert today_panel(office, 99).counter is None
    clock.now = at(DAY + dt.timedelta(days=1), 8)
    fresh = today_panel(office, 1)
    assert figures(fresh.office) == (0,) * 7 and fresh.waiting_now == 0


# ---------------------------------------------------------------- property

OPS = st.lists(
    st.one_of(
        st.tuples(
            st.just("issue"),
            st.sampled_from("ABCD"),
            st.sampled_from([None, None, "elderly", "monk"]),
        ),
        st.tuples(st.just("call"), st.sampled_from([1, 2, 3, 4]), st.none()),
        st.tuples(st.just("no_show"), st.sampled_from([1, 2, 3, 4]), st.none()),
        st.tuples(st.just("complete"), st.sampled_from([1, 2, 3, 4]), st.none()),
        st.tuples(st.just("transfer"), st.sampled_from("ABCD"), st.none()),
        st.tuples(st.just("pick"), st.sampled_from([1, 2, 3, 4]), st.none()),
    ),
    min_size=1,
    max_size=30,
)
_days = count(1)


def _spread(values: list[int]) -> Spread:
    if not values:
        return Spread(0, None, None, None)
    v = sorted(values)
    return Spread(len(v), float(statistics.median(v)), v[math.ceil(0.9 * len(v)) - 1], v[-1])


def _play(uow: UnitOfWork, clock: FakeClock, ops: list[tuple[Any, ...]], minutes: list[int]):
    from desktop_app.domain.errors import KhetDeskError

    clerk = actor(uow, "clerk1")
    for (op, arg, prio), step in zip(ops, minutes, strict=False):
        clock.advance(minutes=step, seconds=17)
        try:
            if op == "issue":
                tickets.issue_ticket(uow, clerk, arg, prio)
            elif op == "call":
                tickets.call_next(uow, clerk, arg)
            elif op == "no_show":
                tickets.no_show(uow, clerk, arg)
            elif op == "complete":
                tickets.complete(uow, clerk, arg)
            elif op == "transfer":
                waiting = tickets.counter_queue(uow, 1).waiting
                if waiting:
                    tickets.transfer(uow, clerk, waiting[-1].code, arg)
            elif op == "pick":
                q = tickets.counter_queue(uow, arg)
                if q.waiting:
                    tickets.pick(uow, clerk, q.waiting[-1].code, arg, "เหตุผลทดสอบ")
        except KhetDeskError:
            pass  # nobody at the counter, already there…: the queue refuses, nothing changes


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(ops=OPS, minutes=st.lists(st.integers(0, 25), min_size=30, max_size=30))
def test_parts_add_up_to_the_totals_and_match_python(office, clock, ops, minutes):
    # Each example gets a business day of its own in the same database.
    day = DAY + dt.timedelta(days=next(_days))
    clock.now = at(day, 8)
    _play(office, clock, ops, minutes)
    s = queue_stats(office, day)
    total = figures(s.total)
    for table in (s.by_service, s.by_hour, s.by_day, s.by_priority):
        assert tuple(map(sum, zip(*(figures(r) for r in table), strict=True))) == total or (
            not table and total == (0,) * 7
        )
    # Per counter: every called ticket has its counter, so served and no-shows add up.
    assert sum(r.served for r in s.by_counter) == s.total.served
    assert sum(r.no_show for r in s.by_counter) == s.total.no_show
    assert sum(r.picked for r in s.by_counter) == s.total.picked
    assert sum(r.wait.n for r in s.by_counter) == s.total.wait.n
    assert sum(r.service.n for r in s.by_counter) == s.total.service.n
    # The SQL order statistics are Python's on the same rows.
    with office.read() as tx:
        rows = tx.session.execute(
            select(
                func.coalesce(Ticket.transferred_at, Ticket.issued_at),
                Ticket.called_at,
                Ticket.finished_at,
                Ticket.status,
                Ticket.counter_id,
            ).where(Ticket.business_date == day)
        ).all()
    # Waiting time runs from the issue, or from the last transfer (a new queue).
    waits = [round((c - i).total_seconds()) for i, c, _, _, _ in rows if c is not None]
    served = [round((f - c).total_seconds()) for _, c, f, st_, _ in rows if st_ == "done"]
    assert s.total.wait == _spread(waits)
    assert s.total.service == _spread(served)
    assert s.total.issued == len(rows)
