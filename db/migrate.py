"""Schema creation and upgrade with Alembic, and the check that refuses a database newer
than this program."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from desktop_app.domain.errors import DatabaseError

MIGRATIONS = Path(__file__).parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known(revision: str) -> bool:
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
    before = current_revision(engine)
    _refuse_newer(before)
    with engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return before, head_revision()


def check_schema(engine: Engine) -> None:
    """Every command but `init` runs on a database at exactly this program's schema."""
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
    from db.schema_exact import describe, engine_differences

    diffs = engine_differences(engine)
    if diffs:
        raise DatabaseError(
            "โครงสร้างฐานข้อมูลไม่ตรงกับของโปรแกรม ไม่ได้ทำรายการใด "
            f"(the database's schema differs from this program's: {describe(diffs)}; "
            "nothing was done)"
        )
