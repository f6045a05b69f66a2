"""The custodian's monthly report to the superior (seed ITA item 24: "the custodians report
their checks to their superiors continuously").

Each month the supply officer submits the month's asset use (the asset-use report's figures)
and the checks done (counting, inspecting, following up); a head — supply head, agency head
or admin, never the one who prepared it — signs it off in the app. Both steps are audited;
a signed report no longer changes."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select

from db.models_integrity import CustodianReport
from db.uow import Transaction, UnitOfWork
from desktop_app.domain.errors import Conflict, InvalidInput, NotFound
from desktop_app.domain.integrity import long_text
from desktop_app.domain.roles import require
from desktop_app.domain.thai_time import BE_OFFSET, THAI_MONTHS_FULL, business_date
from desktop_app.services.auth import Actor
from desktop_app.services.stats_sql import month_range


@dataclass(frozen=True)
class CustodianView:
    year: int
    month: int
    label: str  # พฤศจิกายน 2569
    status: str  # draft | submitted | signed
    checks: str
    figures: dict[str, int]
    prepared_by: str | None
    prepared_by_name: str | None
    prepared_at: dt.datetime | None
    signed_by: str | None
    signed_by_name: str | None
    signed_by_position: str | None
    signed_at: dt.datetime | None
    sign_note: str


def month_label(year: int, month: int) -> str:
    return f"{THAI_MONTHS_FULL[month - 1]} {year + BE_OFFSET}"


def _check_month(year: int, month: int) -> tuple[dt.date, dt.date]:
    if not 1 <= month <= 12 or not 2000 <= year <= 2200:
        raise InvalidInput(f"เดือนไม่ถูกต้อง {year}-{month} (month must be YYYY-MM)")
    return month_range(year, month)


def _figures(tx: Transaction, year: int, month: int) -> dict[str, int]:
    from desktop_app.services.documents import asset_use_report

    first, last = _check_month(year, month)
    r = asset_use_report(tx, first, last)
    return {"loans": r.loans, "assets": r.assets, "borrowers": r.borrowers,
            "damaged": r.damaged, "lost": r.lost, "not_returned": r.not_returned}  # fmt: skip


def _view(r: CustodianReport | None, year: int, month: int, figures: dict[str, int]
          ) -> CustodianView:  # fmt: skip
    if r is None:
        return CustodianView(year, month, month_label(year, month), "draft", "", figures,
                             None, None, None, None, None, None, None, "")  # fmt: skip
    p, s = r.prepared_by, r.signed_by
    return CustodianView(
        year, month, month_label(year, month), "signed" if r.signed_at else "submitted",
        r.checks, json.loads(r.figures_json),
        p.username if p else None, p.name if p else None, r.prepared_at,
        s.username if s else None, s.name if s else None, s.position if s else None,
        r.signed_at, r.sign_note,
    )  # fmt: skip


def _find(tx: Transaction, year: int, month: int) -> CustodianReport | None:
    return tx.session.execute(
        select(CustodianReport).where(CustodianReport.year == year, CustodianReport.month == month)
    ).scalar_one_or_none()


def _state(r: CustodianReport) -> dict[str, object]:
    return {"year": r.year, "month": r.month, "checks": r.checks,
            "figures": json.loads(r.figures_json), "signed": r.signed_at is not None,
            "sign_note": r.sign_note}  # fmt: skip


def custodian_report(uow: UnitOfWork, year: int, month: int) -> CustodianView:
    """The month's report as it stands (a draft with live figures if not yet submitted)."""
    _check_month(year, month)
    with uow.read() as tx:
        r = _find(tx, year, month)
        return _view(r, year, month, _figures(tx, year, month) if r is None else {})


def submit_custodian_report(
    uow: UnitOfWork, actor: Actor, year: int, month: int, checks: str
) -> CustodianView:
    """The custodian submits (or corrects, until it is signed) the month's report."""
    require(actor.role, "custodian.submit")
    text = long_text(checks, "checks", "ผลการตรวจสอบที่ได้ดำเนินการ", max_len=5000)
    _check_month(year, month)
    with uow.write() as tx:
        figures = _figures(tx, year, month)
        r = _find(tx, year, month)
        before = _state(r) if r is not None else None
        if r is not None and r.signed_at is not None:
            raise Conflict(
                f"รายงานเดือน{month_label(year, month)}ลงนามรับรองแล้ว แก้ไขไม่ได้ "
                "(the month's report is signed off already)"
            )
        if r is None:
            r = CustodianReport(year=year, month=month, sign_note="")
            tx.session.add(r)
        r.checks = text
        r.figures_json = json.dumps(figures, sort_keys=True)
        r.prepared_by_id = actor.id
        r.prepared_at = tx.now()
        tx.session.flush()
        tx.session.refresh(r)
        tx.audit(actor.username, "custodian.submit", "custodian_report",
                 f"{year}-{month:02d}", before, _state(r))  # fmt: skip
        view = _view(r, year, month, figures)
        tx.commit()
    return view


