"""Queue statistics the office is assessed on (ITA: IIT 1–2, EIT 1–2, 6–7): for a day, a
month or any range of business days, per service, per counter, per hour, per day and per
kind of ticket (priority lanes against everyone else).

Definitions (the figures a report states, so they are fixed here):
- *issued*: tickets issued in the range. Per service it is the service the ticket was
  issued for; every other figure of a service row belongs to the service the ticket
  ended in (after any transfer), the one that called and served it.
- *served*: completed (status done); *no-shows*: called and not there; *unfinished*: still
  waiting or at a counter when the day ended; *transferred*: moved to another service at
  least once (per service: moved away from the service it was issued for).
- *waiting time*: the wait in a queue until a counter called the ticket, from when the
  ticket joined that queue (its issue, or a transfer) to the first call there; a recall
  does not restart it. A ticket moved to another service has one wait per queue it was
  called from (its *legs*, from the ticket history ``ticket_events``): the leg before a
  transfer counts under the service and the counter that called it and sent it on, the
  last leg under the service and counter it ended in. Legs are never counted as tickets:
  issued, served, no-shows, unfinished and transferred count each ticket once. (History
  from before 0005 was rebuilt from the audit trail.) *service time*: call → completion,
  over served tickets. Medians are exact (mean of the two middle values);
  the 90th percentile is the nearest-rank value.
- *within standard*: served tickets whose service time is at most the service's published
  standard time (``services.standard_minutes``), as a share of served tickets.
- *out-of-order calls*: tickets called with ``ticket pick``; the reason, who called, and
  (from the audit entry of the pick) the ticket that was next in order.
- Counters: a counter's row has *called* instead of *issued*: the legs a call there began
  (a ticket called at counter 1, sent on and called at counter 3 is called at both).
  Served, no-shows and the waits add up to the totals.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Select,
    String,
    case,
    cast,
    exists,
    func,
    literal_column,
    select,
    union_all,
)

from db.models import AuditEntry, Counter, Service, Ticket, User
from db.models_events import TicketEvent
from db.uow import UnitOfWork
from desktop_app.domain.queue import PRIORITY_LABELS_TH, Priority, TicketStatus
from desktop_app.domain.thai_time import business_date
from desktop_app.services.stats_sql import (
    EMPTY_SPREAD,
    Spread,
    as_date,
    bangkok_hour,
    check_range,
    seconds_between,
    spread_select,
    to_spread,
)

GENERAL = "general"  # the key of tickets without a priority
GENERAL_LABEL_TH = "คิวทั่วไป"
DIMENSIONS = ("service", "counter", "hour", "day", "priority")


@dataclass(frozen=True)
class QueueRow:
    """One line of a statistics table. Times are in seconds."""

    key: str
    label: str
    issued: int  # per counter: called there
    served: int
    no_show: int
    unfinished: int
    transferred: int
    picked: int
    wait: Spread
    service: Spread
    within_standard: int

    @property
    def within_standard_share(self) -> float | None:
        return self.within_standard / self.served if self.served else None

    @property
    def wait_median_min(self) -> float | None:
        return _minutes(self.wait.median)

    @property
    def wait_p90_min(self) -> float | None:
        return _minutes(self.wait.p90)

    @property
    def wait_max_min(self) -> float | None:
        return _minutes(self.wait.max)

    @property
    def service_median_min(self) -> float | None:
        return _minutes(self.service.median)

    @property
    def service_p90_min(self) -> float | None:
        return _minutes(self.service.p90)


@dataclass(frozen=True)
class PickRow:
    """One call out of order."""

    business_date: dt.date
    code: str
    service: str
    counter: int | None
    called_at: dt.datetime | None
    reason: str
    username: str
    user_name: str
    next_in_order: str | None
    waited_s: int | None


@dataclass(frozen=True)
class PickerRow:
    """Out-of-order calls per user: who made them."""

    username: str
    name: str
    picks: int


@dataclass(frozen=True)
class QueueStats:
    date_from: dt.date
    date_to: dt.date
    total: QueueRow
    by_service: tuple[QueueRow, ...]
    by_counter: tuple[QueueRow, ...]
    by_hour: tuple[QueueRow, ...]
    by_day: tuple[QueueRow, ...]
    by_priority: tuple[QueueRow, ...]
    picks: tuple[PickRow, ...]
    pickers: tuple[PickerRow, ...]

    def table(self, dimension: str) -> tuple[QueueRow, ...]:
        return getattr(self, f"by_{dimension}")  # type: ignore[no-any-return]


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


Progress = Callable[[int, int], None]


def waiting_since() -> ColumnElement[Any]:
    """When the ticket joined the queue it is (or was) called from: its last transfer, or
    its issue."""
    return func.coalesce(Ticket.transferred_at, Ticket.issued_at)


def _base(date_from: dt.date, date_to: dt.date) -> Select[*tuple[Any, ...]]:
    """One row per ticket in the range with everything the figures need (``is_ticket`` 1),
    and one per earlier leg of a transferred ticket that was called before it moved on
    (``is_ticket`` 0: it counts for the waiting time and the counter that called it, never
    as a ticket)."""
    done = Ticket.status == TicketStatus.DONE.value
    service_s = seconds_between(Ticket.called_at, Ticket.finished_at)
    tickets: Select[*tuple[Any, ...]] = (
        select(
            Ticket.service_id.label("service_key"),
            Ticket.issued_service_id.label("issued_service_key"),
            Ticket.counter_id.label("counter_key"),
            bangkok_hour(Ticket.issued_at).label("hour_key"),
            Ticket.business_date.label("day_key"),
            func.coalesce(Ticket.priority, GENERAL).label("priority_key"),
            Ticket.status.label("status"),
            Ticket.transfer_count.label("transfer_count"),
            Ticket.pick_reason.label("pick_reason"),
            seconds_between(waiting_since(), Ticket.called_at).label("wait_s"),
            case((done, service_s)).label("service_s"),
            (Service.standard_minutes * 60).label("standard_s"),
            literal_column("1").label("is_ticket"),
        )
        .join(Service, Service.id == Ticket.service_id)
        .where(Ticket.business_date >= date_from, Ticket.business_date <= date_to)
    )
    return union_all(tickets, _earlier_legs(date_from, date_to)).subquery("rows").select()


CALLS = ("call", "pick")


def _earlier_legs(date_from: dt.date, date_to: dt.date) -> Select[*tuple[Any, ...]]:
    """A leg is a ticket's time in one queue: from its issue or a transfer to the next
    transfer, or to its end. The last leg is the ticket's own row; each earlier one that
    was called is the first call (or pick) after the leg began, with a transfer after it.
    Its wait runs from the leg's start to that call (a recall does not restart it)."""
    events = TicketEvent.metadata.tables[TicketEvent.__tablename__]
    e, later, earlier, moves, last_move = (
        events.alias(name) for name in ("e", "later", "earlier", "moves", "last_move")
    )
    same = e.c.ticket_id
    began = (
        select(func.max(moves.c.at))
        .where(moves.c.ticket_id == same, moves.c.kind == "transfer", moves.c.id < e.c.id)
        .scalar_subquery()
    )
    leg_start_id = (
        select(func.coalesce(func.max(last_move.c.id), 0))
        .where(
            last_move.c.ticket_id == same, last_move.c.kind == "transfer", last_move.c.id < e.c.id
        )
        .correlate(e)  # two levels down: the leg's own call event
        .scalar_subquery()
    )
    moved_on = exists().where(later.c.ticket_id == same, later.c.kind == "transfer",
                              later.c.id > e.c.id)  # fmt: skip
    called_before = exists().where(earlier.c.ticket_id == same, earlier.c.kind.in_(CALLS),
                                   earlier.c.id < e.c.id, earlier.c.id > leg_start_id)  # fmt: skip
    return (
        select(
            e.c.service_id.label("service_key"),
            Ticket.issued_service_id.label("issued_service_key"),
            e.c.counter_id.label("counter_key"),
            bangkok_hour(Ticket.issued_at).label("hour_key"),
            Ticket.business_date.label("day_key"),
            func.coalesce(Ticket.priority, GENERAL).label("priority_key"),
            literal_column("'moved'").label("status"),
            literal_column("0").label("transfer_count"),
            cast(literal_column("NULL"), String).label("pick_reason"),
            seconds_between(func.coalesce(began, Ticket.issued_at), e.c.at).label("wait_s"),
            cast(literal_column("NULL"), Float).label("service_s"),
            literal_column("0").label("standard_s"),
            literal_column("0").label("is_ticket"),
        )
        .select_from(e)
        .join(Ticket, Ticket.id == e.c.ticket_id)
        .where(
            Ticket.business_date >= date_from,
            Ticket.business_date <= date_to,
            e.c.kind.in_(CALLS),
            moved_on,
            ~called_before,
        )
    )


