"""Statistics to files the office can analyse further (ITA EIT: data published as XLS and
CSV) and to a printed summary:

- queue, CSV: every table in one long table, one row per (table, group), UTF-8 with BOM;
  the out-of-order calls are rows of it too (table ``picks``, one per call: its time,
  ticket, service, counter, who, reason and the ticket that was next), and who called out
  of order (table ``pickers``); times are Bangkok wall-clock time, as in XLSX;
- queue, XLSX: a sheet per table (summary, services, counters, hours, days, priority,
  out-of-order calls, who called out of order), typed cells;
- queue, PDF: the summary with bar charts (printing.pdf_stats);
- loans, CSV: the loan register, one row per loan item;
- loans, XLSX: the register sheet and a sheet per loans-statistics table;
- loans, PDF: the loan register (ทะเบียนคุมการยืมพัสดุ, services.documents), or the
  summary with a chart (loans_summary_pdf: the statistics window's export, and
  ``report loans --contents summary``).

Numbers stay numbers and dates stay dates in XLSX; minutes carry one decimal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.uow import UnitOfWork
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.thai_time import BE_OFFSET, THAI_MONTHS_ABBR, thai_date
from desktop_app.services.documents import loan_register_pdf
from desktop_app.services.settings import read_setting
from desktop_app.services.stats_loans import (
    FOLLOWUP_LABELS_TH,
    LoanStats,
    RegisterRow,
    loan_register_rows,
    loan_stats,
)
from desktop_app.services.stats_queue import QueueRow, QueueStats, RatingRow, queue_stats
from desktop_app.services.stats_sql import minutes_text, share_text
from desktop_app.services.tabular import Cell, Minutes, Percent, write_bytes, write_tables
from printing.pdf_stats import StatsDocument, StatsSection, StatsTable, stats_pdf
from printing.stats_charts import BarChart, Series

Progress = Callable[[int, int], None]
FORMATS = ("csv", "xlsx", "pdf")
Table = tuple[str, Sequence[str], Sequence[Sequence[Cell]], Sequence[int] | None]


@dataclass(frozen=True)
class ReportResult:
    file: str
    format: str
    report: str  # queue | loans
    date_from: dt.date | None
    date_to: dt.date | None
    rows: int  # data rows written (CSV/XLSX: every sheet); PDF: 0
    bytes: int
    summary: dict[str, Any] = field(default_factory=dict)  # the key figures


def queue_summary(s: QueueStats) -> dict[str, Any]:
    t = s.total
    return {
        "issued": t.issued,
        "served": t.served,
        "no_show": t.no_show,
        "unfinished": t.unfinished,
        "transferred": t.transferred,
        "out_of_order": t.picked,
        "wait_median_min": t.wait_median_min,
        "wait_p90_min": t.wait_p90_min,
        "wait_max_min": t.wait_max_min,
        "service_median_min": t.service_median_min,
        "service_p90_min": t.service_p90_min,
        "within_standard": t.within_standard,
        "within_standard_share": None
        if t.within_standard_share is None
        else round(t.within_standard_share, 4),
        **_ratings_summary(s),
    }


def loans_summary(s: LoanStats) -> dict[str, Any]:
    r, f = s.returns, s.followups
    return {
        "requests": s.total.requests,
        "lent": s.total.lent,
        "items": s.total.items,
        "rejected": s.total.rejected,
        "cancelled": s.total.cancelled,
        "returned": r.returned,
        "on_time": r.on_time,
        "late": r.late,
        "on_time_rate": None if r.on_time_rate is None else round(r.on_time_rate, 4),
        "still_out": r.still_out,
        "overdue": f.overdue,
        "followup_met": f.met,
        "followup_missed": f.missed,
        "followup_pending": f.pending,
        "returned_before_deadline": f.returned,
        "unsettled": s.unsettled,
    }


def check_format(fmt: str) -> str:
    f = fmt.strip().lower()
    if f not in FORMATS:
        raise InvalidInput(
            f"รูปแบบไฟล์ต้องเป็น csv, xlsx หรือ pdf (format must be csv, xlsx or pdf, got '{fmt[:20]}')"
        )
    return f


def _minutes(v: float | None) -> Minutes | None:
    return None if v is None else Minutes(v)


def _share(v: float | None) -> Percent | None:
    return None if v is None else Percent(round(v, 4))


# ---------------------------------------------------------------- queue tables

QUEUE_HEADER = (
    "รหัส (key)",
    "รายการ (label)",
    "ออกบัตรคิว (issued)",
    "ให้บริการแล้ว (served)",
    "ไม่มาตามเรียก (no_show)",
    "ค้าง (unfinished)",
    "โอนบริการ (transferred)",
    "เรียกข้ามคิว (out_of_order)",
    "รอ มัธยฐาน นาที (wait_median_min)",
    "รอ P90 นาที (wait_p90_min)",
    "รอ สูงสุด นาที (wait_max_min)",
    "บริการ มัธยฐาน นาที (service_median_min)",
    "บริการ P90 นาที (service_p90_min)",
    "ภายในเวลามาตรฐาน (within_standard)",
    "สัดส่วนภายในมาตรฐาน (within_standard_share)",
)
QUEUE_TABLES = (
    ("total", "สรุปรวม"),
    ("service", "ตามบริการ"),
    ("counter", "ตามช่องบริการ"),
    ("hour", "ตามชั่วโมง"),
    ("day", "ตามวัน"),
    ("priority", "คิวพิเศษและทั่วไป"),
)
QUEUE_WIDTHS = [12, 28, 12, 12, 12, 10, 12, 12, 14, 12, 12, 14, 12, 14, 14]


def queue_row_cells(r: QueueRow) -> list[Cell]:
    return [
        r.key,
        r.label,
        r.issued,
        r.served,
        r.no_show,
        r.unfinished,
        r.transferred,
        r.picked,
        _minutes(r.wait_median_min),
        _minutes(r.wait_p90_min),
        _minutes(r.wait_max_min),
        _minutes(r.service_median_min),
        _minutes(r.service_p90_min),
        r.within_standard,
        _share(r.within_standard_share),
    ]


def _queue_rows(s: QueueStats, table: str) -> tuple[QueueRow, ...]:
    return (s.total,) if table == "total" else s.table(table)


PICK_CSV_HEADER = (
    "วันที่ (date)",
    "เวลาเรียก (called_at)",
    "ช่อง (counter)",
    "ผู้เรียก (username)",
    "ชื่อ (name)",
    "เหตุผล (reason)",
    "คิวที่ถึงลำดับ (next_in_order)",
)


def queue_csv_table(s: QueueStats) -> Table:
    """Every table in one: the table's name, the range, then the row (long format). The
    out-of-order calls follow as table ``picks`` (key: the ticket, label: its service,
    out_of_order 1, the wait in wait_max_min, and the call's own columns, empty on every
    other row), and who made them as table ``pickers`` (key: username, label: name,
    out_of_order: how many)."""
    header = ("ตาราง (table)", "ตั้งแต่ (date_from)", "ถึง (date_to)", *QUEUE_HEADER,
              *PICK_CSV_HEADER)  # fmt: skip
    no_pick: list[Cell] = [None] * len(PICK_CSV_HEADER)
    rows: list[list[Cell]] = [
        [name, s.date_from, s.date_to, *queue_row_cells(r), *no_pick]
        for name, _ in QUEUE_TABLES
        for r in _queue_rows(s, name)
    ]
    figures: list[Cell] = [None] * (len(QUEUE_HEADER) - 2)
    picked = QUEUE_HEADER.index("เรียกข้ามคิว (out_of_order)") - 2
    waited = QUEUE_HEADER.index("รอ สูงสุด นาที (wait_max_min)") - 2
    for p in s.picks:
        cells = list(figures)
        cells[picked] = 1
        cells[waited] = _minutes(None if p.waited_s is None else round(p.waited_s / 60, 1))
        rows.append(
            [
                "picks", s.date_from, s.date_to, p.code, p.service, *cells,
                p.business_date, p.called_at, p.counter, p.username, p.user_name, p.reason,
                p.next_in_order,
            ]
        )  # fmt: skip
    for who in s.pickers:
        cells = list(figures)
        cells[picked] = who.picks
        rows.append(["pickers", s.date_from, s.date_to, who.username, who.name, *cells,
                     *no_pick])  # fmt: skip
    with_ratings, rows = _csv_with_ratings(s, header, rows)
    widths = [10, 12, 12, *QUEUE_WIDTHS, 12, 18, 8, 14, 24, 40, 14, 10, 10]
    return ("queue", with_ratings, rows, widths)


def queue_xlsx_tables(s: QueueStats) -> list[Table]:
    tables: list[Table] = []
    for name, title in QUEUE_TABLES:
        rows = [queue_row_cells(r) for r in _queue_rows(s, name)]
        if name == "total":
            header = ("ตั้งแต่ (date_from)", "ถึง (date_to)", *QUEUE_HEADER)
            rows = [[s.date_from, s.date_to, *row] for row in rows]
            tables.append((title, header, rows, [12, 12, *QUEUE_WIDTHS]))
        else:
            tables.append((title, QUEUE_HEADER, rows, QUEUE_WIDTHS))
    tables.append(
        (
            "เรียกข้ามคิว",
            (
                "วันที่ (date)",
                "บัตรคิว (code)",
                "บริการ (service)",
                "ช่อง (counter)",
                "เวลาเรียก (called_at)",
                "รอ นาที (waited_min)",
                "เหตุผล (reason)",
                "ผู้เรียก (username)",
                "ชื่อ (name)",
                "คิวที่ถึงลำดับ (next_in_order)",
            ),
            [
                [
                    p.business_date,
                    p.code,
                    p.service,
                    p.counter,
                    p.called_at,
                    _minutes(None if p.waited_s is None else round(p.waited_s / 60, 1)),
                    p.reason,
                    p.username,
                    p.user_name,
                    p.next_in_order,
                ]
                for p in s.picks
            ],
            [12, 10, 10, 8, 18, 10, 40, 14, 24, 14],
        )
    )
    tables.append(
        (
            "ผู้เรียกข้ามคิว",
            ("ผู้ใช้ (username)", "ชื่อ (name)", "จำนวนครั้ง (picks)"),
            [[p.username, p.name, p.picks] for p in s.pickers],
            [16, 30, 12],
        )
    )
    if _rating_rows(s):  # a sheet once citizens rate (khetdesk serve), as the PDF's section
        tables.append(
            ("ความพึงพอใจ", RATING_HEADER, [rating_cells(d, r) for d, r in _rating_rows(s)],
             [12, 10, 28, 12, 12, 8, 8, 8, 8, 8])
        )  # fmt: skip
    return tables


# ---------------------------------------------------------------- loans tables

REGISTER_HEADER = (
    "เลขที่ใบยืม (loan_no)",
    "สถานะ (status)",
    "วันที่ยืม (start)",
    "กำหนดคืน (due)",
    "ผู้ยืม (borrower)",
    "ประเภทผู้ยืม (borrower_type)",
    "หน่วยงาน (unit)",
    "วัตถุประสงค์ (purpose)",
    "สถานที่ใช้ (place)",
    "ข้อ (clause)",
    "ผลการพิจารณา (decision)",
    "ผู้พิจารณา (decided_by)",
    "หมายเลขพัสดุ (asset_no)",
    "รายการ (asset_name)",
    "จำนวน (qty)",
    "หน่วยนับ (asset_unit)",
    "สภาพเมื่อส่งมอบ (condition_out)",
    "ส่งมอบเมื่อ (handed_over_at)",
    "คืนแล้ว (returned_qty)",
    "สภาพเมื่อคืน (condition_in)",
    "คืนเมื่อ (returned_at)",
    "การชดใช้ (settlement)",
    "จำนวนเงิน (amount)",
)
REGISTER_WIDTHS = [
    18,
    10,
    12,
    12,
    24,
    10,
    24,
    30,
    12,
    8,
    12,
    22,
    22,
    30,
    8,
    10,
    10,
    17,
    8,
    10,
    17,
    10,
    12,
]


def register_cells(r: RegisterRow) -> list[Cell]:
    return [
        r.loan_no,
        r.status,
        r.start,
        r.due,
        r.borrower,
        r.borrower_type,
        r.unit,
        r.purpose,
        r.place,
        r.clause,
        r.decision,
        r.decided_by,
        r.asset_no,
        r.asset_name,
        r.qty,
        r.asset_unit,
        r.condition_out,
        r.handed_over_at,
        r.returned_qty,
        r.condition_in,
        r.returned_at,
        r.settlement,
        r.amount,
    ]


LOAN_COUNT_HEADER = (
    "รหัส (key)",
    "รายการ (label)",
    "คำขอ (requests)",
    "ยืมจริง (lent)",
    "ไม่อนุมัติ (rejected)",
    "ยกเลิก (cancelled)",
    "รายการพัสดุ (items)",
)


def loans_xlsx_tables(s: LoanStats, register: Sequence[RegisterRow]) -> list[Table]:
    def counts(rows: Sequence[object]) -> list[list[Cell]]:
        return [
            [r.key, r.label, r.requests, r.lent, r.rejected, r.cancelled, r.items]  # type: ignore[attr-defined]
            for r in rows
        ]

    r, f = s.returns, s.followups
    return [
        ("ทะเบียนคุมการยืม", REGISTER_HEADER, [register_cells(x) for x in register], REGISTER_WIDTHS),
        (
            "สรุป",
            (
                "ตั้งแต่ (date_from)",
                "ถึง (date_to)",
                "ณ วันที่ (as_of)",
                "คำขอ (requests)",
                "ยืมจริง (lent)",
                "คืนแล้ว (returned)",
                "คืนตรงเวลา (on_time)",
                "คืนช้า (late)",
                "อัตราคืนตรงเวลา (on_time_rate)",
                "ยังไม่คืน (still_out)",
                "เกินกำหนดยังไม่คืน (out_overdue)",
                "เกินกำหนด (overdue)",
                "ติดตามทัน (followup_met)",
                "คืนก่อนครบกำหนดติดตาม (returned_in_time)",
                "ไม่ได้ติดตามภายในกำหนด (followup_missed)",
                "ยังไม่ครบกำหนด (pending)",
                "ยังไม่ชดใช้ (unsettled)",
            ),
            [
                [
                    s.date_from,
                    s.date_to,
                    s.as_of,
                    s.total.requests,
                    r.lent,
                    r.returned,
                    r.on_time,
                    r.late,
                    _share(r.on_time_rate),
                    r.still_out,
                    r.out_overdue,
                    f.overdue,
                    f.met,
                    f.returned,
                    f.missed,
                    f.pending,
                    s.unsettled,
                ]
            ],
            None,
        ),
        ("ตามเดือน", LOAN_COUNT_HEADER, counts(s.by_month), [10, 14, 10, 10, 10, 10, 12]),
        ("ตามหน่วยงาน", LOAN_COUNT_HEADER, counts(s.by_unit), [30, 30, 10, 10, 10, 10, 12]),
        (
            "เกินกำหนดและการติดตาม",
            (
                "เลขที่ใบยืม (loan_no)",
                "ผู้ยืม (borrower)",
                "หน่วยงาน (unit)",
                "กำหนดคืน (due)",
                "คืนเมื่อ (returned_on)",
                "เกินกำหนด วัน (overdue_days)",
                "ติดตามภายใน (followup_deadline)",
                "ติดตามครั้งแรก (first_followup)",
                "ผล (outcome)",
                "ผล (outcome_th)",
            ),
            [
                [
                    o.loan_no,
                    o.borrower,
                    o.unit,
                    o.due,
                    o.returned_on,
                    o.overdue_days,
                    o.followup_deadline,
                    o.first_followup,
                    o.outcome,
                    FOLLOWUP_LABELS_TH[o.outcome],
                ]
                for o in s.overdue
            ],
            [18, 24, 24, 12, 12, 10, 14, 14, 10, 24],
        ),
        (
            "ชำรุดสูญหาย",
            ("สภาพ (condition)", "รายการ (label)", "ครั้ง (returns)", "จำนวน (qty)"),
            [[c.condition, c.label, c.returns, c.qty] for c in s.conditions],
            [12, 14, 10, 10],
        ),
        (
            "การชดใช้",
            (
                "วิธี (method)",
                "รายการ (label)",
                "จำนวนรายการ (items)",
                "จำนวนเงิน (amount)",
                "ราคาที่คำนวณ (suggested)",
            ),
            [[x.method, x.label, x.items, x.amount, x.suggested] for x in s.settlements],
            [10, 16, 12, 14, 14],
        ),
        (
            "ยืมบ่อยที่สุด",
            (
                "หมายเลขพัสดุ (asset_no)",
                "รายการ (name)",
                "ฝ่าย (unit_holder)",
                "ครั้ง (loans)",
                "จำนวน (qty)",
                "ยืมล่าสุด (last_lent)",
            ),
            [[a.asset_no, a.name, a.unit_holder, a.loans, a.qty, a.last_lent] for a in s.most_lent],
            [22, 34, 20, 8, 8, 12],
        ),
        (
            "ไม่มีการยืม",
            ("หมายเลขพัสดุ (asset_no)", "รายการ (name)", "ฝ่าย (unit_holder)", "ยืมล่าสุด (last_lent)"),
            [[a.asset_no, a.name, a.unit_holder, a.last_lent] for a in s.not_lent],
            [22, 34, 20, 12],
        ),
    ]


# ---------------------------------------------------------------- the PDF summary


def _period(date_from: dt.date | None, date_to: dt.date | None) -> str:
    if date_from and date_to:
        if date_from == date_to:
            return f"วันที่ {thai_date(date_from)}"
        last = (date_to + dt.timedelta(days=1)).day == 1
        if (
            date_from.day == 1
            and last
            and (date_from.year, date_from.month) == (date_to.year, date_to.month)
        ):
            return f"เดือน {THAI_MONTHS_ABBR[date_from.month - 1]} {date_from.year + BE_OFFSET}"
        return f"ระหว่างวันที่ {thai_date(date_from)} ถึง {thai_date(date_to)}"
    if date_from:
        return f"ตั้งแต่วันที่ {thai_date(date_from)}"
    if date_to:
        return f"จนถึงวันที่ {thai_date(date_to)}"
    return "ทุกช่วงเวลา"


_QT_HEAD = (
    "รายการ",
    "ออกบัตร",
    "ให้บริการ",
    "ไม่มา",
    "รอ มัธยฐาน",
    "รอ P90",
    "รอ สูงสุด",
    "บริการ มัธยฐาน",
    "ภายในมาตรฐาน",
)
_QT_SHARES = (0.22, 0.09, 0.09, 0.08, 0.1, 0.09, 0.09, 0.12, 0.12)


def _queue_table(title: str, rows: Sequence[QueueRow], label_key: bool = False) -> StatsTable:
    return StatsTable(
        title,
        _QT_HEAD,
        tuple(
            (
                f"{r.key} {r.label}" if label_key else r.label,
                f"{r.issued:,}",
                f"{r.served:,}",
                f"{r.no_show:,}",
                minutes_text(r.wait_median_min),
                minutes_text(r.wait_p90_min),
                minutes_text(r.wait_max_min),
                minutes_text(r.service_median_min),
                share_text(r.within_standard_share),
            )
            for r in rows
        ),
        "lrrrrrrrr",
        _QT_SHARES,
    )


def queue_document(s: QueueStats, agency: str, today: dt.date) -> StatsDocument:
    t = s.total
    key_lines = (
        f"ออกบัตรคิว {t.issued:,} ใบ ให้บริการแล้ว {t.served:,} ราย ไม่มาตามเรียก {t.no_show:,} ราย "
        f"ค้าง {t.unfinished:,} ราย โอนบริการ {t.transferred:,} ราย",
        f"เวลารอ: มัธยฐาน {minutes_text(t.wait_median_min)} นาที "
        f"เปอร์เซ็นไทล์ที่ 90 {minutes_text(t.wait_p90_min)} นาที "
        f"สูงสุด {minutes_text(t.wait_max_min)} นาที",
        f"เวลาให้บริการ: มัธยฐาน {minutes_text(t.service_median_min)} นาที เปอร์เซ็นไทล์ที่ 90 "
        f"{minutes_text(t.service_p90_min)} นาที "
        f"ภายในเวลามาตรฐาน {share_text(t.within_standard_share)}",
        f"เรียกข้ามคิว {t.picked:,} ครั้ง ทุกครั้งมีเหตุผลบันทึกไว้",
    )
    services = s.by_service
    sections = [
        StatsSection(
            "ภาพรวม",
            key_lines,
            BarChart(
                "เวลารอเรียกตามบริการ (นาที)",
                # Letters, defined by the table under the chart (full names collide at
                # this width); the window's chart shows the names.
                tuple(r.key for r in services),
                (
                    Series("มัธยฐาน", tuple(r.wait_median_min for r in services)),
                    Series("เปอร์เซ็นไทล์ที่ 90", tuple(r.wait_p90_min for r in services)),
                ),
                "นาที",
            ),
            (_queue_table("ตามบริการ", services, label_key=True),),
        ),
        StatsSection(
            "ตามช่วงเวลาที่รับบัตรคิว",
            (),
            BarChart(
                "จำนวนบัตรคิวตามชั่วโมง",
                tuple(f"{r.key}:00" for r in s.by_hour),
                (
                    Series("ออกบัตร", tuple(float(r.issued) for r in s.by_hour)),
                    Series("ให้บริการแล้ว", tuple(float(r.served) for r in s.by_hour)),
                ),
                "คิว",
            ),
            (_queue_table("ตามชั่วโมง", s.by_hour),),
        ),
        StatsSection("ตามช่องบริการ", (), None, (_queue_table("", s.by_counter),)),
        StatsSection(
            "ความเท่าเทียม: คิวพิเศษเทียบกับคิวทั่วไป",
            (),
            BarChart(
                "เวลารอเรียก คิวพิเศษและคิวทั่วไป (นาที)",
                tuple(r.label for r in s.by_priority),
                (
                    Series("มัธยฐาน", tuple(r.wait_median_min for r in s.by_priority)),
                    Series("เปอร์เซ็นไทล์ที่ 90", tuple(r.wait_p90_min for r in s.by_priority)),
                ),
                "นาที",
            ),
            (_queue_table("ตามประเภทคิว", s.by_priority),),
        ),
    ]
    if len(s.by_day) > 1:
        sections.insert(
            1,
            StatsSection(
                "รายวัน",
                (),
                BarChart(
                    "จำนวนบัตรคิวและผู้รับบริการรายวัน",
                    tuple(str(dt.date.fromisoformat(r.key).day) for r in s.by_day),
                    (
                        Series("ออกบัตร", tuple(float(r.issued) for r in s.by_day)),
                        Series("ให้บริการแล้ว", tuple(float(r.served) for r in s.by_day)),
                    ),
                    "คิว",
                ),
            ),
        )
    picks = StatsTable(
        "การเรียกข้ามคิว",
        ("วันที่", "บัตรคิว", "ช่อง", "เหตุผล", "ผู้เรียก", "คิวที่ถึงลำดับ"),
        tuple(
            (
                thai_date(p.business_date),
                p.code,
                str(p.counter or "-"),
                p.reason,
                p.user_name or p.username,
                p.next_in_order or "-",
            )
            for p in s.picks
        ),
        "lcclll",
        (0.15, 0.1, 0.07, 0.36, 0.18, 0.14),
    )
    sections.append(
        StatsSection(
            "การเรียกข้ามคิวและผู้เรียก",
            tuple(f"{p.name or p.username} ({p.username}) {p.picks:,} ครั้ง" for p in s.pickers),
            None,
            (picks,),
        )
    )
    if s.ratings_by_service or s.ratings_by_counter:
        sections.append(_ratings_section(s))
    notes = (
        "เวลารอ นับจากเวลาออกบัตรคิว หรือเวลาโอนบริการครั้งล่าสุด ถึงการเรียกในบริการนั้น "
        "(ช่วงก่อนโอนไม่นับ) เวลาให้บริการ นับจากการเรียกถึงให้บริการเสร็จ",
        "มัธยฐานเป็นค่ากลางจริง เปอร์เซ็นไทล์ที่ 90 ใช้วิธีอันดับที่ใกล้ที่สุด "
        "ภายในเวลามาตรฐาน: เวลาให้บริการไม่เกินเวลามาตรฐานที่ประกาศของบริการนั้น",
        "ตามบริการ: ออกบัตรนับตามบริการที่ออกบัตร ตัวเลขอื่นนับตามบริการที่ให้บริการจริงหลังการโอน",
    )
    return StatsDocument(
        "สรุปสถิติการให้บริการคิว", agency, _period(s.date_from, s.date_to), today, tuple(sections), notes
    )


def loans_document(s: LoanStats, agency: str, today: dt.date) -> StatsDocument:
    r, f = s.returns, s.followups
    lines = (
        f"คำขอยืม {s.total.requests:,} รายการ ยืมจริง {s.total.lent:,} ไม่อนุมัติ "
        f"{s.total.rejected:,} ยกเลิก {s.total.cancelled:,}",
        f"คืนแล้ว {r.returned:,} คืนตรงเวลา {r.on_time:,} ({share_text(r.on_time_rate)}) ยังไม่คืน "
        f"{r.still_out:,} ในจำนวนนี้เกินกำหนด {r.out_overdue:,}",
        f"เกินกำหนด {f.overdue:,} รายการ: ติดตามทันภายใน ๗ วัน {f.met:,} คืนก่อนครบกำหนดติดตาม "
        f"{f.returned:,} ไม่ได้ติดตามภายในกำหนด {f.missed:,} ยังไม่ครบกำหนด {f.pending:,} (ข้อ ๒๑๑)",
    )
    sections = (
        StatsSection(
            "ภาพรวมการยืมพัสดุ",
            lines,
            BarChart(
                "การยืมพัสดุรายเดือน",
                tuple(x.label for x in s.by_month),
                (
                    Series("คำขอ", tuple(float(x.requests) for x in s.by_month)),
                    Series("ยืมจริง", tuple(float(x.lent) for x in s.by_month)),
                ),
                "รายการ",
            ),
            (
                StatsTable(
                    "ตามหน่วยงาน",
                    ("หน่วยงาน", "คำขอ", "ยืมจริง", "ไม่อนุมัติ", "ยกเลิก"),
                    tuple(
                        (
                            x.label,
                            f"{x.requests:,}",
                            f"{x.lent:,}",
                            f"{x.rejected:,}",
                            f"{x.cancelled:,}",
                        )
                        for x in s.by_unit
                    ),
                    "lrrrr",
                    (0.44, 0.14, 0.14, 0.14, 0.14),
                ),
            ),
        ),
        StatsSection(
            "ชำรุด สูญหาย และการชดใช้ (ข้อ ๒๐๙)",
            tuple(f"{c.label} {c.returns:,} ครั้ง จำนวน {c.qty:,}" for c in s.conditions)
            + tuple(
                f"{x.label} {x.items:,} รายการ เป็นเงิน {x.amount:,.2f} บาท" for x in s.settlements
            )
            + (f"ยังไม่ชดใช้ {s.unsettled:,} รายการ",),
        ),
        StatsSection(
            "พัสดุที่ยืมบ่อยที่สุด",
            (),
            None,
            (
                StatsTable(
                    "ยืมบ่อยที่สุด",
                    ("หมายเลขพัสดุ", "รายการ", "ครั้ง", "จำนวน"),
                    tuple((a.asset_no, a.name, f"{a.loans:,}", f"{a.qty:,}") for a in s.most_lent),
                    "llrr",
                    (0.3, 0.5, 0.1, 0.1),
                ),
            ),
        ),
    )
    notes = (
        "คำขอ การยืม การคืน ความชำรุดเสียหาย และการชดใช้ นับรายการที่เริ่มยืมในช่วงเวลานี้",
        "เกินกำหนดและการติดตาม (ข้อ ๒๑๑) นับรายการที่ครบกำหนดคืนในช่วงเวลานี้ ไม่ว่าเริ่มยืมเมื่อใด "
        "กำหนดติดตามคือวันครบกำหนดคืนบวก ๗ วัน",
    )
    return StatsDocument(
        "สรุปสถิติการยืมพัสดุ", agency, _period(s.date_from, s.date_to), today, sections, notes
    )


# ---------------------------------------------------------------- exports


def _office(uow: UnitOfWork) -> tuple[str, dt.date]:
    from desktop_app.domain.thai_time import business_date

    with uow.read() as tx:
        return read_setting(tx, "office.name"), business_date(tx.now())


def _digits(uow: UnitOfWork, doc: StatsDocument) -> StatsDocument:
    """One digit style per document: the office's (setting ``document.digits``)."""
    with uow.read() as tx:
        thai = read_setting(tx, "document.digits") == "thai"
    return dataclasses.replace(doc, thai_digits=thai)


