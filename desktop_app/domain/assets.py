"""The asset register: kinds, conditions, the status an asset shows, and the checks on
what is typed into the register (asset numbers, money, quantities)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from desktop_app.domain.errors import InvalidInput


class AssetKind(StrEnum):
    DURABLE = "durable"  # พัสดุประเภทใช้คงรูป / ครุภัณฑ์: one row per asset number
    CONSUMABLE = "consumable"  # พัสดุประเภทสิ้นเปลือง / วัสดุ: counted in a unit


class Condition(StrEnum):
    GOOD = "good"
    DAMAGED = "damaged"
    LOST = "lost"


class AssetStatus(StrEnum):
    AVAILABLE = "available"
    ON_LOAN = "on_loan"
    RESERVED = "reserved"
    UNDER_REPAIR = "under_repair"
    LOST = "lost"
    WRITTEN_OFF = "written_off"


KIND_LABELS_TH = {AssetKind.DURABLE: "ครุภัณฑ์", AssetKind.CONSUMABLE: "วัสดุ"}
CONDITION_LABELS_TH = {Condition.GOOD: "สภาพดี", Condition.DAMAGED: "ชำรุด", Condition.LOST: "สูญหาย"}
STATUS_LABELS_TH = {
    AssetStatus.AVAILABLE: "พร้อมให้ยืม",
    AssetStatus.ON_LOAN: "ถูกยืมอยู่",
    AssetStatus.RESERVED: "จองแล้ว",
    AssetStatus.UNDER_REPAIR: "รอซ่อม",
    AssetStatus.LOST: "สูญหาย",
    AssetStatus.WRITTEN_OFF: "จำหน่ายแล้ว",
}
# The rate settings a category may use: depreciation.rate.<class>.
DEPRECIATION_CLASSES = ("default", "vehicle")
DEFAULT_CATEGORY = "default"
DEFAULT_DURABLE_UNIT = "ชิ้น"
MAX_PRICE = Decimal("999999999999.99")
MAX_QTY = 10_000_000


def derive_status(
    kind: AssetKind, condition: Condition, written_off: bool, on_loan: bool, reserved: bool
) -> AssetStatus:
    """What the register shows. Written off, lost and damaged (under repair) come from the
    return inspection and settlement (clause 209); on loan and reserved from open loans:
    handed over and not back, or requested/approved and not yet handed over."""
    if written_off:
        return AssetStatus.WRITTEN_OFF
    if kind is AssetKind.CONSUMABLE:
        return AssetStatus.AVAILABLE  # its stock is in qty_on_hand
    if condition is Condition.LOST:
        return AssetStatus.LOST
    if condition is Condition.DAMAGED:
        return AssetStatus.UNDER_REPAIR
    if on_loan:
        return AssetStatus.ON_LOAN
    if reserved:
        return AssetStatus.RESERVED
    return AssetStatus.AVAILABLE


def text_field(
    value: object, field: str, label_th: str, *, max_len: int = 200, required: bool = True
) -> str:
    """Typed text (as domain.text.clean_text), with the field's Thai name in the message
    and the field name in ``details["field"]`` for an import's error report."""
    text = unicodedata.normalize("NFC", "" if value is None else str(value)).strip()
    if not text:
        if required:
            raise InvalidInput(f"ต้องระบุ{label_th} ({field} is required)", field=field)
        return ""
    if len(text) > max_len:
        raise InvalidInput(
            f"{label_th}ยาวเกินไป ({field} is {len(text)} characters; at most {max_len})",
            field=field,
        )
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") for ch in text):
        raise InvalidInput(
            f"{label_th}มีอักขระควบคุม ({field} contains control characters)", field=field
        )
    return text


def _choice(enum: type[StrEnum], value: str, field: str, label_th: str) -> str:
    text = value.strip().lower()
    allowed = ", ".join(m.value for m in enum)
    if text not in {m.value for m in enum}:
        raise InvalidInput(
            f"{label_th}ต้องเป็น {allowed} ({field} must be one of {allowed}, got '{value[:40]}')",
            field=field,
        )
    return text


