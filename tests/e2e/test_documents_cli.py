"""Documents through the real `khetdesk` program, on SQLite and PostgreSQL: `loan print`
(the loan record, the return record, the follow-up letter), `asset labels` (A4 QR sheets)
and `asset label-print` (one label on a fake network thermal printer, its QR scanned back
from the raster that arrived)."""

from __future__ import annotations

from pathlib import Path

import zxingcpp

from printing.pdf.content import asset_link, loan_link, parse_loan_link
from tests.e2e.runner import ok_json, run
from tests.support import pdf_check
from tests.support.loans import LAPTOP, PROJECTOR, TENT
from tests.support.printer_fake import fake_printer, job_commands

PW = "demo"
REQUEST = ("loan", "request", "--borrower-type", "person", "--borrower", "กนกพร ทองดี",
           "--borrower-user", "staff1", "--purpose", "อบรมอาสาสมัคร", "--official-use",
           "--place", "off_premises", "--place-detail", "ศาลาประชาคม",
           "--start", "2026-12-01", "--due", "2026-12-05")  # fmt: skip


def as_(url: str, user: str, *args: str, json: bool = True):
    return run(url, *args, as_user=user, password=PW, json=json)


def test_loan_documents_from_request_to_return(office_url: str, tmp_path: Path) -> None:
    url = office_url
    loan = ok_json(as_(url, "staff1", *REQUEST, "--item", LAPTOP, "--item", TENT))["loan_no"]
    record = tmp_path / "record.pdf"
    printed = ok_json(run(url, "loan", "print", loan, "--out", str(record)))
    assert printed == {"loan_no": loan, "document": "record", "file": str(record),
                       "bytes": record.stat().st_size}  # fmt: skip
    assert record.read_bytes().startswith(b"%PDF-")
    assert all(f.embedded for f in pdf_check.fonts(record.read_bytes()))
    text = pdf_check.text(record.read_bytes())
    assert loan in text and LAPTOP in text and TENT in text and "ศาลาประชาคม" in text
    [qr] = pdf_check.qr_codes(pdf_check.pages(record.read_bytes(), dpi=150)[0])
    assert qr == loan_link(loan) and parse_loan_link(qr) == loan

    ok_json(as_(url, "director", "loan", "approve", loan))
    ok_json(as_(url, "supply", "loan", "handover", loan))
    letter = tmp_path / "letter.pdf"
    sent = ok_json(run(url, "loan", "print", loan, "--doc", "followup", "--as-of", "2026-12-09",
                       "--out", str(letter)))  # fmt: skip
    assert sent["document"] == "followup" and letter.exists()
    assert "๙ ธันวาคม ๒๕๖๙" in pdf_check.text(letter.read_bytes())

    ok_json(as_(url, "supply", "loan", "return", loan, "--item", f"{LAPTOP}:good",
                "--item", f"{TENT}:damaged", "--note", "ผ้าใบขาด"))  # fmt: skip
    back = tmp_path / "return.pdf"
    human = as_(url, "supply", "loan", "print", loan, "--doc", "return", "--out", str(back),
                json=False)  # fmt: skip
    assert human.code == 0 and human.err == ""
    assert human.out.startswith(f"บันทึกการรับคืนและตรวจสภาพพัสดุ {loan}: ")
    assert str(back) in human.out
    assert TENT in pdf_check.text(back.read_bytes())


def test_label_sheets(office_url: str, tmp_path: Path) -> None:
    url = office_url
    sheet = tmp_path / "labels.pdf"
    every = ok_json(run(url, "asset", "labels", "--out", str(sheet)))
    assert every["labels"] == len(every["assets"]) and every["sheets"] == -(-every["labels"] // 24)
    assert LAPTOP in every["assets"] and every["file"] == str(sheet)
    assert pdf_check.page_count(sheet.read_bytes()) == every["sheets"]
    two = tmp_path / "two.pdf"
    chosen = ok_json(run(url, "asset", "labels", "--asset", PROJECTOR, "--asset", LAPTOP,
                         "--out", str(two)))  # fmt: skip
    assert chosen["assets"] == [PROJECTOR, LAPTOP] and chosen["sheets"] == 1
    codes = pdf_check.qr_codes(pdf_check.pages(two.read_bytes(), dpi=150)[0])
    assert sorted(codes) == sorted([asset_link(PROJECTOR), asset_link(LAPTOP)])


def test_one_label_on_the_thermal_printer(office_url: str) -> None:
    url = office_url
    with fake_printer() as fp:
        assert ok_json(as_(url, "admin", "settings", "set", "printer.connection", fp.url))
        assert ok_json(as_(url, "admin", "settings", "set", "printer.width_dots", "384"))
        printed = ok_json(as_(url, "supply", "asset", "label-print", LAPTOP))
        [job] = fp.wait_for_jobs(1)
    assert printed["asset_no"] == LAPTOP and printed["width_dots"] == 384
    commands = job_commands(job)
    assert [c.name for c in commands] == ["init", "raster", "cut"]
    raster = commands[1].raster
    assert raster is not None and raster.width == 384
    found = zxingcpp.read_barcodes(raster.to_pil().convert("L"))
    assert [f.text for f in found] == [asset_link(LAPTOP)]
