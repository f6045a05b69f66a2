"""`queue simulate` (issue 15): a day replayed through the real calling code on a throwaway
in-memory database with simulated time, so that an office can try a calling policy on its own
history, or on a profile, before it adopts it (CLI.md, "Appointments and calling policy").

The day comes from a profile (arrivals per service and hour, the priority share, the mean
minutes at the counter) or from the office's own tickets (the same, averaged over the working
days of a period, with service times drawn from the past tickets and appointments checked in
at their times). Issue, call and complete go through services.tickets with a simulated clock;
nothing is written to the office's database. The same seed gives the same answer.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import heapq
import io
import math
import random
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sqlalchemy import select

from db.models import Service, Ticket
from db.uow import UnitOfWork
from desktop_app.domain.calling_model import CallingModel, ModelTicket
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.queue import CallingPolicy
from desktop_app.domain.thai_time import BANGKOK
from desktop_app.services.auth import Actor

PROFILE_HEADER = ("service", "hour", "arrivals", "priority_share", "mean_service_min")
GROUPS = ("priority", "ordinary", "appointment")
MAX_TICKETS = 20_000
SIM_DAY = dt.date(2026, 1, 5)  # a Monday; only times of day matter
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ProfileRow:
    service: str
    hour: int
    arrivals: int
    priority_share: float
    mean_service_min: float
    # From history: past service times to draw from (empty: exponential around the mean).
    service_samples: tuple[float, ...] = ()
    # From history: appointments checked in this hour, as (arrival, appointment) minutes.
    appointments: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class GroupWaits:
    count: int
    wait_median_min: float | None
    wait_p90_min: float | None
    wait_max_min: float | None


@dataclass(frozen=True)
class Simulation:
    tickets: int
    counters: int
    priority_run_max: int
    ageing_minutes: int
    seed: int
    groups: dict[str, GroupWaits] = field(default_factory=dict)


# ---------------------------------------------------------------- the day


def read_profile(path: Path) -> list[ProfileRow]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InvalidInput(f"อ่านไฟล์ {path.name[:80]} ไม่ได้ (cannot read the profile: {e})") from None
    reader = csv.DictReader(io.StringIO(text))
    if tuple(h.strip() for h in reader.fieldnames or ()) != PROFILE_HEADER:
        raise InvalidInput(f"หัวตารางต้องเป็น {','.join(PROFILE_HEADER)} (profile CSV header)")
    rows = []
    for line, r in enumerate(reader, start=2):
        try:
            row = ProfileRow(r["service"].strip(), int(r["hour"]), int(r["arrivals"]),
                             float(r["priority_share"]), float(r["mean_service_min"]))  # fmt: skip
        except (TypeError, ValueError, AttributeError):
            raise InvalidInput(f"แถว {line}: ค่าไม่ถูกต้อง (row {line}: not a number)") from None
        if not (row.service and 0 <= row.hour <= 23 and 0 <= row.arrivals <= MAX_TICKETS
                and 0 <= row.priority_share <= 1 and 0 < row.mean_service_min <= 600):  # fmt: skip
            raise InvalidInput(f"แถว {line}: ค่าอยู่นอกช่วง (row {line}: out of range)")
        rows.append(row)
    if not rows:
        raise InvalidInput("โปรไฟล์ว่าง (the profile has no rows)")
    if sum(r.arrivals for r in rows) > MAX_TICKETS:
        raise InvalidInput(f"จำลองได้ไม่เกิน {MAX_TICKETS:,} คิวต่อวัน (at most {MAX_TICKETS:,})")
    return rows


def profile_from_history(uow: UnitOfWork, first: dt.date, last: dt.date) -> list[ProfileRow]:
    """The office's own day: per service and hour, the mean arrivals of the working days in
    the period (days with any ticket), the priority share, and the served tickets' times."""
    if last < first:
        raise InvalidInput("--history-to ต้องไม่ก่อน --history-from (the range ends before it starts)")
    with uow.read() as tx:
        rows = tx.session.execute(
            select(Ticket.business_date, Ticket.issued_at, Ticket.priority, Ticket.called_at,
                   Ticket.finished_at, Ticket.status, Ticket.appointment_at, Service.code)
            .join(Service, Service.id == Ticket.issued_service_id)
            .where(Ticket.business_date.between(first, last))
        ).all()  # fmt: skip
    days = {r.business_date for r in rows}
    if not days:
        raise InvalidInput(f"ไม่มีบัตรคิวระหว่าง {first} ถึง {last} (no tickets in that period)")
    count: dict[tuple[str, int], int] = defaultdict(int)
    prio: dict[tuple[str, int], int] = defaultdict(int)
    appts: dict[tuple[str, int], list[tuple[float, float]]] = defaultdict(list)
    served: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        local = r.issued_at.astimezone(BANGKOK)
        key = (r.code, local.hour)
        if r.appointment_at is not None:
            appts[key].append((_minute(local), _minute(r.appointment_at.astimezone(BANGKOK))))
        else:
            count[key] += 1
            prio[key] += r.priority is not None
        if r.status == "done" and r.called_at and r.finished_at and r.finished_at > r.called_at:
            served[r.code].append((r.finished_at - r.called_at).total_seconds() / 60)
    n_days = len(days)
    out = []
    for key in sorted(set(count) | set(appts)):
        svc, hour = key
        samples = tuple(served.get(svc, ()))
        mean = statistics.fmean(samples) if samples else 10.0
        # Appointments of one average day: every n_days-th of them, in time order.
        day_appts = tuple(sorted(appts.get(key, []))[::n_days])
        out.append(ProfileRow(svc, hour, round(count[key] / n_days),
                              prio[key] / count[key] if count[key] else 0.0, mean, samples,
                              day_appts))  # fmt: skip
    return out


