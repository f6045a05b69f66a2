"""The PDF base (printing/pdf/base.py): Sarabun registered shapable and embedded, no PDF
without HarfBuzz, Thai digits and Buddhist-Era dates, Thai line breaking between words (and
never inside a number or a short name), deterministic bytes, the running header of long
tables, and the progress callback."""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from decimal import Decimal

import pytest
from reportlab.pdfbase import pdfmetrics

from printing.pdf import base
from printing.pdf.base import (
    FONT,
    FONT_BOLD,
    Letterhead,
    Numerals,
    ShapingUnavailable,
    ThaiParagraph,
    build_pdf,
    fonts_shapable,
    frame_width,
    long_table,
    para,
    styles,
    word_breaks,
)
from tests.support import pdf_check


def test_the_registered_fonts_report_shapable():
    assert fonts_shapable()
    for name in (FONT, FONT_BOLD):
        assert pdfmetrics.getFont(name).shapable
    assert all(s.shaping == 1 for s in styles().values())


def test_no_document_without_harfbuzz(monkeypatch):
    """Without uharfbuzz the marks would land in the wrong place: refuse, clearly."""
    monkeypatch.setattr(base, "_registered", False)
    monkeypatch.setitem(sys.modules, "uharfbuzz", None)  # import uharfbuzz -> ImportError
    with pytest.raises(ShapingUnavailable) as e:
        base.register_fonts()
    assert "uharfbuzz" in str(e.value) and str(e.value).startswith("พิมพ์เอกสารภาษาไทยไม่ได้")


def test_numerals_and_buddhist_era_dates():
    th, ar = Numerals(thai=True), Numerals(thai=False)
    day = dt.date(2026, 11, 26)
    assert th.date(day) == "๒๖ พฤศจิกายน ๒๕๖๙"
    assert ar.date(day) == "26 พฤศจิกายน 2569"
    assert th.date_short(day) == "๒๖ พ.ย. ๖๙"
    assert th.date_numeric_short(dt.date(2027, 1, 5)) == "๐๕/๐๑/๗๐"
    assert th.money(Decimal("17500")) == "๑๗,๕๐๐.๐๐"
    assert ar.money(Decimal("1234567.5")) == "1,234,567.50"
    assert th(2570) == "๒๕๗๐" and th.date(None) == ""


def test_thai_words_are_found_and_give_the_text_back():
    text = "ข้าพเจ้าขอยืมพัสดุเพื่อใช้ในราชการ"
    pieces = word_breaks(text)
    assert "".join(pieces) == text
    assert pieces[:4] == ["ข้าพเจ้า", "ขอ", "ยืม", "พัสดุ"]


def line_texts(p: ThaiParagraph, width: float) -> list[str]:
    """The text of each line the paragraph was laid out in (shaped text in the laid-out
    lines is glyphs, not characters: the lines are read from the markup it was given)."""
    p.wrap(width, 10_000)
    lines = p.text.split("<br/>")
    assert len(lines) == len(p.blPara.lines), (lines, len(p.blPara.lines))
    return lines


def test_long_thai_breaks_between_words_never_inside_a_cluster():
    st = styles()["body"]
    text = "ผู้ยืมยินยอมซ่อมแซมให้คงสภาพเดิมโดยเสียค่าใช้จ่ายของตนเองหรือชดใช้เป็นเงินตามราคา"
    width = pdfmetrics.stringWidth(text, FONT, st.fontSize) / 3
    lines = line_texts(ThaiParagraph(text, st), width)
    assert len(lines) >= 3  # broken, not overflowing
    assert "".join(lines) == text
    boundaries, at = set(), 0
    for piece in word_breaks(text):
        at += len(piece)
        boundaries.add(at)
    at = 0
    for line in lines:
        at += len(line)
        assert at in boundaries, line  # each line ends where a word does
        assert pdfmetrics.stringWidth(line, FONT, st.fontSize) <= width, line
    # so no line starts with a vowel or tone mark cut from its consonant
    assert not any("\u0e31" <= s[0] <= "\u0e3a" or "\u0e47" <= s[0] <= "\u0e4e" for s in lines)


def test_a_number_or_a_short_name_is_not_cut():
    st = styles()["cell"]
    for text in ("ยม.0001/2570", "7440-001-0001/2566", "ทองดี"):
        width = pdfmetrics.stringWidth(text, FONT, st.fontSize) + 8
        lines = line_texts(ThaiParagraph(f"ผู้ยืม {text}", st), width)
        assert lines[-1].strip() == text, lines


def test_a_narrow_heading_breaks_at_its_space_not_inside_a_word():
    """The statistics PDF's "รอ สูงสุด" was cut "รอ สูง / สุด" (issue 19 item 15)."""
    st = styles()["cell_bold"]
    width = pdfmetrics.stringWidth("สูงสุด", FONT, st.fontSize) + 4
    assert [x.strip() for x in line_texts(ThaiParagraph("รอ สูงสุด", st), width)] == [
        "รอ",
        "สูงสุด",
    ]


def _doc(n: int = 3) -> bytes:
    story = [para(f"บรรทัดที่ {i} ปั้น น้ำ ที่ ฎุ ฐุ ญุ", styles()["body"]) for i in range(n)]
    head = Letterhead("ทดสอบ", "สำนักงานเขตบางรัก", "ยม.0001/2570", dt.date(2026, 11, 26))
    return build_pdf(story, head)


