"""Lending government supplies under the Ministry of Finance regulation B.E. 2560,
clauses 207–211 (see regulation-207-211.md). Plain rules, no database: who must approve
which loan, what each clause refuses, and the follow-up deadline.

Every refusal names its clause, Thai first: ``ข้อ 208(3): … (clause 208(3): …)``. A rule of
the regulation is a RuleViolation (exit 3) carrying ``clause``; the wrong approver is a
ClauseForbidden (exit 4), also carrying ``clause``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop_app.domain.assets import (
    AssetKind,
    AssetStatus,
    Condition,
    normalise_asset_no,
    parse_condition,
    parse_int,
    text_field,
)
from desktop_app.domain.errors import Forbidden, InvalidInput, RuleViolation
from desktop_app.domain.roles import Role

FOLLOWUP_DAYS = 7  # clause 211: follow up within 7 days of the due date


class LoanStatus(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    ON_LOAN = "on_loan"
    RETURNED = "returned"  # everything is back; a damaged or lost item awaits settlement
    CLOSED = "closed"
    CANCELLED = "cancelled"


# Requested or approved, not yet handed over: these reserve their durable items.
PENDING = frozenset({LoanStatus.SUBMITTED, LoanStatus.APPROVED})
# Handed over at some point: the loan really happened.
LENT = frozenset({LoanStatus.ON_LOAN, LoanStatus.RETURNED, LoanStatus.CLOSED})


class BorrowerType(StrEnum):
    PERSON = "person"
    AGENCY = "agency"


def borrower_unit(kind: str, unit: str, name: str) -> str:
    """The unit (ฝ่าย) a borrower stands for in registers and lists: a person's unit; an
    agency (another หน่วยงาน) is its own unit. (The statistics group by the same rule in SQL:
    services/stats_loans.py.)"""
    return unit if kind == BorrowerType.PERSON.value else name


class Place(StrEnum):
    ON_PREMISES = "on_premises"
    OFF_PREMISES = "off_premises"


class Method(StrEnum):
    REPAIR = "repair"
    REPLACE = "replace"
    PAY = "pay"


class FollowupMeans(StrEnum):
    LETTER = "letter"
    PHONE = "phone"
    EMAIL = "email"
    VISIT = "visit"
    OTHER = "other"


STATUS_LABELS_TH = {
    LoanStatus.SUBMITTED: "รออนุมัติ",
    LoanStatus.APPROVED: "อนุมัติแล้ว รอส่งมอบ",
    LoanStatus.REJECTED: "ไม่อนุมัติ",
    LoanStatus.ON_LOAN: "อยู่ระหว่างยืม",
    LoanStatus.RETURNED: "คืนแล้ว รอชดใช้",
    LoanStatus.CLOSED: "ปิดแล้ว",
    LoanStatus.CANCELLED: "ยกเลิก",
}
METHOD_LABELS_TH = {
    Method.REPAIR: "ซ่อมแซมให้คงสภาพเดิม",
    Method.REPLACE: "ชดใช้เป็นพัสดุประเภท ชนิด ขนาด ลักษณะและคุณภาพเดียวกัน",
    Method.PAY: "ชดใช้เป็นเงิน",
}
# The same, short, for table columns and chart bars.
METHOD_SHORT_LABELS_TH = {
    Method.REPAIR: "ซ่อมแซม",
    Method.REPLACE: "ชดใช้เป็นพัสดุ",
    Method.PAY: "ชดใช้เป็นเงิน",
}
ROLE_LABELS_TH = {
    Role.AGENCY_HEAD: "หัวหน้าหน่วยงานของรัฐ",
    Role.SUPPLY_HEAD: "หัวหน้าหน่วยพัสดุผู้ครอบครองพัสดุ",
}


class ClauseForbidden(Forbidden):
    """The role (or the person) may not decide this loan under the clause named."""

    def __init__(self, message: str, clause: str, **details: Any) -> None:
        super().__init__(message, **details)
        self.clause = clause


def refuse(clause: str, thai: str, english: str, **details: Any) -> RuleViolation:
    return RuleViolation(f"ข้อ {clause}: {thai} (clause {clause}: {english})", clause=clause,
                         **details)  # fmt: skip


def _choice(enum: type[StrEnum], value: str | None, field: str, label_th: str) -> str:
    text = (value or "").strip().lower()
    values = [m.value for m in enum]
    if text not in values:
        raise InvalidInput(
            f"{label_th}ต้องเป็น {', '.join(values)} ({field} must be one of "
            f"{', '.join(values)}, got '{(value or '')[:40]}')",
            field=field,
        )
    return text


def parse_borrower_type(value: str | None) -> BorrowerType:
    return BorrowerType(_choice(BorrowerType, value, "borrower_type", "ประเภทผู้ยืม"))


def parse_place(value: str | None) -> Place:
    return Place(_choice(Place, value, "place", "สถานที่ใช้"))


def parse_method(value: str | None) -> Method:
    return Method(_choice(Method, value, "method", "วิธีชดใช้"))


def parse_means(value: str | None) -> FollowupMeans:
    return FollowupMeans(_choice(FollowupMeans, value, "means", "วิธีติดตาม"))


def parse_loan_status(value: str | None) -> LoanStatus:
    return LoanStatus(_choice(LoanStatus, value, "status", "สถานะใบยืม"))


# ---------------------------------------------------------------- who approves (208, 210)


@dataclass(frozen=True)
class LoanCase:
    clause: str  # 208(1) | 208(2) | 208(3) | 210
    approver_role: Role


def loan_case(kind: AssetKind, borrower_type: BorrowerType, place: Place | None) -> LoanCase:
    """The clause a loan falls under and the role that must approve it."""
    if kind is AssetKind.CONSUMABLE:
        if borrower_type is not BorrowerType.AGENCY:
            raise refuse(
                "210",
                "วัสดุสิ้นเปลืองให้ยืมได้เฉพาะระหว่างหน่วยงานของรัฐเท่านั้น ไม่ให้บุคคลยืม",
                "consumable supplies are lent only to another state agency, never to a person",
            )
        return LoanCase("210", Role.AGENCY_HEAD)
    if borrower_type is BorrowerType.AGENCY:
        return LoanCase("208(1)", Role.AGENCY_HEAD)
    if place is None:
        raise refuse(
            "208",
            "ต้องระบุว่าใช้ภายในสถานที่ (on_premises) หรือนำไปนอกสถานที่ (off_premises) เพื่อกำหนดผู้อนุมัติ",
            "say where it is used, --place on_premises or off_premises: it decides the approver",
        )
    if place is Place.ON_PREMISES:
        return LoanCase("208(2)", Role.SUPPLY_HEAD)
    return LoanCase("208(3)", Role.AGENCY_HEAD)


_CASE_TEXT = {
    "208(1)": (
        "การยืมระหว่างหน่วยงานของรัฐ ต้องได้รับอนุมัติจากหัวหน้าหน่วยงานของรัฐผู้ให้ยืม",
        "a loan to another state agency needs the approval of the head of the lending "
        "agency (agency_head)",
    ),
    "208(2)": (
        "การยืมไปใช้ภายในสถานที่ของหน่วยงาน ต้องได้รับอนุมัติจากหัวหน้าหน่วยพัสดุผู้ครอบครองพัสดุนั้น",
        "a person using it on the premises needs the approval of the head of the supply unit "
        "that holds it (supply_head)",
    ),
    "208(3)": (
        "การยืมไปใช้นอกสถานที่ ต้องได้รับอนุมัติจากหัวหน้าหน่วยงานของรัฐ",
        "a person taking it off the premises needs the approval of the head of the agency "
        "(agency_head)",
    ),
    "210": (
        "การยืมวัสดุสิ้นเปลืองระหว่างหน่วยงานของรัฐ ต้องได้รับอนุมัติจากหัวหน้าหน่วยงานของรัฐผู้ให้ยืม",
        "lending consumables to another agency needs the approval of the head of the lending "
        "agency (agency_head)",
    ),
}


def case_text(clause: str) -> tuple[str, str]:
    return _CASE_TEXT[clause]


@dataclass(frozen=True)
class Delegated:
    """A recorded delegation the approver holds today."""

    delegation_id: int
    role: Role
    unit: str
    delegated_by: str


@dataclass(frozen=True)
class Authority:
    """How the approver may decide: in their own role, or on behalf of ``on_behalf_of``
    under delegation ``delegation_id``."""

    acting_role: Role
    on_behalf_of: Role | None = None
    delegation_id: int | None = None
    delegated_by: str | None = None


def _same_unit(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(unicodedata.normalize("NFC", s).split()).casefold()

    return norm(a) == norm(b)


def _unit_mismatch(
    approver_unit: str, holders: Sequence[tuple[str, str]]
) -> tuple[str, str] | None:
    """The first (asset_no, holding unit) a supply head of ``approver_unit`` may not approve:
    both units set and different. A blank unit on either side matches any."""
    if not approver_unit.strip():
        return None
    for asset_no, holder in holders:
        if holder.strip() and not _same_unit(holder, approver_unit):
            return asset_no, holder
    return None


def approving_authority(
    case: LoanCase,
    role: Role,
    unit: str,
    delegations: Iterable[Delegated],
    holders: Sequence[tuple[str, str]],
) -> Authority:
    """Whether a user of ``role`` in ``unit``, holding ``delegations``, may decide a loan of
    this case whose items are held by ``holders`` ((asset_no, unit_holder) pairs).

    Strict: only ``case.approver_role`` decides (agency_head does not stand in for the
    supply head under 208(2), nor supply_head for the agency head), unless acting under a
    delegation of that role. Under 208(2) the supply head must be of the unit holding each
    item, when both units are recorded."""
    clause = case.clause
    thai, english = case_text(clause)
    mismatch: tuple[str, str] | None = None
    if role is case.approver_role:
        mismatch = _unit_mismatch(unit, holders) if clause == "208(2)" else None
        if mismatch is None:
            return Authority(role)
    for d in delegations:
        if d.role is not case.approver_role:
            continue
        if clause == "208(2)" and _unit_mismatch(d.unit, holders) is not None:
            mismatch = mismatch or _unit_mismatch(d.unit, holders)
            continue
        return Authority(role, d.role, d.delegation_id, d.delegated_by)
    if mismatch is not None:
        asset_no, holder = mismatch
        raise ClauseForbidden(
            f"ข้อ {clause}: {asset_no} อยู่ในความครอบครองของ {holder} ต้องได้รับอนุมัติจาก"
            f"หัวหน้าหน่วยพัสดุของ {holder} (clause {clause}: {asset_no} is held by "
            f"'{holder[:60]}'; only the supply head of that unit may approve)",
            clause=clause,
        )
    raise ClauseForbidden(
        f"ข้อ {clause}: {thai} บทบาท {role.value} ไม่มีอำนาจอนุมัติ "
        f"(clause {clause}: {english}; role '{role.value}' may not decide it)",
        clause=clause,
    )


def check_not_own_loan(
    clause: str,
    approver_id: int | None,
    borrower_user_id: int | None,
    borrower_type: BorrowerType,
    requested_by_id: int | None,
) -> None:
    """Nobody approves their own loan (208), delegated or not. The borrower is the linked
    user; a person's loan with no linked user is the requester's own."""
    own = approver_id is not None and (
        approver_id == borrower_user_id
        or (
            borrower_type is BorrowerType.PERSON
            and borrower_user_id is None
            and approver_id == requested_by_id
        )
    )
    if own:
        group = "210" if clause == "210" else "208"
        raise ClauseForbidden(
            f"ข้อ {group}: ผู้ยืมอนุมัติหรือพิจารณาการยืมของตนเองไม่ได้ "
            f"(clause {group}: nobody approves their own loan)",
            clause=group,
        )


# ---------------------------------------------------------------- the request (207, 208, 210)


def check_purpose(purpose: str | None, official_use: bool) -> str:
    """Clause 207: official use only. A purpose in words and the borrower's declaration."""
    text = text_field(purpose, "purpose", "เหตุผลและวัตถุประสงค์", max_len=1000, required=False)
    if not text:
        raise refuse(
            "207",
            "ต้องระบุเหตุผลหรือวัตถุประสงค์ของการยืม",
            "the purpose of the loan is required (--purpose)",
        )
    if not official_use:
        raise refuse(
            "207",
            "ต้องยืนยันว่ายืมไปใช้เพื่อประโยชน์ของทางราชการเท่านั้น",
            "the borrower must declare that it is for official use (--official-use)",
        )
    return text


