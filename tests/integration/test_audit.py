"""The hash-chained audit trail catches an edited, a deleted and a swapped entry."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest
from sqlalchemy import delete, select, update

from db.models import AuditEntry
from desktop_app.services import tickets
from desktop_app.services.audit import verify
from tests.support.db import actor


@pytest.fixture
def busy_office(office, clock):
    clerk = actor(office, "clerk1")
    for svc in ("A", "B", "A", "C"):
        clock.advance(seconds=20)
        tickets.issue_ticket(office, clerk, svc)
    tickets.call_next(office, clerk, 1)
    return office


def _entries(uow):
    with uow.read() as tx:
        return tx.session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars().all()


def _tamper(uow, stmt):
    with uow.engine.begin() as conn:
        conn.execute(stmt)


def test_every_change_is_in_the_chain_and_it_verifies(busy_office):
    result = verify(busy_office)
    entries = _entries(busy_office)
    assert (result.ok, result.entries, result.first_bad) == (True, len(entries), None)
    actions = [e.action for e in entries]
    assert actions.count("ticket.issue") == 4 and actions.count("ticket.call") == 1
    issue = next(e for e in entries if e.action == "ticket.issue")
    assert issue.actor == "clerk1" and json.loads(issue.after_json)["code"] == "A001"
    assert all(e.prev_hash == p.hash for p, e in pairwise(entries))


def test_no_password_or_hash_reaches_the_audit_trail(busy_office):
    for e in _entries(busy_office):
        text = e.before_json + e.after_json
        assert "demo" not in text.split('"') and "argon2" not in text


def test_an_edited_entry_is_named(busy_office):
    target = _entries(busy_office)[-3]
    after = json.loads(target.after_json)
    after["status"] = "done"
    _tamper(busy_office, update(AuditEntry).where(AuditEntry.id == target.id)
            .values(after_json=json.dumps(after)))  # fmt: skip
    result = verify(busy_office)
    assert (result.ok, result.first_bad) == (False, target.id)


def test_an_edited_actor_is_named(busy_office):
    target = _entries(busy_office)[5]
    _tamper(busy_office, update(AuditEntry).where(AuditEntry.id == target.id).values(actor="x"))
    assert verify(busy_office).first_bad == target.id


def test_a_deleted_entry_is_named(busy_office):
    entries = _entries(busy_office)
    gone = entries[4]
    _tamper(busy_office, delete(AuditEntry).where(AuditEntry.id == gone.id))
    result = verify(busy_office)
    assert (result.ok, result.first_bad, result.entries) == (False, gone.id, len(entries) - 1)


def test_a_deleted_newest_entry_is_noticed(busy_office):
    last = _entries(busy_office)[-1]
    _tamper(busy_office, delete(AuditEntry).where(AuditEntry.id == last.id))
    result = verify(busy_office)
    assert not result.ok and result.first_bad == last.id


def test_a_deleted_chain_head_is_noticed_and_blocks_writes(busy_office):
    from db.models import AuditHead
    from desktop_app.domain.errors import DatabaseError

    _tamper(busy_office, delete(AuditHead))
    assert (verify(busy_office).ok, verify(busy_office).first_bad) == (False, 1)
    with pytest.raises(DatabaseError):
        tickets.issue_ticket(busy_office, actor(busy_office, "clerk1"), "A")


def test_two_swapped_entries_are_named(busy_office):
    entries = _entries(busy_office)
    a, b = entries[-3], entries[-2]
    cols = ("at", "actor", "action", "entity", "entity_id", "before_json", "after_json",
            "prev_hash", "hash")  # fmt: skip
    _tamper(busy_office, update(AuditEntry).where(AuditEntry.id == a.id)
            .values({c: getattr(b, c) for c in cols}))  # fmt: skip
    _tamper(busy_office, update(AuditEntry).where(AuditEntry.id == b.id)
            .values({c: getattr(a, c) for c in cols}))  # fmt: skip
    result = verify(busy_office)
    assert (result.ok, result.first_bad) == (False, a.id)


def test_a_rehashed_forgery_still_breaks_the_link_to_the_next_entry(busy_office):
    """Recomputing the edited entry's own hash is not enough: the next entry's prev_hash
    no longer matches."""
    from db.audit import iso
    from desktop_app.domain.audit_chain import entry_hash

    entries = _entries(busy_office)
    e = entries[-2]
    forged_after = json.dumps({**json.loads(e.after_json), "status": "forged"})
    assert forged_after != e.after_json
    forged = entry_hash(e.prev_hash, e.id, iso(e.at), e.actor, e.action, e.entity, e.entity_id,
                        e.before_json, forged_after)  # fmt: skip
    _tamper(busy_office, update(AuditEntry).where(AuditEntry.id == e.id)
            .values(after_json=forged_after, hash=forged))  # fmt: skip
    assert verify(busy_office).first_bad == entries[-1].id
