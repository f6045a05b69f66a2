"""The database in trouble, through the real program: locked by another writer for longer
than the busy timeout, a file that is not a database, a database from a newer KhetDesk, a
read-only file, a full disk. Each time: exit 3 with `"error": "database"` and a clear
message (Thai, English in parentheses), no traceback, and nothing changed or broken — the
database still opens, `audit verify` is ok, SQLite's integrity check passes, and the same
command works once the fault is gone.

A read-only file is a 0444 file for a program that obeys file modes: any user but root, and
root with its override capabilities dropped (setpriv). A full disk is SQLite's page limit
(PRAGMA max_page_count) on the program's connections: the same SQLITE_FULL, no mount. Where a
fault cannot be made it is skipped with the reason, or fails under KHETDESK_REQUIRE_FAULTS=1
(`make test` sets it). PostgreSQL has its own forms of the same faults: a row
lock held past the lock timeout, a database that is not KhetDesk's, a newer schema, a
read-only database (default_transaction_read_only).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services import audit as audit_service
from desktop_app.services.setup import init_database
from tests.conftest import PG_TEMPLATE
from tests.e2e.runner import Result, clerk, run
from tests.support.db import snapshot
from tests.support.pg_server import PgServer

BUSY_S = 1.0


def _database_error(r: Result, *needles: str) -> str:
    """A refusal for the database's sake: exit 3, error "database", one JSON line."""
    assert r.code == 3, f"exit {r.code}: {r.err[-800:]}"
    assert r.out == ""
    assert "Traceback" not in r.err
    payload = json.loads(r.err)
    assert payload["error"] == "database", payload
    message = payload["message"]
    assert "(" in message and ")" in message, f"no English in parentheses: {message}"
    assert any(n in message.lower() for n in needles), f"unclear: {message}"
    return str(message)


def _healthy(url: str) -> None:
    engine = make_engine(url)
    try:
        assert audit_service.verify(UnitOfWork(engine)).ok
        if engine.dialect.name == "sqlite":
            with engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        engine.dispose()


@pytest.fixture
def office(db_url: str) -> Iterator[str]:
    engine = make_engine(db_url)
    init_database(engine, demo=True)
    engine.dispose()
    yield db_url


@pytest.fixture(autouse=True)
def _short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command started here waits BUSY_S for a lock instead of 15 s."""
    monkeypatch.setenv("KHETDESK_BUSY_TIMEOUT_S", str(BUSY_S))


@pytest.fixture
def sqlite_office(tmp_path: Path, sqlite_template: Path) -> str:
    """The faults that only a file has (read-only, full disk): SQLite only."""
    path = tmp_path / "khetdesk.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    init_database(engine, demo=True)
    engine.dispose()
    return url


def _sqlite_file(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


@contextlib.contextmanager
def _write_lock_held(url: str) -> Iterator[None]:
    """Another PC in the middle of a long write: it holds the write lock."""
    if url.startswith("sqlite"):
        with contextlib.closing(sqlite3.connect(_sqlite_file(url), isolation_level=None)) as c:
            c.execute("BEGIN IMMEDIATE")
            yield
            c.execute("ROLLBACK")
        return
    engine = make_engine(url)
    try:
        with engine.connect() as conn:  # what every writer locks first (UnitOfWork.write)
            conn.execute(text("SELECT * FROM audit_head FOR UPDATE"))
            yield
            conn.rollback()
    finally:
        engine.dispose()


def test_a_write_locked_longer_than_the_busy_timeout_is_refused_clearly(office: str) -> None:
    engine = make_engine(office)
    before = snapshot(engine)
    with _write_lock_held(office):
        started = time.monotonic()
        r = clerk(office, "ticket", "issue", "A")
        waited = time.monotonic() - started
        _database_error(r, "locked", "lock timeout")
        assert BUSY_S <= waited < BUSY_S + 20, f"waited {waited:.1f} s"
        # Reading does not wait for the writer.
        assert run(office, "queue", "status").code == 0
    assert snapshot(engine) == before
    engine.dispose()
    r = clerk(office, "ticket", "issue", "A")
    assert r.code == 0, r.err
    _healthy(office)


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "khetdesk.db"
    junk = os.urandom(64 * 1024)
    path.write_bytes(junk)
    url = f"sqlite:///{path}"
    for args in (("queue", "status"), ("audit", "verify")):
        _database_error(run(url, *args), "not a database", "not a khetdesk")
    _database_error(clerk(url, "ticket", "issue", "A"), "not a database", "not a khetdesk")
    _database_error(run(url, "init", "--demo"), "not a database", "not a khetdesk")
    assert path.read_bytes() == junk
    # A real SQLite file of somebody else's.
    other = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()
    _database_error(run(f"sqlite:///{other}", "queue", "status"), "khetdesk init")


@pytest.mark.postgres
def test_a_postgresql_database_that_is_not_khetdesks_is_refused(
    pg_server: PgServer | None,
) -> None:
    if pg_server is None:
        pytest.skip("PostgreSQL server binaries are not installed")
    name = f"t_{uuid.uuid4().hex[:12]}"
    url = pg_server.create_database(name)
    try:
        _database_error(run(url, "queue", "status"), "khetdesk init")
        _database_error(clerk(url, "ticket", "issue", "A"), "khetdesk init")
    finally:
        pg_server.drop_database(name)


def test_a_database_from_a_newer_khetdesk_is_refused_and_not_touched(office: str) -> None:
    engine = make_engine(office)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    before = snapshot(engine)
    for r in (run(office, "queue", "status"), clerk(office, "ticket", "issue", "A"),
              run(office, "init"), run(office, "audit", "verify")):  # fmt: skip
        _database_error(r, "newer")
    assert snapshot(engine) == before
    engine.dispose()


def _unavailable(reason: str) -> None:
    """A fault this machine cannot make: a skip, or a failure under KHETDESK_REQUIRE_FAULTS
    (set by `make test`, so that CI never goes green on a fault it did not try)."""
    if os.environ.get("KHETDESK_REQUIRE_FAULTS"):
        pytest.fail(f"KHETDESK_REQUIRE_FAULTS is set, and: {reason}")
    pytest.skip(reason)


# Root ignores file modes through three capabilities; without them in its bounding set a
# root process obeys them like anyone (setpriv is util-linux, on every Linux).
_NO_OVERRIDE = ("setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner")


def _bound_by_file_modes(probe: Path) -> tuple[str, ...]:
    """How to start the program so that a 0444 file is read-only for it: as it is for a
    user who is not root, and through setpriv for root."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        _unavailable("running as root (file modes do not bind root) and no setpriv to drop "
                     "root's file-mode override")  # fmt: skip
    probe.write_text("")
    probe.chmod(0o444)
    tried = subprocess.run([*_NO_OVERRIDE, "sh", "-c", f"echo x >> '{probe}'"],
                           capture_output=True, text=True)  # fmt: skip
    works = subprocess.run([*_NO_OVERRIDE, "true"], capture_output=True).returncode == 0
    probe.unlink()
    if not works or tried.returncode == 0:
        _unavailable(f"setpriv cannot drop root's file-mode override here ({tried.stderr[:120]})")
    return (*_NO_OVERRIDE, sys.executable, "-m", "desktop_app")


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[None]:
    path.chmod(0o444)
    try:
        yield
    finally:
        path.chmod(0o644)


