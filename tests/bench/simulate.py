"""The simulator (issue 15): a 2,000-ticket day with 10 counters through the real calling code
on SQLite in memory, against the pure-Python model (domain.calling_model) on the same day;
and a 20-working-day history fit and simulation on an office database."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from tests.bench.harness import Figure

SERVICES = ("A", "B", "C", "D")


def _day(total: int) -> list:
    from desktop_app.services.simulate import ProfileRow

    hours = range(8, 16)
    per = total // (len(SERVICES) * len(hours))
    return [ProfileRow(s, h, per, 0.25, 3.5 + i) for i, s in enumerate(SERVICES) for h in hours]


def _seconds(action) -> float:
    t0 = time.perf_counter()
    action()
    return time.perf_counter() - t0


def _history_office(path: Path, days: int, per_day: int) -> tuple[str, dt.date, dt.date]:
    """An office database with ``days`` working days of tickets issued, called and completed."""
    from db.engine import make_engine
    from db.uow import UnitOfWork
    from desktop_app.domain.thai_time import BANGKOK
    from desktop_app.services import tickets
    from desktop_app.services.setup import init_database
    from tests.support.db import FakeClock, actor

    url = f"sqlite:///{path}"
    engine = make_engine(url)
    init_database(engine, demo=True)
    first = dt.date(2026, 10, 1)
    clock = FakeClock(dt.datetime.combine(first, dt.time(8, 30), BANGKOK).astimezone(dt.UTC))
    uow = UnitOfWork(engine, clock=clock)
    clerk = actor(uow, "clerk1")
    day, done = first, 0
    while done < days:
        if day.isoweekday() <= 5:
            clock.now = dt.datetime.combine(day, dt.time(8, 30), BANGKOK).astimezone(dt.UTC)
            for n in range(per_day):
                tickets.issue_ticket(uow, clerk, "AB"[n % 2], "elderly" if n % 5 == 0 else None)
                clock.advance(minutes=2)
                if n % 2:
                    tickets.call_next(uow, clerk, 1 + n % 2)
                    clock.advance(minutes=1)
            done += 1
        last = day
        day += dt.timedelta(days=1)
    engine.dispose()
    return url, first, last


def benchmarks(smoke: bool) -> Iterable[Figure]:
    from db.engine import make_engine
    from db.uow import UnitOfWork
    from desktop_app.domain.queue import CallingPolicy
    from desktop_app.services.simulate import profile_from_history, simulate

    total, runs = (64, 1) if smoke else (2000, 3)
    day = _day(total)
    policy = CallingPolicy(priority_run_max=3, ageing_minutes=30)
    model = tuple(_seconds(lambda: simulate(day, 10, policy, model_only=True)) for _ in range(runs))
    real = tuple(_seconds(lambda: simulate(day, 10, policy)) for _ in range(runs))
    yield Figure(
        f"simulate {total:,}-ticket day, 10 counters, real calling code (SQLite in memory)", "s",
        real, baseline=Figure("same day through the pure-Python model", "s", model),
    )  # fmt: skip
    days, per_day = (2, 6) if smoke else (20, 100)
    with tempfile.TemporaryDirectory() as tmp:
        url, first, last = _history_office(Path(tmp) / "history.db", days, per_day)
        engine = make_engine(url)
        uow = UnitOfWork(engine)
        fit = tuple(_seconds(lambda: profile_from_history(uow, first, last)) for _ in range(runs))
        profile = profile_from_history(uow, first, last)
        sim = tuple(_seconds(lambda: simulate(profile, 4, CallingPolicy())) for _ in range(runs))
        engine.dispose()
    yield Figure(f"history fit, {days} working days × {per_day} tickets", "s", fit)
    yield Figure(
        f"simulate the fitted day ({sum(r.arrivals for r in profile):,} tickets)", "s", sim
    )
