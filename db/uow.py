"""Unit of work (Cosmic Python, chapter 6): one transaction per user action, rolled back
unless the service commits it, with the audit entry written in the same transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from db import audit
from db.engine import WRITE_OPTION
from db.errors import translate
from desktop_app.domain.thai_time import utc_now

Clock = Callable[[], dt.datetime]


class Transaction:
    def __init__(self, session: Session, clock: Clock | None, writable: bool) -> None:
        self.session = session
        self.writable = writable
        self._clock = clock
        self._server_now: dt.datetime | None = None
        self._head: audit.Head | None = None
        self._conn: Connection | None = None
        if writable:
            head, server_now = audit.lock_head(self.connection(), server_now=clock is None)
            self._head = head
            if server_now is not None:
                self._server_now = server_now.astimezone(dt.UTC)
        elif session.get_bind().dialect.name == "postgresql":
            # A PostgreSQL reader's first statement runs here, as a writer's does (the lock
            # above), so that a dead pooled connection fails before the caller has done
            # anything and UnitOfWork can retry on a fresh one. It costs the round trip the
            # pool's pre-ping used to, and reads the server's clock, which most readers ask
            # for (now()) anyway.
            server_now = self._server_clock()
            if clock is None:
                self._server_now = server_now

    def connection(self) -> Connection:
        """The transaction's connection, for SQLAlchemy Core statements on a hot path (the
        session's, begun by the session: its commit commits what runs here)."""
        if self._conn is None:
            self._conn = self.session.connection()
        return self._conn

    def now(self) -> dt.datetime:
        """The injected clock, else the database server's: every PC sharing a PostgreSQL
        server then agrees on the time and the business day, whatever its own clock says."""
        if self._clock is not None:
            return self._clock()
        if self._server_now is None:  # read first thing on PostgreSQL (__init__): a fallback
            self._server_now = self._server_clock()
        return self._server_now

    def _server_clock(self) -> dt.datetime:
        # now() is the transaction's start: one instant for the whole user action.
        value = self.session.scalar(select(func.now()))
        assert isinstance(value, dt.datetime)
        return value.astimezone(dt.UTC)

    def audit(
        self,
        actor: str,
        action: str,
        entity: str,
        entity_id: object,
        before: Any = None,
        after: Any = None,
    ) -> None:
        if self._head is None:
            raise RuntimeError("audit entry in a read-only transaction")
        # What the ORM holds goes first, as the entry describes it.
        self.session.flush()
        audit.append(
            self.connection(),
            self._head,
            at=self.now(),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            before=before,
            after=after,
        )

    def commit(self) -> None:
        self._conn = None
        self.session.commit()


class UnitOfWork:
    """Hands out transactions on one engine. Writers are serialised: BEGIN IMMEDIATE on
    SQLite, a row lock on the audit chain's head on PostgreSQL. Readers see one consistent
    snapshot (a read transaction in WAL mode; REPEATABLE READ on PostgreSQL)."""

    def __init__(self, engine: Engine, clock: Clock | None = None) -> None:
        self.engine = engine
        # SQLite lives on this PC, so this PC's clock is the database's clock; on
        # PostgreSQL, None means "ask the server" (Transaction.now).
        if clock is None and engine.dialect.name != "postgresql":
            clock = utc_now
        self.clock = clock

    @contextmanager
    def write(self) -> Iterator[Transaction]:
        with self._transaction(writable=True) as tx:  # the audit head is locked first
            yield tx

    @contextmanager
    def read(self) -> Iterator[Transaction]:
        with self._transaction(writable=False) as tx:
            yield tx

    @contextmanager
    def _transaction(self, writable: bool) -> Iterator[Transaction]:
        conn, session, tx = self._begin(writable, retry=self.engine.dialect.name == "postgresql")
        try:
            try:
                yield tx
            except sa_exc.DBAPIError as e:
                _quiet_rollback(session)
                raise (translate(e) or e) from e
            finally:
                # Closing without commit rolls the transaction back; unlike rollback()
                # it leaves loaded attributes readable on the detached objects.
                session.close()
        finally:
            conn.close()

    def _begin(self, writable: bool, retry: bool) -> tuple[Connection, Session, Transaction]:
        """A connection, its session and the transaction's first statement (Transaction).

        PostgreSQL has no pool pre-ping (a round trip on every checkout, db/engine.py), so a
        pooled connection may be dead (server restarted, backend terminated, network
        dropped). The first statement finds out: SQLAlchemy marks the error
        ``connection_invalidated`` and discards the pool's older connections, and since
        nothing has happened in this transaction yet it runs once more on a fresh one.
        Only once: a server that is really gone is reported, not waited for."""
        try:
            conn: Connection = self.engine.connect()
        except sa_exc.DBAPIError as e:
            raise (translate(e) or e) from e
        session: Session | None = None
        try:
            if writable:
                conn = conn.execution_options(**{WRITE_OPTION: True})
            elif self.engine.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            session = Session(bind=conn, expire_on_commit=False, autoflush=True)
            return conn, session, Transaction(session, self.clock, writable)
        except BaseException as e:
            if session is not None:
                _quiet_rollback(session)
                session.close()
            conn.close()
            if not isinstance(e, sa_exc.DBAPIError):
                raise
            if retry and e.connection_invalidated:
                return self._begin(writable, retry=False)
            raise (translate(e) or e) from e


def _quiet_rollback(session: Session) -> None:
    # If the connection is gone the server has rolled back already.
    with contextlib.suppress(sa_exc.DBAPIError):
        session.rollback()
