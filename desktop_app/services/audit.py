"""Checking the audit trail."""

from __future__ import annotations

from db import audit
from db.uow import UnitOfWork


def verify(uow: UnitOfWork) -> audit.VerifyResult:
    with uow.read() as tx:
        return audit.verify(tx.session)
