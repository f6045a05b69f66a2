"""At start, a schema the migrations did not make is refused by name (issue 17, item 2):
an extra trigger, view, index, table or column, or a missing index, on both engines."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db.migrate import check_schema
from db.schema_exact import engine_differences
from desktop_app.domain.errors import DatabaseError

EDITS = {
    "trigger evil": {
        "sqlite": "CREATE TRIGGER evil AFTER INSERT ON tickets BEGIN "
                  "UPDATE users SET role = 'admin'; END",
        "postgresql": "CREATE FUNCTION evil_f() RETURNS trigger LANGUAGE plpgsql AS "
                      "$$ BEGIN UPDATE users SET role = 'admin'; RETURN NEW; END $$; "
                      "CREATE TRIGGER evil AFTER INSERT ON tickets FOR EACH ROW "
                      "EXECUTE FUNCTION evil_f()",
    },
    "view everyone": "CREATE VIEW everyone AS SELECT username FROM users",
    "index ix_spy": "CREATE INDEX ix_spy ON users (name)",
    "table spy": "CREATE TABLE spy (x INTEGER)",
    "column users.spy": "ALTER TABLE users ADD COLUMN spy TEXT",
    "missing index ix_audit_log_entity": "DROP INDEX ix_audit_log_entity",
}  # fmt: skip


def test_the_migrations_schema_has_no_differences(engine):
    assert engine_differences(engine) == []
    check_schema(engine)


@pytest.mark.parametrize("what", list(EDITS))
def test_a_changed_schema_is_refused_at_start_naming_it(engine, what):
    sql = EDITS[what]
    if isinstance(sql, dict):
        sql = sql[engine.dialect.name]
    with engine.begin() as conn:
        conn.execute(text(sql))
    with pytest.raises(DatabaseError) as refused:
        check_schema(engine)
    assert what.removeprefix("missing ") in refused.value.message
