"""Writing and verifying the hash-chained audit trail."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from db.models import AuditEntry, AuditHead
from desktop_app.domain.audit_chain import GENESIS, canonical_json, entry_hash
from desktop_app.domain.errors import DatabaseError

HEAD_ID = 1


def iso(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


_HEAD = AuditHead.metadata.tables[AuditHead.__tablename__]
_LOG = AuditEntry.metadata.tables[AuditEntry.__tablename__]
# Built once: the writer's three statements are compiled once per engine (SQLAlchemy's
# statement cache), not rebuilt for every user action.
_LOCK = select(_HEAD.c.last_seq, _HEAD.c.last_hash).where(_HEAD.c.id == HEAD_ID).with_for_update()
_LOCK_WITH_NOW = _LOCK.add_columns(func.now())
_INSERT = insert(_LOG)
_MOVE_HEAD = (
    update(_HEAD)
    .where(_HEAD.c.id == HEAD_ID)
    .values(last_seq=bindparam("new_seq"), last_hash=bindparam("new_hash"))
)


@functools.cache
def _append_pg() -> Any:
    """PostgreSQL takes the entry and the head's move in one statement (an INSERT in a WITH
    clause): one round trip less on every write. Its parameters are the entry's columns
    prefixed "e_"."""
    entry = insert(_LOG).values({c.name: bindparam(f"e_{c.name}", type_=c.type) for c in _LOG.c})
    return _MOVE_HEAD.add_cte(entry.cte("entry"))


@dataclass
class Head:
    """The chain's head as this transaction holds it locked: the last sequence number and
    hash, moved on by every entry the transaction appends."""

    seq: int
    hash: str


def lock_head(conn: Connection, server_now: bool = False) -> tuple[Head, dt.datetime | None]:
    """Lock the chain head for this transaction (a no-op lock on SQLite, where BEGIN
    IMMEDIATE has already serialised writers). With ``server_now``, the same statement also
    reads the server's clock (the transaction's start), saving a round trip."""
    row = conn.execute(_LOCK_WITH_NOW if server_now else _LOCK).first()
    if row is None:
        # The migration creates it; without it nothing can be audited, so nothing changes.
        raise DatabaseError(
            "ไม่พบจุดต่อท้ายของบันทึกตรวจสอบ: เรียก khetdesk audit verify "
            "(the audit trail's head row is missing; run 'khetdesk audit verify')"
        )
    return Head(row[0], row[1]), (row[2] if server_now else None)


def append(
    conn: Connection,
    head: Head,
    *,
    at: dt.datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before: Any,
    after: Any,
) -> None:
    """The next entry after ``head`` (locked by :func:`lock_head` in this transaction), and
    the head moved on to it."""
    seq = head.seq + 1
    before_json, after_json = canonical_json(before), canonical_json(after)
    digest = entry_hash(
        head.hash, seq, iso(at), actor, action, entity, entity_id, before_json, after_json
    )
    row = {"id": seq, "at": at, "actor": actor, "action": action, "entity": entity,
           "entity_id": entity_id, "before_json": before_json, "after_json": after_json,
           "prev_hash": head.hash, "hash": digest}  # fmt: skip
    if conn.dialect.name == "postgresql":
        conn.execute(_append_pg(), {"new_seq": seq, "new_hash": digest,
                                  **{f"e_{k}": v for k, v in row.items()}})  # fmt: skip
    else:
        conn.execute(_INSERT, row)
        conn.execute(_MOVE_HEAD, {"new_seq": seq, "new_hash": digest})
    head.seq, head.hash = seq, digest


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    entries: int
    first_bad: int | None
    reason: str | None


def verify(session: Session) -> VerifyResult:
    """Recompute the chain. ``first_bad`` is the id of the first entry that was edited,
    deleted (the missing id) or moved; ``entries`` is how many entries there are.

    Run it in one snapshot (UnitOfWork.read), so that a commit during the scan is not
    mistaken for tampering."""
    total = session.scalar(select(func.count()).select_from(AuditEntry)) or 0

    def bad(first: int, reason: str) -> VerifyResult:
        return VerifyResult(False, total, first, reason)

    head = session.get(AuditHead, HEAD_ID)
    if head is None:
        return bad(1, "the chain's head row is missing")
    prev, expected = GENESIS, 1
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
    for e in rows.yield_per(2000):
        if e.id != expected:
            return bad(expected, f"entry {expected} is missing")
        if e.prev_hash != prev:
            return bad(e.id, "link to the previous entry is broken")
        digest = entry_hash(
            prev, e.id, iso(e.at), e.actor, e.action, e.entity, e.entity_id,
            e.before_json, e.after_json,
        )  # fmt: skip
        if digest != e.hash:
            return bad(e.id, "content does not match its hash")
        prev, expected = e.hash, expected + 1
    if head.last_seq != expected - 1 or head.last_hash != prev:
        return bad(expected, "the newest entries were removed")
    return VerifyResult(True, total, None, None)
