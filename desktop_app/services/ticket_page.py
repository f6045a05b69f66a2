"""What the citizen's phone and the LAN board show (desktop_app/web), and the one thing a
phone may write: a rating of a served ticket.

The web server serves hundreds of phones from one process. It must not ask the database
once per phone, so it reads a whole business day at once: :func:`day_snapshot` returns every
ticket of the day with its page state (status, people ahead, estimated wait, counter) in one
read transaction whose number of queries does not depend on the number of tickets or
phones. The server reads it again only when the audit head moves (:func:`revision`).

"Ahead" and the estimated wait are those ``ticket issue`` and ``ticket show`` give
(services.tickets._estimate), computed here for all waiting tickets together;
tests/web/test_ticket_page.py checks that both agree ticket by ticket.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hmac
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from sqlalchemy import func, select

from db import audit
from db.models import AuditHead, Counter, CounterService, Service, Ticket
from db.models_web import TicketRating
from db.uow import Transaction, UnitOfWork
from desktop_app.domain import queue
from desktop_app.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from desktop_app.domain.queue import TicketStatus
from desktop_app.domain.text import clean_text
from desktop_app.domain.thai_time import business_date
from desktop_app.services.settings import read_setting
from desktop_app.services.tickets import RECENT_SERVED_SAMPLE

WEB_ACTOR = "web:citizen"  # the audit trail's actor of a rating: nobody's name
MAX_COMMENT = 500
CODE_MAX = 8  # tickets.code is String(8)


class WebStatus:
    """The page's status words (CLI.md): the ticket's status, with "transferred" for a
    ticket waiting in the queue of another service than the one it was issued for."""

    WAITING = "waiting"
    CALLED = "called"
    SERVED = "served"
    NO_SHOW = "no_show"
    TRANSFERRED = "transferred"


_FROM_TICKET = {
    TicketStatus.WAITING.value: WebStatus.WAITING,
    TicketStatus.CALLED.value: WebStatus.CALLED,
    TicketStatus.DONE.value: WebStatus.SERVED,
    TicketStatus.NO_SHOW.value: WebStatus.NO_SHOW,
}


@dataclass(frozen=True)
class TicketState:
    """One ticket as its page shows it. No personal data: a ticket has none."""

    business_date: dt.date
    code: str
    service: str
    service_name: str
    service_name_en: str
    status: str  # WebStatus
    ahead: int | None  # waiting (or transferred) tickets only
    estimated_wait_min: int | None
    counter: int | None  # called only
    counter_name: str
    issued_service: str  # differs from service after a transfer
    rated: bool

    def api(self) -> dict[str, object]:
        """``GET /api/ticket/DATE/CODE`` (CLI.md)."""
        return {
            "code": self.code,
            "service": self.service,
            "status": self.status,
            "ahead": self.ahead,
            "estimated_wait_min": self.estimated_wait_min,
            "counter": self.counter,
        }


@dataclass(frozen=True)
class DaySnapshot:
    business_date: dt.date
    revision: int
    office_name: str
    office_name_en: str
    tickets: Mapping[str, TicketState]  # by code


def revision(uow: UnitOfWork) -> int:
    """The audit chain's last sequence number: it moves with every change to the database.
    One row by primary key: the web server polls it, once for all its clients."""
    with uow.read() as tx:
        return _revision(tx)


def head(uow: UnitOfWork) -> tuple[int, dt.date]:
    """The revision and today's business date, in one read: what the web server polls."""
    with uow.read() as tx:
        return _revision(tx), business_date(tx.now())


def _revision(tx: Transaction) -> int:
    return int(
        tx.session.scalar(select(AuditHead.last_seq).where(AuditHead.id == audit.HEAD_ID)) or 0
    )


def _per_person_minutes(tx: Transaction, day: dt.date) -> dict[int, list[float]]:
    """Service id -> service minutes of its latest RECENT_SERVED_SAMPLE served tickets."""
    served = tx.session.execute(
        select(Ticket.service_id, Ticket.called_at, Ticket.finished_at)
        .where(
            Ticket.business_date == day,
            Ticket.status == TicketStatus.DONE.value,
            Ticket.called_at.is_not(None),
            Ticket.finished_at.is_not(None),
        )
        .order_by(Ticket.service_id, Ticket.finished_at.desc())
    ).all()
    out: dict[int, list[float]] = defaultdict(list)
    taken: dict[int, int] = defaultdict(int)
    for service_id, called, finished in served:
        if taken[service_id] >= RECENT_SERVED_SAMPLE:
            continue
        taken[service_id] += 1
        if called and finished and finished >= called:
            out[service_id].append((finished - called).total_seconds() / 60)
    return out


