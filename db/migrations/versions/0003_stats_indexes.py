"""indexes for the statistics: the audit trail by entity (the out-of-order calls report
reads each pick's audit entry), loans by start date (loans per month and unit)

The queue statistics need no new ticket index: ix_tickets_queue leads with business_date
and finds a month's tickets as a range (tests/bench/queue_report.py measures it).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 05:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_entity", ["entity", "entity_id"], unique=False)
    with op.batch_alter_table("loans", schema=None) as batch_op:
        batch_op.create_index("ix_loans_start_on", ["start_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("loans", schema=None) as batch_op:
        batch_op.drop_index("ix_loans_start_on")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_entity")
