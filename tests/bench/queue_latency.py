"""Latency of one `ticket issue` and one `ticket call` through the service layer, against
a raw sqlite3 INSERT+COMMIT with the same PRAGMAs measured in the same run.

    .venv/bin/python -m tests.bench.queue_latency [--n 200] [--no-pg]

Not part of `make test`. PostgreSQL here is the test suite's throwaway cluster (fsync off),
so its figures show the program's overhead, not a production server's disk.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services import tickets
from desktop_app.services.auth import authenticate
from desktop_app.services.setup import init_database


def _timed(n: int, action: Callable[[], object]) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        action()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _summary(name: str, ms: list[float], floor: float | None = None) -> str:
    med = statistics.median(ms)
    p90 = statistics.quantiles(ms, n=10)[-1]
    ratio = f"  ×{med / floor:5.1f} of raw commit" if floor else ""
    return f"{name:<38} median {med:7.2f} ms  p90 {p90:7.2f} ms  (n={len(ms)}){ratio}"


def raw_sqlite(path: Path, n: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT, at TEXT)")

    def one() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (code, at) VALUES ('A001', datetime('now'))")
        conn.execute("COMMIT")

    try:
        return _timed(n, one)
    finally:
        conn.close()


def queue_pair(url: str, n: int) -> tuple[list[float], list[float]]:
    engine = make_engine(url)
    init_database(engine, demo=True)
    uow = UnitOfWork(engine)
    clerk = authenticate(uow, "clerk1", "demo")
    issue = _timed(n, lambda: tickets.issue_ticket(uow, clerk, "A"))
    call = _timed(n, lambda: tickets.call_next(uow, clerk, 1))
    engine.dispose()
    return issue, call


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--no-pg", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        raw = raw_sqlite(Path(tmp) / "raw.db", args.n)
        floor = statistics.median(raw)
        print(_summary("raw sqlite3 INSERT+COMMIT", raw))
        issue, call = queue_pair(f"sqlite:///{tmp}/k.db", args.n)
        print(_summary("SQLite  ticket issue (service layer)", issue, floor))
        print(_summary("SQLite  ticket call  (service layer)", call, floor))
        if not args.no_pg:
            from tests.support.pg_server import PgServer

            with PgServer() as pg:
                issue, call = queue_pair(pg.create_database("bench"), args.n)
                print(_summary("Postgres ticket issue (service layer)", issue))
                print(_summary("Postgres ticket call  (service layer)", call))


if __name__ == "__main__":
    main()
