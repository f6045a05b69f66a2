"""`audit verify` on a trail longer than one streamed chunk (issue 18, item 5), both engines.

The chain scan streams the entries (libpq's chunked rows on PostgreSQL). When it stops
early at a bad entry, the rest of the result must not abort the read transaction the
reconciliation then runs in: psycopg cancels an abandoned stream, and a cancelled
statement fails the whole transaction. The trail is the benchmark's (tickets issued,
printed, called and completed, chained with the real hash), long enough that the server
is still sending when the scan stops.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services.audit import verify, verify_connection
from tests.bench.audit_verify import build

ENTRIES = 40_000


@pytest.fixture
def long_trail(db_url: str) -> UnitOfWork:
    build(db_url, ENTRIES)
    return UnitOfWork(make_engine(db_url))


def test_a_long_trail_verifies(long_trail: UnitOfWork) -> None:
    result = verify(long_trail)
    assert (result.ok, result.first_bad, result.mismatches) == (True, None, ())
    assert result.entries > ENTRIES - 10
    long_trail.engine.dispose()


def test_an_early_bad_entry_is_named_and_the_tables_still_compared(
    long_trail: UnitOfWork,
) -> None:
    """Entry 40 edited and a ticket's status changed, both committed: the chain stops at 40
    with 39,000 entries still coming, and the reconciliation after it still runs."""
    with long_trail.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE id = 40"))
        first = "(SELECT min(id) FROM tickets WHERE code = 'A101')"
        conn.execute(text(f"UPDATE tickets SET status = 'waiting' WHERE id = {first}"))
        days = conn.execute(text(f"SELECT business_date FROM tickets WHERE id = {first}"))
        day = str(days.scalar_one())
    for result in (verify(long_trail), _in_one_transaction(long_trail)):
        assert (result.ok, result.first_bad) == (False, 40)
        assert [(m.entity, m.id, m.field, m.table, m.trail) for m in result.mismatches] == [
            ("ticket", f"{day}/A101", "status", "waiting", "done")
        ]
    long_trail.engine.dispose()


def _in_one_transaction(uow: UnitOfWork):  # type: ignore[no-untyped-def]
    with uow.engine.connect() as conn, conn.begin():
        return verify_connection(conn)
