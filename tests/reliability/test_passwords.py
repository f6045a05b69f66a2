"""Passwords: only Argon2id hashes are stored (salted: the same password hashes twice
differently); the check is argon2's constant-time verify, and an unknown user costs the
same time as a wrong password; repeated failures are slowed down (the choice of a delay
over a lockout is explained in desktop_app/services/auth.py); no password — nor its hash —
ever reaches the audit trail, any other table, the error log or the screen."""

from __future__ import annotations

import contextlib
import io
import shutil
import statistics
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import make_engine
from db.models import AuditEntry, User
from db.uow import UnitOfWork
from desktop_app import cli
from desktop_app.cli import setup as cli_setup
from desktop_app.domain.errors import AuthError
from desktop_app.services import auth, users
from desktop_app.services.setup import init_database
from tests.e2e.runner import run
from tests.support.db import actor, snapshot

SECRET = "Tiger-Lily-7319-ลับมาก"
SECRET2 = "Second-Secret-0042"
ARGON2_PREFIX = "$argon2id$v=19$m=19456,t=2,p=1$"


@pytest.fixture
def sqlite_office(tmp_path: Path, sqlite_template: Path) -> str:
    path = tmp_path / "khetdesk.db"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    init_database(engine, demo=True)
    engine.dispose()
    return f"sqlite:///{path}"


def _everything(engine: object) -> str:
    return repr(snapshot(engine))  # type: ignore[arg-type]


def test_only_salted_argon2id_hashes_are_stored_and_nothing_else_keeps_a_password(
    office: UnitOfWork,
) -> None:
    uow = office
    admin = actor(uow, "admin")
    users.add_user(uow, admin, "somchai", "clerk", "สมชาย ใจดี", SECRET)
    users.add_user(uow, admin, "somying", "clerk", "สมหญิง ใจดี", SECRET)
    users.set_password(uow, admin, "somying", SECRET2)
    assert auth.authenticate(uow, "somchai", SECRET).username == "somchai"
    assert auth.authenticate(uow, "somying", SECRET2).username == "somying"
    with uow.read() as tx:
        hashes = dict(tx.session.execute(select(User.username, User.password_hash)).all())
        audit_text = repr(
            tx.session.execute(select(AuditEntry.before_json, AuditEntry.after_json)).all()
        )
    assert all(h.startswith(ARGON2_PREFIX) for h in hashes.values()), hashes
    assert len(set(hashes.values())) == len(hashes), "two users share a hash: no salt?"
    dump = _everything(uow.engine)
    for secret in (SECRET, SECRET2):
        assert secret not in dump, "a password is stored in clear"
    assert "$argon2" not in audit_text, "a password hash is in the audit trail"
    for h in hashes.values():
        assert h not in audit_text


def test_an_unknown_user_costs_the_same_time_as_a_wrong_password(
    sqlite_office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the failure delay, so that only the check itself is timed: both run one
    Argon2 verification (an unknown user against a dummy hash), and argon2's verify
    compares in constant time, so how much of the password was right does not show."""
    monkeypatch.setattr(auth, "FAILURE_DELAY_S", 0.0)
    engine = make_engine(sqlite_office)
    uow = UnitOfWork(engine)

    def timed(username: str, password: str) -> float:
        t0 = time.perf_counter()
        with pytest.raises(AuthError) as e:
            auth.authenticate(uow, username, password)
        assert "wrong username or password" in e.value.message  # the same message
        return time.perf_counter() - t0

    timed("nobody", "x")  # warm up: the dummy hash is made once
    unknown = statistics.median(timed(f"nobody{i}", "demo") for i in range(7))
    wrong_first = statistics.median(timed("clerk1", "Xemo") for _ in range(7))
    wrong_last = statistics.median(timed("clerk1", "demX") for _ in range(7))
    engine.dispose()
    for a, b in ((unknown, wrong_first), (wrong_first, wrong_last)):
        assert abs(a - b) < max(a, b) * 0.5 + 0.005, (unknown, wrong_first, wrong_last)


def test_repeated_failures_are_delayed_more_and_more_and_a_login_resets_it(
    sqlite_office: str,
) -> None:
    engine = make_engine(sqlite_office)
    uow = UnitOfWork(engine)
    assert [auth.failure_delay(n) for n in range(1, 7)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]

    def attempt(password: str) -> float:
        t0 = time.perf_counter()
        with contextlib.suppress(AuthError):
            auth.authenticate(uow, "clerk2", password)
        return time.perf_counter() - t0

    first, second, third = attempt("wrong"), attempt("wrong"), attempt("wrong")
    assert first >= 0.5 and second >= 1.0 and third >= 2.0, (first, second, third)
    assert attempt("demo") < 0.5  # the right password: no delay, and the count starts over
    assert 0.5 <= attempt("wrong") < 1.0
    # Another user is not slowed down by clerk2's failures.
    t0 = time.perf_counter()
    auth.authenticate(uow, "clerk1", "demo")
    assert time.perf_counter() - t0 < 0.5
    engine.dispose()


def test_the_cli_answers_a_wrong_password_only_after_the_delay(sqlite_office: str) -> None:
    t0 = time.perf_counter()
    r = run(sqlite_office, "ticket", "issue", "A", as_user="clerk1", password="guess")
    assert r.code == 4 and '"auth"' in r.err
    assert time.perf_counter() - t0 >= auth.FAILURE_DELAY_S
    assert "guess" not in r.err


def test_no_password_in_the_error_log_or_on_the_screen(
    sqlite_office: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug (exit 1) while adding a user: the traceback goes to the log with the command
    line — the password in it blanked out — and the screen names the log only."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("KHETDESK_PASSWORD", "demo")

    def broken(ctx: cli.Context) -> int:
        raise RuntimeError("a bug while adding a user")

    monkeypatch.setattr(cli_setup, "cmd_user_add", broken)
    for form in (["--password", SECRET], [f"--password={SECRET}"], ["--pass", SECRET]):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["--db", sqlite_office, "--json", "--as", "admin", "user", "add",
                             "newclerk", "--role", "clerk", "--name", "ใหม่", *form])  # fmt: skip
        assert code == 1
        assert SECRET not in out.getvalue() + err.getvalue()
        assert "Traceback" not in err.getvalue()
    log = next((tmp_path / "state").rglob("errors.log")).read_text(encoding="utf-8")
    assert log.count("RuntimeError: a bug while adding a user") == 3
    assert SECRET not in log and "***" in log
    # And a successful `user add` leaves no trace of it either.
    monkeypatch.undo()
    r = run(sqlite_office, "user", "add", "newclerk", "--role", "clerk", "--name", "ใหม่",
            "--password", SECRET, as_user="admin", password="demo")  # fmt: skip
    assert r.code == 0, r.err
    assert SECRET not in r.out + r.err
    engine = make_engine(sqlite_office)
    assert SECRET not in _everything(engine)
    engine.dispose()
