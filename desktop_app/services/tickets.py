"""The queue: issue, call, recall, complete, no-show, transfer, pick out of order.

Writers are serialised by the unit of work, so "read the next waiting ticket, then mark it
called" cannot hand the same citizen to two counters, and a day's numbers cannot repeat.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Row,
    Select,
    and_,
    bindparam,
    case,
    func,
    insert,
    or_,
    select,
    true,
    union,
)
from sqlalchemy.orm import Session, aliased, selectinload

from db import audit
from db.models import AuditHead, Counter, CounterService, DailySequence, Service, Ticket
from db.models_events import TicketEvent
from db.uow import Transaction, UnitOfWork
from desktop_app.domain import queue
from desktop_app.domain.errors import Conflict, NotFound, RuleViolation
from desktop_app.domain.queue import TicketStatus
from desktop_app.domain.roles import require
from desktop_app.domain.text import clean_text
from desktop_app.domain.thai_time import business_date
from desktop_app.services.auth import Actor
from desktop_app.services.office import (
    ServiceView,
    find_counter,
    find_service,
    no_such_service,
    ordered_services,
    service_view,
)
from desktop_app.services.settings import read_setting

RECENT_SERVED_SAMPLE = 10
NEXT_CODES_SHOWN = 5


@dataclass(frozen=True)
class TicketView:
    code: str
    service: str
    service_name: str
    number: int
    priority: str | None
    status: str
    business_date: dt.date
    issued_at: dt.datetime
    counter: int | None
    called_at: dt.datetime | None
    finished_at: dt.datetime | None
    recall_count: int
    transfer_count: int
    printed: bool
    pick_reason: str | None = None
    ahead: int | None = None
    estimated_wait_minutes: int | None = None
    # Its first call (or pick) of the day, kept when a transfer sends it to a new queue and
    # ``called_at`` starts over (db.models_events); filled by ``show``.
    first_called_at: dt.datetime | None = None


@dataclass(frozen=True)
class ServiceQueue:
    code: str
    name: str
    waiting: int
    next: tuple[str, ...]


@dataclass(frozen=True)
class CounterState:
    number: int
    name: str
    serving: str | None
    services: tuple[str, ...]


@dataclass(frozen=True)
class QueueStatus:
    business_date: dt.date
    services: tuple[ServiceQueue, ...]
    counters: tuple[CounterState, ...]


def _view(t: Ticket, estimate: queue.WaitEstimate | None = None) -> TicketView:
    return TicketView(
        code=t.code,
        service=t.service.code,
        service_name=t.service.name,
        number=t.number,
        priority=t.priority,
        status=t.status,
        business_date=t.business_date,
        issued_at=t.issued_at,
        counter=t.counter.number if t.counter is not None else None,
        called_at=t.called_at,
        finished_at=t.finished_at,
        recall_count=t.recall_count,
        transfer_count=t.transfer_count,
        printed=t.printed,
        pick_reason=t.pick_reason,
        ahead=estimate.ahead if estimate else None,
        estimated_wait_minutes=estimate.minutes if estimate else None,
    )


def _audit_state(t: Ticket) -> dict[str, object]:
    return {
        "code": t.code,
        "date": t.business_date.isoformat(),
        "service": t.service.code,
        "status": t.status,
        "counter": t.counter.number if t.counter is not None else None,
        "priority": t.priority,
    }


_S = TypeVar("_S", bound=Select[*tuple[Any, ...]])


def _in_calling_order(stmt: _S) -> _S:
    """The calling order (queue.priority_rank): priority rank, then arrival. Arrival is the
    ticket id, not its timestamp: writers are serialised, so ids follow the order tickets
    were really issued in, whatever a PC's clock says; a transferred ticket keeps its id
    and so its place."""
    return stmt.order_by(Ticket.priority_rank, Ticket.id)


def _waiting_today(day: dt.date) -> list[ColumnElement[bool]]:
    return [Ticket.business_date == day, Ticket.status == TicketStatus.WAITING.value]


def _waiting_by_service(s: Session, day: dt.date) -> dict[int, int]:
    """Service id -> tickets waiting today (services with none are absent)."""
    query = select(Ticket.service_id, func.count()).where(*_waiting_today(day))
    rows = s.execute(query.group_by(Ticket.service_id)).all()
    return {service_id: int(n) for service_id, n in rows}


# ---------------------------------------------------------------- the hot path, in Core
# Issuing a ticket is what a kiosk does while a citizen watches, and what the simulator
# replays thousands of times: its statements are built once (SQLAlchemy then compiles
# each once per engine) and run on the transaction's connection, without ORM objects.

_TICKETS = Ticket.metadata.tables[Ticket.__tablename__]
_SERVICES = Service.metadata.tables[Service.__tablename__]
_SEQUENCES = DailySequence.metadata.tables[DailySequence.__tablename__]
_COUNTER_SERVICES = CounterService.metadata.tables[CounterService.__tablename__]

_INSERT_TICKET = insert(_TICKETS)
# Every ticket's id is below this: "called before a ticket not yet inserted" is then "called
# before any later ticket" (writers are serialised, so a new ticket gets the largest id).
_NOT_YET_INSERTED = 2**31 - 1


@functools.cache  # built on first use: a command that issues nothing does not pay for it
def _estimate_statement(by_code: bool) -> Select[Any]:
    """The service and everything the wait estimate needs, in one statement: the service
    (by :code, ignoring case, or by :sid), the waiting tickets called before ticket :tid of
    rank :rank on day :day at the counters the service shares, the counters that called a
    ticket of the service that day, and the service times of its latest served tickets
    (one row each; one row with NULLs there if none). No row: no such service."""
    t, cs, other, svc = _TICKETS, _COUNTER_SERVICES, _COUNTER_SERVICES.alias("shared"), _SERVICES
    sid: Any
    if by_code:
        wanted = _SERVICES.alias("wanted")
        sid = select(wanted.c.id).where(func.upper(wanted.c.code) == bindparam("code"))
        sid = sid.scalar_subquery()
        which = func.upper(svc.c.code) == bindparam("code")
    else:
        sid = bindparam("sid", type_=Integer)
        which = svc.c.id == sid
    day = bindparam("day", type_=Date)
    rank, tid = bindparam("rank", type_=Integer), bindparam("tid", type_=Integer)
    counters_of_service = select(cs.c.counter_id).where(cs.c.service_id == sid)
    sharing = union(
        select(other.c.service_id).where(other.c.counter_id.in_(counters_of_service)),
        select(sid),
    )
    ahead = select(func.count()).where(
        t.c.business_date == day,
        t.c.status == TicketStatus.WAITING.value,
        t.c.service_id.in_(sharing),
        or_(t.c.priority_rank < rank, and_(t.c.priority_rank == rank, t.c.id < tid)),
    )
    open_counters = select(func.count(func.distinct(t.c.counter_id))).where(
        t.c.business_date == day, t.c.counter_id.in_(counters_of_service)
    )
    head = (
        select(
            svc.c.id,
            svc.c.code,
            svc.c.name,
            svc.c.prefix,
            svc.c.standard_minutes,
            svc.c.active,
            ahead.scalar_subquery().label("ahead"),
            open_counters.scalar_subquery().label("open"),
        )
        .where(which)
        .subquery("svc")
    )
    served = (
        select(t.c.called_at, t.c.finished_at)
        .where(
            t.c.business_date == day,
            t.c.service_id == sid,
            t.c.status == TicketStatus.DONE.value,
            t.c.called_at.is_not(None),
            t.c.finished_at.is_not(None),
        )
        .order_by(t.c.finished_at.desc())
        .limit(RECENT_SERVED_SAMPLE)
        .subquery("served")
    )
    return select(head, served.c.called_at, served.c.finished_at).select_from(
        head.outerjoin(served, true())
    )


def _wait(rows: Sequence[Row[Any]]) -> queue.WaitEstimate:
    """People who will be called before a waiting ticket, and the likely wait.

    "Before" counts every waiting ticket that sorts ahead of it in the calling order among
    the services that share a counter with its service: at a counter serving A and B, an
    earlier A ticket is called before a later B ticket.
    """
    first = rows[0]
    served = [(row.called_at, row.finished_at) for row in rows]
    minutes = [(f - c).total_seconds() / 60 for c, f in served if c and f and f >= c]
    return queue.estimate_wait(
        int(first.ahead or 0), minutes, first.standard_minutes, int(first.open or 0)
    )


def _estimate(tx: Transaction, t: Ticket) -> queue.WaitEstimate:
    params = {"sid": t.service_id, "day": t.business_date, "rank": t.priority_rank, "tid": t.id}
    return _wait(tx.connection().execute(_estimate_statement(False), params).all())


_SEQUENCE_UPSERTS: dict[str, Any] = {}


def _next_number_statement(dialect: str) -> Any:
    """The day's next number of a service in one statement: the first of the day inserts
    the row, later ones add one to it (INSERT … ON CONFLICT DO UPDATE … RETURNING, on
    SQLite and PostgreSQL alike). Writers are serialised, and the row is locked by the
    update besides, so two issues never get the same number."""
    stmt = _SEQUENCE_UPSERTS.get(dialect)
    if stmt is None:
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            base: Any = pg_insert(_SEQUENCES)
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            base = sqlite_insert(_SEQUENCES)
        seq = _SEQUENCES
        stmt = (
            base.values(service_id=bindparam("sid"), business_date=bindparam("day"), last_number=1)
            .on_conflict_do_update(
                index_elements=[seq.c.service_id, seq.c.business_date],
                set_={"last_number": seq.c.last_number + 1},
            )
            .returning(seq.c.last_number)
        )
        _SEQUENCE_UPSERTS[dialect] = stmt
    return stmt


def issue_ticket(
    uow: UnitOfWork, actor: Actor, service_code: str, priority: str | None = None
) -> TicketView:
    require(actor.role, "ticket.issue")
    prio = queue.parse_priority(priority)
    with uow.write() as tx:
        view = issue_in(tx, actor, service_code, prio)
        tx.commit()
    return view


def issue_in(
    tx: Transaction,
    actor: Actor,
    service_code: str,
    prio: queue.Priority | None,
    appointment_at: dt.datetime | None = None,
) -> TicketView:
    """A new ticket in an open write transaction: a walk-in, or a checked-in appointment
    (services.appointments) that is called from ``appointment_at``."""
    conn = tx.connection()
    now = tx.now()
    day = business_date(now)
    prio_value, rank = (prio.value if prio else None), queue.priority_rank(prio)
    # The estimate is read before the insert: every ticket there is called before a new
    # one of the same rank (the new ticket's id is the largest).
    rows = conn.execute(_estimate_statement(True), {
        "code": service_code.strip().upper(), "day": day, "rank": rank,
        "tid": _NOT_YET_INSERTED,
    }).all()  # fmt: skip
    if not rows:
        raise no_such_service(service_code)
    svc = rows[0]
    if not svc.active:
        raise RuleViolation(f"บริการ '{svc.code}' ปิดให้บริการ (service '{svc.code}' is closed)")
    number = conn.execute(
        _next_number_statement(conn.dialect.name), {"sid": svc.id, "day": day}
    ).scalar_one()
    if number > queue.MAX_NUMBER_PER_DAY:  # the transaction is rolled back
        raise RuleViolation(
            f"บัตรคิวบริการ '{svc.code}' ของวันนี้หมดแล้ว "
            f"(all {queue.MAX_NUMBER_PER_DAY} numbers of today are issued)"
        )
    code = queue.ticket_code(svc.prefix, number)
    conn.execute(_INSERT_TICKET, {
        "business_date": day, "issued_service_id": svc.id, "service_id": svc.id,
        "number": number, "code": code, "priority": prio_value, "priority_rank": rank,
        "status": TicketStatus.WAITING.value, "issued_at": now, "issued_by_id": actor.id,
        "recall_count": 0, "transfer_count": 0, "printed": False,
        "appointment_at": appointment_at,
    })  # fmt: skip
    estimate = _wait(rows)
    state = {"code": code, "date": day.isoformat(), "service": svc.code, "counter": None,
             "status": TicketStatus.WAITING.value, "priority": prio_value}  # fmt: skip
    tx.audit(actor.username, "ticket.issue", "ticket", f"{day}/{code}", None,
             {**state, "ahead": estimate.ahead})  # fmt: skip
    return TicketView(
        code=code, service=svc.code, service_name=svc.name, number=number, priority=prio_value,
        status=TicketStatus.WAITING.value, business_date=day, issued_at=now, counter=None,
        called_at=None, finished_at=None, recall_count=0, transfer_count=0, printed=False,
        ahead=estimate.ahead, estimated_wait_minutes=estimate.minutes,
    )  # fmt: skip


def _find_ticket(tx: Transaction, code: str, day: dt.date) -> Ticket:
    c = code.strip().upper()
    t = tx.session.execute(
        select(Ticket).where(Ticket.business_date == day, Ticket.code == c)
    ).scalar_one_or_none()
    if t is None:
        raise NotFound(f"ไม่พบบัตรคิว {c[:12]} ของวันที่ {day.isoformat()} (no such ticket)")
    return t


def _serving(tx: Transaction, counter: Counter) -> Ticket | None:
    """Today's citizen at the counter. A ticket left "called" when a day ended stays as it
    was (the statistics see it as never completed); it never blocks the next day."""
    return tx.session.execute(
        select(Ticket)
        .where(
            Ticket.counter_id == counter.id,
            Ticket.status == TicketStatus.CALLED.value,
            Ticket.business_date == business_date(tx.now()),
        )
        .order_by(Ticket.called_at.desc())
        .limit(1)
    ).scalar_one_or_none()


def _open_counter(tx: Transaction, number: int) -> Counter:
    counter = find_counter(tx, number)
    if not counter.active:
        raise RuleViolation(f"ช่องบริการ {number} ปิดอยู่ (counter {number} is closed)")
    return counter


def _finish(tx: Transaction, actor: Actor, t: Ticket, status: TicketStatus, action: str) -> None:
    before = _audit_state(t)
    t.status = status.value
    t.finished_at = tx.now()
    tx.session.flush()
    tx.audit(actor.username, action, "ticket", f"{t.business_date}/{t.code}", before,
             _audit_state(t))  # fmt: skip


def _finish_current(tx: Transaction, actor: Actor, counter: Counter) -> None:
    """Calling the next citizen means the one at the counter has been served."""
    current = _serving(tx, counter)
    if current is not None:
        _finish(tx, actor, current, TicketStatus.DONE, "ticket.complete")


def _next_in_order(tx: Transaction, counter: Counter, day: dt.date) -> Ticket | None:
    """The next citizen for a counter (CLI.md, "Calling order"): checked-in appointments whose
    time has come, by appointment time; then the priority lanes and, with
    ``queue.ageing_minutes``, ordinary tickets waiting that long, by arrival; then everyone
    else by arrival. With ``queue.priority_run_max`` K, after K priority calls in a row at
    this counter the longest-waiting ordinary ticket goes first. An appointment not yet due
    is called early only when nobody else waits. ``domain.calling_model`` is the same rule
    without a database; tests/integration/test_calling_policy.py holds the two equal."""
    policy = calling_policy(tx)
    service_ids = [s.id for s in counter.services]
    waiting = (*_waiting_today(day), Ticket.service_id.in_(service_ids))
    s = tx.session
    first = s.execute(
        select(Ticket).where(*waiting).order_by(*_policy_order(policy, tx.now())).limit(1)
    ).scalar_one_or_none()
    if (
        policy.priority_run_max
        and first is not None
        and first.appointment_at is None
        and first.priority_rank == 0
        and _priority_run(tx, counter, day, policy.priority_run_max)
    ):
        ordinary = s.execute(
            select(Ticket)
            .where(*waiting, Ticket.appointment_at.is_(None), Ticket.priority_rank == 1)
            .order_by(Ticket.id)
            .limit(1)
        ).scalar_one_or_none()
        return ordinary or first
    return first


def _policy_order(policy: queue.CallingPolicy, now: dt.datetime) -> tuple[Any, ...]:
    """ORDER BY of the calling order's lanes: appointments due (by their time), then the
    priority lanes with the aged ordinary tickets (by arrival), then the other ordinary
    tickets, then appointments not yet due. The priority-run cap is applied after it."""
    appointment_due = and_(Ticket.appointment_at.is_not(None), Ticket.appointment_at <= now)
    lane = case(
        (appointment_due, 0),
        (Ticket.appointment_at.is_not(None), 3),
        (Ticket.priority_rank == 0, 1),
        *(((Ticket.issued_at <= now - dt.timedelta(minutes=policy.ageing_minutes), 1),)
          if policy.ageing_minutes else ()),
        else_=2,
    )  # fmt: skip
    by_appointment = case((Ticket.appointment_at.is_not(None), Ticket.appointment_at))
    return lane, by_appointment, Ticket.id


def _priority_run(tx: Transaction, counter: Counter, day: dt.date, run_max: int) -> bool:
    """Whether this counter's last ``run_max`` calls today were all of priority-lane tickets."""
    last = tx.session.execute(
        select(Ticket.priority)
        .where(
            Ticket.business_date == day,
            Ticket.counter_id == counter.id,
            Ticket.called_at.is_not(None),
        )
        .order_by(Ticket.called_at.desc(), Ticket.id.desc())
        .limit(run_max)
    ).all()
    return len(last) == run_max and all(p is not None for (p,) in last)


