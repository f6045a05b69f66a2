"""The calling order as a pure-Python model: a few heaps, no database.

It is the second implementation of the rule that ``services.tickets`` decides in SQL (CLI.md,
"Calling order"), written from the text and not from the query, so that a property test can
hold the two equal on random days (tests/integration/test_calling_policy.py), and so that the
simulator's cost can be compared with the bare rule (make bench).

Tickets are numbered by arrival (``tid``), as the database numbers them by id.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop_app.domain.queue import CallingPolicy


@dataclass(frozen=True)
class ModelTicket:
    tid: int
    service: str
    priority: bool
    issued_at: dt.datetime
    appointment_at: dt.datetime | None = None


@dataclass
class CallingModel:
    policy: CallingPolicy = field(default_factory=CallingPolicy)
    # Per service: lanes keyed by arrival, appointments keyed by their time.
    _priority: dict[str, list[tuple[int, ModelTicket]]] = field(default_factory=dict)
    _ordinary: dict[str, list[tuple[int, ModelTicket]]] = field(default_factory=dict)
    _appointments: dict[str, list[tuple[dt.datetime, int, ModelTicket]]] = field(
        default_factory=dict
    )
    _gone: set[int] = field(default_factory=set)
    _run: dict[int, int] = field(default_factory=dict)  # counter -> priority calls in a row

    def add(self, t: ModelTicket) -> None:
        if t.appointment_at is not None:
            heapq.heappush(
                self._appointments.setdefault(t.service, []), (t.appointment_at, t.tid, t)
            )
        elif t.priority:
            heapq.heappush(self._priority.setdefault(t.service, []), (t.tid, t))
        else:
            heapq.heappush(self._ordinary.setdefault(t.service, []), (t.tid, t))

    def remove(self, tid: int) -> None:
        """A ticket that leaves the queue otherwise (picked, cancelled)."""
        self._gone.add(tid)

    def _top(self, heaps: dict[str, list[tuple]], services: Iterable[str]) -> tuple | None:  # type: ignore[type-arg]
        best = None
        for svc in services:
            heap = heaps.get(svc)
            while heap and heap[0][-1].tid in self._gone:
                heapq.heappop(heap)
            if heap and (best is None or heap[0] < best):
                best = heap[0]
        return best

    def next(self, counter: int, services: Iterable[str], now: dt.datetime) -> ModelTicket | None:
        """Call the next ticket to ``counter`` (serving ``services``) at ``now``."""
        services = tuple(services)
        appt = self._top(self._appointments, services)
        prio = self._top(self._priority, services)
        ordinary = self._top(self._ordinary, services)
        chosen: ModelTicket | None
        if appt is not None and appt[0] <= now:
            chosen = appt[-1]
        else:
            p = prio[-1] if prio else None
            o = ordinary[-1] if ordinary else None
            k, m = self.policy.priority_run_max, self.policy.ageing_minutes
            aged = o is not None and m > 0 and o.issued_at <= now - dt.timedelta(minutes=m)
            if p is not None and o is not None and k and self._run.get(counter, 0) >= k:
                chosen = o
            elif p is not None and (not aged or p.tid < o.tid):  # type: ignore[union-attr]
                chosen = p
            elif o is not None:
                chosen = o
            else:
                chosen = appt[-1] if appt is not None else None  # early, as nobody else waits
        if chosen is None:
            return None
        self._gone.add(chosen.tid)
        lane_priority = chosen.priority and chosen.appointment_at is None
        self._run[counter] = self._run.get(counter, 0) + 1 if lane_priority else 0
        return chosen
