"""SQLAlchemy 2.0 models. Times are stored as naive UTC and come back timezone-aware."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
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
    pick_reason: Mapped[str | None] = mapped_column(Text)
    printed: Mapped[bool] = mapped_column(Boolean, default=False)

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
