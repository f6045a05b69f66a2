"""Backup and restore. A backup is always a KhetDesk SQLite file:

- from SQLite, SQLite's online backup API copies a consistent snapshot while counters keep
  issuing tickets;
- from PostgreSQL, every table is copied inside one REPEATABLE READ transaction (a
  consistent snapshot) into a new SQLite file with the same schema — no pg_dump needed on
  the counter PC, and the same file restores to either engine (also a way to move an office
  from one PC to a shared server).
Restore checks the file first (a KhetDesk database, exactly the schema the migrations
create, an intact audit trail that vouches for the tables), then replaces the data in one
transaction and audits who restored what.

`backup run` (and the GUI's daily backup) writes ``khetdesk-YYYYMMDD-HHMMSS.db`` (Bangkok
time) into the backup folder: copied to a temporary name, checked (integrity, schema,
`audit verify` on the copy, every table's row count equal to the source's in the same
snapshot), marked as ours (SQLite's application_id), then renamed. Retention keeps the
newest backup of each of the last ``backup.keep_daily`` days and of the last
``backup.keep_monthly`` months, and deletes only files with our name and our mark.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, func, select, text

from db import audit, migrate
from db.engine import make_engine, owner_only, private_dir, sqlite_path, sqlite_url, tighten
from db.models import AuditEntry, AuditHead, Base, Ticket
from db.uow import UnitOfWork
from desktop_app.domain.errors import DatabaseError, InvalidInput, NotFound, RuleViolation
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


def _copy_to(uow: UnitOfWork, partial: Path) -> dict[str, int]:
    """A consistent copy of the live database into the new file ``partial``; returns every
    table's row count in the snapshot that was copied."""
    source_file = sqlite_path(str(uow.engine.url))
    with owner_only():
        if source_file is not None:
            with (
                closing(sqlite3.connect(source_file, timeout=30)) as src,
                closing(sqlite3.connect(partial, timeout=30)) as dst,
            ):
                src.isolation_level = None
                src.execute("BEGIN")  # one snapshot for the counts and the pages
                counts = _sqlite_counts(src)
                src.backup(dst)
                src.execute("COMMIT")
        else:
            target = make_engine(sqlite_url(partial))
            try:
                migrate.upgrade(target)
                with uow.engine.connect() as src:
                    src = src.execution_options(isolation_level="REPEATABLE READ")
                    with src.begin(), target.begin() as dst:
                        counts = _counts(src)
                        _copy_rows(src, dst)
            finally:
                target.dispose()
        _single_file(partial)
    return counts


def _sqlite_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        t.name: int(conn.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0])
        for t in _tables()
    }


def _counts(conn: Connection) -> dict[str, int]:
    return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0) for t in _tables()}


def backup(uow: UnitOfWork, dest: Path) -> BackupResult:
    """Read-only, so no login is needed (CLI.md); whoever can reach the database file or
    server can copy it anyway. The file is the owner's only (0600)."""
    dest = dest.resolve()
    if dest.exists():
        raise InvalidInput(f"มีไฟล์ {dest.name} อยู่แล้ว (file exists; choose a new name)")
    if not dest.parent.is_dir():
        raise InvalidInput(f"ไม่พบโฟลเดอร์ {dest.parent} (no such folder)")
    partial = dest.with_name(dest.name + ".partial")
    try:
        _copy_to(uow, partial)
        partial.replace(dest)
    finally:
        partial.unlink(missing_ok=True)
    with closing(sqlite3.connect(dest.as_uri() + "?mode=ro", uri=True)) as conn:
        tickets = conn.execute("SELECT count(*) FROM tickets").fetchone()[0]
        entries = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    return BackupResult(str(dest), dest.stat().st_size, tickets, entries)


# ---------------------------------------------------------------- checking a file


class BadBackup(InvalidInput):
    """A file that is not a sound KhetDesk backup; ``reason`` says why."""


def _integrity(conn: Connection) -> str | None:
    rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
    return None if rows == ["ok"] else "; ".join(str(r) for r in rows[:3])


def _check(engine: Engine, name: str) -> audit.VerifyResult:
    """Integrity, schema and trail of an SQLite copy at this program's revision."""
    from db.schema_exact import describe, differences
    from desktop_app.services.audit import verify_connection

    with engine.connect() as conn:
        damaged = _integrity(conn)
        if damaged is not None:
            raise BadBackup(f"ไฟล์ {name} เสียหาย (the file is damaged: {damaged[:200]})")
        diffs = differences(conn)
        if diffs:
            raise BadBackup(
                f"โครงสร้างของ {name} ไม่ตรงกับของโปรแกรม "
                f"(the file's schema differs from this program's: {describe(diffs)})"
            )
        result = verify_connection(conn)
    if not result.ok:
        if result.first_bad is not None:
            why = f"the audit trail is broken at entry {result.first_bad}: {result.reason}"
        else:
            m = result.mismatches[0]
            why = (f"{len(result.mismatches)} stored value(s) differ from the audit trail, "
                   f"e.g. {m.entity} {str(m.id)[:40]} {m.field}")  # fmt: skip
        raise RuleViolation(f"บันทึกตรวจสอบในไฟล์ {name} ไม่รับรองข้อมูล ({why})")
    return result


