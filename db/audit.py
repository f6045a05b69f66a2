"""Writing and verifying the hash-chained audit trail."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, TextClause, bindparam, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.models import AuditEntry, AuditHead
from desktop_app.domain.audit_chain import (
    GENESIS,
    canonical_json,
    entry_hash,
    stored_at_iso,
    text_entry_hash,
)
from desktop_app.domain.errors import DatabaseError

HEAD_ID = 1


def iso(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


_HEAD = AuditHead.metadata.tables[AuditHead.__tablename__]
_LOG = AuditEntry.metadata.tables[AuditEntry.__tablename__]
# Built once: the writer's three statements are compiled once per engine (SQLAlchemy's
# statement cache), not rebuilt for every user action.
_LOCK = select(_HEAD.c.last_seq, _HEAD.c.last_hash).where(_HEAD.c.id == HEAD_ID).with_for_update()
_LOCK_WITH_NOW = _LOCK.add_columns(func.now())
_INSERT = insert(_LOG)
_MOVE_HEAD = (
    update(_HEAD)
    .where(_HEAD.c.id == HEAD_ID)
    .values(last_seq=bindparam("new_seq"), last_hash=bindparam("new_hash"))
)


@functools.cache
def _append_pg() -> Any:
    """PostgreSQL takes the entry and the head's move in one statement (an INSERT in a WITH
    clause): one round trip less on every write. Its parameters are the entry's columns
    prefixed "e_"."""
    entry = insert(_LOG).values({c.name: bindparam(f"e_{c.name}", type_=c.type) for c in _LOG.c})
    return _MOVE_HEAD.add_cte(entry.cte("entry"))


@dataclass
class Head:
    """The chain's head as this transaction holds it locked: the last sequence number and
    hash, moved on by every entry the transaction appends."""

    seq: int
    hash: str


def lock_head(conn: Connection, server_now: bool = False) -> tuple[Head, dt.datetime | None]:
    """Lock the chain head for this transaction (a no-op lock on SQLite, where BEGIN
    IMMEDIATE has already serialised writers). With ``server_now``, the same statement also
    reads the server's clock (the transaction's start), saving a round trip."""
    row = conn.execute(_LOCK_WITH_NOW if server_now else _LOCK).first()
    if row is None:
        # The migration creates it; without it nothing can be audited, so nothing changes.
        raise DatabaseError(
            "ไม่พบจุดต่อท้ายของบันทึกตรวจสอบ: เรียก khetdesk audit verify "
            "(the audit trail's head row is missing; run 'khetdesk audit verify')"
        )
    return Head(row[0], row[1]), (row[2] if server_now else None)


def append(
    conn: Connection,
    head: Head,
    *,
    at: dt.datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before: Any,
    after: Any,
) -> None:
    """The next entry after ``head`` (locked by :func:`lock_head` in this transaction), and
    the head moved on to it."""
    seq = head.seq + 1
    before_json, after_json = canonical_json(before), canonical_json(after)
    digest = entry_hash(
        head.hash, seq, iso(at), actor, action, entity, entity_id, before_json, after_json
    )
    row = {"id": seq, "at": at, "actor": actor, "action": action, "entity": entity,
           "entity_id": entity_id, "before_json": before_json, "after_json": after_json,
           "prev_hash": head.hash, "hash": digest}  # fmt: skip
    if conn.dialect.name == "postgresql":
        conn.execute(_append_pg(), {"new_seq": seq, "new_hash": digest,
                                  **{f"e_{k}": v for k, v in row.items()}})  # fmt: skip
    else:
        conn.execute(_INSERT, row)
        conn.execute(_MOVE_HEAD, {"new_seq": seq, "new_hash": digest})
    head.seq, head.hash = seq, digest


@dataclass(frozen=True)
class Mismatch:
    """An audited field whose stored value differs from the state after the entity's latest
    audit entry (``table`` None: the row is gone; ``trail`` None: no entry made the row)."""

    entity: str
    id: str
    field: str
    table: Any
    trail: Any


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    entries: int
    first_bad: int | None
    reason: str | None
    mismatches: tuple[Mismatch, ...] = ()


STREAM = 5000


def streamed(
    conn: Connection, stmt: TextClause, params: dict[str, Any] | None = None
) -> Iterator[Any]:
    """The rows of ``stmt`` fetched :data:`STREAM` at a time: a server-side cursor on
    PostgreSQL, ``fetchmany`` on SQLite; memory stays flat however many rows there are.

    The batch size is set on the result itself: SQLAlchemy ignores the ``yield_per``
    execution option for ``text()`` statements, and ``partitions()`` without a size then
    fetches every row at once (psycopg) or one at a time (sqlite3). The option is set on
    the statement, not on ``conn``: ``Connection.execution_options`` changes the connection
    in place, which would put every later lookup on a server-side cursor of its own.
    A caller that may stop early closes the generator (``contextlib.closing``)."""
    result = conn.execute(stmt.execution_options(stream_results=True), params)
    try:
        for part in result.yield_per(STREAM).partitions():
            yield from part
    finally:  # a caller that stops early closes the server-side cursor with the generator
        result.close()


def _raw_rows(conn: Connection) -> Generator[tuple[Any, ...]]:
    """The stored values, unconverted: no type of ours runs on them, so nothing written into
    the table can make the scan fail. Read on the driver's own cursor, in ``conn``'s
    transaction: the rows are the driver's tuples, without a SQLAlchemy row around each of
    a million. A driver error is raised as SQLAlchemy's (what UnitOfWork translates for
    the user).

    PostgreSQL streams the result :data:`STREAM` rows a chunk (psycopg's ``stream`` in
    libpq's chunked-rows mode): the server sends the rows without waiting to be asked, so
    it reads and formats them while this process hashes the ones before; a server-side
    cursor's FETCH per batch left the server idle while the client hashed and the client
    idle while the server fetched (twice the wall time of a stream at 1,000,000 entries).
    Memory stays flat all the same: libpq reads from the socket only as chunks are taken.
    SQLite reads :data:`STREAM` rows a ``fetchmany``."""
    pg = conn.dialect.name == "postgresql"
    at = "to_char(at, 'YYYY-MM-DD HH24:MI:SS.US')" if pg else "at"
    sql = (
        f"SELECT id, {at} AS at, actor, action, entity, entity_id, before_json, after_json, "
        "prev_hash, hash FROM audit_log ORDER BY id"
    )
    dbapi: Any = conn.connection.dbapi_connection
    driver_error: type[Exception] = conn.dialect.loaded_dbapi.Error
    try:
        cursor = dbapi.cursor()
    except driver_error as e:
        raise DBAPIError.instance(sql, None, e, driver_error) from e
    try:
        if pg:
            yield from _pg_stream(cursor, sql, driver_error)
            return
        try:
            cursor.execute(sql)
            rows = cursor.fetchmany(STREAM)
        except driver_error as e:
            raise DBAPIError.instance(sql, None, e, driver_error) from e
        while rows:
            yield from rows
            try:
                rows = cursor.fetchmany(STREAM)
            except driver_error as e:
                raise DBAPIError.instance(sql, None, e, driver_error) from e
    finally:  # also when the scan stops early: the caller closes the generator
        cursor.close()


def _pg_stream(cursor: Any, sql: str, driver_error: type[Exception]) -> Generator[Any]:
    """psycopg's ``stream``, finished whatever the caller does. Closed early, psycopg would
    cancel the query, and the cancelled statement would abort the whole read transaction
    (the reconciliation after the chain runs in it), or the cancel could arrive late and hit
    the next statement: instead the rest of the result is read and dropped — the slow path
    only when the chain is already broken."""
    rows = cursor.stream(sql, size=STREAM)
    try:
        # Not ``yield from``: it would close ``rows`` (psycopg's cancel) when this closes.
        for row in rows:  # noqa: UP028
            yield row
    except GeneratorExit:
        try:
            for _ in rows:
                pass
        except driver_error as e:
            raise DBAPIError.instance(sql, None, e, driver_error) from e
        raise
    except driver_error as e:
        raise DBAPIError.instance(sql, None, e, driver_error) from e


def _head(conn: Connection) -> tuple[Any, Any] | None:
    row = conn.execute(
        text("SELECT last_seq, last_hash FROM audit_head WHERE id = :id"), {"id": HEAD_ID}
    ).first()
    return None if row is None else (row[0], row[1])


def _scan(rows: Iterator[Any]) -> VerifyResult | tuple[int, str]:
    """Walk the chain over ``rows`` (oldest first): the first bad entry as a result (its
    ``entries`` still 0), or the newest entry's id and hash when every entry holds."""
    prev, expected = GENESIS, 1
    for row in rows:
        eid, at, actor, action, entity, entity_id, before, after, prev_hash, digest = row
        if eid != expected or type(eid) is not int:
            if not isinstance(eid, int) or eid > expected:
                return VerifyResult(False, 0, expected, f"entry {expected} is missing")
            if eid < expected:  # not possible with a primary key; kept for a damaged file
                return VerifyResult(False, 0, expected, f"entry {eid} appears twice")
        at_iso = stored_at_iso(at)
        if at_iso is None or not (
            type(actor) is str
            and type(action) is str
            and type(entity) is str
            and type(entity_id) is str
            and type(before) is str
            and type(after) is str
            and type(prev_hash) is str
            and type(digest) is str
        ):
            return VerifyResult(False, 0, eid, "a stored value is not one the program writes")
        if prev_hash != prev:
            return VerifyResult(False, 0, eid, "link to the previous entry is broken")
        # text_entry_hash: entry_hash without its type checks, made just above (an id
        # that equals its number without being an int, a bool, takes entry_hash's way)
        hashed = text_entry_hash if type(eid) is int else entry_hash
        if hashed(prev, eid, at_iso, actor, action, entity, entity_id, before, after) != digest:
            return VerifyResult(False, 0, eid, "content does not match its hash")
        prev, expected = digest, expected + 1
    return expected - 1, prev


def verify(session: Session | Connection) -> VerifyResult:
    """Recompute the chain from the stored values. ``first_bad`` is the id of the first entry
    that was edited (any column, any value: wrong types, NULL, unreadable dates), deleted
    (the missing id) or moved; ``entries`` is how many entries there are. The head row
    vouches for the newest entry: a head that is missing or unreadable names entry 1, one
    that claims more entries than there are names the first missing id, one that claims
    fewer names the first entry it does not cover, one whose hash differs names the newest.

    Run it in one snapshot (UnitOfWork.read), so that a commit during the scan is not
    mistaken for tampering. Memory stays flat: rows are streamed."""
    conn = session.connection() if isinstance(session, Session) else session
    total = int(conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one())

    def bad(first: int, reason: str) -> VerifyResult:
        return VerifyResult(False, total, first, reason)

    head = _head(conn)
    if head is None or not isinstance(head[0], int) or not isinstance(head[1], str):
        return bad(1, "the chain's head row is missing or unreadable")
    last_seq: int = head[0]
    last_hash: str = head[1]
    with contextlib.closing(_raw_rows(conn)) as rows:
        outcome = _scan(rows)
    if isinstance(outcome, VerifyResult):
        return dataclasses.replace(outcome, entries=total)
    last, prev = outcome
    expected = last + 1
    if last_seq > last:
        return bad(expected, f"entry {expected} is missing (the newest entries were removed)")
    if last_seq < last:
        return bad(max(last_seq, 0) + 1, "entries after the chain's head were added")
    if last_hash != prev:
        return bad(max(last, 1), "the chain's head does not match the newest entry")
    return VerifyResult(True, total, None, None)
