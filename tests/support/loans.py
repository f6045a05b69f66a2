"""Helpers for the asset and loan tests, and the worker process of the double-lending race.

Run as ``python -m tests.support.loans request --url URL --asset NO --start-file F``: a
clean interpreter that logs in as ``--user``, waits for the start barrier, asks to borrow
the asset and prints one JSON line, ``{"event": "ok", "loan_no": ...}`` or
``{"event": "refused", "error": code, "clause": ..., "message": ...}``. ``handover`` hands
an approved loan over the same way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import Any

from db.uow import UnitOfWork
from desktop_app.services import loans
from desktop_app.services.auth import Actor
from desktop_app.services.loans import LoanView

# The demo office's register (desktop_app/services/setup.py).
LAPTOP = "7440-001-0001/2566"
LAPTOP2 = "7440-001-0002/2566"
PROJECTOR = "6730-002-0001/2565"
TENT = "8340-001-0001/2564"
CHAIRS = ("7110-006-0001/2567", "7110-006-0002/2567", "7110-006-0003/2567")
CAR = "2310-001-0001/2563"
PAPER = "7530-001-0001"  # 200 รีม, minimum stock 20
TONER = "7510-002-0001"  # 12 กล่อง, minimum stock 2
HOLDER = "ฝ่ายการคลัง"

# The demo clock's day is Tuesday 24 November 2026 (Bangkok), fiscal year 2570.
TODAY = dt.date(2026, 11, 24)
START = dt.date(2026, 12, 1)
DUE = dt.date(2026, 12, 5)

# Who borrows in each case of clause 208/210, and who must approve.
CASES: dict[str, dict[str, Any]] = {
    "208(1)": {"borrower_type": "agency", "agency": "สำนักงานเขตบางกอกน้อย",
               "borrower": "นายสมชาย ใจงาม", "borrower_user": None, "items": [PROJECTOR]},
    "208(2)": {"borrower_type": "person", "borrower": "กนกพร ทองดี", "borrower_user": "staff1",
               "place": "on_premises", "items": [PROJECTOR]},
    "208(3)": {"borrower_type": "person", "borrower": "กนกพร ทองดี", "borrower_user": "staff1",
               "place": "off_premises", "items": [LAPTOP]},
    "210": {"borrower_type": "agency", "agency": "สำนักงานเขตบางกอกใหญ่", "borrower_user": None,
            "urgent": True, "items": [f"{PAPER}:30"]},
}  # fmt: skip
APPROVER = {"208(1)": "director", "208(2)": "supplyhead", "208(3)": "director", "210": "director"}
USERS = ("admin", "clerk1", "clerk2", "supply", "supplyhead", "director", "staff1")


def request(uow: UnitOfWork, who: Actor, **overrides: Any) -> LoanView:
    """A valid request (208(3) by default, dates START..DUE), with ``overrides``."""
    args: dict[str, Any] = {
        "borrower_type": "person",
        "borrower": "กนกพร ทองดี",
        "borrower_user": "staff1",
        "purpose": "ใช้ในการอบรมอาสาสมัครชุมชน",
        "official_use": True,
        "place": "off_premises",
        "start": START,
        "due": DUE,
        "items": [LAPTOP],
    }
    args.update(overrides)
    return loans.request_loan(uow, who, **args)


def case_request(uow: UnitOfWork, who: Actor, clause: str, **overrides: Any) -> LoanView:
    return request(uow, who, **{**CASES[clause], **overrides})


# ---------------------------------------------------------------- worker process


def _emit(**fields: object) -> None:
    sys.stdout.write(json.dumps(fields, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> None:
    from db.engine import make_engine
    from desktop_app.domain.errors import KhetDeskError
    from desktop_app.services.auth import authenticate
    from tests.support.workers import wait_for_file

    p = argparse.ArgumentParser(prog="python -m tests.support.loans")
    p.add_argument("command", choices=["request", "handover"])
    p.add_argument("--url", required=True)
    p.add_argument("--user", default="supply")
    p.add_argument("--password", default="demo")
    p.add_argument("--asset")
    p.add_argument("--loan")
    p.add_argument("--start", default=START.isoformat())
    p.add_argument("--due", default=DUE.isoformat())
    p.add_argument("--start-file")
    args = p.parse_args(argv)
    engine = make_engine(args.url)
    uow = UnitOfWork(engine)
    who = authenticate(uow, args.user, args.password)
    _emit(event="ready")
    wait_for_file(args.start_file)
    try:
        if args.command == "request":
            v = request(uow, who, borrower_user=None, borrower=f"worker {args.user}",
                        items=[args.asset], start=dt.date.fromisoformat(args.start),
                        due=dt.date.fromisoformat(args.due))  # fmt: skip
        else:
            v = loans.hand_over(uow, who, args.loan)
        _emit(event="ok", loan_no=v.loan_no, status=v.status)
    except KhetDeskError as e:
        _emit(event="refused", error=e.code, clause=getattr(e, "clause", None), message=e.message)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
