"""Hypothesis fuzzes the arguments of every CLI command (the command list and each
command's arguments are read from the real argparse parser, so a command added later is
fuzzed too): random Unicode, huge strings, negative and huge numbers, malformed dates, SQL
and shell metacharacters, bidi and combining marks, lone surrogates (bytes that are not
UTF-8), option-looking values — mixed with valid values so that the later checks are
reached. Whatever comes in:

- the exit code is one of CLI.md's, never 1 (a bug) and no traceback on either stream;
- a refusal (2–6) is one JSON line on stderr with a matching error code, nothing on
  stdout, and the database is unchanged, row for row;
- the audit trail still verifies at the end.

In-process (desktop_app.cli.main with --json) on one demo office per engine, so that a
thousand commands take seconds, not a Python start-up each; files the commands write land
in a temporary working directory. `gui` is the one command left out (it opens windows).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app import cli
from desktop_app.services import audit as audit_service
from desktop_app.services.setup import init_database
from tests.conftest import PG_TEMPLATE
from tests.e2e.conftest import make_busy
from tests.e2e.runner import ERRORS_BY_EXIT, MAX_MESSAGE
from tests.support.db import snapshot
from tests.support.loans import LAPTOP, PAPER, USERS
from tests.support.pg_server import PgServer

pytestmark = [pytest.mark.gui, pytest.mark.slow, pytest.mark.fuzz]
EXAMPLES = {"sqlite": 10, "postgresql": 5}  # per command
GLOBAL = {"help", "db", "json", "as_user", "device_token"}  # tokens: test_devices_cli
LEFT_OUT = {("gui",)}
# The same examples on every run, so that `make test` (and CI) passes or fails for the code,
# not for the draw; KHETDESK_FUZZ_RANDOM=1 draws new ones each run, to go looking for the
# next bug (that is how the '?' in a backup's file name was found).
RANDOM = os.environ.get("KHETDESK_FUZZ_RANDOM") == "1"


def commands() -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every leaf command of the real parser: (words, its parser)."""

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> Iterator[Any]:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield from walk(sub, (*path, name))
                return
        yield path, parser

    return [(p, parser) for p, parser in walk(cli.build_parser(), ()) if p not in LEFT_OUT]


# ---------------------------------------------------------------- what goes in

NASTY = [
    "'; DROP TABLE tickets; --", "A001' OR '1'='1", "\" OR 1=1 --", "$(rm -rf ~)", "`id`",
    "; shutdown -h now", "| cat /etc/passwd", "&& echo pwned", "%s%s%s%n", "{0}{code}", "${HOME}",
    "../../../../etc/passwd", "C:\\Windows\\System32", "\\\\server\\share", "NUL", "CON",
    "\u202egnp.exe", "\ufeffA001", "A\u0301", "น้ำ\u0e48\u0e48\u0e48", "\u200b", "👍🏽" * 3,
    "null", "None", "true", "[]", "{}", "<script>alert(1)</script>", " ", "\t\n", "-", "--",
    "--json", "-h", "\udcff\udcfe", "a\udc80b",
]  # fmt: skip
NUMBERS = ["0", "-1", "-0", "1", "999", "1000", "2147483648", "-2147483649",
           "99999999999999999999999999", "1e308", "NaN", "inf", "0x10", "๑๒", "1,000", "3.5",
           "  7  ", "+5"]  # fmt: skip
DATES = ["2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "1900-01-01", "31/12/2569",
         "2569-12-31", "๒๕๖๙-๑๒-๓๑", "2026-1-1", "20261201", "2026-12-01T10:00", "yesterday",
         "2026-12-01", "2026-11-24"]  # fmt: skip
VALID = ["A", "B", "A001", "A002", "C001", "1", "2", "clerk1", "staff1", "admin", "demo1234",
         LAPTOP, f"{LAPTOP}:good", f"{PAPER}:5", PAPER, "ยม.0001/2570", "office.name",
         "printer.width_dots", "ticket.footer", "576", "none", "durable", "good", "person",
         "ฝ่ายการคลัง", "งานทะเบียนราษฎร", "report.csv", "out.pdf", "x.xlsx"]  # fmt: skip

