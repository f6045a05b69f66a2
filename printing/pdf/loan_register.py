"""ทะเบียนคุมการยืมพัสดุ — the loan register for a date range: one line per loan (number,
dates, borrower, items, purpose, approver, return and condition, status), A4 landscape,
column heads on every page, totals by status at the end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Spacer

from printing.pdf.base import (
    FONT,
    EndRunning,
    Letterhead,
    Numerals,
    Progress,
    ThaiParagraph,
    build_pdf,
    frame_width,
    long_table,
    styles,
    table,
)
from printing.pdf.content import LoanRegister

SIZE = 11.0  # cells are 9 pt
LEAD = 1.4
HEADER = ("ที่", "เลขที่ใบยืม", "วันที่ยืม", "กำหนดคืน", "ผู้ยืม / หน่วยงาน", "รายการพัสดุ",
          "วัตถุประสงค์", "ผู้อนุมัติ", "วันที่คืน", "สภาพเมื่อคืน", "สถานะ")  # fmt: skip
SHARES = (0.035, 0.11, 0.075, 0.075, 0.125, 0.145, 0.11, 0.09, 0.075, 0.06, 0.1)
ALIGNS = "clcclllcccc"
NUMBER = 1  # the loan-number column
PAD = 3  # the cell padding of base.table, on each side


def column_widths(width: float, loan_numbers: Iterable[str]) -> list[float]:
    """The columns' widths for a frame ``width`` points wide: the loan-number column as wide
    as the widest number on one line (the office chooses the number format; ยม.0001/2570
    must not break after its "/"), at least its share and at most a fifth of the page; the
    other columns share the rest by their shares."""
    size = styles(SIZE, LEAD)["cell"].fontSize
    widest = max((pdfmetrics.stringWidth(no, FONT, size) for no in loan_numbers), default=0.0)
    # ThaiParagraph lays out in 98.5 % of the cell (shaped advances differ by a hair).
    need = widest / 0.985 + 2 * PAD + 1
    number = min(max(width * SHARES[NUMBER], need), width * 0.2)
    rest = (width - number) / (sum(SHARES) - SHARES[NUMBER])
    return [number if i == NUMBER else rest * x for i, x in enumerate(SHARES)]


def period(n: Numerals, date_from: dt.date | None, date_to: dt.date | None) -> str:
    """``ตั้งแต่วันที่ … ถึงวันที่ …`` for a date range, either end open."""
    a, b = n.date(date_from), n.date(date_to)
    if a and b:
        return f"ตั้งแต่วันที่ {a} ถึงวันที่ {b}"
    if a:
        return f"ตั้งแต่วันที่ {a}"
    if b:
        return f"จนถึงวันที่ {b}"
    return "ทุกรายการ"


def render_loan_register(doc: LoanRegister, progress: Progress | None = None) -> bytes:
    n = Numerals(doc.setup.thai_digits)
    st = styles(SIZE, LEAD)
    w = frame_width(wide=True)
    widths = column_widths(w, (line.loan_no for line in doc.lines))
    short = n.date_numeric_short
    rows: list[list[Flowable | str]] = []
    for i, line in enumerate(doc.lines, 1):
        who = line.borrower if line.unit in ("", line.borrower) else f"{line.borrower}\n{line.unit}"
        status = line.status
        if line.overdue_days > 0:
            status += f" (เกิน {n(line.overdue_days)} วัน)"
        rows.append([
            n(i), line.loan_no, short(line.start), short(line.due), who, line.items,
            line.purpose, line.approver, short(line.returned_on) or "-",
            line.condition or "-", status,
        ])  # fmt: skip
    head, parts = long_table(HEADER, rows, widths, aligns=ALIGNS, size=SIZE, leading=LEAD)
    story: list[Flowable] = [head, *parts, EndRunning()]
    if not doc.lines:
        story.append(ThaiParagraph("ไม่มีรายการยืมในช่วงเวลานี้", st["body"]))
    story.append(Spacer(1, 8))
    totals = [["สถานะ", "จำนวนใบยืม"]] + [[label, n(count)] for label, count in doc.totals]
    totals.append(["รวม", n(len(doc.lines))])
    story.append(table(totals, [w * 0.2, w * 0.1], aligns="lr", size=SIZE, leading=LEAD))
    story.append(Spacer(1, 4))
    story.append(ThaiParagraph(f"พิมพ์เมื่อวันที่ {n.date(doc.printed_on)}", st["small"]))
    letter = Letterhead(
        title="ทะเบียนคุมการยืมพัสดุ",
        subtitle=period(n, doc.date_from, doc.date_to),
        agency=doc.setup.agency + (f" {doc.setup.supply_unit}" if doc.setup.supply_unit else ""),
        date=doc.printed_on,
        emblem=doc.setup.emblem,
        numerals=n,
    )
    return build_pdf(story, letter, wide=True, running=head, progress=progress,
                     title="ทะเบียนคุมการยืมพัสดุ")  # fmt: skip