def calling_policy(tx: Transaction) -> queue.CallingPolicy:
    return queue.CallingPolicy(
        priority_run_max=int(read_setting(tx, "queue.priority_run_max")),
        ageing_minutes=int(read_setting(tx, "queue.ageing_minutes")),
    )


def _mark_called(tx: Transaction, actor: Actor, t: Ticket, counter: Counter) -> None:
    t.status = TicketStatus.CALLED.value
    t.counter = counter
    t.called_at = tx.now()
    t.called_by_id = actor.id
    tx.session.flush()


_EVENTS = TicketEvent.metadata.tables[TicketEvent.__tablename__]
_INSERT_EVENT = insert(_EVENTS)


def _event(
    tx: Transaction, actor: Actor, kind: str, t: Ticket, at: dt.datetime, service_id: int,
    counter_id: int | None, to_service_id: int | None = None,
) -> None:  # fmt: skip
    """One row of the ticket's history (db.models_events), in the action's transaction, at
    the very time the ticket's row got (``called_at``, ``transferred_at``)."""
    tx.connection().execute(_INSERT_EVENT, {
        "ticket_id": t.id, "kind": kind, "at": at, "service_id": service_id,
        "to_service_id": to_service_id, "counter_id": counter_id, "user_id": actor.id,
    })  # fmt: skip


