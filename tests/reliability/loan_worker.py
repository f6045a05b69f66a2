"""A process that lends and takes back the same three chairs over and over, for the kill
test (tests/reliability/test_kill.py):

    python -m tests.reliability.loan_worker --url URL --base ISO --epoch F

Each step is one service call (one transaction) chosen from the state of the latest loan
of the chairs, so a process started after a killed one carries on where it stopped:
none or closed → request (staff1, clause 208(3)); submitted → approve (director);
approved → hand over (supply); on_loan → return all three in good condition (supply).
Every committed step is printed as one JSON line (``{"event": "returned", "loan_no": …}``
and so on) after its commit, as tests/support/workers.py does for tickets.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from sqlalchemy import select

from db.engine import make_engine
from db.models import Asset, Loan, LoanItem
from db.uow import UnitOfWork
from desktop_app.services import loans
from desktop_app.services.auth import authenticate
from tests.support.loans import CHAIRS, request
from tests.support.workers import emit, make_clock, wait_for_file


def latest(uow: UnitOfWork) -> tuple[str, str] | None:
    """(loan_no, status) of the newest loan holding the first chair."""
    with uow.read() as tx:
        row = tx.session.execute(
            select(Loan.loan_no, Loan.status)
            .join(LoanItem, LoanItem.loan_id == Loan.id)
            .join(Asset, Asset.id == LoanItem.asset_id)
            .where(Asset.asset_no == CHAIRS[0])
            .order_by(Loan.id.desc())
            .limit(1)
        ).first()
    return (row[0], row[1]) if row else None


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m tests.reliability.loan_worker")
    p.add_argument("--url", required=True)
    p.add_argument("--base", required=True)
    p.add_argument("--epoch", type=float, required=True)
    p.add_argument("--steps", type=int, default=-1, help="-1: until killed")
    p.add_argument("--start-file", help="wait for this file before the first step")
    args = p.parse_args(argv)
    engine = make_engine(args.url)
    uow = UnitOfWork(engine, clock=make_clock(args.base, args.epoch))
    staff = authenticate(uow, "staff1", "demo")
    director = authenticate(uow, "director", "demo")
    supply = authenticate(uow, "supply", "demo")
    latest(uow)
    emit(event="ready", pid=os.getpid())
    wait_for_file(args.start_file)
    done = 0
    while args.steps < 0 or done < args.steps:
        state = latest(uow)
        if state is None or state[1] in ("closed", "cancelled", "rejected"):
            v = request(uow, staff, items=list(CHAIRS))
            emit(event="requested", loan_no=v.loan_no)
        elif state[1] == "submitted":
            v = loans.approve_loan(uow, director, state[0])
            emit(event="approved", loan_no=v.loan_no)
        elif state[1] == "approved":
            v = loans.hand_over(uow, supply, state[0])
            emit(event="handed_over", loan_no=v.loan_no)
        elif state[1] == "on_loan":
            v = loans.return_items(uow, supply, state[0], [f"{c}:good" for c in CHAIRS])
            emit(event="returned", loan_no=v.loan_no, status=v.status)
        else:
            raise SystemExit(f"unexpected loan state {state}")
        done += 1
    emit(event="done", count=done)
    engine.dispose()


if __name__ == "__main__":
    main()
