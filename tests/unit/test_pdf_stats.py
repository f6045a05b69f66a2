"""The statistics summary PDF (printing/pdf_stats.py) as a person would check it: its first
page against a golden image (rewrite with ``KHETDESK_UPDATE_GOLDEN=1 pytest
tests/unit/test_pdf_stats.py`` and look again), the figures in its text, the bar chart as an
image, Thai digits when the office prefers them, a "—" row for an empty table, the same
bytes every time. The contents are fixed here; the figures the services put into it are
checked through the real program in tests/e2e/test_reports_cli.py."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from printing.pdf_stats import StatsDocument, StatsSection, StatsTable, stats_pdf
from printing.stats_charts import BarChart, Series
from tests.support import pdf_check

pytestmark = pytest.mark.gui  # the chart is drawn with QPainter (a QGuiApplication)

SERVICES = StatsTable(
    "ตามบริการ",
    ("รายการ", "ออกบัตร", "ให้บริการ", "รอ มัธยฐาน"),
    (
        ("A งานทะเบียนราษฎร์", "1,204", "1,187", "12.5"),
        ("B บัตรประจำตัวประชาชน", "356", "349", "7.0"),
        ("C ชำระภาษี", "48", "0", "-"),
    ),
    "lrrr",
    (0.46, 0.18, 0.18, 0.18),
)
DOC = StatsDocument(
    title="สรุปสถิติการให้บริการคิว",
    agency="สำนักงานเขตบางรัก",
    subtitle="เดือน พ.ย. 2569",
    date=dt.date(2026, 12, 1),
    sections=(
        StatsSection(
            "ภาพรวม",
            (
                "ออกบัตรคิว 1,608 ใบ ให้บริการแล้ว 1,536 ราย ไม่มาตามเรียก 41 ราย",
                "เวลารอ: มัธยฐาน 11.5 นาที เปอร์เซ็นไทล์ที่ 90 27.0 นาที",
            ),
            BarChart(
                "เวลารอเรียกตามบริการ (นาที)",
                ("A", "B", "C"),
                (Series("มัธยฐาน", (12.5, 7.0, None)), Series("P90", (30.0, 14.0, None))),
                "นาที",
            ),
            (SERVICES,),
        ),
        StatsSection(
            "การเรียกข้ามคิว",
            ("ผู้ที่ข้ามคิวได้ 0 ครั้ง",),
            None,
            (StatsTable("", ("วันที่", "บัตรคิว", "เหตุผล"), (), "lcl", (0.3, 0.2, 0.5)),),
        ),
    ),
    notes=("มัธยฐานเป็นค่ากลางจริง",),
)


def flat(pdf: bytes) -> str:
    """Text with one space for every run of white space, ำ as one character."""
    return " ".join(pdf_check.text(pdf).replace("\u0e4d\u0e32", "\u0e33").split())


@pytest.fixture(scope="module")
def pdf(qapp) -> bytes:
    return stats_pdf(DOC)


def test_first_page_matches_its_golden_image(pdf: bytes) -> None:
    images = pdf_check.pages(pdf)
    assert len(images) == 1
    pdf_check.check_golden(images[0], "pdf-stats-summary-1")


def test_every_figure_is_in_the_text_in_its_place(pdf: bytes) -> None:
    text = flat(pdf)
    for expected in (
        "สรุปสถิติการให้บริการคิว เดือน พ.ย. 2569",
        "ภาพรวม ออกบัตรคิว 1,608 ใบ ให้บริการแล้ว 1,536 ราย ไม่มาตามเรียก 41 ราย "
        "เวลารอ: มัธยฐาน 11.5 นาที เปอร์เซ็นไทล์ที่ 90 27.0 นาที",
        "ตามบริการ รายการ ออกบัตร ให้บริการ รอ มัธยฐาน "
        "A งานทะเบียนราษฎร์ 1,204 1,187 12.5 B บัตรประจำตัวประชาชน 356 349 7.0 C ชำระภาษี 48 0 -",
        "การเรียกข้ามคิว ผู้ที่ข้ามคิวได้ 0 ครั้ง วันที่ บัตรคิว เหตุผล —",  # an empty table
        "คำอธิบาย มัธยฐานเป็นค่ากลางจริง",
    ):
        assert expected in text, expected
    assert pdf_check.images_on_page(pdf, 0) == 1  # the bar chart


def test_thai_digits_for_figures_not_for_column_heads(qapp) -> None:
    text = flat(stats_pdf(dataclasses.replace(DOC, thai_digits=True)))
    assert "ออกบัตรคิว ๑,๖๐๘ ใบ" in text and "เดือน พ.ย. ๒๕๖๙" in text
    assert "A งานทะเบียนราษฎร์ ๑,๒๐๔ ๑,๑๘๗ ๑๒.๕" in text
    assert "1,608" not in text and "12.5" not in text


def test_the_same_bytes_every_time_and_only_embedded_sarabun(pdf: bytes) -> None:
    assert stats_pdf(DOC) == pdf
    fonts = pdf_check.fonts(pdf)
    assert {f.name.split("+")[-1] for f in fonts} <= {"Sarabun-Regular", "Sarabun-Bold"}
    assert fonts and all(f.embedded for f in fonts)
