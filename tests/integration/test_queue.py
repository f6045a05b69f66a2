"""The queue on real SQLite and PostgreSQL: numbering, daily reset, calling order,
transfer, pick, recall/complete/no-show, and refusals that change nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from db.uow import UnitOfWork
from desktop_app.domain.errors import Conflict, Forbidden, InvalidInput, NotFound, RuleViolation
from desktop_app.services import tickets
from desktop_app.services.office import add_counter
from tests.support.db import FakeClock, actor, snapshot


@pytest.fixture
def clerk(office: UnitOfWork):
    return actor(office, "clerk1")


def issue(uow, clerk, service, priority=None, clock: FakeClock | None = None):
    if clock is not None:
        clock.advance(seconds=30)
    return tickets.issue_ticket(uow, clerk, service, priority)


def test_numbers_run_per_service_and_restart_each_bangkok_day(office, clerk, clock):
    codes = [issue(office, clerk, "A", clock=clock).code for _ in range(3)]
    codes.append(issue(office, clerk, "B", clock=clock).code)
    assert codes == ["A001", "A002", "A003", "B001"]
    # 23:59 in Bangkok is still the same business day …
    clock.now = clock.now.replace(hour=16, minute=59)
    assert issue(office, clerk, "A").code == "A004"
    # … and 00:00 in Bangkok (17:00 UTC) starts a new one.
    clock.now = clock.now.replace(hour=17, minute=0)
    t = issue(office, clerk, "A")
    assert (t.code, t.number, t.business_date.isoformat()) == ("A001", 1, "2026-11-25")
    # Yesterday's A001 is still there, and found by its date.
    old = tickets.show(office, "A001", t.business_date.replace(day=24))
    assert old.business_date.day == 24


def test_issue_reports_people_ahead_and_an_estimate(office, clerk, clock):
    first = issue(office, clerk, "A", clock=clock)
    assert (first.ahead, first.estimated_wait_minutes) == (0, 0)
    second = issue(office, clerk, "A", clock=clock)
    # One person ahead, A's published standard time is 15 minutes, no counter open yet.
    assert (second.ahead, second.estimated_wait_minutes) == (1, 15)
    elderly = issue(office, clerk, "A", "elderly", clock=clock)
    assert elderly.ahead == 0 and elderly.priority == "elderly"
    third = issue(office, clerk, "A", clock=clock)
    assert third.ahead == 3  # the elderly citizen is called before A001 and A002


def test_calling_order_priority_first_then_issue_time_across_two_services(office, clerk, clock):
    # Counter 1 serves services A and B.
    issued = [
        issue(office, clerk, "A", clock=clock),  # A001
        issue(office, clerk, "B", clock=clock),  # B001
        issue(office, clerk, "A", "monk", clock=clock),  # A002 priority
        issue(office, clerk, "C", clock=clock),  # C001: not served at counter 1
        issue(office, clerk, "B", "elderly", clock=clock),  # B002 priority
        issue(office, clerk, "A", clock=clock),  # A003
    ]
    assert [t.code for t in issued] == ["A001", "B001", "A002", "C001", "B002", "A003"]
    called = []
    while (t := tickets.call_next(office, clerk, 1)) is not None:
        called.append(t.code)
        clock.advance(minutes=1)
    assert called == ["A002", "B002", "A001", "B001", "A003"]
    assert tickets.call_next(office, clerk, 3).code == "C001"


def test_call_completes_the_citizen_already_at_the_counter(office, clerk, clock):
    issue(office, clerk, "A", clock=clock)
    issue(office, clerk, "A", clock=clock)
    tickets.call_next(office, clerk, 1)
    clock.advance(minutes=4)
    tickets.call_next(office, clerk, 1)
    first = tickets.show(office, "A001")
    assert first.status == "done"
    assert (first.finished_at - first.called_at).total_seconds() == 240
    assert tickets.show(office, "A002").status == "called"


def test_two_counters_never_get_the_same_ticket(office, clerk, clock):
    issue(office, clerk, "A", clock=clock)
    issue(office, clerk, "A", clock=clock)
    a = tickets.call_next(office, clerk, 1)
    b = tickets.call_next(office, clerk, 2)
    assert {a.code, b.code} == {"A001", "A002"}
    assert tickets.call_next(office, clerk, 2) is None


def test_transfer_keeps_its_place_by_original_issue_time(office, clerk, clock):
    issue(office, clerk, "C", clock=clock)  # C001, earliest
    issue(office, clerk, "A", clock=clock)  # A001
    issue(office, clerk, "A", clock=clock)  # A002
    moved = tickets.transfer(office, clerk, "C001", "A")
    assert (moved.code, moved.service, moved.transfer_count) == ("C001", "A", 1)
    assert moved.ahead == 0
    assert tickets.call_next(office, clerk, 1).code == "C001"
    assert tickets.call_next(office, clerk, 1).code == "A001"


def test_transfer_of_the_citizen_at_the_counter_puts_them_back_in_line(office, clerk, clock):
    issue(office, clerk, "A", clock=clock)
    issue(office, clerk, "C", clock=clock)
    tickets.call_next(office, clerk, 1)  # A001 at counter 1
    moved = tickets.transfer(office, clerk, "A001", "C")
    assert (moved.status, moved.counter) == ("waiting", None)
    assert tickets.call_next(office, clerk, 3).code == "A001"  # issued before C001
    assert tickets.queue_status(office).counters[0].serving is None


def test_pick_requires_a_reason_and_is_audited_with_the_skipped_ticket(office, clerk, clock):
    issue(office, clerk, "A", clock=clock)
    issue(office, clerk, "A", clock=clock)
    before = snapshot(office.engine)
    for reason in ("", "   ", "\t\n"):
        with pytest.raises(InvalidInput):
            tickets.pick(office, clerk, "A002", 1, reason)
    assert snapshot(office.engine) == before
    picked = tickets.pick(office, clerk, "a002", 1, "  ผู้ป่วยนั่งรถเข็น  ")
    assert (picked.code, picked.status, picked.pick_reason) == ("A002", "called", "ผู้ป่วยนั่งรถเข็น")
    with office.read() as tx:
        entry = tx.session.execute(
            select(AuditEntry).where(AuditEntry.action == "ticket.pick")
        ).scalar_one()
    after = json.loads(entry.after_json)
    assert after["reason"] == "ผู้ป่วยนั่งรถเข็น"
    assert after["next_in_order"] == "A001"
    assert entry.actor == "clerk1"


def test_pick_refuses_a_ticket_the_counter_does_not_serve(office, clerk, clock):
    issue(office, clerk, "C", clock=clock)
    before = snapshot(office.engine)
    with pytest.raises(RuleViolation):
        tickets.pick(office, clerk, "C001", 1, "ด่วน")
    with pytest.raises(NotFound):
        tickets.pick(office, clerk, "C999", 3, "ด่วน")
    assert snapshot(office.engine) == before


def test_recall_complete_no_show(office, clerk, clock):
    issue(office, clerk, "A", clock=clock)
    issue(office, clerk, "A", clock=clock)
    tickets.call_next(office, clerk, 1)
    assert tickets.recall(office, clerk, 1).recall_count == 1
    assert tickets.recall(office, clerk, 1).recall_count == 2
    assert tickets.no_show(office, clerk, 1).status == "no_show"
    with pytest.raises(Conflict):
        tickets.complete(office, clerk, 1)
    tickets.call_next(office, clerk, 1)
    done = tickets.complete(office, clerk, 1)
    assert (done.code, done.status) == ("A002", "done")
    with pytest.raises(Conflict):
        tickets.recall(office, clerk, 1)


def test_queue_status_lists_waiting_and_serving(office, clerk, clock):
    for svc in ("A", "A", "B"):
        issue(office, clerk, svc, clock=clock)
    tickets.call_next(office, clerk, 2)
    st = tickets.queue_status(office)
    by_code = {s.code: s for s in st.services}
    assert (by_code["A"].waiting, by_code["A"].next) == (1, ("A002",))
    assert (by_code["B"].waiting, by_code["B"].next) == (1, ("B001",))
    assert [(c.number, c.serving) for c in st.counters][:2] == [(1, None), (2, "A001")]


def test_refusals_change_nothing(office, clerk, clock):
    issue(office, clerk, "A", clock=clock)
    staff = actor(office, "staff1")
    before = snapshot(office.engine)
    refusals = [
        (Forbidden, lambda: tickets.issue_ticket(office, staff, "A")),
        (NotFound, lambda: tickets.issue_ticket(office, clerk, "NOPE")),
        (InvalidInput, lambda: tickets.issue_ticket(office, clerk, "A", "vip")),
        (NotFound, lambda: tickets.call_next(office, clerk, 99)),
        (NotFound, lambda: tickets.transfer(office, clerk, "A001", "NOPE")),
        (Conflict, lambda: tickets.transfer(office, clerk, "A001", "A")),
        (NotFound, lambda: tickets.show(office, "Z123")),
        (Conflict, lambda: tickets.no_show(office, clerk, 4)),
    ]
    for error, attempt in refusals:
        with pytest.raises(error):
            attempt()
    assert snapshot(office.engine) == before


def test_numbers_stop_at_999_with_a_clear_refusal(office, clerk, clock):
    from db.models import DailySequence, Service

    with office.write() as tx:
        svc = tx.session.execute(select(Service).where(Service.code == "D")).scalar_one()
        tx.session.add(DailySequence(service_id=svc.id, business_date=clock.now.date(),
                                     last_number=998))  # fmt: skip
        tx.commit()
    assert issue(office, clerk, "D").code == "D999"
    with pytest.raises(RuleViolation, match="999"):
        issue(office, clerk, "D")


def test_a_new_counter_serves_only_its_services(office, clock):
    admin = actor(office, "admin")
    clerk = actor(office, "clerk1")
    add_counter(office, admin, 7, ["D"], "ช่องพิเศษ")
    issue(office, clerk, "A", clock=clock)
    assert tickets.call_next(office, clerk, 7) is None
    issue(office, clerk, "D", clock=clock)
    assert tickets.call_next(office, clerk, 7).code == "D001"


def test_ahead_counts_the_other_services_of_shared_counters(office, clerk, clock):
    # Counters 1 and 2 serve A and B: an earlier A ticket is called before a later B one.
    issue(office, clerk, "A", clock=clock)
    b = issue(office, clerk, "B", clock=clock)
    assert b.ahead == 1
    # Counter 3 serves only C and counter 4 serves C and D: A and B do not count for C.
    assert issue(office, clerk, "C", clock=clock).ahead == 0
    assert issue(office, clerk, "D", clock=clock).ahead == 1


def test_a_ticket_left_called_yesterday_does_not_occupy_the_counter_today(office, clerk, clock):
    issue(office, clerk, "A", clock=clock)
    tickets.call_next(office, clerk, 1)
    clock.now = clock.now.replace(hour=17, minute=5)  # 00:05 the next day in Bangkok
    assert tickets.queue_status(office).counters[0].serving is None
    with pytest.raises(Conflict):
        tickets.complete(office, clerk, 1)
    today = issue(office, clerk, "A")
    assert tickets.call_next(office, clerk, 1).code == today.code == "A001"
    yesterday = tickets.show(office, "A001", clock.now.date().replace(day=24))
    assert yesterday.status == "called"


def test_arrival_order_not_the_pc_clock_decides(office, clerk, clock):
    """A PC whose clock runs two minutes slow must not put its citizens ahead."""
    issue(office, clerk, "A", clock=clock)  # A001 from a correct PC
    clock.advance(minutes=-2)
    late = issue(office, clerk, "A")  # A002 from the slow PC: earlier timestamp
    assert late.issued_at < tickets.show(office, "A001").issued_at
    assert late.ahead == 1
    assert tickets.call_next(office, clerk, 1).code == "A001"


def test_recall_keeps_the_first_call_time(office, clerk, clock):
    issue(office, clerk, "A", clock=clock)
    first = tickets.call_next(office, clerk, 1)
    clock.advance(minutes=2)
    again = tickets.recall(office, clerk, 1)
    assert again.called_at == first.called_at and again.recall_count == 1


def test_service_codes_are_found_whatever_their_case(office, clerk, clock):
    assert issue(office, clerk, "a", clock=clock).service == "A"
    assert tickets.transfer(office, clerk, "a001", "b").service == "B"


def test_the_wait_is_estimated_from_todays_ten_latest_service_times_at_the_open_counters(
    office, clerk, clock
):
    """Issue 20, finding 6: the estimate above the domain, from real service times. Counters
    1 and 2 serve A (standard 15 min). Eleven A tickets are served one after another: the
    first (the oldest) in 60 minutes, then ten in 2, 4, 2, 4, … minutes. The estimate takes
    the median of the ten latest (3.0 min), not of all eleven (4.0), nor the standard (15),
    and divides by the two counters that served A today: 5 ahead → ⌈5 × 3 / 2⌉ = 8 min."""
    durations = [60] + [2, 4] * 5
    for i, minutes in enumerate(durations):
        counter = 1 + i % 2
        issue(office, clerk, "A")
        assert tickets.call_next(office, clerk, counter) is not None
        clock.advance(minutes=minutes)
        tickets.complete(office, clerk, counter)
        clock.advance(seconds=30)
    for _ in range(5):
        issue(office, clerk, "A")
    sixth = issue(office, clerk, "A")
    assert (sixth.ahead, sixth.estimated_wait_minutes) == (5, 8)
    # One more service, of 60 minutes: the ten latest are now 4, 2, 4, 2, 4, 2, 4, 2, 4, 60
    # (median 4.0); five wait before a seventh ticket → ⌈5 × 4 / 2⌉ = 10.
    tickets.call_next(office, clerk, 1)
    clock.advance(minutes=60)
    tickets.complete(office, clerk, 1)
    seventh = issue(office, clerk, "A")
    assert (seventh.ahead, seventh.estimated_wait_minutes) == (5, 10)


def test_pick_takes_back_a_no_show_of_the_same_day_with_a_reason(office, clerk, clock):
    issue(office, clerk, "A", clock=clock)
    issue(office, clerk, "A", clock=clock)
    tickets.call_next(office, clerk, 1)
    tickets.no_show(office, clerk, 1)
    before = snapshot(office.engine)
    with pytest.raises(InvalidInput):  # the reason is required here too
        tickets.pick(office, clerk, "A001", 1, "  ")
    assert snapshot(office.engine) == before
    back = tickets.pick(office, clerk, "A001", 1, "กลับมาแล้ว")
    assert (back.code, back.status, back.counter, back.pick_reason) == (
        "A001", "called", 1, "กลับมาแล้ว"
    )  # fmt: skip
    with office.read() as tx:
        entry = tx.session.execute(
            select(AuditEntry).where(AuditEntry.action == "ticket.pick")
        ).scalar_one()
    assert json.loads(entry.before_json)["status"] == "no_show"
    assert json.loads(entry.after_json)["reason"] == "กลับมาแล้ว"
    # Served ones stay served; the next call goes on in order.
    assert tickets.complete(office, clerk, 1).code == "A001"
    with pytest.raises(Conflict):
        tickets.pick(office, clerk, "A001", 1, "อีกครั้ง")


def test_a_no_show_of_an_earlier_day_cannot_be_taken_back(office, clerk, clock):
    issue(office, clerk, "A", clock=clock)
    tickets.call_next(office, clerk, 1)
    tickets.no_show(office, clerk, 1)
    clock.advance(days=1)
    before = snapshot(office.engine)
    with pytest.raises(NotFound):
        tickets.pick(office, clerk, "A001", 1, "กลับมาแล้ว")
    assert snapshot(office.engine) == before