_chars = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))
_huge = st.builds(lambda s, n: (s or "ก") * n, st.text(_chars, max_size=3),
                  st.integers(1_000, 20_000))  # fmt: skip
TEXT = st.one_of(
    st.text(_chars, max_size=40),
    st.sampled_from(NASTY),
    st.sampled_from(NUMBERS),
    st.sampled_from(DATES),
    st.sampled_from(VALID),
    _huge,
)
INT_TEXT = st.one_of(st.integers(-(10**30), 10**30).map(str), st.sampled_from(NUMBERS), TEXT)
# Files: the name is fuzzed, but it stays in the temporary working directory.
FILE = st.one_of(
    st.sampled_from(["r.csv", "r.xlsx", "r.pdf", "b.db", "x.png", "nofile.csv", "ไฟล์.xlsx"]),
    st.text(_chars.filter(lambda c: c not in "/\\"), min_size=1, max_size=30).map(
        lambda s: "f" + s
    ),
)
FILE_DESTS = {"file", "out"}


def _value(action: argparse.Action) -> st.SearchStrategy[str]:
    if action.dest in FILE_DESTS:
        return FILE
    if action.choices:
        return st.one_of(st.sampled_from([str(c) for c in action.choices]), TEXT)
    if action.type is int:
        return INT_TEXT
    return TEXT


@st.composite
def argv_for(draw: st.DrawFn, words: tuple[str, ...], parser: argparse.ArgumentParser) -> list[
    str]:  # fmt: skip
    args: list[str] = list(words)
    positionals: list[str] = []
    for action in parser._actions:
        if action.dest in GLOBAL:
            continue
        if not action.option_strings:
            positionals.append(draw(_value(action)))
            continue
        flag = action.option_strings[-1]
        if action.nargs == 0:
            if draw(st.booleans()):
                args.append(flag)
            continue
        if not action.required and not draw(st.booleans()):
            continue
        times = draw(st.integers(1, 3)) if isinstance(action, argparse._AppendAction) else 1
        for _ in range(times):
            value = draw(_value(action))
            args += [f"{flag}={value}"] if draw(st.booleans()) else [flag, value]
    # Positionals after "--" half of the time: then even "-h" is a value.
    if positionals and draw(st.booleans()):
        args.append("--")
    return args + positionals


# ---------------------------------------------------------------- the office


ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="module", params=ENGINES)
def fuzz_office(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    pg_server: PgServer | None,
    sqlite_template: Path,
) -> Iterator[tuple[str, str]]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("fuzz") / "khetdesk.db"
        shutil.copy(sqlite_template, path)
        url = f"sqlite:///{path}"
    else:
        if pg_server is None:
            pytest.skip("PostgreSQL server binaries are not installed")
        url = pg_server.create_database(f"fuzz_{uuid.uuid4().hex[:12]}", template=PG_TEMPLATE)
    engine = make_engine(url)
    init_database(engine, demo=True)
    engine.dispose()
    make_busy(url)
    yield request.param, url
    if request.param == "postgresql" and pg_server is not None:
        pg_server.drop_database(url.rsplit("/", 1)[1])


@pytest.fixture(scope="module")
def fuzz_engine(fuzz_office: tuple[str, str]) -> Iterator[Engine]:
    engine = make_engine(fuzz_office[1])
    yield engine
    assert audit_service.verify(UnitOfWork(engine)).ok, "the audit chain broke under fuzzing"
    engine.dispose()


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """Ticket preview, reprint and `printer test` draw with Qt: let pytest-qt's
    QApplication be the one they find, not a QGuiApplication of their own that the GUI
    tests after this module could not use."""


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-cwd")


