"""Devices (issue 17): the kiosk and board PCs, each with a revocable token of least
privilege instead of a person's password. Only the token's SHA-256 is stored: a token is 256
random bits, so a fast hash is enough (nothing to guess), and the database never holds it in
clear. A revoked device keeps its row and its name, so the audit trail's ``device:NAME``
always means one device."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, UTCDateTime


class Device(Base):
    __tablename__ = "devices"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # kiosk | board
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
