"""Each document as a person would check it: the pages compared with golden images (looked
at by a person; rewrite with ``KHETDESK_UPDATE_GOLDEN=1 pytest tests/unit/test_pdf_documents.py``
and look again), every font embedded, the text that extracts, the QR codes decoded,
deterministic bytes. The contents are fixed (tests/support/pdf_samples.py).

Extraction: the glyphs HarfBuzz substitutes for Thai marks (a lowered ่, a stacked ่ over ี in
ที่, a narrow vowel) extract as the marks they show (printing/pdf/base.SearchableTTFont); ำ
reads back decomposed (ํา) and pypdf puts a space after a mark shifted left over ป, so words
with those are looked for in their NFKC form or with PDFium."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable

import pytest
from PIL import Image

from printing.pdf import base
from printing.pdf.asset_labels import PER_SHEET, render_label_sheet
from printing.pdf.asset_use import render_asset_use_report
from printing.pdf.base import thai_digits
from printing.pdf.content import asset_link, loan_link, parse_asset_link
from printing.pdf.followup_letter import render_followup_letter
from printing.pdf.loan_record import render_loan_record
from printing.pdf.loan_register import column_widths, render_loan_register
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


def _golden(name: str) -> Image.Image:
    with Image.open(pdf_check.GOLDEN / f"{name}.png") as golden:
        return golden.convert("L")


@pytest.fixture(scope="module")
def unshaped() -> dict[str, bytes]:
    """The same documents with HarfBuzz shaping turned off in every paragraph style: what
    reportlab prints without uharfbuzz (marks placed by advance width, stacked and lowered
    forms missing)."""
    original = base._style

    def unshaped_style(*args, **kw):
        style = original(*args, **kw)
        style.shaping = 0
        return style

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(base, "_style", unshaped_style)
        return {name: make() for name, make in DOCUMENTS.items()}


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_the_golden_comparison_catches_misplaced_thai_marks(rendered, unshaped, name):
    assert unshaped[name] != rendered[name]
    counts = [
        pdf_check.stray_count(image, _golden(f"pdf-{name}-{i}"))
        for i, image in enumerate(pdf_check.pages(unshaped[name]), 1)
    ]
    assert max(counts) > pdf_check.STRAY_PIXELS, counts


@pytest.mark.parametrize("gamma", [0.6, 1.6])
def test_the_golden_comparison_tolerates_other_greys(rendered, gamma):
    """Another rasteriser's anti-aliasing or gamma changes the greys at the edges: that is
    no difference."""
    [page] = pdf_check.pages(rendered["loan-record"])
    other = page.point(lambda v: round(255 * (v / 255) ** gamma))
    assert pdf_check.stray_count(other, _golden("pdf-loan-record-1")) == 0


def test_the_golden_comparison_tolerates_a_one_pixel_shift(rendered):
    [page] = pdf_check.pages(rendered["return-record"])
    shifted = Image.new("L", page.size, 255)
    shifted.paste(page, (1, 0))
    assert pdf_check.stray_count(shifted, _golden("pdf-return-record-1")) == 0


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_only_embedded_sarabun_and_the_same_bytes_every_time(rendered, name):
    pdf = rendered[name]
    fonts = pdf_check.fonts(pdf)
    assert {f.name.split("+")[-1] for f in fonts} <= {"Sarabun-Regular", "Sarabun-Bold"}
    assert fonts and all(f.embedded and f.truetype for f in fonts), fonts
    assert DOCUMENTS[name]() == pdf


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_text_has_no_private_use_characters(rendered, name):
    text = pdf_check.pdfium_text(rendered[name]) + pdf_check.text(rendered[name])
    assert not [ch for ch in text if "\ue000" <= ch <= "\uf8ff"]
    assert unicodedata.normalize("NFKC", S.SETUP.agency) in text  # สำนักงาน…: ำ decomposed


def test_loan_record_text_and_qr(rendered):
    pdf = rendered["loan-record"]
    text = pdf_check.text(pdf)
    for word in ("ใบยืมพัสดุ", S.LOAN_NO, "7440-001-0001/2566", "6730-002-0001/2565",
                 "นางสาวกนกพร ทองดี", "๒๔ พฤศจิกายน ๒๕๖๙", "(ข้อ ๒๐๗)", "(ข้อ ๒๐๙)",
                 "ผู้ยืม", "ผู้อนุมัติ", "ผู้จ่ายพัสดุ", "ผู้รับคืน", "การส่งคืน", "เลขที่",
                 "ที่ใช้การได้", "ตั้งแต่วันที่"):  # fmt: skip
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
    # One digit style: the loan number is written in Thai digits like the rest (issue 19).
    for word in ("เรียน", "อ้างถึง", "ขอแสดงความนับถือ", thai_digits(S.LOAN_NO), "๘ ธันวาคม ๒๕๖๙",
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


def test_register_keeps_each_loan_number_on_one_line():
    """The loan-number column grows with the office's number format: no number breaks after
    its "/" (extracted text would show the break as a new line)."""
    doc = S.loan_register(3)
    lines = tuple(
        dataclasses.replace(line, loan_no=f"สนข.บร.ยม.{i:05d}/2570")
        for i, line in enumerate(doc.lines, 1)
    )
    text = pdf_check.text(render_loan_register(dataclasses.replace(doc, lines=lines)))
    assert all(line.loan_no in text for line in lines), text
    width = base.frame_width(wide=True)
    widths = column_widths(width, [line.loan_no for line in lines])
    assert sum(widths) == pytest.approx(width)
    assert widths[1] > width * 0.11  # wider than its share: the numbers are long
