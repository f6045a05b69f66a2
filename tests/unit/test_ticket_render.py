"""The ticket renderer: golden images, Thai stacked marks, widths, heights, the QR code.

Rendering needs a QGuiApplication, so these tests take pytest-qt's ``qapp``. The golden PNGs
under tests/golden/ were looked at by a person; rewrite them after a deliberate change with
``KHETDESK_UPDATE_GOLDEN=1 pytest tests/unit/test_ticket_render.py`` and look again.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageChops

from printing.raster import Raster, load_png
from printing.ticket_render import (
    BAD_HEIGHT_DIVISOR,
    WIDTHS,
    TestPageContent,
    TicketContent,
    _Page,
    _Sizes,
    _wrap,
    render_test_page,
    render_ticket,
)
from tests.support.pdf_check import stray_count

pytestmark = pytest.mark.gui

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
STACKED = "งานทะเบียนราษฎร์ ผู้สูงอายุ น้ำ ปั้น ที่"
SAMPLE = TicketContent(
    office_name="สำนักงานเขตบางรัก กรุงเทพมหานคร",
    service_name=STACKED,
    service_subtitle="Civil registration",
    code="A012",
    issued_at="24/11/2569 09:41",
    qr_content="khetdesk:ticket:2026-11-24:A012",
    priority_label="ผู้สูงอายุ",
    ahead=3,
    wait_minutes=45,
    footer="ขอบคุณที่ใช้บริการ",
)
# Ink against paper with a one-dot tolerance, as the PDF goldens compare (pdf_check): a black
# dot of one ticket needs a black dot within one dot (3 × 3) in the other. Another platform's
# rasteriser that moves an edge by a dot changes nothing; a dropped tone mark (15 dots at
# 58 mm, 28 at 80 mm) or one moved two dots up and right (14, 20) is far above STRAY_DOTS —
# see the negative controls below. Measured here: the same ticket rendered again, 0.
STRAY_DOTS = 5
DROPPED_MARK = STACKED.replace("ที่", "ที")  # ที่ without its tone mark (mai ek)


def _grey(raster: Raster) -> Image.Image:
    return raster.to_pil().convert("L")


def stray_dots(a: Raster, b: Raster) -> int:
    """Black dots of either ticket with no black dot within one dot in the other; every dot
    of the page when the sizes differ (a line more or less moves everything below it)."""
    if (a.width, a.height) != (b.width, b.height):
        return a.width * max(a.height, b.height)
    return stray_count(_grey(a), _grey(b))


def golden(name: str, raster: Raster) -> Raster:
    path = GOLDEN / f"{name}.png"
    if os.environ.get("KHETDESK_UPDATE_GOLDEN"):
        raster.save_png(path)
    return load_png(path)


def with_mark_moved(content: TicketContent, width: int, dx: int, dy: int) -> Image.Image:
    """The ticket with the tone mark of ที่ drawn ``dx`` dots right and ``dy`` down of its
    place: the mark's dots are those the ticket has and the one without the mark lacks."""
    right = _grey(render_ticket(content, width))
    without = _grey(render_ticket(dataclasses.replace(content, service_name=DROPPED_MARK), width))
    mark = ImageChops.subtract(without, right)  # white where only the real ticket has ink
    assert 10 <= mark.histogram()[255] <= 60, "the mark was not found"
    return ImageChops.darker(without, ImageChops.invert(ImageChops.offset(mark, dx, dy)))


def decode_qr(raster: Raster) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(raster.to_pil().convert("L"))]


TICKETS = [(384, "ticket-58mm"), (576, "ticket-80mm")]


@pytest.mark.parametrize(("width", "name"), TICKETS)
def test_golden_ticket_with_stacked_thai_marks(qapp, width: int, name: str) -> None:
    raster = render_ticket(SAMPLE, width)
    expected = golden(name, raster)
    assert raster.width == expected.width == width
    assert raster.height == expected.height
    assert (n := stray_dots(raster, expected)) <= STRAY_DOTS, f"{n} dots differ from {name}"


