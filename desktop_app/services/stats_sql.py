"""SQL building blocks shared by the statistics: the few expressions SQLite and PostgreSQL
spell differently (durations, Bangkok dates and hours), and exact medians and percentiles
computed with window functions, which both engines have. One code path for both engines:
only these expressions compile differently.

Times are stored as naive UTC (db.models.UTCDateTime). Asia/Bangkok has had no daylight
saving time since 1920, so a Bangkok wall-clock value is the UTC value plus seven hours.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Select,
    String,
    case,
    cast,
    func,
    literal_column,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.types import Date

from desktop_app.domain.errors import InvalidInput

BANGKOK_OFFSET_HOURS = 7
MAX_RANGE_DAYS = 3 * 366  # a statistics range: three years at most


class seconds_between(FunctionElement[int]):
    """Whole seconds from the first timestamp to the second (NULL if either is NULL)."""

    type = Integer()
    inherit_cache = True
    name = "seconds_between"


@compiles(seconds_between, "sqlite")
def _seconds_sqlite(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (
        f"CAST(ROUND((julianday({compiler.process(end, **kw)}) - "
        f"julianday({compiler.process(start, **kw)})) * 86400.0) AS INTEGER)"
    )


@compiles(seconds_between, "postgresql")
def _seconds_pg(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (
        f"CAST(ROUND(EXTRACT(EPOCH FROM ({compiler.process(end, **kw)} - "
        f"{compiler.process(start, **kw)}))) AS INTEGER)"
    )


class days_between(FunctionElement[int]):
    """Whole days from the first date to the second."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(days_between, "sqlite")
