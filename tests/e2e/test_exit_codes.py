"""Every exit code of CLI.md, through the real program. A refused command (exit 2–6) prints
one JSON error line on stderr, nothing on stdout, no traceback, and changes no row."""

from __future__ import annotations

import json

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
    check_refusals,
    clerk,
    lines,
    ok_json,
    run,
    run_all,
)

NEW_USER = ("--role", "clerk", "--name", "Bob", "--password", "bob-pw-2026")
BAD_ROLE = ("user", "add", "bob", "--role", "wizard", "--name", "Bob", "--password", "bob-pw-2026")
SHORT_PASSWORD = ("user", "add", "bob", "--role", "clerk", "--name", "Bob", "--password", "abc")


def test_exit_0_prints_one_json_value_and_nothing_on_stderr(shared_office: str) -> None:
    # ok_json (used by every successful command in these tests) checks exit 0, one JSON
    # line on stdout and a quiet stderr; read-only commands need no --as.
    assert ok_json(run(shared_office, "ticket", "show", "A002"))["status"] == "waiting"
    assert ok_json(run(shared_office, "settings", "get", "office.name"))["value"]
    assert ok_json(run(shared_office, "queue", "status"))["counters"][0]["serving"] == "A001"


def test_exit_2_usage_errors(shared_engine: Engine, shared_office: str) -> None:
    cases: list[Case] = [
        (None, ("frobnicate",), USAGE),  # unknown command
        (None, ("ticket",), USAGE),  # no action
        ("clerk1", ("ticket", "call"), USAGE),  # missing required --counter
        ("clerk1", ("ticket", "call", "--counter", "one"), USAGE),  # not an integer
        ("clerk1", ("ticket", "complete", "--counter", "1.5"), USAGE),
        ("clerk1", ("ticket", "issue", "A", "--priority", "vip"), USAGE),  # not a choice
        ("admin", ("user", "add", "bob", "--role", "clerk", "--name", "Bob"), USAGE),
    ]
    check_refusals(shared_engine, shared_office, cases)


def test_exit_3_invalid_input_and_rules(shared_engine: Engine, shared_office: str) -> None:
    cases: list[Case] = [
        ("clerk1", ("ticket", "pick", "A002", "--counter", "1", "--reason", ""), INVALID),
        ("admin", ("service", "add", "NEW", "--name", ""), INVALID),
        ("admin", ("service", "add", "NEW", "--name", "ใหม่", "--prefix", "QQ"), INVALID),
        ("admin", ("service", "add", "NEW", "--name", "ใหม่", "--standard-minutes", "0"), INVALID),
        ("admin", ("counter", "add", "0", "--services", "A"), INVALID),
        ("admin", ("settings", "set", "printer.width_dots", "1000"), INVALID),
        ("admin", BAD_ROLE, INVALID),
        ("admin", SHORT_PASSWORD, INVALID),
        (None, ("ticket", "show", "A001", "--date", "2026-02-30"), INVALID),
        (None, ("ticket", "show", "A001", "--date", "tomorrow"), INVALID),
        # Counter 1 serves A and B, not C: a rule refuses it.
        ("clerk1", ("ticket", "pick", "C001", "--counter", "1", "--reason", "ด่วน"), RULE),
    ]
    check_refusals(shared_engine, shared_office, cases)


def test_exit_4_not_logged_in_wrong_password_or_forbidden(
    shared_engine: Engine, shared_office: str
) -> None:
    cases: list[Case] = [
        (None, ("ticket", "issue", "A"), AUTH),  # no --as on a changing command
        (None, ("service", "add", "NEW", "--name", "ใหม่"), AUTH),
        (("clerk1", "wrong"), ("ticket", "issue", "A"), AUTH),
        (("clerk1", None), ("ticket", "issue", "A"), AUTH),  # no password, no terminal
        (("nobody", "demo"), ("ticket", "issue", "A"), AUTH),
        ("staff1", ("ticket", "issue", "A"), FORBIDDEN),
        ("supply", ("ticket", "call", "--counter", "2"), FORBIDDEN),
        ("clerk1", ("user", "add", "bob", *NEW_USER), FORBIDDEN),
        ("director", ("settings", "set", "office.name", "เขตใหม่"), FORBIDDEN),
    ]
    check_refusals(shared_engine, shared_office, cases)


