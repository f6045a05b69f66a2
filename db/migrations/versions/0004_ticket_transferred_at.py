"""tickets.transferred_at: when a ticket last moved to another service's queue (NULL: never
moved). Its waiting time in the queue that called it runs from here, not from the issue.

Backfilled from the audit trail: each transferred ticket gets the time of its last
``ticket.transfer`` entry (entity_id ``<business date>/<code>``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.models

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("transferred_at", db.models.UTCDateTime(), nullable=True))
    tickets = sa.table(
        "tickets",
        sa.column("business_date", sa.Date()),
        sa.column("code", sa.String()),
        sa.column("transfer_count", sa.Integer()),
        sa.column("transferred_at", db.models.UTCDateTime()),
    )
    audit = sa.table(
        "audit_log",
        sa.column("at", db.models.UTCDateTime()),
        sa.column("action", sa.String()),
        sa.column("entity", sa.String()),
        sa.column("entity_id", sa.String()),
    )
    entity_id = sa.cast(tickets.c.business_date, sa.String()).concat("/").concat(tickets.c.code)
    last_transfer = (
        sa.select(sa.func.max(audit.c.at))
        .where(
            audit.c.action == "ticket.transfer",
            audit.c.entity == "ticket",
            audit.c.entity_id == entity_id,
        )
        .scalar_subquery()
    )
    op.execute(
        tickets.update().where(tickets.c.transfer_count > 0).values(transferred_at=last_transfer)
    )


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("transferred_at")
