"""Backup is always a KhetDesk SQLite file; it restores onto either engine."""

from __future__ import annotations

import json
import sqlite3

import pytest

from db.engine import make_engine
from db.models import AuditHead
from db.uow import UnitOfWork
from desktop_app.domain.errors import Forbidden, InvalidInput, NotFound, RuleViolation
from desktop_app.services import backup, tickets
from desktop_app.services.audit import verify
from desktop_app.services.setup import init_database
from tests.conftest import _new_database
from tests.support.db import actor, snapshot


def _with_tickets(office, clock, n=5):
    clerk = actor(office, "clerk1")
    for _ in range(n):
        clock.advance(seconds=10)
        tickets.issue_ticket(office, clerk, "A")
    tickets.call_next(office, clerk, 1)


def test_backup_then_restore_gives_back_the_same_data(office, clock, tmp_path):
    _with_tickets(office, clock)
    admin = actor(office, "admin")
    file = tmp_path / "backup.khetdesk"
    result = backup.backup(office, file)
    assert result.tickets == 5 and result.bytes > 0
    with sqlite3.connect(file) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    saved = snapshot(office.engine)
    # Things happen after the backup …
    _with_tickets(office, clock, 3)
    assert snapshot(office.engine) != saved
    # … and restoring brings back the backup's data plus one audit entry saying so.
    with office.read() as tx:
        head = tx.session.get(AuditHead, 1)
        replaced_seq, replaced_hash = head.last_seq, head.last_hash
    backup.restore(office, admin, file)
    restored = snapshot(office.engine)
    entries = restored.pop("audit_log")
    head = restored.pop("audit_head")
    saved_entries = saved.pop("audit_log")
    saved.pop("audit_head")
    assert restored == saved
    assert set(saved_entries) < set(entries) and len(entries) == len(saved_entries) + 1
    assert head[0][1] == len(entries)
    restore_entry = max(entries)
    assert restore_entry[3] == "restore" and restore_entry[2] == "admin"
    assert json.loads(restore_entry[6]) == {"last_seq": replaced_seq, "last_hash": replaced_hash}
    # The backup stays one file, untouched by the restore.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("backup")) == [
        "backup.khetdesk"
    ]
    assert verify(office).ok
    # New tickets continue after the restored ones.
    clerk = actor(office, "clerk1")
    assert tickets.issue_ticket(office, clerk, "A").code == "A006"


@pytest.mark.parametrize("name", ["a?b.khetdesk", "a#b%20c.khetdesk", "สำรอง ๒๕๖๙.db"])
def test_a_file_name_with_url_characters_is_the_file_written(office, clock, tmp_path, name):
    """From PostgreSQL the copy is made through an SQLite URL: a '?' once cut the name there
    (found by tests/reliability/test_cli_fuzz.py)."""
    _with_tickets(office, clock, 2)
    file = tmp_path / name
    assert backup.backup(office, file).tickets == 2
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(name[:2])) == [name]
    backup.restore(office, actor(office, "admin"), file)
    assert verify(office).ok


def test_a_backup_restores_onto_a_fresh_database_of_the_other_engine(
    office, clock, tmp_path, pg_server, sqlite_template
):
    _with_tickets(office, clock)
    file = tmp_path / "move.khetdesk"
    backup.backup(office, file)
    other = "postgresql" if office.engine.dialect.name == "sqlite" else "sqlite"
    (tmp_path / "other").mkdir()
    url = _new_database(other, tmp_path / "other", pg_server, sqlite_template)
    target = UnitOfWork(make_engine(url), clock=clock)
    init_database(target.engine, admin="admin", admin_password="admin-pw-17")
    backup.restore(target, actor(target, "admin"), file)
    assert tickets.show(target, "A005").code == "A005"
    assert verify(target).ok
    target.engine.dispose()


def test_restore_refuses_a_bad_file_and_changes_nothing(office, clock, tmp_path):
    _with_tickets(office, clock)
    admin = actor(office, "admin")
    before = snapshot(office.engine)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(InvalidInput):
        backup.restore(office, admin, junk)
    with pytest.raises(NotFound):
        backup.restore(office, admin, tmp_path / "missing.db")
    # A backup whose audit trail was edited is refused.
    file = tmp_path / "b.khetdesk"
    backup.backup(office, file)
    with sqlite3.connect(file) as conn:
        conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 3")
    with pytest.raises(RuleViolation, match="audit"):
        backup.restore(office, admin, file)
    with pytest.raises(Forbidden):
        backup.restore(office, actor(office, "clerk1"), file)
    with pytest.raises(InvalidInput):
        backup.backup(office, file)  # will not overwrite
    assert snapshot(office.engine) == before
