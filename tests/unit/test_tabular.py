"""CSV and XLSX as offices exchange them: Thai text survives, Excel finds a BOM, numbers
and dates stay typed, and a file that is not a table is refused with a clear message."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.domain.errors import InvalidInput
from desktop_app.services.tabular import read_sheet, write_table, write_tables

HEADER = ("เลขครุภัณฑ์", "ชื่อ", "ราคา", "วันที่ได้มา", "จำนวน")
ROWS = [
    ("7440-001-0001/2566", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก", Decimal("25000.00"), dt.date(2023, 7, 1), 1),
    ("7530-002-0001/2567", 'กระดาษ A4 "80 แกรม", รีม', Decimal("125.50"), dt.date(2024, 1, 15), 40),
]


def test_csv_has_a_bom_and_reads_back_as_text(tmp_path: Path) -> None:
    path = tmp_path / "assets.csv"
    write_table(path, HEADER, ROWS)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    sheet = read_sheet(path)
    assert sheet.header == HEADER
    assert [line for line, _ in sheet.rows] == [2, 3]
    assert sheet.rows[1][1] == ("7530-002-0001/2567", 'กระดาษ A4 "80 แกรม", รีม', "125.50",
                                "2024-01-15", "40")  # fmt: skip


def test_xlsx_keeps_types_widths_and_header(tmp_path: Path) -> None:
    path = tmp_path / "assets.xlsx"
    seen: list[tuple[int, int]] = []
    write_table(path, HEADER, ROWS, sheet_title="ทะเบียน", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (2, 2)
    wb = load_workbook(path)
    ws = wb["ทะเบียน"]
    assert [c.value for c in ws[1]] == list(HEADER)
    assert ws["A1"].font.bold
    assert ws["C2"].value == 25000 and ws["C2"].number_format == "#,##0.00"
    assert ws["D2"].value == dt.datetime(2023, 7, 1) and ws["D2"].is_date
    assert ws["E3"].value == 40
    assert ws.column_dimensions["B"].width >= len(ROWS[0][1])
    sheet = read_sheet(path)
    assert sheet.rows[0][1][3] == dt.datetime(2023, 7, 1)


def test_datetimes_go_to_excel_as_bangkok_wall_clock(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_table(path, ("at",), [(dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.UTC),)])
    assert load_workbook(path).active["A2"].value == dt.datetime(2026, 11, 24, 9, 0)


def test_csv_datetimes_are_the_same_bangkok_wall_clock_as_xlsx(tmp_path: Path) -> None:
    # 17:30 UTC is 00:30 the next day in Bangkok: the date changes too.
    rows = [(dt.datetime(2026, 11, 24, 2, 0, 5, tzinfo=dt.UTC),),
            (dt.datetime(2026, 11, 24, 17, 30, tzinfo=dt.UTC),),
            (dt.datetime(2026, 11, 24, 9, 15),)]  # naive: already wall-clock, kept  # fmt: skip
    write_table(tmp_path / "t.csv", ("at",), rows)
    write_table(tmp_path / "t.xlsx", ("at",), rows)
    text = (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()
    assert text == ["at", "2026-11-24 09:00:05", "2026-11-25 00:30:00", "2026-11-24 09:15:00"]
    ws = load_workbook(tmp_path / "t.xlsx").active
    assert [ws[f"A{i}"].value.isoformat(sep=" ") for i in (2, 3, 4)] == text[1:]


def test_several_sheets_in_one_workbook_but_not_in_one_csv(tmp_path: Path) -> None:
    tables = [("a", ("x",), [(1,)], None), ("b", ("y",), [(2,)], [12])]
    write_tables(tmp_path / "two.xlsx", tables)
    assert load_workbook(tmp_path / "two.xlsx").sheetnames == ["a", "b"]
    with pytest.raises(InvalidInput, match="one table"):
        write_tables(tmp_path / "two.csv", tables)
    assert not (tmp_path / "two.csv").exists()


def test_blank_rows_are_skipped_and_line_numbers_kept(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("a,b\n\n1,2\n , \n3,4\n", encoding="utf-8")
    sheet = read_sheet(path)
    assert sheet.rows == ((3, ("1", "2")), (5, ("3", "4")))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("x.txt", b"a,b", r"\.csv and \.xlsx"),
        ("fake.xlsx", b"not a zip at all", "not a valid .xlsx"),
        ("latin.csv", "ชื่อ\n".encode("cp874"), "cannot read"),
        ("empty.csv", b"\n\n", "no header"),
    ],
)
def test_unreadable_files_are_refused_clearly(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=message):
        read_sheet(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no such file"):
        read_sheet(tmp_path / "nowhere.csv")


def test_an_unwritable_destination_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "out.csv"
    with pytest.raises(InvalidInput, match="cannot write"):
        write_table(target, ("a",), [(1,)])
    assert not target.parent.exists()


def test_a_folder_that_is_a_file_is_a_clear_refusal(tmp_path):
    from desktop_app.domain.errors import InvalidInput
    from desktop_app.services.tabular import write_bytes

    (tmp_path / "not-a-folder").write_text("x")
    with pytest.raises(InvalidInput, match="cannot write the file"):
        write_bytes(tmp_path / "not-a-folder" / "register.pdf", b"%PDF-1.4")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]