def call_next(uow: UnitOfWork, actor: Actor, counter_number: int) -> TicketView | None:
    require(actor.role, "ticket.call")
    with uow.write() as tx:
        counter = _open_counter(tx, counter_number)
        _finish_current(tx, actor, counter)
        t = _next_in_order(tx, counter, business_date(tx.now()))
        view = None
        if t is not None:
            before = _audit_state(t)
            _mark_called(tx, actor, t, counter)
            _event(tx, actor, "call", t, t.called_at or tx.now(), t.service_id, counter.id)
            tx.audit(actor.username, "ticket.call", "ticket", f"{t.business_date}/{t.code}",
                     before, _audit_state(t))  # fmt: skip
            view = _view(t)
        tx.commit()
    return view


def _require_serving(tx: Transaction, counter_number: int) -> Ticket:
    counter = find_counter(tx, counter_number)
    t = _serving(tx, counter)
    if t is None:
        raise Conflict(
            f"ช่องบริการ {counter_number} ไม่มีคิวที่กำลังให้บริการ "
            f"(nobody is being served at counter {counter_number})"
        )
    return t


def recall(uow: UnitOfWork, actor: Actor, counter_number: int) -> TicketView:
    require(actor.role, "ticket.recall")
    with uow.write() as tx:
        t = _require_serving(tx, counter_number)
        t.recall_count += 1  # called_at stays the first call: waiting time ends there
        tx.session.flush()
        _event(tx, actor, "recall", t, tx.now(), t.service_id, t.counter_id)
        tx.audit(actor.username, "ticket.recall", "ticket", f"{t.business_date}/{t.code}",
                 None, {**_audit_state(t), "recall_count": t.recall_count})  # fmt: skip
        view = _view(t)
        tx.commit()
    return view