def test_the_same_document_gives_the_same_bytes_with_fonts_embedded():
    pdf = _doc()
    assert pdf == _doc()
    fonts = pdf_check.fonts(pdf)
    assert fonts and all(f.embedded and f.truetype for f in fonts), fonts
    meta = pdf_check.metadata(pdf)
    assert meta["/Creator"] == "KhetDesk" and meta["/CreationDate"].startswith("D:2000")


def test_a_long_table_repeats_its_heads_on_every_page_and_reports_progress():
    w = frame_width(wide=True)
    rows = [[str(i), f"ยม.{i:04d}/2570", "นางสาวกนกพร ทองดี"] for i in range(400)]
    head, parts = long_table(["ที่", "เลขที่", "ผู้ยืม"], rows, [w * 0.1, w * 0.3, w * 0.6],
                             aligns="cll")  # fmt: skip
    seen: list[tuple[int, int]] = []
    letter = Letterhead("ทะเบียน", "สำนักงานเขตบางรัก")
    pdf = build_pdf([head, *parts, base.EndRunning(), para("สรุป", styles()["body"])], letter,
                    wide=True, running=head,
                    progress=lambda d, t: seen.append((d, t)))  # fmt: skip
    pages = pdf_check.page_count(pdf)
    assert pages > 3
    text = pdf_check.text(pdf)
    assert text.count("ผู้ยืม") >= pages  # the column heads on every page
    assert "ยม.0399/2570" in text
    assert seen[-1] == (seen[-1][1], seen[-1][1])
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_word_wider_than_its_line_breaks_between_clusters(monkeypatch):
    """Where Qt knows no Thai dictionary a whole phrase is one "word": it is then broken
    between grapheme clusters, so it neither runs past the margin nor loses a mark."""
    monkeypatch.setattr(base, "word_breaks", lambda text: [text] if text else [])
    st = styles()["body"]
    text = "ผู้ยืมยินยอมซ่อมแซมให้คงสภาพเดิมโดยเสียค่าใช้จ่ายของตนเองหรือชดใช้เป็นเงินตามราคา"
    width = pdfmetrics.stringWidth(text, FONT, st.fontSize) / 3
    lines = line_texts(ThaiParagraph(text, st), width)
    assert len(lines) >= 3 and "".join(lines) == text
    for line in lines:
        assert pdfmetrics.stringWidth(line, FONT, st.fontSize) <= width, line
    at = 0
    edges = set()
    for c in base.clusters(text):
        at += len(c)
        edges.add(at)
    at = 0
    for line in lines:
        at += len(line)
        assert at in edges, line  # never inside a cluster


STACKED = ("ที่ นี้ ผู้ ทั้ง ศักดิ์สิทธิ์ อื่น เพื่อ ติ๊ก ญี่ปุ่น ปู่ สิ้น จี๊ด เจ๋ง ปั้นจั่น ปิ่น ฝั่ง "
           "ต่ำ น้ำ ค่ำ กำหนด สำนักงาน")  # fmt: skip


def test_shaped_marks_extract_as_the_text_typed():
    """Stacked, lowered and shifted marks are glyphs without a character of their own; the
    ToUnicode map names the mark each stands for, so copying and searching find the words.
    ำ reads back decomposed (ํา, its NFKC form), as HarfBuzz decomposes it to draw it."""
    story = [ThaiParagraph(STACKED, styles()[name]) for name in ("body", "body_bold", "cell")]
    pdf = build_pdf(story, Letterhead("ทดสอบ", "สำนักงานเขตบางรัก"), letterhead=False)
    pdfium, pypdf_text = pdf_check.pdfium_text(pdf), pdf_check.text(pdf)
    assert not [ch for ch in pdfium + pypdf_text if "\ue000" <= ch <= "\uf8ff"]
    for word in STACKED.split():
        assert unicodedata.normalize("NFKC", word) in pdfium, word
        if "\u0e33" not in word and word[0] not in "ปฝ":  # pypdf spaces after a shifted mark
            assert word in pypdf_text, word


@pytest.mark.parametrize(
    ("name", "text"),
    [("uni0E48.small", "\u0e48"), ("uni0E34.narrow", "\u0e34"), ("uni0E4D0E48", "\u0e48\u0e4d"),
     ("uni0E4C", "\u0e4c"), ("glyph123", ""), (".notdef", ""), ("uniXYZW", "")],
)  # fmt: skip
def test_glyph_names_say_which_text_a_glyph_shows(name, text):
    assert base.glyph_text(name) == text


def test_the_thai_calendar_is_the_domains():
    """printing may not import desktop_app, so it keeps its own copy of the Thai calendar's
    names and offsets: the same as the domain's."""
    from desktop_app.domain import thai_time

    assert base.THAI_DIGITS == thai_time.THAI_DIGITS
    assert base.THAI_MONTHS_FULL == thai_time.THAI_MONTHS_FULL
    assert base.THAI_MONTHS_ABBR == thai_time.THAI_MONTHS_ABBR
    assert base.BE_OFFSET == thai_time.BE_OFFSET
    day = dt.date(2026, 11, 26)
    assert Numerals(thai=False).date_short(day) == thai_time.thai_date(day)[:-4] + "69"