def _main(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, out.getvalue(), err.getvalue()


def _problems(code: int, out: str, err: str) -> list[str]:
    problems = []
    if code not in (0, 2, 3, 4, 5, 6, 7):
        problems.append(f"exit {code}")
    if "Traceback" in out or "Traceback" in err:
        problems.append("a traceback was printed")
    if code in (2, 3, 4, 5, 6):
        if out:
            problems.append(f"stdout not empty on a refusal: {out[:200]!r}")
        lines = err.removesuffix("\n").split("\n")
        try:
            payload = json.loads(lines[-1]) if len(lines) == 1 else None
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            problems.append(f"stderr is not one JSON line: {err[:300]!r}")
        else:
            if payload.get("error") not in ERRORS_BY_EXIT[code]:
                problems.append(f"error {payload.get('error')!r} with exit {code}")
            message = payload.get("message")
            if not isinstance(message, str) or not message.strip():
                problems.append("no message")
            elif len(message) > MAX_MESSAGE:
                problems.append(f"message of {len(message)} characters: {message[:100]!r}")
    return problems


PARSERS = dict(commands())


@pytest.mark.parametrize("words", list(PARSERS), ids=" ".join)
def test_fuzzed_arguments_never_crash_and_refusals_change_nothing(
    words: tuple[str, ...],
    fuzz_office: tuple[str, str],
    fuzz_engine: Engine,
    workdir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kind, url = fuzz_office
    parser = PARSERS[words]
    if words == ("serve",):
        # Everything of `serve` up to the server itself: its arguments, the port check,
        # the database check. A good draw would otherwise serve until killed.
        from desktop_app.web import app as web_app
        from desktop_app.web import server

        monkeypatch.setattr(server, "run", lambda app, host, port: web_app.close(app))
    saved = {k: os.environ.get(k) for k in ("KHETDESK_PASSWORD", "XDG_STATE_HOME")}
    old_cwd = Path.cwd()
    os.environ["KHETDESK_PASSWORD"] = "demo"
    os.environ["XDG_STATE_HOME"] = str(workdir / "state")
    os.chdir(workdir)
    try:

        @settings(max_examples=EXAMPLES[kind], deadline=None, database=None,
                  derandomize=not RANDOM, suppress_health_check=list(HealthCheck))  # fmt: skip
        @given(argv=argv_for(words, parser), user=st.sampled_from(USERS))
        def one(argv: list[str], user: str) -> None:
            before = snapshot(fuzz_engine)
            code, out, err = _main(["--db", url, "--json", "--as", user, *argv])
            problems = _problems(code, out, err)
            if code in (2, 3, 4, 5, 6) and snapshot(fuzz_engine) != before:
                problems.append("the database changed although the command was refused")
            assert not problems, f"{cli.redacted(argv)!r} as {user}: {problems}\n{err[-600:]}"

        one()
    finally:
        os.chdir(old_cwd)
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.mark.parametrize(
    "argv",
    [
        ["ticket", "pick", "--counter=--", "--reason", "0", "A001"],  # found by the fuzzer
        ["ticket", "call", "--counter=--"],
        ["loan", "return", "ยม.0001/2570", "--item=--"],
    ],
    ids=["pick", "call", "return"],
)
def test_an_option_whose_value_is_exactly_double_dash_is_a_usage_error(
    argv: list[str], fuzz_office: tuple[str, str], fuzz_engine: Engine
) -> None:
    """argparse drops a value that is exactly "--" and hands the command an empty list;
    that used to reach the service as a counter number (TypeError, exit 1)."""
    before = snapshot(fuzz_engine)
    code, out, err = _main(["--db", fuzz_office[1], "--json", "--as", "admin", *argv])
    assert (code, out) == (2, "")
    option = next(a for a in argv if a.endswith("=--")).removesuffix("=--")
    assert json.loads(err) == {
        "error": "usage",
        "message": f"khetdesk: argument {option}: expected one argument",
    }
    assert snapshot(fuzz_engine) == before


@pytest.mark.parametrize(
    "argv",
    [
        # argparse escapes each quote of a value it repeats: the message grew past 1,000
        # characters although the value's own length was cut (found by a random draw).
        ["counter", "add", "--services", "", "'" * 1000],
        ["ticket", "call", "--counter", "x" * 20_000],
    ],
    ids=["quotes", "long"],
)
def test_the_draws_that_failed_once(argv: list[str]) -> None:
    code, out, err = _main(["--json", *argv])
    assert code == 2 and _problems(code, out, err) == []
