"""SQLAlchemy 2.0 models. Times are stored as naive UTC and come back timezone-aware."""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC in Python, naive UTC in the database: the same on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC)


def new_web_secret() -> str:
    """16 URL-safe characters (96 random bits): short enough for a small QR code."""
    return secrets.token_urlsafe(12)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Service(Base):
    __tablename__ = "services"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    prefix: Mapped[str] = mapped_column(String(1), unique=True)
    standard_minutes: Mapped[int] = mapped_column(Integer, default=15)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Counter(Base):
    __tablename__ = "counters"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    services: Mapped[list[Service]] = relationship(
        secondary="counter_services", order_by="Service.code"
    )


class CounterService(Base):
    __tablename__ = "counter_services"
    counter_id: Mapped[int] = mapped_column(
        ForeignKey("counters.id", ondelete="CASCADE"), primary_key=True
    )
    service_id: Mapped[int] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE"), primary_key=True
    )


class DailySequence(Base):
    """Last number issued per service per business day. Incremented in the same
    transaction as the ticket insert, so a rolled-back or killed issue leaves no gap."""

    __tablename__ = "daily_sequences"
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), primary_key=True)
    business_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("business_date", "code"),
        UniqueConstraint("business_date", "issued_service_id", "number"),
        # The calling query: today's waiting tickets of some services, in calling order.
        Index("ix_tickets_queue", "business_date", "status", "service_id", "priority_rank", "id"),
        Index("ix_tickets_counter", "counter_id", "status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    business_date: Mapped[dt.date] = mapped_column(Date)
    issued_service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    number: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(8))
    priority: Mapped[str | None] = mapped_column(String(20))
    priority_rank: Mapped[int] = mapped_column(Integer)  # 0 priority, 1 others
    status: Mapped[str] = mapped_column(String(12))
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    called_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    called_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recall_count: Mapped[int] = mapped_column(Integer, default=0)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    transfer_count: Mapped[int] = mapped_column(Integer, default=0)
    # The last move to another service's queue (None: never moved): the waiting time in the
    # queue that calls the ticket runs from here (services.stats_queue).
    transferred_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    pick_reason: Mapped[str | None] = mapped_column(Text)
    printed: Mapped[bool] = mapped_column(Boolean, default=False)
    # A checked-in appointment's time (None: a walk-in): from then on it is called first.
    appointment_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # The ticket's random secret for the citizen's page (desktop_app/web): carried in its QR
    # when web.base_url is set; guards the one rating. A Python-side default, so every insert,
    # ORM or Core, gets one.
    web_secret: Mapped[str] = mapped_column(String(32), default=new_web_secret)

    service: Mapped[Service] = relationship(foreign_keys=[service_id])
    counter: Mapped[Counter | None] = relationship()


class Setting(Base):
    """``scope`` is ``office`` or ``pc:<machine name>``."""

    __tablename__ = "settings"
    scope: Mapped[str] = mapped_column(String(120), primary_key=True)
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    # One entity's history (the out-of-order calls report reads each pick's entry).
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # = seq
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(200))
    before_json: Mapped[str] = mapped_column(Text)
    after_json: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row: the chain's last sequence number and hash. Every writing transaction locks
    it first, which serialises writers on PostgreSQL as BEGIN IMMEDIATE does on SQLite, and
    lets `audit verify` notice a deleted last entry."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


# ---------------------------------------------------------------- assets and loans
# Clauses 207–211 of the Ministry of Finance regulation on procurement and supplies
# (regulation-207-211.md). Money is Numeric(14, 2): exact Decimal baht on both engines.

Money = Numeric(14, 2)


class AssetCategory(Base):
    """A register category. ``depreciation`` names the rate setting it uses:
    ``depreciation.rate.<depreciation>`` (``vehicle`` or ``default``)."""

    __tablename__ = "asset_categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    depreciation: Mapped[str] = mapped_column(String(20))
    useful_life_years: Mapped[int | None] = mapped_column(Integer)


class Asset(Base):
    """One durable item per asset number (qty_on_hand 1), or one consumable item with its
    stock. ``status`` is derived (domain.assets.derive_status) from the condition, the
    write-off and the open loans, and stored again by every action that changes them."""

    __tablename__ = "assets"
    __table_args__ = (Index("ix_assets_kind_status", "kind", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    asset_no: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(12))  # durable | consumable
    category_id: Mapped[int] = mapped_column(ForeignKey("asset_categories.id"))
    unit: Mapped[str] = mapped_column(String(40))  # เครื่อง, รีม, กล่อง …
    qty_on_hand: Mapped[int] = mapped_column(Integer)
    min_stock: Mapped[int] = mapped_column(Integer, default=0)
    price: Mapped[Decimal] = mapped_column(Money)  # durable: acquisition; consumable: per unit
    acquired_on: Mapped[dt.date] = mapped_column(Date)
    unit_holder: Mapped[str] = mapped_column(String(200), default="")  # ฝ่ายที่ครอบครอง
    location: Mapped[str] = mapped_column(String(200), default="")
    condition: Mapped[str] = mapped_column(String(12))  # good | damaged | lost
    lendable: Mapped[bool] = mapped_column(Boolean, default=True)
    written_off: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())

    category: Mapped[AssetCategory] = relationship()


class Borrower(Base):
    """A person (an official; may be a KhetDesk user) or another state agency."""

    __tablename__ = "borrowers"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # person | agency
    name: Mapped[str] = mapped_column(String(200))  # the person, or the agency
    position: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(200), default="")  # a person's unit (ฝ่าย)
    contact: Mapped[str] = mapped_column(String(200), default="")
    signatory: Mapped[str] = mapped_column(String(200), default="")  # agency's signing official
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())

    user: Mapped[User | None] = relationship()


