"""`audit verify` at 1,000,000 entries on both engines (issue 18 item 5; issue 17 item 2):
the whole command's work — the hash chain read raw and streamed, and the reconciliation of
every audited table with the trail — with the peak memory of the process.

- **time** vs a baseline in the same run: a bare driver scan of the same rows that hashes
  each with SHA-256 (the least any verifier must do). Budget: ≤ 10 s.
- Three runs of each at 1,000,000 entries, interleaved; each also reports its own CPU time
  (``extra``), which the machine's load changes less than the wall time.
- **memory**: the verifying process's peak RSS (VmHWM) at 1,000,000 entries vs at 100,000. Flat
  memory means a ratio near 1 (``extra``: both in MB).

The trail is a real one in shape: the demo office, then 250,000 tickets over 1,000
business days, each issued, printed, called and completed (four entries each, the same
JSON the services write, chained with the real hash), and the tickets' rows as those entries
leave them — written in bulk, not through the service layer, which would take an hour. Each
verify runs in a fresh process (``python -c``), so its peak RSS is its own.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench --only audit_verify
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.audit import HEAD_ID, iso
from db.engine import make_engine
from db.models import AuditHead, Counter, Service, User
from desktop_app.domain.audit_chain import canonical_json, entry_hash
from desktop_app.services.setup import init_database
from tests.bench.harness import Figure
from tests.bench.pg import postgres_database

ROOT = Path(__file__).resolve().parents[2]
BIG, SMALL = 1_000_000, 100_000
PER_DAY = 250
BATCH = 10_000
REPEAT = 3  # verify and floor runs at 1,000,000 entries

_CHILD = r"""
import hashlib, json, resource, sys, time
from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services.audit import verify
url, what = sys.argv[1], sys.argv[2]
engine = make_engine(url)
t0 = time.perf_counter()
c0 = time.process_time()
if what == "verify":
    r = verify(UnitOfWork(engine))
    assert r.ok and not r.mismatches, (r.ok, r.first_bad, r.reason, r.mismatches[:3])
    n = r.entries
else:  # the floor: a bare driver scan that hashes every row, read as the verifier's chain
    # scan reads (the driver's own cursor: psycopg's stream in 5,000-row chunks on
    # PostgreSQL, fetchmany(5000) on SQLite)
    n = 0
    with engine.connect() as conn:
        pg = engine.dialect.name == "postgresql"
        dbapi = conn.connection.dbapi_connection
        cur = dbapi.cursor()
        sql = ("SELECT id, at, actor, action, entity, entity_id, before_json, after_json, "
               "prev_hash, hash FROM audit_log ORDER BY id")
        if pg:
            for row in cur.stream(sql, size=5000):
                hashlib.sha256("|".join(map(str, row)).encode()).hexdigest()
                n += 1
        else:
            cur.execute(sql)
            while rows := cur.fetchmany(5000):
                for row in rows:
                    hashlib.sha256("|".join(map(str, row)).encode()).hexdigest()
                    n += 1
        cur.close()
elapsed = time.perf_counter() - t0
cpu = time.process_time() - c0  # this process's CPU (not the server's): load-independent
# VmHWM: this process's own peak (ru_maxrss would count the forked parent's pages too).
try:
    hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")]
    rss_kb = int(hwm[0].split()[1])
except (OSError, IndexError):
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"s": elapsed, "cpu_s": cpu, "entries": n, "rss_mb": rss_kb / 1024}))
"""


def _child(url: str, what: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, url, what],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


TICKET_COLUMNS = (
    "business_date", "issued_service_id", "service_id", "number", "code", "priority",
    "priority_rank", "status", "issued_at", "issued_by_id", "counter_id", "called_at",
    "called_by_id", "recall_count", "finished_at", "transfer_count", "printed", "web_secret",
)  # fmt: skip
AUDIT_COLUMNS = ("id", "at", "actor", "action", "entity", "entity_id", "before_json",
                 "after_json", "prev_hash", "hash")  # fmt: skip


def _stored(value: object, pg: bool) -> object:
    """As the driver stores it: SQLite gets SQLAlchemy's text spellings."""
    if pg:
        return value.replace(tzinfo=None) if isinstance(value, dt.datetime) else value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _writer(raw: Any, pg: bool, table: str, columns: tuple[str, ...]) -> Any:
    cols = ", ".join(columns)
    if pg:
        cur = raw.cursor()
        manager = cur.copy(f"COPY {table} ({cols}) FROM STDIN")
        copy = manager.__enter__()

        def write(rows: list[tuple[object, ...]]) -> None:
            for r in rows:
                copy.write_row(r)

        write.close = lambda: manager.__exit__(None, None, None)  # type: ignore[attr-defined]
        return write
    marks = ", ".join("?" * len(columns))
    stmt = f"INSERT INTO {table} ({cols}) VALUES ({marks})"

    def write_sqlite(rows: list[tuple[object, ...]]) -> None:
        raw.executemany(stmt, rows)

    write_sqlite.close = lambda: None  # type: ignore[attr-defined]
    return write_sqlite


