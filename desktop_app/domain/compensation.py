"""The suggested compensation for a damaged or lost durable item (clause 209): the price
the item had at the time of borrowing, by straight-line depreciation.

    years        = whole years from acquisition to the date of borrowing
    depreciation = price × rate × years
    floor        = price × floor share
    amount       = max(price − depreciation, floor)

Money is Decimal, rounded half-up to the satang. The rate comes from the asset's category
and the floor share from settings (depreciation.rate.*, depreciation.floor).

Example (the issue's): a 25,000-baht laptop bought 3 years 4 months before it was
borrowed, rate 10 %, floor 25 % → years 3, depreciation 7,500.00, floor 6,250.00,
amount 17,500.00.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

SATANG = Decimal("0.01")


def money(value: Decimal) -> Decimal:
    return value.quantize(SATANG, rounding=ROUND_HALF_UP)


def whole_years(start: dt.date, end: dt.date) -> int:
    """Completed years from ``start`` to ``end`` (0 when ``end`` is not after ``start``).
    A year is complete on its anniversary; one bought on 29 February completes it on
    1 March in a common year."""
    if end <= start:
        return 0
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return max(years, 0)


@dataclass(frozen=True)
class Compensation:
    price: Decimal
    acquired: dt.date
    as_of: dt.date
    years: int
    rate: Decimal
    floor_rate: Decimal
    depreciation: Decimal
    floor: Decimal
    amount: Decimal


def compensation(
    price: Decimal, acquired: dt.date, as_of: dt.date, rate: Decimal, floor_rate: Decimal
) -> Compensation:
    if price < 0 or rate < 0 or floor_rate < 0:
        raise ValueError("price, rate and floor must not be negative")
    years = whole_years(acquired, as_of)
    depreciation = money(price * rate * years)
    floor = money(price * floor_rate)
    amount = max(money(price) - depreciation, floor)
    return Compensation(money(price), acquired, as_of, years, rate, floor_rate,
                        depreciation, floor, amount)  # fmt: skip


def baht(value: Decimal) -> str:
    """``17,500.00``"""
    return f"{money(value):,.2f}"


def percent(fraction: Decimal) -> str:
    """0.10 → ``10``; 0.125 → ``12.5``."""
    return f"{(fraction * 100).normalize():f}"


def working(c: Compensation) -> str:
    """The working, shown to the officer and printed on the settlement."""
    floor_applies = c.price - c.depreciation < c.floor
    return (
        f"ราคา {baht(c.price)} บาท ถือครอง {c.years} ปี อัตรา {percent(c.rate)}% ต่อปี: "
        f"ค่าเสื่อม {baht(c.price)} × {c.rate} × {c.years} = {baht(c.depreciation)} บาท; "
        f"ราคาหลังหักค่าเสื่อม {baht(c.price - c.depreciation)} บาท; "
        f"ราคาขั้นต่ำ {percent(c.floor_rate)}% = {baht(c.floor)} บาท"
        + (" (ใช้ราคาขั้นต่ำ)" if floor_applies else "")
        + f"; ชดใช้ {baht(c.amount)} บาท ({baht_text(c.amount)})"
    )


_DIGITS = ("", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACES = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")


def _words_below_million(n: int, after_millions: bool = False) -> str:
    out = []
    digits = str(n)
    length = len(digits)
    for i, ch in enumerate(digits):
        d = int(ch)
        place = length - i - 1
        if d == 0:
            continue
        if place == 1 and d == 1:
            out.append("สิบ")
        elif place == 1 and d == 2:
            out.append("ยี่สิบ")
        elif place == 0 and d == 1 and (length > 1 or after_millions):
            out.append("เอ็ด")
        else:
            out.append(_DIGITS[d] + _PLACES[place])
    return "".join(out)


def _integer_words(n: int) -> str:
    if n == 0:
        return "ศูนย์"
    millions, rest = divmod(n, 1_000_000)
    if millions:
        return _integer_words(millions) + "ล้าน" + _words_below_million(rest, after_millions=True)
    return _words_below_million(rest)


def baht_text(value: Decimal) -> str:
    """Thai words for an amount of money, as written on government documents:
    17,500.00 → ``หนึ่งหมื่นเจ็ดพันห้าร้อยบาทถ้วน``; 21.25 → ``ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์``."""
    amount = money(value)
    if amount < 0:
        return "ลบ" + baht_text(-amount)
    whole = int(amount)
    satang = int((amount - whole) * 100)
    if satang == 0:
        return f"{_integer_words(whole)}บาทถ้วน"
    satang_words = _words_below_million(satang)
    if whole == 0:
        return f"{satang_words}สตางค์"
    return f"{_integer_words(whole)}บาท{satang_words}สตางค์"
