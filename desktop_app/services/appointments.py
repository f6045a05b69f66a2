"""Appointments (issue 15; CLI.md "Appointments and calling policy"): slots per service,
bookings at the counter or on the phone, check-in at the kiosk or the counter, and the
clean-up of the day (no-shows, personal data after ``appointment.keep_personal_days``).

A booking's name and phone number never enter the audit trail: its entries name the code,
the service, the time and the status only.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, update

from db.models import Service, Ticket
from db.models_appointments import Appointment, Holiday, Slot
from db.uow import Transaction, UnitOfWork
from desktop_app.domain import appointments as rules
from desktop_app.domain.appointments import AppointmentStatus
from desktop_app.domain.errors import Conflict, InvalidInput, NotFound, RuleViolation
from desktop_app.domain.roles import require
from desktop_app.domain.text import clean_text
from desktop_app.domain.thai_time import BANGKOK, business_date
from desktop_app.services.auth import Actor
from desktop_app.services.office import find_service
from desktop_app.services.settings import read_setting
from desktop_app.services.tickets import TicketView, issue_in

_TAKEN = (AppointmentStatus.BOOKED.value, AppointmentStatus.CHECKED_IN.value)
IMPORT_HEADER = ("ref", "service", "at", "name", "phone")


@dataclass(frozen=True)
class SlotView:
    service: str
    at: str  # ISO-8601, Bangkok time
    capacity: int
    booked: int


@dataclass(frozen=True)
class AppointmentView:
    appointment: str
    service: str
    service_name: str
    at: str
    status: str
    name: str | None = None
    phone: str | None = None
    ticket: str | None = None


@dataclass(frozen=True)
class CheckIn:
    ticket: TicketView
    appointment: str
    late: bool


@dataclass(frozen=True)
class ImportResult:
    file: str
    rows: int
    booked: int
    unchanged: int


# ---------------------------------------------------------------- holidays


def holidays_between(tx: Transaction, first: dt.date, last: dt.date) -> set[dt.date]:
    rows = tx.session.scalars(select(Holiday.day).where(Holiday.day.between(first, last)))
    return set(rows)


def add_holiday(uow: UnitOfWork, actor: Actor, day: dt.date, name: str = "") -> dt.date:
    require(actor.role, "slot.generate")
    name = clean_text(name, "name", required=False)
    with uow.write() as tx:
        if tx.session.get(Holiday, day) is None:
            tx.session.add(Holiday(day=day, name=name))
            tx.audit(actor.username, "holiday.add", "holiday", day.isoformat(), None,
                     {"day": day.isoformat(), "name": name})  # fmt: skip
        tx.commit()
    return day


@dataclass(frozen=True)
class HolidayImport:
    file: str
    rows: int
    added: int
    unchanged: int


HOLIDAY_HEADER = ("date", "name")


def _holiday_date(text: str) -> dt.date:
    """``YYYY-MM-DD`` in the Christian era or in the Buddhist era (a year after 2400 is BE,
    as a Thai office's own list is often written)."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"วันที่ '{text[:40]}' ต้องเป็น YYYY-MM-DD (date as YYYY-MM-DD)") from None
    return day.replace(year=day.year - 543) if day.year > 2400 else day


def import_holidays(uow: UnitOfWork, actor: Actor, path: Path) -> HolidayImport:
    """The office's holiday list from a CSV with the header ``date,name`` (the year in either
    era). A date already on the list is left as it is, so importing the same file twice
    changes nothing. All rows or none: a bad row names its line and adds nothing."""
    require(actor.role, "slot.generate")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InvalidInput(f"อ่านไฟล์ {path.name[:80]} ไม่ได้ (cannot read the file: {e})") from None
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or "date" not in reader.fieldnames:
        raise InvalidInput(f"หัวตารางต้องเป็น {','.join(HOLIDAY_HEADER)} (CSV header)")
    days: dict[dt.date, str] = {}
    rows = 0
    for line, row in enumerate(reader, start=2):
        rows += 1
        try:
            day = _holiday_date(row.get("date") or "")
            days.setdefault(day, clean_text(row.get("name"), "name", required=False))
        except InvalidInput as e:
            raise InvalidInput(f"แถว {line}: {e.message}") from None
    added = 0
    with uow.write() as tx:
        for day, name in sorted(days.items()):
            if tx.session.get(Holiday, day) is None:
                tx.session.add(Holiday(day=day, name=name))
                tx.audit(actor.username, "holiday.add", "holiday", day.isoformat(), None,
                         {"day": day.isoformat(), "name": name})  # fmt: skip
                added += 1
        tx.commit()
    return HolidayImport(str(path), rows, added, rows - added)


def remove_holiday(uow: UnitOfWork, actor: Actor, day: dt.date) -> dt.date:
    """Take a day off the holiday list (slots already generated stay as they are)."""
    require(actor.role, "slot.generate")
    with uow.write() as tx:
        h = tx.session.get(Holiday, day)
        if h is None:
            raise NotFound(f"ไม่มีวันหยุด {day.isoformat()} (no such holiday)")
        tx.audit(actor.username, "holiday.remove", "holiday", day.isoformat(),
                 {"day": day.isoformat(), "name": h.name}, None)  # fmt: skip
        tx.session.delete(h)
        tx.commit()
    return day


def list_holidays(uow: UnitOfWork) -> list[tuple[dt.date, str]]:
    with uow.read() as tx:
        return [(h.day, h.name) for h in tx.session.scalars(select(Holiday).order_by(Holiday.day))]


# ---------------------------------------------------------------- slots


def generate_slots(
    uow: UnitOfWork,
    actor: Actor,
    service_code: str,
    first: dt.date,
    last: dt.date,
    weekdays: str | None,
    start: str,
    end: str,
    every_minutes: int,
    capacity: int,
) -> int:
    """Slots that do not exist yet; existing ones are kept as they are. Returns how many
    slots the range holds (new and kept)."""
    require(actor.role, "slot.generate")
    days = rules.parse_weekdays(weekdays)
    t0, t1 = rules.parse_hhmm(start, "--start"), rules.parse_hhmm(end, "--end")
    rules.validate_capacity(capacity)
    with uow.write() as tx:
        svc = find_service(tx, service_code)
        starts = rules.plan_slots(first, last, days, t0, t1, every_minutes,
                                  holidays_between(tx, first, last))  # fmt: skip
        if starts:
            existing = set(tx.session.scalars(
                select(Slot.starts_at).where(Slot.service_id == svc.id,
                                             Slot.starts_at.between(starts[0], starts[-1]))
            ))  # fmt: skip
            new = [at for at in starts if at not in existing]
            tx.session.add_all(Slot(service_id=svc.id, starts_at=at, capacity=capacity)
                               for at in new)  # fmt: skip
            if new:
                tx.audit(actor.username, "slot.generate", "service", svc.code, None,
                         {"from": first.isoformat(), "to": last.isoformat(), "added": len(new),
                          "capacity": capacity, "every": every_minutes})  # fmt: skip
        tx.commit()
    return len(starts)


def _booked_counts(tx: Transaction, slot_ids: Sequence[int]) -> dict[int, int]:
    rows = tx.session.execute(
        select(Appointment.slot_id, func.count())
        .where(Appointment.slot_id.in_(slot_ids), Appointment.status.in_(_TAKEN))
        .group_by(Appointment.slot_id)
    ).all()
    return {slot_id: int(n) for slot_id, n in rows}


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time(0), BANGKOK).astimezone(dt.UTC)
    return start, start + dt.timedelta(days=1)