def _end_service(
    uow: UnitOfWork, actor: Actor, counter_number: int, status: TicketStatus, action: str
) -> TicketView:
    require(actor.role, action)
    with uow.write() as tx:
        t = _require_serving(tx, counter_number)
        _finish(tx, actor, t, status, action)
        view = _view(t)
        tx.commit()
    return view


def complete(uow: UnitOfWork, actor: Actor, counter_number: int) -> TicketView:
    return _end_service(uow, actor, counter_number, TicketStatus.DONE, "ticket.complete")


def no_show(uow: UnitOfWork, actor: Actor, counter_number: int) -> TicketView:
    return _end_service(uow, actor, counter_number, TicketStatus.NO_SHOW, "ticket.no_show")


def transfer(uow: UnitOfWork, actor: Actor, code: str, to_service: str) -> TicketView:
    """Send a citizen to another service's queue. The ticket keeps its code and its place:
    it is ordered by its original issue time among the new service's tickets."""
    require(actor.role, "ticket.transfer")
    with uow.write() as tx:
        t = _find_ticket(tx, code, business_date(tx.now()))
        target = find_service(tx, to_service)
        if not target.active:
            raise RuleViolation(f"บริการ '{target.code}' ปิดให้บริการ (service is closed)")
        if t.status not in (TicketStatus.WAITING.value, TicketStatus.CALLED.value):
            raise Conflict(f"บัตรคิว {t.code} ได้รับบริการแล้ว (ticket is already {t.status})")
        if t.service_id == target.id:
            raise Conflict(f"บัตรคิว {t.code} อยู่ในบริการ '{target.code}' แล้ว (already there)")
        before = _audit_state(t)
        # The history keeps the leg that ends here: its queue, and the counter that had it.
        now = tx.now()
        _event(tx, actor, "transfer", t, now, t.service_id, t.counter_id, target.id)
        t.service = target
        t.status = TicketStatus.WAITING.value
        t.counter = None
        t.called_at = None
        t.transferred_at = now  # the wait in the new queue starts now (stats_queue)
        t.transfer_count += 1
        tx.session.flush()
        estimate = _estimate(tx, t)
        tx.audit(actor.username, "ticket.transfer", "ticket", f"{t.business_date}/{t.code}",
                 before, _audit_state(t))  # fmt: skip
        view = _view(t, estimate)
        tx.commit()
    return view