def build(url: str, entries: int) -> None:
    """The demo office, then tickets with four entries each until about ``entries``,
    written with the driver (executemany on SQLite, COPY on PostgreSQL)."""
    engine = make_engine(url)
    pg = engine.dialect.name == "postgresql"
    try:
        init_database(engine, demo=True)
        with engine.connect() as conn:
            services = {code: sid for sid, code in conn.execute(select(Service.id, Service.code))}
            counter_id = conn.execute(select(Counter.id).where(Counter.number == 1)).scalar_one()
            clerk = conn.execute(select(User.id).where(User.username == "clerk1")).scalar_one()
            head = conn.execute(select(AuditHead).where(AuditHead.id == HEAD_ID)).one()
        seq, prev = head.last_seq, head.last_hash
        n_tickets = max(1, (entries - seq) // 4)
        start = dt.datetime(2023, 1, 2, 2, 0, tzinfo=dt.UTC)
        raw = engine.raw_connection()
        try:
            driver: Any = raw.driver_connection
            if not pg:
                driver.execute("BEGIN")
            put_tickets = _writer(driver, pg, "tickets", TICKET_COLUMNS)
            tickets: list[tuple[object, ...]] = []
            put_log = None
            log: list[tuple[object, ...]] = []

            def add(at: dt.datetime, action: str, eid: str, before: object, after: object) -> None:
                nonlocal seq, prev
                seq += 1
                b, a = canonical_json(before), canonical_json(after)
                h = entry_hash(prev, seq, iso(at), "clerk1", action, "ticket", eid, b, a)
                log.append((seq, _stored(at, pg), "clerk1", action, "ticket", eid, b, a, prev, h))
                prev = h

            for i in range(n_tickets):
                day_no, number = divmod(i, PER_DAY)
                svc = "A" if number % 2 == 0 else "B"
                day = (start + dt.timedelta(days=day_no)).date()
                code = f"{svc}{number + 1:03d}"
                eid = f"{day.isoformat()}/{code}"
                issued = start + dt.timedelta(days=day_no, seconds=60 * number)
                called = issued + dt.timedelta(minutes=5)
                done = called + dt.timedelta(minutes=4)
                row = (day, services[svc], services[svc], number + 1, code, None, 1, "done",
                       issued, clerk, counter_id, called, clerk, 0, done, 0, True,
                       "bench-secret")  # fmt: skip
                tickets.append(tuple(_stored(v, pg) for v in row))
                state = {"code": code, "date": day.isoformat(), "service": svc,
                         "status": "waiting", "counter": None, "priority": None}  # fmt: skip
                add(issued, "ticket.issue", eid, None, {**state, "ahead": 0})
                add(issued, "ticket.print", eid, {"printed": False},
                    {"printed": True, "printer": "none", "bytes": 900, "paper": "ok",
                     "confirmed": True})  # fmt: skip
                called_state = {**state, "status": "called", "counter": 1}
                add(called, "ticket.call", eid, state, called_state)
                add(done, "ticket.complete", eid, called_state, {**called_state, "status": "done"})
                if len(tickets) >= BATCH:
                    put_tickets(tickets)
                    tickets.clear()
            put_tickets(tickets)
            put_tickets.close()
            put_log = _writer(driver, pg, "audit_log", AUDIT_COLUMNS)
            for k in range(0, len(log), BATCH):
                put_log(log[k : k + BATCH])
            put_log.close()
            cur = driver.cursor()
            cur.execute(
                "UPDATE audit_head SET last_seq = %s, last_hash = %s WHERE id = %s"
                if pg else "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = ?",
                (seq, prev, HEAD_ID),
            )  # fmt: skip
            if pg:
                driver.commit()
            else:
                driver.execute("COMMIT")
        finally:
            raw.close()
        if pg:
            with engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    finally:
        engine.dispose()


@contextmanager
def _sqlite(tmp: str, name: str) -> Iterator[str]:
    yield f"sqlite:///{Path(tmp) / f'{name}.db'}"


def benchmarks(smoke: bool) -> Iterator[Figure]:
    big, small = (400, 100) if smoke else (BIG, SMALL)
    repeat = 1 if smoke else REPEAT
    with tempfile.TemporaryDirectory(prefix="khetdesk-bench-") as tmp:
        for label, database in (("SQLite", lambda n: _sqlite(tmp, n)),
                                ("PostgreSQL", postgres_database)):  # fmt: skip
            runs: dict[int, list[dict[str, float]]] = {}
            floors: list[dict[str, float]] = []
            for size in (small, big):
                with database(f"audit{size}") as url:
                    build(url, size)
                    runs[size] = []
                    for _ in range(repeat if size == big else 1):
                        # Interleaved, so that the machine's load weighs on both alike.
                        if size == big:
                            floors.append(_child(url, "floor"))
                        runs[size].append(_child(url, "verify"))
            b, s, floor = runs[big], runs[small][0], floors
            entries = int(b[0]["entries"])
            rows = int(floor[0]["entries"])
            base = Figure(f"{label}: bare scan + SHA-256 of {rows:,} audit rows", "s",
                          tuple(f["s"] for f in floor))  # fmt: skip
            peak = max(r["rss_mb"] for r in b)
            yield Figure(
                f"{label}: audit verify (chain + reconciliation), {entries:,} entries",
                "s", tuple(r["s"] for r in b), baseline=base,
                note="budget 10 s; each run a fresh process",
                extra={"peak_rss_mb": round(peak, 1),
                       "peak_rss_mb_at_small": round(s["rss_mb"], 1),
                       "small_entries": s["entries"], "small_s": round(s["s"], 3),
                       "cpu_s": [round(r["cpu_s"], 2) for r in b],
                       "floor_cpu_s": [round(f["cpu_s"], 2) for f in floor],
                       "floor_peak_rss_mb": round(max(f["rss_mb"] for f in floor), 1)},
            )  # fmt: skip
            yield Figure(
                f"{label}: audit verify peak RSS, {entries:,} entries", "MB", (peak,),
                baseline=Figure(f"{label}: audit verify peak RSS, {int(s['entries']):,} entries",
                                "MB", (s["rss_mb"],)),
                note="flat memory: ratio near 1",
            )  # fmt: skip


if __name__ == "__main__":
    from tests.bench.__main__ import main

    raise SystemExit(main(["--only", "audit_verify"]))
