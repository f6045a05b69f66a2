"""integrity and transparency (issue 16): the borrowing guideline's versions and who
acknowledged them, misuse reports with their updates and attachments, the custodian's
monthly reports and their sign-off

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-02 01:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.models

revision: str = "0008"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "custodian_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("checks", sa.Text(), nullable=False),
        sa.Column("figures_json", sa.Text(), nullable=False),
        sa.Column("prepared_by_id", sa.Integer(), nullable=True),
        sa.Column("prepared_at", db.models.UTCDateTime(), nullable=False),
        sa.Column("signed_by_id", sa.Integer(), nullable=True),
        sa.Column("signed_at", db.models.UTCDateTime(), nullable=True),
        sa.Column("sign_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["prepared_by_id"], ["users.id"], name=op.f("fk_custodian_reports_prepared_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["signed_by_id"], ["users.id"], name=op.f("fk_custodian_reports_signed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custodian_reports")),
        sa.UniqueConstraint("year", "month", name=op.f("uq_custodian_reports_year_month")),
    )
    op.create_table(
        "rules_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("format", sa.String(length=4), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("published_at", db.models.UTCDateTime(), nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["published_by_id"], ["users.id"], name=op.f("fk_rules_versions_published_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rules_versions")),
        sa.UniqueConstraint("version", name=op.f("uq_rules_versions_version")),
    )
    op.create_table(
        "rules_acks",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("acknowledged_at", db.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_rules_acks_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["rules_versions.id"],
            name=op.f("fk_rules_acks_version_id_rules_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("version_id", "user_id", name=op.f("pk_rules_acks")),
    )
    op.create_index(op.f("ix_rules_acks_user_id"), "rules_acks", ["user_id"], unique=False)
    op.create_table(
        "misuse_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_no", sa.String(length=40), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("tracking_hash", sa.String(length=64), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("reporter_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("asset_id", sa.Integer(), nullable=True),
        sa.Column("loan_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", db.models.UTCDateTime(), nullable=False),
        sa.Column("first_action_at", db.models.UTCDateTime(), nullable=True),
        sa.Column("closed_at", db.models.UTCDateTime(), nullable=True),
        sa.Column("handler_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["asset_id"], ["assets.id"], name=op.f("fk_misuse_cases_asset_id_assets")
        ),
        sa.ForeignKeyConstraint(
            ["handler_id"], ["users.id"], name=op.f("fk_misuse_cases_handler_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_misuse_cases_loan_id_loans")
        ),
        sa.ForeignKeyConstraint(
            ["reporter_id"], ["users.id"], name=op.f("fk_misuse_cases_reporter_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_misuse_cases")),
        sa.UniqueConstraint("case_no", name=op.f("uq_misuse_cases_case_no")),
        sa.UniqueConstraint("fiscal_year", "seq", name=op.f("uq_misuse_cases_fiscal_year_seq")),
        sa.UniqueConstraint("tracking_hash", name=op.f("uq_misuse_cases_tracking_hash")),
    )
    op.create_table(
        "misuse_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["misuse_cases.id"],
            name=op.f("fk_misuse_attachments_case_id_misuse_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_misuse_attachments")),
    )
    op.create_index(
        op.f("ix_misuse_attachments_case_id"), "misuse_attachments", ["case_id"], unique=False
    )
    op.create_table(
        "misuse_updates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", db.models.UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["by_id"], ["users.id"], name=op.f("fk_misuse_updates_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["misuse_cases.id"],
            name=op.f("fk_misuse_updates_case_id_misuse_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_misuse_updates")),
    )
    op.create_index(op.f("ix_misuse_updates_case_id"), "misuse_updates", ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_misuse_updates_case_id"), table_name="misuse_updates")
    op.drop_table("misuse_updates")
    op.drop_index(op.f("ix_misuse_attachments_case_id"), table_name="misuse_attachments")
    op.drop_table("misuse_attachments")
    op.drop_table("misuse_cases")
    op.drop_index(op.f("ix_rules_acks_user_id"), table_name="rules_acks")
    op.drop_table("rules_acks")
    op.drop_table("rules_versions")
    op.drop_table("custodian_reports")
