"""The office's services (with their ticket prefix and published standard time) and its
counters."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import asdict, dataclass

from sqlalchemy import func, select

from db.models import Counter, Service, Setting, Ticket
from db.uow import Transaction, UnitOfWork
from desktop_app.domain import queue
from desktop_app.domain.errors import Conflict, InvalidInput, NotFound, RuleViolation
from desktop_app.domain.queue import TicketStatus
from desktop_app.domain.roles import require
from desktop_app.domain.text import clean_text
from desktop_app.domain.thai_time import business_date
from desktop_app.services.auth import Actor
from desktop_app.services.settings import OFFICE


@dataclass(frozen=True)
class ServiceView:
    code: str
    name: str
    name_en: str
    prefix: str
    standard_minutes: int
    active: bool


@dataclass(frozen=True)
class CounterView:
    number: int
    name: str
    services: tuple[str, ...]
    active: bool


def service_view(s: Service) -> ServiceView:
    return ServiceView(s.code, s.name, s.name_en, s.prefix, s.standard_minutes, s.active)


def counter_view(c: Counter) -> CounterView:
    return CounterView(c.number, c.name, tuple(s.code for s in c.services), c.active)


def no_such_service(code: str) -> NotFound:
    return NotFound(f"ไม่พบบริการ '{code[:40]}' (no such service)")


def find_service(tx: Transaction, code: str) -> Service:
    """By code, ignoring case: a clerk typing ``a`` means service ``A``."""
    svc = tx.session.execute(
        select(Service).where(func.upper(Service.code) == code.strip().upper())
    ).scalar_one_or_none()
    if svc is None:
        raise no_such_service(code)
    return svc


def find_counter(tx: Transaction, number: int) -> Counter:
    if not 1 <= number <= queue.MAX_COUNTER:
        raise NotFound(f"ไม่พบช่องบริการ {str(number)[:12]} (no such counter)")
    counter = tx.session.execute(
        select(Counter).where(Counter.number == number)
    ).scalar_one_or_none()
    if counter is None:
        raise NotFound(f"ไม่พบช่องบริการ {number} (no such counter)")
    return counter


def create_service(
    tx: Transaction,
    actor: Actor,
    code: str,
    name: str,
    name_en: str = "",
    prefix: str | None = None,
    standard_minutes: int = 15,
) -> ServiceView:
    c = queue.validate_service_code(code)
    n = clean_text(name, "name")
    ne = clean_text(name_en, "name_en", required=False)
    p = queue.validate_prefix(prefix if prefix is not None else c[:1])
    minutes = queue.validate_standard_minutes(standard_minutes)
    s = tx.session
    if s.execute(select(Service.id).where(func.upper(Service.code) == c.upper())).first():
        raise Conflict(f"มีบริการรหัส '{c}' อยู่แล้ว (service '{c}' already exists)")
    taken = s.execute(select(Service.code).where(Service.prefix == p)).scalar_one_or_none()
    if taken:
        raise Conflict(
            f"อักษร {p} ใช้กับบริการ '{taken}' แล้ว (prefix {p} is already used by '{taken}')"
        )
    svc = Service(code=c, name=n, name_en=ne, prefix=p, standard_minutes=minutes, active=True)
    s.add(svc)
    s.flush()
    view = service_view(svc)
    tx.audit(actor.username, "service.add", "service", c, None, asdict(view))
    return view


def add_service(
    uow: UnitOfWork,
    actor: Actor,
    code: str,
    name: str,
    name_en: str = "",
    prefix: str | None = None,
    standard_minutes: int = 15,
) -> ServiceView:
    require(actor.role, "service.add")
    with uow.write() as tx:
        view = create_service(tx, actor, code, name, name_en, prefix, standard_minutes)
        tx.commit()
    return view


def list_services(uow: UnitOfWork) -> list[ServiceView]:
    with uow.read() as tx:
        rows = tx.session.execute(select(Service).order_by(Service.code)).scalars()
        return [service_view(s) for s in rows]


def create_counter(
    tx: Transaction, actor: Actor, number: int, service_codes: list[str], name: str = ""
) -> CounterView:
    num = queue.validate_counter_number(number)
    codes = [c.strip() for c in service_codes if c.strip()]
    if not codes:
        raise InvalidInput("ต้องระบุบริการอย่างน้อยหนึ่งบริการ (at least one service is required)")
    services = [find_service(tx, c) for c in dict.fromkeys(codes)]
    label = clean_text(name, "name", required=False) or f"ช่องบริการ {num}"
    if tx.session.execute(select(Counter.id).where(Counter.number == num)).first():
        raise Conflict(f"มีช่องบริการ {num} อยู่แล้ว (counter {num} already exists)")
    counter = Counter(number=num, name=label, active=True)
    counter.services = services
    tx.session.add(counter)
    tx.session.flush()
    view = counter_view(counter)
    tx.audit(actor.username, "counter.add", "counter", num, None, asdict(view))
    return view


def add_counter(
    uow: UnitOfWork, actor: Actor, number: int, service_codes: list[str], name: str = ""
) -> CounterView:
    require(actor.role, "counter.add")
    with uow.write() as tx:
        view = create_counter(tx, actor, number, service_codes, name)
        tx.commit()
    return view


def list_counters(uow: UnitOfWork) -> list[CounterView]:
    with uow.read() as tx:
        rows = tx.session.execute(select(Counter).order_by(Counter.number)).scalars()
        return [counter_view(c) for c in rows]


# ---------------------------------------------------------------- administration
#
# Changing services and counters from the settings window. Each function is one user action:
# one write transaction, one audit entry (none when nothing changed). Permissions reuse the
# "add" actions: whoever may add a service may change one.

SERVICES_ORDER_KEY = "services.order"
OFFICE_LOGO_KEY = "office.logo"
MAX_LOGO_BYTES = 256 * 1024
_LOGO_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _tickets_today_with_prefix(tx: Transaction, prefix: str) -> bool:
    day = business_date(tx.now())
    found = tx.session.execute(
        select(Ticket.id)
        .where(Ticket.business_date == day, Ticket.code.startswith(prefix))
        .limit(1)
    ).first()
    return found is not None


def update_service(
    uow: UnitOfWork,
    actor: Actor,
    code: str,
    *,
    name: str | None = None,
    name_en: str | None = None,
    prefix: str | None = None,
    standard_minutes: int | None = None,
    active: bool | None = None,
) -> ServiceView:
    """Change a service; ``None`` leaves a field as it is. Closing a service (active=False)
    takes it off the kiosk and refuses new tickets; tickets already waiting are still called.
    The prefix cannot change on a day the old or the new letter is already on tickets: the
    day's codes must stay unique and keep meaning what they meant."""
    require(actor.role, "service.add")
    n = clean_text(name, "name") if name is not None else None
    ne = clean_text(name_en, "name_en", required=False) if name_en is not None else None
    p = queue.validate_prefix(prefix) if prefix is not None else None
    minutes = standard_minutes
    if minutes is not None:
        minutes = queue.validate_standard_minutes(minutes)
    with uow.write() as tx:
        svc = find_service(tx, code)
        before = service_view(svc)
        if p is not None and p != svc.prefix:
            taken = tx.session.execute(
                select(Service.code).where(Service.prefix == p, Service.id != svc.id)
            ).scalar_one_or_none()
            if taken:
                raise Conflict(
                    f"อักษร {p} ใช้กับบริการ '{taken}' แล้ว (prefix {p} is already used by '{taken}')"
                )
            for letter in (svc.prefix, p):
                if _tickets_today_with_prefix(tx, letter):
                    raise RuleViolation(
                        f"วันนี้มีบัตรคิวอักษร {letter} ออกไปแล้ว เปลี่ยนอักษรได้ตั้งแต่วันพรุ่งนี้ "
                        f"(tickets with prefix {letter} exist today; change the prefix tomorrow)"
                    )
            svc.prefix = p
        if n is not None:
            svc.name = n
        if ne is not None:
            svc.name_en = ne
        if minutes is not None:
            svc.standard_minutes = minutes
        if active is not None:
            svc.active = active
        tx.session.flush()
        view = service_view(svc)
        if view != before:
            tx.audit(actor.username, "service.update", "service", svc.code, asdict(before),
                     asdict(view))  # fmt: skip
            tx.commit()
    return view


