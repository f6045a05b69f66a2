"""Importing the asset register from CSV/XLSX and exporting it back.

An import is all or nothing by default: every row is checked first and, if any is bad, the
office gets the full row-by-row report and nothing is written (a register half-imported is
worse than none: the officer cannot tell which rows to fix and re-import). ``only_valid``
imports the good rows and reports the others — the GUI asks "import the N good rows?".

An export never holds a live formula (issue 17): services.tabular writes risky text as an
XLSX string cell or, in CSV, behind a leading ``'``, which read_sheet takes off again — so
an asset named ``=HYPERLINK(...)`` exports safely and imports as it was typed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Asset
from db.uow import UnitOfWork
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.roles import require
from desktop_app.services.assets import AssetInput, AssetView, add_asset, list_assets
from desktop_app.services.auth import Actor
from desktop_app.services.tabular import Cell, Progress, read_sheet, write_table

# Column: (field, Thai header, other names people give it). Export writes
# "Thai (field)"; import accepts the field, the Thai header, an alias, or that combination.
COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("asset_no", "เลขครุภัณฑ์", ("รหัสพัสดุ", "เลขทะเบียน", "หมายเลขครุภัณฑ์", "asset number")),
    ("name", "ชื่อ", ("รายการ", "ชื่อพัสดุ", "ชื่อครุภัณฑ์")),
    ("kind", "ประเภท", ("ประเภทพัสดุ", "type")),
    ("category", "หมวด", ("หมวดพัสดุ", "ประเภทค่าเสื่อม")),
    ("qty", "จำนวน", ("quantity", "คงเหลือ")),
    ("unit", "หน่วยนับ", ("หน่วย",)),
    ("min_stock", "จำนวนขั้นต่ำ", ("minimum stock", "min")),
    ("price", "ราคา", ("ราคาต่อหน่วย", "มูลค่า", "price (baht)")),
    ("acquired", "วันที่ได้มา", ("วันที่ซื้อ", "acquired on", "date acquired")),
    ("unit_holder", "หน่วยงานที่ครอบครอง", ("ฝ่าย", "หน่วยงาน", "holder")),
    ("location", "สถานที่ตั้ง", ("สถานที่", "ที่ตั้ง")),
    ("condition", "สภาพ", ()),
    ("lendable", "ให้ยืมได้", ()),
    ("note", "หมายเหตุ", ("notes",)),
)
EXPORT_ONLY = (("status", "สถานะ", ()),)  # derived from loans: read back, never imported
REQUIRED = ("asset_no", "name", "kind", "price", "acquired")
MAX_REPORTED = 200  # a file with 10,000 bad rows needs the pattern, not 10,000 lines

_KIND_WORDS = {"ครุภัณฑ์": "durable", "ใช้คงรูป": "durable", "วัสดุ": "consumable",
               "สิ้นเปลือง": "consumable"}  # fmt: skip
_CONDITION_WORDS = {"ดี": "good", "สภาพดี": "good", "ชำรุด": "damaged", "สูญหาย": "lost"}
_THAI_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


@dataclass(frozen=True)
class RowError:
    line: int  # as Excel numbers it: the header is line 1
    field: str | None
    message: str


@dataclass(frozen=True)
class ImportResult:
    file: str
    rows: int
    imported: int
    skipped: int
    errors: tuple[RowError, ...]
    ignored_columns: tuple[str, ...]


@dataclass(frozen=True)
class ExportResult:
    file: str
    rows: int


class ImportRejected(InvalidInput):
    """Some rows are bad; nothing was imported. ``errors`` has every bad row."""

    def __init__(self, message: str, errors: tuple[RowError, ...]) -> None:
        super().__init__(message, errors=[e.__dict__ for e in errors[:MAX_REPORTED]])
        self.errors = errors


def _header_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _column_map() -> dict[str, str]:
    names: dict[str, str] = {}
    for field, th, aliases in COLUMNS + EXPORT_ONLY:
        for name in (field, th, *aliases, f"{th} ({field})"):
            names[_header_key(name)] = field
    return names


def map_header(header: tuple[str, ...]) -> tuple[dict[int, str], tuple[str, ...]]:
    """Column index → field, and the columns nobody knows (reported, not refused)."""
    names = _column_map()
    mapped: dict[int, str] = {}
    unknown: list[str] = []
    for i, title in enumerate(header):
        key = _header_key(title)
        inner = re.search(r"\(([^()]*)\)\s*$", key)
        field = names.get(key) or (names.get(inner.group(1).strip()) if inner else None)
        if field is None:
            if title.strip():
                unknown.append(title.strip())
            continue
        if field in mapped.values():
            raise InvalidInput(f"คอลัมน์ '{title[:40]}' ซ้ำ (column '{field}' appears twice)")
        mapped[i] = field
    missing = [f for f in REQUIRED if f not in mapped.values()]
    if missing:
        th = {f: t for f, t, _ in COLUMNS}
        raise InvalidInput(
            "ไฟล์ไม่มีคอลัมน์ " + ", ".join(th[f] for f in missing)
            + f" (missing columns: {', '.join(missing)})"
        )  # fmt: skip
    return mapped, tuple(unknown)


def _loosen(field: str, value: Cell) -> Cell:
    """Words and formats a Thai register uses, turned into what AssetInput.parse takes."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if field == "kind":
        return _KIND_WORDS.get(text, text)
    if field == "condition":
        return _CONDITION_WORDS.get(text, text)
    if field == "acquired":
        m = _THAI_DATE.fullmatch(text)
        if m:  # 10/04/2566: registers keep dates day first, in the Buddhist Era
            day, month, year = (int(g) for g in m.groups())
            year = year - 543 if year > 2400 else year
            try:
                return dt.date(year, month, day)
            except ValueError:
                return text
    return text


