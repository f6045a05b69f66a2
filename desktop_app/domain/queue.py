"""Queue policy: ticket codes, priorities, the calling order and the estimated wait."""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.errors import InvalidInput


class Priority(StrEnum):
    ELDERLY = "elderly"
    DISABLED = "disabled"
    PREGNANT = "pregnant"
    MONK = "monk"


PRIORITY_LABELS_TH: dict[Priority, str] = {
    Priority.ELDERLY: "ผู้สูงอายุ",
    Priority.DISABLED: "คนพิการ",
    Priority.PREGNANT: "หญิงตั้งครรภ์",
    Priority.MONK: "พระภิกษุสงฆ์",
}


class TicketStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"  # called to a counter and being served there
    DONE = "done"
    NO_SHOW = "no_show"


STATUS_LABELS_TH: dict[TicketStatus, str] = {
    TicketStatus.WAITING: "รอเรียก",
    TicketStatus.CALLED: "กำลังให้บริการ",
    TicketStatus.DONE: "ให้บริการแล้ว",
    TicketStatus.NO_SHOW: "ไม่มาตามเรียก",
}


MAX_NUMBER_PER_DAY = 999  # three digits on the ticket: A001 … A999
MAX_COUNTER = 999
_PREFIX = re.compile(r"^[A-Z]$")
_SERVICE_CODE = re.compile(r"^[A-Za-z0-9_-]{1,20}$")


def parse_priority(value: str | None) -> Priority | None:
    if value is None or value == "":
        return None
    try:
        return Priority(value)
    except ValueError:
        allowed = ", ".join(p.value for p in Priority)
        raise InvalidInput(
            f"ไม่รู้จักประเภทคิวพิเศษ '{value[:40]}' (unknown priority; one of: {allowed})"
        ) from None


def validate_prefix(prefix: str) -> str:
    p = prefix.strip().upper()
    if not _PREFIX.fullmatch(p):
        raise InvalidInput(
            f"อักษรนำหน้าคิวต้องเป็นอักษรอังกฤษหนึ่งตัว A–Z (prefix must be one letter A-Z, "
            f"got '{prefix[:20]}')"
        )
    return p


def validate_service_code(code: str) -> str:
    c = code.strip()
    if not _SERVICE_CODE.fullmatch(c):
        raise InvalidInput(
            "รหัสบริการต้องเป็นอักษรอังกฤษ ตัวเลข _ หรือ - ไม่เกิน 20 ตัว "
            f"(service code must be 1-20 of A-Z a-z 0-9 _ -, got '{code[:40]}')"
        )
    return c


def validate_standard_minutes(minutes: int) -> int:
    if not 1 <= minutes <= 24 * 60:
        raise InvalidInput(
            f"เวลามาตรฐานต้องอยู่ระหว่าง 1 ถึง 1440 นาที (standard minutes must be 1-1440, got {minutes})"
        )
    return minutes


def validate_counter_number(number: int) -> int:
    if not 1 <= number <= MAX_COUNTER:
        raise InvalidInput(
            f"หมายเลขช่องบริการต้องเป็น 1–{MAX_COUNTER} "
            f"(counter must be 1-{MAX_COUNTER}, got {str(number)[:12]})"
        )
    return number


def ticket_code(prefix: str, number: int) -> str:
    return f"{prefix}{number:03d}"


def priority_rank(priority: Priority | None) -> int:
    """The first key of the calling order, the rule the office is assessed on: among the
    waiting tickets of the services a counter serves, priority tickets (rank 0) first, then
    everyone else (rank 1); within a rank, in the order the tickets were issued. The
    services layer sorts by (rank, arrival) in SQL so that an index does the work."""
    return 0 if priority is not None else 1


@dataclass(frozen=True)
class CallingPolicy:
    """The office's two reshapings of the calling order (both 0, off, by default):
    ``priority_run_max`` K — after K priority calls in a row at one counter, the next call
    takes the longest-waiting ordinary ticket if one waits; ``ageing_minutes`` M — an
    ordinary ticket waiting M minutes ranks with the priority lanes, by arrival. Only calls
    of priority-lane tickets count toward a run; any other call ends it."""

    priority_run_max: int = 0
    ageing_minutes: int = 0


@dataclass(frozen=True)
class WaitEstimate:
    ahead: int
    minutes: int
    minutes_per_person: float
    open_counters: int


def estimate_wait(
    ahead: int,
    recent_service_minutes: Sequence[float],
    standard_minutes: int,
    open_counters: int,
) -> WaitEstimate:
    """People ahead × typical service time ÷ counters open for the service.

    The typical time is the median of today's recent service times (robust to one long
    case); with fewer than three served today, the published standard time is used.
    """
    per_person = (
        statistics.median(recent_service_minutes)
        if len(recent_service_minutes) >= 3
        else float(standard_minutes)
    )
    counters = max(open_counters, 1)
    minutes = math.ceil(ahead * per_person / counters) if ahead else 0
    return WaitEstimate(ahead, minutes, per_person, counters)
