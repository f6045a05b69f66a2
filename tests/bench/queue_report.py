"""A month's queue statistics (services.stats_queue.queue_stats, every table of the report)
over a database of 1,000,000 tickets on SQLite, against the same report over a database of
10,000 tickets in the same run (the month then holds a few hundred tickets) and a bare
``COUNT(*)`` of the month's tickets on the big database.

    .venv/bin/python -m tests.bench.queue_report

Target (issue 7): under one second for the month on the 1,000,000-ticket database. The
tickets are made by one INSERT … SELECT over a recursive series on a migrated database
(about 1,000 a day: four services of 250, the demo office's four counters), not through
the service layer: waits, service times, no-shows, priority tickets, transfers and
out-of-order calls vary with the ticket's number so that every figure has work to do.
Waits spread over 0–90 minutes and service times over 1–41 minutes, to the second: the
percentiles count each distinct second once (services.stats_sql.spread_select), so the
spread of the values, not only the number of tickets, is what costs.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, func, select, text

from db.engine import make_engine
from db.models import Service, Ticket
from db.uow import UnitOfWork
from desktop_app.services.setup import init_database
from desktop_app.services.stats_queue import queue_stats
from tests.bench.harness import Figure, timed_ms

PER_DAY = 1000
FIRST_DAY = dt.date(2024, 3, 1)

_FILL = """
WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < :count),
t AS (
  SELECT i,
         date(:first_day, '+' || (i / :per_day) || ' days') AS day,
         (i % :per_day) % 4 AS svc,
         (i % :per_day) / 4 + 1 AS num,
         datetime(date(:first_day, '+' || (i / :per_day) || ' days'), '+1 hours',
                  '+' || ((i % :per_day) * 28) || ' seconds') AS issued,
         ((i * 7919) % 5400) + 30 AS wait_s,
         ((i * 104729) % 2400) + 60 AS svc_s,
         CASE WHEN i % 97 = 0 THEN 'no_show' ELSE 'done' END AS status
  FROM s
)
INSERT INTO tickets (business_date, issued_service_id, service_id, number, code, priority,
  priority_rank, status, issued_at, issued_by_id, counter_id, called_at, called_by_id,
  recall_count, finished_at, transfer_count, pick_reason, printed, web_secret)
SELECT day,
       CASE svc WHEN 0 THEN :a WHEN 1 THEN :b WHEN 2 THEN :c ELSE :d END,
       CASE WHEN i % 211 = 0 THEN :c
            ELSE CASE svc WHEN 0 THEN :a WHEN 1 THEN :b WHEN 2 THEN :c ELSE :d END END,
       num,
       (CASE svc WHEN 0 THEN 'A' WHEN 1 THEN 'B' WHEN 2 THEN 'C' ELSE 'D' END)
         || printf('%03d', num),
       CASE WHEN i % 10 = 9 THEN 'elderly' WHEN i % 53 = 0 THEN 'monk' END,
       CASE WHEN i % 10 = 9 OR i % 53 = 0 THEN 0 ELSE 1 END,
       status,
       issued, :user_id,
       CASE svc WHEN 0 THEN :k1 WHEN 1 THEN :k2 WHEN 2 THEN :k3 ELSE :k4 END,
       datetime(issued, '+' || wait_s || ' seconds'), :user_id, 0,
       datetime(issued, '+' || (wait_s + CASE status WHEN 'done' THEN svc_s ELSE 60 END)
                || ' seconds'),
       CASE WHEN i % 211 = 0 THEN 1 ELSE 0 END,
       CASE WHEN i % 499 = 0 THEN 'ผู้ป่วยนั่งรถเข็น' END,
       1, 'bench-secret'
FROM t
"""


def fill(engine: Engine, count: int) -> None:
    init_database(engine, demo=True)
    with engine.begin() as conn:
        ids = dict(conn.execute(select(Service.code, Service.id)).all())
        counters = dict(conn.execute(text("SELECT number, id FROM counters")).all())
        user_id = conn.execute(text("SELECT id FROM users WHERE username = 'clerk1'")).scalar_one()
        conn.execute(
            text(_FILL),
            {
                "count": count,
                "first_day": FIRST_DAY.isoformat(),
                "per_day": PER_DAY,
                "a": ids["A"],
                "b": ids["B"],
                "c": ids["C"],
                "d": ids["D"],
                "user_id": user_id,
                "k1": counters[1],
                "k2": counters[2],
                "k3": counters[3],
                "k4": counters[4],
            },
        )
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()


def _month_of(count: int) -> tuple[dt.date, dt.date]:
    """The last whole month of the generated days."""
    last = FIRST_DAY + dt.timedelta(days=(count - 1) // PER_DAY)
    end = last.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def report_runs(path: Path, count: int, runs: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """(the month's report, a bare COUNT(*) of the month's tickets), in ms per run."""
    engine = make_engine(f"sqlite:///{path}", create=True)
    try:
        fill(engine, count)
        first, last = _month_of(count)
        if first < FIRST_DAY:
            first, last = FIRST_DAY, FIRST_DAY + dt.timedelta(days=(count - 1) // PER_DAY)
        uow = UnitOfWork(engine)
        stats = queue_stats(uow, first, last)
        assert stats.total.issued > 0
        assert sum(r.served for r in stats.by_counter) == stats.total.served
        report = timed_ms(runs, lambda: queue_stats(uow, first, last), warmup=1)

        def bare() -> None:
            with uow.read() as tx:
                tx.session.scalar(
                    select(func.count()).where(
                        Ticket.business_date >= first, Ticket.business_date <= last
                    )
                )

        return report, timed_ms(runs, bare, warmup=1)
    finally:
        engine.dispose()


def benchmarks(smoke: bool) -> Iterator[Figure]:
    big, small, runs = (3_000, 1_000, 1) if smoke else (1_000_000, 10_000, 7)
    with tempfile.TemporaryDirectory(prefix="khetdesk-bench-") as tmp:
        small_report, _ = report_runs(Path(tmp) / "small.db", small, runs)
        big_report, big_count = report_runs(Path(tmp) / "big.db", big, runs)
    baseline = Figure(
        f"SQLite: month's queue report, {small:,} tickets in the database", "ms", small_report
    )
    yield Figure(
        f"SQLite: month's queue report, {big:,} tickets in the database",
        "ms",
        big_report,
        baseline=baseline,
        note="target < 1000 ms; the month holds ~30,000 tickets, the baseline's database "
        "(10 days) 10,000",
    )
    yield Figure(
        f"SQLite: COUNT(*) of the month, {big:,} tickets",
        "ms",
        big_count,
        note="the floor: finding the month's rows through the index",
    )


if __name__ == "__main__":
    from tests.bench.__main__ import main

    raise SystemExit(main(["--only", "queue_report"]))
