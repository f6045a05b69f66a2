"""Appointments (issue 15): bookable slots per service, bookings with a 6-character code, and
the office's holidays. A checked-in booking becomes an ordinary ticket row with its
appointment time (tickets.appointment_at), which the calling order reads."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models import Base, Service, Ticket, UTCDateTime


class Slot(Base):
    __tablename__ = "slots"
    __table_args__ = (UniqueConstraint("service_id", "starts_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    capacity: Mapped[int] = mapped_column(Integer)

    service: Mapped[Service] = relationship()


class Appointment(Base):
    """``name`` and ``phone`` are optional and are blanked ``appointment.keep_personal_days``
    after the appointment (PDPA); the audit trail never holds them."""

    __tablename__ = "appointments"
    __table_args__ = (Index("ix_appointments_slot_status", "slot_id", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(6), unique=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id"))
    status: Mapped[str] = mapped_column(String(12))
    name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(30))
    source: Mapped[str] = mapped_column(String(20), default="counter")  # counter | import
    external_ref: Mapped[str | None] = mapped_column(String(100), unique=True)
    booked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))

    slot: Mapped[Slot] = relationship()
    ticket: Mapped[Ticket | None] = relationship()


class Holiday(Base):
    """A day the office is closed: no slots are generated on it."""

    __tablename__ = "holidays"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
