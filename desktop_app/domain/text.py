"""Validation of free text typed by people: names, reasons, notes."""

from __future__ import annotations

import unicodedata

from desktop_app.domain.errors import InvalidInput


def clean_text(value: str | None, field: str, *, max_len: int = 200, required: bool = True) -> str:
    """Trimmed, NFC-normalised text without control characters; refuses empty or too long.

    NFC matters for Thai: the same word typed on two keyboards may order its marks
    differently, and must compare and print the same.
    """
    text = unicodedata.normalize("NFC", value or "").strip()
    if not text:
        if required:
            raise InvalidInput(f"ต้องระบุ{_FIELD_TH.get(field, field)} ({field} is required)")
        return ""
    if len(text) > max_len:
        raise InvalidInput(
            f"{_FIELD_TH.get(field, field)}ยาวเกินไป ({field} is {len(text)} characters; "
            f"at most {max_len})"
        )
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") for ch in text):
        raise InvalidInput(
            f"{_FIELD_TH.get(field, field)}มีอักขระควบคุม ({field} contains control characters)"
        )
    return text


_FIELD_TH = {
    "name": "ชื่อ",
    "name_en": "ชื่อภาษาอังกฤษ",
    "username": "ชื่อผู้ใช้",
    "reason": "เหตุผล",
    "position": "ตำแหน่ง",
    "unit": "หน่วยงาน",
    "password": "รหัสผ่าน",
    "code": "รหัส",
    "value": "ค่า",
}
