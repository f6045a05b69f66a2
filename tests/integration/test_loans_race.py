"""Double lending from several processes at once, on real SQLite and PostgreSQL: of the
processes asking for the same asset for the same dates at the same instant exactly one gets
it (the others are refused under clause 208), and of the processes handing over the same
approved loan exactly one does (the others get a conflict). The workers are clean
interpreters (``python -m tests.support.loans``), as counter PCs sharing a database are."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services import loans
from desktop_app.services.assets import show_asset
from desktop_app.services.audit import verify
from desktop_app.services.setup import init_database
from tests.support.db import actor
from tests.support.loans import LAPTOP, PROJECTOR, request

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 4
TIMEOUT_S = 120


def _race(tmp_path: Path, url: str, *args: str) -> list[dict[str, Any]]:
    """Start PROCESSES workers with ``args``, release them together, and return the last
    JSON line of each."""
    barrier = tmp_path / f"go-{time.monotonic_ns()}"
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.support.loans",
                *args,
                "--url",
                url,
                "--start-file",
                str(barrier),
            ],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for _ in range(PROCESSES)
    ]
    try:
        for p in procs:  # every worker is logged in and connected before the start
            assert p.stdout is not None
            line = p.stdout.readline()
            assert json.loads(line or "{}").get("event") == "ready", (
                p.stderr.read() if p.stderr else ""
            )
        barrier.touch()
        results = []
        for p in procs:
            out, err = p.communicate(timeout=TIMEOUT_S)
            assert p.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait(10)


@pytest.mark.slow
def test_the_same_asset_is_lent_to_exactly_one_of_several_processes(db_url, tmp_path):
    engine = make_engine(db_url)
    try:
        init_database(engine, demo=True)
        uow = UnitOfWork(engine)
        results = _race(tmp_path, db_url, "request", "--asset", LAPTOP)
        winners = [r for r in results if r["event"] == "ok"]
        losers = [r for r in results if r["event"] == "refused"]
        assert len(winners) == 1, results
        assert len(losers) == PROCESSES - 1
        assert all(r["error"] == "rule" and r["clause"] == "208" for r in losers), losers
        assert [x.loan_no for x in show_asset(uow, LAPTOP).loans] == [winners[0]["loan_no"]]
        assert show_asset(uow, LAPTOP).status == "reserved"

        # The same approved loan handed over by several officers at once: once.
        v = request(uow, actor(uow, "staff1"), items=[PROJECTOR], place="on_premises")
        loans.approve_loan(uow, actor(uow, "supplyhead"), v.loan_no)
        results = _race(tmp_path, db_url, "handover", "--loan", v.loan_no)
        assert sorted(r["event"] for r in results) == ["ok"] + ["refused"] * (PROCESSES - 1)
        assert {r["error"] for r in results if r["event"] == "refused"} == {"conflict"}
        assert loans.show_loan(uow, v.loan_no).status == "on_loan"
        result = verify(uow)
        assert result.ok
    finally:
        engine.dispose()
