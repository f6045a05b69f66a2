"""The thermal asset label (printing/label_render.py): drawn like a ticket, one bit per dot,
for each paper width; the QR scans to the asset's link; a long Thai name stays within two
lines; the height never a multiple of 48 (some printers garble those)."""

from __future__ import annotations

import pytest
import zxingcpp

from printing.label_render import AssetLabelContent, render_asset_label
from printing.pdf.content import asset_link, parse_asset_link
from printing.ticket_render import BAD_HEIGHT_DIVISOR, WIDTHS

pytestmark = pytest.mark.gui

LABEL = AssetLabelContent(
    office_name="สำนักงานเขตบางรัก กรุงเทพมหานคร",
    asset_no="7440-001-0001/2566",
    name="เครื่องคอมพิวเตอร์โน้ตบุ๊ก Lenovo ThinkPad E14 พร้อมกระเป๋าและเมาส์ไร้สาย ปั้นจั่น",
    qr_content=asset_link("7440-001-0001/2566"),
    unit_holder="ฝ่ายการคลัง",
)


@pytest.mark.parametrize("width", WIDTHS)
def test_label_for_every_paper_width(qapp, width):
    raster = render_asset_label(LABEL, width)
    assert raster.width == width and raster.height % BAD_HEIGHT_DIVISOR != 0
    found = zxingcpp.read_barcodes(raster.to_pil().convert("L"))
    assert [f.text for f in found] == [LABEL.qr_content]
    assert parse_asset_link(found[0].text) == LABEL.asset_no
    # Every row has white margins: nothing was drawn past the paper's edge.
    image = raster.to_pil().convert("L")
    assert image.crop((0, 0, 4, raster.height)).getextrema() == (255, 255)
    assert image.crop((width - 4, 0, width, raster.height)).getextrema() == (255, 255)


def test_a_longer_name_makes_no_taller_label_than_two_lines(qapp):
    short = render_asset_label(
        AssetLabelContent(LABEL.office_name, LABEL.asset_no, "เก้าอี้พลาสติก ปั้น", LABEL.qr_content,
                          LABEL.unit_holder), 576)  # fmt: skip
    long = render_asset_label(LABEL, 576)
    longer = render_asset_label(
        AssetLabelContent(LABEL.office_name, LABEL.asset_no, LABEL.name * 3, LABEL.qr_content,
                          LABEL.unit_holder), 576)  # fmt: skip
    assert short.height < long.height == longer.height  # elided after two lines


def test_the_same_label_twice_is_the_same_picture(qapp):
    assert render_asset_label(LABEL, 384) == render_asset_label(LABEL, 384)