def list_slots(uow: UnitOfWork, service_code: str, day: dt.date) -> list[SlotView]:
    with uow.read() as tx:
        svc = find_service(tx, service_code)
        lo, hi = _day_bounds(day)
        slots = list(tx.session.scalars(
            select(Slot).where(Slot.service_id == svc.id, Slot.starts_at >= lo,
                               Slot.starts_at < hi).order_by(Slot.starts_at)
        ))  # fmt: skip
        booked = _booked_counts(tx, [s.id for s in slots])
        return [SlotView(svc.code, rules.local_iso(s.starts_at), s.capacity, booked.get(s.id, 0))
                for s in slots]  # fmt: skip


# ---------------------------------------------------------------- bookings


def _status(a: Appointment, today: dt.date) -> str:
    """A booking not checked in by the end of its day is a no-show, also before the clean-up
    that writes it down has run."""
    if a.status == AppointmentStatus.BOOKED.value and business_date(a.slot.starts_at) < today:
        return AppointmentStatus.NO_SHOW.value
    return a.status


def _view(a: Appointment, today: dt.date, personal: bool = False) -> AppointmentView:
    svc = a.slot.service
    return AppointmentView(
        appointment=a.code, service=svc.code, service_name=svc.name,
        at=rules.local_iso(a.slot.starts_at), status=_status(a, today),
        name=a.name if personal else None, phone=a.phone if personal else None,
        ticket=a.ticket.code if a.ticket is not None else None,
    )  # fmt: skip


def _audit_state(a: Appointment, status: str | None = None) -> dict[str, object]:
    """What the trail keeps of a booking: never its name or phone number."""
    return {"code": a.code, "service": a.slot.service.code,
            "at": a.slot.starts_at.isoformat(), "status": status or a.status}  # fmt: skip


