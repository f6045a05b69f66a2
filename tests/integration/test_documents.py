"""The printed documents of the loans through desktop_app.services.documents, on real SQLite
and PostgreSQL: each document from a real loan (its text, embedded fonts, the QR that
opens the loan), the refusals (typed, Thai first, database unchanged), the register and the
asset-use report over a date range with progress, QR label sheets, and the emblem setting.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from PIL import Image

from db.uow import UnitOfWork
from desktop_app.domain.errors import Conflict, InvalidInput, NotFound, RuleViolation
from desktop_app.services import documents, loans
from desktop_app.services.loans import find_loan
from desktop_app.services.settings import set_setting
from printing.pdf.base import thai_digits
from printing.pdf.content import asset_link, loan_link, parse_asset_link, parse_loan_link
from tests.support import pdf_check
from tests.support.db import actor, snapshot
from tests.support.loans import (
    CHAIRS,
    LAPTOP,
    LAPTOP2,
    PAPER,
    PROJECTOR,
    USERS,
    case_request,
    request,
)


@pytest.fixture
def who(office: UnitOfWork) -> dict[str, Any]:
    return {u: actor(office, u) for u in USERS}


def embedded_only(pdf: bytes) -> None:
    fonts = pdf_check.fonts(pdf)
    assert fonts, "no fonts at all"
    assert all(f.embedded and f.truetype for f in fonts), fonts
    assert {f.name.split("+")[-1] for f in fonts} <= {"Sarabun-Regular", "Sarabun-Bold"}


def refused(uow: UnitOfWork, exc: type[Exception], fn: Any, *args: Any) -> Any:
    before = snapshot(uow.engine)
    with pytest.raises(exc) as e:
        fn(*args)
    assert snapshot(uow.engine) == before
    return e.value


def closed_loan(office: UnitOfWork, who: dict[str, Any], clock: Any) -> str:
    """A laptop and a second laptop lent off the premises: one back damaged and repaired,
    the other lost and paid for (17,500 baht)."""
    supply = who["supply"]
    v = request(office, who["staff1"], items=[LAPTOP, LAPTOP2], place_detail="ศาลาประชาคม")
    loans.approve_loan(office, who["director"], v.loan_no)
    clock.advance(days=7)
    loans.hand_over(office, supply, v.loan_no)
    clock.advance(days=7)
    loans.return_items(office, supply, v.loan_no, [f"{LAPTOP}:damaged", f"{LAPTOP2}:lost"],
                       note="จอแตก")  # fmt: skip
    loans.settle_item(office, supply, v.loan_no, LAPTOP, "repair", note="ซ่อมที่ศูนย์บริการ")
    loans.settle_item(office, supply, v.loan_no, LAPTOP2, "pay", receipt="บร 123/2570")
    return v.loan_no


def test_the_loan_record_of_a_real_loan(office, who, clock):
    loan_no = closed_loan(office, who, clock)
    pdf = documents.loan_record_pdf(office, loan_no)
    assert pdf.startswith(b"%PDF-") and pdf_check.page_count(pdf) == 1
    embedded_only(pdf)
    text = pdf_check.text(pdf)
    # Words without stacked marks come out of the PDF as written.
    for word in (loan_no, "ใบยืมพัสดุ", LAPTOP, LAPTOP2, "ศาลาประชาคม", "ผู้อนุมัติ", "๒๔ พฤศจิกายน ๒๕๖๙"):
        assert word in text, word
    [page] = pdf_check.pages(pdf, dpi=150)
    [qr] = pdf_check.qr_codes(page)
    assert qr == loan_link(loan_no) and parse_loan_link(qr) == loan_no
    assert qr.isascii() and "/" not in qr.removeprefix("khetdesk://loan/")
    # The same loan prints the same bytes (fixed creation date and file id).
    assert documents.loan_record_pdf(office, loan_no) == pdf
    # Looked up the way a scanner types it back.
    assert documents.loan_record_pdf(office, parse_loan_link(qr) or "") == pdf


def test_a_request_prints_with_empty_approval_and_return_lines(office, who):
    v = case_request(office, who["supply"], "208(1)")
    pdf = documents.loan_record_pdf(office, v.loan_no)
    text = pdf_check.text(pdf)
    assert v.loan_no in text and "บางกอกน้อย" in text
    embedded_only(pdf)
    refused(office, NotFound, documents.loan_record_pdf, office, "ยม.9999/2570")


def test_the_return_record_with_amounts_in_thai_digits_and_words(office, who, clock):
    v = request(office, who["staff1"], items=[PROJECTOR])
    refused(office, Conflict, documents.return_record_pdf, office, v.loan_no)
    loan_no = closed_loan(office, who, clock)
    pdf = documents.return_record_pdf(office, loan_no)
    embedded_only(pdf)
    text = pdf_check.text(pdf)
    assert "๑๗,๕๐๐.๐๐" in text  # the amount paid for the lost laptop, in Thai digits
    assert "บร 123/2570" in text  # the receipt as typed
    assert "ซ่อมแซม" in text
    content = content_of(office, documents.return_record, loan_no)
    assert content.total_words == "หนึ่งหมื่นเจ็ดพันห้าร้อยบาทถ้วน"
    assert [s.method for s in content.settlements] == ["ซ่อมแซมให้คงสภาพเดิม", "ชดใช้เป็นเงิน"]
    assert content.late_days == 3 and content.open_items == 0  # back on 8 Dec, due 5 Dec
    # With Arabic digits set, the same amount prints as 17,500.00.
    set_setting(office, who["admin"], "document.digits", "arabic")
    assert "17,500.00" in pdf_check.text(documents.return_record_pdf(office, loan_no))


def content_of(office: UnitOfWork, builder: Any, loan_no: str, *args: Any) -> Any:
    """What a document of the loan says (the dataclass the PDF is drawn from)."""
    with office.read() as tx:
        return builder(tx, find_loan(tx, loan_no), *args)


def test_the_follow_up_letter_only_for_an_overdue_loan(office, who, clock):
    supply = who["supply"]
    v = request(office, who["staff1"], items=[PROJECTOR], place="off_premises")
    refused(office, Conflict, documents.followup_letter_pdf, office, v.loan_no)  # not lent yet
    loans.approve_loan(office, who["director"], v.loan_no)
    loans.hand_over(office, supply, v.loan_no)
    e = refused(office, RuleViolation, documents.followup_letter_pdf, office, v.loan_no,
                dt.date(2026, 12, 5))  # fmt: skip
    assert e.clause == "211" and e.message.startswith("ข้อ 211:") and "(clause 211:" in e.message
    loans.record_followup(office, supply, v.loan_no, "โทรแจ้งผู้ยืม", "phone")
    pdf = documents.followup_letter_pdf(office, v.loan_no, dt.date(2026, 12, 9))
    embedded_only(pdf)
    assert pdf_check.page_count(pdf) == 1
    text = pdf_check.text(pdf)
    assert thai_digits(v.loan_no) in text and PROJECTOR in text and "โทรศัพท์" in text
    assert "๙ ธันวาคม ๒๕๖๙" in text  # the letter's date, Buddhist Era in Thai digits
    content = content_of(office, documents.followup_letter, v.loan_no, dt.date(2026, 12, 9))
    assert (content.overdue_days, content.followup_deadline) == (4, dt.date(2026, 12, 12))
    assert content.to == "กนกพร ทองดี"


def test_the_register_and_the_asset_use_report_for_a_date_range(office, who, clock):
    supply = who["supply"]
    closed = closed_loan(office, who, clock)
    paper = case_request(
        office, supply, "210", start=dt.date(2026, 12, 10), due=dt.date(2026, 12, 20)
    )
    loans.approve_loan(office, who["director"], paper.loan_no)
    loans.hand_over(office, supply, paper.loan_no)
    loans.return_items(office, supply, paper.loan_no, [f"{PAPER}:good:10"])
    chairs = request(office, who["staff1"], items=[CHAIRS[0]], place="on_premises",
                     start=dt.date(2027, 1, 5), due=dt.date(2027, 1, 6))  # fmt: skip
    loans.reject_loan(office, who["supplyhead"], chairs.loan_no, "ไม่มีเหตุผลเพียงพอ")

    seen: list[tuple[int, int]] = []
    pdf = documents.loan_register_pdf(office, dt.date(2026, 12, 1), dt.date(2026, 12, 31),
                                      lambda done, total: seen.append((done, total)))  # fmt: skip
    embedded_only(pdf)
    text = pdf_check.text(pdf)
    assert closed in text and paper.loan_no in text and chairs.loan_no not in text
    assert (
        seen and seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
    )
    everything = pdf_check.text(documents.loan_register_pdf(office, None, None))
    assert chairs.loan_no in everything  # rejected, but numbered: it stays in the register
    e = refused(office, InvalidInput, documents.loan_register_pdf, office,
                dt.date(2026, 12, 31), dt.date(2026, 12, 1))  # fmt: skip
    assert "วันสิ้นสุดอยู่ก่อนวันเริ่มต้น" in str(e)  # the statistics' refusal, word for word
    refused(office, InvalidInput, documents.asset_use_report_pdf, office, dt.date(2026, 12, 31),
            dt.date(2026, 12, 1))  # fmt: skip
    # Unlike a statistics range, a register may span any number of years.
    decade = pdf_check.text(documents.loan_register_pdf(office, dt.date(2020, 1, 1),
                                                        dt.date(2029, 12, 31)))  # fmt: skip
    assert closed in decade and chairs.loan_no in decade

    report = documents.asset_use_report_pdf(office, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    embedded_only(report)
    text = pdf_check.text(report)
    assert LAPTOP in text and LAPTOP2 in text and PAPER in text
    with office.read() as tx:
        use = documents.asset_use_report(tx, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert (use.loans, use.assets, use.borrowers, use.damaged, use.lost, use.not_returned) == (
        2, 3, 2, 1, 1, 1
    )  # fmt: skip
    assert use.paid_words == "หนึ่งหมื่นเจ็ดพันห้าร้อยบาทถ้วน"
    outcomes = {u.asset_no: u.outcome for u in use.lines}
    assert outcomes[LAPTOP] == "ชำรุด – ซ่อมแซมให้คงสภาพเดิม"
    assert outcomes[LAPTOP2] == "สูญหาย – ชดใช้เป็นเงิน ๑๗,๕๐๐.๐๐ บาท"
    assert outcomes[PAPER].startswith("คืนแล้ว ๑๐ ยังไม่คืน ๒๐")


def test_qr_label_sheets(office, who):
    pdf, numbers = documents.asset_labels_document(office)
    embedded_only(pdf)
    assert LAPTOP in numbers and PAPER not in numbers  # durable assets only
    assert pdf_check.page_count(pdf) == -(-len(numbers) // 24)
    first = pdf_check.pages(pdf, dpi=200)[0]
    width, height = first.size
    # The top-left label of the sheet: 70 × 37 mm.
    label = first.crop((0, 0, width // 3, height // 8))
    [qr] = pdf_check.qr_codes(label)
    assert qr == asset_link(numbers[0]) and parse_asset_link(qr) == numbers[0]
    chosen = documents.asset_labels_pdf(office, [PROJECTOR, LAPTOP])
    assert pdf_check.page_count(chosen) == 1
    text = pdf_check.text(chosen)
    assert text.index(PROJECTOR) < text.index(LAPTOP)
    refused(office, NotFound, documents.asset_labels_pdf, office, [LAPTOP, "9999-999-9999"])
    refused(office, InvalidInput, documents.asset_labels_pdf, office, [])


def test_the_emblem_setting(office, who, tmp_path):
    admin = who["admin"]
    v = request(office, who["staff1"], items=[LAPTOP])
    plain = documents.loan_record_pdf(office, v.loan_no)
    assert pdf_check.images_on_page(plain) == 0
    emblem = tmp_path / "garuda.png"
    image = Image.new("RGB", (120, 130), "white")
    image.paste((120, 80, 0), (20, 20, 100, 110))
    out = io.BytesIO()
    image.save(out, format="PNG")
    emblem.write_bytes(out.getvalue())
    set_setting(office, admin, "document.emblem_path", str(emblem))
    with_emblem = documents.loan_record_pdf(office, v.loan_no)
    assert pdf_check.images_on_page(with_emblem) == 1
    assert pdf_check.page_count(with_emblem) == 1
    with pytest.raises(InvalidInput):
        set_setting(office, admin, "document.emblem_path", str(tmp_path / "garuda.gif"))
    set_setting(office, admin, "document.emblem_path", str(tmp_path / "gone.png"))
    e = refused(office, InvalidInput, documents.loan_record_pdf, office, v.loan_no)
    assert "document.emblem_path" in e.message
    (tmp_path / "fake.png").write_bytes(b"not an image")
    set_setting(office, admin, "document.emblem_path", str(tmp_path / "fake.png"))
    refused(office, InvalidInput, documents.loan_record_pdf, office, v.loan_no)


def test_the_follow_up_to_our_own_staff_is_a_memo_with_a_typed_number(office, who):
    """Issue 19 item 15: an internal memo (บันทึกข้อความ) for the office's own staff, an
    external letter for another agency; the outgoing number typed in (or left to be
    written in from the register), in the document's one digit style."""
    supply = who["supply"]
    v = request(office, who["staff1"], items=[PROJECTOR], place="off_premises")
    loans.approve_loan(office, who["director"], v.loan_no)
    loans.hand_over(office, supply, v.loan_no)
    day = dt.date(2026, 12, 9)
    memo = pdf_check.text(documents.followup_letter_pdf(office, v.loan_no, day, "กท 5201/77"))
    assert "บันทึกข้อความ" in memo and "ส่วนราชการ" in memo
    assert "ขอแสดงความนับถือ" not in memo  # a memo has no closing formula
    assert "กท ๕๒๐๑/๗๗" in memo and "5201" not in memo  # one digit style
    assert f"/{v.loan_no}" not in memo  # never numbered from the loan number
    blank = pdf_check.text(documents.followup_letter_pdf(office, v.loan_no, day))
    assert "......" in blank  # written in from the office's correspondence register


def test_the_follow_up_to_another_agency_is_an_external_letter(office, who):
    supply = who["supply"]
    v = request(office, supply, items=[PROJECTOR], place="off_premises", borrower_type="agency",
                borrower="โรงเรียนวัดนาคปรก", borrower_user=None)  # fmt: skip
    loans.approve_loan(office, who["director"], v.loan_no)
    loans.hand_over(office, supply, v.loan_no)
    letter = pdf_check.text(documents.followup_letter_pdf(office, v.loan_no, dt.date(2026, 12, 9)))
    assert "ขอแสดงความนับถือ" in letter and "บันทึกข้อความ" not in letter
