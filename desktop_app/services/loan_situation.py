"""สถานการณ์การยืมพัสดุ — the agency's loan situation (seed ITA items 20.1 and 24): what is out
now, with which unit, until when, and what is past its due date and its clause-211 follow-up
deadline. Read-only, for every user; the same figures make the monthly notice-board PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from db.models import Loan, LoanItem
from db.uow import UnitOfWork
from desktop_app.domain import loans as rules
from desktop_app.domain.thai_time import business_date

if TYPE_CHECKING:  # printing (reportlab) is loaded when a document is made, not before
    from printing.pdf.base import Numerals
    from printing.pdf.content import DocSetup
    from printing.pdf.integrity import Office, ReportDoc


@dataclass(frozen=True)
class SituationRow:
    loan_no: str
    asset_no: str
    name: str
    qty: int
    unit_name: str  # the asset's counting unit (เครื่อง, ชุด…)
    borrower: str
    unit: str  # the borrowing unit
    start: dt.date
    due: dt.date
    overdue_days: int
    followup_deadline: dt.date
    followed_up: bool
    deadline_missed: bool  # past the 211 deadline with no follow-up by then


@dataclass(frozen=True)
class UnitFigures:
    unit: str
    loans: int
    items: int
    overdue: int


@dataclass(frozen=True)
class LoanSituation:
    as_of: dt.date
    at: dt.datetime
    rows: tuple[SituationRow, ...]
    loans_out: int
    items_out: int
    overdue_loans: int
    deadline_missed: int
    waiting_approval: int
    units: tuple[UnitFigures, ...]


def loan_situation(uow: UnitOfWork, as_of: dt.date | None = None) -> LoanSituation:
    """Every item handed over and not yet back, by due date, in one snapshot."""
    with uow.read() as tx:
        at = tx.now()
        day = as_of or business_date(at)
        loans = tx.session.execute(
            select(Loan)
            .where(Loan.status == rules.LoanStatus.ON_LOAN.value)
            .options(selectinload(Loan.items).selectinload(LoanItem.asset),
                     selectinload(Loan.followups), selectinload(Loan.borrower))
            .order_by(Loan.due_on, Loan.id)
        ).scalars()  # fmt: skip
        rows: list[SituationRow] = []
        for loan in loans:
            b = loan.borrower
            unit = rules.borrower_unit(b.kind, b.unit, b.name)
            f = rules.followup_state(loan.due_on, day, [x.on_date for x in loan.followups])
            for item in loan.items:
                out = item.qty - item.returned_qty
                if out <= 0:
                    continue
                a = item.asset
                rows.append(SituationRow(
                    loan.loan_no, a.asset_no, a.name, out, a.unit, b.name, unit, loan.start_on,
                    loan.due_on, f.overdue_days, f.followup_deadline, f.followed_up,
                    f.deadline_missed,
                ))  # fmt: skip
        waiting = len(
            tx.session.execute(
                select(Loan.id).where(Loan.status == rules.LoanStatus.SUBMITTED.value)
            ).all()
        )
    return summarise(day, at, rows, waiting)


def summarise(
    day: dt.date, at: dt.datetime, rows: Iterable[SituationRow], waiting: int = 0
) -> LoanSituation:
    rows = tuple(rows)
    loans = {r.loan_no for r in rows}
    overdue = {r.loan_no for r in rows if r.overdue_days > 0}
    missed = {r.loan_no for r in rows if r.deadline_missed}
    by_unit: dict[str, list[SituationRow]] = {}
    for r in rows:
        by_unit.setdefault(r.unit, []).append(r)
    units = tuple(
        UnitFigures(u, len({r.loan_no for r in rs}), len(rs),
                    len({r.loan_no for r in rs if r.overdue_days > 0}))
        for u, rs in sorted(by_unit.items())
    )  # fmt: skip
    return LoanSituation(day, at, rows, len(loans), len(rows), len(overdue), len(missed),
                         waiting, units)  # fmt: skip


def filter_rows(
    rows: Iterable[SituationRow],
    *,
    unit: str | None = None,
    text: str = "",
    overdue_only: bool = False,
) -> list[SituationRow]:
    """The window's filter: one unit, only overdue items, and words in the loan number,
    asset number, asset name or borrower."""
    needle = text.strip().casefold()
    out = []
    for r in rows:
        if unit and r.unit != unit:
            continue
        if overdue_only and r.overdue_days <= 0:
            continue
        if needle and not any(
            needle in s.casefold() for s in (r.loan_no, r.asset_no, r.name, r.borrower, r.unit)
        ):
            continue
        out.append(r)
    return out


def situation_document(s: LoanSituation, office: Office) -> ReportDoc:
    """The situation as a landscape A4 report: the figures, the units, then every item."""
    from printing.pdf.base import Numerals, Signer
    from printing.pdf.integrity import ReportDoc, TablePart

    n = Numerals(thai=office.thai_digits)
    summary = (
        f"ณ วันที่ {n.date(s.as_of)} มีพัสดุอยู่ระหว่างการยืม {n(s.items_out)} รายการ "
        f"ตามใบยืม {n(s.loans_out)} ฉบับ เกินกำหนดส่งคืน {n(s.overdue_loans)} ฉบับ "
        f"ในจำนวนนี้พ้นกำหนดติดตามทวงคืนตามข้อ ๒๑๑ (ภายใน ๗ วันนับจากวันครบกำหนด) โดยยังไม่มีการติดตาม "
        f"{n(s.deadline_missed)} ฉบับ และมีคำขอยืมรอการอนุมัติ {n(s.waiting_approval)} ฉบับ"
    )
    units = TablePart(
        "สรุปตามหน่วยงานผู้ยืม",
        ("หน่วยงาน", "ใบยืม", "รายการพัสดุ", "เกินกำหนด"),
        tuple((u.unit, n(u.loans), n(u.items), n(u.overdue)) for u in s.units),
        (0.55, 0.15, 0.15, 0.15), "lrrr", "ไม่มีพัสดุอยู่ระหว่างการยืม",
    )  # fmt: skip
    items = TablePart(
        "รายการพัสดุที่อยู่ระหว่างการยืม (เรียงตามวันครบกำหนด)",
        ("ที่", "เลขที่ใบยืม", "หมายเลขพัสดุ", "รายการ", "ผู้ยืม / หน่วยงาน", "ยืมเมื่อ",
         "กำหนดคืน", "เกินกำหนด (วัน)", "การติดตามตามข้อ ๒๑๑"),
        tuple(
            (n(i), r.loan_no, r.asset_no,
             r.name if r.qty == 1 else f"{r.name} {n(r.qty)} {r.unit_name}",
             r.borrower if r.unit in ("", r.borrower) else f"{r.borrower}\n{r.unit}",
             n.date_numeric_short(r.start), n.date_numeric_short(r.due),
             n(r.overdue_days) if r.overdue_days else "-", _follow_text(r, n))
            for i, r in enumerate(s.rows, 1)
        ),
        (0.04, 0.1, 0.14, 0.16, 0.17, 0.08, 0.08, 0.08, 0.15), "cllllccrl",
        "ไม่มีพัสดุอยู่ระหว่างการยืม",
    )  # fmt: skip
    return ReportDoc(
        office, "สถานการณ์การยืมพัสดุ", f"ข้อมูล ณ วันที่ {n.date(s.as_of)}", s.as_of,
        (summary,), (units, items),
        notes=("ประกาศนี้พิมพ์จากโปรแกรม KhetDesk เพื่อเผยแพร่สถานการณ์การยืมพัสดุของหน่วยงาน "
               "(ITA ข้อ ๒๐.๑ และ ๒๔) ข้อมูลล่าสุดดูได้ในโปรแกรม เมนู \u201cสถานการณ์การยืมพัสดุ\u201d",),
        signers=(Signer("ผู้จัดทำ", "", "เจ้าหน้าที่พัสดุ"),), wide=True,
    )  # fmt: skip


def _follow_text(r: SituationRow, n: Numerals) -> str:
    if r.overdue_days <= 0:
        return "ยังไม่ถึงกำหนด"
    if r.followed_up:
        return "ติดตามแล้ว"
    if r.deadline_missed:
        return f"พ้นกำหนดติดตาม ({n.date_numeric_short(r.followup_deadline)}) ยังไม่ติดตาม"
    return f"ต้องติดตามภายใน {n.date_numeric_short(r.followup_deadline)}"


def office_of(setup: DocSetup) -> Office:
    from printing.pdf.integrity import Office

    return Office(setup.agency, setup.emblem, setup.thai_digits)


def loan_situation_pdf(uow: UnitOfWork, as_of: dt.date | None = None) -> bytes:
    """The situation as A4 pages for the notice board (monthly)."""
    from desktop_app.services.documents import doc_setup
    from printing.pdf.integrity import render_report

    situation = loan_situation(uow, as_of)
    with uow.read() as tx:
        setup = doc_setup(tx)
    return render_report(situation_document(situation, office_of(setup)))
