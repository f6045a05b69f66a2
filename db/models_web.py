"""The citizen's phone (desktop_app/web): one satisfaction rating per ticket.

The ticket's own random secret (``tickets.web_secret``, carried in its QR code) is a column
of db.models.Ticket; it guards the rating, the only write the web server makes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, UTCDateTime


class TicketRating(Base):
    """A citizen's 1–5 rating of the service a ticket got, with an optional comment. The
    unique ticket id makes "once per ticket" a rule of the database, not only of the code."""

    __tablename__ = "ticket_ratings"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(
        ForeignKey("tickets.id", ondelete="CASCADE"), unique=True
    )
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    rated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