def pick(uow: UnitOfWork, actor: Actor, code: str, counter_number: int, reason: str) -> TicketView:
    """Call a ticket out of order. The reason is required; the audit entry names the ticket
    that should have been called instead, so the fairness report can show every skip.
    A no-show of the same day is taken back the same way (the citizen came back)."""
    require(actor.role, "ticket.pick")
    why = clean_text(reason, "reason", max_len=500)
    with uow.write() as tx:
        counter = _open_counter(tx, counter_number)
        t = _find_ticket(tx, code, business_date(tx.now()))
        came_back = t.status == TicketStatus.NO_SHOW.value  # today's only (_find_ticket)
        if t.status != TicketStatus.WAITING.value and not came_back:
            raise Conflict(f"บัตรคิว {t.code} ไม่ได้รออยู่ (ticket is {t.status}, not waiting)")
        if t.service_id not in {s.id for s in counter.services}:
            raise RuleViolation(
                f"ช่องบริการ {counter.number} ไม่ได้ให้บริการ '{t.service.code}' "
                f"(counter {counter.number} does not serve service '{t.service.code}')"
            )
        _finish_current(tx, actor, counter)
        in_order = _next_in_order(tx, counter, t.business_date)
        before = _audit_state(t)
        _mark_called(tx, actor, t, counter)
        _event(tx, actor, "pick", t, t.called_at or tx.now(), t.service_id, counter.id)
        if came_back:  # a no-show taken back: being served again, not finished
            t.finished_at = None
        t.pick_reason = why
        tx.session.flush()
        tx.audit(
            actor.username, "ticket.pick", "ticket", f"{t.business_date}/{t.code}", before,
            {**_audit_state(t), "reason": why,
             "next_in_order": in_order.code if in_order is not None else None},
        )  # fmt: skip
        view = _view(t)
        tx.commit()
    return view


