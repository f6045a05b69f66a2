"""The appointment slip (ใบนัดหมาย) for the thermal printer, drawn like a queue ticket:
the office, the service, the day (Buddhist Era) and time, the 6-character code large, and a
QR code of the code itself, so that the kiosk's scanner types it into the check-in keypad."""

from __future__ import annotations

from dataclasses import dataclass

from printing.fonts import ticket_font
from printing.qr import QUIET_ZONE, qr_modules
from printing.qt import require_gui_app
from printing.raster import Raster
from printing.ticket_render import _Page, _Sizes


@dataclass(frozen=True)
class SlipContent:
    office_name: str
    service_name: str
    when: str  # e.g. "อังคาร 24 พ.ย. 2569 เวลา 09:30 น."
    code: str
    advice: str  # when to come, in one line or two


def render_slip(content: SlipContent, width: int) -> Raster:
    """The slip ``width`` dots wide (384, 512 or 576); safe on any thread once a
    QGuiApplication exists."""
    require_gui_app()
    s = _Sizes.for_width(width)
    page = _Page(width, s)
    page.space(s.margin + 4)
    page.text(content.office_name, ticket_font(s.footer, bold=True), max_lines=2)
    page.space(s.gap // 2)
    page.rule()
    page.space(s.gap // 2)
    page.text("ใบนัดหมาย", ticket_font(s.info, bold=True))
    page.text(content.service_name, ticket_font(s.info), max_lines=2)
    page.space(s.gap // 2)
    page.text(content.when, ticket_font(s.info, bold=True), max_lines=2)
    page.space(s.gap)
    page.big_code(content.code, s.service + 8)
    page.space(s.gap)
    modules = qr_modules(content.code)
    side = len(modules) + 2 * QUIET_ZONE
    module = max(2, min(8, page.inner // side))
    page._qr(modules, module, s.margin + (page.inner - side * module) // 2)
    page.space(s.gap)
    page.text(content.advice, ticket_font(s.footer), max_lines=3)
    page.space(s.margin + 4)
    return page.render()