def sign_off_custodian_report(
    uow: UnitOfWork, actor: Actor, year: int, month: int, note: str = ""
) -> CustodianView:
    """The superior signs the month's report off: who and when are recorded and audited."""
    require(actor.role, "custodian.signoff")
    text = long_text(note, "note", "ความเห็นผู้บังคับบัญชา", max_len=2000, required=False)
    _check_month(year, month)
    with uow.write() as tx:
        r = _find(tx, year, month)
        if r is None:
            raise NotFound(
                f"ยังไม่มีรายงานผู้ดูแลพัสดุเดือน{month_label(year, month)} "
                "(the custodian has not submitted this month's report)"
            )
        if r.signed_at is not None:
            raise Conflict(
                f"รายงานเดือน{month_label(year, month)}ลงนามรับรองแล้ว "
                "(the month's report is signed off already)"
            )
        if r.prepared_by_id is not None and r.prepared_by_id == actor.id:
            raise InvalidInput(
                "ผู้จัดทำรายงานลงนามรับรองรายงานของตนเองไม่ได้ "
                "(the one who prepared the report cannot sign it off)"
            )
        before = _state(r)
        r.signed_by_id = actor.id
        r.signed_at = tx.now()
        r.sign_note = text
        tx.session.flush()
        tx.session.refresh(r)
        tx.audit(actor.username, "custodian.signoff", "custodian_report",
                 f"{year}-{month:02d}", before, _state(r))  # fmt: skip
        view = _view(r, year, month, {})
        tx.commit()
    return view


def custodian_reports_between(uow: UnitOfWork, first: dt.date, last: dt.date
                              ) -> list[CustodianView]:  # fmt: skip
    """Every month from ``first`` to ``last``: submitted, signed, or still a draft (a gap the
    ITA pack shows)."""
    months = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    with uow.read() as tx:
        stored = {(r.year, r.month): r for r in tx.session.execute(
            select(CustodianReport)).scalars()}  # fmt: skip
        today = business_date(tx.now())
        return [_view(stored.get((y, m)), y, m, {}) for (y, m) in months
                if dt.date(y, m, 1) <= today]  # fmt: skip


def custodian_report_pdf(uow: UnitOfWork, year: int, month: int) -> bytes:
    """The month's report to the superior: the figures, the asset-use lines, the checks and
    the sign-off as recorded in the app."""
    from desktop_app.services.documents import asset_use_report, doc_setup
    from desktop_app.services.loan_situation import office_of
    from printing.pdf.base import Numerals, Signer
    from printing.pdf.integrity import ReportDoc, TablePart, render_report

    first, last = _check_month(year, month)
    with uow.read() as tx:
        setup = doc_setup(tx)
        r = _find(tx, year, month)
        use = asset_use_report(tx, first, last)
        view = _view(r, year, month, {})
        today = business_date(tx.now())
    office = office_of(setup)
    n = Numerals(thai=office.thai_digits)
    summary = (
        f"ในเดือน{n(month_label(year, month))} มีการยืมพัสดุ {n(use.loans)} ครั้ง รวม {n(use.assets)} "
        f"รายการ ผู้ยืม {n(use.borrowers)} ราย ส่งคืนชำรุด {n(use.damaged)} รายการ สูญหาย "
        f"{n(use.lost)} รายการ ยังไม่ส่งคืน {n(use.not_returned)} รายการ",
    )
    lines = TablePart(
        "รายการการใช้พัสดุในเดือน",
        ("ที่", "หมายเลขพัสดุ", "รายการ", "เลขที่ใบยืม", "ผู้ยืม / หน่วยงาน", "ยืม – กำหนดคืน",
         "ผลการคืน"),
        tuple((n(i), u.asset_no, u.name, u.loan_no,
               u.borrower if u.unit in ("", u.borrower) else f"{u.borrower}\n{u.unit}",
               f"{n.date_numeric_short(u.start)} – {n.date_numeric_short(u.due)}", u.outcome)
              for i, u in enumerate(use.lines, 1)),
        (0.05, 0.16, 0.17, 0.12, 0.2, 0.14, 0.16), "cllllll", "ไม่มีการยืมพัสดุในเดือนนี้",
    )  # fmt: skip
    checks = TablePart(
        "ผลการตรวจสอบที่ได้ดำเนินการ", ("รายละเอียด",),
        tuple((line,) for line in view.checks.split("\n") if line.strip()), (1.0,), "l",
        "ยังไม่ได้ส่งรายงาน",
    )  # fmt: skip
    signed: tuple[str, ...] = ()
    if view.signed_at is not None:
        from desktop_app.domain.thai_time import to_bangkok

        at = to_bangkok(view.signed_at)
        signed = (
            f"ลงนามรับรองในระบบ KhetDesk โดย {view.signed_by_name} "
            f"({view.signed_by_position or view.signed_by}) เมื่อ {n.date(at.date())} "
            f"เวลา {n(at.strftime('%H:%M'))} น.",
            *((f"ความเห็น: {view.sign_note}",) if view.sign_note else ()),
        )
    on = n.date(view.prepared_at.date()) if view.prepared_at else ""
    prepared = Signer("ผู้ดูแลพัสดุ / ผู้รายงาน", view.prepared_by_name or "", "เจ้าหน้าที่พัสดุ",
                      date_text=on)  # fmt: skip
    doc = ReportDoc(
        office, "รายงานผลการตรวจสอบการใช้พัสดุประจำเดือน", f"เดือน{month_label(year, month)}",
        today, summary, (lines, checks), signers=(prepared,), signed_box=signed, wide=True,
    )  # fmt: skip
    return render_report(doc)
