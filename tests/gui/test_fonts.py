"""The shipped Thai face, loaded with line metrics tall enough for stacked marks."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics

from desktop_app.ui.fonts import load_fonts, with_room_for_marks
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
