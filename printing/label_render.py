"""One asset label for the thermal printer, drawn like a queue ticket (QPainter offscreen,
Thai shaped by Qt's HarfBuzz, one bit per dot) and sent through the same path
(printing.escpos_out): the office, the asset number large, its name (two lines at most),
the unit holding it, and a QR code of ``khetdesk://asset/<ASSET_NO>`` as crisp dots."""

from __future__ import annotations

from dataclasses import dataclass

from printing.fonts import ticket_font
from printing.qr import QUIET_ZONE, qr_modules
from printing.qt import require_gui_app
from printing.raster import Raster
from printing.ticket_render import _Page, _Sizes


@dataclass(frozen=True)
class AssetLabelContent:
    office_name: str
    asset_no: str
    name: str
    qr_content: str  # printing.pdf.content.asset_link(asset_no)
    unit_holder: str = ""


def render_asset_label(content: AssetLabelContent, width: int) -> Raster:
    """The label ``width`` dots wide (384, 512 or 576). Safe on any thread once a
    QGuiApplication exists."""
    require_gui_app()
    s = _Sizes.for_width(width)
    page = _Page(width, s)
    page.space(s.margin + 4)
    page.text(content.office_name, ticket_font(s.footer, bold=True), max_lines=2)
    page.space(s.gap // 2)
    page.rule()
    page.space(s.gap)
    page.big_code(content.asset_no, s.service + 8)
    page.space(s.gap)
    page.text(content.name, ticket_font(s.info), max_lines=2)
    if content.unit_holder:
        page.space(s.gap // 3)
        page.text(content.unit_holder, ticket_font(s.footer))
    page.space(s.gap)
    modules = qr_modules(content.qr_content)
    side = len(modules) + 2 * QUIET_ZONE
    module = max(2, min(8, page.inner // side))
    page._qr(modules, module, s.margin + (page.inner - side * module) // 2)
    page.space(s.margin + 4)
    return page.render()