def _states(tx: Transaction, day: dt.date) -> dict[str, TicketState]:
    s = tx.session
    services = {x.id: x for x in s.scalars(select(Service))}
    counters = {c.id: c for c in s.scalars(select(Counter))}
    links = s.execute(select(CounterService.counter_id, CounterService.service_id)).all()
    counters_of: dict[int, set[int]] = defaultdict(set)
    services_of: dict[int, set[int]] = defaultdict(set)
    for counter_id, service_id in links:
        counters_of[service_id].add(counter_id)
        services_of[counter_id].add(service_id)
    rows = s.execute(
        select(
            Ticket.id, Ticket.code, Ticket.service_id, Ticket.issued_service_id, Ticket.status,
            Ticket.priority_rank, Ticket.counter_id, Ticket.transfer_count,
        ).where(Ticket.business_date == day)
    ).all()  # fmt: skip
    rated = set(
        s.scalars(
            select(TicketRating.ticket_id)
            .join(Ticket, Ticket.id == TicketRating.ticket_id)
            .where(Ticket.business_date == day)
        )
    )
    # Counters that called anyone today (per service: open counters, as _estimate counts).
    active_counters = {row.counter_id for row in rows if row.counter_id is not None}
    minutes = _per_person_minutes(tx, day)
    # Per service, the calling-order keys (priority rank, id) of its waiting tickets, sorted:
    # "ahead" is then a binary search per service sharing a counter, not a scan of the day.
    waiting: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for tid, _, sid, _, st, rank, _, _ in rows:
        if st == TicketStatus.WAITING.value:
            waiting[sid].append((rank, tid))
    for keys in waiting.values():
        keys.sort()
    out: dict[str, TicketState] = {}
    for tid, code, sid, issued_sid, st, rank, cid, moves in rows:
        svc = services[sid]
        ahead = estimate = None
        if st == TicketStatus.WAITING.value:
            sharing = {sid}
            for c in counters_of[sid]:
                sharing |= services_of[c]
            ahead = sum(bisect.bisect_left(waiting[x], (rank, tid)) for x in sharing)
            open_counters = len(counters_of[sid] & active_counters)
            estimate = queue.estimate_wait(
                ahead, minutes.get(sid, []), svc.standard_minutes, open_counters
            ).minutes
        status = _FROM_TICKET.get(st, st)
        if status == WebStatus.WAITING and (issued_sid != sid or moves):
            status = WebStatus.TRANSFERRED
        counter = counters.get(cid) if cid is not None and st == TicketStatus.CALLED else None
        out[code] = TicketState(
            business_date=day, code=code, service=svc.code, service_name=svc.name,
            service_name_en=svc.name_en, status=status, ahead=ahead, estimated_wait_min=estimate,
            counter=counter.number if counter else None,
            counter_name=counter.name if counter else "",
            issued_service=services[issued_sid].code, rated=tid in rated,
        )  # fmt: skip
    return out


def day_snapshot(uow: UnitOfWork, day: dt.date | None = None) -> DaySnapshot:
    """Every ticket of a business day (default today, Bangkok) as its page shows it, read
    in one snapshot with a fixed number of queries."""
    with uow.read() as tx:
        d = day or business_date(tx.now())
        return DaySnapshot(
            business_date=d,
            revision=_revision(tx),
            office_name=read_setting(tx, "office.name"),
            office_name_en=read_setting(tx, "office.name_en"),
            tickets=MappingProxyType(_states(tx, d)),
        )


# ---------------------------------------------------------------- the rating


@dataclass(frozen=True)
class RatingView:
    business_date: dt.date
    code: str
    score: int
    comment: str
    rated_at: dt.datetime


def parse_score(value: object) -> int:
    """1–5 from a form field or a JSON value; anything else is InvalidInput."""
    if isinstance(value, bool):
        value = None
    if isinstance(value, int):
        score = value
    elif isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) == 1:
        score = int(value.strip())
    else:
        score = 0
    if not 1 <= score <= 5:
        raise InvalidInput(f"คะแนนต้องเป็น 1 ถึง 5 (score must be 1-5, got '{str(value)[:12]}')")
    return score