Figures = tuple[tuple[int, ...], Spread, Spread]


def _figures(
    session: Any,
    base: Select[*tuple[Any, ...]],
    dims: dict[str, str | None],
    metrics: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, dict[str, Figures]]:
    """dimension → key (as text) → (counts, waiting-time spread, service-time spread), for
    each dimension name → key column of ``base`` (None: one group of every row).
    ``metrics`` limits the spreads computed for a dimension (default: both).

    One statement: the base rows are materialised once (a CTE used many times) and every
    GROUP BY and percentile reads them, joined by UNION ALL."""
    b = base.cte("base")

    def n(cond: ColumnElement[bool]) -> ColumnElement[float]:
        return cast(func.coalesce(func.sum(case((cond, 1), else_=0)), 0), Float)

    status = b.c.status
    count_columns = [
        n(b.c.is_ticket == 1),
        n(status == TicketStatus.DONE.value),
        n(status == TicketStatus.NO_SHOW.value),
        n(status.in_([TicketStatus.WAITING.value, TicketStatus.CALLED.value])),
        n(b.c.transfer_count > 0),
        n(b.c.pick_reason.is_not(None)),
        n((status == TicketStatus.DONE.value) & (b.c.service_s <= b.c.standard_s)),
        cast(func.count(), Float),  # tickets and earlier legs: per counter, the calls
    ]
    parts: list[Select[*tuple[Any, ...]]] = []
    for dim, key in dims.items():
        col = b.c[key] if key else None
        k = cast(col, String) if col is not None else literal_column("'all'")
        counts = select(literal_column(f"'{dim}'"), literal_column("'count'"), k, *count_columns)
        parts.append(counts.group_by(col) if col is not None else counts)
        for metric in (metrics or {}).get(dim, ("wait_s", "service_s")):
            tags: tuple[ColumnElement[Any], ...] = (
                literal_column(f"'{dim}'"),
                literal_column(f"'{metric}'"),
            )
            spread = spread_select(col, b.c[metric], *tags)
            pad = [cast(literal_column("NULL"), Float)] * (len(count_columns) - 4)
            parts.append(spread.add_columns(*pad))
    out: dict[str, dict[str, list[Any]]] = {d: {} for d in dims}
    for dim, metric, key, *values in session.execute(union_all(*parts)).all():
        slot = out[dim].setdefault(str(key), [None, EMPTY_SPREAD, EMPTY_SPREAD])
        if metric == "count":
            slot[0] = tuple(int(x) for x in values)
        else:
            slot[1 if metric == "wait_s" else 2] = to_spread(*values[:4])
    return {
        dim: {k: (v[0], v[1], v[2]) for k, v in groups.items() if v[0] is not None}
        for dim, groups in out.items()
    }


