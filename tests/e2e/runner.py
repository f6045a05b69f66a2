"""Driving the real `khetdesk` program as a subprocess, and checking a refusal the way
CLI.md promises it: its exit code, one JSON error line on stderr, nothing on stdout, no
traceback, and not one row of the database changed."""

from __future__ import annotations

import json as jsonlib
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Engine

from tests.support.db import snapshot

REPO = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "demo"
TIMEOUT_S = 60
WORKERS = min(4, os.cpu_count() or 2)
Snapshot = dict[str, list[tuple[Any, ...]]]

# The error codes CLI.md gives each exit code.
ERRORS_BY_EXIT: dict[int, set[str]] = {
    1: {"internal"},
    2: {"usage"},
    3: {"invalid", "rule"},
    4: {"auth", "forbidden"},
    5: {"not_found"},
    6: {"conflict"},
    7: {"device"},
}

# Shorthands for what a refusal may be answered with: {exit code: {error codes}}.
USAGE = {2: {"usage"}}
INVALID = {3: {"invalid"}}
RULE = {3: {"rule"}}
AUTH = {4: {"auth"}}
FORBIDDEN = {4: {"forbidden"}}
NOT_FOUND = {5: {"not_found"}}
CONFLICT = {6: {"conflict"}}
# Bad input that may be refused as malformed or as unknown — never as a bug.
BAD_INPUT = {3: {"invalid"}, 5: {"not_found"}}

# A clear message names the problem; it does not echo ten kilobytes back.
MAX_MESSAGE = 500


def lines(text: str) -> list[str]:
    """Lines ended by "\n" only: JSON may carry U+2028 or U+0085, which str.splitlines
    would also split on."""
    return text.removesuffix("\n").split("\n") if text else []


class Result(NamedTuple):
    code: int
    out: str
    err: str


