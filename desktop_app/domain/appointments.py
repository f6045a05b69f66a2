"""Appointments: slot times, booking codes, the check-in window and personal-data keeping
(CLI.md, "Appointments and calling policy"). Plain rules: no database, no Qt."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.thai_time import BANGKOK

# Six characters a person can read back over the phone: no 0/O, 1/I/L look-alikes.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
_CODE = re.compile(f"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_WEEKDAYS = WEEKDAYS[:5]
MAX_SLOT_DAYS = 366
MAX_CAPACITY = 999


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


STATUS_LABELS_TH: dict[AppointmentStatus, str] = {
    AppointmentStatus.BOOKED: "จองแล้ว",
    AppointmentStatus.CHECKED_IN: "มาตามนัดแล้ว",
    AppointmentStatus.CANCELLED: "ยกเลิก",
    AppointmentStatus.NO_SHOW: "ไม่มาตามนัด",
}


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text: str) -> str:
    """A typed or scanned code, read case-insensitively; anything else is refused as unknown
    by the caller (exit 5), never matched loosely."""
    return text.strip().upper()


def is_code(text: str) -> bool:
    return bool(_CODE.fullmatch(normalize_code(text)))


def parse_weekdays(text: str | None) -> tuple[int, ...]:
    """``mon,tue,…`` → ISO weekday numbers 1–7 (default Monday to Friday)."""
    names = DEFAULT_WEEKDAYS if not text else tuple(p.strip().lower() for p in text.split(","))
    days: list[int] = []
    for name in names:
        if name not in WEEKDAYS:
            raise InvalidInput(f"ไม่รู้จักวัน '{name[:12]}' (unknown weekday; use {','.join(WEEKDAYS)})")
        days.append(WEEKDAYS.index(name) + 1)
    return tuple(sorted(set(days)))


def parse_hhmm(text: str, what: str) -> dt.time:
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise InvalidInput(f"{what} ต้องเป็นเวลา HH:MM (got '{text[:20]}')")
    return dt.time(int(m.group(1)), int(m.group(2)))


def parse_local_minute(text: str) -> dt.datetime:
    """``YYYY-MM-DD HH:MM`` in Bangkok time → an aware UTC instant."""
    m = re.fullmatch(r"\s*(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})\s*", text)
    if not m:
        raise InvalidInput(
            f"เวลานัดต้องเป็น YYYY-MM-DD HH:MM (appointment time must be 'YYYY-MM-DD HH:MM', "
            f"got '{text[:40]}')"
        )
    try:
        day = dt.date.fromisoformat(m.group(1))
    except ValueError:
        raise InvalidInput(f"ไม่มีวันที่ {m.group(1)} (no such date)") from None
    local = dt.datetime.combine(day, parse_hhmm(m.group(2), "เวลานัด"), BANGKOK)
    return local.astimezone(dt.UTC)


def local_iso(at_utc: dt.datetime) -> str:
    """An instant as ISO-8601 Bangkok time: ``2026-12-03T09:30:00+07:00``."""
    return at_utc.astimezone(BANGKOK).isoformat()


@dataclass(frozen=True)
class SlotPlan:
    days: tuple[dt.date, ...]
    times: tuple[dt.time, ...]


def plan_slots(
    first: dt.date,
    last: dt.date,
    weekdays: Iterable[int],
    start: dt.time,
    end: dt.time,
    every_minutes: int,
    holidays: Iterable[dt.date],
) -> list[dt.datetime]:
    """Slot starts in UTC: on each chosen weekday from ``first`` to ``last`` (inclusive) that
    is not a holiday, at ``start`` and every ``every_minutes`` after it, the last one starting
    before ``end``."""
    if last < first:
        raise InvalidInput("--to ต้องไม่ก่อน --from (the range ends before it starts)")
    if (last - first).days >= MAX_SLOT_DAYS:
        raise InvalidInput(f"สร้างช่วงเวลาได้ไม่เกิน {MAX_SLOT_DAYS} วันต่อครั้ง (at most a year)")
    if not 5 <= every_minutes <= 24 * 60:
        raise InvalidInput(f"--every ต้องอยู่ระหว่าง 5–1440 นาที (got {every_minutes})")
    if end <= start:
        raise InvalidInput("--end ต้องหลัง --start (end must be after start)")
    days_on = set(weekdays)
    closed = set(holidays)
    out: list[dt.datetime] = []
    day = first
    while day <= last:
        if day.isoweekday() in days_on and day not in closed:
            at = dt.datetime.combine(day, start, BANGKOK)
            stop = dt.datetime.combine(day, end, BANGKOK)
            while at < stop:
                out.append(at.astimezone(dt.UTC))
                at += dt.timedelta(minutes=every_minutes)
        day += dt.timedelta(days=1)
    return out


def validate_capacity(capacity: int) -> int:
    if not 1 <= capacity <= MAX_CAPACITY:
        raise InvalidInput(f"จำนวนที่รับต่อช่วงต้องเป็น 1–{MAX_CAPACITY} (capacity, got {capacity})")
    return capacity


class Arrival(StrEnum):
    TOO_EARLY = "too_early"
    ON_TIME = "on_time"
    LATE = "late"


def arrival(now: dt.datetime, at: dt.datetime, early_minutes: int, grace_minutes: int) -> Arrival:
    """Earlier than ``early_minutes`` before the time: refused. Later than ``grace_minutes``
    after it: a plain walk-in ticket. Otherwise the appointment is kept."""
    if now < at - dt.timedelta(minutes=early_minutes):
        return Arrival.TOO_EARLY
    if now > at + dt.timedelta(minutes=grace_minutes):
        return Arrival.LATE
    return Arrival.ON_TIME


def personal_data_expired(at: dt.datetime, now: dt.datetime, keep_days: int) -> bool:
    """Names and phone numbers are kept ``keep_days`` days after the appointment (PDPA)."""
    return now >= at + dt.timedelta(days=keep_days)
