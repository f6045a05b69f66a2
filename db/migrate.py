"""Schema creation and upgrade with Alembic, and the check that refuses a database newer
than this program."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from desktop_app.domain.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_ASSIGNED = re.compile(r"^(revision|down_revision)\b[^=]*=\s*['\"]?([\w]+)['\"]?", re.M)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@functools.cache
def _head_from_files() -> str | None:
    """The head revision read from the migration files' text, without importing Alembic (every
    command checks it; `tests/integration/test_schema.py` holds it equal to Alembic's)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = {m.group(1): m.group(2) for m in _ASSIGNED.finditer(text)}
        if "revision" in found:
            revisions.add(found["revision"])
            parents.add(found.get("down_revision", "None"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(engine: Engine) -> str | None:
    """alembic_version's one row, in one query; None when it cannot be read that way."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    return any(r.revision == revision for r in script.walk_revisions())


def _refuse_newer(revision: str | None) -> None:
    if revision is not None and not _known(revision):
        raise DatabaseError(
            "ฐานข้อมูลนี้สร้างโดย KhetDesk รุ่นใหม่กว่าโปรแกรมนี้ กรุณาปรับรุ่นโปรแกรม "
            f"(the database is at schema '{revision}', newer than this KhetDesk; upgrade the "
            "program, nothing was changed)"
        )


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Create or upgrade the schema to head. Returns (before, after) revisions."""
    from alembic import command

    before = current_revision(engine)
    _refuse_newer(before)
    with engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    from db.schema_exact import warm_cache

    warm_cache()  # `init` builds the reference schema now, so no later command needs Alembic
    return before, head_revision()


def check_schema(engine: Engine) -> None:
    """Every command but `init` runs on a database at exactly this program's schema: the
    revision, and then every table, column, index, view and trigger (db.schema_exact) —
    a changed schema is refused, naming what differs."""
    head = _head_from_files()
    if head is None or _stored_revision(engine) != head:
        _check_revision(engine)
    from db.schema_exact import describe, engine_differences

    diffs = engine_differences(engine)
    if diffs:
        raise DatabaseError(
            "โครงสร้างฐานข้อมูลไม่ตรงกับของโปรแกรม ไม่ได้ทำรายการใด "
            f"(the database's schema differs from this program's: {describe(diffs)}; "
            "nothing was done)"
        )


def _check_revision(engine: Engine) -> None:
    revision = current_revision(engine)
    _refuse_newer(revision)
    if revision is None:
        has_tables = bool(inspect(engine).get_table_names())
        hint = "ไม่ใช่ฐานข้อมูล KhetDesk" if has_tables else "ยังไม่ได้ตั้งค่า"
        raise DatabaseError(
            f"ฐานข้อมูล{hint}: เรียก khetdesk init ก่อน "
            "(database is not initialised: run 'khetdesk init')"
        )
    if revision != head_revision():
        raise DatabaseError(
            "ฐานข้อมูลเป็นรุ่นเก่า: เรียก khetdesk init เพื่อปรับรุ่น "
            f"(database schema '{revision}' is older than this program: run 'khetdesk init')"
        )
