"""A 1-bit picture in the printer's own raster format, and its GS v 0 encoding.

Rows of ``width // 8`` bytes, top to bottom; in each byte the leftmost dot is the most
significant bit, and a set bit burns a black dot. That is exactly the payload of the ESC/POS
command ``GS v 0``, so the preview PNG, the bytes sent and the bytes a test reads back from a
fake printer can be compared bit for bit.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

GS_V0 = b"\x1dv0"
MAX_RASTER_HEIGHT = 2303  # GS v 0 allows 1..2303 rows on Epson's reference printers
_INVERT = bytes(255 - i for i in range(256))
_BLACK_BELOW = bytes(0 if i < 128 else 255 for i in range(256))


@dataclass(frozen=True)
class Raster:
    width: int
    height: int
    rows: bytes

    def __post_init__(self) -> None:
        if self.width <= 0 or self.width % 8 or self.height <= 0:
            raise ValueError(f"a raster is a positive multiple of 8 dots wide ({self.width})")
        if len(self.rows) != self.width // 8 * self.height:
            raise ValueError("raster data does not match its size")

    @property
    def width_bytes(self) -> int:
        return self.width // 8

    def black_dots(self) -> int:
        return sum(bin(b).count("1") for b in self.rows)

    def row(self, y: int) -> bytes:
        return self.rows[y * self.width_bytes : (y + 1) * self.width_bytes]

    def to_pil(self) -> Image.Image:
        """A Pillow mode "1" image (there, a set bit is white)."""
        return Image.frombytes("1", (self.width, self.height), self.rows.translate(_INVERT))

    def png_bytes(self) -> bytes:
        out = io.BytesIO()
        self.to_pil().save(out, format="PNG", optimize=True)
        return out.getvalue()

    def save_png(self, path: str | Path) -> None:
        Path(path).write_bytes(self.png_bytes())

    def gs_v0(self) -> bytes:
        """The ``GS v 0`` command that prints this raster at normal density."""
        w, h = self.width_bytes, self.height
        return GS_V0 + bytes((0, w & 0xFF, w >> 8, h & 0xFF, h >> 8)) + self.rows


def from_gray(width: int, height: int, gray: bytes) -> Raster:
    """Threshold 8-bit grey (0 black … 255 white, ``width`` bytes a row) at mid-grey, without
    dithering: an edge pixel is black or white, never a pattern of dots."""
    if len(gray) != width * height:
        raise ValueError("grey data does not match its size")
    binary = Image.frombytes("L", (width, height), gray.translate(_BLACK_BELOW))
    bits = binary.convert("1", dither=Image.Dither.NONE).tobytes()
    return Raster(width, height, bits.translate(_INVERT))


def from_image(image: Image.Image) -> Raster:
    """A Pillow image (a PNG preview, say) as a raster: dark pixels are dots."""
    gray = image.convert("L")
    return from_gray(gray.width, gray.height, gray.tobytes())


def load_png(path: str | Path) -> Raster:
    with Image.open(path) as image:
        return from_image(image)


def iter_gs_v0(data: bytes) -> Iterator[tuple[int, Raster]]:
    """Every ``GS v 0`` raster in a byte stream, with its offset (for tests and tools)."""
    start = 0
    while (at := data.find(GS_V0, start)) >= 0:
        raster, end = decode_gs_v0(data, at)
        yield at, raster
        start = end


def decode_gs_v0(data: bytes, at: int = 0) -> tuple[Raster, int]:
    """The raster of the ``GS v 0`` command at ``at``, and the offset just after it."""
    if data[at : at + 3] != GS_V0:
        raise ValueError(f"no GS v 0 at offset {at}")
    header = data[at + 3 : at + 8]
    if len(header) < 5:
        raise ValueError("truncated GS v 0 header")
    mode, xl, xh, yl, yh = header
    if mode not in (0, 48):
        raise ValueError(f"GS v 0 mode {mode}: only normal density is used")
    width_bytes, height = xl | xh << 8, yl | yh << 8
    end = at + 8 + width_bytes * height
    if end > len(data):
        raise ValueError("truncated GS v 0 data")
    return Raster(width_bytes * 8, height, bytes(data[at + 8 : end])), end
