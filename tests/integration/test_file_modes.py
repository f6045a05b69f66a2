"""Owner-only files on POSIX (issue 17, item 6): a new database, its -wal and -shm are
0600 in a 0700 folder; an existing database left readable by others is tightened at start,
with a note in notes.log; backups and the error log are 0600 in 0700 folders."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from db import migrate
from db.engine import append_log, default_url, make_engine, sqlite_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.fixture
def home(tmp_path, monkeypatch):
    for var in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    monkeypatch.delenv("KHETDESK_DB", raising=False)
    monkeypatch.setattr(os, "umask", os.umask)  # restored whatever happens
    old = os.umask(0o022)  # the usual umask: files 0644, folders 0755
    yield tmp_path
    os.umask(old)


def test_a_new_database_is_owner_only(home):
    url = default_url()
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE audit_head SET last_seq = last_seq")
        db = sqlite_path(url)
        assert db is not None
        files = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
        assert all(p.exists() for p in files)
        assert {str(p): _mode(p) for p in files} == {str(p): 0o600 for p in files}
        assert _mode(db.parent) == 0o700
    finally:
        engine.dispose()


def test_an_existing_loose_database_is_tightened_with_a_note(home):
    url = default_url()
    db = sqlite_path(url)
    assert db is not None
    make_engine(url).dispose()
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    db.chmod(0o644)
    db.parent.chmod(0o755)
    make_engine(url).dispose()
    assert _mode(db) == 0o600 and _mode(db.parent) == 0o700
    notes = (home / "xdg_state_home" / "KhetDesk" / "log" / "notes.log").read_text()
    assert str(db) in notes and "owner-only" in notes


def test_logs_are_owner_only(home):
    path = append_log("errors.log", "--- a traceback\n")
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
    path.chmod(0o644)
    append_log("errors.log", "--- another\n")
    assert _mode(path) == 0o600