def _row(key: str, label: str, data: Figures) -> QueueRow:
    (issued, served, no_show, unfinished, transferred, picked, within, _), wait, service = data
    return QueueRow(
        key, label, issued, served, no_show, unfinished, transferred, picked, wait, service, within
    )


def _counter_row(key: str, label: str, data: Figures) -> QueueRow:
    """A counter's row: its *called* counts every leg a call there began, the legs that
    moved on to another queue too."""
    return replace(_row(key, label, data), issued=data[0][7])


def _empty_figures() -> Figures:
    return ((0, 0, 0, 0, 0, 0, 0, 0), EMPTY_SPREAD, EMPTY_SPREAD)


def _empty(key: str, label: str) -> QueueRow:
    return QueueRow(key, label, 0, 0, 0, 0, 0, 0, EMPTY_SPREAD, EMPTY_SPREAD, 0)


def queue_stats(
    uow: UnitOfWork,
    date_from: dt.date,
    date_to: dt.date | None = None,
    progress: Progress | None = None,
) -> QueueStats:
    """Every figure for the business days ``date_from`` … ``date_to`` (inclusive), read
    in one snapshot. Only aggregated rows leave the database (and the out-of-order calls,
    which are listed one by one on purpose)."""
    end = date_to or date_from
    check_range(date_from, end)
    steps = 5
    step = 0

    def tick() -> None:
        nonlocal step
        step += 1
        if progress:
            progress(step, steps)

    with uow.read() as tx:
        s = tx.session
        tick()
        fig = _figures(s, _base(date_from, end), _DIMS, _METRICS)
        tick()
        total = _row("total", "รวม", fig["total"]["all"])

        services = s.execute(select(Service).order_by(Service.code)).scalars().all()
        by_service = []
        for svc in services:
            data = fig["service"].get(str(svc.id))
            row = _row(svc.code, svc.name, data) if data else _empty(svc.code, svc.name)
            issued = fig["issued"].get(str(svc.id))
            if data is None and issued is None and not svc.active:
                continue  # a closed service with nothing in the range
            n_issued, moved = (issued[0][0], issued[0][4]) if issued else (0, 0)
            by_service.append(replace(row, issued=n_issued, transferred=moved))
        tick()

        counters = s.execute(select(Counter).order_by(Counter.number)).scalars().all()
        per_counter = fig["counter"]
        by_counter = tuple(
            _counter_row(str(c.number), c.name or f"ช่องบริการ {c.number}", per_counter[str(c.id)])
            if str(c.id) in per_counter
            else _empty(str(c.number), c.name or f"ช่องบริการ {c.number}")
            for c in counters
            if str(c.id) in per_counter or c.active
        )
        tick()

        per_hour = fig["hour"]
        by_hour = tuple(
            _row(f"{int(h):02d}", f"{int(h):02d}:00–{int(h):02d}:59", per_hour[h])
            for h in sorted(per_hour, key=int)
        )
        per_day = fig["day"]
        by_day = tuple(
            _row(as_date(d).isoformat(), as_date(d).isoformat(), per_day[d])
            for d in sorted(per_day, key=as_date)
        )
        per_prio = fig["priority"]
        order = [p.value for p in Priority] + [GENERAL]
        by_priority = tuple(
            _row(
                k,
                PRIORITY_LABELS_TH[Priority(k)] if k != GENERAL else GENERAL_LABEL_TH,
                per_prio[k],
            )
            for k in order
            if k in per_prio
        )
        tick()

        picks = _picks(s, date_from, end)
        pickers: dict[tuple[str, str], int] = {}
        for p in picks:
            pickers[(p.username, p.user_name)] = pickers.get((p.username, p.user_name), 0) + 1
        tick()
        return QueueStats(
            date_from=date_from,
            date_to=end,
            total=total,
            by_service=tuple(by_service),
            by_counter=by_counter,
            by_hour=by_hour,
            by_day=by_day,
            by_priority=by_priority,
            picks=picks,
            pickers=tuple(
                PickerRow(u, name, n)
                for (u, name), n in sorted(pickers.items(), key=lambda x: (-x[1], x[0]))
            ),
        )


