"""Integrity and transparency (seed ITA items 20–24, 30): the office's borrowing guideline and
who acknowledged which version, misuse reports with their tracking and handling, and the
custodian's monthly report signed off by the superior.

A misuse case reported anonymously has ``reporter_id`` NULL and nothing else that points to a
person: its audit entries name the actor ``anonymous``, its attachments lose their file
names, and its tracking code is stored only as a SHA-256 digest."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models import Asset, Base, Loan, User, UTCDateTime


class RulesVersion(Base):
    """One published version of the office's borrowing guideline (Markdown or PDF)."""

    __tablename__ = "rules_versions"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(String(300))
    format: Mapped[str] = mapped_column(String(4))  # md | pdf
    file_name: Mapped[str] = mapped_column(String(255))
    body: Mapped[str] = mapped_column(Text, default="")  # the Markdown ("" for a PDF)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    sha256: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    published_by: Mapped[User | None] = relationship()


class RulesAck(Base):
    __tablename__ = "rules_acks"
    version_id: Mapped[int] = mapped_column(
        ForeignKey("rules_versions.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)
    acknowledged_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class MisuseCase(Base):
    __tablename__ = "misuse_cases"
    __table_args__ = (UniqueConstraint("fiscal_year", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(40), unique=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    tracking_hash: Mapped[str] = mapped_column(String(64), unique=True)
    anonymous: Mapped[bool] = mapped_column(Boolean)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    asset_id: Mapped[int | None] = mapped_column(ForeignKey("assets.id"), nullable=True)
    loan_id: Mapped[int | None] = mapped_column(ForeignKey("loans.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # The first handler's action (None: untouched, flagged after misuse.response_days).
    first_action_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)

    reporter: Mapped[User | None] = relationship(foreign_keys=[reporter_id])
    handler: Mapped[User | None] = relationship(foreign_keys=[handler_id])
    asset: Mapped[Asset | None] = relationship()
    loan: Mapped[Loan | None] = relationship()
    updates: Mapped[list[MisuseUpdate]] = relationship(
        order_by="MisuseUpdate.id", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[MisuseAttachment]] = relationship(
        order_by="MisuseAttachment.id", cascade="all, delete-orphan"
    )


class MisuseUpdate(Base):
    """One step of a case: its status and a note the reporter reads when tracking it."""

    __tablename__ = "misuse_updates"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("misuse_cases.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)

    by: Mapped[User | None] = relationship()


class MisuseAttachment(Base):
    __tablename__ = "misuse_attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("misuse_cases.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class CustodianReport(Base):
    """The custodian's monthly report to the superior (item 24): the month's asset use and
    the checks done, prepared by the supply officer and signed off by a head."""

    __tablename__ = "custodian_reports"
    __table_args__ = (UniqueConstraint("year", "month"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)  # CE
    month: Mapped[int] = mapped_column(Integer)
    checks: Mapped[str] = mapped_column(Text)
    figures_json: Mapped[str] = mapped_column(Text)
    prepared_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    prepared_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    signed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    sign_note: Mapped[str] = mapped_column(Text, default="")

    prepared_by: Mapped[User | None] = relationship(foreign_keys=[prepared_by_id])
    signed_by: Mapped[User | None] = relationship(foreign_keys=[signed_by_id])
