"""The reconciliation's two shortcuts (issue 18, `audit verify` at scale), on both engines.

- Each entity's state is read from its newest entry alone when that entry records every
  field; when it leaves one out (a ticket's print entry records no status), the older
  entries still decide that field.
- The search for rows that no entry made is skipped when every row of the table was found
  from the trail's side; a row inserted with SQL is still listed.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db.models import Ticket, User
from desktop_app.services import loans, tickets
from desktop_app.services.audit import verify_connection
from tests.support.db import actor
from tests.support.loans import request


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


# ---------------------------------------------------------------- every field, every entity
# The trail side reads each entity's newest entry joined with its row in one query per
# entity (the database matches the trail's ids with the tables' keys): each audited field
# of each entity edited, and each entity's row moved away from its key, is listed with the
# value the table holds and the one the trail says.


@pytest.fixture
def busy(office, clock):
    clerk = actor(office, "clerk1")
    first = tickets.issue_ticket(office, clerk, "A")
    clock.advance(seconds=40)
    tickets.issue_ticket(office, clerk, "B")
    tickets.call_next(office, clerk, 1)
    loan = request(office, actor(office, "staff1"), place="on_premises")
    loans.approve_loan(office, actor(office, "supplyhead"), loan.loan_no)
    with office.engine.connect() as conn:
        assert verify_connection(conn).ok
    return office, str(first.business_date), loan.loan_no


EDITS = {
    "user.role": ("UPDATE users SET role = 'admin' WHERE username = 'clerk2'",
                  [("user", "clerk2", "role", "admin", "clerk")]),
    "user.active": ("UPDATE users SET active = NOT active WHERE username = 'staff1'",
                    [("user", "staff1", "active", False, True)]),
    "user.unit": ("UPDATE users SET unit = 'x' WHERE username = 'director'",
                  [("user", "director", "unit", "x", "สำนักงานเขต")]),
    "ticket.status": ("UPDATE tickets SET status = 'done' WHERE code = 'A001'",
                      [("ticket", "{day}/A001", "status", "done", "called")]),
    "ticket.service": ("UPDATE tickets SET service_id = (SELECT id FROM services "
                       "WHERE code = 'C') WHERE code = 'B001'",
                       [("ticket", "{day}/B001", "service", "C", "B")]),
    "ticket.counter": ("UPDATE tickets SET counter_id = (SELECT id FROM counters "
                       "WHERE number = 3) WHERE code = 'A001'",
                       [("ticket", "{day}/A001", "counter", 3, 1)]),
    "loan.status": ("UPDATE loans SET status = 'closed'",
                    [("loan", "{loan}", "status", "closed", "approved")]),
    "loan.approved_by": ("UPDATE loans SET decided_by_id = (SELECT id FROM users "
                         "WHERE username = 'admin')",
                         [("loan", "{loan}", "approved_by", "admin", "supplyhead")]),
    "setting.value": ("UPDATE settings SET value = 'Elsewhere' WHERE key = 'office.name_en'",
                      [("setting", "office/office.name_en", "value", "Elsewhere",
                        "Taling Chan District Office")]),
    # rows moved off their keys: the trail's entity has no row, the row no entry
    "user.gone": ("UPDATE users SET username = 'ghost' WHERE username = 'director'",
                  [("user", "director", "role", None, "agency_head"),
                   ("user", "director", "active", None, True),
                   ("user", "director", "unit", None, "สำนักงานเขต"),
                   ("user", "ghost", "role", "agency_head", None),
                   ("user", "ghost", "active", True, None),
                   ("user", "ghost", "unit", "สำนักงานเขต", None)]),
    "ticket.gone": ("UPDATE tickets SET code = 'B/9' WHERE code = 'B001'",
                    [("ticket", "{day}/B001", "status", None, "waiting"),
                     ("ticket", "{day}/B001", "service", None, "B"),
                     ("ticket", "{day}/B001", "counter", None, None),
                     ("ticket", "{day}/B/9", "status", "waiting", None),
                     ("ticket", "{day}/B/9", "service", "B", None),
                     ("ticket", "{day}/B/9", "counter", None, None)]),
    "loan.gone": ("UPDATE loans SET loan_no = 'other'",
                  [("loan", "{loan}", "status", None, "approved"),
                   ("loan", "{loan}", "approver_role", None, "supply_head"),
                   ("loan", "{loan}", "approved_by", None, "supplyhead"),
                   ("loan", "other", "status", "approved", None),
                   ("loan", "other", "approver_role", "supply_head", None),
                   ("loan", "other", "approved_by", "supplyhead", None)]),
    "setting.gone": ("DELETE FROM settings WHERE key = 'office.name_en'",
                     [("setting", "office/office.name_en", "value", None,
                       "Taling Chan District Office")]),
}  # fmt: skip


@pytest.mark.parametrize("edit", list(EDITS))
def test_each_audited_field_and_row_is_compared(busy, edit):
    uow, day, loan_no = busy
    sql, expected = EDITS[edit]
    result = _table_edit(uow, sql)
    assert result.ok is False and result.first_bad is None
    want = [tuple(v.format(day=day, loan=loan_no) if isinstance(v, str) else v for v in m)
            for m in expected]  # fmt: skip
    got = [(m.entity, m.id, m.field, m.table, m.trail) for m in result.mismatches]
    assert got == want


# ---------------------------------------------------------------- PostgreSQL: one snapshot
# (SQLite runs the chain and the reconciliation in turn, in one transaction: nothing to test)
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_the_reconciliation_beside_the_chain_reads_the_chains_snapshot(office, monkeypatch):
    """On PostgreSQL `audit verify` reconciles on a second connection while the chain is
    hashed; it must see the chain's snapshot, not a later one. A row edited and committed
    after the verify's snapshot was taken (just before the reconciliation reads) is not
    seen; the same edit made before the verify is."""
    from desktop_app.services import audit as service

    clerk = actor(office, "clerk1")
    issued = tickets.issue_ticket(office, clerk, "A")
    edit = text("UPDATE tickets SET status = 'done' WHERE code = :c")
    real = service.reconcile

    def after_a_commit(conn):
        with office.engine.begin() as writer:  # a commit after the verify's snapshot
            writer.execute(edit, {"c": issued.code})
        return real(conn)

    monkeypatch.setattr(service, "reconcile", after_a_commit)
    result = service.verify(office)
    assert (result.ok, result.mismatches) == (True, ())

    monkeypatch.setattr(service, "reconcile", real)
    result = service.verify(office)  # the edit, committed before this verify began
    assert [(m.entity, m.field, m.table) for m in result.mismatches] == [
        ("ticket", "status", "done")
    ]
