"""SIGKILL at random moments, 50 times per engine: a process issuing tickets and a process
lending and taking back three chairs (tests/reliability/loan_worker.py) are killed in each
of 25 rounds, each at its own random moment. Afterwards the database opens, `audit
verify` is ok, every ticket number of a day and service is there exactly once (1..max), every
change a worker had confirmed is there, and no loan is half-returned or half-handed-over:
the three chairs always move together, and the assets' status agrees with their loans.

tests/integration/test_concurrency.py kills issuers only (15 rounds); this adds the loan
process, kills both while the other is running, and reaches the issue's 50.
"""

from __future__ import annotations

import collections
import datetime as dt
import random
import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Asset, AuditEntry, Loan, LoanItem, LoanReturn, Ticket
from desktop_app.domain.thai_time import business_date
from tests.integration.test_concurrency import (
    assert_consistent,
    demo_office,
    engine_name,
    open_uow,
    wait_until_no_other_sessions,
)
from tests.support.db import OPENING
from tests.support.loans import CHAIRS
from tests.support.procs import Proc, proc_pool

ROUNDS = 25  # × (an issuer + a loan process) = 50 kills per engine
SEED = 20261126
KILL_AFTER_S = (0.02, 0.25)  # after both workers said they are ready; issuing is fast enough
# now that longer rounds used up all 999 numbers of a service in the one business day
ASSET_FOR = {"submitted": "reserved", "approved": "reserved", "on_loan": "on_loan",
             "closed": "available"}  # fmt: skip


def _worker_args(url: str, epoch: float) -> tuple[str, ...]:
    return ("--url", url, "--base", OPENING.isoformat(), "--epoch", repr(epoch))


def assert_no_half_loan(url: str) -> dict[str, str]:
    """Every loan of the chairs is wholly in one state; the chairs' status follows the
    newest loan; one loan.return entry per returned loan. Returns loan_no -> status."""
    with open_uow(url) as uow, uow.read() as tx:
        s = tx.session
        loans = {no: status for no, status in s.execute(select(Loan.loan_no, Loan.status))}
        items = s.execute(
            select(Loan.loan_no, LoanItem.qty, LoanItem.returned_qty, LoanItem.condition_out,
                   LoanItem.condition_in, LoanItem.id)
            .join(Loan, Loan.id == LoanItem.loan_id)
        ).all()  # fmt: skip
        returns = collections.Counter(s.execute(select(LoanReturn.loan_item_id)).scalars())
        chairs = dict(s.execute(select(Asset.asset_no, Asset.status)
                                .where(Asset.asset_no.in_(CHAIRS))).all())  # fmt: skip
        newest = s.execute(select(Loan.status).order_by(Loan.id.desc()).limit(1)).scalar()
        audited = collections.Counter(
            s.execute(select(AuditEntry.action).where(AuditEntry.entity == "loan")).scalars()
        )
    per_loan = collections.defaultdict(list)
    for loan_no, qty, back, out_cond, in_cond, item_id in items:
        per_loan[loan_no].append((qty, back, out_cond, in_cond, returns[item_id]))
    for loan_no, status in loans.items():
        lines = per_loan[loan_no]
        assert len(lines) == len(CHAIRS), f"{loan_no} has {len(lines)} items"
        if status == "closed":
            assert all(q == b and c == "good" and n == 1 for q, b, _, c, n in lines), (
                f"{loan_no} closed but not every chair came back once: {lines}"
            )
        else:
            assert status in ("submitted", "approved", "on_loan"), f"{loan_no}: {status}"
            assert all(b == 0 and c is None and n == 0 for _, b, _, c, n in lines), (
                f"{loan_no} is {status} with chairs already returned: {lines}"
            )
        handed = status in ("on_loan", "closed")
        assert all((o is not None) == handed for _, _, o, _, _ in lines), (
            f"{loan_no} ({status}) half handed over: {lines}"
        )
    open_loans = [st for st in loans.values() if st != "closed"]
    assert len(open_loans) <= 1, f"more than one open loan of the same chairs: {open_loans}"
    expected = ASSET_FOR[newest] if newest else "available"
    assert set(chairs.values()) == {expected}, f"chairs {chairs}, newest loan {newest}"
    closed = sum(1 for st in loans.values() if st == "closed")
    assert audited["loan.return"] == closed, "not one loan.return entry per returned loan"
    assert audited["loan.request"] == len(loans)
    return loans


@pytest.mark.slow
def test_processes_killed_while_issuing_and_returning_loans_lose_nothing(
    db_url: str, tmp_path: Path
) -> None:
    demo_office(db_url)
    rng = random.Random(SEED)
    epoch = time.time()
    issued: list[str] = []
    steps: list[dict[str, str]] = []
    with proc_pool() as pool:
        for r in range(ROUNDS):
            issuer = Proc(tmp_path, f"issuer{r}", "tests.support.workers", "issue",
                          *_worker_args(db_url, epoch), "--services", "A,B,C,D")  # fmt: skip
            lender = Proc(tmp_path, f"lender{r}", "tests.reliability.loan_worker",
                          *_worker_args(db_url, epoch))  # fmt: skip
            pool += [issuer, lender]
            issuer.wait_for("ready")
            lender.wait_for("ready")
            moments = sorted(
                [(rng.uniform(*KILL_AFTER_S), issuer), (rng.uniform(*KILL_AFTER_S), lender)],
                key=lambda m: m[0],
            )
            slept = 0.0
            for at, victim in moments:
                time.sleep(at - slept)
                slept = at
                assert victim.proc.poll() is None, f"{victim.name} stopped:\n{victim.stderr()}"
                assert victim.kill() == -signal.SIGKILL
            issued += [e["code"] for e in issuer.events("issued")]
            steps += [e for e in lender.events() if e["event"] not in ("ready", "done")]

    if engine_name(db_url) == "postgresql":
        wait_until_no_other_sessions(db_url)
    numbers = assert_consistent(db_url)  # opens, audit verify ok, 1..max per day and service
    day = business_date(OPENING)
    with open_uow(db_url) as uow, uow.read() as tx:
        stored = set(tx.session.execute(select(Ticket.code)).scalars())
    assert set(issued) <= stored, f"confirmed tickets lost: {sorted(set(issued) - stored)[:5]}"
    assert all(d == day for d, _ in numbers)

    loans = assert_no_half_loan(db_url)
    for step in steps:  # every confirmed step is in the database
        status = loans[step["loan_no"]]
        if step["event"] == "returned":
            assert status == "closed", step
        elif step["event"] == "handed_over":
            assert status in ("on_loan", "closed"), step
    returned = sum(1 for s in steps if s["event"] == "returned")
    assert returned >= 5, f"only {returned} returns in {ROUNDS} rounds: the kill came too early"

    # Nobody holds a lock: a new process finishes a full cycle of the chairs at once.
    with proc_pool() as pool:
        after = Proc(tmp_path, "after", "tests.reliability.loan_worker",
                     *_worker_args(db_url, epoch), "--steps", "8")  # fmt: skip
        pool.append(after)
        assert after.finish(60)[-1] == {"event": "done", "count": 8}
    assert_no_half_loan(db_url)
    assert_consistent(db_url)
    print(f"\n[{engine_name(db_url)}] {2 * ROUNDS} kills: {len(stored)} tickets "
          f"({len(issued)} confirmed), {len(loans)} loans, {returned} confirmed returns "
          f"({dt.timedelta(seconds=round(time.time() - epoch))})")  # fmt: skip