def clean_up(tx: Transaction, actor: Actor) -> None:
    """The day's end, whenever a booking is next written: bookings of past days not checked in
    become ``no_show``; names and phones older than ``appointment.keep_personal_days`` go."""
    now = tx.now()
    lo, _ = _day_bounds(business_date(now))
    s = tx.session
    stale = list(s.scalars(
        select(Appointment).join(Slot)
        .where(Appointment.status == AppointmentStatus.BOOKED.value, Slot.starts_at < lo)
    ))  # fmt: skip
    for a in stale:
        before = _audit_state(a)
        a.status = AppointmentStatus.NO_SHOW.value
        tx.audit(actor.username, "appointment.no_show", "appointment", a.code, before,
                 _audit_state(a))  # fmt: skip
    keep = dt.timedelta(days=int(read_setting(tx, "appointment.keep_personal_days")))
    expired = select(Slot.id).where(Slot.starts_at <= now - keep)
    s.execute(
        update(Appointment)
        .where(Appointment.slot_id.in_(expired),
               (Appointment.name.is_not(None)) | (Appointment.phone.is_not(None)))
        .values(name=None, phone=None)
        .execution_options(synchronize_session=False)
    )  # fmt: skip


def _find_slot(tx: Transaction, svc: Service, at: dt.datetime) -> Slot:
    slot = tx.session.execute(
        select(Slot).where(Slot.service_id == svc.id, Slot.starts_at == at)
    ).scalar_one_or_none()
    if slot is None:
        raise RuleViolation(
            f"ไม่มีช่วงเวลานัด {rules.local_iso(at)[:16]} ของบริการ {svc.code} "
            "(no slot starts at that time)"
        )
    return slot


def _new_code(tx: Transaction) -> str:
    while True:
        code = rules.new_code()
        if tx.session.scalar(select(Appointment.id).where(Appointment.code == code)) is None:
            return code


def _book_in(
    tx: Transaction, actor: Actor, svc: Service, at: dt.datetime, name: str, phone: str,
    source: str = "counter", external_ref: str | None = None,
) -> Appointment:  # fmt: skip
    if at <= tx.now():
        raise RuleViolation("เวลานัดผ่านไปแล้ว (the appointment time is in the past)")
    slot = _find_slot(tx, svc, at)
    if _booked_counts(tx, [slot.id]).get(slot.id, 0) >= slot.capacity:
        raise RuleViolation(
            f"ช่วงเวลา {rules.local_iso(at)[11:16]} เต็มแล้ว ({slot.capacity} ที่) (the slot is full)"
        )
    a = Appointment(
        code=_new_code(tx), slot=slot, status=AppointmentStatus.BOOKED.value,
        name=name or None, phone=phone or None, source=source, external_ref=external_ref,
        booked_at=tx.now(),
    )  # fmt: skip
    tx.session.add(a)
    tx.session.flush()
    tx.audit(actor.username, "appointment.book", "appointment", a.code, None, _audit_state(a))
    return a


def _clean_phone(phone: str | None) -> str:
    text = clean_text(phone, "phone", max_len=30, required=False)
    if text and not all(ch.isdigit() or ch in "+-() " for ch in text):
        raise InvalidInput(f"เบอร์โทรศัพท์ใช้ได้เฉพาะตัวเลข + - ( ) (phone, got '{text[:30]}')")
    return text


def book(
    uow: UnitOfWork,
    actor: Actor,
    service_code: str,
    at_text: str,
    name: str | None = None,
    phone: str | None = None,
) -> AppointmentView:
    require(actor.role, "appointment.book")
    at = rules.parse_local_minute(at_text)
    name_ = clean_text(name, "name", required=False)
    phone_ = _clean_phone(phone)
    with uow.write() as tx:
        clean_up(tx, actor)
        a = _book_in(tx, actor, find_service(tx, service_code), at, name_, phone_)
        view = _view(a, business_date(tx.now()), personal=True)
        tx.commit()
    return view


def _find(tx: Transaction, code: str) -> Appointment:
    c = rules.normalize_code(code)
    a = None
    if rules.is_code(c):
        a = tx.session.execute(
            select(Appointment).where(Appointment.code == c)
        ).scalar_one_or_none()
    if a is None:
        raise NotFound(f"ไม่พบนัดหมาย {c[:12]} (no such appointment)")
    return a


def cancel(uow: UnitOfWork, actor: Actor, code: str) -> AppointmentView:
    require(actor.role, "appointment.cancel")
    with uow.write() as tx:
        clean_up(tx, actor)
        a = _find(tx, code)
        if a.status != AppointmentStatus.BOOKED.value:
            raise Conflict(f"นัดหมาย {a.code} อยู่ในสถานะ {a.status} ยกเลิกไม่ได้ (it is {a.status})")
        before = _audit_state(a)
        a.status = AppointmentStatus.CANCELLED.value
        tx.audit(actor.username, "appointment.cancel", "appointment", a.code, before,
                 _audit_state(a))  # fmt: skip
        view = _view(a, business_date(tx.now()), personal=True)
        tx.commit()
    return view


