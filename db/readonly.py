"""A read-only engine for the web server (desktop_app/web): SQLite opened with
``mode=ro`` (and ``query_only``), PostgreSQL sessions whose transactions are all READ ONLY.
The server's one write, a citizen's rating, goes through a normal engine.

Every statement the engine runs is counted (:class:`QueryCounter`): ``/healthz`` reports
it, and the load benchmark checks that the number does not grow with the clients."""

from __future__ import annotations

import sqlite3
import threading
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event

from db.engine import as_url, busy_timeout, make_engine, sqlite_path
from desktop_app.domain.errors import DatabaseError


class QueryCounter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.count = 0

    def attach(self, engine: Engine) -> None:
        @event.listens_for(engine, "before_cursor_execute")
        def _count(*_args: Any) -> None:
            with self._lock:
                self.count += 1


def make_read_only_engine(url: str) -> Engine:
    url = as_url(url)
    path = sqlite_path(url)
    if path is not None:
        if not path.exists():
            raise DatabaseError(
                f"ไม่พบไฟล์ฐานข้อมูล {path}: เรียก khetdesk init ก่อน "
                "(no database file there: run 'khetdesk init')"
            )
        return _sqlite_read_only(str(path.resolve()))
    engine = make_engine(url, create=False)
    if engine.dialect.name == "postgresql":

        @event.listens_for(engine, "connect")
        def _read_only(dbapi_conn: Any, _record: Any) -> None:
            was = dbapi_conn.autocommit
            dbapi_conn.autocommit = True
            dbapi_conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            dbapi_conn.autocommit = was

    return engine


def _sqlite_read_only(path: str) -> Engine:
    timeout = busy_timeout()
    uri = f"file:{quote(path)}?mode=ro"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        cur.execute("PRAGMA query_only = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine
