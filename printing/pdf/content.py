"""What the documents say, as plain frozen dataclasses. The services fill them from the
database and the settings; labels come already in Thai (status, condition, method), amounts
in words come computed (desktop_app.domain.compensation.baht_text): printing knows neither
the database nor the domain."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote, unquote

LOAN_PREFIX = "khetdesk://loan/"  # the QR on a loan record
ASSET_PREFIX = "khetdesk://asset/"  # the QR on an asset label


def loan_link(loan_no: str) -> str:
    """What the loan record's QR holds: ``khetdesk://loan/`` and the loan number
    percent-encoded as UTF-8 (``ยม.0001/2570`` → ``khetdesk://loan/%E0%B8%A2%E0%B8%A1.0001%2F2570``).
    Plain ASCII, so a barcode scanner typing it as a keyboard sends it unchanged (with an
    English keyboard layout active), and the ``/`` inside a number cannot be mistaken for
    the end of the scheme."""
    return LOAN_PREFIX + quote(loan_no, safe="")


def asset_link(asset_no: str) -> str:
    """``khetdesk://asset/7440-001-0001%2F2566`` for asset 7440-001-0001/2566."""
    return ASSET_PREFIX + quote(asset_no, safe="")


def _parse(prefix: str, text: str) -> str | None:
    text = text.strip()
    if text[: len(prefix)].lower() != prefix:
        return None
    value = unquote(text[len(prefix) :], errors="strict")
    return value or None


def parse_loan_link(text: str) -> str | None:
    """The loan number in a scanned loan QR, or None when ``text`` is not one."""
    try:
        return _parse(LOAN_PREFIX, text)
    except UnicodeDecodeError:
        return None


def parse_asset_link(text: str) -> str | None:
    """The asset number in a scanned asset label, or None when ``text`` is not one."""
    try:
        return _parse(ASSET_PREFIX, text)
    except UnicodeDecodeError:
        return None


@dataclass(frozen=True)
class DocSetup:
    """The office's document settings."""

    agency: str  # office.name
    emblem: bytes | None = None  # the Garuda emblem (document.emblem_path), PNG or JPEG
    thai_digits: bool = True  # document.digits
    supply_unit: str = ""  # document.supply_unit: the unit that holds and lends
    address: str = ""  # document.address: under the emblem on letters
    contact: str = ""  # document.contact: telephone line on letters
    signer_name: str = ""  # document.signer_name: who signs letters for the head
    signer_position: str = ""  # document.signer_position


@dataclass(frozen=True)
class Person:
    name: str
    position: str = ""
    unit: str = ""


@dataclass(frozen=True)
class ItemLine:
    asset_no: str
    name: str
    qty: int
    unit: str
    condition_out: str = ""  # Thai label at handover ("สภาพดี"), "" before handover
    condition_in: str = ""  # Thai label at the return inspection, "" while out
    returned_qty: int = 0
    returned_on: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class LoanRecord:
    """ใบยืมพัสดุ: everything regulation-207-211.md "The paper record" lists."""

    setup: DocSetup
    loan_no: str
    requested_on: dt.date
    status: str  # Thai label
    borrower_is_agency: bool
    borrower: Person  # a person: name, position, unit; an agency: its name in ``unit``
    signatory: str  # an agency's signing official ("" for a person)
    contact: str
    purpose: str
    official_use: bool
    urgent: bool
    clause: str  # 208(1) 208(2) 208(3) 210
    clause_text: str  # who must approve and why
    approver_role: str  # Thai label of the role that approves
    place: str  # Thai label
    place_detail: str
    start: dt.date
    due: dt.date
    kind: str  # Thai label: ครุภัณฑ์ | วัสดุ
    items: tuple[ItemLine, ...]
    requested_by: Person | None
    approver: Person | None
    decided_on: dt.date | None
    delegation: str  # "ปฏิบัติราชการแทนหัวหน้าหน่วยงานของรัฐ" when delegated, else ""
    decision_note: str
    handed_over_by: Person | None
    handed_over_on: dt.date | None
    returned_on: dt.date | None
    received_by: Person | None
    qr: str  # loan_link(loan_no)


@dataclass(frozen=True)
class SettlementLine:
    asset_no: str
    name: str
    condition: str  # Thai label: ชำรุด | สูญหาย
    method: str  # Thai label, "" while unsettled
    amount: Decimal | None  # paid (method pay)
    amount_words: str  # baht_text(amount)
    suggested: Decimal | None
    working: str  # the compensation working, as shown to the officer
    receipt: str
    settled_on: dt.date | None
    settled_by: Person | None
    note: str = ""


@dataclass(frozen=True)
class ReturnRecord:
    """บันทึกการรับคืนและตรวจสภาพพัสดุ (clause 209)."""

    setup: DocSetup
    loan_no: str
    status: str
    borrower: Person
    borrower_is_agency: bool
    purpose: str
    start: dt.date
    due: dt.date
    returned_on: dt.date
    late_days: int
    items: tuple[ItemLine, ...]
    settlements: tuple[SettlementLine, ...]
    total_paid: Decimal
    total_words: str
    inspectors: tuple[Person, ...]
    open_items: int  # damaged or lost items not settled yet
    qr: str


@dataclass(frozen=True)
class FollowupLetter:
    """หนังสือติดตามทวงคืน (clause 211)."""

    setup: DocSetup
    letter_no: str
    on: dt.date
    loan_no: str
    requested_on: dt.date
    to: str  # เรียน …
    borrower: Person
    borrower_is_agency: bool
    purpose: str
    start: dt.date
    due: dt.date
    overdue_days: int
    followup_deadline: dt.date
    previous: tuple[tuple[dt.date, str], ...]  # earlier follow-ups: date, means (Thai)
    items: tuple[ItemLine, ...]  # still out
    total_value: Decimal  # acquisition price of what is out, for the clause 209 warning
    total_words: str
    # To the office's own staff: an internal memo (บันทึกข้อความ); to another agency: an
    # external letter. The outgoing number is typed in; blank for the correspondence register.
    memo: bool = False


@dataclass(frozen=True)
class RegisterLine:
    """One loan in the register (ทะเบียนคุมการยืมพัสดุ)."""

    loan_no: str
    start: dt.date
    due: dt.date
    borrower: str
    unit: str
    items: str  # one line per item: "7440-001-0001/2566 โน้ตบุ๊ก\n…"
    purpose: str
    approver: str
    returned_on: dt.date | None
    condition: str  # on return: สภาพดี / ชำรุด ๑ / …
    status: str
    overdue_days: int


@dataclass(frozen=True)
class LoanRegister:
    setup: DocSetup
    date_from: dt.date | None
    date_to: dt.date | None
    printed_on: dt.date
    lines: tuple[RegisterLine, ...]
    totals: tuple[tuple[str, int], ...]  # status label, count


@dataclass(frozen=True)
class UseLine:
    """One asset lent in the period: to whom, for what, how it came back."""

    asset_no: str
    name: str
    loan_no: str
    borrower: str
    unit: str
    purpose: str
    start: dt.date
    due: dt.date
    returned_on: dt.date | None
    outcome: str  # สภาพดี / ชำรุด – ซ่อมแซมแล้ว / สูญหาย – ชดใช้เงิน 17,500.00 / ยังไม่คืน
    days: int  # days lent (to the return, or to the report's end)


@dataclass(frozen=True)
class AssetUseReport:
    """รายงานการใช้พัสดุ (seed report item 24)."""

    setup: DocSetup
    date_from: dt.date | None
    date_to: dt.date | None
    printed_on: dt.date
    lines: tuple[UseLine, ...]
    loans: int
    assets: int
    borrowers: int
    damaged: int
    lost: int
    not_returned: int
    paid: Decimal
    paid_words: str


@dataclass(frozen=True)
class AssetLabel:
    asset_no: str
    name: str
    unit_holder: str = ""
    qr: str = ""  # asset_link(asset_no) when empty


@dataclass(frozen=True)
class LabelSheet:
    setup: DocSetup
    labels: tuple[AssetLabel, ...]
