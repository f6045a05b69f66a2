"""QR codes on tickets: the content from the office's template, the modules from ``qrcode``.

The modules are drawn by the ticket renderer as whole printer dots (no scaling, no
antialiasing), so every module prints as a crisp square on the thermal head.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

import qrcode
import qrcode.constants
from qrcode import util

QUIET_ZONE = 4  # modules of white around the symbol, as ISO/IEC 18004 asks


def fill_template(template: str, code: str, day: dt.date) -> str:
    """``ticket.qr_template`` with ``{code}`` and ``{date}`` (ISO, e.g. 2026-11-24) filled in."""
    try:
        return template.format(code=code, date=day.isoformat())
    except (KeyError, IndexError, ValueError, AttributeError) as e:
        raise ValueError(
            f"แม่แบบ QR ใช้ไม่ได้ (the QR template cannot be filled: {type(e).__name__})"
        ) from None


def qr_modules(content: str) -> list[list[bool]]:
    """The dark (True) and light modules of the smallest symbol at error correction level M
    (15 %: a smudge or a fold on thermal paper still scans), without the quiet zone."""
    if not content:
        raise ValueError("QR ว่าง (empty QR content)")
    symbol = _Symbol(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    symbol.add_data(content)
    symbol.make(fit=True)
    return [list(map(bool, row)) for row in symbol.get_matrix()]


class _Symbol(qrcode.QRCode):  # type: ignore[misc]
    """``qrcode``'s own symbol, module for module, built about twice as fast: it tries all
    eight masks on every ticket, and each try placed the data bit by bit again and scored
    the result in pure Python. Here the data modules' positions and each mask's pattern are
    worked out once per version, and the score is :func:`penalty`, which equals
    ``qrcode.util.lost_point`` (tests/unit/test_qr_fast.py checks both against the
    library)."""

    _bits_of: object = None  # the codewords whose bits are in _bits (the same for each mask)
    _bits: Sequence[bool] = ()

    def map_data(self, data: bytes | list[int], mask_pattern: int) -> None:
        positions, flips = _layout(self.version, mask_pattern, self.modules)
        if self._bits_of is not data or len(self._bits) != len(positions):
            self._bits_of, self._bits = data, _data_bits(data, len(positions))
        bits = self._bits
        modules = self.modules
        for (row, col), bit, flip in zip(positions, bits, flips, strict=True):
            modules[row][col] = bit != flip

    def best_mask_pattern(self) -> int:
        best, pattern = 0, 0
        for mask in range(8):
            self.makeImpl(True, mask)
            score = penalty(self.modules)
            if mask == 0 or best > score:
                best, pattern = score, mask
        return pattern


_layouts: dict[tuple[int, int], tuple[list[tuple[int, int]], list[bool]]] = {}


def _layout(
    version: int, mask: int, modules: list[list[bool | None]]
) -> tuple[list[tuple[int, int]], list[bool]]:
    """Where the data modules go, in qrcode's order (two columns at a time, up and down
    from the bottom right, the timing column skipped), and which of them mask ``mask``
    inverts. Every module not yet set in ``modules`` is a data module."""
    found = _layouts.get((version, mask))
    if found is not None:
        return found
    count = len(modules)
    positions: list[tuple[int, int]] = []
    row, step = count - 1, -1
    for right in range(count - 1, 0, -2):
        if right <= 6:
            right -= 1
        while True:
            for col in (right, right - 1):
                if modules[row][col] is None:
                    positions.append((row, col))
            row += step
            if row < 0 or row >= count:
                row -= step
                step = -step
                break
    inverts = util.mask_func(mask)
    flips = [bool(inverts(r, c)) for r, c in positions]
    _layouts[(version, mask)] = (positions, flips)
    return positions, flips


def _data_bits(data: bytes | list[int], n: int) -> list[bool]:
    """The codewords' bits, most significant first, then light modules to fill ``n``."""
    bits = [bool(byte >> shift & 1) for byte in data for shift in range(7, -1, -1)]
    return (bits + [False] * n)[:n]


_RUNS = re.compile(rb"0{5,}|1{5,}")
_FINDER_LIKE = re.compile(rb"(?=10111010000|00001011101)")
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def penalty(modules: list[list[bool | None]]) -> int:
    """``qrcode.util.lost_point``, on strings and integers instead of module by module:
    runs of five or more of a colour in a row or column (length − 2 points each), 2×2
    blocks of one colour (3 each), finder-like 1:1:3:1:1 patterns with four light modules
    on a side (40 each), and 10 for each 5 % that the dark share is away from half."""
    count = len(modules)
    raw = [bytes(row) for row in modules]  # type: ignore[arg-type]  # every module is set
    rows = [row.translate(_DIGITS) for row in raw]
    # Every row and column in one string, a "2" between them: no run or pattern crosses it,
    # so each rule is one regex scan instead of one per line.
    lines = b"2".join(rows + [bytes(col).translate(_DIGITS) for col in zip(*raw, strict=True)])
    points = sum(len(run) - 2 for run in _RUNS.findall(lines))
    points += 40 * len(_FINDER_LIKE.findall(lines))
    full = (1 << count) - 1
    values = [int(row, 2) for row in rows]
    for upper, lower in itertools.pairwise(values):
        same_down = ~(upper ^ lower) & full
        same_right = ~(upper ^ (upper >> 1)) & (full >> 1)
        points += 3 * (same_down & (same_down >> 1) & same_right).bit_count()
    dark = sum(row.count(1) for row in raw)
    percent = float(dark) / (count**2)
    points += int(abs(percent * 100 - 50) / 5) * 10
    return points