def _days_sqlite(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (
        f"CAST(ROUND(julianday({compiler.process(end, **kw)}) - "
        f"julianday({compiler.process(start, **kw)})) AS INTEGER)"
    )


@compiles(days_between, "postgresql")
def _days_pg(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    return f"({compiler.process(end, **kw)} - {compiler.process(start, **kw)})"


class bangkok_date(FunctionElement[dt.date]):
    """The Bangkok calendar day of a stored UTC timestamp."""

    type = Date()
    inherit_cache = True
    name = "bangkok_date"


@compiles(bangkok_date, "sqlite")
def _bkk_date_sqlite(element: bangkok_date, compiler: SQLCompiler, **kw: Any) -> str:
    (ts,) = list(element.clauses)
    return f"date({compiler.process(ts, **kw)}, '+{BANGKOK_OFFSET_HOURS} hours')"


@compiles(bangkok_date, "postgresql")
def _bkk_date_pg(element: bangkok_date, compiler: SQLCompiler, **kw: Any) -> str:
    (ts,) = list(element.clauses)
    return f"CAST({compiler.process(ts, **kw)} + INTERVAL '{BANGKOK_OFFSET_HOURS} hours' AS DATE)"


def bangkok_hour(ts: Any) -> ColumnElement[int]:
    """The Bangkok hour (0–23) of a stored UTC timestamp."""
    return (cast(func.extract("hour", ts), Integer) + BANGKOK_OFFSET_HOURS) % 24


# ---------------------------------------------------------------- percentiles


@dataclass(frozen=True)
class Spread:
    """Order statistics of one group's values (seconds): count, median (the mean of the two
    middle values when the count is even), 90th percentile (nearest rank: the
    ⌈0.9·n⌉-th smallest value) and maximum. None when the group has no value."""

    n: int
    median: float | None
    p90: int | None
    max: int | None


EMPTY_SPREAD = Spread(0, None, None, None)


def spread_select(
    key: ColumnElement[Any] | None, value: ColumnElement[Any], *tags: ColumnElement[Any]
) -> Select[*tuple[Any, ...]]:
    """Per key: ``tags``, then count, median, 90th percentile and maximum of ``value`` (the
    rows where it is not NULL), as floats. ``key`` and ``value`` are columns of one
    FROM (a CTE); ``key`` None makes one group of every row.

    Exact order statistics without a percentile function: the values (whole seconds) are
    counted per (key, value) with GROUP BY, a running SUM() OVER (PARTITION BY key ORDER BY
    value) gives each distinct value its last rank, and the value at rank r is the smallest
    whose running count reaches r. Waits repeat to the second, so the window runs over far
    fewer rows than there are tickets; no row reaches Python.
    """
    k = cast(key, String) if key is not None else literal_column("'all'")
    grouped = (
        select(k.label("k"), value.label("v"), func.count().label("c"))
        .where(value.is_not(None))
        .group_by(*([key] if key is not None else []), value)
        .subquery()
    )
    running = (
        select(
            grouped.c.k,
            grouped.c.v,
            cast(
                func.sum(grouped.c.c).over(
                    partition_by=grouped.c.k, order_by=grouped.c.v, rows=(None, 0)
                ),
                Integer,
            ).label("cum"),
            cast(func.sum(grouped.c.c).over(partition_by=grouped.c.k), Integer).label("n"),
        )
    ).subquery()
    cum, n, v = running.c.cum, running.c.n, running.c.v

    def at_rank(rank: ColumnElement[Any]) -> ColumnElement[Any]:
        return func.min(case((cum >= rank, v)))

    median = (at_rank((n + 1) // 2) + at_rank((n + 2) // 2)) / 2.0
    return select(
        *tags,
        running.c.k,
        cast(func.max(n), Float),
        cast(median, Float),
        cast(at_rank((n * 9 + 9) // 10), Float),  # ⌈0.9·n⌉ in integer arithmetic
        cast(func.max(v), Float),
    ).group_by(running.c.k)


def to_spread(n: Any, median: Any, p90: Any, top: Any) -> Spread:
    return Spread(
        int(n or 0),
        float(median) if median is not None else None,
        int(p90) if p90 is not None else None,
        int(top) if top is not None else None,
    )


def check_range(
    date_from: dt.date | None, date_to: dt.date | None, max_days: int | None = MAX_RANGE_DAYS
) -> None:
    """Refuse a range that ends before it starts, or spans more than ``max_days`` (None: no
    limit). Either end may be open (None): the loans statistics take open ranges."""
    if date_from is None or date_to is None:
        return
    if date_to < date_from:
        raise InvalidInput(
            f"วันสิ้นสุดอยู่ก่อนวันเริ่มต้น ({date_to.isoformat()} < {date_from.isoformat()}) "
            "(the end date is before the start date)"
        )
    if max_days is not None and (date_to - date_from).days > max_days:
        raise InvalidInput("ช่วงวันที่ยาวเกินไป สูงสุด 3 ปี (the range may span at most three years)")


def as_date(value: Any) -> dt.date:
    """A date read from either engine (SQLite returns text for computed dates)."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


# ---------------------------------------------------------------- figures as text


def minutes_text(v: float | None) -> str:
    """Minutes as the reports print them: one decimal, thousands separated; '-' for none."""
    return "-" if v is None else f"{v:,.1f}"


def share_text(v: float | None) -> str:
    """A share (0–1) as a percentage with one decimal; '-' for none."""
    return "-" if v is None else f"{v * 100:.1f}%"


def share_percent(v: float | None) -> float | None:
    """A share (0–1) as a number of percent with one decimal (a table cell that sorts)."""
    return None if v is None else round(v * 100, 1)


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    if not 1 <= month <= 12 or not 1900 <= year <= 2999:
        raise InvalidInput(f"เดือนไม่ถูกต้อง {year}-{month} (month must be YYYY-MM)")
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def parse_month(text: str) -> tuple[dt.date, dt.date]:
    """``2026-11`` (or a BE year, ``2569-11``) to the month's first and last days."""
    try:
        year_s, month_s = text.strip().split("-")
        year, month = int(year_s), int(month_s)
    except ValueError:
        raise InvalidInput(f"เดือนไม่ถูกต้อง '{text[:20]}' (month must be YYYY-MM)") from None
    if year > 2400:  # a Buddhist Era year
        year -= 543
    return month_range(year, month)