class Delegation(Base):
    """User ``user_id`` may approve for ``role`` from ``valid_from`` to ``valid_until``
    (inclusive; open-ended when null), recorded by a head or an admin (clause 208)."""

    __tablename__ = "delegations"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(200), default="")
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    granted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    granted_by: Mapped[User | None] = relationship(foreign_keys=[granted_by_id])


class LoanSequence(Base):
    """Last loan number given in a Thai fiscal year (named by its BE year). Locked and
    incremented in the request's own transaction: no duplicate, no gap."""

    __tablename__ = "loan_sequences"
    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(Integer)


class Loan(Base):
    __tablename__ = "loans"
    __table_args__ = (
        UniqueConstraint("fiscal_year", "seq"),
        Index("ix_loans_status_due", "status", "due_on"),
        Index("ix_loans_start_on", "start_on"),  # loans per month (statistics)
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_no: Mapped[str] = mapped_column(String(60), unique=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))  # durable | consumable
    borrower_id: Mapped[int] = mapped_column(ForeignKey("borrowers.id"), index=True)
    clause: Mapped[str] = mapped_column(String(8))  # 208(1) 208(2) 208(3) 210
    approver_role: Mapped[str] = mapped_column(String(20))
    purpose: Mapped[str] = mapped_column(Text)
    official_use: Mapped[bool] = mapped_column(Boolean)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    place: Mapped[str] = mapped_column(String(16))  # on_premises | off_premises
    place_detail: Mapped[str] = mapped_column(String(200), default="")
    start_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    decision_note: Mapped[str] = mapped_column(Text, default="")
    on_behalf_of: Mapped[str | None] = mapped_column(String(20))  # the delegated role
    delegation_id: Mapped[int | None] = mapped_column(ForeignKey("delegations.id"))
    handed_over_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    handed_over_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    returned_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    cancelled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    cancel_reason: Mapped[str] = mapped_column(Text, default="")

    borrower: Mapped[Borrower] = relationship()
    requested_by: Mapped[User | None] = relationship(foreign_keys=[requested_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    handed_over_by: Mapped[User | None] = relationship(foreign_keys=[handed_over_by_id])
    delegation: Mapped[Delegation | None] = relationship()
    items: Mapped[list[LoanItem]] = relationship(
        back_populates="loan", order_by="LoanItem.id", cascade="all, delete-orphan"
    )
    followups: Mapped[list[LoanFollowup]] = relationship(
        order_by="LoanFollowup.id", cascade="all, delete-orphan"
    )


class LoanItem(Base):
    """One asset on a loan: ``qty`` lent (1 for a durable item), ``returned_qty`` back so
    far, the condition at handover and at the return inspection (clause 209)."""

    __tablename__ = "loan_items"
    __table_args__ = (UniqueConstraint("loan_id", "asset_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"))
    asset_id: Mapped[int] = mapped_column(ForeignKey("assets.id"), index=True)
    qty: Mapped[int] = mapped_column(Integer)
    condition_out: Mapped[str | None] = mapped_column(String(12))
    returned_qty: Mapped[int] = mapped_column(Integer, default=0)
    condition_in: Mapped[str | None] = mapped_column(String(12))
    returned_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    settled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    loan: Mapped[Loan] = relationship(back_populates="items")
    asset: Mapped[Asset] = relationship()
    returns: Mapped[list[LoanReturn]] = relationship(
        order_by="LoanReturn.id", cascade="all, delete-orphan"
    )
    settlement: Mapped[LoanSettlement | None] = relationship(cascade="all, delete-orphan")


class LoanReturn(Base):
    """One return inspection of one item: who inspected, when, what came back."""

    __tablename__ = "loan_returns"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_item_id: Mapped[int] = mapped_column(
        ForeignKey("loan_items.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    condition: Mapped[str] = mapped_column(String(12))  # good | damaged | lost
    qty: Mapped[int] = mapped_column(Integer)
    inspected_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")

    inspected_by: Mapped[User | None] = relationship()


class LoanSettlement(Base):
    """How a damaged or lost item was made good (clause 209): repair, replace or pay."""

    __tablename__ = "loan_settlements"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_item_id: Mapped[int] = mapped_column(
        ForeignKey("loan_items.id", ondelete="CASCADE"), unique=True
    )
    method: Mapped[str] = mapped_column(String(10))  # repair | replace | pay
    amount: Mapped[Decimal | None] = mapped_column(Money)
    suggested_amount: Mapped[Decimal | None] = mapped_column(Money)
    working: Mapped[str] = mapped_column(Text, default="")  # the compensation, as JSON
    receipt: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    settled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    settled_by: Mapped[User | None] = relationship()


class LoanFollowup(Base):
    """A follow-up of a loan (clause 211): the office's date, the means, a note."""

    __tablename__ = "loan_followups"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), index=True)
    on_date: Mapped[dt.date] = mapped_column(Date)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    means: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    by: Mapped[User | None] = relationship()


import db.models_appointments  # noqa: E402  (appointments: issue 15)
import db.models_devices  # noqa: E402  (devices: issue 17)
import db.models_events  # noqa: E402  (the ticket history: issue 17, item 8)
import db.models_integrity  # noqa: E402  (integrity and transparency: issue 16)
import db.models_web  # noqa: E402, F401  (the citizen's phone: ticket ratings)
