"""What the PDF tests look at: pages rendered with pypdfium2, golden-image comparison with a
tolerance, fonts and their embedding (pypdf), extracted text, QR codes (zxing-cpp)."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pypdfium2
import zxingcpp
from PIL import Image, ImageChops

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
GOLDEN_DPI = 60  # small files, still every mark visible
# Another machine's FreeType may move an edge by a pixel: a pixel counts as different when
# its grey differs by more than 96, and at most 0.6 % of the pixels may.
PIXEL_THRESHOLD = 96
PIXEL_SHARE = 0.006


def pages(pdf: bytes, dpi: float = GOLDEN_DPI) -> list[Image.Image]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("L") for page in doc]
    finally:
        doc.close()


def differing_share(a: Image.Image, b: Image.Image) -> float:
    if a.size != b.size:
        return 1.0
    diff = ImageChops.difference(a, b).point(lambda v: 255 if v > PIXEL_THRESHOLD else 0)
    histogram = diff.histogram()
    return histogram[255] / (a.size[0] * a.size[1])


def check_golden(image: Image.Image, name: str) -> float:
    """Compare with tests/golden/<name>.png (rewritten with KHETDESK_UPDATE_GOLDEN=1; look at
    it after); returns the share of differing pixels."""
    path = GOLDEN / f"{name}.png"
    if os.environ.get("KHETDESK_UPDATE_GOLDEN"):
        image.save(path, optimize=True)
    with Image.open(path) as golden:
        share = differing_share(image, golden.convert("L"))
    assert share <= PIXEL_SHARE, f"{name}: {share:.2%} of the pixels differ from {path}"
    return share


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


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def metadata(pdf: bytes) -> dict[str, str]:
    info = pypdf.PdfReader(io.BytesIO(pdf)).metadata or {}
    return {str(k): str(v) for k, v in info.items()}


def qr_codes(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def images_on_page(pdf: bytes, page: int = 0) -> int:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return len(reader.pages[page].images)
