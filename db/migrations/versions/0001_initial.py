"""initial schema: users, services, counters, tickets, settings, audit

Revision ID: 0001
Revises:
Create Date: 2026-11-25 11:20:11.071033
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.models

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", db.models.UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=200), nullable=False),
        sa.Column("before_json", sa.Text(), nullable=False),
        sa.Column("after_json", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_table(
        "counters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counters")),
        sa.UniqueConstraint("number", name=op.f("uq_counters_number")),
    )
    op.create_table(
        "services",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("prefix", sa.String(length=1), nullable=False),
        sa.Column("standard_minutes", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_services")),
        sa.UniqueConstraint("code", name=op.f("uq_services_code")),
        sa.UniqueConstraint("prefix", name=op.f("uq_services_prefix")),
    )
    op.create_table(
        "settings",
        sa.Column("scope", sa.String(length=120), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "key", name=op.f("pk_settings")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", db.models.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "counter_services",
        sa.Column("counter_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["counter_id"],
            ["counters.id"],
            name=op.f("fk_counter_services_counter_id_counters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_counter_services_service_id_services"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("counter_id", "service_id", name=op.f("pk_counter_services")),
    )
    op.create_table(
        "daily_sequences",
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_daily_sequences_service_id_services")
        ),
        sa.PrimaryKeyConstraint("service_id", "business_date", name=op.f("pk_daily_sequences")),
    )
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("issued_service_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("priority", sa.String(length=20), nullable=True),
        sa.Column("priority_rank", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("issued_at", db.models.UTCDateTime(), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.Column("counter_id", sa.Integer(), nullable=True),
        sa.Column("called_at", db.models.UTCDateTime(), nullable=True),
        sa.Column("called_by_id", sa.Integer(), nullable=True),
        sa.Column("recall_count", sa.Integer(), nullable=False),
        sa.Column("finished_at", db.models.UTCDateTime(), nullable=True),
        sa.Column("transfer_count", sa.Integer(), nullable=False),
        sa.Column("pick_reason", sa.Text(), nullable=True),
        sa.Column("printed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["called_by_id"], ["users.id"], name=op.f("fk_tickets_called_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["counter_id"], ["counters.id"], name=op.f("fk_tickets_counter_id_counters")
        ),
        sa.ForeignKeyConstraint(
            ["issued_by_id"], ["users.id"], name=op.f("fk_tickets_issued_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["issued_service_id"],
            ["services.id"],
            name=op.f("fk_tickets_issued_service_id_services"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_tickets_service_id_services")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
        sa.UniqueConstraint("business_date", "code", name=op.f("uq_tickets_business_date_code")),
        sa.UniqueConstraint(
            "business_date",
            "issued_service_id",
            "number",
            name=op.f("uq_tickets_business_date_issued_service_id_number"),
        ),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index("ix_tickets_counter", ["counter_id", "status"], unique=False)
        batch_op.create_index(
            "ix_tickets_queue",
            ["business_date", "status", "service_id", "priority_rank", "id"],
            unique=False,
        )

    # The chain head row every writer locks (see db.models.AuditHead).
    op.bulk_insert(
        sa.table("audit_head", sa.column("id"), sa.column("last_seq"), sa.column("last_hash")),
        [{"id": 1, "last_seq": 0, "last_hash": "0" * 64}],
    )


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_queue")
        batch_op.drop_index("ix_tickets_counter")

    op.drop_table("tickets")
    op.drop_table("daily_sequences")
    op.drop_table("counter_services")
    op.drop_table("users")
    op.drop_table("settings")
    op.drop_table("services")
    op.drop_table("counters")
    op.drop_table("audit_log")
    op.drop_table("audit_head")
