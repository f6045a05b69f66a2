"""Is this database's schema exactly the one the migrations create? A table, column,
index, view or trigger that the migrations did not make (a trigger planted in a backup that
turns every user into an admin), or one that is missing, is named.

The reference is built by running the migrations on a private SQLite file, so it follows
every migration added later without a list to maintain. It is cached per program version
(a digest of the migration files) in the user's cache directory, so that a start-up only
reads the catalogue.

- An SQLite file is compared object by object, the SQL text of each included: a column's
  type, a CHECK or a trigger's body that differs is a difference.
- PostgreSQL is compared by name (tables, columns, indexes, views, triggers): its catalogue
  spells types differently from SQLite's, so names are what both engines share.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from sqlalchemy import Connection, Engine, text

MIGRATIONS = Path(__file__).parent / "migrations"
_SPACES = re.compile(r"\s+")
_process_cache: dict[str, dict[str, str]] = {}
_building = False


def _norm(sql: object) -> str:
    return _SPACES.sub(" ", str(sql or "")).strip()


def _norm_table(sql: object) -> str:
    """A CREATE TABLE with its column and constraint clauses in a stable order: Alembic's
    batch rebuild of a table on SQLite writes its constraints in no fixed order, so the same
    migrations can give the same table under two spellings."""
    text = _norm(sql)
    start, end = text.find("("), text.rfind(")")
    if start < 0 or end < start:
        return text
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text[start + 1 : end]:
        if ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        depth += (ch == "(") - (ch == ")")
        current.append(ch)
    parts.append("".join(current).strip())
    return f"{text[: start + 1]} {', '.join(sorted(parts))} {text[end:]}"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite_objects(conn: Connection, *, with_sql: bool) -> dict[str, str]:
    """``{"trigger evil": sql, "column users.role": "VARCHAR(20) NOT NULL", ...}``."""
    out: dict[str, str] = {}
    rows = conn.exec_driver_sql(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE substr(name, 1, 7) != 'sqlite_'"
    ).all()
    for kind, name, _table, sql in rows:
        if kind == "index" and sql is None:  # a UNIQUE or PRIMARY KEY's own index
            continue
        spelled = _norm_table(sql) if kind == "table" else _norm(sql)
        out[f"{kind} {name}"] = spelled if with_sql else ""
        if kind == "table":
            cols = conn.exec_driver_sql(f"PRAGMA table_xinfo({_quote(str(name))})").all()
            for col in cols:
                spec = f"{col[2]} notnull={col[3]} default={col[4]} pk={col[5]}"
                out[f"column {name}.{col[1]}"] = spec if with_sql else ""
    return out


def _pg_objects(conn: Connection) -> dict[str, str]:
    """By name, in the connection's current schema."""
    out: dict[str, str] = {}
    q = conn.execute
    for (name,) in q(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")):
        out[f"table {name}"] = ""
    for table, col in q(
        text(
            "SELECT c.table_name, c.column_name FROM information_schema.columns c "
            "JOIN information_schema.tables t ON t.table_schema = c.table_schema "
            "AND t.table_name = c.table_name "
            "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
        )
    ):
        out[f"column {table}.{col}"] = ""
    for (name,) in q(
        text(
            "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
            "JOIN pg_namespace n ON n.oid = i.relnamespace "
            "WHERE n.nspname = current_schema() "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)"
        )
    ):
        out[f"index {name}"] = ""
    for (name,) in q(text("SELECT viewname FROM pg_views WHERE schemaname = current_schema()")):
        out[f"view {name}"] = ""
    for (name,) in q(
        text("SELECT matviewname FROM pg_matviews WHERE schemaname = current_schema()")
    ):
        out[f"view {name}"] = ""
    for (name,) in q(
        text(
            "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND NOT t.tgisinternal"
        )
    ):
        out[f"trigger {name}"] = ""
    for (name,) in q(
        text("SELECT r.rulename FROM pg_rules r WHERE r.schemaname = current_schema()")
    ):
        out[f"rule {name}"] = ""
    return out


# Bumped whenever the way objects are spelled changes: a cached reference of another spelling
# must not be read.
SPELLING = b"2"


def migrations_digest() -> str:
    h = hashlib.sha256(SPELLING)
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _cache_file(digest: str) -> Path | None:
    try:
        import platformdirs

        folder = Path(platformdirs.user_cache_dir("KhetDesk", appauthor=False))
    except Exception:
        return None
    return folder / f"schema-{digest}.json"


def reference() -> dict[str, str]:
    """The SQLite schema the migrations create, object by object, with SQL text."""
    digest = migrations_digest()
    if digest in _process_cache:
        return _process_cache[digest]
    cache = _cache_file(digest)
    if cache is not None and cache.is_file():
        try:
            data = json.loads(cache.read_text("utf-8"))
            if isinstance(data, dict) and all(isinstance(v, str) for v in data.values()):
                _process_cache[digest] = data
                return data
        except (OSError, ValueError):
            pass
    from db import migrate
    from db.engine import make_engine, sqlite_url

    global _building
    with tempfile.TemporaryDirectory(prefix="khetdesk-schema-") as scratch:
        engine = make_engine(sqlite_url(Path(scratch) / "reference.db"))
        _building = True
        try:
            migrate.upgrade(engine)
            with engine.connect() as conn:
                data = _sqlite_objects(conn, with_sql=True)
        finally:
            _building = False
            engine.dispose()
    _process_cache[digest] = data
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(data, sort_keys=True), "utf-8")
            tmp.replace(cache)
        except OSError:
            pass
    return data


def warm_cache() -> None:
    """Build and cache the reference (after an upgrade, when Alembic is loaded anyway)."""
    if _building:
        return
    with contextlib.suppress(Exception):  # only a cache: a later check builds it again
        reference()


def differences(conn: Connection) -> list[str]:
    """What differs from the migrations' schema, e.g. ``["extra trigger evil",
    "missing index ix_tickets_queue", "table users is defined differently"]``; empty when
    the schema is exactly ours."""
    ref = reference()
    if conn.dialect.name == "sqlite":
        have = _sqlite_objects(conn, with_sql=True)
    else:
        have = _pg_objects(conn)
        ref = {k: "" for k in ref}
    out = [f"extra {k}" for k in sorted(have.keys() - ref.keys())]
    out += [f"missing {k}" for k in sorted(ref.keys() - have.keys())]
    out += [
        f"{k} is defined differently" for k in sorted(ref.keys() & have.keys()) if ref[k] != have[k]
    ]
    return out


def engine_differences(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return differences(conn)


def describe(diffs: list[str], limit: int = 6) -> str:
    """A short list for a message (at most ``limit`` items, then how many more)."""
    shown = ", ".join(diffs[:limit])
    more = len(diffs) - limit
    return shown + (f" (+{more} more)" if more > 0 else "")