def show(uow: UnitOfWork, code: str, day: dt.date | None = None) -> TicketView:
    with uow.read() as tx:
        t = _find_ticket(tx, code, day or business_date(tx.now()))
        estimate = _estimate(tx, t) if t.status == TicketStatus.WAITING.value else None
        first = tx.session.scalar(
            select(func.min(_EVENTS.c.at)).where(
                _EVENTS.c.ticket_id == t.id, _EVENTS.c.kind.in_(("call", "pick"))
            )
        )
        return replace(_view(t, estimate), first_called_at=first)


def queue_status(uow: UnitOfWork) -> QueueStatus:
    with uow.read() as tx:
        s = tx.session
        day = business_date(tx.now())
        services = s.execute(select(Service).order_by(Service.code)).scalars().all()
        waiting = _waiting_by_service(s, day)
        queues = []
        for svc in services:
            nxt = s.execute(
                _in_calling_order(
                    select(Ticket.code).where(*_waiting_today(day), Ticket.service_id == svc.id)
                ).limit(NEXT_CODES_SHOWN)
            ).scalars()
            queues.append(ServiceQueue(svc.code, svc.name, waiting.get(svc.id, 0), tuple(nxt)))
        serving = dict(
            s.execute(
                select(Ticket.counter_id, Ticket.code).where(
                    Ticket.business_date == day,
                    Ticket.status == TicketStatus.CALLED.value,
                    Ticket.counter_id.is_not(None),
                )
            ).all()
        )
        # Every counter's services in one more query, not one per counter (the board and
        # the web board ask for this every few seconds).
        counters = (
            s.execute(
                select(Counter).options(selectinload(Counter.services)).order_by(Counter.number)
            )
            .scalars()
            .all()
        )
        states = tuple(
            CounterState(c.number, c.name, serving.get(c.id), tuple(x.code for x in c.services))
            for c in counters
        )
        return QueueStatus(day, tuple(queues), states)


def reprint(uow: UnitOfWork, actor: Actor, code: str, day: dt.date | None = None) -> TicketView:
    """The ticket to print again, for the printer service to send."""
    require(actor.role, "ticket.reprint")
    return show(uow, code, day)


# ---------------------------------------------------------------- what the windows show


@dataclass(frozen=True)
class WaitingTicket:
    code: str
    service: str
    service_name: str
    service_name_en: str
    priority: str | None
    issued_at: dt.datetime
    waited_minutes: int
    transfer_count: int
    appointment_at: dt.datetime | None = None  # a checked-in appointment: called from then
    aged: bool = False  # an ordinary ticket that has waited queue.ageing_minutes or more


@dataclass(frozen=True)
class CounterCounts:
    """Today at one counter: citizens served, called but not there, called out of order."""

    number: int
    name: str
    served: int
    no_show: int
    picked: int
    serving: str | None


