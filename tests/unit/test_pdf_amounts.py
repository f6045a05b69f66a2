"""Amounts as printed on the return record and letters: figures in Thai digits and the same
amount in Thai words (desktop_app.domain.compensation.baht_text), on the edge cases of the
Thai number words: เอ็ด after a ten or a million, ยี่สิบ, สิบ alone, ล้าน, and satang."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop_app.domain.compensation import baht_text
from printing.pdf.base import Numerals


@pytest.mark.parametrize(
    ("amount", "figures", "words"),
    [
        ("0", "๐.๐๐", "ศูนย์บาทถ้วน"),
        ("1", "๑.๐๐", "หนึ่งบาทถ้วน"),
        ("10", "๑๐.๐๐", "สิบบาทถ้วน"),
        ("11", "๑๑.๐๐", "สิบเอ็ดบาทถ้วน"),
        ("20", "๒๐.๐๐", "ยี่สิบบาทถ้วน"),
        ("21", "๒๑.๐๐", "ยี่สิบเอ็ดบาทถ้วน"),
        ("101", "๑๐๑.๐๐", "หนึ่งร้อยเอ็ดบาทถ้วน"),
        ("111", "๑๑๑.๐๐", "หนึ่งร้อยสิบเอ็ดบาทถ้วน"),
        ("17500", "๑๗,๕๐๐.๐๐", "หนึ่งหมื่นเจ็ดพันห้าร้อยบาทถ้วน"),
        ("1000000", "๑,๐๐๐,๐๐๐.๐๐", "หนึ่งล้านบาทถ้วน"),
        ("1000001", "๑,๐๐๐,๐๐๑.๐๐", "หนึ่งล้านเอ็ดบาทถ้วน"),
        ("1000011", "๑,๐๐๐,๐๑๑.๐๐", "หนึ่งล้านสิบเอ็ดบาทถ้วน"),
        ("21000021", "๒๑,๐๐๐,๐๒๑.๐๐", "ยี่สิบเอ็ดล้านยี่สิบเอ็ดบาทถ้วน"),
        ("101000000", "๑๐๑,๐๐๐,๐๐๐.๐๐", "หนึ่งร้อยเอ็ดล้านบาทถ้วน"),
        ("17500.50", "๑๗,๕๐๐.๕๐", "หนึ่งหมื่นเจ็ดพันห้าร้อยบาทห้าสิบสตางค์"),
        ("0.50", "๐.๕๐", "ห้าสิบสตางค์"),
        ("0.01", "๐.๐๑", "หนึ่งสตางค์"),
        ("1.21", "๑.๒๑", "หนึ่งบาทยี่สิบเอ็ดสตางค์"),
        ("6250.005", "๖,๒๕๐.๐๑", "หกพันสองร้อยห้าสิบบาทหนึ่งสตางค์"),  # half up to the satang
    ],
)
def test_figures_and_words(amount, figures, words):
    value = Decimal(amount)
    assert baht_text(value) == words
    shown = Numerals(thai=True).money(Decimal(amount).quantize(Decimal("0.01"), "ROUND_HALF_UP"))
    assert shown == figures
    assert Numerals(thai=False).money(
        Decimal(amount).quantize(Decimal("0.01"), "ROUND_HALF_UP")
    ) == (figures.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))