def _minute(local: dt.datetime) -> float:
    return local.hour * 60 + local.minute + local.second / 60


# ---------------------------------------------------------------- the replay


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _waits(values: list[float]) -> GroupWaits:
    if not values:
        return GroupWaits(0, None, None, None)
    return GroupWaits(len(values), round(statistics.median(values), 1),
                      round(_percentile(values, 0.9), 1), round(max(values), 1))  # fmt: skip


@dataclass(order=True)
class _Arrival:
    minute: float
    order: int
    service: str = field(compare=False)
    priority: bool = field(compare=False)
    service_min: float = field(compare=False)
    appointment_minute: float | None = field(compare=False, default=None)


def _arrivals(profile: Sequence[ProfileRow], rng: random.Random) -> list[_Arrival]:
    out: list[_Arrival] = []
    for row in profile:
        n_prio = round(row.arrivals * row.priority_share)
        flags = [True] * n_prio + [False] * (row.arrivals - n_prio)
        rng.shuffle(flags)
        for is_prio in flags:
            minute = row.hour * 60 + rng.random() * 60
            out.append(_Arrival(minute, len(out), row.service, is_prio, _draw(row, rng)))
        for arrive, appointment in row.appointments:
            out.append(_Arrival(arrive, len(out), row.service, False, _draw(row, rng), appointment))
    out.sort()
    return out


def _draw(row: ProfileRow, rng: random.Random) -> float:
    if row.service_samples:
        return rng.choice(row.service_samples)
    return max(0.5, rng.expovariate(1 / row.mean_service_min))


def _office(uow: UnitOfWork, services: Sequence[str], counters: int) -> None:
    from desktop_app.services.auth import SYSTEM
    from desktop_app.services.office import create_counter, create_service
    from desktop_app.services.users import create_user

    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if len(services) > len(letters):
        raise InvalidInput("จำลองได้ไม่เกิน 26 บริการ (at most 26 services)")
    with uow.write() as tx:
        for code, prefix in zip(services, letters, strict=False):
            create_service(tx, SYSTEM, code, code, "", prefix, 10)
        for n in range(1, counters + 1):
            create_counter(tx, SYSTEM, n, list(services))
        create_user(tx, SYSTEM, "sim", "clerk", "simulation", "simulation-password")
        tx.commit()


