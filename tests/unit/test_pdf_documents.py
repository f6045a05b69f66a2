"""Each document as a person would check it: the pages compared with golden images (looked
at by a person; rewrite with ``KHETDESK_UPDATE_GOLDEN=1 pytest tests/unit/test_pdf_documents.py``
and look again), every font embedded, the text that extracts, the QR codes decoded,
deterministic bytes. The contents are fixed (tests/support/pdf_samples.py).

Extraction: HarfBuzz puts some marks in alternate glyphs (a stacked ่ over ี in ที่, a
lowered tone mark, ป with a shifted vowel, ำ split in two) that the PDF maps to private-use
characters, so only words without such marks are looked for; the golden images check the
rest."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from printing.pdf.asset_labels import PER_SHEET, render_label_sheet
from printing.pdf.asset_use import render_asset_use_report
from printing.pdf.content import asset_link, loan_link, parse_asset_link
from printing.pdf.followup_letter import render_followup_letter
from printing.pdf.loan_record import render_loan_record
from printing.pdf.loan_register import render_loan_register
from printing.pdf.return_record import render_return_record
from tests.support import pdf_check
from tests.support import pdf_samples as S

DOCUMENTS: dict[str, Callable[[], bytes]] = {
    "loan-record": lambda: render_loan_record(S.loan_record()),
    "return-record": lambda: render_return_record(S.return_record()),
    "followup-letter": lambda: render_followup_letter(S.followup_letter()),
    "loan-register": lambda: render_loan_register(S.loan_register(20)),
    "asset-use": lambda: render_asset_use_report(S.asset_use_report()),
    "asset-labels": lambda: render_label_sheet(S.label_sheet(26)),
}
PAGES = {"loan-record": 1, "return-record": 1, "followup-letter": 1, "loan-register": 2,
         "asset-use": 1, "asset-labels": 2}  # fmt: skip


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {name: make() for name, make in DOCUMENTS.items()}


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_pages_match_their_golden_images(rendered, name):
    images = pdf_check.pages(rendered[name])
    assert len(images) == PAGES[name]
    for i, image in enumerate(images, 1):
        pdf_check.check_golden(image, f"pdf-{name}-{i}")


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_only_embedded_sarabun_and_the_same_bytes_every_time(rendered, name):
    pdf = rendered[name]
    fonts = pdf_check.fonts(pdf)
    assert {f.name.split("+")[-1] for f in fonts} <= {"Sarabun-Regular", "Sarabun-Bold"}
    assert fonts and all(f.embedded and f.truetype for f in fonts), fonts
    assert DOCUMENTS[name]() == pdf


def test_loan_record_text_and_qr(rendered):
    pdf = rendered["loan-record"]
    text = pdf_check.text(pdf)
    for word in ("ใบยืมพัสดุ", S.LOAN_NO, "7440-001-0001/2566", "6730-002-0001/2565",
                 "นางสาวกนกพร ทองดี", "๒๔ พฤศจิกายน ๒๕๖๙", "(ข้อ ๒๐๗)", "(ข้อ ๒๐๙)",
                 "ผู้ยืม", "ผู้อนุมัติ", "ผู้จ่ายพัสดุ", "ผู้รับคืน", "การส่งคืน"):  # fmt: skip
        assert word in text, word
    [page] = pdf_check.pages(pdf, dpi=150)
    assert pdf_check.qr_codes(page) == [loan_link(S.LOAN_NO)]


def test_return_record_amounts_in_thai_digits(rendered):
    text = pdf_check.text(rendered["return-record"])
    assert "๑๗,๕๐๐.๐๐" in text and "๒๕,๐๐๐.๐๐" in text  # paid, and the price in the working
    assert "สูญหาย" in text and "0123/2570" in text  # the receipt as typed


def test_arabic_digits_when_the_office_prefers_them():
    doc = S.return_record()
    arabic = dataclasses.replace(doc, setup=dataclasses.replace(doc.setup, thai_digits=False))
    text = pdf_check.text(render_return_record(arabic))
    assert "17,500.00" in text and "๑๗,๕๐๐" not in text


def test_followup_letter_parts(rendered):
    text = pdf_check.text(rendered["followup-letter"])
    for word in ("เรียน", "อ้างถึง", "ขอแสดงความนับถือ", S.LOAN_NO, "๘ ธันวาคม ๒๕๖๙",
                 "ภายใน ๗ วัน", "๔๓,๐๐๐.๐๐"):  # fmt: skip
        assert word in text.replace("\n", " "), word


def test_register_repeats_its_heads_and_counts(rendered):
    pdf = rendered["loan-register"]
    text = pdf_check.text(pdf)
    assert text.count("ผู้อนุมัติ") == pdf_check.page_count(pdf)  # a column head
    for i in (1, 20):
        assert f"ยม.{i:04d}/2570" in text
    assert "รวม" in text


def test_labels_carry_decodable_qr_codes(rendered):
    pdf = rendered["asset-labels"]
    first = pdf_check.pages(pdf, dpi=150)[0]
    codes = pdf_check.qr_codes(first)
    labels = S.label_sheet(26).labels
    assert sorted(codes) == sorted(asset_link(label.asset_no) for label in labels[:PER_SHEET])
    assert {parse_asset_link(c) for c in codes} == {label.asset_no for label in labels[:24]}
    text = pdf_check.text(pdf)
    assert all(label.asset_no in text for label in labels)


def test_a_name_too_long_for_a_label_is_shortened_not_spilled():
    sheet = S.label_sheet(1)
    long_name = "เครื่องคอมพิวเตอร์โน้ตบุ๊กสำหรับงานประมวลผลแบบที่สองพร้อมกระเป๋าและเมาส์ไร้สายและแท่นวาง"
    label = dataclasses.replace(sheet.labels[0], name=long_name)
    pdf = render_label_sheet(dataclasses.replace(sheet, labels=(label,)))
    [page] = pdf_check.pages(pdf, dpi=150)
    [qr] = pdf_check.qr_codes(page)
    assert qr == label.qr
    width, height = page.size
    # Nothing is drawn below the first label (37.1 mm): the text stayed inside it.
    below = page.crop((0, height // 8 + 2, width, height))
    assert below.getextrema() == (255, 255)


def test_registers_of_every_length_lay_out():
    """Page breaks fall in every place of the rows, the totals and the closing lines."""
    for n in sorted({*range(0, 41, 4), 23, 24, 25}):
        pdf = render_loan_register(S.loan_register(n))
        text = pdf_check.text(pdf)
        assert "รวม" in text and (n == 0 or f"ยม.{n:04d}/2570" in text), n
