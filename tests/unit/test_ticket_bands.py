"""A ticket drawn in bands (the unchanging ones cached) is the ticket drawn as one page, dot
for dot (issue 18, item 4): the page below is drawn the way the renderer drew every ticket
before the bands, in one picture from top to bottom."""

from __future__ import annotations

import dataclasses

import pytest

from printing.fonts import ticket_font
from printing.raster import Raster
from printing.ticket_render import LABELS, WIDTHS, TicketContent, _Page, _Sizes, render_ticket
from tests.unit.test_ticket_render import SAMPLE

pytestmark = pytest.mark.gui


def whole_page(content: TicketContent, width: int) -> Raster:
    labels = LABELS.get(content.language, LABELS["th"])
    s = _Sizes.for_width(width)
    page = _Page(width, s)
    page.space(s.margin + 4)
    page.text(content.office_name, ticket_font(s.office, bold=True), max_lines=2)
    page.space(s.gap // 2)
    page.text(content.service_name, ticket_font(s.service, bold=True), max_lines=2)
    if content.service_subtitle:
        page.space(s.gap // 3)
        page.text(content.service_subtitle, ticket_font(s.subtitle))
    page.space(s.gap)
    page.rule()
    page.space(s.gap + 4)
    page.big_code(content.code, s.code)
    page.space(s.gap + 4)
    if content.priority_label:
        text = labels["priority"].format(label=content.priority_label)
        page.text(text, ticket_font(s.priority, bold=True), inverted=True)
        page.space(s.gap)
    info = []
    if content.ahead == 0:
        info.append((labels["next"], ticket_font(s.info, bold=True)))
    elif content.ahead is not None:
        info.append((labels["ahead"].format(n=content.ahead), ticket_font(s.info, bold=True)))
        if content.wait_minutes is not None:
            info.append((labels["wait"].format(m=content.wait_minutes), ticket_font(s.info)))
    info.append((content.issued_at, ticket_font(s.footer)))
    page.qr_beside(content.qr_content, info)
    if content.footer:
        page.space(s.gap // 2)
        page.text(content.footer, ticket_font(s.footer), max_lines=2)
    page.space(s.margin + 4)
    return page.render()


# Codes whose antialiased edges fall differently one band lower (B306, D316 at 58 mm), and
# shapes of ticket with and without each optional band.
CASES = [
    dataclasses.replace(SAMPLE, code=code, ahead=ahead, priority_label=prio, footer=footer,
                        qr_content=f"khetdesk:ticket:2026-11-24:{code}")
    for code, ahead, prio, footer in [
        ("B306", 7, SAMPLE.priority_label, SAMPLE.footer), ("D316", 123, "", ""),
        ("A001", None, "", SAMPLE.footer), ("C999", 0, "หญิงตั้งครรภ์", "ขอบคุณ " * 12),
    ]
]  # fmt: skip


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("content", CASES, ids=[c.code for c in CASES])
def test_bands_are_the_whole_page(qapp, content: TicketContent, width: int) -> None:
    expected = whole_page(content, width)
    assert render_ticket(content, width) == expected
    assert render_ticket(content, width) == expected  # again, from the cached bands
