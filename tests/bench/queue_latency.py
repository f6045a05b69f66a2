"""Latency of one `ticket issue` and one `ticket call` through the service layer, each
against a baseline measured in the same run (issue items 1–3):

- **ticket issue** vs a raw INSERT+COMMIT of one row on the same engine — on SQLite with
  the program's PRAGMAs (WAL, synchronous FULL, foreign keys, busy timeout) through the
  sqlite3 module, on PostgreSQL through psycopg. The raw commit is the floor: the ratio is
  what the service layer (the write lock, the daily number, the audit chain entry) costs.
- **ticket call** with 1,000 waiting and 1,000,000 past tickets vs the same with 10,000
  past tickets. The ratio should stay near 1: the call finds the next ticket through an
  index, it does not scan the past.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench --only queue_latency

The past tickets (spread over past business days, four services, 999 a day each, all
done) and today's waiting ones are written with one INSERT … SELECT over a generated
series, not through the service layer, which would take an hour for a million.
PostgreSQL is the throwaway server of the run (fsync off; tests/bench/pg.py).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy import Engine, select, text

from db.engine import BUSY_TIMEOUT_S, make_engine
from db.models import Service
from db.uow import UnitOfWork
from desktop_app.domain.thai_time import business_date
from desktop_app.services import tickets
from desktop_app.services.auth import authenticate
from desktop_app.services.setup import init_database
from tests.bench.harness import Figure, timed_ms
from tests.bench.pg import postgres_database

# 10:00 in Bangkok; "today" of every call benchmark.
NOW = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)
PER_SERVICE_DAY = 999  # the most numbers one service hands out in a day
SERVICES = ("A", "B", "C", "D")
WAITING = 1_000  # today, services A and B (what counter 1 calls)


def _sizes(smoke: bool) -> tuple[int, int, int, int]:
    """(issues, calls, big past, small past)."""
    if smoke:
        return 3, 3, 2_000, 200
    return 200, 200, 1_000_000, 10_000


# ---------------------------------------------------------------- raw floors


def raw_sqlite(path: Path, n: int) -> tuple[float, ...]:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in (f"busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}", "foreign_keys = ON",
                   "journal_mode = WAL", "synchronous = FULL"):  # fmt: skip
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT, at TEXT)")

    def one() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (code, at) VALUES ('A001', datetime('now'))")
        conn.execute("COMMIT")

    try:
        return timed_ms(n, one, warmup=3)
    finally:
        conn.close()


def raw_postgres(url: str, n: int) -> tuple[float, ...]:
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        conn.execute("CREATE TABLE t (id serial PRIMARY KEY, code text, at timestamp)")
        conn.commit()

        def one() -> None:
            conn.execute("INSERT INTO t (code, at) VALUES ('A001', now())")
            conn.commit()

        return timed_ms(n, one, warmup=3)


# ---------------------------------------------------------------- filling a database


def _fill_sql(dialect: str, status: str) -> str:
    """Tickets i = 0 … count-1: 4 × 999 per business day from :first_day on, numbers
    1..999 per service, codes to match; ``status`` done (called at counter 1 by clerk1,
    finished) or waiting."""
    assert status in ("done", "waiting")
    done = status == "done"
    if dialect == "sqlite":
        day = "date(:first_day, '+' || (i / :per_day) || ' days')"
        at = f"datetime({day}, '+2 hours')"
        code = "(CASE (i % :per_day) / :per_svc WHEN 0 THEN 'A' WHEN 1 THEN 'B' " \
               "WHEN 2 THEN 'C' ELSE 'D' END) || printf('%03d', (i % :per_svc) + 1)"  # fmt: skip
        series = ("WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s "
                  "WHERE i + 1 < :count) ")  # fmt: skip
        source = "FROM s"
        done_at = f"datetime({day}, '+2 hours', '+5 minutes')"
    else:
        day = "(CAST(:first_day AS date) + CAST(i / :per_day AS integer))"
        at = f"({day} + time '02:00')"
        code = "(CASE (i % :per_day) / :per_svc WHEN 0 THEN 'A' WHEN 1 THEN 'B' " \
               "WHEN 2 THEN 'C' ELSE 'D' END) " \
               "|| lpad(CAST((i % :per_svc) + 1 AS text), 3, '0')"  # fmt: skip
        series = ""
        source = "FROM generate_series(0, :count - 1) AS s(i)"
        done_at = f"({day} + time '02:05')"
    svc = ("(CASE (i % :per_day) / :per_svc WHEN 0 THEN :a WHEN 1 THEN :b WHEN 2 THEN :c "
           "ELSE :d END)")  # fmt: skip
    return (
        series + "INSERT INTO tickets (business_date, issued_service_id, service_id, number, "
        "code, priority, priority_rank, status, issued_at, issued_by_id, counter_id, called_at, "
        "called_by_id, recall_count, finished_at, transfer_count, pick_reason, printed, "
        "web_secret) "
        f"SELECT {day}, {svc}, {svc}, (i % :per_svc) + 1, {code}, "
        "CASE WHEN i % 10 = 9 THEN 'elderly' END, CASE WHEN i % 10 = 9 THEN 0 ELSE 1 END, "
        f"'{status}', {at}, :user_id, "
        f"{':counter_id' if done else 'NULL'}, {at if done else 'NULL'}, "
        f"{':user_id' if done else 'NULL'}, 0, {done_at if done else 'NULL'}, 0, NULL, :printed, "
        "'bench-secret' "
        f"{source}"
    )


def fill(engine: Engine, past: int) -> None:
    """The demo office, ``past`` done tickets on the days before today, and 1,000 waiting
    for services A and B today (with their daily sequences, so issuing carries on)."""
    init_database(engine, demo=True)
    dialect = engine.dialect.name
    today = business_date(NOW)
    days = -(-past // (PER_SERVICE_DAY * len(SERVICES)))
    with engine.begin() as conn:
        ids = dict(conn.execute(select(Service.code, Service.id)).all())
        user_id = conn.execute(text("SELECT id FROM users WHERE username = 'clerk1'")).scalar_one()
        counter_id = conn.execute(text("SELECT id FROM counters WHERE number = 1")).scalar_one()
        common = {"a": ids["A"], "b": ids["B"], "c": ids["C"], "d": ids["D"],
                  "user_id": user_id, "counter_id": counter_id, "printed": False}  # fmt: skip
        conn.execute(text(_fill_sql(dialect, "done")), {
            **common, "count": past, "first_day": (today - dt.timedelta(days=days)).isoformat(),
            "per_day": PER_SERVICE_DAY * len(SERVICES), "per_svc": PER_SERVICE_DAY})  # fmt: skip
        # Today: A001…A500 and B001…B500 waiting (per_day 1000 and per_svc 500 put the
        # first half on A, the second on B).
        conn.execute(text(_fill_sql(dialect, "waiting")), {
            **common, "count": WAITING, "first_day": today.isoformat(),
            "per_day": WAITING * 2, "per_svc": WAITING // 2})  # fmt: skip
        for code in ("A", "B"):
            conn.execute(text("INSERT INTO daily_sequences (service_id, business_date, "
                              "last_number) VALUES (:s, :d, :n)"),
                         {"s": ids[code], "d": today, "n": WAITING // 2})  # fmt: skip
    if dialect == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))  # what autovacuum does after a bulk load


def calls(url: str, past: int, n: int) -> tuple[float, ...]:
    engine = make_engine(url)
    try:
        fill(engine, past)
        uow = UnitOfWork(engine, clock=lambda: NOW)
        clerk = authenticate(uow, "clerk1", "demo")
        ms = timed_ms(n, lambda: tickets.call_next(uow, clerk, 1), warmup=2)
        assert tickets.call_next(uow, clerk, 1) is not None, "the waiting tickets ran out"
        return ms
    finally:
        engine.dispose()


def issues(url: str, n: int) -> tuple[float, ...]:
    engine = make_engine(url)
    try:
        init_database(engine, demo=True)
        uow = UnitOfWork(engine)
        clerk = authenticate(uow, "clerk1", "demo")
        i = iter(range(10**9))
        return timed_ms(n, lambda: tickets.issue_ticket(uow, clerk, SERVICES[next(i) % 4]),
                        warmup=3)  # fmt: skip
    finally:
        engine.dispose()


@contextmanager
def _sqlite_url(tmp: str, name: str) -> Iterator[str]:
    yield f"sqlite:///{tmp}/{name}.db"


def benchmarks(smoke: bool) -> Iterator[Figure]:
    n_issue, n_call, big, small = _sizes(smoke)
    with tempfile.TemporaryDirectory(prefix="khetdesk-bench-") as tmp:
        for label, database in (("SQLite", lambda name: _sqlite_url(tmp, name)),
                                ("PostgreSQL", postgres_database)):  # fmt: skip
            with database("raw") as url:
                floor_runs = (raw_sqlite(Path(tmp) / "raw.db", n_issue) if label == "SQLite"
                              else raw_postgres(url, n_issue))  # fmt: skip
            floor = Figure(f"{label}: raw INSERT+COMMIT of one row", "ms", floor_runs)
            with database("issue") as url:
                yield Figure(f"{label}: ticket issue (service layer)", "ms",
                             issues(url, n_issue), baseline=floor,
                             note="baseline: raw driver INSERT+COMMIT, same PRAGMAs")  # fmt: skip
            with database("small") as url:
                few = Figure(f"{label}: ticket call, {WAITING:,} waiting, {small:,} past", "ms",
                             calls(url, small, n_call))  # fmt: skip
            with database("big") as url:
                yield Figure(f"{label}: ticket call, {WAITING:,} waiting, {big:,} past", "ms",
                             calls(url, big, n_call), baseline=few,
                             note="should stay near 1: an index, not a scan")  # fmt: skip


if __name__ == "__main__":
    from tests.bench.__main__ import main

    raise SystemExit(main(["--only", "queue_latency"]))
