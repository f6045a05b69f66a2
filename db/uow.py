"""Unit of work (Cosmic Python, chapter 6): one transaction per user action, rolled back
unless the service commits it, with the audit entry written in the same transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from db import audit
from db.engine import WRITE_OPTION
from db.errors import translate
from desktop_app.domain.thai_time import utc_now

Clock = Callable[[], dt.datetime]


class Transaction:
    def __init__(self, session: Session, clock: Clock, writable: bool) -> None:
        self.session = session
        self.writable = writable
        self._clock = clock
        self.committed = False

    def now(self) -> dt.datetime:
        return self._clock()

    def audit(
        self,
        actor: str,
        action: str,
        entity: str,
        entity_id: object,
        before: Any = None,
        after: Any = None,
    ) -> None:
        if not self.writable:
            raise RuntimeError("audit entry in a read-only transaction")
        audit.append(
            self.session,
            at=self.now(),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            before=before,
            after=after,
        )

    def commit(self) -> None:
        self.session.commit()
        self.committed = True


class UnitOfWork:
    """Hands out transactions on one engine. Writers are serialised: BEGIN IMMEDIATE on
    SQLite, a row lock on the audit chain's head on PostgreSQL."""

    def __init__(self, engine: Engine, clock: Clock = utc_now) -> None:
        self.engine = engine
        self.clock = clock

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Transaction]:
        with self._transaction(writable=True) as tx:
            audit.lock_head(tx.session)
            yield tx

    @contextmanager
    def read(self) -> Iterator[Transaction]:
        with self._transaction(writable=False) as tx:
            yield tx

    @contextmanager
    def _transaction(self, writable: bool) -> Iterator[Transaction]:
        try:
            conn: Connection = self.engine.connect()
        except sa_exc.DBAPIError as e:
            raise (translate(e) or e) from e
        try:
            if writable:
                conn = conn.execution_options(**{WRITE_OPTION: True})
            session = Session(bind=conn, expire_on_commit=False, autoflush=True)
            tx = Transaction(session, self.clock, writable)
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


def _quiet_rollback(session: Session) -> None:
    # If the connection is gone the server has rolled back already.
    with contextlib.suppress(sa_exc.DBAPIError):
        session.rollback()