def test_golden_english_ticket(qapp) -> None:
    english = dataclasses.replace(
        SAMPLE, language="en", office_name="Bang Rak District Office",
        service_name="Civil registration", service_subtitle=STACKED, priority_label="Elderly",
    )  # fmt: skip
    raster = render_ticket(english, 576)
    expected = golden("ticket-80mm-en", raster)
    assert raster.height == expected.height
    assert stray_dots(raster, expected) <= STRAY_DOTS


@pytest.mark.parametrize(("width", "name"), TICKETS)
def test_a_dropped_tone_mark_is_not_within_the_tolerance(qapp, width: int, name: str) -> None:
    """Negative control: ที่ printed as ที must fail the golden comparison."""
    dropped = render_ticket(dataclasses.replace(SAMPLE, service_name=DROPPED_MARK), width)
    assert stray_dots(dropped, load_png(GOLDEN / f"{name}.png")) > STRAY_DOTS


@pytest.mark.parametrize(("width", "name"), TICKETS)
@pytest.mark.parametrize(("dx", "dy"), [(2, -2), (3, 0), (0, -3)])
def test_a_tone_mark_moved_a_few_dots_is_not_within_the_tolerance(
    qapp, width: int, name: str, dx: int, dy: int
) -> None:
    """Negative control: the mark of ที่ two or three dots off its place must fail too."""
    moved = with_mark_moved(SAMPLE, width, dx, dy)
    expected = load_png(GOLDEN / f"{name}.png")
    assert moved.size == (expected.width, expected.height)
    assert stray_count(moved, _grey(expected)) > STRAY_DOTS


def test_a_different_ticket_is_not_within_the_tolerance(qapp) -> None:
    """The golden comparison can fail: another code, same layout, is far outside it."""
    expected = load_png(GOLDEN / "ticket-80mm.png")
    other = render_ticket(dataclasses.replace(SAMPLE, code="B987"), 576)
    assert stray_dots(other, expected) > 1000


@pytest.mark.parametrize("width", WIDTHS)
def test_width_is_the_printers_dots_and_the_qr_decodes(qapp, width: int) -> None:
    raster = render_ticket(SAMPLE, width)
    assert raster.width == width
    assert len(raster.rows) == width // 8 * raster.height
    assert raster.height % BAD_HEIGHT_DIVISOR != 0
    assert decode_qr(raster) == [SAMPLE.qr_content]


def test_a_long_url_template_still_scans_on_58mm(qapp) -> None:
    url = "https://bangrak.bangkok.go.th/queue/status?date=2026-11-24&code=A012&lang=th"
    raster = render_ticket(dataclasses.replace(SAMPLE, qr_content=url), 384)
    assert decode_qr(raster) == [url]


def test_heights_that_are_multiples_of_48_get_one_more_row(qapp) -> None:
    for rows in (48, 480, 96 * 5):
        page = _Page(384, _Sizes.for_width(384))
        page.space(rows)
        assert page.render().height == rows + 1
    page = _Page(384, _Sizes.for_width(384))
    page.space(47)
    assert page.render().height == 47


def test_no_ticket_height_is_a_multiple_of_48(qapp) -> None:
    """Over many shapes of ticket (with and without priority, wait, footer lines)."""
    seen = set()
    for ahead in (None, 0, 7, 123):
        for priority in ("", "หญิงตั้งครรภ์"):
            for footer in ("", "ขอบคุณ", "ขอบคุณที่ใช้บริการ " * 8):
                for width in WIDTHS:
                    content = dataclasses.replace(
                        SAMPLE, ahead=ahead, priority_label=priority, footer=footer
                    )
                    height = render_ticket(content, width).height
                    assert height % BAD_HEIGHT_DIVISOR != 0
                    seen.add(height)
    assert len(seen) > 10


