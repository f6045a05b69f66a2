"""Typed settings with defaults, in the manner of Picard's settings registry.

Office-wide keys are shared by every PC on the database; per-PC keys (the printer
attached to this PC, its language) are stored per machine name in the same table, so
IT can see every PC's printer from one place and every change is audited.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from desktop_app.domain.errors import InvalidInput, NotFound
from desktop_app.domain.fiscal import DEFAULT_NUMBER_FORMAT, validate_number_format
from desktop_app.domain.text import clean_text


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: str
    per_pc: bool
    description: str
    validate: Callable[[str], str]


def _text(max_len: int) -> Callable[[str], str]:
    return lambda v: clean_text(v, "value", max_len=max_len, required=False)


def _choice(*options: str) -> Callable[[str], str]:
    def check(v: str) -> str:
        if v.strip() not in options:
            raise InvalidInput(f"ค่าต้องเป็นหนึ่งใน {', '.join(options)} (got '{v[:40]}')")
        return v.strip()

    return check


def _fraction(v: str) -> str:
    try:
        d = Decimal(v.strip())
    except InvalidOperation:
        raise InvalidInput(
            f"ต้องเป็นตัวเลขทศนิยม เช่น 0.10 (a fraction such as 0.10, got '{v[:40]}')"
        ) from None
    if not d.is_finite() or not Decimal(0) <= d <= Decimal(1):
        raise InvalidInput(f"ต้องอยู่ระหว่าง 0 ถึง 1 (a fraction 0..1, got '{v[:40]}')")
    return str(d)


def _timeout(v: str) -> str:
    try:
        f = float(v.strip())
    except ValueError:
        raise InvalidInput(f"ต้องเป็นจำนวนวินาที (seconds, got '{v[:40]}')") from None
    if not 0.5 <= f <= 60:
        raise InvalidInput(f"เวลารอเครื่องพิมพ์ต้องอยู่ระหว่าง 0.5–60 วินาที (got '{v[:40]}')")
    return v.strip()


_PRINTER_SCHEMES = ("network", "usb", "serial", "file", "win32", "cups")


def _printer_connection(v: str) -> str:
    v = clean_text(v, "value", max_len=300)
    if v == "none":
        return v
    try:
        parts = urlsplit(v)
        # Only a network printer has a port; usb:// puts VID:PID where a port would be.
        port = parts.port if parts.scheme == "network" else None
    except ValueError:
        raise InvalidInput(f"การเชื่อมต่อเครื่องพิมพ์ไม่ถูกต้อง (malformed printer URL '{v[:60]}')") from None
    if parts.scheme not in _PRINTER_SCHEMES:
        raise InvalidInput(
            "การเชื่อมต่อเครื่องพิมพ์ต้องเป็น none หรือ "
            + ", ".join(f"{s}://…" for s in _PRINTER_SCHEMES)
            + f" (got '{v[:60]}')"
        )
    if parts.scheme == "network" and not parts.hostname:
        raise InvalidInput("network:// ต้องมีชื่อเครื่องหรือ IP (network://HOST:PORT)")
    if port is not None and not 1 <= port <= 65535:
        raise InvalidInput(f"พอร์ตต้องอยู่ระหว่าง 1–65535 (port out of range in '{v[:60]}')")
    if parts.scheme == "usb" and not re.fullmatch(
        r"(0x)?[0-9a-fA-F]{1,4}:(0x)?[0-9a-fA-F]{1,4}", parts.netloc
    ):
        raise InvalidInput("usb:// ต้องระบุ VID:PID เช่น usb://04b8:0e15")
    return v


def _qr_template(v: str) -> str:
    """Only ``{code}`` and ``{date}``, without conversions or format specs, so that rendering
    a ticket can never fail on an office's template."""
    v = clean_text(v, "value", max_len=500)
    try:
        fields = list(string.Formatter().parse(v))
    except ValueError:
        raise InvalidInput("แม่แบบ QR มีวงเล็บปีกกาไม่ครบ (unbalanced braces in template)") from None
    for _, name, spec_, conversion in fields:
        if name is None:
            continue
        if name not in ("code", "date") or spec_ or conversion:
            raise InvalidInput(
                "แม่แบบ QR ใช้ได้เฉพาะ {code} และ {date} "
                f"(only {{code}} and {{date}} are allowed, got '{{{name[:30]}…}}')"
            )
    return v


