"""Checking the audit trail: the hash chain, and whether the tables are what the trail says."""

from __future__ import annotations

import contextlib
import dataclasses
import re
import threading
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from db import audit
from db.audit_reconcile import reconcile
from db.uow import UnitOfWork


def _combined(
    chain: audit.VerifyResult, mismatches: tuple[audit.Mismatch, ...]
) -> audit.VerifyResult:
    """``ok`` only when the chain is intact and no row differs from the trail."""
    ok = chain.ok and not mismatches
    reason = chain.reason
    if chain.ok and mismatches:
        reason = f"{len(mismatches)} stored value(s) differ from the audit trail"
    return dataclasses.replace(chain, ok=ok, reason=reason, mismatches=mismatches)


def verify_connection(conn: Connection) -> audit.VerifyResult:
    """The chain, then the tables against it, on one connection (one snapshot, which
    includes whatever ``conn``'s own transaction has changed)."""
    chain = audit.verify(conn)
    return _combined(chain, tuple(reconcile(conn)))


def verify(uow: UnitOfWork) -> audit.VerifyResult:
    with uow.read() as tx:
        conn = tx.session.connection()
        if conn.dialect.name == "postgresql":
            with _same_snapshot(uow.engine, conn) as other:
                if other is not None:
                    return _overlapped(conn, other)
        return verify_connection(conn)


# ---------------------------------------------------------------- PostgreSQL: both at once
# The chain is hashed here, in Python, while the server sits mostly idle; the
# reconciliation's big queries keep the server busy (the newest entry of each of 250,000
# tickets at 1,000,000 entries, joined with its row and sorted) while this process waits.
# On PostgreSQL the two run at once, on two connections that see one and the same
# snapshot: the reading transaction exports its snapshot (pg_export_snapshot) and a second
# REPEATABLE READ transaction imports it (SET TRANSACTION SNAPSHOT) before it reads
# anything, so the reconciliation sees exactly what the chain scan sees.
# SQLite runs the two in turn: two read transactions in WAL mode may see different
# commits, and sqlite3 lets go of the GIL for every row it steps, so a second thread
# would make the chain scan wait for the GIL once per row rather than overlap with it.

_SNAPSHOT_ID = re.compile(r"[0-9A-F]+-[0-9A-F]+(-[0-9]+)?")


@contextlib.contextmanager
def _same_snapshot(engine: Engine, conn: Connection) -> Iterator[Connection | None]:
    """A second connection whose transaction reads ``conn``'s snapshot, or None when one
    cannot be had (no free connection, an unexpected snapshot id): then the caller runs
    everything on ``conn``."""
    snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
    other: Connection | None = None
    if isinstance(snapshot, str) and _SNAPSHOT_ID.fullmatch(snapshot) is not None:
        with contextlib.suppress(DBAPIError):
            other = engine.connect().execution_options(isolation_level="REPEATABLE READ")
    try:
        if other is not None:
            try:
                # The transaction's first statement (a literal: SET takes no parameters).
                other.exec_driver_sql(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
            except DBAPIError:
                other.close()
                other = None
        yield other
    finally:
        if other is not None:
            other.close()  # its transaction, which changed nothing, rolled back


def _overlapped(conn: Connection, other: Connection) -> audit.VerifyResult:
    """The chain on ``conn`` in this thread while another reconciles on ``other``."""
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["mismatches"] = tuple(reconcile(other))
        except BaseException as e:  # raised again in the caller's thread
            outcome["error"] = e

    worker = threading.Thread(target=work, name="khetdesk-audit-reconcile", daemon=True)
    worker.start()
    try:
        chain = audit.verify(conn)
    finally:
        worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return _combined(chain, outcome["mismatches"])
