"""`report queue` and `report loans` through the real program (CLI.md, "Records"), on SQLite
and PostgreSQL: the exported CSV and XLSX, read back with csv and openpyxl, hold the numbers
the service computes (BOM present, dates as real dates); the PDFs are PDFs; bad arguments
are refused with a clear error and no file written."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services.stats_loans import loan_stats
from desktop_app.services.stats_queue import queue_stats
from tests.e2e.runner import FORBIDDEN, INVALID, USAGE, lines, ok_json, run
from tests.integration.test_stats_loans import worked_loans
from tests.integration.test_stats_queue import DAY, worked_day
from tests.support.db import FakeClock

BOM = b"\xef\xbb\xbf"


@pytest.fixture
def worked_office(office_url: str) -> str:
    """The demo office with the hand-worked queue day (24 Nov 2026) and loans (Dec 2026)."""
    engine = make_engine(office_url)
    try:
        clock = FakeClock()
        uow = UnitOfWork(engine, clock=clock)
        worked_day(uow, clock)
        worked_loans(uow, clock)
    finally:
        engine.dispose()
    return office_url


def _stats(url: str):
    engine = make_engine(url)
    try:
        uow = UnitOfWork(engine)
        return queue_stats(uow, DAY), loan_stats(uow)  # today, as the program sees it
    finally:
        engine.dispose()


# The documents write numbers as the office chooses (document.digits, Thai by default): the
# figures are compared in Arabic digits.
ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def flat_text(pdf: Path) -> str:
    """The PDF's text with every run of white space one space (lines wrap in table cells)
    and SARA AM as one character (pypdf gives NIKHAHIT + SARA AA)."""
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    return " ".join(text.replace("\u0e4d\u0e32", "\u0e33").translate(ARABIC).split())


def _num(text: str) -> float | None:
    return float(text) if text != "" else None


def test_queue_report_in_every_format(worked_office: str, tmp_path: Path):
    stats, _ = _stats(worked_office)
    out = tmp_path / "queue.csv"
    j = ok_json(run(worked_office, "report", "queue", "--date", "2026-11-24", "--format", "csv",
                    "--out", str(out)))  # fmt: skip
    assert (j["file"], j["format"], j["report"], j["date_from"], j["date_to"]) == (
        str(out), "csv", "queue", "2026-11-24", "2026-11-24")  # fmt: skip
    assert j["summary"]["issued"] == 6 and j["summary"]["wait_median_min"] == 15.0
    raw = out.read_bytes()
    assert raw.startswith(BOM)  # Excel on a Thai PC needs it to read UTF-8
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    assert header[0] == "ตาราง (table)" and "ออกบัตรคิว (issued)" in header
    assert len(body) == j["rows"]
    col = {name.split("(")[-1].rstrip(")"): i for i, name in enumerate(header)}
    by_table: dict[str, dict[str, list[str]]] = {}
    for r in body:
        by_table.setdefault(r[col["table"]], {})[r[col["key"]]] = r
    total = by_table["total"]["total"]
    assert (total[col["date_from"]], total[col["date_to"]]) == ("2026-11-24", "2026-11-24")
    for name, rows_ in (("total", (stats.total,)), ("service", stats.by_service),
                        ("counter", stats.by_counter), ("hour", stats.by_hour),
                        ("priority", stats.by_priority)):  # fmt: skip
        for r in rows_:
            line = by_table[name][r.key]
            assert [int(line[col[k]]) for k in ("issued", "served", "no_show", "out_of_order")] \
                == [r.issued, r.served, r.no_show, r.picked]  # fmt: skip
            assert _num(line[col["wait_median_min"]]) == r.wait_median_min
            assert _num(line[col["service_p90_min"]]) == r.service_p90_min
    # The out-of-order call is in the CSV too, with its details, at Bangkok wall-clock time.
    (pick,) = by_table["picks"].values()
    assert [pick[col[k]] for k in ("key", "label", "out_of_order", "wait_max_min", "called_at",
                                   "counter", "username", "reason", "next_in_order")] == [
        "A004", "A", "1", "16.0", "2026-11-24 09:20:00", "2", "clerk2", "ผู้ป่วยนั่งรถเข็น", "A003"
    ]  # fmt: skip
    assert by_table["pickers"]["clerk2"][col["out_of_order"]] == "1"

    xlsx = tmp_path / "queue.xlsx"
    ok_json(run(worked_office, "report", "queue", "--date", "2026-11-24", "--format", "xlsx",
                "--out", str(xlsx)))  # fmt: skip
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["สรุปรวม", "ตามบริการ", "ตามช่องบริการ", "ตามชั่วโมง", "ตามวัน",
                             "คิวพิเศษและทั่วไป", "เรียกข้ามคิว", "ผู้เรียกข้ามคิว"]  # fmt: skip
    summary = list(wb["สรุปรวม"].iter_rows(values_only=True))
    assert summary[1][0] == dt.datetime(2026, 11, 24)  # a date cell, not text
    assert wb["สรุปรวม"]["A2"].is_date and wb["สรุปรวม"]["A2"].number_format == "yyyy-mm-dd"
    services = {r[0]: r for r in wb["ตามบริการ"].iter_rows(min_row=2, values_only=True)}
    a = next(r for r in stats.by_service if r.key == "A")
    assert services["A"][2:8] == (a.issued, a.served, a.no_show, a.unfinished, a.transferred,
                                  a.picked)  # fmt: skip
    assert services["A"][8] == a.wait_median_min and isinstance(services["A"][8], int | float)
    assert wb["ตามบริการ"]["I2"].number_format == "0.0"  # minutes, one decimal
    assert services["A"][14] == pytest.approx(a.within_standard_share, abs=1e-4)
    assert wb["ตามบริการ"]["O2"].number_format == "0.0%"
    assert wb["ตามบริการ"].column_dimensions["B"].width == 28
    picks = list(wb["เรียกข้ามคิว"].iter_rows(min_row=2, values_only=True))
    assert [(p[1], p[6], p[7], p[9]) for p in picks] == [("A004", "ผู้ป่วยนั่งรถเข็น", "clerk2", "A003")]
    assert picks[0][4] == dt.datetime(2026, 11, 24, 9, 20)  # Bangkok wall-clock time

    pdf = tmp_path / "queue.pdf"
    j = ok_json(run(worked_office, "report", "queue", "--month", "2026-11", "--format", "pdf",
                    "--out", str(pdf)))  # fmt: skip
    assert (j["date_from"], j["date_to"]) == ("2026-11-01", "2026-11-30")
    assert pdf.read_bytes().startswith(b"%PDF") and j["bytes"] == pdf.stat().st_size
    # The figures of the hand-worked day (tests/integration/test_stats_queue.py), as printed.
    text = flat_text(pdf)
    for expected in (
        "สรุปสถิติการให้บริการคิว เดือน พ.ย. 2569",
        "ออกบัตรคิว 6 ใบ ให้บริการแล้ว 3 ราย ไม่มาตามเรียก 1 ราย ค้าง 2 ราย โอนบริการ 1 ราย",
        "เวลารอ: มัธยฐาน 15.0 นาที เปอร์เซ็นไทล์ที่ 90 16.0 นาที สูงสุด 16.0 นาที",
        "เวลาให้บริการ: มัธยฐาน 6.0 นาที เปอร์เซ็นไทล์ที่ 90 20.0 นาที ภายในเวลามาตรฐาน 66.7%",
        "เรียกข้ามคิว 1 ครั้ง",
        # by service: issued, served, no-show, wait median, p90, max, service median, share
        "A งานทะเบียนราษฎร 4 2 1 15.0 16.0 16.0 12.5 50.0%",
        "B บัตรประจำตัว ประชาชน 1 1 0 7.0 7.0 7.0 6.0 100.0%",
        "09:00–09:59 6 3 1 15.0 16.0 16.0 6.0 66.7%",
        "ช่องบริการ 1 2 1 1 11.0 15.0 15.0 6.0 100.0%",
        "ช่องบริการ 2 2 2 0 15.5 16.0 16.0 12.5 50.0%",
        "ผู้สูงอายุ 1 1 0 7.0 7.0 7.0 - 100.0% คิวทั่วไป 5 2 1 15.0 16.0 16.0 - 50.0%",
        "สมศักดิ์ รักงาน (clerk2) 1 ครั้ง",
        "24 พ.ย. 2569 A004 2 ผู้ป่วยนั่งรถเข็น สมศักดิ์ รักงาน A003",
    ):
        assert expected in text, expected

    human = run(worked_office, "report", "queue", "--from", "2026-11-24", "--to", "2026-11-25",
                "--format", "csv", "--out", str(tmp_path / "h.csv"), json=False)  # fmt: skip
    assert human.code == 0, human.err
    assert "ออกบัตร 6" in human.out and human.err == ""


def test_loans_report_csv_and_xlsx(worked_office: str, tmp_path: Path):
    _, stats = _stats(worked_office)
    out = tmp_path / "loans.csv"
    j = ok_json(run(worked_office, "report", "loans", "--from", "2026-12-01", "--to",
                    "2026-12-31", "--format", "csv", "--out", str(out)))  # fmt: skip
    assert out.read_bytes().startswith(BOM)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == j["rows"] == 7  # one per loan item: L1–L6 and L8
    assert [r["วันที่ยืม (start)"] for r in rows][:1] == ["2026-12-01"]
    paper = next(r for r in rows if r["จำนวน (qty)"] == "30")
    assert paper["ประเภทผู้ยืม (borrower_type)"] == "agency"
    assert j["summary"]["requests"] == 7 and j["summary"]["lent"] == 5

    xlsx = tmp_path / "loans.xlsx"
    j = ok_json(run(worked_office, "report", "loans", "--format", "xlsx", "--out", str(xlsx)))
    wb = load_workbook(xlsx)
    assert wb.sheetnames[0] == "ทะเบียนคุมการยืม" and len(wb.sheetnames) == 9
    register = list(wb["ทะเบียนคุมการยืม"].iter_rows(min_row=2, values_only=True))
    assert len(register) == 8 and all(isinstance(r[2], dt.datetime) for r in register)
    summary = next(iter(wb["สรุป"].iter_rows(min_row=2, values_only=True)))
    r = stats.returns
    assert summary[3:8] == (stats.total.requests, r.lent, r.returned, r.on_time, r.late)
    assert summary[8] == pytest.approx(r.on_time_rate, abs=1e-4)
    months = [row[:4] for row in wb["ตามเดือน"].iter_rows(min_row=2, values_only=True)]
    assert months == [(m.key, m.label, m.requests, m.lent) for m in stats.by_month]
    overdue = list(wb["เกินกำหนดและการติดตาม"].iter_rows(min_row=2, values_only=True))
    assert [o[8] for o in overdue] == [o.outcome for o in stats.overdue]
    settlements = {row[0]: row for row in wb["การชดใช้"].iter_rows(min_row=2, values_only=True)}
    assert settlements["pay"][3] == 1000  # a number, in a money format
    assert wb["การชดใช้"]["D4"].number_format == "#,##0.00"
    assert j["summary"]["followup_missed"] == stats.followups.missed


def test_loans_register_and_asset_use_pdfs(worked_office: str, tmp_path: Path):
    from pypdf import PdfReader

    listing = tmp_path / "loans.csv"
    ok_json(run(worked_office, "report", "loans", "--from", "2026-12-01", "--to", "2026-12-31",
                "--format", "csv", "--out", str(listing)))  # fmt: skip
    with listing.open(encoding="utf-8-sig", newline="") as f:
        register_rows = list(csv.DictReader(f))
    numbers = {r["เลขที่ใบยืม (loan_no)"] for r in register_rows}
    assert len(numbers) == 7
    # Who decided, and what: the rejected car's director is not listed as its approver.
    decided = {(r["สถานะ (status)"], r["ผลการพิจารณา (decision)"], r["ผู้พิจารณา (decided_by)"])
               for r in register_rows}  # fmt: skip
    assert ("rejected", "rejected", "ธนพล ศรีสุข") in decided
    assert ("cancelled", "", "") in decided and ("closed", "approved", "ธนพล ศรีสุข") in decided
    assert "ผู้อนุมัติ (approved_by)" not in register_rows[0]
    rejected = next(
        r["เลขที่ใบยืม (loan_no)"] for r in register_rows if r["สถานะ (status)"] == "rejected"
    )
    register, use = tmp_path / "register.pdf", tmp_path / "use.pdf"
    j = ok_json(run(worked_office, "report", "loans", "--from", "2026-12-01", "--to",
                    "2026-12-31", "--format", "pdf", "--out", str(register)))  # fmt: skip
    assert j["format"] == "pdf" and j["bytes"] == register.stat().st_size
    j = ok_json(run(worked_office, "report", "asset-use", "--from", "2026-12-01", "--to",
                    "2026-12-31", "--out", str(use)))  # fmt: skip
    assert j["report"] == "asset-use" and j["bytes"] == use.stat().st_size
    # Every loan of the period is in the register (no gap in the numbers); the asset-use
    # report lists the loans that were lent (not the refused or cancelled requests).
    text = "".join(page.extract_text() for page in PdfReader(register).pages).translate(ARABIC)
    assert {n for n in numbers if n in text} == numbers
    # Exactly the five loans handed over in December (L1–L4 and L8 of worked_loans): not the
    # refused car (0005), the cancelled chair (0006) nor the chair lent in January (0007).
    text = flat_text(use)
    assert sorted(re.findall(r"ยม\.\d{4}/\d{4}", text)) == [
        "ยม.0001/2570", "ยม.0002/2570", "ยม.0003/2570", "ยม.0004/2570", "ยม.0008/2570"
    ]  # fmt: skip
    assert (
        "มีการยืมพัสดุ ๕ ครั้ง รวม ๕ รายการ ผู้ยืม ๓ ราย ส่งคืนชำรุด ๑ รายการ สูญหาย ๑ รายการ "
        "ยังไม่ส่งคืน ๒ รายการ ได้รับชดใช้เป็นเงินรวม ๑,๐๐๐.๐๐ บาท (หนึ่งพันบาทถ้วน)"
    ).translate(ARABIC) in text
    assert "ยม.0008/2570 สำนักงานเขตบางกอก ใหญ่" in text and "30 รีม" in text
    assert "09/12/69 8 สูญหาย – ชดใช้เป็นเงิน 1,000.00 บาท" in text  # the tent, 8 days late
    assert not list(tmp_path.glob("*.part"))

    # --contents summary: the statistics window's summary with charts instead of the register
    # (--contents register is the default, the same file).
    summary, explicit = tmp_path / "summary.pdf", tmp_path / "register2.pdf"
    j = ok_json(run(worked_office, "report", "loans", "--from", "2026-12-01", "--to",
                    "2026-12-31", "--format", "pdf", "--contents", "summary",
                    "--out", str(summary)))  # fmt: skip
    assert (j["report"], j["format"], j["bytes"]) == (
        "loans-summary",
        "pdf",
        summary.stat().st_size,
    )
    assert j["summary"]["requests"] == 7 and summary.read_bytes().startswith(b"%PDF")
    pages = PdfReader(summary).pages
    text = "".join(page.extract_text() for page in pages)
    # Figures that do not depend on today's date (the program's clock is the real one).
    text = flat_text(summary)
    for expected in (
        "สรุปสถิติการยืมพัสดุ เดือน ธ.ค. 2569",
        "คำขอยืม 7 รายการ ยืมจริง 5 ไม่อนุมัติ 1 ยกเลิก 1 คืนแล้ว 3 คืนตรงเวลา 1 (33.3%) ยังไม่คืน 2",
        "ฝ่ายพัฒนาชุมชน 5 3 1 1 สำนักงานเขตบางกอกน้อย 1 1 0 0 สำนักงานเขตบางกอกใหญ่ 1 1 0 0",
        "ชำรุด 1 ครั้ง จำนวน 1 สูญหาย 1 ครั้ง จำนวน 1",
        "ชดใช้เป็นเงิน 1 รายการ เป็นเงิน 1,000.00 บาท ยังไม่ชดใช้ 0 รายการ",
        "7530-001-0001 กระดาษถ่ายเอกสาร A4 80 แกรม 1 30",
    ):
        assert expected in text, expected
    assert rejected not in text  # no register: a refused request is only counted
    assert any(len(p.images) for p in pages)  # the monthly bar chart, drawn as an image
    j = ok_json(run(worked_office, "report", "loans", "--from", "2026-12-01", "--to",
                    "2026-12-31", "--format", "pdf", "--contents", "register",
                    "--out", str(explicit)))  # fmt: skip
    assert j["report"] == "loans"
    text = "".join(page.extract_text() for page in PdfReader(explicit).pages)
    assert {n for n in numbers if n in text} == numbers


def test_bad_arguments_are_refused_and_nothing_is_written(shared_office: str, tmp_path: Path):
    out = tmp_path / "r.csv"
    cases = [
        (("report", "queue", "--date", "2026-13-01", "--format", "csv"), INVALID),
        (("report", "queue", "--date", "24/11/2569", "--format", "csv"), INVALID),
        (("report", "queue", "--format", "csv"), USAGE),  # no day given
        (
            ("report", "queue", "--date", "2026-11-24", "--month", "2026-11", "--format", "csv"),
            USAGE,
        ),
        (("report", "queue", "--month", "2026-13", "--format", "csv"), INVALID),
        (
            ("report", "queue", "--from", "2026-11-25", "--to", "2026-11-01", "--format", "csv"),
            INVALID,
        ),
        (("report", "queue", "--date", "2026-11-24", "--format", "docx"), USAGE),
        (
            ("report", "loans", "--from", "2026-12-31", "--to", "2026-12-01", "--format", "csv"),
            INVALID,
        ),
        (("report", "loans", "--format", "xlsx"), USAGE),  # no --out
        (("report", "loans", "--format", "csv", "--contents", "summary"), USAGE),  # PDF only
        (("report", "loans", "--format", "pdf", "--contents", "charts"), USAGE),
        (("report", "asset-use", "--from", "2026-12-31", "--to", "2026-12-01"), INVALID),
    ]
    for args, expected in cases:
        full = [*args] if "--out" in args or args[-1] == "xlsx" else [*args, "--out", str(out)]
        if args == ("report", "loans", "--format", "xlsx"):
            full = list(args)
        result = run(shared_office, *full)
        (code,) = expected
        assert result.code == code, (args, result.err)
        err = lines(result.err)
        assert len(err) == 1 and '"error": "' + next(iter(expected[code])) + '"' in err[0], err
        assert not out.exists() and not list(tmp_path.iterdir()), args
    missing = tmp_path / "no-such-folder" / "r.xlsx"
    result = run(shared_office, "report", "queue", "--date", "2026-11-24", "--format", "xlsx",
                 "--out", str(missing))  # fmt: skip
    assert result.code == 3 and "folder" in result.err and not missing.parent.exists()
    result = run(shared_office, "report", "queue", "--date", "2026-11-24", "--format", "xlsx",
                 "--out", str(tmp_path))  # fmt: skip
    assert result.code == 3 and "folder" in result.err
    # A clerk may not take the statistics out; a head may.
    result = run(shared_office, "--as", "clerk1", "report", "queue", "--date", "2026-11-24",
                 "--format", "csv", "--out", str(out), password="demo")  # fmt: skip
    assert result.code == 4 and '"forbidden"' in result.err and not out.exists()
    assert result.code in FORBIDDEN
    ok_json(run(shared_office, "report", "queue", "--date", "2026-11-24", "--format", "csv",
                "--out", str(out), as_user="director", password="demo"))  # fmt: skip
    assert out.exists()
