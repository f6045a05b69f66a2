"""Time in the office: stored in UTC, business days and display in Asia/Bangkok,
years in the Buddhist Era (พ.ศ. = ค.ศ. + 543)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

BANGKOK = ZoneInfo("Asia/Bangkok")
BE_OFFSET = 543
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
THAI_MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
THAI_MONTHS_FULL = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def business_date(at_utc: dt.datetime) -> dt.date:
    """The office's calendar day (Asia/Bangkok) of a UTC instant: queue numbers restart on it."""
    if at_utc.tzinfo is None:
        raise ValueError("naive datetime: times must be timezone-aware UTC")
    return at_utc.astimezone(BANGKOK).date()


def to_bangkok(at_utc: dt.datetime) -> dt.datetime:
    return at_utc.astimezone(BANGKOK)


def thai_date(day: dt.date, thai_digits: bool = False) -> str:
    """``10 เม.ย. 2566`` (or ``๑๐ เม.ย. ๒๕๖๖``)."""
    text = f"{day.day} {THAI_MONTHS_ABBR[day.month - 1]} {day.year + BE_OFFSET}"
    return text.translate(THAI_DIGITS) if thai_digits else text


def thai_datetime_short(at_utc: dt.datetime) -> str:
    """``24/11/2569 09:41`` in Bangkok time, as printed on a ticket."""
    local = to_bangkok(at_utc)
    return f"{local.day:02d}/{local.month:02d}/{local.year + BE_OFFSET} {local:%H:%M}"


def parse_iso_date(text: str) -> dt.date:
    from desktop_app.domain.errors import InvalidInput

    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"วันที่ไม่ถูกต้อง '{text[:40]}' (date must be YYYY-MM-DD)") from None