def test_a_read_only_database_file_is_refused_clearly(sqlite_office: str) -> None:
    office = sqlite_office
    path = _sqlite_file(office)
    engine = make_engine(office)
    with engine.connect() as conn:  # everything in the main file, no WAL left over
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = snapshot(engine)
    engine.dispose()
    program = _bound_by_file_modes(path.with_name("probe"))
    with _read_only(path):
        _database_error(clerk(office, "ticket", "issue", "A", program=program), "read-only",
                        "readonly")  # fmt: skip
    engine = make_engine(office)
    assert snapshot(engine) == before
    engine.dispose()
    assert clerk(office, "ticket", "issue", "A").code == 0
    _healthy(office)


@pytest.mark.postgres
def test_a_read_only_postgresql_database_is_refused_clearly(
    pg_server: PgServer | None,
) -> None:
    if pg_server is None:
        pytest.skip("PostgreSQL server binaries are not installed")
    name = f"t_{uuid.uuid4().hex[:12]}"
    url = pg_server.create_database(name, template=PG_TEMPLATE)
    try:
        engine = make_engine(url)
        init_database(engine, demo=True)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        engine.dispose()
        engine = make_engine(url)
        before = snapshot(engine)
        _database_error(clerk(url, "ticket", "issue", "A"), "read-only", "read only")
        assert run(url, "queue", "status").code == 0
        assert snapshot(engine) == before
        engine.dispose()
    finally:
        pg_server.drop_database(name)


PAGE_LIMIT = Path(__file__).with_name("page_limit.py")


def test_a_full_disk_is_refused_clearly_and_loses_nothing(sqlite_office: str) -> None:
    """SQLite only: on PostgreSQL a full disk is the server's to report. The program runs
    with no room to grow the file (tests/reliability/page_limit.py): the free space inside
    its pages takes a few tickets, then SQLite refuses as on a full disk (SQLITE_FULL)."""
    url = sqlite_office
    _healthy(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    small_disk = (sys.executable, str(PAGE_LIMIT), str(pages))  # no room to grow
    issued = 0
    last = None
    before = snapshot(engine)
    for _ in range(40):
        before = snapshot(engine)
        last = clerk(url, "ticket", "issue", "A", program=small_disk)
        if last.code != 0:
            break
        issued += 1
    assert last is not None and last.code != 0, "the disk never filled up"
    _database_error(last, "disk is full", "disk full")
    assert snapshot(engine) == before  # the refused ticket left nothing behind
    engine.dispose()
    _healthy(url)
    after = clerk(url, "ticket", "issue", "A")  # room again
    assert after.code == 0, after.err
    assert json.loads(after.out)["number"] == issued + 1  # no gap, no duplicate
    _healthy(url)
