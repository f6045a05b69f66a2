"""The ticket's QR code is qrcode's own symbol, module for module, built faster
(printing.qr._Symbol): the mask chosen by the faster score and the data placed from the
cached layout must give exactly what the library gives."""

from __future__ import annotations

import random

import pytest
import qrcode
import qrcode.constants
from qrcode import util

from printing.qr import penalty, qr_modules


def library_modules(content: str) -> list[list[bool]]:
    symbol = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    symbol.add_data(content)
    symbol.make(fit=True)
    return [list(map(bool, row)) for row in symbol.get_matrix()]


def test_the_score_is_the_librarys_on_random_matrices() -> None:
    rnd = random.Random(18)
    for _ in range(400):
        n = rnd.choice([21, 25, 29, 33, 45, 57, 77])
        dark = rnd.choice([0.1, 0.3, 0.5, 0.7, 0.9])
        matrix = [[rnd.random() < dark for _ in range(n)] for _ in range(n)]
        assert penalty(matrix) == util.lost_point(matrix)


def test_the_score_sees_each_rule() -> None:
    """Runs, 2×2 blocks, finder-like patterns and the dark share each move the score as
    the library's does (one matrix per rule, all light but for the feature)."""
    n = 21
    for feature in ([(0, c) for c in range(7)], [(5, 5), (5, 6), (6, 5), (6, 6)],
                    [(10, c) for c, bit in enumerate("10111010000") if bit == "1"],
                    [(r, c) for r in range(n) for c in range(n) if (r * n + c) % 3]):  # fmt: skip
        matrix = [[False] * n for _ in range(n)]
        for r, c in feature:
            matrix[r][c] = True
        assert penalty(matrix) == util.lost_point(matrix)


CONTENTS = [
    *(f"khetdesk:ticket:2026-11-24:{p}{i:03d}" for p in "ABCD" for i in range(1, 999, 37)),
    "https://bangrak.bangkok.go.th/queue/status?date=2026-11-24&code=A012&lang=th",
    "ทดสอบ ปั้น น้ำ",
    "0123456789" * 9,  # numeric segments
    "HELLO WORLD 12345",  # alphanumeric
    "x" * 200,  # a version of 7 or more: the version information is placed too
    "x" * 600,
]


@pytest.mark.parametrize("content", CONTENTS)
def test_the_symbol_is_the_librarys(content: str) -> None:
    assert qr_modules(content) == library_modules(content)
