"""Appointments (issue 15): slots, appointments, holidays, and tickets.appointment_at (the
time a checked-in appointment is called from).

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-02 01:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.models

revision: str = "0010"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", db.models.UTCDateTime(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_slots_service_id_services")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_slots")),
        sa.UniqueConstraint("service_id", "starts_at", name=op.f("uq_slots_service_id_starts_at")),
    )
    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("external_ref", sa.String(length=100), nullable=True),
        sa.Column("booked_at", db.models.UTCDateTime(), nullable=False),
        sa.Column("checked_in_at", db.models.UTCDateTime(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["slot_id"], ["slots.id"], name=op.f("fk_appointments_slot_id_slots")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_appointments_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
        sa.UniqueConstraint("code", name=op.f("uq_appointments_code")),
        sa.UniqueConstraint("external_ref", name=op.f("uq_appointments_external_ref")),
    )
    op.create_index("ix_appointments_slot_status", "appointments", ["slot_id", "status"])
    op.create_table(
        "holidays",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_holidays")),
    )
    # A plain ADD COLUMN: a batch rebuild of tickets on SQLite would drop the rows of
    # ticket_events (their foreign key cascades) on the way.
    op.add_column("tickets", sa.Column("appointment_at", db.models.UTCDateTime(), nullable=True))


def downgrade() -> None:
    op.drop_column("tickets", "appointment_at")  # SQLite ≥ 3.35 drops a column in place
    op.drop_table("holidays")
    op.drop_index("ix_appointments_slot_status", table_name="appointments")
    op.drop_table("appointments")
    op.drop_table("slots")
