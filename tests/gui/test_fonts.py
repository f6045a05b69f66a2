"""The shipped Thai face, loaded with line metrics tall enough for stacked marks."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics

from desktop_app.ui.fonts import load_fonts
from printing.fonts import with_room_for_marks
from resources import SARABUN_REGULAR

pytestmark = pytest.mark.gui


def test_the_shipped_font_is_used_with_room_for_stacked_marks(qapp):
    assert load_fonts(qapp) == "Sarabun"
    assert QFontInfo(qapp.font()).family() == "Sarabun"
    for px in (15, 16, 24, 96):
        font = QFont("Sarabun")
        font.setPixelSize(px)
        fm = QFontMetrics(font)
        # The ้ over นี reaches 1.265 em; the ุ under ฎ 0.535 em below the line.
        assert fm.ascent() >= round(1.265 * px), px
        assert fm.descent() >= round(0.535 * px), px
        for word in ("เครื่องนี้", "ทั้งนี้", "ฎุ"):
            ink = fm.tightBoundingRect(word)
            assert -fm.ascent() <= ink.top() and ink.bottom() <= fm.descent(), (px, word)


def test_only_the_line_metrics_change():
    original = SARABUN_REGULAR.read_bytes()
    patched = with_room_for_marks(original)
    assert len(patched) == len(original)
    changed = [i for i, (a, b) in enumerate(zip(original, patched, strict=True)) if a != b]
    assert 0 < len(changed) <= 8  # four 16-bit numbers at most
    assert with_room_for_marks(patched) == patched


def test_printing_a_ticket_leaves_the_windows_line_height_alone(qapp):
    """The kiosk and the counter print in the windows' process: the ticket renderer must use
    the one registration of Sarabun, not add a second, narrower one that would take over."""
    from printing.ticket_render import TicketContent, render_ticket

    load_fonts(qapp)
    before = QFontMetrics(qapp.font()).height()
    content = TicketContent(office_name="สำนักงานเขตตลิ่งชัน", service_name="งานทะเบียนราษฎร",
                            service_subtitle="Civil registration", code="A001",
                            issued_at="24/11/2569 09:41", qr_content="khetdesk:ticket:A001",
                            ahead=0, wait_minutes=0)  # fmt: skip
    render_ticket(content, 384)
    assert QFontMetrics(qapp.font()).height() == before
    font = QFont("Sarabun")
    font.setPixelSize(24)
    assert QFontMetrics(font).ascent() >= round(1.265 * 24)