def parse_rows(
    header: tuple[str, ...],
    rows: tuple[tuple[int, tuple[Cell, ...]], ...],
    progress: Callable[[int], None] | None = None,
) -> tuple[list[tuple[int, AssetInput]], list[RowError], tuple[str, ...]]:
    mapped, unknown = map_header(header)
    good: list[tuple[int, AssetInput]] = []
    errors: list[RowError] = []
    first_line: dict[str, int] = {}
    for n, (line, values) in enumerate(rows, start=1):
        fields = {
            field: _loosen(field, values[i] if i < len(values) else None)
            for i, field in mapped.items()
            if field != "status"
        }
        try:
            inp = AssetInput.parse(**fields)
        except InvalidInput as e:
            errors.append(RowError(line, e.details.get("field"), e.message))
        else:
            seen = first_line.setdefault(inp.asset_no, line)
            if seen != line:
                errors.append(RowError(line, "asset_no", (
                    f"เลขครุภัณฑ์ {inp.asset_no} ซ้ำกับแถว {seen} "
                    f"(asset number repeats line {seen})"
                )))  # fmt: skip
            else:
                good.append((line, inp))
        if progress and (n % 250 == 0 or n == len(rows)):
            progress(n)
    return good, errors, unknown


def import_assets(
    uow: UnitOfWork,
    actor: Actor,
    path: Path,
    progress: Progress | None = None,
    *,
    only_valid: bool = False,
) -> ImportResult:
    """Check every row, then add the assets in one transaction, one audit entry each.

    ``progress(done, total)`` counts checking and writing (total = 2 × rows), so a bar
    moves through both halves."""
    require(actor.role, "asset.import")
    sheet = read_sheet(path)
    total = 2 * len(sheet.rows)

    def checked(n: int) -> None:
        if progress:
            progress(n, total)

    good, errors, unknown = parse_rows(sheet.header, sheet.rows, checked)
    with uow.write() as tx:
        taken = _existing(tx.session, [inp.asset_no for _, inp in good])
        for line, inp in good:
            if inp.asset_no in taken:
                errors.append(RowError(line, "asset_no", (
                    f"เลขครุภัณฑ์ {inp.asset_no} มีในทะเบียนแล้ว (asset number already registered)"
                )))  # fmt: skip
        errors.sort(key=lambda e: e.line)
        good = [(line, inp) for line, inp in good if inp.asset_no not in taken]
        if errors and not only_valid:
            raise ImportRejected(_summary(path, len(sheet.rows), errors), tuple(errors))
        for n, (_, inp) in enumerate(good, start=1):
            add_asset(tx, actor, inp)
            if progress and (n % 250 == 0 or n == len(good)):
                progress(len(sheet.rows) + n, total)
        tx.commit()
    if progress:
        progress(total, total)
    return ImportResult(str(path), len(sheet.rows), len(good), len(errors),
                        tuple(errors[:MAX_REPORTED]), unknown)  # fmt: skip


def _existing(session: Session, asset_nos: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(asset_nos), 500):  # keep well under SQLite's bound-parameter limit
        chunk = asset_nos[i : i + 500]
        found.update(session.scalars(select(Asset.asset_no).where(Asset.asset_no.in_(chunk))))
    return found


def _summary(path: Path, rows: int, errors: list[RowError]) -> str:
    shown = "; ".join(
        f"แถว {e.line}" + (f" [{e.field}]" if e.field else "") + f": {e.message}"
        for e in errors[:3]
    )
    more = f" … และอีก {len(errors) - 3} แถว" if len(errors) > 3 else ""
    return (
        f"ไม่ได้นำเข้า: {len(errors)} จาก {rows} แถวในไฟล์ {path.name[:60]} ไม่ถูกต้อง — {shown}{more} "
        f"(nothing imported: {len(errors)} of {rows} rows are invalid)"
    )


def export_header() -> tuple[str, ...]:
    return tuple(f"{th} ({field})" for field, th, _ in COLUMNS + EXPORT_ONLY)


def _export_row(a: AssetView) -> tuple[Cell, ...]:
    return (a.asset_no, a.name, a.kind, a.category, a.qty, a.unit, a.min_stock, a.price,
            a.acquired, a.unit_holder, a.location, a.condition, a.lendable, a.note,
            a.status)  # fmt: skip


def export_assets(uow: UnitOfWork, path: Path, progress: Progress | None = None) -> ExportResult:
    """The whole register, in the columns import reads (so an export re-imports as is)."""
    assets = list_assets(uow)
    widths = [22, 40, 12, 12, 10, 10, 10, 14, 14, 22, 22, 10, 10, 30, 14]
    write_table(path, export_header(), [_export_row(a) for a in assets],
                sheet_title="ทะเบียนพัสดุ", widths=widths, progress=progress)  # fmt: skip
    return ExportResult(str(path), len(assets))
