"""One poll of the audit head per server process, fanned out to every client.

A background task asks the database for the audit chain's last sequence number every
``POLL_S`` seconds (one row by primary key). Only when it moves (or the business day
turns) does the hub read today's state again: every ticket page (services.ticket_page),
the board and the ``queue status`` answer, a fixed number of queries whatever the number of
phones. Pages and the API for today are answered from that state in memory; SSE clients
wait on one asyncio event that the hub sets and replaces on every change. The number of
database queries therefore depends on how often the queue changes, never on how many
phones watch it (tests/bench/web_load.py measures it).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from anyio import to_thread

from db.uow import UnitOfWork
from desktop_app.services import ticket_page, tickets
from desktop_app.services.ticket_page import DaySnapshot, TicketState
from desktop_app.services.tickets import BoardStatus, QueueStatus

log = logging.getLogger(__name__)

POLL_S = 0.25  # four reads of one row a second: a call shows on every phone within ~0.5 s
PAST_DAYS_KEPT = 8
# A request (page, API) is answered from a state whose head was read at most this long ago:
# a script that runs `khetdesk ticket call` and then asks the API sees the call. Requests
# arriving together share one read, so the reads follow the request rate (at most 1/FRESH_S
# a second), never the number of open streams.
FRESH_S = 0.02


@dataclass(frozen=True)
class State:
    """Everything the server shows for today, read after one change of the audit head."""

    revision: int
    snapshot: DaySnapshot
    board: BoardStatus
    status: QueueStatus
    read_at: float  # time.monotonic()


class Hub:
    def __init__(self, uow: UnitOfWork, poll_s: float = POLL_S) -> None:
        self.uow = uow
        self.poll_s = poll_s
        self.state: State | None = None
        self.error: str | None = None
        self.clients = 0
        self._changed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._past: OrderedDict[tuple[dt.date, int], DaySnapshot] = OrderedDict()
        self.changed_at = 0.0  # monotonic time of the last fan-out
        self._read_at = 0.0  # monotonic time of the last read of the head
        self._lock = asyncio.Lock()

    # ------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        await self.refresh(max_age=0)
        self._task = asyncio.create_task(self._run(), name="khetdesk-web-poll")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._wake()  # let waiting streams see the end

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.poll_s)
            await self.refresh(max_age=0)

    # ------------------------------------------------------------ reading

    def _read(self, known: State | None) -> State | None:
        """In a worker thread: the head, and today's state if the head or the day moved."""
        revision, day = ticket_page.head(self.uow)
        if known is not None and (revision, day) == (known.revision, known.snapshot.business_date):
            return None
        snapshot = ticket_page.day_snapshot(self.uow)
        return State(
            revision=snapshot.revision,
            snapshot=snapshot,
            board=tickets.board_status(self.uow),
            status=tickets.queue_status(self.uow),
            read_at=time.monotonic(),
        )

    async def refresh(self, max_age: float = FRESH_S) -> None:
        """Make sure the head was read after (now − ``max_age``). Callers that arrive while a
        read runs wait for it, then for at most one more that serves all of them: reads never
        queue up one per request, however slow one read is."""
        wanted = time.monotonic() - max_age
        async with self._lock:
            if self._read_at >= wanted and self._read_at > 0:
                return
            await self._refresh()

    async def _refresh(self) -> None:
        self._read_at = time.monotonic()
        try:
            new = await to_thread.run_sync(self._read, self.state)
        except Exception as e:  # the database is down or busy: say so, keep serving
            if self.error is None:
                log.warning("database unavailable: %s", str(e)[:200])
            self.error = type(e).__name__
            return
        self.error = None
        if new is not None:
            self.state = new
            self._wake()

    def _wake(self) -> None:
        self.changed_at = time.monotonic()
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    async def wait_change(self) -> None:
        """Until the next change (or the server's end), for a live stream. A plain wait on
        the shared event: no timer or task per client (sse-starlette pings idle streams)."""
        await self._changed.wait()

    def today(self) -> dt.date | None:
        return self.state.snapshot.business_date if self.state else None

    async def ticket(self, day: dt.date, code: str, fresh: bool = False) -> TicketState | None:
        """A ticket's page state: today's from memory, another day's read once per change.
        ``fresh``: as of at most FRESH_S ago (a request; a stream needs no such check)."""
        if fresh:
            await self.refresh()
        state = self.state
        if state is None:
            raise RuntimeError("no state yet")
        if day == state.snapshot.business_date:
            return state.snapshot.tickets.get(code)
        key = (day, state.revision)
        snap = self._past.get(key)
        if snap is None:
            snap = await to_thread.run_sync(ticket_page.day_snapshot, self.uow, day)
            self._past[key] = snap
            while len(self._past) > PAST_DAYS_KEPT:
                self._past.popitem(last=False)
        return snap.tickets.get(code)

    def health(self) -> dict[str, Any]:
        state = self.state
        return {
            "ok": state is not None and self.error is None,
            "database": "ok" if self.error is None else self.error,
            "revision": state.revision if state else None,
            "business_date": state.snapshot.business_date.isoformat() if state else None,
            "clients": self.clients,
        }