def check_dates(start: dt.date, due: dt.date | None) -> dt.date:
    """Clause 208: written evidence with the return date, not before the start."""
    if due is None:
        raise refuse("208", "ต้องระบุกำหนดวันส่งคืน", "a due date is required (--due)")
    if due < start:
        raise refuse(
            "208",
            f"กำหนดส่งคืน {due.isoformat()} ต้องไม่ก่อนวันเริ่มยืม {start.isoformat()}",
            "the due date is before the start date",
        )
    return due


def check_reject_reason(reason: str | None) -> str:
    """Clause 207: a rejection records its reason."""
    text = text_field(reason, "reason", "เหตุผล", max_len=1000, required=False)
    if not text:
        raise refuse("207", "การไม่อนุมัติต้องระบุเหตุผล", "a rejection must give its reason (--reason)")
    return text


def check_urgent(urgent: bool) -> None:
    """Clause 210: consumables only when the borrowing agency needs them urgently."""
    if not urgent:
        raise refuse(
            "210",
            "ยืมวัสดุสิ้นเปลืองได้เฉพาะกรณีหน่วยงานผู้ยืมมีความจำเป็นเร่งด่วน และจัดหาไม่ทัน ต้องระบุความเร่งด่วน",
            "consumables are lent only for an urgent need the borrower cannot procure in "
            "time: state it with --urgent",
        )