class _Queue(Protocol):
    """Where the day is played: the real services on a database, or the bare model."""

    def issue(self, a: _Arrival, at: dt.datetime) -> str: ...

    def call(self, counter: int, at: dt.datetime) -> str | None: ...


def simulate(
    profile: Sequence[ProfileRow],
    counters: int,
    policy: CallingPolicy,
    seed: int = 0,
    progress: Progress | None = None,
    model_only: bool = False,
) -> Simulation:
    """Replay the day: arrivals issue tickets (or check in), each free counter calls the next
    ticket through ``services.tickets.call_next`` and serves it for its drawn minutes. With
    ``model_only`` the same day runs through domain.calling_model instead (the benchmark's
    baseline: the rule without a database)."""
    if not 1 <= counters <= 99:
        raise InvalidInput(f"--counters ต้องเป็น 1–99 (got {counters})")
    arrivals = _arrivals(profile, random.Random(seed))
    services = sorted({r.service for r in profile})
    if model_only:
        waits = _replay(arrivals, counters, _ModelQueue(policy, services), progress)
    else:
        with _SqlQueue.opened(services, counters, policy) as queue:
            waits = _replay(arrivals, counters, queue, progress)
    return Simulation(
        tickets=len(arrivals), counters=counters, priority_run_max=policy.priority_run_max,
        ageing_minutes=policy.ageing_minutes, seed=seed,
        groups={g: _waits(waits[g]) for g in GROUPS},
    )  # fmt: skip


def simulate_policies(
    profile: Sequence[ProfileRow],
    counters: int,
    policies: Sequence[CallingPolicy],
    progress: Progress | None = None,
) -> list[Simulation]:
    """The same day under each policy (seed 0), with one progress count over all of them:
    the what-if tab's and the settings' prediction."""
    total = sum(r.arrivals + len(r.appointments) for r in profile) * len(policies)
    runs = []
    for i, policy in enumerate(policies):
        base = i * total // len(policies)
        step = None if progress is None else (lambda d, _t, b=base: progress(b + d, total))
        runs.append(simulate(profile, counters, policy, 0, step))
    return runs


def _replay(
    arrivals: Sequence[_Arrival], counters: int, queue: _Queue, progress: Progress | None
) -> dict[str, list[float]]:
    opening = dt.datetime.combine(SIM_DAY, dt.time(0), BANGKOK).astimezone(dt.UTC)
    waits: dict[str, list[float]] = {g: [] for g in GROUPS}
    info: dict[str, tuple[str, float, float]] = {}  # key -> group, service minutes, arrival
    # Events: (minute, kind, n, payload); kind 0 = a counter frees, 1 = an arrival, so that a
    # counter finishing at the instant of an arrival is free for it.
    events: list[tuple[float, int, int, object]] = [
        (a.minute, 1, i, a) for i, a in enumerate(arrivals)
    ]
    heapq.heapify(events)
    idle = set(range(1, counters + 1))
    done = 0
    while events:
        minute, _kind, _, payload = heapq.heappop(events)
        at = opening + dt.timedelta(minutes=minute)
        if isinstance(payload, _Arrival):
            group = "appointment" if _keeps_appointment(payload) else (
                "priority" if payload.priority else "ordinary")  # fmt: skip
            info[queue.issue(payload, at)] = (group, payload.service_min, minute)
        else:
            idle.add(int(str(payload)))
        for c in sorted(idle):
            key = queue.call(c, at)
            if key is None:
                break  # nobody waits for any counter (every counter serves every service)
            idle.discard(c)
            group, service_min, arrived = info.pop(key)
            waits[group].append(minute - arrived)
            done += 1
            heapq.heappush(events, (minute + service_min, 0, len(arrivals) + done, c))
            if progress is not None:
                progress(done, len(arrivals))
    return waits


def _keeps_appointment(a: _Arrival) -> bool:
    """A check-in more than the default 15 minutes' grace late is a walk-in."""
    return a.appointment_minute is not None and a.minute <= a.appointment_minute + 15


