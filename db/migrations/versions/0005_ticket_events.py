"""ticket_events: every call, recall, transfer and pick of a ticket, as a row (issue 17,
item 8). A transfer no longer erases the call before it: statistics count the leg before
a transfer, and a ticket called and then moved keeps its first call time.

Backfilled from the audit trail: each ``ticket.call``, ``ticket.recall``, ``ticket.pick``
and ``ticket.transfer`` entry of a ticket that still exists becomes a row, in the trail's
order, with the counter, services and user its entry names (by number, code and name).

Revision ID: 0005
Revises: 0007 (after it: 0007 rebuilds the tickets table on SQLite, which would delete
these rows through their cascading foreign key)
Create Date: 2026-12-02 01:30:00
"""

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import db.models

revision: str = "0005"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = {"ticket.call": "call", "ticket.recall": "recall", "ticket.pick": "pick",
         "ticket.transfer": "transfer"}  # fmt: skip
BATCH = 5000


def upgrade() -> None:
    events = op.create_table(
        "ticket_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("at", db.models.UTCDateTime(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("to_service_id", sa.Integer(), nullable=True),
        sa.Column("counter_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["counter_id"], ["counters.id"],
                                name=op.f("fk_ticket_events_counter_id_counters")),
        sa.ForeignKeyConstraint(["service_id"], ["services.id"],
                                name=op.f("fk_ticket_events_service_id_services")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name=op.f("fk_ticket_events_ticket_id_tickets")),
        sa.ForeignKeyConstraint(["to_service_id"], ["services.id"],
                                name=op.f("fk_ticket_events_to_service_id_services")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_ticket_events_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_events")),
    )  # fmt: skip
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.create_index("ix_ticket_events_ticket", ["ticket_id", "id"], unique=False)
    _backfill(events)


def _backfill(events: sa.Table) -> None:
    conn = op.get_bind()
    tickets = {f"{d}/{c}": i for i, d, c in conn.execute(
        sa.text("SELECT id, business_date, code FROM tickets")).all()}  # fmt: skip
    if not tickets:
        return
    services: dict[Any, int] = dict(conn.execute(sa.text("SELECT code, id FROM services")).all())
    counters: dict[Any, int] = dict(conn.execute(sa.text("SELECT number, id FROM counters")).all())
    users: dict[Any, int] = dict(conn.execute(sa.text("SELECT username, id FROM users")).all())
    audit = sa.table(
        "audit_log",
        sa.column("id", sa.Integer()),
        sa.column("at", sa.String()),  # as stored: a damaged entry is skipped, not fatal
        sa.column("actor", sa.String()),
        sa.column("action", sa.String()),
        sa.column("entity", sa.String()),
        sa.column("entity_id", sa.String()),
        sa.column("before_json", sa.Text()),
        sa.column("after_json", sa.Text()),
    )
    query = (
        sa.select(
            audit.c.at,
            audit.c.actor,
            audit.c.action,
            audit.c.entity_id,
            audit.c.before_json,
            audit.c.after_json,
        )
        .where(audit.c.entity == "ticket", audit.c.action.in_(list(KINDS)))
        .order_by(audit.c.id)
    )
    rows: list[dict[str, Any]] = []
    for stored_at, actor, action, entity_id, before_json, after_json in conn.execute(query):
        ticket, at = tickets.get(entity_id), _utc(stored_at)
        before, after = _state(before_json), _state(after_json)
        kind = KINDS[action]
        here = before if kind == "transfer" else after
        service = services.get(here.get("service"))
        if ticket is None or service is None or at is None:
            continue  # a ticket or service removed since: nothing to attach the event to
        rows.append({
            "ticket_id": ticket, "kind": kind, "at": at, "service_id": service,
            "to_service_id": services.get(after.get("service")) if kind == "transfer" else None,
            "counter_id": counters.get(here.get("counter")), "user_id": users.get(actor),
        })  # fmt: skip
        if len(rows) >= BATCH:
            conn.execute(events.insert(), rows)
            rows = []
    if rows:
        conn.execute(events.insert(), rows)


def _utc(stored: object) -> dt.datetime | None:
    """The entry's time as the column holds it (text on SQLite, a timestamp on PostgreSQL),
    naive UTC; None if it is not a time."""
    if isinstance(stored, str):
        try:
            stored = dt.datetime.fromisoformat(stored)
        except ValueError:
            return None
    if not isinstance(stored, dt.datetime):
        return None
    return stored.replace(tzinfo=dt.UTC) if stored.tzinfo is None else stored


def _state(raw: str | None) -> dict[str, Any]:
    try:
        value = json.loads(raw or "null")
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def downgrade() -> None:
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.drop_index("ix_ticket_events_ticket")
    op.drop_table("ticket_events")