def check_stock(asset_no: str, qty: int, on_hand: int, min_stock: int) -> None:
    """Clause 210: only when the lender has enough that lending does it no harm: never
    above stock on hand, and never below the office's minimum stock."""
    spare = on_hand - min_stock
    if qty > spare:
        keep = f" และต้องคงเหลือขั้นต่ำ {min_stock}" if min_stock else ""
        keep_en = f", keeping the minimum stock of {min_stock}" if min_stock else ""
        raise refuse(
            "210",
            f"{asset_no} มีคงเหลือ {on_hand}{keep} ให้ยืมได้ไม่เกิน {max(spare, 0)}",
            f"{asset_no}: {on_hand} on hand{keep_en}; at most {max(spare, 0)} may be lent, "
            f"not {qty}",
        )


def check_lendable(asset_no: str, status: AssetStatus, lendable: bool) -> None:
    """Clause 208: nothing under repair, lost or written off is lent; an item the office
    has marked not for lending is not either."""
    if status is AssetStatus.UNDER_REPAIR:
        raise refuse("208", f"{asset_no} ชำรุด รอซ่อม ให้ยืมไม่ได้", f"{asset_no} is under repair")
    if status is AssetStatus.LOST:
        raise refuse("208", f"{asset_no} สูญหาย ให้ยืมไม่ได้", f"{asset_no} is lost")
    if status is AssetStatus.WRITTEN_OFF:
        raise refuse(
            "208", f"{asset_no} จำหน่ายแล้ว ให้ยืมไม่ได้", f"{asset_no} is written off (disposed)"
        )
    if not lendable:
        raise refuse(
            "208",
            f"{asset_no} กำหนดไว้ว่าไม่ให้ยืม",
            f"{asset_no} is marked in the register as not for lending",
        )


