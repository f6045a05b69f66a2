"""Worker processes for the concurrency and crash tests (tests/integration/test_concurrency.py).

Run as ``python -m tests.support.workers COMMAND --url URL ...``: a clean interpreter that
opens its own engine and unit of work and drives the service layer, as a second counter PC
or kiosk would. Every worker prints one JSON object per line on stdout, flushed at once, so
that the test can follow it while it runs (and knows exactly what had been committed when
it killed it):

- ``{"event": "ready", "pid": N}`` once connected and logged in;
- ``{"event": "issued", "code": ..., "service": ..., "number": N}`` after each committed
  issue, ``{"event": "called", "code": ..., "service": ...}`` after each committed call;
- ``{"event": "done", "count": N, "elapsed_s": F}`` at the end.

Errors go to stderr with a non-zero exit code.

The clock is ``--base`` (a UTC instant) plus the real seconds elapsed since ``--epoch`` (a
``time.time()`` value that the test hands to every worker), so all workers share one
monotonic timeline on a fixed business day: a run near midnight in Bangkok cannot restart
the numbering half-way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import func, select

from db.engine import make_engine
from db.models import Ticket
from db.uow import UnitOfWork
from desktop_app.services import tickets
from desktop_app.services.auth import Actor, authenticate

BARRIER_POLL_S = 0.002
BARRIER_TIMEOUT_S = 60.0


def emit(**fields: object) -> None:
    sys.stdout.write(json.dumps(fields, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def make_clock(base: str, epoch: float) -> Callable[[], dt.datetime]:
    start = dt.datetime.fromisoformat(base)
    if start.tzinfo is None:
        raise SystemExit("--base must carry a UTC offset")

    def now() -> dt.datetime:
        return start + dt.timedelta(seconds=time.time() - epoch)

    return now


def wait_for_file(path: str | None) -> None:
    """The start barrier: every worker spins until the test creates this file, so their
    first transactions really overlap (process start-up is slower than the race itself)."""
    if not path:
        return
    deadline = time.monotonic() + BARRIER_TIMEOUT_S
    barrier = Path(path)
    while not barrier.exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"start barrier {path} never appeared")
        time.sleep(BARRIER_POLL_S)


def _open(args: argparse.Namespace) -> tuple[UnitOfWork, Actor]:
    engine = make_engine(args.url)
    uow = UnitOfWork(engine, clock=make_clock(args.base, args.epoch))
    actor = authenticate(uow, args.user, args.password)
    # Connect once before the barrier so the race measures transactions, not connecting.
    with uow.read() as tx:
        tx.session.execute(select(func.count()).select_from(Ticket)).scalar_one()
    emit(event="ready", pid=os.getpid())
    return uow, actor


def cmd_issue(args: argparse.Namespace) -> None:
    """Issue ``--count`` tickets, cycling through ``--services``."""
    uow, actor = _open(args)
    services = args.services.split(",")
    wait_for_file(args.start_file)
    started = time.perf_counter()
    count = 0
    while args.count < 0 or count < args.count:
        svc = services[count % len(services)]
        t = tickets.issue_ticket(uow, actor, svc)
        count += 1
        emit(event="issued", code=t.code, service=t.service, number=t.number)
    emit(event="done", count=count, elapsed_s=time.perf_counter() - started)
    uow.engine.dispose()


def cmd_call(args: argparse.Namespace) -> None:
    """Call the next ticket at ``--counter`` until nobody is waiting."""
    uow, actor = _open(args)
    wait_for_file(args.start_file)
    started = time.perf_counter()
    count = 0
    pause = random.Random(args.counter)
    while (t := tickets.call_next(uow, actor, args.counter)) is not None:
        count += 1
        emit(event="called", code=t.code, service=t.service, counter=t.counter)
        if args.pause_ms:
            time.sleep(pause.uniform(0, args.pause_ms) / 1000)
    emit(event="done", count=count, elapsed_s=time.perf_counter() - started)
    uow.engine.dispose()


def cmd_read(args: argparse.Namespace) -> None:
    """Hold one read transaction open until ``--release-file`` appears; report the ticket
    count seen at the start and at the end of it (a snapshot: both the same)."""
    engine = make_engine(args.url)
    uow = UnitOfWork(engine, clock=make_clock(args.base, args.epoch))
    with uow.read() as tx:
        first = tx.session.execute(select(func.count()).select_from(Ticket)).scalar_one()
        emit(event="holding", pid=os.getpid(), tickets=first)
        wait_for_file(args.release_file)
        last = tx.session.execute(select(func.count()).select_from(Ticket)).scalar_one()
    emit(event="done", first=first, last=last)
    engine.dispose()


def parse(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m tests.support.workers")
    sub = p.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--url", required=True)
    common.add_argument("--base", required=True, help="UTC instant the clock starts from")
    common.add_argument("--epoch", type=float, required=True, help="time.time() at --base")
    common.add_argument("--user", default="clerk1")
    common.add_argument("--password", default="demo")
    common.add_argument("--start-file")
    issue = sub.add_parser("issue", parents=[common])
    issue.add_argument("--services", required=True, help="CODE[,CODE...], used in turn")
    issue.add_argument("--count", type=int, default=-1, help="-1: until killed")
    issue.set_defaults(func=cmd_issue)
    call = sub.add_parser("call", parents=[common])
    call.add_argument("--counter", type=int, required=True)
    call.add_argument(
        "--pause-ms",
        type=float,
        default=0.0,
        help="sleep up to this long between calls (SQLite's busy handler is not fair: a "
        "tight loop can keep the write lock from the other counter until it is done)",
    )
    call.set_defaults(func=cmd_call)
    read = sub.add_parser("read", parents=[common])
    read.add_argument("--release-file", required=True)
    read.set_defaults(func=cmd_read)
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse(sys.argv[1:] if argv is None else argv)
    args.func(args)


if __name__ == "__main__":
    main()