# Each percentile is one sort of the range's tickets: the daily and per-kind tables show
# waiting times only (the per-day chart, and priority against everyone else).
_METRICS: dict[str, tuple[str, ...]] = {
    "issued": (),
    "day": ("wait_s",),
    "priority": ("wait_s",),
}
_DIMS: dict[str, str | None] = {
    "total": None,
    "issued": "issued_service_key",
    "service": "service_key",
    "counter": "counter_key",
    "hour": "hour_key",
    "day": "day_key",
    "priority": "priority_key",
}


def _picks(session: Any, date_from: dt.date, date_to: dt.date) -> tuple[PickRow, ...]:
    rows = session.execute(
        select(
            Ticket.business_date,
            Ticket.code,
            Service.code,
            Counter.number,
            Ticket.called_at,
            Ticket.pick_reason,
            User.username,
            User.name,
            seconds_between(waiting_since(), Ticket.called_at),
        )
        .join(Service, Service.id == Ticket.service_id)
        .outerjoin(Counter, Counter.id == Ticket.counter_id)
        .outerjoin(User, User.id == Ticket.called_by_id)
        .where(
            Ticket.business_date >= date_from,
            Ticket.business_date <= date_to,
            Ticket.pick_reason.is_not(None),
        )
        .order_by(Ticket.business_date, Ticket.called_at, Ticket.id)
    ).all()
    if not rows:
        return ()
    # The audit entry of each pick names the ticket that was next in order.
    ids = [f"{day}/{code}" for day, code, *_ in rows]
    skipped: dict[str, str | None] = {}
    for i in range(0, len(ids), 500):
        for entity_id, after in session.execute(
            select(AuditEntry.entity_id, AuditEntry.after_json)
            .where(
                AuditEntry.action == "ticket.pick",
                AuditEntry.entity == "ticket",
                AuditEntry.entity_id.in_(ids[i : i + 500]),
            )
            .order_by(AuditEntry.id)
        ).all():
            try:
                skipped[entity_id] = json.loads(after).get("next_in_order")
            except (ValueError, AttributeError):
                skipped[entity_id] = None
    return tuple(
        PickRow(
            as_date(day),
            code,
            svc,
            counter,
            called,
            reason or "",
            username or "",
            name or "",
            skipped.get(f"{day}/{code}"),
            waited,
        )
        for day, code, svc, counter, called, reason, username, name, waited in rows
    )


# ---------------------------------------------------------------- the counter's today panel


@dataclass(frozen=True)
class TodayPanel:
    """The live "today" figures on the counter console: the office's and this counter's."""

    business_date: dt.date
    office: QueueRow
    counter: QueueRow | None
    waiting_now: int


def today_panel(uow: UnitOfWork, counter_number: int | None = None) -> TodayPanel:
    with uow.read() as tx:
        s = tx.session
        day = business_date(tx.now())
        base = _base(day, day)
        fig = _figures(s, base, {"total": None, "counter": "counter_key"})
        office = _row("total", "รวม", fig["total"].get("all") or _empty_figures())
        mine = None
        if counter_number is not None:
            counter_id = s.scalar(select(Counter.id).where(Counter.number == counter_number))
            if counter_id is not None:
                data = fig["counter"].get(str(counter_id)) or _empty_figures()
                mine = _counter_row(str(counter_number), f"ช่องบริการ {counter_number}", data)
        waiting = s.scalar(
            select(func.count()).where(
                Ticket.business_date == day, Ticket.status == TicketStatus.WAITING.value
            )
        )
        return TodayPanel(day, office, mine, int(waiting or 0))
