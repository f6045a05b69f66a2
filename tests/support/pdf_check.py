"""What the PDF tests look at: pages rendered with pypdfium2, golden-image comparison with a
tolerance that a misplaced Thai mark exceeds, fonts and their embedding (pypdf), extracted
text (pypdf and PDFium), QR codes (zxing-cpp)."""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pypdfium2
import zxingcpp
from PIL import Image, ImageChops, ImageFilter

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
GOLDEN_DPI = 150  # a misplaced Thai mark moves by 2–6 pixels here; at 60 dpi by less than one
# Pages compare after thresholding, with hysteresis: a pixel darker than INK in one image
# must have a pixel darker than PAPER within one pixel (3 × 3) in the other. Anti-aliasing,
# gamma or a FreeType that moves an edge by a pixel changes only the greys in between; a mark
# drawn somewhere else leaves dark pixels with nothing near them. Goldens keep just those
# three levels (ink, grey, paper): 2-bit PNGs.
INK = 96
PAPER = 192
# Measured on this machine (pypdfium2 5, 150 dpi): the same document rendered twice differs
# by 0 pixels; rendered with text anti-aliasing off (FreeType's monochrome hinting, a far
# larger change than a new pypdfium2 brings) by at most 62 pixels on a page; rendered
# unshaped (marks misplaced) by 179–542 pixels on a page with text (9 on the second label
# sheet, which holds two labels). A page fails above STRAY_PIXELS.
STRAY_PIXELS = 100
DIFF_DIR = Path(tempfile.gettempdir()) / "khetdesk-golden"


def pages(pdf: bytes, dpi: float = GOLDEN_DPI) -> list[Image.Image]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("L") for page in doc]
    finally:
        doc.close()


def levels(image: Image.Image) -> Image.Image:
    """``image`` (grey) reduced to ink (0), grey (128) and paper (255), as goldens keep it."""
    return image.convert("L").point(lambda v: 0 if v < INK else 128 if v < PAPER else 255)


def _darker(image: Image.Image, bound: int) -> Image.Image:
    return image.point(lambda v: 255 if v < bound else 0, mode="L")


def stray_pixels(a: Image.Image, b: Image.Image) -> Image.Image:
    """White where one image has ink (darker than INK) and the other has nothing darker than
    PAPER within one pixel; black elsewhere. Both images grey, of the same size."""
    a, b = a.convert("L"), b.convert("L")
    near = ImageFilter.MaxFilter(3)
    a_off = ImageChops.subtract(_darker(a, INK), _darker(b, PAPER).filter(near))
    b_off = ImageChops.subtract(_darker(b, INK), _darker(a, PAPER).filter(near))
    return ImageChops.lighter(a_off, b_off)


def stray_count(a: Image.Image, b: Image.Image) -> int:
    """How many pixels :func:`stray_pixels` finds (the size of the pages when they differ
    in size)."""
    if a.size != b.size:
        return a.size[0] * a.size[1]
    return int(stray_pixels(a, b).histogram()[255])


def check_golden(image: Image.Image, name: str) -> int:
    """Compare with tests/golden/<name>.png (rewritten with KHETDESK_UPDATE_GOLDEN=1; look at
    it after); returns the number of stray pixels. On a failure the page and the stray pixels
    are written to DIFF_DIR for a look."""
    path = GOLDEN / f"{name}.png"
    if os.environ.get("KHETDESK_UPDATE_GOLDEN"):
        levels(image).convert("P", palette=Image.Palette.ADAPTIVE, colors=3).save(
            path, optimize=True, bits=2
        )
    with Image.open(path) as golden:
        golden_l = golden.convert("L")
    count = stray_count(image, golden_l)
    if count > STRAY_PIXELS:
        DIFF_DIR.mkdir(exist_ok=True)
        image.save(DIFF_DIR / f"{name}.actual.png")
        if image.size == golden_l.size:
            stray_pixels(image, golden_l).save(DIFF_DIR / f"{name}.stray.png")
    assert count <= STRAY_PIXELS, (
        f"{name}: {count} pixels of ink have no counterpart in {path} "
        f"(at most {STRAY_PIXELS}); see {DIFF_DIR}"
    )
    return count


@dataclass(frozen=True)
class FontInfo:
    name: str
    subtype: str
    embedded: bool  # a FontFile, FontFile2 or FontFile3 in its descriptor
    truetype: bool  # embedded as FontFile2


def _fonts_of(resources: Any, out: dict[str, FontInfo]) -> None:
    if not resources:
        return
    resources = resources.get_object()
    fonts = resources.get("/Font")
    for font in fonts.get_object().values() if fonts else []:
        f = font.get_object()
        name = str(f.get("/BaseFont"))
        descriptor = None
        if f.get("/Subtype") == "/Type0":
            descendant = f["/DescendantFonts"][0].get_object()
            descriptor = descendant.get("/FontDescriptor")
        else:
            descriptor = f.get("/FontDescriptor")
        d = descriptor.get_object() if descriptor is not None else {}
        embedded = any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        out[name] = FontInfo(name, str(f.get("/Subtype")), embedded, "/FontFile2" in d)
    xobjects = resources.get("/XObject")
    for x in xobjects.get_object().values() if xobjects else []:
        x = x.get_object()
        if x.get("/Subtype") == "/Form":
            _fonts_of(x.get("/Resources"), out)


def fonts(pdf: bytes) -> list[FontInfo]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    out: dict[str, FontInfo] = {}
    for page in reader.pages:
        _fonts_of(page.get("/Resources"), out)
    return sorted(out.values(), key=lambda f: f.name)


def text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdfium_text(pdf: bytes) -> str:
    """The text as PDFium reads it (Chrome's viewer, and what copy and search see there):
    unlike pypdf it puts no space after a tone mark HarfBuzz moved left (over ป, ฝ, ฟ)."""
    doc = pypdfium2.PdfDocument(pdf)
    try:
        out = []
        for page in doc:
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(out)
    finally:
        doc.close()


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def metadata(pdf: bytes) -> dict[str, str]:
    info: Any = pypdf.PdfReader(io.BytesIO(pdf)).metadata or {}
    return {str(k): str(v) for k, v in info.items()}


def qr_codes(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def images_on_page(pdf: bytes, page: int = 0) -> int:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return len(reader.pages[page].images)
