"""`make bench` stays runnable: every benchmark module (tests/bench/*.py defining
``benchmarks``) runs once at its tiniest size through the real runner, each in its own
process as `make bench` runs it, on SQLite and on this session's PostgreSQL server. The
figures mean nothing at these sizes; what is checked is that every code path runs and that
bench/results.json has the promised shape. No benchmark runs in `make test` otherwise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench.__main__ import module_names
from tests.support.pg_server import PgServer

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 180


def test_the_runner_finds_the_benchmark_modules() -> None:
    names = module_names()
    for mine in ("queue_latency", "ticket_render", "gui_start", "ui_refresh", "asset_import"):
        assert mine in names
    assert "harness" not in names and "pg" not in names


@pytest.mark.postgres
@pytest.mark.parametrize("module", module_names())
def test_each_benchmark_module_runs_once_at_smoke_size(
    module: str, tmp_path: Path, pg_server: PgServer | None
) -> None:
    if pg_server is None:
        pytest.skip("PostgreSQL server binaries are not installed")
    out = tmp_path / "results.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "KHETDESK_BENCH_PG_PORT": str(pg_server.port)}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-m", "tests.bench", "--smoke", "--only", module, "--out", str(out)],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        encoding="utf-8", errors="replace", timeout=TIMEOUT_S, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, f"{module}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["smoke"] is True
    assert results["modules"][module]["error"] is None
    figures = results["figures"]
    assert figures, f"{module} yielded no figure"
    for f in figures:
        assert f["module"] == module
        assert f["name"] and f["unit"] and f["runs"] >= 1
        assert f["median"] <= f["p90"], f
        if "baseline" in f:
            assert {"name", "unit", "median", "p90", "runs"} <= set(f["baseline"])
            assert "ratio" in f
    # The table names every figure.
    for f in figures:
        assert f["name"] in proc.stdout