def _checked_copy(source: Path, copy: Path) -> Engine:
    """An engine on a private copy of the backup, upgraded to this program's schema, whose
    schema is exactly the migrations' and whose audit trail verifies and vouches for its
    tables. The user's file is opened read-only and never modified."""
    if not source.is_file():
        raise NotFound(f"ไม่พบไฟล์สำรอง {source} (no such backup file)")
    not_ours = BadBackup(f"{source.name} ไม่ใช่ไฟล์สำรอง KhetDesk (not a KhetDesk backup)")
    try:
        with owner_only():
            _sqlite_copy(source.as_uri() + "?mode=ro", copy, source_uri=True)
    except sqlite3.DatabaseError:
        raise not_ours from None
    engine = make_engine(sqlite_url(copy))
    try:
        try:
            revision = migrate.current_revision(engine)
        except Exception as e:
            raise not_ours from e
        if revision is None:
            raise not_ours
        try:
            migrate.upgrade(engine)  # refuses a newer schema
        except DatabaseError as e:
            raise BadBackup(e.message) from None
        except Exception as e:
            raise BadBackup(
                f"ไฟล์ {source.name} เสียหาย (the file is damaged: {type(e).__name__})"
            ) from None
        _check(engine, source.name)
    except BaseException:
        engine.dispose()
        raise
    return engine


@dataclass(frozen=True)
class BackupCheck:
    ok: bool
    reason: str | None
    file: str
    entries: int | None = None
    tickets: int | None = None


def verify_backup(source: Path) -> BackupCheck:
    """Whether ``source`` is a sound KhetDesk backup that `restore` would take. Any file,
    whatever is in it, gets an answer: never an exception for its content."""
    source = source.resolve()
    with tempfile.TemporaryDirectory(prefix="khetdesk-verify-") as scratch:
        try:
            engine = _checked_copy(source, Path(scratch) / "verify.db")
        except (BadBackup, RuleViolation, NotFound) as e:
            return BackupCheck(False, e.message, str(source))
        except (sqlite3.Error, OSError, ValueError) as e:
            return BackupCheck(False, f"unreadable: {type(e).__name__}: {str(e)[:200]}",
                               str(source))  # fmt: skip
        except Exception as e:
            return BackupCheck(False, f"unreadable: {type(e).__name__}", str(source))
        try:
            with engine.connect() as conn:
                entries = int(conn.scalar(select(func.count()).select_from(AuditEntry)) or 0)
                tickets = int(conn.scalar(select(func.count()).select_from(Ticket)) or 0)
        finally:
            engine.dispose()
    return BackupCheck(True, None, str(source), entries, tickets)


# ---------------------------------------------------------------- backup run, list

APP_ID = 0x4B484244  # "KHBD" in SQLite's header: a backup `backup run` made
NAME = re.compile(r"khetdesk-(\d{8})-(\d{6})(?:-(\d+))?\.db")


@dataclass(frozen=True)
class BackupRun:
    file: str
    verified: bool
    removed: list[str]
    bytes: int
    tickets: int
    audit_entries: int


@dataclass(frozen=True)
class BackupInfo:
    file: str
    made_at: str  # ISO, Bangkok time, from the name
    bytes: int


def default_dir(uow: UnitOfWork | None) -> Path:
    """``backup.dir`` of this PC, else ``backups`` in the user data directory."""
    configured = ""
    if uow is not None:
        from desktop_app.services.settings import read_setting

        with uow.read() as tx:
            configured = read_setting(tx, "backup.dir").strip()
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("KhetDesk", appauthor=False)) / "backups"


def _stamp(name: str) -> dt.datetime | None:
    m = NAME.fullmatch(name)
    if m is None:
        return None
    try:
        return dt.datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")
    except ValueError:
        return None


def _is_ours(path: Path) -> bool:
    try:
        with closing(sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)) as conn:
            return bool(conn.execute("PRAGMA application_id").fetchone()[0] == APP_ID)
    except sqlite3.Error:
        return False