def parse_kind(value: str) -> AssetKind:
    return AssetKind(_choice(AssetKind, value, "kind", "ประเภทพัสดุ"))


def parse_condition(value: str) -> Condition:
    return Condition(_choice(Condition, value, "condition", "สภาพ"))


def parse_status(value: str) -> AssetStatus:
    return AssetStatus(_choice(AssetStatus, value, "status", "สถานะ"))


# Asset numbers such as 7440-001-0001/2566: no spaces, and no ':' (the CLI writes items as
# ASSET_NO:QTY and ASSET_NO:CONDITION:QTY).
_ASSET_NO_BAD = re.compile(r"[\s:]")


def validate_asset_no(value: str) -> str:
    text = text_field(value, "asset_no", "เลขครุภัณฑ์", max_len=64)
    if _ASSET_NO_BAD.search(text):
        raise InvalidInput(
            f"เลขครุภัณฑ์ต้องไม่มีช่องว่างหรือเครื่องหมาย : (asset number may not contain "
            f"spaces or ':', got '{text[:40]}')",
            field="asset_no",
        )
    return text


def normalise_asset_no(value: str) -> str:
    """For look-ups: what was typed, trimmed and NFC-normalised (no validation)."""
    return unicodedata.normalize("NFC", value or "").strip()


def parse_money(value: object, field: str = "price") -> Decimal:
    """Baht with at most two decimals, ``25000``, ``25,000.50`` or a number cell."""
    if isinstance(value, bool):
        raise InvalidInput(f"จำนวนเงินไม่ถูกต้อง ({field} must be an amount in baht)", field=field)
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    else:
        text = str(value if value is not None else "").strip().replace(",", "")
        text = text.removesuffix("บาท").strip()
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise InvalidInput(
                f"จำนวนเงินไม่ถูกต้อง '{str(value)[:40]}' ({field} must be an amount in baht, "
                "e.g. 25000 or 25000.50)",
                field=field,
            ) from None
    if not amount.is_finite() or amount < 0 or amount > MAX_PRICE:
        raise InvalidInput(
            f"จำนวนเงินต้องอยู่ระหว่าง 0 ถึง {MAX_PRICE:,} บาท ({field} out of range)", field=field
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise InvalidInput(
            f"จำนวนเงินมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง ({field}: at most 2 decimals, satang)",
            field=field,
        )
    return amount.quantize(Decimal("0.01"))


def parse_int(value: object, field: str, *, minimum: int = 0, label_th: str = "จำนวน") -> int:
    """A whole number from a CLI option, a CSV cell or an XLSX number (``12`` or ``12.0``)."""
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float | Decimal):
        if value == int(value):
            number = int(value)
    else:
        text = str(value if value is not None else "").strip().replace(",", "")
        if re.fullmatch(r"[+-]?\d{1,9}(\.0+)?", text):
            number = int(Decimal(text))
    if number is None:
        raise InvalidInput(
            f"{label_th}ต้องเป็นจำนวนเต็ม ({field} must be a whole number, got '{str(value)[:40]}')",
            field=field,
        )
    if not minimum <= number <= MAX_QTY:
        raise InvalidInput(
            f"{label_th}ต้องอยู่ระหว่าง {minimum} ถึง {MAX_QTY:,} ({field} out of range: {number})",
            field=field,
        )
    return number


def parse_date(value: object, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value if value is not None else "").strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            f"วันที่ไม่ถูกต้อง '{text[:40]}' ({field} must be a date YYYY-MM-DD)", field=field
        ) from None


_TRUE = {"true", "yes", "y", "1", "ใช่", "ได้", "x", "✓"}
_FALSE = {"false", "no", "n", "0", "ไม่", "ไม่ได้", "-"}


def parse_bool(value: object, field: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = str(value if value is not None else "").strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InvalidInput(
        f"ค่าต้องเป็น ใช่/ไม่ ({field} must be yes or no, got '{text[:40]}')", field=field
    )


def validate_category_code(value: str) -> str:
    text = text_field(value, "category", "หมวดพัสดุ", max_len=60)
    return text.lower() if text.isascii() else text