def _stored_order(tx: Transaction) -> list[str]:
    row = tx.session.get(Setting, (OFFICE, SERVICES_ORDER_KEY))
    return [c for c in row.value.split(",") if c] if row is not None else []


def _in_display_order(services: list[Service], order: list[str]) -> list[Service]:
    rank = {c: i for i, c in enumerate(order)}
    return sorted(services, key=lambda s: (rank.get(s.code, len(rank)), s.code))


def ordered_services(tx: Transaction) -> list[Service]:
    """Every service in the office's display order (kiosk buttons, board, lists): the order
    the admin set, then services added since, by code."""
    services = list(tx.session.execute(select(Service)).scalars())
    return _in_display_order(services, _stored_order(tx))


def services_in_order(uow: UnitOfWork) -> list[ServiceView]:
    with uow.read() as tx:
        return [service_view(s) for s in ordered_services(tx)]


def reorder_services(uow: UnitOfWork, actor: Actor, codes: list[str]) -> list[ServiceView]:
    """Set the display order: ``codes`` names every service once."""
    require(actor.role, "service.add")
    with uow.write() as tx:
        wanted = [find_service(tx, c).code for c in codes]
        every = {s.code for s in tx.session.execute(select(Service)).scalars()}
        if len(set(wanted)) != len(wanted) or set(wanted) != every:
            raise InvalidInput(
                "ต้องระบุทุกบริการครั้งละหนึ่งครั้ง (name every service exactly once: "
                f"{', '.join(sorted(every))})"
            )
        before = [s.code for s in ordered_services(tx)]
        if wanted != before:
            row = tx.session.get(Setting, (OFFICE, SERVICES_ORDER_KEY))
            value = ",".join(wanted)
            if row is None:
                tx.session.add(Setting(scope=OFFICE, key=SERVICES_ORDER_KEY, value=value))
            else:
                row.value = value
            tx.session.flush()
            tx.audit(actor.username, "service.reorder", "service", "*", before, wanted)
        views = [service_view(s) for s in ordered_services(tx)]
        tx.commit()
    return views


