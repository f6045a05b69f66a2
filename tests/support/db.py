"""Helpers for database tests: a controllable clock, actors, and a snapshot of every row
(to prove that a refused command changed nothing)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine, select

from db.models import Base, User
from db.uow import UnitOfWork
from desktop_app.domain.roles import Role
from desktop_app.services.auth import Actor

# 09:00 in Bangkok on Tuesday 24 November 2026 (BE 2569).
OPENING = dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.UTC)


class FakeClock:
    def __init__(self, start: dt.datetime = OPENING) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


def actor(uow: UnitOfWork, username: str) -> Actor:
    with uow.read() as tx:
        u = tx.session.execute(select(User).where(User.username == username)).scalar_one()
        return Actor(u.id, u.username, Role(u.role), u.name)


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(select(table)).all()
            out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out
