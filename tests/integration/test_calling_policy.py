"""The calling policy (issue 15): the SQL calling order of services.tickets against the
pure-Python model (domain.calling_model) on random days and policies, on both engines, and the
properties CLI.md promises; plus appointments through the real services."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.domain.calling_model import CallingModel, ModelTicket
from desktop_app.domain.errors import Conflict, NotFound, RuleViolation
from desktop_app.domain.queue import CallingPolicy
from desktop_app.services import appointments, tickets
from desktop_app.services.settings import set_setting
from desktop_app.services.setup import init_database
from tests.support.db import OPENING, FakeClock, actor, snapshot

COUNTERS = {1: ("A", "B"), 2: ("A", "B"), 3: ("C",)}
SERVICES = ("A", "B", "C")

# One step of a day: minutes that pass, then an issue (service, priority), a check-in of an
# appointment due some quarter-hours from now, or a call at a counter.
ISSUE = st.tuples(st.just("issue"), st.sampled_from(("A", "A", "B", "C")), st.booleans())
APPOINTMENT = st.tuples(st.just("appointment"), st.sampled_from(SERVICES), st.integers(0, 3))
CALL = st.tuples(st.just("call"), st.sampled_from(sorted(COUNTERS)), st.just(0))
STEPS = st.lists(
    st.tuples(st.integers(0, 9), st.one_of(ISSUE, ISSUE, ISSUE, APPOINTMENT, CALL, CALL)),
    min_size=25,
    max_size=60,
)
POLICIES = st.builds(CallingPolicy, st.sampled_from([0, 1, 2]), st.sampled_from([0, 10, 30]))


def _office(url: str, policy: CallingPolicy) -> tuple[UnitOfWork, FakeClock]:
    clock = FakeClock()
    engine = make_engine(url)
    uow = UnitOfWork(engine, clock=clock)
    init_database(engine, demo=True)
    admin = actor(uow, "admin")
    set_setting(uow, admin, "queue.priority_run_max", str(policy.priority_run_max))
    set_setting(uow, admin, "queue.ageing_minutes", str(policy.ageing_minutes))
    day = OPENING.date()
    for svc in SERVICES:
        appointments.generate_slots(uow, admin, svc, day, day, "mon,tue,wed,thu,fri,sat,sun",
                                    "09:00", "17:00", 15, 999)  # fmt: skip
    return uow, clock


def _quarter_after(now: dt.datetime, quarters: int) -> dt.datetime:
    """The slot start ``quarters`` quarter-hours after the next one (slots are every 15')."""
    base = now.replace(second=0, microsecond=0)
    base += dt.timedelta(minutes=15 - base.minute % 15)
    return base + dt.timedelta(minutes=15 * quarters)


def replay(
    url: str, policy: CallingPolicy, steps: list
) -> list[tuple[int, str | None, str | None]]:
    """Play the day on the real services and on the model; (counter, real, model) per call."""
    uow, clock = _office(url, policy)
    clerk = actor(uow, "clerk1")
    model = CallingModel(policy)
    code_of: dict[int, str] = {}
    calls = []
    try:
        for minutes, (kind, arg, extra) in steps:
            clock.advance(minutes=minutes)
            now = clock.now
            if kind == "issue":
                t = tickets.issue_ticket(uow, clerk, arg, "elderly" if extra else None)
                tid = len(code_of)
                code_of[tid] = t.code
                model.add(ModelTicket(tid, arg, extra, now))
            elif kind == "appointment":
                at = _quarter_after(now, extra)
                if at.astimezone(dt.UTC) >= now + dt.timedelta(hours=1) or at.hour >= 10:
                    continue  # outside the check-in window or after 17:00 Bangkok
                booked = appointments.book(uow, clerk, arg, at.astimezone(
                    dt.timezone(dt.timedelta(hours=7))).strftime("%Y-%m-%d %H:%M"))  # fmt: skip
                done = appointments.check_in(uow, clerk, booked.appointment)
                assert not done.late
                tid = len(code_of)
                code_of[tid] = done.ticket.code
                model.add(ModelTicket(tid, arg, False, now, at))
            else:
                console = tickets.counter_queue(uow, arg).waiting
                real = tickets.call_next(uow, clerk, arg)
                expected = model.next(arg, COUNTERS[arg], now)
                _check_console_and_ageing(policy, now, console, real)
                calls.append((arg, real.code if real else None,
                              code_of[expected.tid] if expected else None))  # fmt: skip
    finally:
        uow.engine.dispose()
    return calls


def _check_console_and_ageing(
    policy: CallingPolicy,
    now: dt.datetime,
    console: tuple[tickets.WaitingTicket, ...],
    real: tickets.TicketView | None,
) -> None:
    """The counter's waiting list as the clerk saw it just before the call: its row 1 is the
    ticket the call took, and its marks are right. With ageing M, once an ordinary ticket has
    waited M minutes nobody who came after it goes first (only a due appointment may): it
    waits at most M plus the service of those ahead of it."""
    assert (real.code if real else None) == (console[0].code if console else None)
    m = dt.timedelta(minutes=policy.ageing_minutes)
    aged = [w for w in console if policy.ageing_minutes and w.priority is None
            and w.appointment_at is None and now - w.issued_at >= m]  # fmt: skip
    assert {w.code for w in console if w.aged} == {w.code for w in aged}
    if aged and real is not None:
        taken = next(w for w in console if w.code == real.code)
        due = taken.appointment_at is not None and taken.appointment_at <= now
        assert due or taken.issued_at <= min(w.issued_at for w in aged), (taken, aged)


@pytest.fixture(scope="module")
def fresh_url(sqlite_template, pg_server):
    """A new database per example (hypothesis runs many in one test)."""

    def make(kind: str, tmp: Path) -> str:
        if kind == "sqlite":
            shutil.copy(sqlite_template, tmp / "k.db")
            return f"sqlite:///{tmp / 'k.db'}"
        if pg_server is None:
            pytest.skip("PostgreSQL server binaries are not installed")
        return pg_server.create_database(f"p_{uuid.uuid4().hex[:12]}", template="khetdesk_template")

    return make


@pytest.mark.parametrize(
    "kind, examples",
    [("sqlite", 40), pytest.param("postgresql", 12, marks=pytest.mark.postgres)],
)
def test_the_sql_calling_order_is_the_models(fresh_url, kind, examples):
    @settings(max_examples=examples, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @given(policy=POLICIES, steps=STEPS)
    def check(policy, steps):
        with tempfile.TemporaryDirectory() as tmp:
            calls = replay(fresh_url(kind, Path(tmp)), policy, steps)
        assert [(c, real) for c, real, _ in calls] == [(c, model) for c, _, model in calls]

    check()


def test_a_run_of_priority_calls_is_cut_at_k_while_an_ordinary_ticket_waits(sqlite_template,
                                                                            tmp_path):  # fmt: skip
    shutil.copy(sqlite_template, tmp_path / "k.db")
    steps = [(1, ("issue", "A", False))] + [(1, ("issue", "A", True))] * 5
    steps += [(0, ("call", 1, 0))] * 6
    calls = replay(f"sqlite:///{tmp_path / 'k.db'}", CallingPolicy(priority_run_max=2), steps)
    # A001 is the ordinary ticket; A002-A006 the priority lane.
    assert [real for _, real, _ in calls] == ["A002", "A003", "A001", "A004", "A005", "A006"]


def test_with_both_settings_off_the_order_is_todays(sqlite_template, tmp_path):
    shutil.copy(sqlite_template, tmp_path / "k.db")
    steps = [(40, ("issue", "A", False)), (1, ("issue", "B", True)), (1, ("issue", "A", False)),
             (1, ("issue", "A", True))] + [(0, ("call", 1, 0))] * 4  # fmt: skip
    calls = replay(f"sqlite:///{tmp_path / 'k.db'}", CallingPolicy(), steps)
    assert [real for _, real, _ in calls] == ["B001", "A003", "A001", "A002"]


def test_an_ordinary_ticket_waiting_m_minutes_ranks_with_the_priority_lanes(sqlite_template,
                                                                           tmp_path):  # fmt: skip
    steps = [(0, ("issue", "A", False)), (31, ("issue", "A", True)), (0, ("call", 1, 0))]
    first = []
    for m in (30, 40):
        shutil.copy(sqlite_template, tmp_path / f"k{m}.db")
        calls = replay(f"sqlite:///{tmp_path / f'k{m}.db'}", CallingPolicy(ageing_minutes=m),
                       steps)  # fmt: skip
        first.append(calls[0][1])
    # After 31 minutes A001 has aged under M=30 and was issued first; under M=40 it has not.
    assert first == ["A001", "A002"]


def test_an_appointment_is_never_called_before_its_time_while_others_wait(sqlite_template,
                                                                         tmp_path):  # fmt: skip
    shutil.copy(sqlite_template, tmp_path / "k.db")
    # 09:00: an appointment for 09:30 checks in, then a walk-in; calls at 09:05 and 09:35.
    steps = [(0, ("appointment", "A", 1)), (0, ("issue", "A", False)), (5, ("call", 1, 0)),
             (0, ("issue", "A", False)), (30, ("issue", "A", True)), (0, ("call", 1, 0)),
             (0, ("call", 1, 0)), (0, ("call", 1, 0))]  # fmt: skip
    calls = replay(f"sqlite:///{tmp_path / 'k.db'}", CallingPolicy(), steps)
    assert [real for _, real, _ in calls] == ["A002", "A001", "A004", "A003"]


def test_an_appointment_due_later_is_called_early_when_nobody_else_waits(sqlite_template,
                                                                        tmp_path):  # fmt: skip
    shutil.copy(sqlite_template, tmp_path / "k.db")
    steps = [(0, ("appointment", "A", 2)), (1, ("call", 1, 0)), (0, ("call", 1, 0))]
    calls = replay(f"sqlite:///{tmp_path / 'k.db'}", CallingPolicy(), steps)
    assert [real for _, real, _ in calls] == ["A001", None]


# ---------------------------------------------------------------- appointments


@pytest.fixture
def booked_office(office, clock):
    admin = actor(office, "admin")
    day = clock.now.date()
    appointments.generate_slots(office, admin, "A", day, day + dt.timedelta(days=1), None,
                                "09:00", "12:00", 30, 2)  # fmt: skip
    return office


def test_a_full_slot_a_time_without_slot_and_the_past_are_refused_and_change_nothing(
    booked_office, clock
):
    clerk = actor(booked_office, "clerk1")
    at = "2026-11-24 10:00"
    appointments.book(booked_office, clerk, "A", at, "นาย ก", "081-234-5678")
    appointments.book(booked_office, clerk, "A", at)
    before = snapshot(booked_office.engine)
    for when in (at, "2026-11-24 10:10", "2026-11-24 08:30", "2026-11-24 09:00"):
        with pytest.raises(RuleViolation):
            appointments.book(booked_office, clerk, "A", when)
    assert snapshot(booked_office.engine) == before
    assert [s.booked for s in appointments.list_slots(booked_office, "A", clock.now.date())
            if s.at.startswith("2026-11-24T10:00")] == [2]  # fmt: skip


def test_check_in_early_on_time_late_and_twice(booked_office, clock):
    clerk = actor(booked_office, "clerk1")
    early = appointments.book(booked_office, clerk, "A", "2026-11-24 11:00")
    on_time = appointments.book(booked_office, clerk, "A", "2026-11-24 09:30")
    late = appointments.book(booked_office, clerk, "A", "2026-11-24 09:30")
    with pytest.raises(RuleViolation):
        appointments.check_in(booked_office, clerk, early.appointment)  # 09:00 < 10:00
    clock.advance(minutes=20)
    done = appointments.check_in(booked_office, clerk, on_time.appointment.lower())
    assert not done.late and done.appointment == on_time.appointment
    with pytest.raises(Conflict):
        appointments.check_in(booked_office, clerk, on_time.appointment)
    clock.advance(minutes=30)  # 09:50: 20 minutes late, past the 15-minute grace
    done = appointments.check_in(booked_office, clerk, late.appointment)
    assert done.late
    with pytest.raises(NotFound):
        appointments.check_in(booked_office, clerk, "OOOOOO")


def test_bookings_not_checked_in_become_no_show_and_personal_data_goes(booked_office, clock):
    clerk = actor(booked_office, "clerk1")
    kept = appointments.book(booked_office, clerk, "A", "2026-11-24 11:30", "สมชาย ใจดี",
                             "0812345678")  # fmt: skip
    assert "สมชาย" not in repr(snapshot(booked_office.engine)["audit_log"])
    assert "0812345678" not in repr(snapshot(booked_office.engine)["audit_log"])
    clock.advance(days=1)
    assert appointments.show(booked_office, kept.appointment).status == "no_show"
    clock.advance(days=29)  # 30 days after the appointment's day, before its hour: still kept
    appointments.add_holiday(booked_office, actor(booked_office, "admin"), clock.now.date())
    assert "สมชาย" in repr(snapshot(booked_office.engine)["appointments"])
    clock.advance(hours=3)  # 12:00: 30 days after 11:30; the next write of bookings cleans up
    later = appointments.show(booked_office, kept.appointment, personal=True)
    assert later.status == "no_show"
    admin = actor(booked_office, "admin")
    day = clock.now.date() + dt.timedelta(days=1)
    appointments.generate_slots(booked_office, admin, "B", day, day, None, "09:00", "10:00", 30, 1)
    appointments.book(booked_office, clerk, "B", f"{day} 09:00")
    dump = repr(snapshot(booked_office.engine))
    assert "สมชาย" not in dump and "0812345678" not in dump
    gone = appointments.show(booked_office, kept.appointment, personal=True)
    assert (gone.status, gone.name, gone.phone) == ("no_show", None, None)