def _ours(folder: Path) -> list[tuple[dt.datetime, Path]]:
    """Backups this program made in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for p in folder.iterdir():
        stamp = _stamp(p.name)
        if stamp is not None and p.is_file() and _is_ours(p):
            found.append((stamp, p))
    return sorted(found, key=lambda x: (x[0], x[1].name), reverse=True)


def list_backups(folder: Path) -> list[BackupInfo]:
    return [
        BackupInfo(str(p.resolve()), stamp.isoformat(), p.stat().st_size)
        for stamp, p in _ours(folder)
    ]


def retention(stamps: list[dt.datetime], keep_daily: int, keep_monthly: int) -> set[int]:
    """Indexes (into ``stamps``, newest first) to keep: the newest backup of each of the
    ``keep_daily`` most recent days that have one, and of the ``keep_monthly`` most recent
    months; the newest of all always."""
    keep: set[int] = {0} if stamps else set()
    days: set[dt.date] = set()
    months: set[tuple[int, int]] = set()
    for i, s in enumerate(stamps):
        if s.date() not in days and len(days) < keep_daily:
            days.add(s.date())
            keep.add(i)
        if (s.year, s.month) not in months and len(months) < keep_monthly:
            months.add((s.year, s.month))
            keep.add(i)
    return keep


def _mark_ours(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA application_id = {APP_ID}")
        conn.commit()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _vanishing(folder: Path) -> Iterator[None]:
    """A backup folder that disappears mid-copy (a USB disk pulled out, a share dropped)
    is a clear error, not a traceback."""
    try:
        yield
    except (OSError, sqlite3.Error) as e:
        if folder.is_dir():
            raise DatabaseError(
                f"เขียนไฟล์สำรองใน {folder} ไม่ได้ (could not write the backup in {folder}: "
                f"{str(e)[:120]}; no backup was made)"
            ) from None
        raise DatabaseError(
            f"โฟลเดอร์สำรอง {folder} หายไประหว่างคัดลอก (the backup folder {folder} vanished "
            "during the copy; no backup was made)"
        ) from None


def run_backup(
    uow: UnitOfWork,
    actor: Actor | None,
    folder: Path | None = None,
    *,
    now: dt.datetime | None = None,
) -> BackupRun:
    """Copy, verify, keep, prune. Nothing partial is left behind: the copy is written under
    a temporary name and renamed only once verified. ``actor`` None is the GUI's own daily
    backup (ui.auto_backup), which needs no administrator at the counter."""
    if actor is not None:
        require(actor.role, "backup.run")
    from desktop_app.domain.thai_time import BANGKOK
    from desktop_app.services.settings import read_setting

    folder = (folder if folder is not None else default_dir(uow)).expanduser().resolve()
    with uow.read() as tx:
        keep_daily = int(read_setting(tx, "backup.keep_daily"))
        keep_monthly = int(read_setting(tx, "backup.keep_monthly"))
        moment = now or tx.now()
    local = moment.astimezone(BANGKOK).replace(tzinfo=None)
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"{folder} ไม่ใช่โฟลเดอร์ (not a folder)")
    with _vanishing(folder):
        private_dir(folder)
        tighten([], folder)
        base = f"khetdesk-{local:%Y%m%d-%H%M%S}"
        dest, n = folder / f"{base}.db", 1
        while dest.exists():
            n += 1
            dest = folder / f"{base}-{n}.db"
        partial = folder / f".{dest.name}.partial"
        try:
            counts = _copy_to(uow, partial)
            _verify_copy(partial, counts)
            _mark_ours(partial)
            _fsync(partial)
            partial.replace(dest)
        finally:
            partial.unlink(missing_ok=True)
    removed: list[str] = []
    mine = _ours(folder)
    keep = retention([s for s, _ in mine], keep_daily, keep_monthly)
    for i, (_, p) in enumerate(mine):
        if i not in keep and p != dest:
            p.unlink(missing_ok=True)
            removed.append(str(p))
    return BackupRun(str(dest), True, removed, dest.stat().st_size,
                     counts.get("tickets", 0), counts.get("audit_log", 0))  # fmt: skip


def _verify_copy(partial: Path, counts: dict[str, int]) -> None:
    engine = make_engine(sqlite_url(partial))
    try:
        if migrate.current_revision(engine) != migrate.head_revision():
            raise BadBackup("the copy is not at this program's schema")
        _check(engine, partial.name)
        with engine.connect() as conn:
            copied = _counts(conn)
    finally:
        engine.dispose()
    _single_file(partial)  # the check opened it in WAL mode
    differ = sorted(t for t in counts if counts[t] != copied.get(t))
    if differ:
        raise RuleViolation(
            "สำเนาไม่ครบ (the copy's row counts differ from the database's: "
            f"{', '.join(differ[:5])}; no backup was made)"
        )


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