def show(uow: UnitOfWork, code: str, personal: bool = False) -> AppointmentView:
    with uow.read() as tx:
        return _view(_find(tx, code), business_date(tx.now()), personal)


def list_appointments(
    uow: UnitOfWork, day: dt.date | None = None, service_code: str | None = None
) -> list[AppointmentView]:
    with uow.read() as tx:
        today = business_date(tx.now())
        query = select(Appointment).join(Slot).order_by(Slot.starts_at, Appointment.id)
        if day is not None:
            lo, hi = _day_bounds(day)
            query = query.where(Slot.starts_at >= lo, Slot.starts_at < hi)
        if service_code is not None:
            query = query.where(Slot.service_id == find_service(tx, service_code).id)
        return [_view(a, today) for a in tx.session.scalars(query)]


def check_in(uow: UnitOfWork, actor: Actor, code: str) -> CheckIn:
    """Early (more than ``appointment.early_minutes`` before): refused. Late (more than
    ``appointment.grace_minutes`` after): a plain walk-in ticket, ``late`` true. Otherwise a
    ticket that is called from the appointment's time."""
    require(actor.role, "appointment.checkin")
    with uow.write() as tx:
        clean_up(tx, actor)
        a = _find(tx, code)
        if a.status != AppointmentStatus.BOOKED.value:
            said = {"checked_in": "เช็กอินแล้ว", "cancelled": "ถูกยกเลิกแล้ว",
                    "no_show": "เลยวันนัดแล้ว"}.get(a.status, a.status)  # fmt: skip
            raise Conflict(f"นัดหมาย {a.code} {said} (appointment is {a.status})")
        now = tx.now()
        at = a.slot.starts_at
        early = int(read_setting(tx, "appointment.early_minutes"))
        grace = int(read_setting(tx, "appointment.grace_minutes"))
        arrival = rules.arrival(now, at, early, grace)
        if arrival is rules.Arrival.TOO_EARLY:
            raise RuleViolation(
                f"ยังไม่ถึงเวลาเช็กอิน: เช็กอินได้ตั้งแต่ {early} นาทีก่อนเวลานัด "
                f"{rules.local_iso(at)[11:16]} (too early: check-in opens {early} minutes before)"
            )
        late = arrival is rules.Arrival.LATE
        ticket = issue_in(tx, actor, a.slot.service.code, None, None if late else at)
        before = _audit_state(a)
        a.status = AppointmentStatus.CHECKED_IN.value
        a.checked_in_at = now
        a.ticket_id = tx.session.scalar(
            select(Ticket.id).where(Ticket.business_date == ticket.business_date,
                                    Ticket.code == ticket.code)
        )  # fmt: skip
        tx.audit(actor.username, "appointment.checkin", "appointment", a.code, before,
                 {**_audit_state(a), "ticket": ticket.code, "late": late})  # fmt: skip
        tx.commit()
    return CheckIn(ticket, a.code, late)


# ---------------------------------------------------------------- import


def import_bookings(uow: UnitOfWork, actor: Actor, path: Path) -> ImportResult:
    """A CSV from an online booking system, header ``ref,service,at,name,phone`` (``at`` as
    ``YYYY-MM-DD HH:MM`` Bangkok time). A row whose ``ref`` is already here is left as it is,
    so importing the same file twice changes nothing. All rows or none."""
    require(actor.role, "appointment.book")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InvalidInput(f"อ่านไฟล์ {path.name[:80]} ไม่ได้ (cannot read the file: {e})") from None
    rows = list(csv.DictReader(io.StringIO(text)))
    missing = [h for h in IMPORT_HEADER[:3] if rows and h not in rows[0]]
    if missing or (not rows and not text.strip().startswith("ref")):
        raise InvalidInput(f"หัวตารางต้องเป็น {','.join(IMPORT_HEADER)} (CSV header)")
    booked = unchanged = 0
    with uow.write() as tx:
        clean_up(tx, actor)
        for line, row in enumerate(rows, start=2):
            ref = clean_text(row.get("ref"), "ref", max_len=100)
            if tx.session.scalar(select(Appointment.id).where(Appointment.external_ref == ref)):
                unchanged += 1
                continue
            try:
                _book_in(tx, actor, find_service(tx, row.get("service") or ""),
                         rules.parse_local_minute(row.get("at") or ""),
                         clean_text(row.get("name"), "name", required=False),
                         _clean_phone(row.get("phone")), "import", ref)  # fmt: skip
            except (InvalidInput, RuleViolation, NotFound) as e:
                raise type(e)(f"แถว {line}: {e.message}") from None
            booked += 1
        tx.commit()
    return ImportResult(str(path), len(rows), booked, unchanged)