@dataclass(frozen=True)
class CounterQueue:
    """Everything the counter console shows, read in one snapshot."""

    business_date: dt.date
    now: dt.datetime
    counter: int
    counter_name: str
    active: bool
    serves: tuple[str, ...]
    serving: TicketView | None
    waiting: tuple[WaitingTicket, ...]  # in calling order
    counts: CounterCounts
    waiting_office: int  # every waiting ticket today, all services
    services: tuple[ServiceView, ...]  # every service, in display order (transfer, issue)
    revision: int


@dataclass(frozen=True)
class BoardCall:
    code: str
    counter: int
    counter_name: str
    service: str
    called_at: dt.datetime
    recall_count: int
    status: str
    mark: str = ""  # "appointment", or "aged": called after queue.ageing_minutes of waiting


@dataclass(frozen=True)
class BoardService:
    code: str
    name: str
    name_en: str
    waiting: int


@dataclass(frozen=True)
class BoardStatus:
    business_date: dt.date
    office_name: str
    office_name_en: str
    calls: tuple[BoardCall, ...]  # the latest first
    services: tuple[BoardService, ...]  # active services, in display order
    revision: int


def _revision(tx: Transaction) -> int:
    return int(
        tx.session.scalar(select(AuditHead.last_seq).where(AuditHead.id == audit.HEAD_ID)) or 0
    )


def queue_revision(uow: UnitOfWork) -> int:
    """A number that changes with every change to the database (the audit chain's last
    sequence number: every write appends to it). One row: cheap enough to poll twice a
    second from every window on every PC."""
    with uow.read() as tx:
        return _revision(tx)


