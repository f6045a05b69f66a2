"""The office's services (with their ticket prefix and published standard time) and its
counters."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import func, select

from db.models import Counter, Service
from db.uow import Transaction, UnitOfWork
from desktop_app.domain import queue
from desktop_app.domain.errors import Conflict, InvalidInput, NotFound
from desktop_app.domain.roles import require
from desktop_app.domain.text import clean_text
from desktop_app.services.auth import Actor


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


def find_service(tx: Transaction, code: str) -> Service:
    """By code, ignoring case: a clerk typing ``a`` means service ``A``."""
    svc = tx.session.execute(
        select(Service).where(func.upper(Service.code) == code.strip().upper())
    ).scalar_one_or_none()
    if svc is None:
        raise NotFound(f"ไม่พบบริการ '{code[:40]}' (no such service)")
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
