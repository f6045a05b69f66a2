"""The reconciliation's two shortcuts (issue 18, `audit verify` at scale), on both engines.

- Each entity's state is read from its newest entry alone when that entry records every
  field; when it leaves one out (a ticket's print entry records no status), the older
  entries still decide that field.
- The search for rows that no entry made is skipped when every row of the table was found
  from the trail's side; a row inserted with SQL is still listed.
"""

from __future__ import annotations

from sqlalchemy import text

from db.models import Ticket, User
from desktop_app.services import tickets
from desktop_app.services.audit import verify_connection
from tests.support.db import actor


def _table_edit(uow, sql: str, **params):
    """Run ``sql`` behind the program's back and verify in the same transaction (rolled
    back afterwards)."""
    with uow.engine.connect() as conn, conn.begin():
        conn.execute(text(sql), params)
        result = verify_connection(conn)
        conn.rollback()
    return result


def test_a_field_the_newest_entry_leaves_out_is_still_checked(office, clock):
    clerk = actor(office, "clerk1")
    issued = tickets.issue_ticket(office, clerk, "A")
    eid = f"{issued.business_date}/{issued.code}"
    with office.write() as tx:  # the newest entry of the ticket: a print, with no status
        tx.audit("clerk1", "ticket.print", "ticket", eid, {"printed": False},
                 {"printed": True, "printer": "none"})  # fmt: skip
        tx.commit()
    with office.engine.connect() as conn:
        assert verify_connection(conn).ok

    result = _table_edit(office, "UPDATE tickets SET status = 'done' WHERE code = :c",
                         c=issued.code)  # fmt: skip
    assert result.ok is False and result.first_bad is None
    assert [(m.entity, m.id, m.field, m.table, m.trail) for m in result.mismatches] == [
        ("ticket", eid, "status", "done", "waiting")
    ]


def _copy(table, changed: dict[str, str]) -> str:
    """INSERT … SELECT of a copy of one row with some columns changed."""
    cols = [c.name for c in table.columns if c.name != "id"]
    values = ", ".join(changed.get(c, c) for c in cols)
    return f"INSERT INTO {table.name} ({', '.join(cols)}) SELECT {values} FROM {table.name} "


def test_rows_no_entry_made_are_listed(office, clock):
    clerk = actor(office, "clerk1")
    issued = tickets.issue_ticket(office, clerk, "A")
    with office.engine.connect() as conn:
        assert verify_connection(conn).ok

    ghost_ticket = _copy(Ticket.__table__, {"code": "'A999'", "number": "999",
                                            "web_secret": "'ghost-secret'"})  # fmt: skip
    result = _table_edit(office, ghost_ticket + "WHERE code = :c", c=issued.code)
    assert result.ok is False and result.first_bad is None
    eid = f"{issued.business_date}/A999"
    assert {(m.entity, m.id, m.field, m.trail) for m in result.mismatches} == {
        ("ticket", eid, "status", None),
        ("ticket", eid, "service", None),
        ("ticket", eid, "counter", None),
    }

    ghost_user = _copy(User.__table__, {"username": "'ghost'"})
    result = _table_edit(office, ghost_user + "WHERE username = 'clerk1'")
    assert result.ok is False and result.first_bad is None
    assert {(m.entity, m.id, m.field, m.trail) for m in result.mismatches} == {
        ("user", "ghost", "role", None),
        ("user", "ghost", "active", None),
        ("user", "ghost", "unit", None),
    }
    assert [m.table for m in result.mismatches if m.field == "role"] == ["clerk"]


def test_an_entry_nested_deeper_than_the_json_parser_goes_is_named(office, clock):
    """A tampered after_json of 100,000 opening brackets: the reconciliation reads it as
    not JSON (json raised RecursionError through `audit verify`), the chain names it."""
    clerk = actor(office, "clerk1")
    tickets.issue_ticket(office, clerk, "A")
    with office.engine.connect() as conn:
        newest = conn.execute(text("SELECT max(id) FROM audit_log")).scalar_one()
    result = _table_edit(office, "UPDATE audit_log SET after_json = :j WHERE id = :k",
                         j="[" * 100_000, k=newest)  # fmt: skip
    assert result.ok is False and result.first_bad == newest


def test_a_ticket_id_whose_day_is_not_a_plain_date_is_named(office, clock):
    """A tampered ticket id whose day Python reads as a date (an ISO week date) but the
    database would refuse to cast: the reconciliation skips it, the chain names it."""
    clerk = actor(office, "clerk1")
    tickets.issue_ticket(office, clerk, "A")
    with office.engine.connect() as conn:
        newest = conn.execute(text("SELECT max(id) FROM audit_log")).scalar_one()
    for day in ("2026-W01-1", "20260101", "2026-02-30"):
        result = _table_edit(office, "UPDATE audit_log SET entity_id = :e WHERE id = :k",
                             e=f"{day}/A001", k=newest)  # fmt: skip
        assert result.ok is False and result.first_bad == newest, day
