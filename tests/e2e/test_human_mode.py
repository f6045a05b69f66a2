"""Without --json: an error is one line on stderr starting with "khetdesk:", and the exit
code is the same as with --json."""

from __future__ import annotations

import unicodedata

from sqlalchemy import Engine

from tests.e2e.runner import (
    AUTH,
    CONFLICT,
    FORBIDDEN,
    INVALID,
    NOT_FOUND,
    RULE,
    USAGE,
    Case,
    Result,
    clerk,
    database_changes,
    lines,
    run_all,
    short,
)
from tests.support.db import snapshot


def human_error_problems(result: Result, exit_code: int, label: str) -> list[str]:
    problems = []
    if result.code != exit_code:
        problems.append(f"{label}: exit {result.code}, expected {exit_code}: {result.err!r}")
    if "Traceback" in result.err or "Traceback" in result.out:
        problems.append(f"{label}: a traceback was printed: {result.err[-300:]!r}")
    err = lines(result.err)
    if len(err) != 1 or not err[0].startswith("khetdesk:"):
        problems.append(f"{label}: stderr is not one 'khetdesk:' line: {result.err[:300]!r}")
    elif len(err[0].removeprefix("khetdesk:").strip()) == 0:
        problems.append(f"{label}: the error line has no message")
    controls = [c for c in result.err.rstrip("\n") if unicodedata.category(c) == "Cc"]
    if controls:
        problems.append(f"{label}: raw control characters {controls!r} on the terminal")
    return problems


def check_human_refusals(engine: Engine, url: str, cases: list[Case]) -> None:
    """Each case refused without --json with the exit code CLI.md gives it, the same as
    with --json (test_exit_codes runs most of these commands in JSON mode); nothing
    changed."""
    before = snapshot(engine)
    problems: list[str] = []
    results = run_all(url, [(actor, args) for actor, args, _ in cases], json=False)
    for (_, args, allowed), h in zip(cases, results, strict=True):
        [expected] = allowed
        label = short(args)
        problems += human_error_problems(h, expected, label)
        if h.out != "":
            problems.append(f"{label}: stdout should be empty, got {h.out[:200]!r}")
    changes = database_changes(before, snapshot(engine))
    if changes:
        problems += ["the database changed although every command was refused:", *changes]
    assert not problems, "\n".join(problems)


def test_human_errors_are_one_khetdesk_line_with_the_json_exit_code(
    shared_engine: Engine, shared_office: str
) -> None:
    cases: list[Case] = [
        (None, ("frobnicate",), USAGE),
        ("clerk1", ("ticket", "call", "--counter", "one"), USAGE),
        (None, ("ticket", "show", "A001", "--date", "2026-02-30"), INVALID),
        ("clerk1", ("ticket", "pick", "C001", "--counter", "1", "--reason", "ด่วน"), RULE),
        (("clerk1", "wrong"), ("ticket", "issue", "A"), AUTH),
        ("staff1", ("ticket", "issue", "A"), FORBIDDEN),
        ("clerk1", ("ticket", "issue", "NOPE"), NOT_FOUND),
        ("clerk1", ("ticket", "complete", "--counter", "2"), CONFLICT),
    ]
    check_human_refusals(shared_engine, shared_office, cases)


def test_human_error_stays_one_line_when_the_input_has_newlines_or_escapes(
    shared_engine: Engine, shared_office: str
) -> None:
    """The message quotes what was typed; a newline or a terminal escape in it must not
    forge a second "khetdesk:" line or reach the terminal raw."""
    cases: list[Case] = [
        ("clerk1", ("ticket", "issue", "RE\nkhetdesk: G"), NOT_FOUND),
        (None, ("ticket", "show", "A0\x1b[2J"), NOT_FOUND),
        ("admin", ("settings", "get", "office.name\r\nkhetdesk: forged"), NOT_FOUND),
    ]
    check_human_refusals(shared_engine, shared_office, cases)


def test_device_failure_in_human_mode_reports_the_ticket_and_one_error_line(
    office_url: str,
) -> None:
    result = clerk(office_url, "ticket", "issue", "A", "--print", json=False)
    assert human_error_problems(result, 7, "ticket issue A --print") == []
    assert "A001" in result.out  # the ticket stands and is shown
