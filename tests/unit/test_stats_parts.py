"""The statistics' building blocks without a database: the SQL each engine gets for the
expressions they spell differently, month and range parsing, the chart's axis steps, the
XLSX cell types of shares and minutes, and the CSV/XLSX tables made from known figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import column, select
from sqlalchemy.dialects import postgresql, sqlite

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.roles import PERMISSIONS, Role
from desktop_app.services.stats_export import (
    _period,
    check_format,
    queue_csv_table,
    queue_summary,
    queue_xlsx_tables,
)
from desktop_app.services.stats_queue import PickerRow, PickRow, QueueRow, QueueStats
from desktop_app.services.stats_sql import (
    EMPTY_SPREAD,
    Spread,
    bangkok_date,
    bangkok_hour,
    check_range,
    days_between,
    month_range,
    parse_month,
    seconds_between,
    to_spread,
)
from desktop_app.services.tabular import Minutes, Percent, read_sheet, write_tables
from printing.stats_charts import nice_step


def sql(expr, dialect) -> str:
    return str(select(expr).compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def test_each_engine_gets_its_own_spelling():
    a, b = column("a"), column("b")
    assert "julianday(b) - julianday(a)) * 86400.0" in sql(seconds_between(a, b), sqlite.dialect())
    assert "EXTRACT(EPOCH FROM (b - a))" in sql(seconds_between(a, b), postgresql.dialect())
    assert "julianday(b) - julianday(a)" in sql(days_between(a, b), sqlite.dialect())
    assert "(b - a)" in sql(days_between(a, b), postgresql.dialect())
    assert "date(a, '+7 hours')" in sql(bangkok_date(a), sqlite.dialect())
    assert "INTERVAL '7 hours'" in sql(bangkok_date(a), postgresql.dialect())
    assert "% 24" in sql(bangkok_hour(a), sqlite.dialect())


def test_months_and_ranges():
    assert month_range(2026, 2) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert month_range(2024, 2)[1] == dt.date(2024, 2, 29)
    assert month_range(2026, 12) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert parse_month("2569-11") == parse_month("2026-11") == month_range(2026, 11)
    for bad in ("2026", "2026-00", "2026-13", "11-2026x", ""):
        with pytest.raises(InvalidInput):
            parse_month(bad)
    check_range(dt.date(2026, 1, 1), dt.date(2026, 1, 1))
    with pytest.raises(InvalidInput, match="before"):
        check_range(dt.date(2026, 1, 2), dt.date(2026, 1, 1))
    with pytest.raises(InvalidInput):
        check_format("docx")
    assert check_format(" XLSX ") == "xlsx"


def test_statistics_are_for_the_heads_and_the_administrator():
    assert PERMISSIONS["report.view"] == {Role.ADMIN, Role.SUPPLY_HEAD, Role.AGENCY_HEAD}


def test_spreads_from_database_values():
    assert to_spread(4, 900.0, 960.0, 960.0) == Spread(4, 900.0, 960, 960)
    assert to_spread(0, None, None, None) == EMPTY_SPREAD


@pytest.mark.parametrize(
    ("top", "step"), [(0, 1.0), (7, 2.0), (15, 5.0), (100, 20.0), (2429, 500.0), (0.4, 0.1)]
)
def test_chart_axis_steps_are_round(top, step):
    assert nice_step(top) == pytest.approx(step)


def test_periods_read_as_the_office_writes_them():
    d = dt.date
    assert _period(d(2026, 11, 24), d(2026, 11, 24)) == "วันที่ 24 พ.ย. 2569"
    assert _period(d(2026, 11, 1), d(2026, 11, 30)) == "เดือน พ.ย. 2569"
    assert _period(d(2026, 11, 1), d(2026, 11, 29)).startswith("ระหว่างวันที่ 1 พ.ย. 2569")
    assert _period(None, None) == "ทุกช่วงเวลา"


def _row(key: str, issued: int, served: int, median: float | None) -> QueueRow:
    wait = Spread(served, median, None if median is None else int(median), None)
    return QueueRow(key, key, issued, served, 0, issued - served, 0, 0, wait, EMPTY_SPREAD,
                    served)  # fmt: skip


def _stats() -> QueueStats:
    day = dt.date(2026, 11, 24)
    pick = PickRow(day, "A004", "A", 2, dt.datetime(2026, 11, 24, 2, 20, tzinfo=dt.UTC),
                   "ผู้ป่วยนั่งรถเข็น", "clerk2", "สมศักดิ์ รักงาน", "A003", 960)  # fmt: skip
    return QueueStats(
        day, day, _row("total", 3, 2, 90.0), (_row("A", 2, 1, 60.0), _row("B", 1, 1, 120.0)),
        (_row("1", 2, 2, 90.0),), (_row("09", 3, 2, 90.0),), (_row("2026-11-24", 3, 2, 90.0),),
        (_row("general", 3, 2, 90.0),), (pick,), (PickerRow("clerk2", "สมศักดิ์ รักงาน", 1),),
    )  # fmt: skip


def test_tables_from_known_figures(tmp_path):
    s = _stats()
    name, header, rows, _ = queue_csv_table(s)
    assert [r[0] for r in rows] == ["total", "service", "service", "counter", "hour", "day",
                                    "priority"]  # fmt: skip
    assert rows[1][3:6] == ["A", "A", 2] and rows[1][11] == Minutes(1.0)
    assert rows[0][-1] == Percent(1.0)  # 2 of 2 served within the standard
    assert queue_summary(s)["wait_median_min"] == 1.5
    sheets = queue_xlsx_tables(s)
    assert [t[0] for t in sheets][-2:] == ["เรียกข้ามคิว", "ผู้เรียกข้ามคิว"]
    out = tmp_path / "q.xlsx"
    write_tables(out, sheets)
    wb = load_workbook(out)
    assert wb["ตามบริการ"]["I2"].value == 1.0 and wb["ตามบริการ"]["I2"].number_format == "0.0"
    assert wb["ตามบริการ"]["O2"].number_format == "0.0%"
    assert wb["เรียกข้ามคิว"]["E2"].value == dt.datetime(2026, 11, 24, 9, 20)
    # A CSV whatever the file is called, when asked for.
    odd = tmp_path / "q.txt"
    write_tables(odd, [(name, header, rows, None)], kind="csv")
    assert odd.read_bytes().startswith(b"\xef\xbb\xbf")
    back = read_sheet(odd.rename(tmp_path / "q.csv"))
    assert back.header == tuple(header) and len(back.rows) == 7


def test_shares_and_minutes_stay_numbers_in_csv(tmp_path):
    out = tmp_path / "x.csv"
    write_tables(out, [("x", ("share", "minutes", "money"),
                        [[Percent(0.6667), Minutes(12.5), Decimal("1000.00")]], None)])  # fmt: skip
    ((_, values),) = read_sheet(out).rows
    assert values == ("0.6667", "12.5", "1000.00")
