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
    # PostgreSQL's column type refuses garbage; 'infinity' is a timestamp no driver reads.
    sqlite = busy_office.startswith("sqlite")
    garbage = "'2026-12-01 21:15:00.627101x'" if sqlite else "'infinity'"
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
            "CREATE TRIGGER evil AFTER INSERT ON tickets BEGIN UPDATE users SET role = 'admin'; END"
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


def test_backup_run_verify_list_through_the_program(office_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "made" / "here"
    made = admin(office_url, "backup", "run", "--dir", str(folder))
    assert made.code == 0, made.err
    answer = json.loads(made.out)
    assert answer["verified"] is True and answer["removed"] == []
    file = Path(answer["file"])
    assert file.is_absolute() and file.parent == folder.resolve() and file.is_file()

    listed = run(office_url, "backup", "list", "--dir", str(folder))
    assert listed.code == 0 and [b["file"] for b in json.loads(listed.out)["backups"]] == [
        str(file)
    ]
    good = run(office_url, "backup", "verify", str(file))  # no login
    assert good.code == 0 and json.loads(good.out)["ok"] is True
    assert json.loads(good.out)["reason"] is None

    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(file.read_bytes()[:5000])
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"not a database at all" * 100)
    for bad in (truncated, foreign, tmp_path / "missing.db"):
        checked = run(office_url, "backup", "verify", str(bad))
        assert checked.code == 3, (bad, checked.err)
        verdict = json.loads(checked.out)
        assert verdict["ok"] is False and verdict["reason"], bad

    refused = clerk(office_url, "backup", "run", "--dir", str(folder))
    assert refused.code == 4 and json.loads(refused.err)["error"] == "forbidden"
    assert run(office_url, "backup", "verify").code == 2
    # The old form still works: a copy to the named file.
    old = run(office_url, "backup", str(tmp_path / "copy.db"))
    assert old.code == 0 and (tmp_path / "copy.db").is_file()
