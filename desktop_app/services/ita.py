"""The ITA evidence pack: one folder per fiscal year with the files an assessor asks for on
asset use and complaints (seed ITA items IIT 20–24, 30 and EIT 7), each mapped to the
indicator it supports in ``index.json`` and on a cover PDF.

Every file is written even when its period is empty: an empty register is evidence too
(nothing was lent), and a script can rely on the names. Files are written complete under a
temporary name first (tabular.replacing); the index is written last.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from db.uow import UnitOfWork
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.fiscal import fiscal_year_bounds
from desktop_app.domain.integrity import STATUS_LABELS_TH, CaseStatus
from desktop_app.domain.roles import require
from desktop_app.domain.thai_time import BE_OFFSET, business_date, to_bangkok
from desktop_app.services.auth import Actor
from printing.pdf.integrity import Office

Progress = Callable[[int, int], None]

# The indicators the pack supports, as the ITA form words them (shortened).
INDICATORS: tuple[tuple[str, str], ...] = (
    ("IIT 20", "ขั้นตอนการขออนุญาตยืมทรัพย์สินของราชการสะดวก และแสดงสถานการณ์การยืม (๒๐.๑)"),
    ("IIT 21", "การขอยืมทรัพย์สินของราชการเป็นไปโดยขออนุญาตอย่างถูกต้อง ตามข้อ ๒๐๗–๒๑๑"),
    ("IIT 22", "ทรัพย์สินของราชการใช้เพื่องานราชการ ไม่ใช้เพื่อประโยชน์ส่วนตัว กลุ่ม หรือพวกพ้อง"),
    ("IIT 23", "บุคลากรรู้แนวปฏิบัติของหน่วยงานเกี่ยวกับการใช้ทรัพย์สินของราชการ (๒๓.๑ ๒๓.๒)"),
    ("IIT 24", "หน่วยงานกำกับดูแลและตรวจสอบการใช้ทรัพย์สินของราชการ"),
    ("IIT 30", "บุคลากรร้องเรียนและส่งหลักฐานได้ ติดตามผลได้ มีผู้รับผิดชอบ (๓๐.๑ และ ๒๑.๓)"),
    ("EIT 7", "เผยแพร่ผลงานหรือข้อมูลที่สาธารณชนควรรับทราบ ในรูปแบบไฟล์ที่นำไปวิเคราะห์ต่อได้"),
)

# (file, indicator, title): the pack's contents, in the cover's order.
FILES: tuple[tuple[str, str, str], ...] = (
    ("loan-situation.pdf", "IIT 20",
     "สถานการณ์การยืมพัสดุ ณ วันที่จัดทำ: พัสดุที่ยืมอยู่ หน่วยงานผู้ยืม กำหนดคืน และที่เกินกำหนด"),
    ("loan-register.pdf", "IIT 21",
     "ทะเบียนคุมการยืมพัสดุของปีงบประมาณ: ทุกคำขอ ผู้อนุมัติตามข้อ ๒๐๘ การส่งคืนและการติดตาม"),
    ("loan-register.xlsx", "IIT 22",
     "ทะเบียนคุมการยืม (XLSX) พร้อมวัตถุประสงค์การใช้เพื่องานราชการ (ข้อ ๒๐๗) และสถิติ"),
    ("rules-acknowledgements.pdf", "IIT 23",
     "การประกาศแนวทางการยืมพัสดุและการรับทราบของบุคลากร แยกตามหน่วยงาน"),
    ("rules-acknowledgements.xlsx", "IIT 23",
     "รายชื่อผู้รับทราบแนวทางแต่ละฉบับพร้อมวันเวลา (XLSX)"),
    ("asset-use.pdf", "IIT 24",
     "รายงานการใช้พัสดุ: พัสดุที่ให้ยืม ผู้ยืม วัตถุประสงค์ และผลการส่งคืน"),
    ("custodian-signoffs.pdf", "IIT 24",
     "รายงานประจำเดือนของผู้ดูแลพัสดุต่อผู้บังคับบัญชา และการลงนามรับรองในระบบ (ผู้ลงนาม วันเวลา)"),
    ("custodian-signoffs.xlsx", "IIT 24", "การส่งรายงานและการลงนามรับรองรายเดือน (XLSX)"),
    ("misuse-cases.pdf", "IIT 30",
     "สรุปเรื่องแจ้งเบาะแสการใช้ทรัพย์สินไม่ถูกต้อง: จำนวน สถานะ ระยะเวลาดำเนินการ (ไม่เปิดเผยผู้แจ้ง)"),
    ("misuse-cases.xlsx", "IIT 30", "เรื่องแจ้งเบาะแสรายเรื่อง ไม่มีชื่อผู้แจ้งและเนื้อหา (XLSX)"),
    ("queue-statistics.xlsx", "EIT 7",
     "สถิติการให้บริการคิวของปีงบประมาณ (XLSX วิเคราะห์ต่อได้): จำนวน เวลารอ ตามบริการและเดือน"),
    ("queue-statistics.pdf", "EIT 7", "สรุปสถิติการให้บริการคิวของปีงบประมาณ"),
    ("cover.pdf", "EIT 7", "ปกและสารบัญชุดหลักฐาน: ไฟล์แต่ละไฟล์สนับสนุนตัวชี้วัดใด"),
)  # fmt: skip


@dataclass(frozen=True)
class ItaFile:
    file: str
    indicator: str
    title: str


@dataclass(frozen=True)
class ItaPack:
    dir: str
    fiscal_year: int
    date_from: dt.date
    date_to: dt.date
    files: tuple[ItaFile, ...]
    index: str


def check_fiscal_year(fy: int) -> tuple[dt.date, dt.date]:
    if not 2500 <= fy <= 2700:
        raise InvalidInput(
            f"ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2570 (the fiscal year is a Buddhist Era year such as "
            f"2570, got {str(fy)[:10]})"
        )
    return fiscal_year_bounds(fy)


def _prepare_dir(out: Path) -> None:
    if "\x00" in str(out):
        raise InvalidInput("ชื่อโฟลเดอร์ไม่ถูกต้อง (not a valid folder name)")
    if out.exists() and not out.is_dir():
        raise InvalidInput(f"'{str(out)[:120]}' เป็นไฟล์ ไม่ใช่โฟลเดอร์ (the output is a file)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InvalidInput(
            f"สร้างโฟลเดอร์ '{str(out)[:120]}' ไม่ได้ (cannot create the folder: {e.strerror})"
        ) from None


def _utc_bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[first 00:00, last+1 00:00) in Bangkok, as UTC instants."""
    bkk = dt.timezone(dt.timedelta(hours=7))
    start = dt.datetime.combine(first, dt.time(), bkk).astimezone(dt.UTC)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), bkk).astimezone(dt.UTC)
    return start, end