def update_counter(
    uow: UnitOfWork,
    actor: Actor,
    number: int,
    *,
    name: str | None = None,
    service_codes: list[str] | None = None,
    active: bool | None = None,
) -> CounterView:
    """Rename a counter, set the services it calls, open or close it. A counter with a
    citizen at it cannot be closed: complete or transfer the ticket first."""
    require(actor.role, "counter.add")
    label = clean_text(name, "name") if name is not None else None
    with uow.write() as tx:
        counter = find_counter(tx, number)
        before = counter_view(counter)
        if service_codes is not None:
            codes = [c.strip() for c in service_codes if c.strip()]
            if not codes:
                raise InvalidInput("ต้องระบุบริการอย่างน้อยหนึ่งบริการ (at least one service is required)")
            chosen = [find_service(tx, c) for c in dict.fromkeys(codes)]
            counter.services = sorted(chosen, key=lambda x: x.code)  # as the relationship loads
        if label is not None:
            counter.name = label
        if active is False and counter.active:
            serving = tx.session.execute(
                select(Ticket.code).where(
                    Ticket.counter_id == counter.id,
                    Ticket.status == TicketStatus.CALLED.value,
                    Ticket.business_date == business_date(tx.now()),
                )
            ).first()
            if serving is not None:
                raise Conflict(
                    f"ช่องบริการ {number} กำลังให้บริการคิว {serving[0]} อยู่ "
                    f"(counter {number} is serving {serving[0]}: complete or transfer it first)"
                )
        if active is not None:
            counter.active = active
        tx.session.flush()
        view = counter_view(counter)
        if view != before:
            tx.audit(actor.username, "counter.update", "counter", number, asdict(before),
                     asdict(view))  # fmt: skip
            tx.commit()
    return view


def _logo_digest(data: bytes | None) -> dict[str, object] | None:
    if data is None:
        return None
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def office_logo(uow: UnitOfWork) -> bytes | None:
    """The office logo (PNG or JPEG bytes), shared by every PC, or None."""
    with uow.read() as tx:
        row = tx.session.get(Setting, (OFFICE, OFFICE_LOGO_KEY))
        return base64.b64decode(row.value) if row is not None and row.value else None


def set_office_logo(uow: UnitOfWork, actor: Actor, data: bytes | None) -> bytes | None:
    """Store (or, with None, remove) the logo shown on the kiosk and the board. The audit
    entry records its size and SHA-256, not the picture."""
    require(actor.role, "settings.set")
    if data is not None:
        if not data.startswith(_LOGO_SIGNATURES):
            raise InvalidInput("โลโก้ต้องเป็นไฟล์ PNG หรือ JPEG (the logo must be a PNG or JPEG file)")
        if len(data) > MAX_LOGO_BYTES:
            raise InvalidInput(
                f"ไฟล์โลโก้ใหญ่เกิน {MAX_LOGO_BYTES // 1024} KB "
                f"(the logo is {len(data) // 1024} KB; at most {MAX_LOGO_BYTES // 1024} KB)"
            )
    with uow.write() as tx:
        row = tx.session.get(Setting, (OFFICE, OFFICE_LOGO_KEY))
        old = base64.b64decode(row.value) if row is not None and row.value else None
        if old == data:
            return data
        if data is None:
            assert row is not None
            tx.session.delete(row)
        elif row is None:
            tx.session.add(Setting(scope=OFFICE, key=OFFICE_LOGO_KEY, value=_b64(data)))
        else:
            row.value = _b64(data)
        tx.session.flush()
        tx.audit(actor.username, "settings.set", "setting", f"{OFFICE}/{OFFICE_LOGO_KEY}",
                 _logo_digest(old), _logo_digest(data))  # fmt: skip
        tx.commit()
    return data


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
