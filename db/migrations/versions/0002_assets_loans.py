"""assets and loans under clauses 207-211: categories, assets, borrowers, delegations,
loans with their items, return inspections, settlements and follow-ups, and the loan
number counter per Thai fiscal year

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:47:03.494459
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.models

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "asset_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("depreciation", sa.String(length=20), nullable=False),
        sa.Column("useful_life_years", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset_categories")),
        sa.UniqueConstraint("code", name=op.f("uq_asset_categories_code")),
    )
    op.create_table(
        "loan_sequences",
        sa.Column("fiscal_year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("fiscal_year", name=op.f("pk_loan_sequences")),
    )
    op.create_table(
        "assets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asset_no", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("qty_on_hand", sa.Integer(), nullable=False),
        sa.Column("min_stock", sa.Integer(), nullable=False),
        sa.Column("price", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("acquired_on", sa.Date(), nullable=False),
        sa.Column("unit_holder", sa.String(length=200), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("condition", sa.String(length=12), nullable=False),
        sa.Column("lendable", sa.Boolean(), nullable=False),
        sa.Column("written_off", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", db.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["asset_categories.id"],
            name=op.f("fk_assets_category_id_asset_categories"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assets")),
        sa.UniqueConstraint("asset_no", name=op.f("uq_assets_asset_no")),
    )
    with op.batch_alter_table("assets", schema=None) as batch_op:
        batch_op.create_index("ix_assets_kind_status", ["kind", "status"], unique=False)

    op.create_table(
        "borrowers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
        sa.Column("signatory", sa.String(length=200), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", db.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_borrowers_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_borrowers")),
    )
    with op.batch_alter_table("borrowers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_borrowers_user_id"), ["user_id"], unique=False)

    op.create_table(
        "delegations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("granted_by_id", sa.Integer(), nullable=True),
        sa.Column("granted_at", db.models.UTCDateTime(), nullable=False),
        sa.Column("revoked_by_id", sa.Integer(), nullable=True),
        sa.Column("revoked_at", db.models.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["granted_by_id"], ["users.id"], name=op.f("fk_delegations_granted_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["revoked_by_id"], ["users.id"], name=op.f("fk_delegations_revoked_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_delegations_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delegations")),
    )
    with op.batch_alter_table("delegations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_delegations_user_id"), ["user_id"], unique=False)

    op.create_table(
        "loans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_no", sa.String(length=60), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("borrower_id", sa.Integer(), nullable=False),
        sa.Column("clause", sa.String(length=8), nullable=False),
        sa.Column("approver_role", sa.String(length=20), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("official_use", sa.Boolean(), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("place", sa.String(length=16), nullable=False),
        sa.Column("place_detail", sa.String(length=200), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", db.models.UTCDateTime(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", db.models.UTCDateTime(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("on_behalf_of", sa.String(length=20), nullable=True),
        sa.Column("delegation_id", sa.Integer(), nullable=True),
        sa.Column("handed_over_by_id", sa.Integer(), nullable=True),
        sa.Column("handed_over_at", db.models.UTCDateTime(), nullable=True),
        sa.Column("returned_at", db.models.UTCDateTime(), nullable=True),
        sa.Column("closed_at", db.models.UTCDateTime(), nullable=True),
        sa.Column("cancelled_by_id", sa.Integer(), nullable=True),
        sa.Column("cancelled_at", db.models.UTCDateTime(), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["borrower_id"], ["borrowers.id"], name=op.f("fk_loans_borrower_id_borrowers")
        ),
        sa.ForeignKeyConstraint(
            ["cancelled_by_id"], ["users.id"], name=op.f("fk_loans_cancelled_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["users.id"], name=op.f("fk_loans_decided_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["delegation_id"], ["delegations.id"], name=op.f("fk_loans_delegation_id_delegations")
        ),
        sa.ForeignKeyConstraint(
            ["handed_over_by_id"], ["users.id"], name=op.f("fk_loans_handed_over_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_id"], ["users.id"], name=op.f("fk_loans_requested_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loans")),
        sa.UniqueConstraint("fiscal_year", "seq", name=op.f("uq_loans_fiscal_year_seq")),
        sa.UniqueConstraint("loan_no", name=op.f("uq_loans_loan_no")),
    )
    with op.batch_alter_table("loans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loans_borrower_id"), ["borrower_id"], unique=False)
        batch_op.create_index("ix_loans_status_due", ["status", "due_on"], unique=False)

    op.create_table(
        "loan_followups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("at", db.models.UTCDateTime(), nullable=False),
        sa.Column("means", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["by_id"], ["users.id"], name=op.f("fk_loan_followups_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loans.id"],
            name=op.f("fk_loan_followups_loan_id_loans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_followups")),
    )
    with op.batch_alter_table("loan_followups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_followups_loan_id"), ["loan_id"], unique=False)

    op.create_table(
        "loan_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("asset_id", sa.Integer(), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("condition_out", sa.String(length=12), nullable=True),
        sa.Column("returned_qty", sa.Integer(), nullable=False),
        sa.Column("condition_in", sa.String(length=12), nullable=True),
        sa.Column("returned_at", db.models.UTCDateTime(), nullable=True),
        sa.Column("settled_at", db.models.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["asset_id"], ["assets.id"], name=op.f("fk_loan_items_asset_id_assets")
        ),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_loan_items_loan_id_loans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_items")),
        sa.UniqueConstraint("loan_id", "asset_id", name=op.f("uq_loan_items_loan_id_asset_id")),
    )
    with op.batch_alter_table("loan_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_items_asset_id"), ["asset_id"], unique=False)

    op.create_table(
        "loan_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_item_id", sa.Integer(), nullable=False),
        sa.Column("at", db.models.UTCDateTime(), nullable=False),
        sa.Column("condition", sa.String(length=12), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("inspected_by_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspected_by_id"], ["users.id"], name=op.f("fk_loan_returns_inspected_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["loan_item_id"],
            ["loan_items.id"],
            name=op.f("fk_loan_returns_loan_item_id_loan_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_returns")),
    )
    with op.batch_alter_table("loan_returns", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_loan_returns_loan_item_id"), ["loan_item_id"], unique=False
        )

    op.create_table(
        "loan_settlements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_item_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("suggested_amount", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("working", sa.Text(), nullable=False),
        sa.Column("receipt", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", db.models.UTCDateTime(), nullable=False),
        sa.Column("settled_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["loan_item_id"],
            ["loan_items.id"],
            name=op.f("fk_loan_settlements_loan_item_id_loan_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["settled_by_id"], ["users.id"], name=op.f("fk_loan_settlements_settled_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_settlements")),
        sa.UniqueConstraint("loan_item_id", name=op.f("uq_loan_settlements_loan_item_id")),
    )

    # The two categories that exist out of the box (CLI.md): each names the rate setting
    # (depreciation.rate.<depreciation>) its assets are valued with under clause 209.
    op.bulk_insert(
        sa.table(
            "asset_categories",
            sa.column("code", sa.String),
            sa.column("name", sa.String),
            sa.column("depreciation", sa.String),
        ),
        [
            {"code": "default", "name": "ครุภัณฑ์ทั่วไป", "depreciation": "default"},
            {"code": "vehicle", "name": "ครุภัณฑ์ยานพาหนะและขนส่ง", "depreciation": "vehicle"},
        ],
    )


def downgrade() -> None:
    op.drop_table("loan_settlements")
    with op.batch_alter_table("loan_returns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_returns_loan_item_id"))

    op.drop_table("loan_returns")
    with op.batch_alter_table("loan_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_items_asset_id"))

    op.drop_table("loan_items")
    with op.batch_alter_table("loan_followups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_followups_loan_id"))

    op.drop_table("loan_followups")
    with op.batch_alter_table("loans", schema=None) as batch_op:
        batch_op.drop_index("ix_loans_status_due")
        batch_op.drop_index(batch_op.f("ix_loans_borrower_id"))

    op.drop_table("loans")
    with op.batch_alter_table("delegations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegations_user_id"))

    op.drop_table("delegations")
    with op.batch_alter_table("borrowers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_borrowers_user_id"))

    op.drop_table("borrowers")
    with op.batch_alter_table("assets", schema=None) as batch_op:
        batch_op.drop_index("ix_assets_kind_status")

    op.drop_table("assets")
    op.drop_table("loan_sequences")
    op.drop_table("asset_categories")