def refuse_already_lent(asset_no: str, loan_no: str, due: dt.date) -> RuleViolation:
    return refuse(
        "208",
        f"{asset_no} ถูกยืมอยู่ตามใบยืม {loan_no} (กำหนดคืน {due.isoformat()}) ยังไม่ได้คืน",
        f"{asset_no} is already lent on {loan_no} (due {due.isoformat()}) and not returned",
        loan_no=loan_no,
    )


def refuse_reserved(asset_no: str, loan_no: str, start: dt.date, due: dt.date) -> RuleViolation:
    return refuse(
        "208",
        f"{asset_no} ถูกจองไว้ตามใบยืม {loan_no} ช่วง {start.isoformat()} ถึง {due.isoformat()} "
        "ซึ่งซ้อนกับวันที่ขอยืม",
        f"{asset_no} is reserved by {loan_no} for {start.isoformat()}..{due.isoformat()}, "
        "which overlaps these dates",
        loan_no=loan_no,
    )


def overlaps(a_start: dt.date, a_due: dt.date, b_start: dt.date, b_due: dt.date) -> bool:
    return a_start <= b_due and b_start <= a_due


# ---------------------------------------------------------------- items on the command line


@dataclass(frozen=True)
class ItemRequest:
    asset_no: str
    qty: int | None  # None: not given (1 for a durable item)


