"""Shared fixtures. Database tests run twice: on a real SQLite file and on a real
PostgreSQL server that this test run starts (tests/support/pg_server.py)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from db import migrate
from db.engine import make_engine
from db.uow import UnitOfWork
from tests.support.db import FakeClock
from tests.support.pg_server import PgServer, find_pg_bindir

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KHETDESK_PC", "test-pc")
ENGINES = ["sqlite", "postgresql"]
PG_TEMPLATE = "khetdesk_template"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | None]:
    if find_pg_bindir() is None:
        if os.environ.get("KHETDESK_REQUIRE_PG"):
            pytest.fail("PostgreSQL server binaries are missing (make test installs them)")
        yield None
        return
    server = PgServer()
    server.start()
    engine = make_engine(server.create_database(PG_TEMPLATE))
    migrate.upgrade(engine)
    engine.dispose()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "khetdesk.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return path


def _new_database(kind: str, tmp_path: Path, pg_server: PgServer | None, template: Path) -> str:
    """A fresh database at the current schema, empty but for the audit head."""
    if kind == "sqlite":
        path = tmp_path / "khetdesk.db"
        shutil.copy(template, path)
        return f"sqlite:///{path}"
    if pg_server is None:
        pytest.skip("PostgreSQL server binaries are not installed")
    return pg_server.create_database(f"t_{uuid.uuid4().hex[:12]}", template=PG_TEMPLATE)


@pytest.fixture(params=ENGINES)
def db_url(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    pg_server: PgServer | None,
    sqlite_template: Path,
) -> Iterator[str]:
    if request.param == "postgresql":
        request.applymarker(pytest.mark.postgres)
    url = _new_database(request.param, tmp_path, pg_server, sqlite_template)
    yield url
    if request.param == "postgresql" and pg_server is not None:
        pg_server.drop_database(url.rsplit("/", 1)[1])


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def uow(engine: Engine, clock: FakeClock) -> UnitOfWork:
    return UnitOfWork(engine, clock=clock)


@pytest.fixture
def office(uow: UnitOfWork) -> UnitOfWork:
    """The demo office: services A B C D (code = ticket prefix), counters 1–4, one user per role."""
    from desktop_app.services.setup import init_database

    init_database(uow.engine, demo=True)
    return uow
