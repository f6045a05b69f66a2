"""PostgreSQL for the benchmarks: one throwaway server per `make bench` run.

The runner (``python -m tests.bench``) starts a :class:`~tests.support.pg_server.PgServer`
once and hands its port to every benchmark process in ``$KHETDESK_BENCH_PG_PORT`` (the
smoke test hands over the test session's server the same way). A benchmark module run on
its own, without that variable, starts a server of its own on first use.

Like the test suite's, the server runs with fsync off: PostgreSQL figures show what the
program adds on top of the server, not a production server's disk.
"""

from __future__ import annotations

import atexit
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import sql

from tests.support.pg_server import PgServer

PORT_ENV = "KHETDESK_BENCH_PG_PORT"
_own: PgServer | None = None


def _port() -> int:
    global _own
    if os.environ.get(PORT_ENV):
        return int(os.environ[PORT_ENV])
    if _own is None:
        _own = PgServer()
        _own.start()
        atexit.register(_own.stop)
    return _own.port


def _execute(port: int, query: sql.Composed) -> None:
    with psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres",
                         autocommit=True, connect_timeout=10) as conn:  # fmt: skip
        conn.execute(query)


@contextmanager
def postgres_database(label: str) -> Iterator[str]:
    """A new, empty database; its SQLAlchemy URL. Dropped afterwards."""
    port = _port()
    name = f"bench_{label}_{uuid.uuid4().hex[:8]}"
    _execute(port, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/{name}"
    finally:
        _execute(port, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))  # fmt: skip
