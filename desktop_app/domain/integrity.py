"""Rules of the integrity features (seed ITA items 20–24, 30), plain Python: the guideline's
file formats, misuse-case statuses and tracking codes, attachments, response deadlines."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from enum import StrEnum

from desktop_app.domain.errors import InvalidInput, NotFound

# ---------------------------------------------------------------- the guideline

RULES_FORMATS = {".md": "md", ".markdown": "md", ".pdf": "pdf"}
MAX_RULES_BYTES = 10 * 1024 * 1024


def rules_format(file_name: str, data: bytes) -> str:
    """``md`` or ``pdf`` from the file's name, checked against its content."""
    suffix = "." + file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    kind = RULES_FORMATS.get(suffix)
    if kind is None:
        raise InvalidInput(
            "แนวทางต้องเป็นไฟล์ .md หรือ .pdf (the guideline must be a .md or .pdf file)"
        )
    if not data.strip():
        raise InvalidInput("ไฟล์แนวทางว่างเปล่า (the guideline file is empty)")
    if len(data) > MAX_RULES_BYTES:
        raise InvalidInput("ไฟล์แนวทางใหญ่เกิน 10 MB (the guideline file is over 10 MB)")
    if kind == "pdf" and not data.startswith(b"%PDF-"):
        raise InvalidInput("ไฟล์ .pdf นี้ไม่ใช่ PDF (the .pdf file is not a PDF)")
    if kind == "md":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInput(
                "ไฟล์ Markdown ต้องเป็นข้อความ UTF-8 (the Markdown file is not UTF-8 text)"
            ) from None
        if "\x00" in text:
            raise InvalidInput("ไฟล์ Markdown มีอักขระ NUL (the Markdown file holds NUL bytes)")
    return kind


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- misuse cases


class CaseStatus(StrEnum):
    RECEIVED = "received"
    INVESTIGATING = "investigating"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"


CLOSED = frozenset({CaseStatus.RESOLVED, CaseStatus.DISMISSED})

STATUS_LABELS_TH = {
    CaseStatus.RECEIVED: "รับเรื่องแล้ว",
    CaseStatus.INVESTIGATING: "อยู่ระหว่างตรวจสอบ",
    CaseStatus.RESOLVED: "ดำเนินการแล้วเสร็จ",
    CaseStatus.DISMISSED: "ยุติเรื่อง (ไม่มีมูล)",
}


def parse_status(value: str) -> CaseStatus:
    try:
        return CaseStatus(value.strip().lower())
    except ValueError:
        allowed = ", ".join(s.value for s in CaseStatus)
        raise InvalidInput(
            f"สถานะไม่ถูกต้อง '{value[:30]}' (status must be one of: {allowed})"
        ) from None


def case_number(fiscal_year: int, seq: int) -> str:
    """``MU-2570-0001``: the office's misuse-report number, per BE fiscal year."""
    return f"MU-{fiscal_year}-{seq:04d}"


# Crockford's base32 without I, L, O, U: nothing to misread when copied from paper.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TRACKING_GROUPS = 3
TRACKING_GROUP_LEN = 4


def new_tracking_code() -> str:
    """``K7QM-9XP2-RTAB``: 60 random bits, for the reporter alone."""
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(TRACKING_GROUPS * TRACKING_GROUP_LEN))
    n = TRACKING_GROUP_LEN
    return "-".join(chars[i : i + n] for i in range(0, len(chars), n))


def normalise_tracking(code: str) -> str:
    """The code as issued, whatever the case, spaces or dashes typed; a code that cannot be
    one is "not found" (CLI.md: an unknown or malformed tracking code is exit 5)."""
    raw = "".join(ch for ch in code.upper() if ch not in " -\t")
    raw = raw.replace("O", "0").replace("I", "1").replace("L", "1")
    n = TRACKING_GROUP_LEN
    if len(raw) != TRACKING_GROUPS * n or any(ch not in _ALPHABET for ch in raw):
        raise NotFound("ไม่พบรหัสติดตามนี้ (no report has this tracking code)")
    return "-".join(raw[i : i + n] for i in range(0, len(raw), n))


def tracking_digest(code: str) -> str:
    """What the database keeps of a tracking code: its SHA-256, never the code."""
    return sha256_hex(normalise_tracking(code).encode("ascii"))


def response_deadline(created_at: dt.datetime, days: int) -> dt.datetime:
    return created_at + dt.timedelta(days=days)


def is_flagged(
    created_at: dt.datetime, first_action_at: dt.datetime | None, days: int, now: dt.datetime
) -> bool:
    """An untouched case past its response deadline."""
    return first_action_at is None and now > response_deadline(created_at, days)


# ---------------------------------------------------------------- attachments

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 10
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"GIF87a", "image/gif", ".gif"),
    (b"GIF89a", "image/gif", ".gif"),
    (b"%PDF-", "application/pdf", ".pdf"),
)


def attachment_type(name: str, data: bytes) -> tuple[str, str]:
    """(media type, file suffix) of an image or PDF, by its content; anything else, or a file
    over 10 MB, is refused."""
    short = name[-60:]
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise InvalidInput(f"ไฟล์แนบ {short} ใหญ่เกิน 10 MB (attachment '{short}' is over 10 MB)")
    if not data:
        raise InvalidInput(f"ไฟล์แนบ {short} ว่างเปล่า (attachment '{short}' is empty)")
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", ".webp"
    for magic, media, suffix in _MAGIC:
        if data.startswith(magic):
            return media, suffix
    raise InvalidInput(
        f"ไฟล์แนบ {short} ต้องเป็นรูปภาพ (PNG, JPEG, GIF, WebP) หรือ PDF "
        f"(attachment '{short}' must be an image or a PDF)"
    )


def long_text(value: str | None, field: str, label_th: str, *, max_len: int = 5000,
              required: bool = True) -> str:  # fmt: skip
    """A report's or a note's text: several lines allowed (``\\r\\n`` kept as ``\\n``), other
    control characters refused, NFC-normalised, at most ``max_len`` characters."""
    import unicodedata

    text = unicodedata.normalize("NFC", (value or "").replace("\r\n", "\n").replace("\r", "\n"))
    text = text.strip()
    if not text:
        if required:
            raise InvalidInput(f"ต้องระบุ{label_th} ({field} is required)")
        return ""
    if len(text) > max_len:
        raise InvalidInput(
            f"{label_th}ยาวเกินไป ({field} is {len(text):,} characters; at most {max_len:,})"
        )
    if any(ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")
           for ch in text):  # fmt: skip
        raise InvalidInput(f"{label_th}มีอักขระควบคุม ({field} contains control characters)")
    return text
