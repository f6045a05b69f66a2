"""QR codes on tickets: the content from the office's template, the modules from ``qrcode``.

The modules are drawn by the ticket renderer as whole printer dots (no scaling, no
antialiasing), so every module prints as a crisp square on the thermal head.
"""

from __future__ import annotations

import datetime as dt

import qrcode
import qrcode.constants

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
    symbol = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    symbol.add_data(content)
    symbol.make(fit=True)
    return [list(map(bool, row)) for row in symbol.get_matrix()]
