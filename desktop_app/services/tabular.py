"""Reading and writing the spreadsheets offices exchange: CSV and XLSX.

CSV is written UTF-8 with a byte-order mark, because Excel on a Thai Windows PC opens a
BOM-less file as TIS-620 and shows Thai as mojibake; it is read with or without one.
XLSX cells keep their types (numbers, dates) so that the file can be analysed further.

No written cell is ever a live formula (OWASP "CSV injection"): anyone who can type a name,
a purpose or a note could otherwise plant ``=HYPERLINK(...)`` or ``=cmd|...`` that runs when
the supply head opens the register in Excel. Text that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return (:data:`FORMULA_STARTS`) is written as text: in XLSX as an
explicit string cell (shown as typed, the quote prefix style set), in CSV with a leading
``'``. Numbers (negative amounts included) are typed values, never text, so they stay
numbers. Reading a CSV takes the ``'`` off again (:func:`unescape_text`), so importing an
export gives back the original text; the escape is one-to-one (text that already starts
with quotes before such a character gets one more), so no other text changes meaning.
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop_app.domain.errors import InvalidInput


class Percent(float):
    """A share (0.25 = 25 %): a number in both formats, shown as a percentage in XLSX."""


class Minutes(float):
    """A duration in minutes, one decimal: a number shown as ``0.0`` in XLSX."""


Cell = str | int | float | Decimal | dt.date | dt.datetime | bool | None
Progress = Callable[[int, int], None]

FORMATS = ("csv", "xlsx")
MAX_ROWS = 200_000  # a whole district's register fits many times; a wrong file does not


@dataclass(frozen=True)
class Sheet:
    """One table read from a file: the header and the data rows with their line numbers
    as the office sees them in Excel (the header is line 1)."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]


def file_format(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InvalidInput(
            f"รองรับเฉพาะไฟล์ .csv และ .xlsx ('{path.name[:60]}': only .csv and .xlsx files)"
        )
    return suffix


def read_sheet(path: Path) -> Sheet:
    """The first sheet of an XLSX file or a CSV file; blank rows are skipped."""
    kind = file_format(path)
    try:
        raw = _read_xlsx(path) if kind == "xlsx" else _read_csv(path)
        header: tuple[str, ...] | None = None
        rows: list[tuple[int, tuple[Cell, ...]]] = []
        for line, values in raw:
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            if header is None:
                header = tuple(str(v or "").strip() for v in values)
                continue
            if len(rows) >= MAX_ROWS:
                raise InvalidInput(f"ไฟล์มีเกิน {MAX_ROWS:,} แถว (more than {MAX_ROWS:,} rows)")
            rows.append((line, tuple(values)))
    except FileNotFoundError:
        raise InvalidInput(f"ไม่พบไฟล์ '{str(path)[:120]}' (no such file)") from None
    except zipfile.BadZipFile:
        raise InvalidInput(
            f"ไฟล์ '{path.name[:60]}' ไม่ใช่ไฟล์ Excel (.xlsx) ที่ถูกต้อง (not a valid .xlsx file)"
        ) from None
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError) as e:
        # A CSV that is not UTF-8, an .xlsx whose parts are missing or malformed.
        raise InvalidInput(
            f"อ่านไฟล์ '{path.name[:60]}' ไม่ได้ (cannot read the file: {type(e).__name__})"
        ) from None
    if header is None:
        raise InvalidInput(f"ไฟล์ '{path.name[:60]}' ว่างเปล่า (the file has no header row)")
    return Sheet(header, tuple(rows))


def _read_csv(path: Path) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        for values in reader:
            yield reader.line_num, tuple(unescape_text(v) if v.strip() else None for v in values)


def _read_xlsx(path: Path) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        for line, values in enumerate(ws.iter_rows(values_only=True), start=1):
            yield line, tuple(_xlsx_value(v) for v in values)
    finally:
        wb.close()


def _xlsx_value(v: Any) -> Cell:
    if isinstance(v, str):
        return v if v.strip() else None
    if isinstance(v, int | float | Decimal | dt.date | bool) or v is None:
        return v
    return str(v)


