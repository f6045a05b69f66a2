"""The citizen's phone: tickets.web_secret (a random secret per ticket, carried in its QR
code, guarding its one rating) and ticket_ratings.

Existing tickets get a secret each (their printed QR codes never carried one, so they can be
rated only from a page opened with the secret, which nobody has: harmless).

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-02 01:00:00
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.models

revision: str = "0007"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("web_secret", sa.String(length=32), nullable=True))
    tickets = sa.table("tickets", sa.column("id", sa.Integer()), sa.column("web_secret"))
    conn = op.get_bind()
    ids = [row[0] for row in conn.execute(sa.select(tickets.c.id))]
    for start in range(0, len(ids), 500):
        conn.execute(
            tickets.update().where(tickets.c.id == sa.bindparam("tid")),
            [{"tid": i, "web_secret": secrets.token_urlsafe(12)} for i in ids[start : start + 500]],
        )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.alter_column("web_secret", existing_type=sa.String(length=32), nullable=False)

    op.create_table(
        "ticket_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("rated_at", db.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_ticket_ratings_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_ratings")),
        sa.UniqueConstraint("ticket_id", name=op.f("uq_ticket_ratings_ticket_id")),
    )


def downgrade() -> None:
    op.drop_table("ticket_ratings")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("web_secret")