def test_exit_5_not_found(shared_engine: Engine, shared_office: str) -> None:
    cases: list[Case] = [
        ("clerk1", ("ticket", "issue", "NOPE"), NOT_FOUND),  # unknown service
        (None, ("ticket", "show", "Z999"), NOT_FOUND),  # unknown ticket
        (None, ("ticket", "show", "A001", "--date", "2001-01-01"), NOT_FOUND),
        ("clerk1", ("ticket", "call", "--counter", "99"), NOT_FOUND),  # unknown counter
        ("clerk1", ("ticket", "transfer", "A002", "--to", "NOPE"), NOT_FOUND),
        ("clerk1", ("ticket", "pick", "Z999", "--counter", "1", "--reason", "ด่วน"), NOT_FOUND),
        ("clerk1", ("ticket", "reprint", "Z999"), NOT_FOUND),
        ("admin", ("counter", "add", "9", "--services", "A,NOPE"), NOT_FOUND),
        (None, ("settings", "get", "no.such.key"), NOT_FOUND),  # unknown settings key
        ("admin", ("settings", "set", "no.such.key", "1"), NOT_FOUND),
    ]
    check_refusals(shared_engine, shared_office, cases)


def test_exit_6_conflict(shared_engine: Engine, shared_office: str) -> None:
    cases: list[Case] = [
        # Nobody is being served at counters 2, 3 and 4.
        ("clerk1", ("ticket", "complete", "--counter", "2"), CONFLICT),
        ("clerk1", ("ticket", "no-show", "--counter", "3"), CONFLICT),
        ("clerk1", ("ticket", "recall", "--counter", "4"), CONFLICT),
        ("admin", ("user", "add", "clerk1", *NEW_USER), CONFLICT),  # existing user
        ("admin", ("user", "add", "CLERK1", *NEW_USER), CONFLICT),  # the same, in capitals
        ("admin", ("service", "add", "A", "--name", "ซ้ำ", "--prefix", "Q"), CONFLICT),
        ("admin", ("service", "add", "NEW", "--name", "ใหม่", "--prefix", "A"), CONFLICT),
        ("admin", ("counter", "add", "1", "--services", "A"), CONFLICT),
        ("clerk1", ("ticket", "transfer", "A002", "--to", "A"), CONFLICT),  # already there
        # A001 is being served at counter 1: it no longer waits.
        ("clerk1", ("ticket", "pick", "A001", "--counter", "2", "--reason", "ด่วน"), CONFLICT),
    ]
    check_refusals(shared_engine, shared_office, cases)


def test_exit_7_printer_failure_keeps_the_ticket(office_url: str) -> None:
    # No printer is configured on a new database.
    issued = clerk(office_url, "ticket", "issue", "A", "--print")
    assert issued.code == 7, issued.err
    assert "Traceback" not in issued.err
    [out] = lines(issued.out)  # the ticket, as without --print
    ticket = json.loads(out)
    assert {"code", "service", "number", "priority", "ahead", "issued_at"} <= set(ticket)
    assert (ticket["code"], ticket["service"], ticket["printed"]) == ("A001", "A", False)
    [line] = lines(issued.err)
    error = json.loads(line)
    assert error["error"] == "device" and error["message"].strip()

    # The data change stands: the ticket exists and waits; it can be reprinted (which
    # fails the same way) and the printer tested — by counter staff only for a reprint.
    shown, status, reprint, test_page, anonymous = run_all(office_url, [
        (None, ("ticket", "show", "A001")),
        (None, ("queue", "status")),
        ("clerk1", ("ticket", "reprint", "A001")),
        (None, ("printer", "test")),
        (None, ("ticket", "reprint", "A001")),
    ])  # fmt: skip
    ticket = ok_json(shown)
    assert (ticket["code"], ticket["status"], ticket["printed"]) == ("A001", "waiting", False)
    reg = next(s for s in ok_json(status)["services"] if s["code"] == "A")
    assert reg["waiting"] == 1 and reg["next"] == ["A001"]
    for result in (reprint, test_page):
        assert result.code == 7, result.err
        assert "Traceback" not in result.err
        [line] = lines(result.err)
        error = json.loads(line)
        assert error["error"] == "device" and error["message"].strip()
    assert anonymous.code == 4, anonymous.err


def test_a_plain_file_path_is_taken_as_an_sqlite_database(tmp_path) -> None:
    """`--db` / `$KHETDESK_DB` as an IT person would write it: a path, not a URL."""
    path = tmp_path / "office.db"
    assert run(str(path), "init", "--demo").code == 0 and path.exists()
    status = run(str(path), "queue", "status")
    assert status.code == 0 and "services" in status.out