def write_table(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    sheet_title: str = "data",
    widths: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> None:
    """One table to CSV (UTF-8 with BOM) or XLSX (typed cells, bold header, column widths)."""
    write_tables(path, [(sheet_title, header, rows, widths)], progress=progress)


def write_tables(
    path: Path,
    tables: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Cell]], Sequence[int] | None]],
    *,
    progress: Progress | None = None,
    kind: str | None = None,
) -> None:
    """Several tables: one sheet each in XLSX; CSV takes exactly one. ``kind`` ("csv" or
    "xlsx") overrides the file name's suffix."""
    kind = kind if kind in FORMATS else file_format(path)
    total = sum(len(rows) for _, _, rows, _ in tables)
    with replacing(path) as tmp:
        if kind == "csv":
            if len(tables) != 1:
                raise InvalidInput("CSV เก็บได้ตารางเดียว ใช้ .xlsx (CSV holds one table; use .xlsx)")
            _write_csv(tmp, *tables[0][1:3], progress, total)
        else:
            _write_xlsx(tmp, tables, progress, total)


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that takes its name only once complete, so a
    half-written file never takes the name of a finished one. A write error becomes a clear
    refusal and leaves nothing behind."""
    tmp = path.with_name(path.name + ".part")
    try:
        yield tmp
        tmp.replace(path)
    except OSError as e:
        _discard(tmp)
        raise InvalidInput(
            f"เขียนไฟล์ '{str(path)[:120]}' ไม่ได้ (cannot write the file: {e.strerror})"
        ) from None
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: Path) -> None:
    # The folder may be a file or gone: then there is nothing to remove, and the refusal
    # above, not this clean-up, is what the user must see.
    with suppress(OSError):
        tmp.unlink(missing_ok=True)


def write_bytes(path: Path, data: bytes) -> None:
    """A finished document (PDF) to ``path`` through :func:`replacing`."""
    with replacing(path) as tmp:
        tmp.write_bytes(data)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"
_RISKY_FIRST = frozenset("=+-@\t\r'")  # a quick look at the first character first


def needs_escape(text: str) -> bool:
    """Would a spreadsheet read this text as a formula (or is it quotes before such text,
    which must then get one more quote to stay apart from an escaped cell)?"""
    return text.lstrip(_QUOTE).startswith(FORMULA_STARTS)


def escape_text(text: str) -> str:
    """The CSV form of a text cell: a leading ``'`` when a spreadsheet would run it."""
    if text and text[0] in _RISKY_FIRST and needs_escape(text):
        return _QUOTE + text
    return text


def unescape_text(text: str) -> str:
    """The original text of a cell :func:`escape_text` wrote; other text unchanged."""
    if text[:1] == _QUOTE and needs_escape(text[1:]):
        return text[1:]
    return text


def _csv_text(v: Cell) -> str:
    if isinstance(v, str):  # the commonest cell first
        return escape_text(v)
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.datetime):
        # The Bangkok wall-clock time the office reads, as in XLSX (no offset: spreadsheets
        # read "2026-11-24 09:30:00" as a time, and Bangkok has no daylight saving).
        return _wall_clock(v).isoformat(sep=" ", timespec="seconds")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def _wall_clock(v: dt.datetime) -> dt.datetime:
    """An aware time as naive Asia/Bangkok wall-clock time; a naive one is taken as that."""
    from desktop_app.domain.thai_time import to_bangkok

    return to_bangkok(v).replace(tzinfo=None) if v.tzinfo else v


def _write_csv(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    progress: Progress | None,
    total: int,
) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow([escape_text(h) for h in header])
        for i, row in enumerate(rows, start=1):
            w.writerow([_csv_text(v) for v in row])
            if progress and (i % 500 == 0 or i == total):
                progress(i, total)


def _write_xlsx(
    path: Path,
    tables: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Cell]], Sequence[int] | None]],
    progress: Progress | None,
    total: int,
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    done = 0
    for title, header, rows, widths in tables:
        ws = wb.create_sheet(title=_sheet_title(title))
        for col, width in enumerate(widths or _guess_widths(header, rows), start=1):
            ws.column_dimensions[get_column_letter(col)].width = width
        ws.freeze_panes = "A2"
        bold = Font(bold=True)
        head_cells = []
        for name in header:
            cell = _xlsx_text(ws, name)
            cell.font = bold
            head_cells.append(cell)
        ws.append(head_cells)
        for row in rows:
            ws.append([_xlsx_cell(ws, v) for v in row])
            done += 1
            if progress and (done % 500 == 0 or done == total):
                progress(done, total)
    wb.save(path)


def _xlsx_cell(ws: Any, v: Cell) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(v, dt.datetime):
        # Excel has no time zones: write the Bangkok wall-clock time the office reads.
        cell = WriteOnlyCell(ws, value=_wall_clock(v))
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(v, dt.date):
        cell = WriteOnlyCell(ws, value=v)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(v, Decimal):
        cell = WriteOnlyCell(ws, value=v)
        cell.number_format = "#,##0.00"
        return cell
    if isinstance(v, Percent):
        cell = WriteOnlyCell(ws, value=float(v))
        cell.number_format = "0.0%"
        return cell
    if isinstance(v, Minutes):
        cell = WriteOnlyCell(ws, value=float(v))
        cell.number_format = "0.0"
        return cell
    if isinstance(v, str) and v and v[0] in _RISKY_FIRST and needs_escape(v):
        return _xlsx_text(ws, v)
    return v  # other text: openpyxl stores it as a string (only "=..." would be a formula)


def _xlsx_text(ws: Any, text: str) -> Any:
    """An explicit string cell: openpyxl would otherwise store text starting with ``=`` as
    a formula. Risky text also gets Excel's quote prefix, so that editing the cell in Excel
    keeps it text."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=None)
    cell._value = text  # the value setter would guess "formula" from "="
    cell.data_type = "s"
    if needs_escape(text):
        cell.quotePrefix = True
    return cell


def _sheet_title(title: str) -> str:
    bad = set("[]:*?/\\")
    clean = "".join("_" if ch in bad else ch for ch in title).strip() or "data"
    return clean[:31]  # Excel's limit


def _guess_widths(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> list[int]:
    widths = [len(h) + 2 for h in header]
    for row in rows[:200]:
        for i, v in enumerate(row[: len(widths)]):
            widths[i] = max(widths[i], len(_csv_text(v)) + 2)
    return [min(max(w, 8), 60) for w in widths]
