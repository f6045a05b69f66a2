"""Migrations: `init` creates and upgrades the schema, the migrations match the models, and
a database newer than the program is refused without being touched."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from db import migrate
from db.engine import make_engine
from db.models import Base
from db.uow import UnitOfWork
from desktop_app.domain.errors import AuthError, DatabaseError, Forbidden
from desktop_app.services.auth import authenticate
from desktop_app.services.setup import init_database
from desktop_app.services.users import add_user, list_users
from tests.support.db import snapshot


def test_migrations_produce_exactly_the_models(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_init_is_idempotent(engine):
    first = init_database(engine, demo=True, admin="boss", admin_password="s3cret-pw")
    assert first.created_admin and first.demo_added
    before = snapshot(engine)
    again = init_database(engine, demo=True, admin="boss", admin_password="s3cret-pw")
    assert not again.created_admin and not again.demo_added and again.demo_skipped
    assert snapshot(engine) == before


def test_a_database_newer_than_the_program_is_refused_and_untouched(engine):
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    before = snapshot(engine)
    with pytest.raises(DatabaseError, match="newer"):
        migrate.check_schema(engine)
    with pytest.raises(DatabaseError, match="newer"):
        init_database(engine, demo=True)
    assert snapshot(engine) == before


def test_an_empty_database_asks_for_init(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(DatabaseError, match="khetdesk init"):
        migrate.check_schema(engine)
    init_database(engine)
    migrate.check_schema(engine)
    engine.dispose()


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    engine.dispose()


def test_init_is_no_way_round_the_login(engine):

    init_database(engine, admin="boss", admin_password="s3cret-pw")
    before = snapshot(engine)
    with pytest.raises(AuthError):
        init_database(engine, admin="mallory", admin_password="hunter22")
    uow = UnitOfWork(engine)
    users_before = {u.username for u in list_users(uow)}
    result = init_database(engine, demo=True)
    assert (result.demo_added, result.demo_skipped) == (False, True)
    assert snapshot(engine) == before
    # An administrator may add another administrator through init.
    boss = lambda: authenticate(uow, "boss", "s3cret-pw")  # noqa: E731
    deputy = init_database(engine, admin="deputy", admin_password="pw-12345x", login=boss)
    assert deputy.created_admin
    assert {u.username for u in list_users(uow)} == users_before | {"deputy"}
    add_user(uow, authenticate(uow, "boss", "s3cret-pw"), "c1", "clerk", "C", "pw-12345x")
    with pytest.raises(Forbidden):
        init_database(engine, admin="x2", admin_password="pw-12345x",
                      login=lambda: authenticate(uow, "c1", "pw-12345x"))  # fmt: skip
