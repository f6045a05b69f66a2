"""The Thai government fiscal year and loan numbers.

The fiscal year runs 1 October – 30 September and is named by the Buddhist Era year in
which it ends: 24 November 2026 (BE 2569) is in fiscal year 2570. Loan numbers restart at 1
each fiscal year, from an office template such as ``ยม.{seq:04d}/{fy}`` → ``ยม.0012/2570``.
"""

from __future__ import annotations

import datetime as dt
import re
import string

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.text import clean_text
from desktop_app.domain.thai_time import BE_OFFSET

FISCAL_START_MONTH = 10
DEFAULT_NUMBER_FORMAT = "ยม.{seq:04d}/{fy}"
MAX_LOAN_NO = 60
MAX_SEQ = 999_999
# {seq} may be zero-padded to a width; {fy} is the BE year as it is.
_SEQ_SPEC = re.compile(r"(0[1-9])?d?")


def fiscal_year(day: dt.date) -> int:
    """The BE fiscal year a date falls in: 2026-09-30 → 2569, 2026-10-01 → 2570."""
    return day.year + BE_OFFSET + (1 if day.month >= FISCAL_START_MONTH else 0)


def fiscal_year_bounds(fy: int) -> tuple[dt.date, dt.date]:
    """First and last day of a BE fiscal year: 2570 → 2026-10-01 … 2027-09-30."""
    ce_end = fy - BE_OFFSET
    return dt.date(ce_end - 1, FISCAL_START_MONTH, 1), dt.date(ce_end, 9, 30)


def validate_number_format(template: str) -> str:
    """A loan number template: ``{seq}`` (optionally ``{seq:04d}``) and ``{fy}``, both
    required so that numbers never repeat from one fiscal year to the next."""
    text = clean_text(template, "value", max_len=40)
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        raise InvalidInput(
            "รูปแบบเลขที่ใบยืมมีวงเล็บปีกกาไม่ครบ (unbalanced braces in the loan number format)"
        ) from None
    seen: set[str] = set()
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        ok = (name == "seq" and _SEQ_SPEC.fullmatch(spec or "")) or (
            name == "fy" and spec in ("", "d")
        )
        if conversion or not ok:
            raise InvalidInput(
                "รูปแบบเลขที่ใบยืมใช้ได้เฉพาะ {seq} (หรือ {seq:04d}) และ {fy} "
                f"(only {{seq}}, {{seq:04d}} and {{fy}} are allowed, got '{{{name[:20]}}}')"
            )
        seen.add(name)
    if seen != {"seq", "fy"}:
        raise InvalidInput(
            "รูปแบบเลขที่ใบยืมต้องมีทั้ง {seq} และ {fy} "
            "(the loan number format needs both {seq} and {fy}, e.g. ยม.{seq:04d}/{fy})"
        )
    sample = format_loan_number(text, MAX_SEQ, 2570)
    if any(ch.isspace() for ch in sample):
        raise InvalidInput(
            "เลขที่ใบยืมต้องไม่มีช่องว่าง (loan numbers may not contain spaces: scripts pass "
            "them as one argument)"
        )
    if len(sample) > MAX_LOAN_NO:
        raise InvalidInput(f"เลขที่ใบยืมยาวเกินไป (loan numbers would exceed {MAX_LOAN_NO} characters)")
    return text


def format_loan_number(template: str, seq: int, fy: int) -> str:
    return template.format(seq=seq, fy=fy)