def _minutes(delta: dt.timedelta) -> int:
    return max(0, int(delta.total_seconds() // 60))


def _counts(tx: Transaction, day: dt.date) -> dict[int, dict[str, int]]:
    """counter id → {status: tickets today}, plus "picked"."""
    out: dict[int, dict[str, int]] = {}
    rows = tx.session.execute(
        select(Ticket.counter_id, Ticket.status, func.count())
        .where(Ticket.business_date == day, Ticket.counter_id.is_not(None))
        .group_by(Ticket.counter_id, Ticket.status)
    ).all()
    for counter_id, status, n in rows:
        if counter_id is not None:
            out.setdefault(counter_id, {})[status] = int(n)
    picked = tx.session.execute(
        select(Ticket.counter_id, func.count())
        .where(
            Ticket.business_date == day,
            Ticket.counter_id.is_not(None),
            Ticket.pick_reason.is_not(None),
        )
        .group_by(Ticket.counter_id)
    ).all()
    for counter_id, n in picked:
        if counter_id is not None:
            out.setdefault(counter_id, {})["picked"] = int(n)
    return out


def _counter_counts(c: Counter, counts: dict[str, int], serving: str | None) -> CounterCounts:
    return CounterCounts(
        c.number,
        c.name,
        counts.get(TicketStatus.DONE.value, 0),
        counts.get(TicketStatus.NO_SHOW.value, 0),
        counts.get("picked", 0),
        serving,
    )


def today_counts(uow: UnitOfWork) -> tuple[CounterCounts, ...]:
    """Today's figures for every counter."""
    with uow.read() as tx:
        day = business_date(tx.now())
        counts = _counts(tx, day)
        serving = dict(
            tx.session.execute(
                select(Ticket.counter_id, Ticket.code).where(
                    Ticket.business_date == day, Ticket.status == TicketStatus.CALLED.value
                )
            ).all()
        )
        counters = tx.session.execute(select(Counter).order_by(Counter.number)).scalars()
        return tuple(_counter_counts(c, counts.get(c.id, {}), serving.get(c.id)) for c in counters)


def counter_queue(uow: UnitOfWork, counter_number: int) -> CounterQueue:
    """The counter console's view: who is at the counter, who waits for its services (in
    calling order, with how long they have waited) and today's figures."""
    with uow.read() as tx:
        s = tx.session
        counter = find_counter(tx, counter_number)
        now = tx.now()
        day = business_date(now)
        current = _serving(tx, counter)
        service_ids = [x.id for x in counter.services]
        policy = calling_policy(tx)
        columns = select(
            Ticket.code, Service.code, Service.name, Service.name_en, Ticket.priority,
            Ticket.issued_at, Ticket.transfer_count, Ticket.appointment_at,
        )  # fmt: skip
        rows = s.execute(
            columns.join(Service, Ticket.service_id == Service.id)
            .where(*_waiting_today(day), Ticket.service_id.in_(service_ids))
            .order_by(*_policy_order(policy, now))
        ).all()
        ageing = policy.ageing_minutes
        waiting = [
            WaitingTicket(
                code, svc, name, name_en, prio, issued, _minutes(now - issued), moved, at,
                aged=bool(ageing) and prio is None and at is None
                and _minutes(now - issued) >= ageing,
            )
            for code, svc, name, name_en, prio, issued, moved, at in rows
        ]  # fmt: skip
        # Row 1 is the next call: after K priority calls in a row, the longest-waiting
        # ordinary ticket goes first (the cap of _next_in_order).
        first = waiting[0] if waiting else None
        if (
            policy.priority_run_max
            and first is not None
            and first.appointment_at is None
            and first.priority is not None
            and _priority_run(tx, counter, day, policy.priority_run_max)
        ):
            ordinary = next(
                (w for w in waiting if w.priority is None and w.appointment_at is None), None
            )
            if ordinary is not None:
                waiting.remove(ordinary)
                waiting.insert(0, ordinary)
        office_waiting = s.scalar(select(func.count()).where(*_waiting_today(day))) or 0
        counts = _counts(tx, day).get(counter.id, {})
        return CounterQueue(
            business_date=day,
            now=now,
            counter=counter.number,
            counter_name=counter.name,
            active=counter.active,
            serves=tuple(x.code for x in counter.services),
            serving=_view(current) if current is not None else None,
            waiting=tuple(waiting),
            counts=_counter_counts(counter, counts, current.code if current else None),
            waiting_office=int(office_waiting),
            services=tuple(service_view(x) for x in ordered_services(tx)),
            revision=_revision(tx),
        )


BOARD_CALLS = 8


def _board_call(row: Any, ageing: int) -> BoardCall:
    code, number, name, svc, called, recalls, status, prio, issued, at, jumped = row
    mark = _call_mark(ageing, prio, issued, called, at, bool(jumped))
    return BoardCall(code, number, name, svc, called, recalls, status, mark)


def _passed_priority() -> Any:
    """Whether a priority ticket of the same service was waiting when this one was called
    (issued before the call, called after it or not yet): a call that went before one."""
    other = aliased(Ticket)
    return (
        select(other.id)
        .where(
            other.business_date == Ticket.business_date,
            other.service_id == Ticket.service_id,
            other.priority_rank == 0,
            other.id != Ticket.id,
            other.issued_at <= Ticket.called_at,
            or_(other.called_at > Ticket.called_at, other.status == TicketStatus.WAITING.value),
        )
        .exists()
        .label("passed_priority")
    )


def _call_mark(
    ageing: int,
    priority: str | None,
    issued: dt.datetime,
    called: dt.datetime | None,
    appointment_at: dt.datetime | None,
    passed_priority: bool,
) -> str:
    """Why a call came where it did, for the board: an appointment; or an ordinary ticket
    that had waited queue.ageing_minutes and went before a waiting priority ticket, so the
    hall sees why (one that came up in the plain order is not marked)."""
    if appointment_at is not None:
        return "appointment"
    if not ageing or priority is not None or called is None or not passed_priority:
        return ""
    return "aged" if _minutes(called - issued) >= ageing else ""


def board_status(uow: UnitOfWork, calls: int = BOARD_CALLS) -> BoardStatus:
    """The now-serving board: today's latest calls with their counters, and how many wait
    for each open service."""
    with uow.read() as tx:
        s = tx.session
        day = business_date(tx.now())
        latest = s.execute(
            select(
                Ticket.code, Counter.number, Counter.name, Service.code, Ticket.called_at,
                Ticket.recall_count, Ticket.status, Ticket.priority, Ticket.issued_at,
                Ticket.appointment_at, _passed_priority(),
            )
            .join(Counter, Ticket.counter_id == Counter.id)
            .join(Service, Ticket.service_id == Service.id)
            .where(Ticket.business_date == day, Ticket.called_at.is_not(None))
            .order_by(Ticket.called_at.desc(), Ticket.id.desc())
            .limit(calls)
        ).all()  # fmt: skip
        waiting = _waiting_by_service(s, day)
        ageing = calling_policy(tx).ageing_minutes
        services = tuple(
            BoardService(x.code, x.name, x.name_en, waiting.get(x.id, 0))
            for x in ordered_services(tx)
            if x.active or waiting.get(x.id)
        )
        return BoardStatus(
            business_date=day,
            office_name=read_setting(tx, "office.name"),
            office_name_en=read_setting(tx, "office.name_en"),
            calls=tuple(_board_call(row, ageing) for row in latest if row.called_at is not None),
            services=services,
            revision=_revision(tx),
        )