def check_target(path: Path) -> None:
    """Refuse before any work: a folder, or a file in a folder that does not exist."""
    if path.is_dir():
        raise InvalidInput(f"'{str(path)[:120]}' เป็นโฟลเดอร์ (the output is a folder)")
    if not path.parent.exists():
        raise InvalidInput(
            f"ไม่มีโฟลเดอร์ '{str(path.parent)[:120]}' (the output's folder does not exist)"
        )


def _phase(progress: Progress | None, start: int, share: int) -> Progress | None:
    """Map a sub-task's (done, total) to [start, start + share] of 100."""
    if progress is None:
        return None
    outer = progress

    def inner(done: int, total: int) -> None:
        outer(start + (share * done // total if total else share), 100)

    return inner


def export_queue(
    uow: UnitOfWork,
    date_from: dt.date,
    date_to: dt.date | None,
    path: Path,
    fmt: str,
    progress: Progress | None = None,
) -> ReportResult:
    kind = check_format(fmt)
    check_target(path)
    stats = queue_stats(uow, date_from, date_to, progress=_phase(progress, 0, 40))
    rows = 0
    if kind == "pdf":
        agency, today = _office(uow)
        doc = _digits(uow, queue_document(stats, agency, today))
        data = stats_pdf(doc, progress=_phase(progress, 40, 60))
        write_bytes(path, data)
    else:
        tables = [queue_csv_table(stats)] if kind == "csv" else queue_xlsx_tables(stats)
        rows = sum(len(t[2]) for t in tables)
        write_tables(path, tables, progress=_phase(progress, 40, 60), kind=kind)
    return ReportResult(
        str(path),
        kind,
        "queue",
        stats.date_from,
        stats.date_to,
        rows,
        path.stat().st_size,
        queue_summary(stats),
    )


def export_loans(
    uow: UnitOfWork,
    date_from: dt.date | None,
    date_to: dt.date | None,
    path: Path,
    fmt: str,
    progress: Progress | None = None,
) -> ReportResult:
    kind = check_format(fmt)
    check_target(path)
    stats = loan_stats(uow, date_from, date_to, progress=_phase(progress, 0, 20))
    rows = 0
    if kind == "pdf":
        data = loan_register_pdf(uow, date_from, date_to, progress=_phase(progress, 20, 80))
        write_bytes(path, data)
    else:
        register = loan_register_rows(uow, date_from, date_to)
        if progress:
            progress(30, 100)
        if kind == "csv":
            tables: list[Table] = [
                (
                    "ทะเบียนคุมการยืม",
                    REGISTER_HEADER,
                    [register_cells(r) for r in register],
                    REGISTER_WIDTHS,
                )
            ]
        else:
            tables = loans_xlsx_tables(stats, register)
        rows = sum(len(t[2]) for t in tables)
        write_tables(path, tables, progress=_phase(progress, 30, 70), kind=kind)
    return ReportResult(
        str(path),
        kind,
        "loans",
        date_from,
        date_to,
        rows,
        path.stat().st_size,
        loans_summary(stats),
    )


def loans_summary_pdf(
    uow: UnitOfWork,
    date_from: dt.date | None,
    date_to: dt.date | None,
    path: Path,
    progress: Progress | None = None,
) -> ReportResult:
    """The loans statistics as a summary with a chart: the statistics window's export, and
    the CLI's ``report loans --format pdf --contents summary`` (without ``--contents`` the
    CLI prints the register, export_loans)."""
    check_target(path)
    stats = loan_stats(uow, date_from, date_to, progress=_phase(progress, 0, 40))
    agency, today = _office(uow)
    doc = _digits(uow, loans_document(stats, agency, today))
    write_bytes(path, stats_pdf(doc, progress=_phase(progress, 40, 60)))
    return ReportResult(
        str(path),
        "pdf",
        "loans-summary",
        date_from,
        date_to,
        0,
        path.stat().st_size,
        loans_summary(stats),
    )


# ---------------------------------------------------------------- citizens' ratings
# From the ticket page of `khetdesk serve` (desktop_app/web): per service and per counter.

RATING_HEADER = (
    "ตาม (by)",
    "รหัส (key)",
    "รายการ (label)",
    "ผู้ให้คะแนน (ratings)",
    "คะแนนเฉลี่ย (rating_mean)",
    "1",
    "2",
    "3",
    "4",
    "5",
)


def _rating_rows(s: QueueStats) -> list[tuple[str, RatingRow]]:
    return [("service", r) for r in s.ratings_by_service] + [
        ("counter", r) for r in s.ratings_by_counter
    ]


def rating_cells(by: str, r: RatingRow) -> list[Cell]:
    return [by, r.key, r.label, r.ratings, r.mean, *r.counts]


def _ratings_summary(s: QueueStats) -> dict[str, Any]:
    n = sum(r.ratings for r in s.ratings_by_service)
    total = sum((i + 1) * c for r in s.ratings_by_service for i, c in enumerate(r.counts))
    return {"ratings": n, "rating_mean": round(total / n, 2) if n else None}


def _csv_with_ratings(
    s: QueueStats, header: tuple[str, ...], rows: list[list[Cell]]
) -> tuple[tuple[str, ...], list[list[Cell]]]:
    """Two columns more (ratings, rating_mean), empty on the other tables' rows, and the
    tables ``ratings_service`` and ``ratings_counter`` (key, label, and those two)."""
    out = [[*row, None, None] for row in rows]
    blank: list[Cell] = [None] * (len(header) - 5)
    for by, r in _rating_rows(s):
        out.append([f"ratings_{by}", s.date_from, s.date_to, r.key, r.label, *blank,
                    r.ratings, r.mean])  # fmt: skip
    return (*header, "ผู้ให้คะแนน (ratings)", "คะแนนเฉลี่ย (rating_mean)"), out


def _ratings_section(s: QueueStats) -> StatsSection:
    def table(title: str, rows: Sequence[RatingRow]) -> StatsTable:
        return StatsTable(
            title,
            ("รายการ", "ผู้ให้คะแนน", "เฉลี่ย (1–5)", "1", "2", "3", "4", "5"),
            tuple(
                (r.label, f"{r.ratings:,}", f"{r.mean:.2f}" if r.mean is not None else "-",
                 *(f"{n:,}" for n in r.counts))
                for r in rows
            ),
            "lrrrrrrr",
            (0.34, 0.14, 0.14, 0.076, 0.076, 0.076, 0.076, 0.076),
        )  # fmt: skip

    summary = _ratings_summary(s)
    return StatsSection(
        "ความพึงพอใจของผู้รับบริการ",
        (
            f"ผู้ให้คะแนน {summary['ratings']:,} ราย คะแนนเฉลี่ย {summary['rating_mean']:.2f} "
            "จาก 5 (ให้คะแนนจากหน้าบัตรคิวบนโทรศัพท์ หลังรับบริการ หนึ่งครั้งต่อบัตรคิว)",
        ),
        None,
        (table("ตามบริการ", s.ratings_by_service), table("ตามช่องบริการ", s.ratings_by_counter)),
    )
