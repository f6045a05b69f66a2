"""End-to-end fixtures: the real program in a subprocess, on the demo office, on a real
SQLite file and on the PostgreSQL server the test session starts.

`office_url` is a fresh demo office per test (on `db_url`), for tests that change data.
`shared_office` is one demo office per test module and engine, for the many refusals:
they may not change a row (each batch proves it with a snapshot), so they can share it,
and the suite stays fast even though every command is a Python start-up.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services import tickets
from tests.conftest import PG_TEMPLATE
from tests.e2e.runner import run
from tests.support.db import actor
from tests.support.pg_server import PgServer


@pytest.fixture(scope="module", autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The program's error log (written on exit 1) and default database go under tmp, not
    the real home. Module-scoped so that it is in place before `shared_office`, and undone
    before tests outside this folder run."""
    home = tmp_path_factory.mktemp("xdg")
    with pytest.MonkeyPatch.context() as mp:
        for var in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            mp.setenv(var, str(home / var.lower()))
        mp.delenv("KHETDESK_DB", raising=False)
        mp.delenv("KHETDESK_PASSWORD", raising=False)
        mp.setenv("KHETDESK_PC", "test-pc")
        yield


def init_demo(url: str) -> str:
    """`khetdesk init --demo`: services A B C D (code = ticket prefix), counters 1–4 (1 and 2
    serve A+B, 3 C, 4 D+C), users admin, clerk1, clerk2, supply, supplyhead,
    director, staff1 (password demo)."""
    result = run(url, "init", "--demo")
    assert result.code == 0, result.err
    return url


def make_busy(url: str) -> None:
    """A001 called to counter 1; A002 and C001 waiting. Set up through the
    service layer in this process: it is not what is under test, and it is much faster."""
    engine = make_engine(url)
    try:
        uow = UnitOfWork(engine)
        clerk1 = actor(uow, "clerk1")
        for service in ("A", "A", "C"):
            tickets.issue_ticket(uow, clerk1, service)
        called = tickets.call_next(uow, clerk1, 1)
        assert called is not None and called.code == "A001"
    finally:
        engine.dispose()


@pytest.fixture
def office_url(db_url: str) -> str:
    """A fresh demo office for this test."""
    return init_demo(db_url)


@pytest.fixture
def busy_office(office_url: str) -> str:
    make_busy(office_url)
    return office_url


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def shared_office(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    pg_server: PgServer | None,
    sqlite_template: Path,
) -> Iterator[str]:
    """One busy demo office per module and engine (built like `db_url` builds its
    databases), for tests that only run refused commands."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("e2e") / "khetdesk.db"
        shutil.copy(sqlite_template, path)
        url = f"sqlite:///{path}"
    else:
        if pg_server is None:
            pytest.skip("PostgreSQL server binaries are not installed")
        url = pg_server.create_database(f"e2e_{uuid.uuid4().hex[:12]}", template=PG_TEMPLATE)
    init_demo(url)
    make_busy(url)
    yield url
    if pg_server is not None and request.param == "postgresql":
        pg_server.drop_database(url.rsplit("/", 1)[1])


@pytest.fixture(scope="module")
def shared_engine(shared_office: str) -> Iterator[Engine]:
    engine = make_engine(shared_office)
    yield engine
    engine.dispose()
