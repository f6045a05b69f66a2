"""Engine factory: SQLite (WAL, foreign keys, busy timeout, serialised writers) and
PostgreSQL through psycopg 3."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from desktop_app.domain.errors import DatabaseError, InvalidInput

BUSY_TIMEOUT_S = 15.0
BUSY_TIMEOUT_ENV = "KHETDESK_BUSY_TIMEOUT_S"
BUSY_TIMEOUT_RANGE = (0.1, 600.0)
WRITE_OPTION = "khetdesk_write"


def busy_timeout() -> float:
    """How long a command waits for another PC's write to finish before it gives up with
    "database is locked" (exit 3): ``$KHETDESK_BUSY_TIMEOUT_S`` seconds, default 15. The
    same bound holds on PostgreSQL (lock_timeout), so no window waits on a lock forever."""
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if not raw:
        return BUSY_TIMEOUT_S
    low, high = BUSY_TIMEOUT_RANGE
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not low <= value <= high:
        raise InvalidInput(
            f"{BUSY_TIMEOUT_ENV} ต้องเป็นจำนวนวินาที {low:g}–{high:g} "
            f"({BUSY_TIMEOUT_ENV} must be {low:g}-{high:g} seconds, not '{raw[:40]}')"
        )
    return value


# ---------------------------------------------------------------- owner-only files
# On POSIX the database, its -wal and -shm, backups and logs are created 0600 in 0700
# folders: they hold citizens' names and phone numbers. On Windows they live in the user's
# own AppData, which other users cannot read; the modes below are then left alone.

POSIX = os.name == "posix"
FILE_MODE = 0o600
DIR_MODE = 0o700
_umask_lock = threading.RLock()


@contextlib.contextmanager
def owner_only() -> Iterator[None]:
    """Files and folders created inside are the owner's only (umask 077). The umask is the
    process's, so threads that create files at the same moment take turns."""
    if not POSIX:
        yield
        return
    with _umask_lock:
        old = os.umask(0o077)
        try:
            yield
        finally:
            os.umask(old)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) 0700; a folder that exists is left as it is,
    except that one this call created is certainly 0700."""
    with owner_only():
        path.mkdir(parents=True, exist_ok=True)
    return path


def _loose(path: Path, mode: int) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & ~mode != 0


def tighten(paths: list[Path], folder: Path | None = None) -> list[str]:
    """Take from existing files every permission beyond 0600 (from ``folder``, beyond 0700);
    returns what was changed. Nothing is added: a file its owner made read-only stays so."""
    if not POSIX:
        return []
    changed: list[str] = []
    for p, mode in [*((p, FILE_MODE) for p in paths), *(((folder, DIR_MODE),) if folder else ())]:
        try:
            if p.exists() and p.stat().st_uid == os.getuid() and _loose(p, mode):
                p.chmod(stat.S_IMODE(p.stat().st_mode) & mode)
                changed.append(str(p))
        except OSError:
            continue
    return changed


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("KhetDesk", appauthor=False))


def append_log(name: str, text: str) -> Path:
    """Append to one of the program's logs (``errors.log``, ``notes.log``): created 0600
    in a 0700 folder; an existing log is tightened."""
    folder = private_dir(log_dir())
    path = folder / name
    with owner_only(), path.open("a", encoding="utf-8") as f:
        f.write(text)
    tighten([path])
    return path


def note(text: str) -> None:
    """A line in notes.log (what the program changed on its own, e.g. file permissions)."""
    with contextlib.suppress(OSError):
        append_log("notes.log", f"{dt.datetime.now(dt.UTC).isoformat()} {text}\n")


def secure_sqlite_files(path: Path) -> list[str]:
    """An existing database, its -wal and -shm made 0600 (with a note when they were not),
    and the program's own data folder 0700."""
    files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    folder = path.parent if _is_default_folder(path.parent) else None
    changed = tighten(files, folder)
    if changed:
        note("tightened to owner-only (0600 files, 0700 folder): " + ", ".join(changed))
    return changed


