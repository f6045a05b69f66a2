"""Issue 17, reproductions 1 and 5, through the real program.

1. A stored audit time edited to garbage (or, on PostgreSQL, to a value the driver cannot
   turn into a datetime) made `audit verify` exit 1 with "internal". It must answer
   `ok: false` with the edited entry's id, exit 0.
5. A backup with a trigger planted in it was restored (exit 0), and the trigger then made
   every user an admin. `restore` and `backup verify` must refuse it (exit 3, naming the
   trigger) and leave the live database as it was.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.e2e.runner import admin, clerk, run
from tests.support.db import snapshot


def _sql(url: str, statement: str) -> None:
    """Raw SQL, as any database tool would run it, bypassing the program."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()


def test_audit_verify_reports_a_garbage_time_instead_of_crashing(busy_office: str) -> None:
    if busy_office.startswith("sqlite"):
        garbage = "'2026-12-01 21:15:00.627101x'"
    else:  # the column's type refuses garbage; 'infinity' is a timestamp no driver reads
        garbage = "'infinity'"
    _sql(busy_office, f"UPDATE audit_log SET at = {garbage} WHERE id = 3")
    result = run(busy_office, "audit", "verify")
    assert result.code == 0, result.err
    answer = json.loads(result.out)
    assert answer["ok"] is False and answer["first_bad"] == 3, answer


def test_audit_verify_reports_a_role_changed_behind_the_programs_back(busy_office: str) -> None:
    _sql(busy_office, "UPDATE users SET role = 'admin' WHERE username = 'clerk1'")
    result = run(busy_office, "audit", "verify")
    assert result.code == 0, result.err
    answer = json.loads(result.out)
    assert answer["ok"] is False and answer["first_bad"] is None, answer
    assert answer["mismatches"] == [
        {"entity": "user", "id": "clerk1", "field": "role", "table": "admin", "trail": "clerk"}
    ]


def test_restore_refuses_a_backup_with_a_planted_trigger(office_url: str, tmp_path: Path) -> None:
    copy = tmp_path / "office.db"
    made = admin(office_url, "backup", str(copy))
    assert made.code == 0, made.err
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute(
            "CREATE TRIGGER evil AFTER INSERT ON tickets BEGIN "
            "UPDATE users SET role = 'admin'; END"
        )
        conn.commit()
    engine = create_engine(office_url)
    try:
        before = snapshot(engine)
        restored = admin(office_url, "restore", str(copy))
        assert restored.code == 3, (restored.code, restored.out, restored.err)
        assert "evil" in json.loads(restored.err)["message"]
        assert snapshot(engine) == before
    finally:
        engine.dispose()
    # Nothing planted: a clerk's ticket leaves every role as it was.
    assert clerk(office_url, "ticket", "issue", "A").code == 0
    roles = json.loads(admin(office_url, "user", "list").out)["users"]
    assert sorted(u["role"] for u in roles).count("admin") == 1

    checked = run(office_url, "backup", "verify", str(copy))
    assert checked.code == 3
    answer = json.loads(checked.out)
    assert answer["ok"] is False and "evil" in answer["reason"]