@dataclass(frozen=True)
class ItemReturn:
    asset_no: str
    condition: Condition
    qty: int | None  # None: all that is still out


def parse_item(spec: str) -> ItemRequest:
    """``ASSET_NO`` or ``ASSET_NO:QTY``."""
    asset_no, sep, qty = spec.strip().partition(":")
    if not normalise_asset_no(asset_no):
        raise InvalidInput(f"รายการพัสดุไม่ถูกต้อง '{spec[:40]}' (item must be ASSET_NO[:QTY])")
    if not sep:
        return ItemRequest(normalise_asset_no(asset_no), None)
    return ItemRequest(normalise_asset_no(asset_no), parse_int(qty, "qty", minimum=1))


def parse_return(spec: str) -> ItemReturn:
    """``ASSET_NO:good|damaged|lost[:QTY]``."""
    parts = spec.strip().split(":")
    if len(parts) not in (2, 3) or not normalise_asset_no(parts[0]):
        raise InvalidInput(
            f"รายการคืนไม่ถูกต้อง '{spec[:40]}' (item must be ASSET_NO:good|damaged|lost[:QTY])"
        )
    qty = parse_int(parts[2], "qty", minimum=1) if len(parts) == 3 else None
    return ItemReturn(normalise_asset_no(parts[0]), parse_condition(parts[1]), qty)


# ---------------------------------------------------------------- after the return (209)


@dataclass(frozen=True)
class ItemState:
    outstanding: int  # still with the borrower
    needs_settlement: bool  # returned damaged or lost, not yet settled


def status_after(items: Iterable[ItemState]) -> LoanStatus:
    """On loan while anything is out; then returned while a damaged or lost item awaits
    settlement (clause 209); closed when every item is back good or settled."""
    states = list(items)
    if any(s.outstanding > 0 for s in states):
        return LoanStatus.ON_LOAN
    if any(s.needs_settlement for s in states):
        return LoanStatus.RETURNED
    return LoanStatus.CLOSED


def check_settlement(asset_no: str, condition_in: Condition | None, method: Method) -> None:
    """Clause 209: only a damaged or lost item is settled, and a lost one cannot be
    repaired."""
    if condition_in is Condition.LOST and method is Method.REPAIR:
        raise refuse(
            "209",
            f"{asset_no} สูญหาย ซ่อมแซมไม่ได้ ต้องชดใช้เป็นพัสดุเดียวกันหรือชดใช้เป็นเงิน",
            f"{asset_no} was lost: it cannot be repaired; replace it or pay",
        )


# ---------------------------------------------------------------- following up (211)


def followup_deadline(due: dt.date) -> dt.date:
    return due + dt.timedelta(days=FOLLOWUP_DAYS)


def overdue_days(due: dt.date, as_of: dt.date) -> int:
    return max((as_of - due).days, 0)


@dataclass(frozen=True)
class FollowupState:
    overdue_days: int
    followup_deadline: dt.date
    followed_up: bool  # a follow-up recorded on or before the deadline
    deadline_missed: bool  # the deadline has passed with no follow-up by then


def followup_state(due: dt.date, as_of: dt.date, followups: Iterable[dt.date]) -> FollowupState:
    deadline = followup_deadline(due)
    in_time = any(d <= deadline for d in followups)
    return FollowupState(overdue_days(due, as_of), deadline, in_time,
                         as_of > deadline and not in_time)  # fmt: skip


def check_followup_note(note: str | None) -> str:
    """Clause 211: a follow-up is recorded with its date, means and note."""
    text = text_field(note, "note", "บันทึกการติดตาม", max_len=1000, required=False)
    if not text:
        raise refuse("211", "ต้องบันทึกรายละเอียดการติดตามทวงคืน", "a follow-up needs a note (--note)")
    return text