def _is_default_folder(folder: Path) -> bool:
    try:
        import platformdirs

        data = Path(platformdirs.user_data_dir("KhetDesk", appauthor=False))
        return folder.resolve() == data.resolve()
    except Exception:
        return False


def default_url() -> str:
    """``$KHETDESK_DB``, else an SQLite file in the user's data directory."""
    env = os.environ.get("KHETDESK_DB")
    if env:
        return env
    import platformdirs

    data = Path(platformdirs.user_data_dir("KhetDesk", appauthor=False))
    return f"sqlite:///{data / 'khetdesk.db'}"


def as_url(value: str) -> str:
    """A plain file path (``$KHETDESK_DB=/srv/khetdesk.db``, ``--db C:\\kd.db``) means an
    SQLite file; anything with a scheme is taken as an SQLAlchemy URL."""
    if "://" in value or not value.strip():
        return value
    return sqlite_url(Path(value).expanduser().resolve())


def sqlite_url(path: Path | str) -> str:
    """The URL of an SQLite file, its name escaped: a ``?`` or ``#`` in a file name would
    otherwise start the URL's query and cut the name (``backup 'a?b.db'`` wrote ``a``)."""
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def sqlite_path(url: str) -> Path | None:
    u = make_url(as_url(url))
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def make_engine(url: str, *, busy_timeout_s: float | None = None, create: bool = True) -> Engine:
    """``create=False`` refuses a missing SQLite file instead of making an empty one, so a
    mistyped path in a read-only command does not leave files behind. ``busy_timeout_s``
    defaults to :func:`busy_timeout`."""
    url = as_url(url)
    if busy_timeout_s is None:
        busy_timeout_s = busy_timeout()
    try:
        parsed = make_url(url)
    except Exception:
        raise InvalidInput(f"URL ฐานข้อมูลไม่ถูกต้อง (not a database URL: '{url[:80]}')") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(url)
        if not create and path is not None and not path.exists():
            raise DatabaseError(
                f"ไม่พบไฟล์ฐานข้อมูล {path}: เรียก khetdesk init ก่อน "
                "(no database file there: run 'khetdesk init')"
            )
        return _sqlite_engine(url, busy_timeout_s)
    if backend == "postgresql":
        if parsed.get_driver_name() != "psycopg":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(
            parsed,
            # No pool_pre_ping: it cost a round trip on every user action. A dead pooled
            # connection is caught by the transaction's first statement instead, which
            # UnitOfWork runs once more on a fresh connection (db/uow.py, _begin).
            connect_args={
                "connect_timeout": 10,
                "application_name": "khetdesk",
                # A writer waiting for the audit head's row lock (another PC's write) gives
                # up like SQLite's busy timeout does, instead of hanging the window.
                "options": f"-c lock_timeout={int(busy_timeout_s * 1000)}",
            },
        )
    raise InvalidInput(
        f"รองรับเฉพาะ sqlite:/// และ postgresql+psycopg:// (unsupported database '{backend}')"
    )


def _sqlite_engine(url: str, busy_timeout_s: float) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        private_dir(path.parent)
        secure_sqlite_files(path)
    engine = create_engine(url, connect_args={"timeout": busy_timeout_s})

    @event.listens_for(engine, "do_connect")
    def _private_connect(dialect: Any, _rec: Any, cargs: Any, cparams: Any) -> Any:
        with owner_only():  # a new database file is created 0600
            return dialect.loaded_dbapi.connect(*cargs, **cparams)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Take transaction control away from pysqlite so that we can say BEGIN IMMEDIATE.
        dbapi_conn.isolation_level = None
        with owner_only():  # the file, its -wal and -shm are created here: 0600
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = FULL")
            cur.execute("PRAGMA user_version").fetchone()  # opens the -shm under the umask
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front: no deadlock upgrading a read lock later,
        # and waiting writers queue on the busy timeout instead of failing at commit.
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
