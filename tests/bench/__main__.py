"""`make bench`: run every benchmark module of tests/bench, print one table, write
bench/results.json.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench [--smoke] [--only NAME …]
                                                              [--out bench/results.json]

A benchmark module is any ``tests/bench/*.py`` that defines
``benchmarks(smoke: bool) -> Iterable[Figure]`` (tests/bench/harness.py). Each module runs
in a process of its own (a clean interpreter: the Qt application type, caches and memory
of one benchmark do not colour the next), with one throwaway PostgreSQL server shared by
all of them (``$KHETDESK_BENCH_PG_PORT``, tests/bench/pg.py). A module that fails or runs
past its time limit is reported as such and the others still run; the exit code is then 1.

``--smoke`` runs every module at its tiniest size (what the smoke test in ``make test``
does): the figures mean nothing then.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tests.bench.harness import Figure

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "tests.bench"
NOT_BENCHMARKS = {"harness", "pg", "__main__"}
MODULE_TIMEOUT_S = 420
# Modules that build a large database first get longer (audit_verify: 1,000,000 entries twice).
MODULE_TIMEOUTS = {"audit_verify": 1500.0}
RESULTS = ROOT / "bench" / "results.json"


def module_names() -> list[str]:
    """Every module of tests/bench that defines ``benchmarks`` (without importing the
    heavy ones: a quick look for the definition in the source)."""
    names = []
    for info in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if info.name in NOT_BENCHMARKS or info.name.startswith("_"):
            continue
        source = (Path(__file__).parent / f"{info.name}.py").read_text(encoding="utf-8")
        if "\ndef benchmarks(" in source:
            names.append(info.name)
    return sorted(names)


# ---------------------------------------------------------------- figures as JSON


def figure_to_json(f: Figure) -> dict[str, Any]:
    return {
        "name": f.name,
        "unit": f.unit,
        "runs": list(f.runs),
        "note": f.note,
        "extra": dict(f.extra),
        "baseline": figure_to_json(f.baseline) if f.baseline is not None else None,
    }


def figure_from_json(d: dict[str, Any]) -> Figure:
    base = d.get("baseline")
    return Figure(d["name"], d["unit"], tuple(d["runs"]),
                  figure_from_json(base) if base else None, d.get("note", ""),
                  dict(d.get("extra", {})))  # fmt: skip


def summary(f: Figure) -> dict[str, Any]:
    """What bench/results.json says of one figure: for ratios, both sides."""
    out: dict[str, Any] = {
        "name": f.name,
        "unit": f.unit,
        "median": round(f.median, 4),
        "p90": round(f.p90, 4),
        "runs": len(f.runs),
    }
    if f.baseline is not None:
        b = f.baseline
        out["baseline"] = {"name": b.name, "unit": b.unit, "median": round(b.median, 4),
                           "p90": round(b.p90, 4), "runs": len(b.runs)}  # fmt: skip
        out["ratio"] = round(f.ratio, 3) if f.ratio is not None else None
    if f.extra:
        out["extra"] = f.extra
    if f.note:
        out["note"] = f.note
    return out


# ---------------------------------------------------------------- one module, in a child


def run_module(name: str, smoke: bool, out: Path) -> None:
    """In the child process: run one module and write its figures to ``out``."""
    module = importlib.import_module(f"{PACKAGE}.{name}")
    figures: Iterable[Figure] = module.benchmarks(smoke)
    data = []
    for f in figures:
        data.append(figure_to_json(f))
        # Written after each figure, so a module that dies later still reports these.
        out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        print(f"  {f.name}: median {f.median:.3f} {f.unit}", file=sys.stderr, flush=True)
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def spawn(name: str, smoke: bool, timeout_s: float, env: dict[str, str]) -> tuple[
    list[Figure], str | None, float]:  # fmt: skip
    """Run a module in a child; its figures, an error (or None) and the seconds it took."""
    with tempfile.TemporaryDirectory(prefix="khetdesk-bench-") as tmp:
        out = Path(tmp) / "figures.json"
        cmd = [sys.executable, "-m", PACKAGE, "--child", name, "--child-out", str(out)]
        if smoke:
            cmd.append("--smoke")
        started = time.perf_counter()
        error = None
        try:
            proc = subprocess.run(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  encoding="utf-8", errors="replace", timeout=timeout_s,
                                  check=False)  # fmt: skip
            if proc.returncode != 0:
                error = f"exit {proc.returncode}: {proc.stdout[-3000:]}"
        except subprocess.TimeoutExpired:
            error = f"still running after {timeout_s:.0f} s: stopped"
        elapsed = time.perf_counter() - started
        figures = []
        if out.exists() and out.stat().st_size:
            figures = [figure_from_json(d) for d in json.loads(out.read_text(encoding="utf-8"))]
        return figures, error, elapsed


# ---------------------------------------------------------------- the table


def _num(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 100:
        return f"{value:.1f}"
    return f"{value:.3g}" if value < 1 else f"{value:.2f}"


def table(figures: list[tuple[str, Figure]]) -> str:
    header = ("benchmark", "median", "p90", "runs", "unit", "baseline median", "ratio")
    rows = []
    for _, f in figures:
        base = f"{_num(f.baseline.median)} {f.baseline.unit}" if f.baseline else ""
        ratio = f"×{f.ratio:.2f}" if f.ratio is not None else ""
        rows.append((f.name, _num(f.median), _num(f.p90), str(len(f.runs)), f.unit, base, ratio))
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    right = {1, 2, 3, 5, 6}

    def line(r: tuple[str, ...]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(r, widths, strict=True)))  # fmt: skip

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *map(line, rows)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.bench")
    ap.add_argument("--smoke", action="store_true", help="tiniest sizes: checks, not figures")
    ap.add_argument("--only", action="append", metavar="MODULE", help="run only these modules")
    ap.add_argument("--out", type=Path, default=RESULTS, help="results file (JSON)")
    ap.add_argument("--timeout", type=float, default=MODULE_TIMEOUT_S, help="seconds per module")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        run_module(args.child, args.smoke, args.child_out)
        return 0

    names = module_names()
    if args.only:
        unknown = set(args.only) - set(names)
        if unknown:
            ap.error(f"no benchmark module {', '.join(sorted(unknown))} (have: {', '.join(names)})")
        names = [n for n in names if n in args.only]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.setdefault("KHETDESK_PC", "bench-pc")
    server = None
    if not env.get("KHETDESK_BENCH_PG_PORT"):
        from tests.support.pg_server import PgServer, find_pg_bindir

        if find_pg_bindir() is not None:
            server = PgServer()
            server.start()
            env["KHETDESK_BENCH_PG_PORT"] = str(server.port)
        else:
            print("PostgreSQL server binaries missing: PostgreSQL figures will fail",
                  file=sys.stderr)  # fmt: skip
    started = time.perf_counter()
    collected: list[tuple[str, Figure]] = []
    modules: dict[str, Any] = {}
    failed = []
    try:
        for name in names:
            print(f"[bench] {name} …", file=sys.stderr, flush=True)
            limit = max(args.timeout, MODULE_TIMEOUTS.get(name, 0.0))
            figures, error, elapsed = spawn(name, args.smoke, limit, env)
            collected += [(name, f) for f in figures]
            modules[name] = {"seconds": round(elapsed, 1), "figures": len(figures),
                             "error": error}  # fmt: skip
            print(
                f"[bench] {name}: {len(figures)} figures in {elapsed:.1f} s"
                + (f" — FAILED {error[:2000]}" if error else ""),
                file=sys.stderr,
                flush=True,
            )
            if error:
                failed.append(name)
    finally:
        if server is not None:
            server.stop()
    total = time.perf_counter() - started
    print()
    print(table(collected))
    print(
        f"\n{len(collected)} figures from {len(names)} modules in {total:.0f} s"
        + (" (smoke sizes: not figures to quote)" if args.smoke else "")
    )
    if failed:
        print(f"FAILED: {', '.join(failed)}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "smoke": args.smoke,
        "seconds": round(total, 1),
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "modules": modules,
        "figures": [{"module": m, **summary(f)} for m, f in collected],
    }
    args.out.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