_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")


def _image_path(v: str) -> str:
    """The Garuda emblem for printed documents: empty (no emblem) or the path of a PNG or
    JPEG file (a shared-folder path works from every PC). Whether the file is there is
    checked when a document is printed, on the PC that prints it."""
    v = clean_text(v, "value", max_len=500, required=False)
    if v and not v.lower().endswith(_IMAGE_SUFFIXES):
        raise InvalidInput(
            f"ตราครุฑต้องเป็นไฟล์ .png หรือ .jpg (the emblem must be a PNG or JPEG file, got "
            f"'{v[-60:]}')"
        )
    return v


def _whole(low: int, high: int) -> Callable[[str], str]:
    def check(v: str) -> str:
        text = v.strip()
        if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
            raise InvalidInput(f"ต้องเป็นจำนวนเต็ม {low}–{high} (a whole number {low}-{high}, "
                               f"got '{v[:40]}')")  # fmt: skip
        return str(int(text))

    return check


# Appointments and the calling policy (issue 15; CLI.md "Appointments and calling policy").
_APPOINTMENT_SPECS = (
    SettingSpec("queue.priority_run_max", "0", False,
                "after this many priority calls in a row at a counter, the next call takes the "
                "longest-waiting ordinary ticket (0: no limit)", _whole(0, 100)),
    SettingSpec("queue.ageing_minutes", "0", False,
                "an ordinary ticket waiting this long ranks with the priority lanes (0: off)",
                _whole(0, 24 * 60)),
    SettingSpec("appointment.early_minutes", "60", False,
                "check-in opens this many minutes before the appointment", _whole(0, 24 * 60)),
    SettingSpec("appointment.grace_minutes", "15", False,
                "later than this after the appointment, a plain walk-in ticket",
                _whole(0, 24 * 60)),
    SettingSpec("appointment.keep_personal_days", "30", False,
                "days after the appointment that its name and phone are kept (PDPA)",
                _whole(0, 3650)),
)  # fmt: skip


def _base_url(v: str) -> str:
    """``web.base_url``: empty (tickets' QR codes carry ``ticket.qr_template``) or the address
    phones reach ``khetdesk serve`` at, http(s)://host[:port][/path]; a trailing slash is
    dropped so that ``{base_url}/t/…`` never doubles it."""
    v = clean_text(v, "value", max_len=200, required=False).rstrip("/")
    if not v:
        return ""
    parts = urlsplit(v)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise InvalidInput(
            "ที่อยู่เว็บต้องเป็น http://เครื่อง:พอร์ต เช่น http://10.0.0.2:8080 "
            f"(web.base_url must be like http://10.0.0.2:8080, got '{v[:60]}')"
        )
    try:
        parts.port  # noqa: B018  (a port out of range raises)
    except ValueError:
        raise InvalidInput(f"พอร์ตไม่ถูกต้อง (bad port in '{v[:60]}')") from None
    return v


# Backups (issue 17): verified automatic backups.
def _clock_time(v: str) -> str:
    t = v.strip()
    parts = t.split(":")
    ok = len(parts) == 2 and all(p.isascii() and p.isdigit() and len(p) == 2 for p in parts)
    if not ok or int(parts[0]) > 23 or int(parts[1]) > 59:
        raise InvalidInput(f"เวลาต้องเป็น HH:MM (a time HH:MM, got '{v[:40]}')")
    return t


_BACKUP_SPECS = (
    SettingSpec(
        "backup.dir",
        "",
        True,
        "backup folder of this PC (empty: user data dir/backups)",
        _text(500),
    ),
    SettingSpec(
        "backup.time", "17:00", True, "daily backup at the first start after HH:MM", _clock_time
    ),
    SettingSpec("backup.keep_daily", "14", False, "daily backups kept", _whole(1, 3650)),
    SettingSpec("backup.keep_monthly", "12", False, "monthly backups kept", _whole(0, 1200)),
)


SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec("office.name", "สำนักงานเขต", False, "ชื่อสำนักงาน / office name", _text(200)),
        SettingSpec(
            "office.name_en", "District Office", False, "office name in English", _text(200)
        ),
        SettingSpec(
            "printer.connection", "none", True, "thermal printer of this PC", _printer_connection
        ),
        SettingSpec(
            "printer.width_dots", "576", True, "paper width in dots", _choice("384", "512", "576")
        ),
        SettingSpec("printer.profile", "default", True, "python-escpos profile", _text(60)),
        SettingSpec("printer.timeout_s", "3", True, "printer timeout, seconds", _timeout),
        SettingSpec(
            "ui.language", "th", True, "language of this PC's windows", _choice("th", "en")
        ),
        SettingSpec(
            "ticket.qr_template", "khetdesk:ticket:{date}:{code}", False, "QR content", _qr_template
        ),
        SettingSpec("ticket.footer", "ขอบคุณที่ใช้บริการ", False, "ticket footer line", _text(200)),
        SettingSpec(
            "document.language", "th", False, "language of printed documents", _choice("th", "en")
        ),
        SettingSpec(
            "document.emblem_path", "", False, "Garuda emblem image on documents", _image_path
        ),
        SettingSpec(
            "document.digits",
            "thai",
            False,
            "numbers on documents: ๑๒๓ or 123",
            _choice("thai", "arabic"),
        ),
        SettingSpec("document.supply_unit", "", False, "the supply unit (หน่วยพัสดุ)", _text(200)),
        SettingSpec("document.address", "", False, "office address on letters", _text(300)),
        SettingSpec("document.contact", "", False, "contact line on letters (โทร.)", _text(200)),
        SettingSpec(
            "document.letter_prefix", "", False, "letter number prefix (ที่ กท …)", _text(60)
        ),
        SettingSpec("document.signer_name", "", False, "who signs follow-up letters", _text(200)),
        SettingSpec("document.signer_position", "", False, "the signer's position", _text(200)),
        SettingSpec("depreciation.rate.vehicle", "0.20", False, "yearly rate, vehicles", _fraction),
        SettingSpec(
            "depreciation.rate.default", "0.10", False, "yearly rate, other durables", _fraction
        ),
        SettingSpec("depreciation.floor", "0.25", False, "floor share of the price", _fraction),
        SettingSpec(
            "loan.number_format",
            DEFAULT_NUMBER_FORMAT,
            False,
            "loan number: {seq} per fiscal year, {fy} its BE year",
            validate_number_format,
        ),
        *_APPOINTMENT_SPECS,
        # The citizen's phone (khetdesk serve, desktop_app/web).
        SettingSpec(
            "web.base_url", "", False, "address of khetdesk serve for tickets' QR", _base_url
        ),
        *_BACKUP_SPECS,
    )
}


# ---------------------------------------------------------------- integrity (issue 16)


def _on_off(v: str) -> str:
    """A switch: on/off (true/false, yes/no, 1/0 are understood), stored as on or off."""
    t = v.strip().lower()
    if t in ("on", "true", "yes", "1"):
        return "on"
    if t in ("off", "false", "no", "0"):
        return "off"
    raise InvalidInput(f"ค่าต้องเป็น on หรือ off (a switch: on or off, got '{v[:40]}')")


def _days(v: str) -> str:
    t = v.strip()
    if not (t.isascii() and t.isdigit() and 1 <= int(t) <= 365):
        raise InvalidInput(f"ต้องเป็นจำนวนวัน 1–365 (a number of days 1-365, got '{v[:40]}')")
    return str(int(t))


def _usernames(v: str) -> str:
    names = [n.strip().lower() for n in clean_text(v, "value", max_len=500, required=False)
             .replace(";", ",").split(",") if n.strip()]  # fmt: skip
    return ",".join(dict.fromkeys(names))


INTEGRITY_SPECS = (
    SettingSpec(
        "rules.required_for_loans", "off", False,
        "a loan request needs the current guideline acknowledged (on/off)", _on_off,
    ),
    SettingSpec(
        "misuse.response_days", "15", False,
        "days before an untouched misuse report is flagged", _days,
    ),
    SettingSpec(
        "misuse.handlers", "", False,
        "users who handle misuse reports besides the agency head and admins (comma list)",
        _usernames,
    ),
)  # fmt: skip
SPECS.update({s.key: s for s in INTEGRITY_SPECS})


def spec(key: str) -> SettingSpec:
    try:
        return SPECS[key]
    except KeyError:
        raise NotFound(f"ไม่มีการตั้งค่า '{key[:60]}' (no such setting)") from None