def build_ita_pack(
    uow: UnitOfWork, actor: Actor, fy: int, out: Path, progress: Progress | None = None
) -> ItaPack:
    """Write the fiscal year's evidence files, the cover and ``index.json`` into ``out``."""
    require(actor.role, "report.ita")
    first, last = check_fiscal_year(fy)
    _prepare_dir(out)
    steps: list[Callable[[], None]] = [
        lambda: _loan_situation(uow, out),
        lambda: _loan_register(uow, out, first, last),
        lambda: _acknowledgements(uow, out, fy, first, last),
        lambda: _asset_use(uow, out, first, last),
        lambda: _custodian(uow, out, fy, first, last),
        lambda: _misuse(uow, out, fy, first, last),
        lambda: _queue(uow, out, first, last),
        lambda: _cover(uow, out, fy, first, last),
    ]
    for i, step in enumerate(steps):
        step()
        if progress is not None:
            progress(i + 1, len(steps) + 1)
    files = tuple(ItaFile(*f) for f in FILES)
    missing = [f.file for f in files if not (out / f.file).is_file()]
    assert not missing, missing  # every step writes its files
    with uow.read() as tx:
        generated = tx.now()
    index = {
        "fiscal_year": fy,
        "date_from": first.isoformat(),
        "date_to": last.isoformat(),
        "generated_at": generated.astimezone(dt.UTC).isoformat(),
        "generated_by": actor.username,
        "indicators": {code: text for code, text in INDICATORS},
        "files": [{"file": f.file, "indicator": f.indicator, "title": f.title} for f in files],
    }
    from desktop_app.services.tabular import write_bytes

    path = out / "index.json"
    write_bytes(path, (json.dumps(index, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    if progress is not None:
        progress(len(steps) + 1, len(steps) + 1)
    return ItaPack(str(out.resolve()), fy, first, last, files, str(path.resolve()))


# ---------------------------------------------------------------- the files


def _office(uow: UnitOfWork) -> tuple[Office, dt.date]:
    from desktop_app.services.documents import doc_setup
    from desktop_app.services.loan_situation import office_of

    with uow.read() as tx:
        return office_of(doc_setup(tx)), business_date(tx.now())


def _loan_situation(uow: UnitOfWork, out: Path) -> None:
    from desktop_app.services.loan_situation import loan_situation_pdf
    from desktop_app.services.tabular import write_bytes

    write_bytes(out / "loan-situation.pdf", loan_situation_pdf(uow))


def _loan_register(uow: UnitOfWork, out: Path, first: dt.date, last: dt.date) -> None:
    from desktop_app.services.documents import loan_register_pdf
    from desktop_app.services.stats_export import export_loans
    from desktop_app.services.tabular import write_bytes

    write_bytes(out / "loan-register.pdf", loan_register_pdf(uow, first, last))
    export_loans(uow, first, last, out / "loan-register.xlsx", "xlsx")


def _asset_use(uow: UnitOfWork, out: Path, first: dt.date, last: dt.date) -> None:
    from desktop_app.services.documents import asset_use_report_pdf
    from desktop_app.services.tabular import write_bytes

    write_bytes(out / "asset-use.pdf", asset_use_report_pdf(uow, first, last))


def _queue(uow: UnitOfWork, out: Path, first: dt.date, last: dt.date) -> None:
    from desktop_app.services.stats_export import export_queue

    export_queue(uow, first, last, out / "queue-statistics.xlsx", "xlsx")
    export_queue(uow, first, last, out / "queue-statistics.pdf", "pdf")


def _period_text(fy: int) -> str:
    first, last = fiscal_year_bounds(fy)
    from printing.pdf.base import Numerals

    n = Numerals(thai=False)
    return f"{n.date(first)} – {n.date(last)}"


def _acknowledgements(uow: UnitOfWork, out: Path, fy: int, first: dt.date,
                      last: dt.date) -> None:  # fmt: skip
    from desktop_app.services.rules import acknowledgements_between, rules_status
    from desktop_app.services.tabular import write_bytes, write_tables
    from printing.pdf.base import Numerals
    from printing.pdf.integrity import ReportDoc, TablePart, render_report

    start, end = _utc_bounds(first, last)
    versions, events = acknowledgements_between(uow, start, end)
    status = rules_status(uow)
    office, today = _office(uow)
    n = Numerals(thai=office.thai_digits)

    def when(at: dt.datetime) -> str:
        local = to_bangkok(at)
        return f"{n.date_numeric_short(local.date())} {n(local.strftime('%H:%M'))}"

    summary = [
        f"ในปีงบประมาณ พ.ศ. {n(fy)} ประกาศแนวทางการยืมพัสดุ {n(len(versions))} ฉบับ "
        f"มีการรับทราบในระบบ {n(len(events))} ครั้ง",
    ]
    if status.version is not None:
        summary.append(
            f"ฉบับปัจจุบัน (ฉบับที่ {n(status.version)} \u201c{status.title}\u201d): รับทราบแล้ว "
            f"{n(len(status.acknowledged))} คน ยังไม่รับทราบ {n(len(status.pending))} คน "
            f"จากผู้ใช้ที่ใช้งานอยู่ {n(len(status.users))} คน"
        )
    else:
        summary.append("ยังไม่มีการประกาศแนวทางการยืมพัสดุในระบบ")
    parts = (
        TablePart("ฉบับที่ประกาศในปีงบประมาณ", ("ฉบับที่", "ชื่อเรื่อง", "ประกาศเมื่อ", "ผู้ประกาศ"),
                  tuple((n(v.version), v.title, when(v.published_at), v.published_by or "-")
                        for v in versions),
                  (0.1, 0.5, 0.2, 0.2), "clll", "ไม่มีการประกาศในปีงบประมาณนี้"),
        TablePart("การรับทราบฉบับปัจจุบัน แยกตามหน่วยงาน",
                  ("หน่วยงาน", "ผู้ใช้", "รับทราบแล้ว", "ยังไม่รับทราบ"),
                  tuple((u.unit, n(u.users), n(u.acknowledged), ", ".join(u.pending) or "-")
                        for u in status.units),
                  (0.35, 0.1, 0.15, 0.4), "lrrl", "ไม่มีผู้ใช้"),
    )  # fmt: skip
    doc = ReportDoc(office, "รายงานการรับทราบแนวทางการยืมพัสดุ",
                    f"ปีงบประมาณ พ.ศ. {n(fy)}", today, tuple(summary), parts)  # fmt: skip
    write_bytes(out / "rules-acknowledgements.pdf", render_report(doc))
    write_tables(out / "rules-acknowledgements.xlsx", [
        ("การรับทราบ", ("ฉบับที่", "ผู้ใช้", "ชื่อ", "หน่วยงาน", "รับทราบเมื่อ"),
         [(e.version, e.username, e.name, e.unit, e.at) for e in events], None),
        ("ฉบับที่ประกาศ", ("ฉบับที่", "ชื่อเรื่อง", "รูปแบบ", "SHA-256", "ประกาศเมื่อ", "ผู้ประกาศ"),
         [(v.version, v.title, v.format, v.sha256, v.published_at, v.published_by)
          for v in versions], None),
        ("สถานะปัจจุบัน", ("ผู้ใช้", "ชื่อ", "หน่วยงาน", "บทบาท", "รับทราบฉบับปัจจุบันเมื่อ"),
         [(u.username, u.name, u.unit, u.role, u.acknowledged_at) for u in status.users], None),
    ], kind="xlsx")  # fmt: skip


def _misuse(uow: UnitOfWork, out: Path, fy: int, first: dt.date, last: dt.date) -> None:
    from desktop_app.services.misuse import case_summary
    from desktop_app.services.tabular import write_bytes, write_tables
    from printing.pdf.base import Numerals
    from printing.pdf.integrity import ReportDoc, TablePart, render_report

    start, end = _utc_bounds(first, last)
    rows = case_summary(uow, start, end)
    office, today = _office(uow)
    n = Numerals(thai=office.thai_digits)
    to_close = [r.days_to_close for r in rows if r.days_to_close is not None]
    to_act = [r.days_to_first_action for r in rows if r.days_to_first_action is not None]

    def avg(values: list[int]) -> str:
        return f"{sum(values) / len(values):.1f}" if values else "-"

    counts = {s: sum(r.status == s.value for r in rows) for s in CaseStatus}
    summary = (
        f"ในปีงบประมาณ พ.ศ. {n(fy)} มีเรื่องแจ้งเบาะแสการใช้ทรัพย์สินของราชการไม่ถูกต้อง "
        f"{n(len(rows))} เรื่อง " + " ".join(f"{STATUS_LABELS_TH[s]} {n(c)}" for s, c in
                                              counts.items()) + " เรื่อง",
        f"ระยะเวลาเฉลี่ยจนถึงการดำเนินการครั้งแรก {n(avg(to_act))}"
        f" วัน จนถึงการยุติเรื่อง {n(avg(to_close))} วัน "
        f"เรื่องที่เกินกำหนดตอบสนองโดยไม่มีผู้ดำเนินการ {n(sum(r.flagged for r in rows))} เรื่อง",
    )  # fmt: skip

    def day(at: dt.datetime | None) -> str:
        return n.date_numeric_short(to_bangkok(at).date()) if at else "-"

    part = TablePart(
        "รายเรื่อง (ไม่แสดงผู้แจ้งและเนื้อหา)",
        ("เลขที่เรื่อง", "รับเรื่อง", "สถานะ", "ดำเนินการครั้งแรก (วัน)", "ยุติ", "ใช้เวลา (วัน)",
         "เชื่อมโยง"),
        tuple((r.case, day(r.created_at), STATUS_LABELS_TH[CaseStatus(r.status)],
               n(r.days_to_first_action) if r.days_to_first_action is not None else "-",
               day(r.closed_at), n(r.days_to_close) if r.days_to_close is not None else "-",
               r.linked) for r in rows),
        (0.17, 0.12, 0.2, 0.14, 0.12, 0.11, 0.14), "lclrcrl", "ไม่มีเรื่องแจ้งในปีงบประมาณนี้",
    )  # fmt: skip
    doc = ReportDoc(office, "สรุปเรื่องแจ้งเบาะแสการใช้ทรัพย์สินของราชการ",
                    f"ปีงบประมาณ พ.ศ. {n(fy)}", today, summary, (part,),
                    notes=("ผู้แจ้งได้รับรหัสติดตามเรื่องและติดตามความคืบหน้าได้โดยไม่ต้องเข้าสู่ระบบ "
                           "เอกสารนี้ไม่เปิดเผยตัวผู้แจ้งและรายละเอียดที่แจ้ง",))  # fmt: skip
    write_bytes(out / "misuse-cases.pdf", render_report(doc))
    write_tables(out / "misuse-cases.xlsx", [(
        "เรื่องแจ้งเบาะแส",
        ("เลขที่เรื่อง", "รับเรื่องเมื่อ", "สถานะ", "ดำเนินการครั้งแรก (วัน)", "ยุติเมื่อ",
         "ใช้เวลาจนยุติ (วัน)", "เกินกำหนดตอบสนอง", "เชื่อมโยง"),
        [(r.case, r.created_at, r.status, r.days_to_first_action, r.closed_at, r.days_to_close,
          r.flagged, r.linked) for r in rows], None,
    )], kind="xlsx")  # fmt: skip


def _custodian(uow: UnitOfWork, out: Path, fy: int, first: dt.date, last: dt.date) -> None:
    from desktop_app.services.custodian import custodian_reports_between
    from desktop_app.services.tabular import write_bytes, write_tables
    from printing.pdf.base import Numerals
    from printing.pdf.integrity import ReportDoc, TablePart, render_report

    months = custodian_reports_between(uow, first, last)
    office, today = _office(uow)
    n = Numerals(thai=office.thai_digits)

    def when(at: dt.datetime | None) -> str:
        if at is None:
            return "-"
        local = to_bangkok(at)
        return f"{n.date_numeric_short(local.date())} {n(local.strftime('%H:%M'))}"

    status_th = {"draft": "ยังไม่ส่ง", "submitted": "ส่งแล้ว รอลงนาม", "signed": "ลงนามรับรองแล้ว"}
    signed = sum(m.status == "signed" for m in months)
    summary = (
        f"ปีงบประมาณ พ.ศ. {n(fy)}: เดือนที่ผ่านมาแล้ว {n(len(months))} เดือน ผู้ดูแลพัสดุส่งรายงาน "
        f"{n(sum(m.status != 'draft' for m in months))} เดือน ผู้บังคับบัญชาลงนามรับรองแล้ว "
        f"{n(signed)} เดือน",
    )  # fmt: skip
    part = TablePart(
        "รายงานประจำเดือน",
        ("เดือน", "สถานะ", "ผู้รายงาน", "ส่งเมื่อ", "ผู้ลงนามรับรอง", "ลงนามเมื่อ"),
        tuple((n(m.label), status_th[m.status], m.prepared_by_name or "-", when(m.prepared_at),
               m.signed_by_name or "-", when(m.signed_at)) for m in months),
        (0.17, 0.17, 0.18, 0.15, 0.18, 0.15), "llllll", "ยังไม่ถึงเดือนแรกของปีงบประมาณ",
    )  # fmt: skip
    doc = ReportDoc(office, "การรายงานของผู้ดูแลพัสดุต่อผู้บังคับบัญชา",
                    f"ปีงบประมาณ พ.ศ. {n(fy)}", today, summary, (part,))  # fmt: skip
    write_bytes(out / "custodian-signoffs.pdf", render_report(doc))
    write_tables(out / "custodian-signoffs.xlsx", [(
        "รายงานผู้ดูแลพัสดุ",
        ("ปี (ค.ศ.)", "เดือน", "สถานะ", "ผู้รายงาน", "ส่งเมื่อ", "ผู้ลงนามรับรอง", "ลงนามเมื่อ",
         "ผลการตรวจสอบ"),
        [(m.year, m.month, m.status, m.prepared_by, m.prepared_at, m.signed_by, m.signed_at,
          m.checks) for m in months], None,
    )], kind="xlsx")  # fmt: skip


def _cover(uow: UnitOfWork, out: Path, fy: int, first: dt.date, last: dt.date) -> None:
    from desktop_app.services.tabular import write_bytes
    from printing.pdf.integrity import CoverDoc, CoverEntry, render_cover

    office, today = _office(uow)
    doc = CoverDoc(
        office, fy, _period_text(fy), today,
        tuple(CoverEntry(*f) for f in FILES), INDICATORS,
        (f"ช่วงเวลา {first.day}/{first.month}/{first.year + BE_OFFSET} – "
         f"{last.day}/{last.month}/{last.year + BE_OFFSET}",),
    )  # fmt: skip
    write_bytes(out / "cover.pdf", render_cover(doc))
