"""Checking the audit trail: the hash chain, and whether the tables are what the trail says."""

from __future__ import annotations

import dataclasses

from sqlalchemy import Connection

from db import audit
from db.audit_reconcile import reconcile
from db.uow import UnitOfWork


def verify_connection(conn: Connection) -> audit.VerifyResult:
    """The chain, then the tables against it, on one connection (one snapshot). ``ok`` only
    when the chain is intact and no row differs from the trail."""
    chain = audit.verify(conn)
    mismatches = tuple(reconcile(conn))
    ok = chain.ok and not mismatches
    reason = chain.reason
    if chain.ok and mismatches:
        reason = f"{len(mismatches)} stored value(s) differ from the audit trail"
    return dataclasses.replace(chain, ok=ok, reason=reason, mismatches=mismatches)


def verify(uow: UnitOfWork) -> audit.VerifyResult:
    with uow.read() as tx:
        return verify_connection(tx.session.connection())
