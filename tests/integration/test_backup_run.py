"""`backup run`: a consistent copy, verified, kept by retention, owner-only; `backup verify`
answers for any file and never raises; a folder that vanishes mid-copy is a clear error."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.domain.errors import DatabaseError, Forbidden
from desktop_app.services import backup, tickets
from tests.support.db import OPENING, actor


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.fixture
def busy(office, clock):
    clerk = actor(office, "clerk1")
    for svc in ("A", "B", "A"):
        clock.advance(seconds=30)
        tickets.issue_ticket(office, clerk, svc)
    tickets.call_next(office, clerk, 1)
    return office


def test_run_copies_verifies_and_lists(busy, tmp_path):
    folder = tmp_path / "new" / "backups"
    result = backup.run_backup(busy, actor(busy, "admin"), folder)
    made = Path(result.file)
    assert result.verified and result.removed == [] and made.is_absolute()
    assert made.parent == folder.resolve() and made.name.startswith("khetdesk-")
    assert result.tickets == 3 and result.audit_entries > 3
    assert sorted(p.name for p in folder.iterdir()) == [made.name]  # no -wal, no .partial
    assert [b.file for b in backup.list_backups(folder)] == [str(made)]
    check = backup.verify_backup(made)
    assert (check.ok, check.reason, check.tickets) == (True, None, 3)
    if os.name == "posix":
        assert _mode(made) == 0o600 and _mode(folder) == 0o700


def test_only_an_admin_runs_backups(busy, tmp_path):
    with pytest.raises(Forbidden):
        backup.run_backup(busy, actor(busy, "clerk1"), tmp_path / "b")
    assert not (tmp_path / "b").exists()


def test_retention_keeps_days_and_months_and_deletes_only_its_own(busy, tmp_path):
    admin = actor(busy, "admin")
    folder = tmp_path / "b"
    folder.mkdir()
    foreign = folder / "khetdesk-20200101-000000.db"  # our name, not our file
    shutil.copy(backup.run_backup(busy, admin, tmp_path / "x").file, foreign)
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("PRAGMA application_id = 0")
        conn.commit()
    (folder / "notes.txt").write_text("keep me")
    made = []
    start = OPENING - dt.timedelta(days=400)
    for i in range(0, 400, 10):  # one every ten days for 400 days
        made.append(backup.run_backup(busy, admin, folder, now=start + dt.timedelta(days=i)))
    last = backup.run_backup(busy, admin, folder, now=OPENING)
    removed = {r for m in [*made, last] for r in m.removed}
    left = {b.file for b in backup.list_backups(folder)}
    assert left.isdisjoint(removed) and str(Path(last.file)) in left
    assert all(Path(r).name.startswith("khetdesk-") for r in removed)
    assert foreign.exists() and (folder / "notes.txt").exists()
    stamps = sorted(dt.datetime.fromisoformat(b.made_at) for b in backup.list_backups(folder))
    months = {(s.year, s.month) for s in stamps}
    assert len(months) == 12 and len(stamps) <= 14 + 12


def test_retention_rule():
    day = dt.datetime(2026, 11, 30, 17)
    stamps = [day - dt.timedelta(hours=6 * i) for i in range(200)]  # 4 a day, newest first
    keep = backup.retention(stamps, 14, 12)
    days = {stamps[i].date() for i in keep}
    assert 0 in keep and len(days) >= 14
    newest = {}
    for s in stamps:
        newest.setdefault(s.date(), s)  # newest first
    recent = [stamps[i] for i in keep if stamps[i].date() > day.date() - dt.timedelta(14)]
    assert sorted(recent) == sorted(
        v for d, v in newest.items() if d > day.date() - dt.timedelta(14)
    )
    months = {(s.year, s.month) for s in stamps}
    assert {(stamps[i].year, stamps[i].month) for i in keep} == months


def _damaged(kind: str, good: Path, tmp_path: Path) -> Path:
    p = tmp_path / f"{kind}.db"
    data = good.read_bytes()
    if kind == "truncated":
        p.write_bytes(data[: len(data) // 3])
    elif kind == "garbage":
        p.write_bytes(os.urandom(len(data)))
    elif kind == "empty":
        p.write_bytes(b"")
    elif kind == "flipped":
        mid = bytearray(data)
        for off in range(8192, len(mid), 4096):
            mid[off + 100 : off + 140] = os.urandom(40)
        p.write_bytes(bytes(mid))
    elif kind == "foreign":
        with closing(sqlite3.connect(p)) as conn:
            conn.execute("CREATE TABLE recipes (name TEXT)")
            conn.commit()
    else:
        shutil.copy(good, p)
        with closing(sqlite3.connect(p)) as conn:
            conn.execute({
                "trigger": "CREATE TRIGGER evil AFTER INSERT ON tickets BEGIN "
                           "UPDATE users SET role = 'admin'; END",
                "view": "CREATE VIEW everyone AS SELECT * FROM users",
                "index": "CREATE INDEX ix_spy ON users (name)",
                "column": "ALTER TABLE users ADD COLUMN spy TEXT",
                "role": "UPDATE users SET role = 'admin' WHERE username = 'clerk1'",
                "trail": "UPDATE audit_log SET actor = 'x' WHERE id = 2",
                "dropped": "DROP INDEX ix_audit_log_entity",
            }[kind])  # fmt: skip
            conn.commit()
    return p


KINDS = ["truncated", "garbage", "empty", "flipped", "foreign", "trigger", "view", "index",
         "column", "role", "trail", "dropped"]  # fmt: skip


def test_verify_answers_for_any_file_and_never_raises(busy, tmp_path):
    good = Path(backup.run_backup(busy, actor(busy, "admin"), tmp_path / "b").file)
    named = {"trigger": "evil", "view": "everyone", "index": "ix_spy", "column": "users.spy",
             "role": "clerk1", "trail": "entry 2", "dropped": "ix_audit_log_entity"}  # fmt: skip
    for kind in KINDS:
        check = backup.verify_backup(_damaged(kind, good, tmp_path))
        assert check.ok is False and check.reason, kind
        assert named.get(kind, "") in check.reason, (kind, check.reason)
    assert backup.verify_backup(tmp_path / "missing.db").ok is False
    assert backup.verify_backup(tmp_path).ok is False  # a folder
    assert backup.verify_backup(good).ok  # the checks did not touch it


def test_a_folder_that_vanishes_mid_copy_is_a_clear_error(busy, tmp_path, monkeypatch):
    folder = tmp_path / "usb"
    real = backup._verify_copy

    def pulled_out(partial, counts):
        real(partial, counts)
        shutil.rmtree(folder)

    monkeypatch.setattr(backup, "_verify_copy", pulled_out)
    with pytest.raises(DatabaseError, match="vanished"):
        backup.run_backup(busy, actor(busy, "admin"), folder)
    assert not folder.exists()