class _ModelQueue:
    def __init__(self, policy: CallingPolicy, services: Sequence[str]) -> None:
        self.model = CallingModel(policy)
        self.services = tuple(services)
        self.issued = 0
        self.opening = dt.datetime.combine(SIM_DAY, dt.time(0), BANGKOK).astimezone(dt.UTC)

    def issue(self, a: _Arrival, at: dt.datetime) -> str:
        appointment_at = None
        if _keeps_appointment(a):
            assert a.appointment_minute is not None
            appointment_at = self.opening + dt.timedelta(minutes=a.appointment_minute)
        tid = self.issued = self.issued + 1  # in issue order, as the database numbers its ids
        self.model.add(ModelTicket(tid, a.service, a.priority, at, appointment_at))
        return str(tid)

    def call(self, counter: int, at: dt.datetime) -> str | None:
        t = self.model.next(counter, self.services, at)
        return None if t is None else str(t.tid)


class _SqlQueue:
    """The real services on an in-memory SQLite database with a simulated clock."""

    def __init__(self, uow: UnitOfWork, clock: list[dt.datetime]) -> None:
        self.uow = uow
        self.clock = clock
        self.clerk = _sim_actor(uow)
        self.opening = dt.datetime.combine(SIM_DAY, dt.time(0), BANGKOK).astimezone(dt.UTC)

    @classmethod
    @contextlib.contextmanager
    def opened(
        cls, services: Sequence[str], counters: int, policy: CallingPolicy
    ) -> Iterator[_SqlQueue]:
        from db import migrate
        from db.engine import make_engine
        from desktop_app.services.auth import SYSTEM
        from desktop_app.services.settings import write_setting

        clock = [dt.datetime.combine(SIM_DAY, dt.time(0), BANGKOK).astimezone(dt.UTC)]
        engine = make_engine("sqlite://")  # in memory, gone with the engine
        try:
            migrate.upgrade(engine)
            uow = UnitOfWork(engine, clock=lambda: clock[0])
            _office(uow, services, counters)
            with uow.write() as tx:
                write_setting(tx, SYSTEM, "queue.priority_run_max", str(policy.priority_run_max))
                write_setting(tx, SYSTEM, "queue.ageing_minutes", str(policy.ageing_minutes))
                tx.commit()
            yield cls(uow, clock)
        finally:
            engine.dispose()

    def issue(self, a: _Arrival, at: dt.datetime) -> str:
        """The ticket as the kiosk issues it, or as a check-in does."""
        from desktop_app.domain.queue import Priority
        from desktop_app.services.tickets import issue_in

        self.clock[0] = at
        appointment_at = None
        if _keeps_appointment(a):
            assert a.appointment_minute is not None
            appointment_at = self.opening + dt.timedelta(minutes=a.appointment_minute)
        with self.uow.write() as tx:
            view = issue_in(tx, self.clerk, a.service,
                            Priority.ELDERLY if a.priority else None, appointment_at)  # fmt: skip
            tx.commit()
        return view.code

    def call(self, counter: int, at: dt.datetime) -> str | None:
        from desktop_app.services.tickets import call_next

        self.clock[0] = at
        called = call_next(self.uow, self.clerk, counter)
        return None if called is None else called.code


def _sim_actor(uow: UnitOfWork) -> Actor:
    from db.models import User
    from desktop_app.domain.roles import Role

    with uow.read() as tx:
        u = tx.session.scalars(select(User).where(User.username == "sim")).one()
        return Actor(u.id, u.username, Role(u.role), u.name)


def recent_working_days(uow: UnitOfWork, days: int = 20) -> tuple[dt.date, dt.date] | None:
    """The first and last of the office's last ``days`` working days (days with tickets),
    None when it has no tickets yet."""
    with uow.read() as tx:
        found = list(tx.session.scalars(
            select(Ticket.business_date).distinct()
            .order_by(Ticket.business_date.desc()).limit(days)
        ))  # fmt: skip
    return (found[-1], found[0]) if found else None
