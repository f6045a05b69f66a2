"""Backup and restore. A backup is always a KhetDesk SQLite file:

- from SQLite, SQLite's online backup API copies a consistent snapshot while counters keep
  issuing tickets;
- from PostgreSQL, every table is copied inside one REPEATABLE READ transaction (a
  consistent snapshot) into a new SQLite file with the same schema — no pg_dump needed on
  the counter PC, and the same file restores to either engine (also a way to move an office
  from one PC to a shared server).
Restore checks the file first (a KhetDesk database, a schema this program knows, an intact
audit trail), then replaces the data in one transaction and audits who restored what.
"""

from __future__ import annotations

import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, func, select, text
from sqlalchemy.orm import Session

from db import audit, migrate
from db.engine import make_engine, sqlite_path, sqlite_url
from db.models import AuditEntry, AuditHead, Base, Ticket
from db.uow import UnitOfWork
from desktop_app.domain.errors import InvalidInput, NotFound, RuleViolation
from desktop_app.domain.roles import require
from desktop_app.services.auth import Actor

BATCH = 5000


@dataclass(frozen=True)
class BackupResult:
    file: str
    bytes: int
    tickets: int
    audit_entries: int


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _copy_rows(src: Connection, dst: Connection) -> None:
    for table in reversed(_tables()):
        dst.execute(table.delete())
    for table in _tables():
        rows = src.execute(select(table)).mappings()
        batch: list[dict[str, object]] = []
        for row in rows:
            batch.append(dict(row))
            if len(batch) >= BATCH:
                dst.execute(table.insert(), batch)
                batch = []
        if batch:
            dst.execute(table.insert(), batch)


def _reset_pg_sequences(conn: Connection) -> None:
    """Rows were inserted with their ids: move each serial sequence past the largest."""
    for table in _tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1:
            continue
        seq = conn.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"),
                          {"t": table.name, "c": pk[0].name})  # fmt: skip
        if seq:
            top = conn.scalar(select(func.max(pk[0])))
            conn.execute(text("SELECT setval(:s, :v, :called)"),
                         {"s": seq, "v": top or 1, "called": top is not None})  # fmt: skip


def _summary(engine: Engine, file: Path) -> BackupResult:
    with engine.connect() as conn:
        tickets = conn.scalar(select(func.count()).select_from(Ticket)) or 0
        entries = conn.scalar(select(func.count()).select_from(AuditEntry)) or 0
    return BackupResult(str(file), file.stat().st_size, tickets, entries)


def _sqlite_copy(source: str | Path, dest: Path, *, source_uri: bool = False) -> None:
    """SQLite's online backup API: a consistent snapshot while others keep writing."""
    with (
        closing(sqlite3.connect(source, uri=source_uri, timeout=30)) as src,
        closing(sqlite3.connect(dest, timeout=30)) as dst,
    ):
        src.backup(dst)


def _single_file(path: Path) -> None:
    """A backup is one self-contained file: no -wal/-shm beside it (the backup API copies
    the source's WAL flag with its pages)."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")


def backup(uow: UnitOfWork, dest: Path) -> BackupResult:
    """Read-only, so no login is needed (CLI.md); whoever can reach the database file or
    server can copy it anyway."""
    dest = dest.resolve()
    if dest.exists():
        raise InvalidInput(f"มีไฟล์ {dest.name} อยู่แล้ว (file exists; choose a new name)")
    if not dest.parent.is_dir():
        raise InvalidInput(f"ไม่พบโฟลเดอร์ {dest.parent} (no such folder)")
    source_file = sqlite_path(str(uow.engine.url))
    partial = dest.with_name(dest.name + ".partial")
    try:
        if source_file is not None:
            _sqlite_copy(source_file, partial)
        else:
            target = make_engine(sqlite_url(partial))
            migrate.upgrade(target)
            with uow.engine.connect() as src:
                src = src.execution_options(isolation_level="REPEATABLE READ")
                with src.begin(), target.begin() as dst:
                    _copy_rows(src, dst)
            target.dispose()
        _single_file(partial)
        partial.replace(dest)
    finally:
        partial.unlink(missing_ok=True)
    with closing(sqlite3.connect(dest.as_uri() + "?mode=ro", uri=True)) as conn:
        tickets = conn.execute("SELECT count(*) FROM tickets").fetchone()[0]
        entries = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    return BackupResult(str(dest), dest.stat().st_size, tickets, entries)


def _checked_copy(source: Path, copy: Path) -> Engine:
    """An engine on a private copy of the backup, upgraded to this program's schema, whose
    audit trail verifies. The user's file is opened read-only and never modified."""
    if not source.is_file():
        raise NotFound(f"ไม่พบไฟล์สำรอง {source} (no such backup file)")
    not_ours = InvalidInput(f"{source.name} ไม่ใช่ไฟล์สำรอง KhetDesk (not a KhetDesk backup)")
    try:
        _sqlite_copy(source.as_uri() + "?mode=ro", copy, source_uri=True)
    except sqlite3.DatabaseError:
        raise not_ours from None
    engine = make_engine(sqlite_url(copy))
    try:
        if migrate.current_revision(engine) is None:
            raise not_ours
        migrate.upgrade(engine)  # refuses a newer schema
        with engine.connect() as conn:
            result = audit.verify(Session(bind=conn))
        if not result.ok:
            raise RuleViolation(
                f"บันทึกตรวจสอบในไฟล์สำรองไม่สมบูรณ์ที่รายการ {result.first_bad} "
                f"(the backup's audit trail is broken at entry {result.first_bad}; not restored)"
            )
    except BaseException:
        engine.dispose()
        raise
    return engine


def restore(uow: UnitOfWork, actor: Actor, source: Path) -> BackupResult:
    """Replace the data with a backup's. The audit entry saying who restored what, and which
    chain it replaced, is appended to the backup's chain before the copy, so the restore
    and its record arrive together."""
    require(actor.role, "restore")
    source = source.resolve()
    with uow.read() as tx:
        now = tx.now()
        replaced = tx.session.get(AuditHead, audit.HEAD_ID)
        before = (
            {"last_seq": replaced.last_seq, "last_hash": replaced.last_hash} if replaced else None
        )
    with tempfile.TemporaryDirectory(prefix="khetdesk-restore-") as scratch:
        copy = Path(scratch) / "restore.db"
        backup_engine = _checked_copy(source, copy)
        try:
            with UnitOfWork(backup_engine, clock=lambda: now).write() as tx:
                tx.audit(actor.username, "restore", "database", source.name, before,
                         {"file": str(source)})  # fmt: skip
                tx.commit()
            live_file = sqlite_path(str(uow.engine.url))
            if live_file is not None:
                # Other processes wait on their busy timeout, then see the restored data.
                _sqlite_copy(copy, live_file)
            else:
                migrate.upgrade(uow.engine)
                with backup_engine.connect() as src, uow.engine.begin() as dst:
                    dst.execute(text("LOCK TABLE audit_head IN EXCLUSIVE MODE"))
                    _copy_rows(src, dst)
                    _reset_pg_sequences(dst)
        finally:
            backup_engine.dispose()
    return _summary(uow.engine, source)
