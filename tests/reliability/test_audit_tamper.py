"""Random tampering with raw SQL, on both engines (issue 17, item 1): a random cell of a
random audit row set to a wrong type, garbage or another plausible value; two ids swapped;
a row's content duplicated into another; a row deleted; the head row changed. `audit
verify` answers ``ok: false`` with the right ``first_bad`` every time and never raises.
Then random audited table cells changed behind the program's back: each is listed as a
mismatch naming the entity, its id and the field.

Each example runs in a transaction that is rolled back afterwards, on the same connection
the verifier reads (a snapshot that includes the edit), so one busy office serves them all.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, text

from desktop_app.services import loans, tickets
from desktop_app.services.audit import verify_connection
from tests.support.db import actor
from tests.support.loans import request

COLUMNS = ("at", "actor", "action", "entity", "entity_id", "before_json", "after_json",
           "prev_hash", "hash")  # fmt: skip
_HEALTH = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@pytest.fixture
def trail(office, clock):
    """A busy office: tickets issued, called, completed, transferred; a loan approved."""
    clerk = actor(office, "clerk1")
    for svc in ("A", "B", "A", "C", "A"):
        clock.advance(seconds=40)
        tickets.issue_ticket(office, clerk, svc)
    tickets.call_next(office, clerk, 1)
    tickets.complete(office, clerk, 1)
    tickets.call_next(office, clerk, 1)
    tickets.transfer(office, clerk, "B001", "A")
    loan = request(office, actor(office, "staff1"), place="on_premises")
    loans.approve_loan(office, actor(office, "supplyhead"), loan.loan_no)
    with office.engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
        assert verify_connection(conn).ok
    return office, n


def _values(pg: bool, column: str) -> st.SearchStrategy[tuple[str, dict[str, object]]]:
    """(SQL expression, params) for a new stored value of ``column``."""
    text_ = st.text(max_size=30)
    if pg:  # PostgreSQL stores no NUL character
        text_ = text_.filter(lambda t: "\x00" not in t)
    garbage = text_.map(lambda t: (":v", {"v": t}))
    if column == "at":
        cast = "CAST(:v AS TIMESTAMP)" if pg else ":v"
        dates = st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2090, 1, 1)).map(
            lambda d: (cast, {"v": d.strftime("%Y-%m-%d %H:%M:%S.%f")})
        )
        if pg:
            return dates | st.sampled_from([("'infinity'", {}), ("'-infinity'", {})])
        return dates | garbage | st.sampled_from([
            ("42", {}), ("1.5", {}), ("X'00ff'", {}), ("'2026-13-40 25:61:61.000000'", {}),
            ("'2026-12-01 21:15:00.627101x'", {}), ("'2026-12-01T21:15:00'", {}),
        ])  # fmt: skip
    typed = st.sampled_from([("42", {}), ("-1.5", {}), ("X'00ff'", {})])
    return garbage if pg else garbage | typed


@settings(max_examples=60, deadline=None, suppress_health_check=_HEALTH)
@given(data=st.data())
def test_any_edit_of_the_trail_is_named_and_never_a_crash(trail, data):
    uow, n = trail
    pg = uow.engine.dialect.name == "postgresql"
    kind = data.draw(st.sampled_from(["cell", "swap", "duplicate", "delete", "head"]))
    event(kind)
    with uow.engine.connect() as conn, conn.begin():
        expected = _tamper(conn, kind, n, pg, data)
        if expected is None:  # the edit stored what was there already
            return
        result = verify_connection(conn)
        assert result.ok is False
        assert result.first_bad == expected, (kind, result.reason)
        conn.rollback()


def _tamper(conn: Connection, kind: str, n: int, pg: bool, data: st.DataObject) -> int | None:
    k = data.draw(st.integers(1, n), label="row")
    if kind == "cell":
        column = data.draw(st.sampled_from(COLUMNS), label="column")
        expr, params = data.draw(_values(pg, column), label="value")
        # Read back as text on PostgreSQL: psycopg cannot load a timestamp of 'infinity'.
        shown = f"CAST({column} AS TEXT)" if pg else column
        before = conn.execute(text(f"SELECT {shown} FROM audit_log WHERE id = :k"), {"k": k})
        old = before.scalar_one()
        conn.execute(text(f"UPDATE audit_log SET {column} = {expr} WHERE id = :k"),
                     {**params, "k": k})  # fmt: skip
        new = conn.execute(text(f"SELECT {shown} FROM audit_log WHERE id = :k"), {"k": k})
        stored = new.scalar_one()
        return None if stored == old and type(stored) is type(old) else k
    if kind == "delete":
        conn.execute(text("DELETE FROM audit_log WHERE id = :k"), {"k": k})
        return k
    j = data.draw(st.integers(1, n - 1), label="other")
    j = j + 1 if j >= k else j  # any row but k
    if kind == "swap":
        lo, hi = sorted((j, k))
        for a, b in ((lo, -1), (hi, lo), (-1, hi)):
            conn.execute(text("UPDATE audit_log SET id = :b WHERE id = :a"), {"a": a, "b": b})
        return lo
    if kind == "duplicate":  # row j's content (every column but the id) copied into row k
        sets = ", ".join(f"{c} = (SELECT {c} FROM audit_log WHERE id = :j)" for c in COLUMNS)
        conn.execute(text(f"UPDATE audit_log SET {sets} WHERE id = :k"), {"j": j, "k": k})
        return k
    # the head: its count or its hash
    what = data.draw(st.sampled_from(["seq", "hash"]), label="head")
    if what == "hash":
        conn.execute(text("UPDATE audit_head SET last_hash = :h"), {"h": "f" * 64})
        return n
    seq = data.draw(st.integers(0, n + 5).filter(lambda s: s != n), label="seq")
    conn.execute(text("UPDATE audit_head SET last_seq = :s"), {"s": seq})
    return seq + 1 if seq < n else n + 1


TABLE_EDITS = [
    # (entity, SQL, id in the trail, field)
    ("user", "UPDATE users SET role = 'admin' WHERE username = 'clerk1'", "clerk1", "role"),
    ("user", "UPDATE users SET active = NOT active WHERE username = 'staff1'", "staff1", "active"),
    ("user", "UPDATE users SET unit = 'elsewhere' WHERE username = 'supply'", "supply", "unit"),
    ("ticket", "UPDATE tickets SET status = 'done' WHERE code = 'A002'", "/A002", "status"),
    ("ticket", "UPDATE tickets SET counter_id = (SELECT id FROM counters WHERE number = 3) "
     "WHERE code = 'A003'", "/A003", "counter"),
    ("ticket", "UPDATE tickets SET service_id = (SELECT id FROM services WHERE code = 'D') "
     "WHERE code = 'C001'", "/C001", "service"),
    ("loan", "UPDATE loans SET status = 'closed'", "", "status"),
    ("loan", "UPDATE loans SET decided_by_id = (SELECT id FROM users WHERE username = "
     "'admin')", "", "approved_by"),
    ("asset", "UPDATE assets SET qty_on_hand = qty_on_hand + 7", "", "qty"),
    ("setting", "INSERT INTO settings (scope, key, value) VALUES ('office', "
     "'backup.keep_daily', '1')", "office/backup.keep_daily", "value"),
]  # fmt: skip


@settings(max_examples=20, deadline=None, suppress_health_check=_HEALTH)
@given(edits=st.lists(st.sampled_from(TABLE_EDITS), min_size=1, max_size=3, unique=True))
def test_a_table_edited_behind_the_programs_back_is_listed(trail, edits):
    uow, _ = trail
    with uow.engine.connect() as conn, conn.begin():
        for _, sql, _, _ in edits:
            conn.execute(text(sql))
        result = verify_connection(conn)
        assert result.ok is False and result.first_bad is None
        found = {(m.entity, m.field) for m in result.mismatches}
        for entity, _, eid, field in edits:
            assert (entity, field) in found, (entity, field, result.mismatches)
            assert any(m.entity == entity and m.field == field and eid in m.id
                       for m in result.mismatches)  # fmt: skip
        conn.rollback()