def run(
    url: str,
    *args: str,
    password: str | None = None,
    as_user: str | None = None,
    json: bool = True,
    program: Sequence[str] = (),
) -> Result:
    """``python -m desktop_app --db URL [--json] [--as USER] ARGS…``; unpacks as
    (returncode, stdout, stderr). ``program``: another way to start the same program (a
    launcher that sets a fault up first), instead of ``python -m desktop_app``."""
    cmd = [*(program or (sys.executable, "-m", "desktop_app")), "--db", url]
    if json:
        cmd.append("--json")
    if as_user is not None:
        cmd += ["--as", as_user]
    cmd += list(args)
    env = dict(os.environ)
    env.pop("KHETDESK_DB", None)
    env.pop("KHETDESK_PASSWORD", None)
    env.setdefault("KHETDESK_PC", "test-pc")
    if password is not None:
        env["KHETDESK_PASSWORD"] = password
    proc = subprocess.run(
        cmd,
        env=env,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        encoding="utf-8",
        timeout=TIMEOUT_S,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def clerk(url: str, *args: str, json: bool = True, program: Sequence[str] = ()) -> Result:
    return run(url, *args, as_user="clerk1", password=DEMO_PASSWORD, json=json, program=program)


def admin(url: str, *args: str, json: bool = True) -> Result:
    return run(url, *args, as_user="admin", password=DEMO_PASSWORD, json=json)


def ok_json(result: Result) -> Any:
    """The one JSON value a successful --json command prints."""
    assert result.code == 0, f"exit {result.code}: {result.err}"
    assert result.err == "", f"stderr should be quiet on success: {result.err!r}"
    out = lines(result.out)
    assert len(out) == 1, f"expected one JSON line on stdout, got {result.out!r}"
    return jsonlib.loads(out[0])


def short(args: tuple[str, ...] | list[str]) -> str:
    """The command line for a failure message, long arguments shortened."""
    return " ".join(repr(a) if len(a) <= 40 else f"{a[:20]!r}…({len(a)} chars)" for a in args)


def error_problems(result: Result, allowed: dict[int, set[str]], label: str) -> list[str]:
    """What is wrong with a --json refusal's exit code, stdout and stderr."""
    problems: list[str] = []
    if result.code not in allowed:
        problems.append(
            f"{label}: exit {result.code}, expected {sorted(allowed)}; stderr={result.err[:300]!r}"
        )
    if "Traceback" in result.out or "Traceback" in result.err:
        problems.append(f"{label}: a traceback was printed: {result.err[-300:]!r}")
    if result.out != "":
        problems.append(f"{label}: stdout should be empty, got {result.out[:200]!r}")
    err = lines(result.err)
    if len(err) != 1:
        problems.append(f"{label}: stderr should be one JSON line, got {result.err[:300]!r}")
        return problems
    try:
        payload = jsonlib.loads(err[0])
    except ValueError:
        problems.append(f"{label}: stderr is not JSON: {err[0][:300]!r}")
        return problems
    if not isinstance(payload, dict):
        problems.append(f"{label}: stderr JSON is not an object: {err[0][:300]!r}")
        return problems
    error, message = payload.get("error"), payload.get("message")
    expected_errors = allowed.get(result.code)
    if expected_errors is not None and error not in expected_errors:
        problems.append(f"{label}: error {error!r}, expected one of {sorted(expected_errors)}")
    if error not in ERRORS_BY_EXIT.get(result.code, set()):
        problems.append(f"{label}: error {error!r} does not go with exit {result.code} (CLI.md)")
    if not isinstance(message, str) or not message.strip():
        problems.append(f"{label}: no message: {payload!r}")
    elif len(message) > MAX_MESSAGE:
        problems.append(
            f"{label}: message is {len(message)} characters (echoes the input?): {message[:120]!r}…"
        )
    return problems


def database_changes(before: Snapshot, after: Snapshot) -> list[str]:
    """Rows added and removed per table, shortened, to say which command changed what."""
    changes: list[str] = []
    for table in sorted(set(before) | set(after)):
        old, new = Counter(before.get(table, [])), Counter(after.get(table, []))
        for sign, rows in (("+", new - old), ("-", old - new)):
            changes += [f"  {table} {sign} {repr(row)[:200]}" for row in rows.elements()]
    return changes


Actor = str | tuple[str, str | None] | None
Case = tuple[Actor, tuple[str, ...], dict[int, set[str]]]


def _credentials(actor: Actor) -> tuple[str | None, str | None]:
    if actor is None:
        return None, None
    if isinstance(actor, str):
        return actor, DEMO_PASSWORD
    return actor


def _label(actor: Actor, args: tuple[str, ...]) -> str:
    user, _ = _credentials(actor)
    return (f"--as {short([user])} " if user is not None else "") + short(args)


Call = tuple[Actor, tuple[str, ...]]


def run_all(url: str, calls: list[Call], *, json: bool = True) -> list[Result]:
    """Run independent commands a few at a time (each is a Python start-up); the results
    in the order of ``calls``. Each call is (actor, args), the actor as in a Case."""

    def one(call: Call) -> Result:
        actor, args = call
        user, password = _credentials(actor)
        return run(url, *args, as_user=user, password=password, json=json)

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(one, calls))


def all_json(url: str, calls: list[Call]) -> list[Any]:
    """The JSON values of independent commands that must all succeed."""
    return [ok_json(result) for result in run_all(url, calls)]


def check_refusals(engine: Engine, url: str, cases: list[Case]) -> None:
    """Run commands that must all be refused, then fail once with the full list of broken
    promises, so that one bug does not hide the others.

    Each case is (actor, args, allowed answers); the actor is None (no --as), a demo
    username (password demo), or (username, password or None for unset). The commands
    run a few at a time (each is a Python start-up); since none of them may change
    anything, the database is compared once before and once after, and any difference
    is listed row by row (audit entries name the command that wrote them).
    """
    before = snapshot(engine)
    problems: list[str] = []
    results = run_all(url, [(actor, args) for actor, args, _ in cases])
    for (actor, args, allowed), result in zip(cases, results, strict=True):
        problems += error_problems(result, allowed, _label(actor, args))
    changes = database_changes(before, snapshot(engine))
    if changes:
        problems.append("the database changed although every command was refused:")
        problems += changes
    assert not problems, "\n".join(problems)
