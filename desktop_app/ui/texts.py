"""Words the windows show that do not belong to one window: priorities, statuses, roles,
dates in Thai and English, and choosing the Thai or English name of a service."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.domain.thai_time import BE_OFFSET, to_bangkok

PRIORITIES: dict[str, str] = {
    "elderly": QT_TRANSLATE_NOOP("Texts", "ผู้สูงอายุ"),
    "disabled": QT_TRANSLATE_NOOP("Texts", "คนพิการ"),
    "pregnant": QT_TRANSLATE_NOOP("Texts", "หญิงตั้งครรภ์"),
    "monk": QT_TRANSLATE_NOOP("Texts", "พระภิกษุสงฆ์"),
}
# Both names, for the kiosk, which shows the other language under the current one.
PRIORITY_NAMES: dict[str, tuple[str, str]] = {
    "elderly": ("ผู้สูงอายุ", "Elderly"),
    "disabled": ("คนพิการ", "Disabled"),
    "pregnant": ("หญิงตั้งครรภ์", "Pregnant"),
    "monk": ("พระภิกษุสงฆ์", "Monk"),
}
ROLES: dict[str, str] = {
    "admin": QT_TRANSLATE_NOOP("Texts", "ผู้ดูแลระบบ"),
    "clerk": QT_TRANSLATE_NOOP("Texts", "เจ้าหน้าที่ช่องบริการ"),
    "supply_officer": QT_TRANSLATE_NOOP("Texts", "เจ้าหน้าที่พัสดุ"),
    "supply_head": QT_TRANSLATE_NOOP("Texts", "หัวหน้าเจ้าหน้าที่พัสดุ"),
    "agency_head": QT_TRANSLATE_NOOP("Texts", "หัวหน้าหน่วยงาน"),
    "staff": QT_TRANSLATE_NOOP("Texts", "เจ้าหน้าที่"),
}
STATUSES: dict[str, str] = {
    "waiting": QT_TRANSLATE_NOOP("Texts", "รอเรียก"),
    "called": QT_TRANSLATE_NOOP("Texts", "กำลังให้บริการ"),
    "done": QT_TRANSLATE_NOOP("Texts", "ให้บริการแล้ว"),
    "no_show": QT_TRANSLATE_NOOP("Texts", "ไม่มาตามเรียก"),
}

YES = QT_TRANSLATE_NOOP("Texts", "ใช่")
NO = QT_TRANSLATE_NOOP("Texts", "ไม่")

_TH_DAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
_TH_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def tr(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP("Texts", …), in the current language."""
    return QCoreApplication.translate("Texts", text)


def priority(value: str | None) -> str:
    return tr(PRIORITIES[value]) if value in PRIORITIES else ""


def role(value: str) -> str:
    return tr(ROLES[value]) if value in ROLES else value


def status(value: str) -> str:
    return tr(STATUSES[value]) if value in STATUSES else value


def long_date(day: dt.date, language: str) -> str:
    """``วันอังคารที่ 24 พฤศจิกายน พ.ศ. 2569`` or ``Tuesday 24 November 2026``."""
    if language == "en":
        return f"{_EN_DAYS[day.weekday()]} {day.day} {_EN_MONTHS[day.month - 1]} {day.year}"
    month = _TH_MONTHS[day.month - 1]
    return f"วัน{_TH_DAYS[day.weekday()]}ที่ {day.day} {month} พ.ศ. {day.year + BE_OFFSET}"


def clock(at_utc: dt.datetime, seconds: bool = True) -> str:
    """The time in Bangkok, 24-hour, as Thai offices write it."""
    local = to_bangkok(at_utc)
    return f"{local:%H:%M:%S}" if seconds else f"{local:%H:%M}"


def minutes_seconds(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 60}:{s % 60:02d}"


def name_in(language: str, thai: str, english: str) -> str:
    """The English name in English when there is one; Thai otherwise."""
    return english if language == "en" and english else thai


def other_name(language: str, thai: str, english: str) -> str:
    """The line under the main name: English under Thai, Thai under English."""
    return thai if language == "en" and english else english