def rate_ticket(
    uow: UnitOfWork, day: dt.date, code: str, secret: str, score: object, comment: str = ""
) -> RatingView:
    """A citizen's rating of their served ticket, guarded by the ticket's secret (its QR
    code). Once per ticket. Every refusal leaves the database as it was:
    InvalidInput (a bad score or comment), NotFound, Forbidden (wrong secret),
    Conflict (not served yet, or rated already)."""
    value = parse_score(score)
    note = clean_text(comment, "comment", max_len=MAX_COMMENT, required=False)
    c = code.strip().upper()[: CODE_MAX + 1]
    if not secret:
        raise InvalidInput("ต้องระบุรหัสของบัตรคิว k (the ticket's secret k is required)")
    with uow.write() as tx:
        t = tx.session.execute(
            select(Ticket).where(Ticket.business_date == day, Ticket.code == c)
        ).scalar_one_or_none()
        if t is None:
            raise NotFound(f"ไม่พบบัตรคิว {c[:12]} ของวันที่ {day.isoformat()} (no such ticket)")
        if not hmac.compare_digest(t.web_secret.encode(), secret.encode()[:64]):
            raise Forbidden("รหัสของบัตรคิวไม่ถูกต้อง (wrong ticket secret)")
        if t.status != TicketStatus.DONE.value:
            raise Conflict(
                f"บัตรคิว {t.code} ยังไม่ได้รับบริการ ให้คะแนนได้หลังรับบริการ "
                f"(ticket {t.code} is not served yet)"
            )
        exists = tx.session.scalar(
            select(func.count()).select_from(TicketRating).where(TicketRating.ticket_id == t.id)
        )
        if exists:
            raise Conflict(f"บัตรคิว {t.code} ให้คะแนนแล้ว (ticket {t.code} is already rated)")
        now = tx.now()
        tx.session.add(TicketRating(ticket_id=t.id, score=value, comment=note, rated_at=now))
        tx.session.flush()
        tx.audit(WEB_ACTOR, "ticket.rate", "ticket_rating", f"{day}/{t.code}", None,
                 {"score": value, "comment": note})  # fmt: skip
        view = RatingView(day, t.code, value, note, now)
        tx.commit()
    return view


def ticket_url(base_url: str, day: dt.date, code: str, secret: str | None) -> str:
    """``{base_url}/t/{date}/{code}?k={secret}`` (CLI.md, ``web.base_url``)."""
    url = f"{base_url.rstrip('/')}/t/{day.isoformat()}/{code}"
    return f"{url}?k={secret}" if secret else url


def ticket_link(uow: UnitOfWork, day: dt.date, code: str) -> str | None:
    """The ticket's page with its secret when ``web.base_url`` is set, else None."""
    with uow.read() as tx:
        return link_in(tx, day, code)


def link_in(tx: Transaction, day: dt.date, code: str) -> str | None:
    base = read_setting(tx, "web.base_url")
    if not base:
        return None
    secret = tx.session.scalar(
        select(Ticket.web_secret).where(Ticket.business_date == day, Ticket.code == code)
    )
    if secret is None:
        return None
    return ticket_url(base, day, code, secret)


PROBE_TIMEOUT_S = 2.0


def example_url(base_url: str, day: dt.date) -> str:
    """What a ticket's QR would carry, for the settings window (the secret elided)."""
    return ticket_url(base_url, day, "A001", "…")


def probe(base_url: str, timeout_s: float = PROBE_TIMEOUT_S) -> str | None:
    """Whether ``khetdesk serve`` answers at ``base_url`` from this PC (its /healthz): None
    when it does, else a short reason. Phones on the office Wi-Fi may still not reach an
    address that this PC reaches, but one this PC cannot reach is surely wrong."""
    import json
    import urllib.error
    import urllib.request

    url = base_url.rstrip("/") + "/healthz"
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as r:
            body = json.loads(r.read(4096) or b"{}")
            return None if body.get("ok") else "not ok"
    except urllib.error.HTTPError as e:
        return f"HTTP {e.code}"
    except (urllib.error.URLError, OSError, ValueError) as e:
        reason = getattr(e, "reason", e)
        return str(reason)[:120] or type(e).__name__
