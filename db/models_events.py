"""The history of every ticket: each call, recall, transfer and pick is a row (issue 17,
item 8). The ticket's own row says where it is now; a transfer moves it to another queue
and starts its wait there anew, so without these rows the call before the transfer (its
time, its counter, the wait that led to it) would survive only in the audit trail.

Written by services.tickets in the transaction of the action; rows from before this table
were taken from the audit trail by migration 0005.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, UTCDateTime


class TicketEvent(Base):
    """``kind``: call, recall, pick (a call out of order) or transfer. ``service_id`` is the
    queue the ticket was in (for a transfer, the one it left; ``to_service_id`` the one it
    joined); ``counter_id`` the counter that called it (for a transfer, the counter that
    had it, if any); ``user_id`` who did it."""

    __tablename__ = "ticket_events"
    __table_args__ = (Index("ix_ticket_events_ticket", "ticket_id", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    to_service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id"))
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