def _ink_rows(raster: Raster) -> list[int]:
    return [y for y in range(raster.height) if any(raster.row(y))]


@pytest.mark.parametrize("text", [STACKED, "ปั้ญญ์ ฎีกา ฐิติ", "น้ำ", "A012"])
@pytest.mark.parametrize("pixels", [20, 36])
def test_text_band_holds_all_its_ink(qapp, text: str, pixels: int) -> None:
    """A line drawn alone from the very top of a page: had its band been shorter than its
    ink (stacked tone marks above, ฎ ฐ ุ below), the marks would be cut at the edge. The
    first and last rows stay white, and the band is no taller than the ink needs above."""
    from printing.fonts import ticket_font

    page = _Page(576, _Sizes.for_width(576))
    page.text(text, ticket_font(pixels, bold=True), max_lines=3)
    raster = page.render()
    rows = _ink_rows(raster)
    assert rows, "nothing drawn"
    assert rows[0] >= 1 and rows[-1] <= raster.height - 2, (rows[0], rows[-1], raster.height)
    assert rows[0] <= 2


def test_lines_of_a_wrapped_name_neither_overlap_nor_lose_dots(qapp) -> None:
    """Three wrapped lines of stacked Thai carry exactly the dots of the same three lines
    drawn one by one: no line's marks were cut off or drawn into its neighbour."""
    from printing.fonts import ticket_font

    font = ticket_font(30, bold=True)
    page = _Page(384, _Sizes.for_width(384))
    lines = _wrap(f"{STACKED} {STACKED}", font, page.inner, 3)
    assert len(lines) == 3
    page.text(" ".join(lines), font, max_lines=3)
    together = page.render().black_dots()
    alone = 0
    for line in lines:
        single = _Page(384, _Sizes.for_width(384))
        single.text(line, font)
        alone += single.render().black_dots()
    assert together == alone


def test_long_names_are_wrapped_and_cut_to_two_lines(qapp) -> None:
    two_lines = render_ticket(dataclasses.replace(SAMPLE, office_name=STACKED), 384)
    very_long = render_ticket(dataclasses.replace(SAMPLE, office_name=STACKED * 20), 384)
    assert very_long.height == two_lines.height
    assert decode_qr(very_long) == [SAMPLE.qr_content]


def test_priority_ticket_shows_an_inverted_bar(qapp) -> None:
    plain = render_ticket(dataclasses.replace(SAMPLE, priority_label=""), 576)
    priority = render_ticket(SAMPLE, 576)
    assert priority.height > plain.height
    full_rows = [y for y in range(priority.height) if priority.row(y)[2:-2] == b"\xff" * 68]
    assert len(full_rows) >= 6  # the black bar behind the white label, above and below it


def test_rendering_is_deterministic_and_thread_safe(qapp) -> None:
    """The kiosk renders on a worker thread while the GUI lives on the main thread."""
    main = render_ticket(SAMPLE, 576)
    results: list[Raster] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.extend(render_ticket(SAMPLE, 576) for _ in range(3))
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    assert len(results) == 6 and all(r == main for r in results)


def test_unsupported_width_is_refused(qapp) -> None:
    with pytest.raises(ValueError, match="width"):
        render_ticket(SAMPLE, 400)


def test_test_page_has_a_frame_at_the_full_width(qapp) -> None:
    content = TestPageContent("สำนักงานเขตบางรัก", ("network://10.0.0.5:9100",), "24/11/2569 09:41",
                              "khetdesk:printer-test")  # fmt: skip
    for width in WIDTHS:
        page = render_test_page(content, width)
        assert page.width == width and page.height % BAD_HEIGHT_DIVISOR != 0
        assert page.row(0) == b"\xff" * (width // 8)  # top edge, both corners
        middle = page.row(page.height // 2)
        assert middle[0] & 0x80 and middle[-1] & 0x01  # left and right edges
        assert decode_qr(page) == ["khetdesk:printer-test"]
