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
    as_date,
    bangkok_date,
    bangkok_hour,
    check_range,
    days_between,
    minutes_text,
    month_range,
    parse_month,
    seconds_between,
    share_percent,
    share_text,
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
    # One check for both reports: the queue's ranges are at most three years; the loans'
    # may be open at either end and of any length, but not backwards either.
    with pytest.raises(InvalidInput, match="three years"):
        check_range(dt.date(2020, 1, 1), dt.date(2026, 1, 1))
    check_range(dt.date(2020, 1, 1), dt.date(2026, 1, 1), max_days=None)
    check_range(None, dt.date(2026, 1, 1))
    check_range(dt.date(2026, 1, 1), None)
    with pytest.raises(InvalidInput, match="before"):
        check_range(dt.date(2026, 1, 2), dt.date(2026, 1, 1), max_days=None)
    with pytest.raises(InvalidInput):
        check_format("docx")
    assert check_format(" XLSX ") == "xlsx"


def test_statistics_are_for_the_heads_and_the_administrator():
    assert PERMISSIONS["report.view"] == {Role.ADMIN, Role.SUPPLY_HEAD, Role.AGENCY_HEAD}


def test_figures_as_text_and_dates_from_either_engine():
    assert [minutes_text(v) for v in (None, 0.0, 15.0, 1234.56)] == ["-", "0.0", "15.0", "1,234.6"]
    assert [share_text(v) for v in (None, 0.0, 2 / 3, 1.0)] == ["-", "0.0%", "66.7%", "100.0%"]
    assert [share_percent(v) for v in (None, 2 / 3)] == [None, 66.7]
    day = dt.date(2026, 11, 24)
    assert as_date(day) == as_date("2026-11-24") == as_date(dt.datetime(2026, 11, 24, 9)) == day


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
                                    "priority", "picks", "pickers"]  # fmt: skip
    assert all(len(r) == len(header) for r in rows)
    col = {h.split("(")[-1].rstrip(")"): i for i, h in enumerate(header)}
    assert rows[1][3:6] == ["A", "A", 2] and rows[1][11] == Minutes(1.0)
    assert rows[0][col["within_standard_share"]] == Percent(1.0)  # 2 of 2 within standard
    assert rows[0][col["called_at"]] is None and rows[0][col["reason"]] is None
    # The out-of-order call, every detail of it, in the same long table.
    pick = rows[-2]
    assert [pick[col[k]] for k in ("key", "label", "out_of_order", "wait_max_min", "date",
                                   "called_at", "counter", "username", "name", "reason",
                                   "next_in_order")] == [
        "A004", "A", 1, Minutes(16.0), dt.date(2026, 11, 24),
        dt.datetime(2026, 11, 24, 2, 20, tzinfo=dt.UTC), 2, "clerk2", "สมศักดิ์ รักงาน",
        "ผู้ป่วยนั่งรถเข็น", "A003",
    ]  # fmt: skip
    assert pick[col["issued"]] is None and pick[col["served"]] is None
    assert [rows[-1][col[k]] for k in ("key", "label", "out_of_order")] == [
        "clerk2", "สมศักดิ์ รักงาน", 1]  # fmt: skip
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
    assert back.header == tuple(header) and len(back.rows) == 9
    assert back.rows[-2][1][col["called_at"]] == "2026-11-24 09:20:00"  # Bangkok, as in XLSX


def test_shares_and_minutes_stay_numbers_in_csv(tmp_path):
    out = tmp_path / "x.csv"
    write_tables(out, [("x", ("share", "minutes", "money"),
                        [[Percent(0.6667), Minutes(12.5), Decimal("1000.00")]], None)])  # fmt: skip
    ((_, values),) = read_sheet(out).rows
    assert values == ("0.6667", "12.5", "1000.00")
