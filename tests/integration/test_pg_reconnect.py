"""PostgreSQL without pool pre-ping: a pooled connection whose server backend died (server
restarted, backend terminated, network dropped) costs the user nothing, because the
transaction's first statement runs once more on a fresh connection (db/uow.py). A server
that kills the fresh connection too gives the usual translated error and changes nothing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, event, func, select
from sqlalchemy.pool import QueuePool

from db.engine import make_engine
from db.models import Ticket
from db.uow import UnitOfWork
from desktop_app.domain.errors import DatabaseError
from desktop_app.services import audit as audit_service
from desktop_app.services import tickets
from desktop_app.services.setup import init_database
from tests.support.db import actor, snapshot
from tests.support.pg_server import PgServer

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url(pg_server: PgServer | None) -> Iterator[str]:
    if pg_server is None:
        pytest.skip("PostgreSQL server binaries are not installed")
    name = f"t_{uuid.uuid4().hex[:12]}"
    url = pg_server.create_database(name, template="khetdesk_template")  # tests/conftest.py
    yield url
    pg_server.drop_database(name)


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    init_database(engine, demo=True)
    yield engine
    engine.dispose()


def terminate_all(pg_server: PgServer, dbname: str) -> int:
    """Every backend of ``dbname`` terminated from a separate superuser connection, waited
    for (the second argument) so that the next statement certainly meets a dead one."""
    with psycopg.connect(
        host="127.0.0.1", port=pg_server.port, user="postgres", dbname=dbname, autocommit=True
    ) as killer:
        rows = killer.execute(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return len(rows)


def dbname(engine: Engine) -> str:
    name = engine.url.database
    assert name
    return name


def test_a_write_after_every_backend_was_terminated_succeeds_once(
    pg_server: PgServer, pg_engine: Engine
) -> None:
    uow = UnitOfWork(pg_engine)  # the server's clock, as in production
    clerk = actor(uow, "clerk1")
    assert tickets.issue_ticket(uow, clerk, "A").code == "A001"
    # Two pooled connections, as a GUI's threads leave behind: the retry must not be
    # handed the other dead one (the disconnect invalidates the whole pool).
    with pg_engine.connect(), pg_engine.connect():
        pass
    assert isinstance(pg_engine.pool, QueuePool) and pg_engine.pool.checkedin() == 2
    assert terminate_all(pg_server, dbname(pg_engine)) == 2
    assert tickets.issue_ticket(uow, clerk, "A").code == "A002"
    with uow.read() as tx:
        numbers = tx.session.execute(select(Ticket.number).order_by(Ticket.id)).scalars().all()
    assert numbers == [1, 2]  # nothing lost, nothing doubled
    assert audit_service.verify(uow).ok


def test_a_read_after_every_backend_was_terminated_succeeds(
    pg_server: PgServer, pg_engine: Engine
) -> None:
    uow = UnitOfWork(pg_engine)
    clerk = actor(uow, "clerk1")
    tickets.issue_ticket(uow, clerk, "B")
    revision = tickets.queue_revision(uow)
    # The board (queue_status) and the windows' poll (queue_revision) are reads.
    assert terminate_all(pg_server, dbname(pg_engine)) >= 1
    status = tickets.queue_status(uow)
    assert {q.code: q.next for q in status.services}["B"] == ("B001",)
    assert terminate_all(pg_server, dbname(pg_engine)) >= 1
    assert tickets.queue_revision(uow) == revision


@pytest.mark.parametrize("writable", [True, False], ids=["write", "read"])
def test_a_second_dead_connection_is_the_translated_error_and_changes_nothing(
    pg_server: PgServer, pg_engine: Engine, writable: bool
) -> None:
    uow = UnitOfWork(pg_engine)
    clerk = actor(uow, "clerk1")
    tickets.issue_ticket(uow, clerk, "A")
    before = snapshot(pg_engine)
    killed = []

    def kill_the_fresh_one(_dbapi_conn: Any, _record: Any) -> None:
        killed.append(terminate_all(pg_server, dbname(pg_engine)))

    terminate_all(pg_server, dbname(pg_engine))
    # The retry's connection is the next one the pool opens: it dies too.
    event.listen(pg_engine, "connect", kill_the_fresh_one, once=True)
    with pytest.raises(DatabaseError, match="database unavailable"):
        if writable:
            tickets.issue_ticket(uow, clerk, "A")
        else:
            tickets.queue_status(uow)
    assert killed == [1]  # one retry, on one fresh connection
    # The next action reconnects, and the failed one left no trace.
    assert snapshot(pg_engine) == before
    with uow.read() as tx:
        assert tx.session.scalar(select(func.count()).select_from(Ticket)) == 1
    assert tickets.issue_ticket(uow, clerk, "A").code == "A002"
