"""Importing the asset register from the files a supply office keeps, and exporting it back:
all or nothing with a row-by-row report, Thai words and Buddhist-Era dates understood, one
audit entry per asset, and an export that re-imports unchanged."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine, func, select

from db.engine import make_engine
from db.models import AuditEntry
from db.uow import UnitOfWork
from desktop_app.domain.errors import Forbidden, InvalidInput
from desktop_app.services.asset_io import (
    ImportRejected,
    export_assets,
    export_header,
    import_assets,
)
from desktop_app.services.assets import list_assets
from desktop_app.services.audit import verify
from desktop_app.services.setup import init_database
from desktop_app.services.tabular import read_sheet
from tests.support.db import actor, snapshot

THAI_HEADER = ["เลขครุภัณฑ์", "ชื่อ", "ประเภท", "จำนวน", "หน่วยนับ", "ราคา", "วันที่ได้มา", "ฝ่าย"]
GOOD_ROWS = [
    ["7440-009-0001/2566", "เครื่องฉายภาพ (โปรเจคเตอร์)", "ครุภัณฑ์", "", "", "32,500", "10/04/2566",
     "ฝ่ายการคลัง"],
    ["7440-009-0002/2566", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก", "durable", "1", "เครื่อง", "25000.00",
     "2023-07-01", ""],
    ["7530-009-0001/2567", "กระดาษถ่ายเอกสาร A4", "วัสดุ", "40", "รีม", "125.50", "2024-01-15",
     "ฝ่ายการคลัง"],
]  # fmt: skip


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def audit_count(engine: Engine) -> int:
    with engine.connect() as c:
        return int(c.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_a_thai_register_imports_with_one_audit_entry_per_asset(
    office: UnitOfWork, engine: Engine, tmp_path: Path
) -> None:
    before = audit_count(engine)
    path = write_csv(tmp_path / "register.csv", THAI_HEADER, GOOD_ROWS)
    seen: list[tuple[int, int]] = []
    result = import_assets(office, actor(office, "supply"), path, lambda d, t: seen.append((d, t)))
    assert (result.rows, result.imported, result.skipped, result.errors) == (3, 3, 0, ())
    assert seen[-1] == (6, 6) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert audit_count(engine) == before + 3
    assets = {a.asset_no: a for a in list_assets(office)}
    projector = assets["7440-009-0001/2566"]
    assert projector.kind == "durable" and projector.price == Decimal("32500.00")
    assert projector.acquired == dt.date(2023, 4, 10)  # 10/04/2566 BE
    assert projector.unit_holder == "ฝ่ายการคลัง"
    paper = assets["7530-009-0001/2567"]
    assert (paper.kind, paper.qty, paper.unit, paper.price) == (
        "consumable", 40, "รีม", Decimal("125.50"))  # fmt: skip
    assert verify(office).ok


def test_one_bad_row_imports_nothing_and_every_bad_row_is_reported(
    office: UnitOfWork, engine: Engine, tmp_path: Path
) -> None:
    rows = [
        *GOOD_ROWS,
        ["7440-009-0003/2566", "", "durable", "", "", "100", "2023-01-01", ""],  # no name
        ["7440-009-0004/2566", "เก้าอี้", "durable", "", "", "ฟรี", "2023-01-01", ""],  # price
        ["7440-009-0001/2566", "ซ้ำ", "durable", "", "", "10", "2023-01-01", ""],  # repeat
        ["7440-009-0005/2566", "โต๊ะ", "durable", "", "", "10", "31/02/2566", ""],  # date
    ]
    path = write_csv(tmp_path / "bad.csv", THAI_HEADER, rows)
    before = snapshot(engine)
    with pytest.raises(ImportRejected) as caught:
        import_assets(office, actor(office, "supply"), path)
    errors = caught.value.errors
    assert [(e.line, e.field) for e in errors] == [
        (5, "name"), (6, "price"), (7, "asset_no"), (8, "acquired")]  # fmt: skip
    assert "nothing imported: 4 of 7 rows are invalid" in caught.value.message
    assert "line 2" in errors[2].message  # the repeat names the first occurrence
    assert snapshot(engine) == before


def test_only_valid_imports_the_good_rows_and_reports_the_rest(
    office: UnitOfWork, tmp_path: Path
) -> None:
    rows = [*GOOD_ROWS, ["X-1", "ชื่อ", "gadget", "", "", "1", "2023-01-01", ""]]
    path = write_csv(tmp_path / "mixed.csv", THAI_HEADER, rows)
    result = import_assets(office, actor(office, "supply"), path, only_valid=True)
    assert (result.imported, result.skipped) == (3, 1)
    assert result.errors[0].line == 5 and result.errors[0].field == "kind"


def test_an_asset_number_already_in_the_register_is_a_row_error(
    office: UnitOfWork, engine: Engine, tmp_path: Path
) -> None:
    supply = actor(office, "supply")
    import_assets(office, supply, write_csv(tmp_path / "a.csv", THAI_HEADER, GOOD_ROWS[:1]))
    before = snapshot(engine)
    with pytest.raises(ImportRejected) as caught:
        import_assets(office, supply, write_csv(tmp_path / "b.csv", THAI_HEADER, GOOD_ROWS))
    assert [(e.line, e.field) for e in caught.value.errors] == [(2, "asset_no")]
    assert "already registered" in caught.value.errors[0].message
    assert snapshot(engine) == before


def test_missing_columns_and_unknown_columns(office: UnitOfWork, tmp_path: Path) -> None:
    supply = actor(office, "supply")
    path = write_csv(tmp_path / "short.csv", ["เลขครุภัณฑ์", "ชื่อ"], [["1", "x"]])
    with pytest.raises(InvalidInput, match="missing columns: kind, price, acquired"):
        import_assets(office, supply, path)
    path = write_csv(tmp_path / "extra.csv", [*THAI_HEADER, "ผู้ตรวจนับ"],
                     [[*GOOD_ROWS[0], "นาย ก"]])  # fmt: skip
    assert import_assets(office, supply, path).ignored_columns == ("ผู้ตรวจนับ",)


def test_a_clerk_may_not_import(office: UnitOfWork, engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", THAI_HEADER, GOOD_ROWS)
    before = snapshot(engine)
    with pytest.raises(Forbidden):
        import_assets(office, actor(office, "clerk1"), path)
    assert snapshot(engine) == before


def test_xlsx_with_number_and_date_cells(office: UnitOfWork, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["asset_no", "name", "kind", "qty", "unit", "price", "acquired", "min_stock"])
    ws.append(["7530-009-0002/2567", "หมึกพิมพ์", "consumable", 12, "กล่อง", 1850.5,
               dt.datetime(2024, 2, 1), 2])  # fmt: skip
    ws.append(["7440-009-0009/2566", "เต็นท์", "durable", None, None, 15000, dt.date(2022, 5, 3),
               None])  # fmt: skip
    wb.save(tmp_path / "r.xlsx")
    result = import_assets(office, actor(office, "supply"), tmp_path / "r.xlsx")
    assert result.imported == 2
    toner = {a.asset_no: a for a in list_assets(office)}["7530-009-0002/2567"]
    assert (toner.qty, toner.min_stock, toner.price) == (12, 2, Decimal("1850.50"))


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_an_export_re_imports_into_an_empty_register_unchanged(
    office: UnitOfWork, tmp_path: Path, suffix: str
) -> None:
    import_assets(office, actor(office, "supply"),
                  write_csv(tmp_path / "r.csv", THAI_HEADER, GOOD_ROWS))  # fmt: skip
    out = tmp_path / f"export.{suffix}"
    result = export_assets(office, out)
    original = list_assets(office)
    assert result.rows == len(original)
    assert read_sheet(out).header == export_header()

    other = make_engine(f"sqlite:///{tmp_path / 'other.db'}", create=True)
    try:
        init_database(other, demo=False, admin="admin", admin_password="admin-pw-1")
        target = UnitOfWork(other)
        imported = import_assets(target, actor(target, "admin"), out)
        assert imported.imported == len(original) and imported.ignored_columns == ()

        def comparable(u: UnitOfWork) -> list[tuple[object, ...]]:
            return sorted(
                (a.asset_no, a.name, a.kind, a.category, a.qty, a.unit, a.min_stock, a.price,
                 a.acquired, a.unit_holder, a.location, a.condition, a.lendable, a.note)
                for a in list_assets(u)
            )  # fmt: skip

        assert comparable(target) == comparable(office)
    finally:
        other.dispose()
