"""Loans of government supplies, clauses 207–211: request, approve or reject, hand over,
return with inspection, settle a damaged or lost item, follow up, cancel.

One write transaction per action, with one audit entry; a refusal raises before commit, so
the database is exactly as before. Writers are serialised by the unit of work (BEGIN
IMMEDIATE on SQLite, the audit head's row lock on PostgreSQL), so "is this asset free?"
and "lend it" cannot interleave with another PC doing the same.

Asset status follows the loans (domain.assets.derive_status):
- a submitted or approved loan reserves its durable items for [start, due];
- handed over → on_loan until the item comes back;
- back damaged → under_repair; lost → lost; until settled: repair or replace → available
  again (a replacement takes over the asset number), pay → written_off.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, or_, select

from db.models import (
    Asset,
    Borrower,
    Loan,
    LoanFollowup,
    LoanItem,
    LoanReturn,
    LoanSequence,
    LoanSettlement,
    User,
)
from db.uow import Transaction, UnitOfWork
from desktop_app.domain import compensation as comp
from desktop_app.domain import loans as rules
from desktop_app.domain.assets import (
    AssetKind,
    AssetStatus,
    Condition,
    derive_status,
    parse_money,
    text_field,
)
from desktop_app.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from desktop_app.domain.fiscal import fiscal_year, format_loan_number
from desktop_app.domain.loans import (
    PENDING,
    BorrowerType,
    ItemRequest,
    ItemReturn,
    LoanStatus,
    Method,
)
from desktop_app.domain.roles import Role, require
from desktop_app.domain.thai_time import business_date
from desktop_app.services.assets import audit_state, find_asset, refresh_status
from desktop_app.services.auth import Actor
from desktop_app.services.borrowers import (
    BorrowerView,
    borrower_state,
    borrower_view,
    resolve_borrower,
)
from desktop_app.services.delegations import active_delegations
from desktop_app.services.rules import require_acknowledged
from desktop_app.services.settings import read_setting

SUPPLY_STAFF = frozenset({Role.SUPPLY_OFFICER, Role.ADMIN})


# ---------------------------------------------------------------- views


@dataclass(frozen=True)
class LoanItemView:
    asset_no: str
    name: str
    kind: str
    qty: int
    unit: str
    unit_holder: str
    returned_qty: int
    outstanding: int
    condition: str | None  # the latest inspection: at return, else at handover
    condition_out: str | None
    condition_in: str | None
    needs_settlement: bool
    settled: bool


@dataclass(frozen=True)
class FollowupView:
    date: dt.date
    means: str
    note: str
    by: str | None
    at: dt.datetime


@dataclass(frozen=True)
class SettlementView:
    asset_no: str
    method: str
    amount: Decimal | None
    suggested_amount: Decimal | None
    working: str
    receipt: str
    note: str
    by: str | None
    at: dt.datetime


@dataclass(frozen=True)
class LoanView:
    loan_no: str
    status: str
    kind: str
    clause: str
    approver_role: str
    borrower: str
    borrower_type: str
    borrower_detail: BorrowerView
    purpose: str
    official_use: bool
    urgent: bool
    place: str
    place_detail: str
    start: dt.date
    due: dt.date
    fiscal_year: int
    requested_by: str | None
    requested_at: dt.datetime
    approved_by: str | None  # the approver (set only when the loan was approved)
    decided_by: str | None  # who approved or rejected
    decided_at: dt.datetime | None
    decision_note: str
    on_behalf_of: str | None  # the role acted for under a delegation
    delegated_by: str | None
    handed_over_by: str | None
    handed_over_at: dt.datetime | None
    returned_at: dt.datetime | None
    closed_at: dt.datetime | None
    cancelled_at: dt.datetime | None
    items: tuple[LoanItemView, ...]
    followups: tuple[FollowupView, ...]
    settlements: tuple[SettlementView, ...]
    as_of: dt.date
    overdue_days: int
    followup_deadline: dt.date
    followed_up: bool
    deadline_missed: bool


@dataclass(frozen=True)
class LoanSummary:
    loan_no: str
    status: str
    kind: str
    clause: str
    approver_role: str
    borrower: str
    borrower_type: str
    borrower_unit: str
    start: dt.date
    due: dt.date
    assets: tuple[str, ...]
    overdue_days: int


@dataclass(frozen=True)
class OverdueView:
    loan_no: str
    borrower: str
    borrower_type: str
    borrower_unit: str
    due: dt.date
    overdue_days: int
    followup_deadline: dt.date
    followed_up: bool
    deadline_missed: bool
    followups: int
    last_followup: dt.date | None
    assets: tuple[str, ...]


@dataclass(frozen=True)
class CompensationView:
    asset_no: str
    name: str
    category: str
    acquired: dt.date
    as_of: dt.date
    price: Decimal
    years: int
    rate: Decimal
    depreciation: Decimal
    floor_rate: Decimal
    floor: Decimal
    amount: Decimal
    amount_text: str
    working: str


def _username(u: User | None) -> str | None:
    return u.username if u is not None else None


def _outstanding(item: LoanItem) -> int:
    return item.qty - item.returned_qty


def _needs_settlement(item: LoanItem) -> bool:
    return item.condition_in in (Condition.DAMAGED, Condition.LOST) and item.settled_at is None


def _item_view(item: LoanItem) -> LoanItemView:
    a = item.asset
    latest = item.condition_in or (item.returns[-1].condition if item.returns else None)
    return LoanItemView(
        a.asset_no, a.name, a.kind, item.qty, a.unit, a.unit_holder, item.returned_qty,
        _outstanding(item), latest or item.condition_out, item.condition_out, item.condition_in,
        _needs_settlement(item), item.settled_at is not None,
    )  # fmt: skip


def _settlement_view(item: LoanItem) -> SettlementView | None:
    st = item.settlement
    if st is None:
        return None
    working = json.loads(st.working).get("working", "") if st.working else ""
    return SettlementView(
        item.asset.asset_no, st.method, st.amount, st.suggested_amount, working, st.receipt,
        st.note, _username(st.settled_by), st.at,
    )  # fmt: skip


def _follow(loan: Loan, as_of: dt.date) -> rules.FollowupState:
    state = rules.followup_state(loan.due_on, as_of, [f.on_date for f in loan.followups])
    if loan.status != LoanStatus.ON_LOAN.value:
        # Nothing is out: not overdue, no deadline to miss.
        return rules.FollowupState(0, state.followup_deadline, state.followed_up, False)
    return state


def loan_view(loan: Loan, as_of: dt.date) -> LoanView:
    b = loan.borrower
    follow = _follow(loan, as_of)
    # Only an approval leaves a decider on a loan that is not rejected (a rejected loan
    # cannot be cancelled afterwards).
    approved = loan.decided_by if loan.status != LoanStatus.REJECTED.value else None
    return LoanView(
        loan_no=loan.loan_no, status=loan.status, kind=loan.kind, clause=loan.clause,
        approver_role=loan.approver_role, borrower=b.name, borrower_type=b.kind,
        borrower_detail=borrower_view(b), purpose=loan.purpose,
        official_use=loan.official_use, urgent=loan.urgent, place=loan.place,
        place_detail=loan.place_detail, start=loan.start_on, due=loan.due_on,
        fiscal_year=loan.fiscal_year, requested_by=_username(loan.requested_by),
        requested_at=loan.requested_at, approved_by=_username(approved),
        decided_by=_username(loan.decided_by), decided_at=loan.decided_at,
        decision_note=loan.decision_note, on_behalf_of=loan.on_behalf_of,
        delegated_by=(
            _username(loan.delegation.granted_by) if loan.delegation is not None else None
        ),
        handed_over_by=_username(loan.handed_over_by), handed_over_at=loan.handed_over_at,
        returned_at=loan.returned_at, closed_at=loan.closed_at, cancelled_at=loan.cancelled_at,
        items=tuple(_item_view(i) for i in loan.items),
        followups=tuple(FollowupView(f.on_date, f.means, f.note, _username(f.by), f.at)
                        for f in loan.followups),
        settlements=tuple(s for s in (_settlement_view(i) for i in loan.items) if s),
        as_of=as_of, overdue_days=follow.overdue_days,
        followup_deadline=follow.followup_deadline, followed_up=follow.followed_up,
        deadline_missed=follow.deadline_missed,
    )  # fmt: skip


def _loan_state(loan: Loan) -> dict[str, object]:
    """What an audit entry records of a loan."""
    return {
        "loan_no": loan.loan_no,
        "status": loan.status,
        "clause": loan.clause,
        "approver_role": loan.approver_role,
        "borrower": loan.borrower.name,
        "start": loan.start_on.isoformat(),
        "due": loan.due_on.isoformat(),
        "items": [
            {"asset_no": i.asset.asset_no, "qty": i.qty, "returned_qty": i.returned_qty,
             "condition_out": i.condition_out, "condition_in": i.condition_in,
             "settled": i.settled_at is not None}
            for i in loan.items
        ],
    }  # fmt: skip


def _audit(
    tx: Transaction,
    actor: Actor,
    action: str,
    loan: Loan,
    before: dict[str, object] | None,
    **extra: object,
) -> None:
    after = {**_loan_state(loan), **extra,
             "assets": [audit_state(i.asset) for i in loan.items]}  # fmt: skip
    tx.audit(actor.username, action, "loan", loan.loan_no, before, after)


def find_loan(tx: Transaction, loan_no: str) -> Loan:
    key = unicodedata.normalize("NFC", " ".join((loan_no or "").split()))
    loan = tx.session.execute(select(Loan).where(Loan.loan_no == key)).scalar_one_or_none()
    if loan is None and key.isascii():
        loan = tx.session.execute(
            select(Loan).where(Loan.loan_no == key.upper())
        ).scalar_one_or_none()
    if loan is None:
        raise NotFound(f"ไม่พบใบยืมเลขที่ {key[:60]} (no such loan)")
    return loan


def _user(tx: Transaction, actor: Actor) -> User | None:
    return tx.session.get(User, actor.id) if actor.id is not None else None


def _today(tx: Transaction) -> dt.date:
    return business_date(tx.now())


# ---------------------------------------------------------------- request


def _next_loan_no(tx: Transaction, day: dt.date) -> tuple[str, int, int]:
    """Allocate the next number of the fiscal year: the counter row is locked and bumped
    in the request's own transaction, as daily_sequences does for tickets."""
    fy = fiscal_year(day)
    s = tx.session
    row = s.execute(
        select(LoanSequence).where(LoanSequence.fiscal_year == fy).with_for_update()
    ).scalar_one_or_none()
    seq = 1 if row is None else row.last_number + 1
    if row is None:
        s.add(LoanSequence(fiscal_year=fy, last_number=seq))
    else:
        row.last_number = seq
    loan_no = format_loan_number(read_setting(tx, "loan.number_format"), seq, fy)
    if s.execute(select(Loan.id).where(Loan.loan_no == loan_no)).first():
        raise Conflict(
            f"เลขที่ใบยืม {loan_no} ซ้ำกับที่มีอยู่ ตรวจรูปแบบ loan.number_format "
            f"(loan number {loan_no} exists already: check the loan.number_format setting)"
        )
    return loan_no, seq, fy


def _check_free(
    tx: Transaction, asset: Asset, start: dt.date, due: dt.date, skip: int | None
) -> None:
    """Clause 208: not already lent, not reserved for overlapping dates."""
    rows = tx.session.execute(
        select(Loan.loan_no, Loan.status, Loan.start_on, Loan.due_on)
        .join(LoanItem, LoanItem.loan_id == Loan.id)
        .where(
            LoanItem.asset_id == asset.id,
            Loan.id != (skip if skip is not None else -1),
            or_(
                and_(Loan.status == LoanStatus.ON_LOAN.value,
                     LoanItem.returned_qty < LoanItem.qty),
                Loan.status.in_([p.value for p in PENDING]),
            ),
        )
        .order_by(Loan.id)
    ).all()  # fmt: skip
    for loan_no, status, s, d in rows:
        if status == LoanStatus.ON_LOAN.value:
            raise rules.refuse_already_lent(asset.asset_no, loan_no, d)
        if rules.overlaps(start, due, s, d):
            raise rules.refuse_reserved(asset.asset_no, loan_no, s, d)


def _base_status(asset: Asset) -> AssetStatus:
    """The asset's own state, whatever its loans: under repair, lost, written off."""
    return derive_status(AssetKind(asset.kind), Condition(asset.condition), asset.written_off,
                         False, False)  # fmt: skip


def request_loan(
    uow: UnitOfWork,
    actor: Actor,
    *,
    borrower_type: str,
    borrower: str | None = None,
    borrower_user: str | None = None,
    agency: str | None = None,
    purpose: str | None = None,
    official_use: bool = False,
    place: str | None = None,
    start: dt.date | None = None,
    due: dt.date | None = None,
    items: Sequence[str | ItemRequest] = (),
    urgent: bool = False,
    place_detail: str | None = None,
    position: str | None = None,
    unit: str | None = None,
    contact: str | None = None,
    signatory: str | None = None,
) -> LoanView:
    """Ask to borrow. Any logged-in user may ask (for themself), and supply staff may enter
    a request for someone else. The loan is ``submitted`` and reserves its durable items."""
    require(actor.role, "loan.request")
    btype = rules.parse_borrower_type(borrower_type)
    plc = rules.parse_place(place) if place else None
    wanted = [rules.parse_item(i) if isinstance(i, str) else i for i in items]
    if not wanted:
        raise InvalidInput("ต้องระบุพัสดุที่ขอยืมอย่างน้อยหนึ่งรายการ (at least one --item is required)")
    numbers = [w.asset_no for w in wanted]
    if len(set(numbers)) != len(numbers):
        raise InvalidInput("ระบุพัสดุรายการเดียวกันซ้ำ (the same asset is listed twice)")
    detail = text_field(place_detail, "place_detail", "สถานที่ใช้", required=False)
    why = rules.check_purpose(purpose, official_use)  # 207
    with uow.write() as tx:
        require_acknowledged(tx, actor)  # rules.required_for_loans (issue 16)
        today = _today(tx)
        start_on = start or today
        due_on = rules.check_dates(start_on, due)  # 208
        assets = [find_asset(tx, n) for n in numbers]
        kinds = {AssetKind(a.kind) for a in assets}
        if len(kinds) > 1:
            raise InvalidInput(
                "ใบยืมหนึ่งใบยืมได้เฉพาะครุภัณฑ์หรือวัสดุอย่างใดอย่างหนึ่ง กรุณาแยกเป็นสองคำขอ "
                "(one loan holds durable or consumable items, not both: make two requests)"
            )
        kind = kinds.pop()
        case = rules.loan_case(kind, btype, plc)  # 208(1)(2)(3) or 210
        if plc is None:
            plc = rules.Place.OFF_PREMISES  # an agency takes it away
        quantities: list[int] = []
        if kind is AssetKind.CONSUMABLE:
            rules.check_urgent(urgent)  # 210
            for a, w in zip(assets, wanted, strict=True):
                if w.qty is None:
                    raise InvalidInput(
                        f"ระบุจำนวนวัสดุที่ขอยืม เช่น {a.asset_no}:10 "
                        f"(give the quantity of a consumable: {a.asset_no}:QTY)"
                    )
                rules.check_lendable(a.asset_no, _base_status(a), a.lendable)
                rules.check_stock(a.asset_no, w.qty, a.qty_on_hand, a.min_stock)
                quantities.append(w.qty)
        else:
            for a, w in zip(assets, wanted, strict=True):
                if w.qty not in (None, 1):
                    raise InvalidInput(
                        f"{a.asset_no} เป็นครุภัณฑ์ ยืมได้ครั้งละ 1 (a durable asset is one item: "
                        f"qty must be 1)"
                    )
                rules.check_lendable(a.asset_no, _base_status(a), a.lendable)
                _check_free(tx, a, start_on, due_on, None)
                quantities.append(1)
        requester = _user(tx, actor)
        b = resolve_borrower(
            tx, requester, btype, name=borrower, username=borrower_user, agency=agency,
            position=position, unit=unit, contact=contact, signatory=signatory,
        )  # fmt: skip
        loan_no, seq, fy = _next_loan_no(tx, today)
        loan = Loan(
            loan_no=loan_no, fiscal_year=fy, seq=seq, kind=kind.value, borrower=b,
            clause=case.clause, approver_role=case.approver_role.value, purpose=why,
            official_use=True, urgent=urgent, place=plc.value, place_detail=detail,
            start_on=start_on, due_on=due_on, status=LoanStatus.SUBMITTED.value,
            requested_by=requester, requested_at=tx.now(), decision_note="", cancel_reason="",
        )  # fmt: skip
        for a, q in zip(assets, quantities, strict=True):
            loan.items.append(LoanItem(asset=a, qty=q, returned_qty=0))
        tx.session.add(loan)
        tx.session.flush()
        refresh_status(tx, assets)
        _audit(tx, actor, "loan.request", loan, None, purpose=why, place=plc.value,
               urgent=urgent, borrower_detail=borrower_state(b))  # fmt: skip
        view = loan_view(loan, today)
        tx.commit()
    return view


# ---------------------------------------------------------------- approve / reject


def _authority(tx: Transaction, actor: Actor, loan: Loan) -> rules.Authority:
    """Clause 208/210: the borrower never decides their own loan; the case's approver
    does, in their own role or under a recorded delegation of it."""
    rules.check_not_own_loan(loan.clause, actor.id, loan.borrower.user_id,
                             BorrowerType(loan.borrower.kind), loan.requested_by_id)  # fmt: skip
    user = _user(tx, actor)
    case = rules.LoanCase(loan.clause, Role(loan.approver_role))
    holders = [(i.asset.asset_no, i.asset.unit_holder) for i in loan.items]
    delegated = active_delegations(tx, actor.id, _today(tx))
    return rules.approving_authority(case, actor.role, user.unit if user else "", delegated,
                                     holders)  # fmt: skip


def _require_status(loan: Loan, allowed: set[LoanStatus], doing_th: str, doing: str) -> None:
    if LoanStatus(loan.status) not in allowed:
        status = LoanStatus(loan.status)
        raise Conflict(
            f"ใบยืม {loan.loan_no} อยู่ในสถานะ{rules.STATUS_LABELS_TH[status]} {doing_th}ไม่ได้ "
            f"(loan {loan.loan_no} is {status.value}: cannot {doing})"
        )


def _recheck_items(loan: Loan) -> None:
    """Between the request and the decision an item may have come back damaged, or stock
    may have been handed out: the rules still hold at the decision."""
    for item in loan.items:
        a = item.asset
        rules.check_lendable(a.asset_no, _base_status(a), a.lendable)
        if a.kind == AssetKind.CONSUMABLE.value:
            rules.check_stock(a.asset_no, item.qty, a.qty_on_hand, a.min_stock)


def approve_loan(uow: UnitOfWork, actor: Actor, loan_no: str, note: str | None = None) -> LoanView:
    require(actor.role, "loan.approve")
    note_text = text_field(note, "note", "หมายเหตุ", max_len=1000, required=False)
    with uow.write() as tx:
        loan = find_loan(tx, loan_no)
        authority = _authority(tx, actor, loan)
        _require_status(loan, {LoanStatus.SUBMITTED}, "อนุมัติ", "approve it")
        _recheck_items(loan)
        _decide(tx, actor, loan, authority, LoanStatus.APPROVED, note=note_text)
        view = loan_view(loan, _today(tx))
        tx.commit()
    return view


def reject_loan(uow: UnitOfWork, actor: Actor, loan_no: str, reason: str | None) -> LoanView:
    require(actor.role, "loan.reject")
    why = rules.check_reject_reason(reason)  # 207
    with uow.write() as tx:
        loan = find_loan(tx, loan_no)
        authority = _authority(tx, actor, loan)
        _require_status(loan, {LoanStatus.SUBMITTED}, "ไม่อนุมัติ", "reject it")
        _decide(tx, actor, loan, authority, LoanStatus.REJECTED, reason=why)
        view = loan_view(loan, _today(tx))
        tx.commit()
    return view


def _decide(
    tx: Transaction,
    actor: Actor,
    loan: Loan,
    authority: rules.Authority,
    status: LoanStatus,
    **why: str,
) -> None:
    """Record an approval or rejection: who decided, for whom (a delegation), the note or
    reason; then the assets' derived status and one audit entry."""
    before = _loan_state(loan)
    loan.status = status.value
    loan.decided_by_id = actor.id
    loan.decided_at = tx.now()
    loan.decision_note = next(iter(why.values()))
    loan.on_behalf_of = authority.on_behalf_of.value if authority.on_behalf_of else None
    loan.delegation_id = authority.delegation_id
    tx.session.flush()
    tx.session.refresh(loan, ["decided_by", "delegation"])
    refresh_status(tx, [i.asset for i in loan.items])
    action = "loan.approve" if status is LoanStatus.APPROVED else "loan.reject"
    _audit(tx, actor, action, loan, before, **why, acting_role=actor.role.value,
           on_behalf_of=loan.on_behalf_of, delegation=authority.delegation_id,
           delegated_by=authority.delegated_by)  # fmt: skip


def cancel_loan(uow: UnitOfWork, actor: Actor, loan_no: str, reason: str | None = None) -> LoanView:
    """Withdraw a request before handover: the requester, the borrower, or supply staff."""
    require(actor.role, "loan.cancel")
    why = text_field(reason, "reason", "เหตุผล", max_len=1000, required=False)
    with uow.write() as tx:
        loan = find_loan(tx, loan_no)
        if actor.role not in SUPPLY_STAFF and actor.id not in (
            loan.requested_by_id,
            loan.borrower.user_id,
        ):
            raise Forbidden(
                "ยกเลิกได้เฉพาะผู้ยื่นคำขอ ผู้ยืม หรือเจ้าหน้าที่พัสดุ "
                "(only the requester, the borrower or the supply officer may cancel a loan)",
                action="loan.cancel",
            )
        _require_status(loan, set(PENDING), "ยกเลิก", "cancel it (only before handover)")
        before = _loan_state(loan)
        loan.status = LoanStatus.CANCELLED.value
        loan.cancelled_by_id = actor.id
        loan.cancelled_at = tx.now()
        loan.cancel_reason = why
        tx.session.flush()
        refresh_status(tx, [i.asset for i in loan.items])
        _audit(tx, actor, "loan.cancel", loan, before, reason=why)
        view = loan_view(loan, _today(tx))
        tx.commit()
    return view


# ---------------------------------------------------------------- hand over / return


def hand_over(uow: UnitOfWork, actor: Actor, loan_no: str) -> LoanView:
    """The supply officer hands the items over; consumable stock goes down (210)."""
    require(actor.role, "loan.handover")
    with uow.write() as tx:
        loan = find_loan(tx, loan_no)
        _require_status(loan, {LoanStatus.APPROVED}, "ส่งมอบ", "hand it over (approved loans only)")
        _recheck_items(loan)
        before = _loan_state(loan)
        for item in loan.items:
            a = item.asset
            if a.kind == AssetKind.DURABLE.value:
                _check_free(tx, a, loan.start_on, loan.due_on, skip=loan.id)
            else:
                a.qty_on_hand -= item.qty
            item.condition_out = a.condition
        loan.status = LoanStatus.ON_LOAN.value
        loan.handed_over_by_id = actor.id
        loan.handed_over_at = tx.now()
        tx.session.flush()
        tx.session.refresh(loan, ["handed_over_by"])
        refresh_status(tx, [i.asset for i in loan.items])
        _audit(tx, actor, "loan.handover", loan, before)
        view = loan_view(loan, _today(tx))
        tx.commit()
    return view


def _close_if_done(tx: Transaction, loan: Loan) -> None:
    states = [rules.ItemState(_outstanding(i), _needs_settlement(i)) for i in loan.items]
    status = rules.status_after(states)
    if status is LoanStatus.ON_LOAN:
        return
    if loan.returned_at is None:
        loan.returned_at = tx.now()
    loan.status = status.value
    if status is LoanStatus.CLOSED:
        loan.closed_at = tx.now()


def return_items(
    uow: UnitOfWork,
    actor: Actor,
    loan_no: str,
    returns: Sequence[str | ItemReturn],
    note: str | None = None,
) -> LoanView:
    """Return inspection (209), item by item: good, damaged or lost. A consumable comes
    back as the same item by quantity (210), in one go or in parts."""
    require(actor.role, "loan.return")
    lines = [rules.parse_return(r) if isinstance(r, str) else r for r in returns]
    if not lines:
        raise InvalidInput("ต้องระบุพัสดุที่คืนอย่างน้อยหนึ่งรายการ (at least one --item is required)")
    numbers = [r.asset_no for r in lines]
    if len(set(numbers)) != len(numbers):
        raise InvalidInput("ระบุพัสดุรายการเดียวกันซ้ำ (the same asset is listed twice)")
    note_text = text_field(note, "note", "หมายเหตุ", max_len=1000, required=False)
    with uow.write() as tx:
        loan = find_loan(tx, loan_no)
        _require_status(loan, {LoanStatus.ON_LOAN}, "รับคืน", "return items (not on loan)")
        before = _loan_state(loan)
        now = tx.now()
        by_asset = {i.asset.asset_no: i for i in loan.items}
        for line in lines:
            item = by_asset.get(line.asset_no)
            if item is None:
                find_asset(tx, line.asset_no)  # NotFound for an unknown number
                raise InvalidInput(
                    f"{line.asset_no} ไม่อยู่ในใบยืม {loan.loan_no} "
                    f"({line.asset_no} is not on loan {loan.loan_no})"
                )
            qty = _return_one(item, line)
            item.returns.append(LoanReturn(at=now, condition=line.condition.value, qty=qty,
                                           inspected_by_id=actor.id, note=note_text))  # fmt: skip
        for item in loan.items:
            if item.returned_qty >= item.qty and item.returned_at is None:
                item.returned_at = now
        _close_if_done(tx, loan)
        tx.session.flush()
        refresh_status(tx, [i.asset for i in loan.items])
        _audit(tx, actor, "loan.return", loan, before,
               returned=[{"asset_no": r.asset_no, "condition": r.condition.value, "qty": r.qty}
                         for r in lines], note=note_text)  # fmt: skip
        view = loan_view(loan, _today(tx))
        tx.commit()
    return view


def _return_one(item: LoanItem, line: ItemReturn) -> int:
    """Record one returned line on its item and the asset; the quantity that came back."""
    a = item.asset
    outstanding = _outstanding(item)
    if outstanding <= 0:
        raise Conflict(f"{a.asset_no} คืนครบแล้ว ({a.asset_no} is already returned)")
    if a.kind == AssetKind.DURABLE.value:
        if line.qty not in (None, 1):
            raise InvalidInput(f"{a.asset_no} เป็นครุภัณฑ์ จำนวนต้องเป็น 1 (durable: qty must be 1)")
        item.returned_qty = 1
        item.condition_in = line.condition.value
        a.condition = line.condition.value
        return 1
    if line.condition is not Condition.GOOD:
        raise rules.refuse(
            "210",
            f"วัสดุ {a.asset_no} ต้องคืนเป็นพัสดุประเภท ชนิด และปริมาณเดียวกัน บันทึกเป็น good พร้อมจำนวนที่คืน",
            f"consumable {a.asset_no} is returned as the same item and quantity: record it "
            f"as {a.asset_no}:good:QTY",
        )
    qty = line.qty if line.qty is not None else outstanding
    if qty > outstanding:
        raise rules.refuse(
            "210",
            f"คืน {a.asset_no} เกินจำนวนที่ยืม (ค้างคืน {outstanding})",
            f"{qty} returned but only {outstanding} of {a.asset_no} is still out",
        )
    item.returned_qty += qty
    a.qty_on_hand += qty
    if item.returned_qty >= item.qty:
        item.condition_in = Condition.GOOD.value
    return qty


# ---------------------------------------------------------------- settle (209)


def _rate(tx: Transaction, asset: Asset) -> Decimal:
    return Decimal(read_setting(tx, f"depreciation.rate.{asset.category.depreciation}"))


def _compensation(tx: Transaction, asset: Asset, as_of: dt.date) -> comp.Compensation:
    floor = Decimal(read_setting(tx, "depreciation.floor"))
    return comp.compensation(asset.price, asset.acquired_on, as_of, _rate(tx, asset), floor)


def _comp_view(asset: Asset, c: comp.Compensation) -> CompensationView:
    return CompensationView(
        asset.asset_no, asset.name, asset.category.code, c.acquired, c.as_of, c.price, c.years,
        c.rate, c.depreciation, c.floor_rate, c.floor, c.amount, comp.baht_text(c.amount),
        comp.working(c),
    )  # fmt: skip


def _comp_json(c: comp.Compensation) -> str:
    return json.dumps(
        {"price": str(c.price), "acquired": c.acquired.isoformat(), "as_of": c.as_of.isoformat(),
         "years": c.years, "rate": str(c.rate), "depreciation": str(c.depreciation),
         "floor_rate": str(c.floor_rate), "floor": str(c.floor), "amount": str(c.amount),
         "working": comp.working(c)},
        ensure_ascii=False,
    )  # fmt: skip


def compensation_for(
    uow: UnitOfWork, asset_no: str, as_of: dt.date | None = None
) -> CompensationView:
    """The suggested amount for a lost durable asset (209), with the working."""
    with uow.read() as tx:
        a = find_asset(tx, asset_no)
        if a.kind != AssetKind.DURABLE.value:
            raise rules.refuse(
                "210",
                f"{a.asset_no} เป็นวัสดุสิ้นเปลือง ต้องคืนเป็นพัสดุชนิดและปริมาณเดียวกัน ไม่คิดค่าเสื่อม",
                f"{a.asset_no} is a consumable: it is returned in kind, not paid for by "
                "depreciation",
            )
        return _comp_view(a, _compensation(tx, a, as_of or _today(tx)))


def settle_item(
    uow: UnitOfWork,
    actor: Actor,
    loan_no: str,
    asset_no: str,
    method: str,
    amount: str | Decimal | None = None,
    receipt: str | None = None,
    note: str | None = None,
) -> LoanView:
    """Settle a damaged or lost item (209): repair it, replace it with the same kind, or
    pay the price it had when borrowed (suggested by the depreciation rule)."""
    require(actor.role, "loan.settle")
    m = rules.parse_method(method)
    paid = parse_money(amount, "amount") if amount is not None and str(amount).strip() else None
    if paid is not None and m is not Method.PAY:
        raise InvalidInput("ระบุจำนวนเงินได้เฉพาะวิธี pay (--amount goes with --method pay)")
    if paid is not None and paid <= 0:
        raise InvalidInput("จำนวนเงินชดใช้ต้องมากกว่า 0 (--amount must be more than 0)")
    receipt_text = text_field(receipt, "receipt", "เลขที่ใบเสร็จ", max_len=100, required=False)
    note_text = text_field(note, "note", "หมายเหตุ", max_len=1000, required=False)
    with uow.write() as tx:
        loan = find_loan(tx, loan_no)
        asset = find_asset(tx, asset_no)
        item = next((i for i in loan.items if i.asset_id == asset.id), None)
        if item is None:
            raise InvalidInput(
                f"{asset.asset_no} ไม่อยู่ในใบยืม {loan.loan_no} "
                f"({asset.asset_no} is not on loan {loan.loan_no})"
            )
        if item.settled_at is not None:
            raise Conflict(f"{asset.asset_no} ชดใช้แล้ว ({asset.asset_no} is already settled)")
        if item.condition_in not in (Condition.DAMAGED.value, Condition.LOST.value):
            state = item.condition_in or "not returned"
            raise Conflict(
                f"{asset.asset_no} ไม่มีรายการต้องชดใช้ ต้องรับคืนและตรวจสภาพเป็นชำรุดหรือสูญหายก่อน "
                f"({asset.asset_no} has nothing to settle: it is {state})"
            )
        rules.check_settlement(asset.asset_no, Condition(item.condition_in), m)
        before = _loan_state(loan)
        c = _compensation(tx, asset, loan.start_on)
        now = tx.now()
        item.settlement = LoanSettlement(
            method=m.value, amount=(paid if paid is not None else c.amount) if m is Method.PAY
            else None, suggested_amount=c.amount, working=_comp_json(c), receipt=receipt_text,
            note=note_text, at=now, settled_by_id=actor.id,
        )  # fmt: skip
        item.settled_at = now
        if m is Method.PAY:
            asset.written_off = True
        else:
            asset.condition = Condition.GOOD.value  # repaired, or the replacement takes over
        if loan.status == LoanStatus.RETURNED.value:
            _close_if_done(tx, loan)
        tx.session.flush()
        refresh_status(tx, [i.asset for i in loan.items])
        st = item.settlement
        _audit(tx, actor, "loan.settle", loan, before, settled={
            "asset_no": asset.asset_no, "method": m.value,
            "amount": str(st.amount) if st.amount is not None else None,
            "suggested_amount": str(c.amount), "receipt": receipt_text, "note": note_text,
        })  # fmt: skip
        view = loan_view(loan, _today(tx))
        tx.commit()
    return view


# ---------------------------------------------------------------- follow up (211)


def record_followup(
    uow: UnitOfWork, actor: Actor, loan_no: str, note: str | None, means: str = "letter"
) -> LoanView:
    """Record a follow-up (211) with today's date (Bangkok), the means and a note."""
    require(actor.role, "loan.followup")
    text = rules.check_followup_note(note)  # 211
    how = rules.parse_means(means)
    with uow.write() as tx:
        loan = find_loan(tx, loan_no)
        _require_status(loan, {LoanStatus.ON_LOAN, LoanStatus.RETURNED}, "ติดตามทวงคืน",
                        "follow it up (nothing is outstanding)")  # fmt: skip
        before = _loan_state(loan)
        today = _today(tx)
        loan.followups.append(LoanFollowup(on_date=today, at=tx.now(), means=how.value,
                                           note=text, by_id=actor.id))  # fmt: skip
        tx.session.flush()
        state = rules.followup_state(loan.due_on, today, [f.on_date for f in loan.followups])
        _audit(tx, actor, "loan.followup", loan, before, followup={
            "date": today.isoformat(), "means": how.value, "note": text,
            "deadline": state.followup_deadline.isoformat(),
            "in_time": today <= state.followup_deadline,
        })  # fmt: skip
        view = loan_view(loan, today)
        tx.commit()
    return view


# ---------------------------------------------------------------- reading


def show_loan(uow: UnitOfWork, loan_no: str, as_of: dt.date | None = None) -> LoanView:
    with uow.read() as tx:
        return loan_view(find_loan(tx, loan_no), as_of or _today(tx))


def _summary(loan: Loan, as_of: dt.date) -> LoanSummary:
    b = loan.borrower
    follow = _follow(loan, as_of)
    return LoanSummary(
        loan.loan_no, loan.status, loan.kind, loan.clause, loan.approver_role, b.name, b.kind,
        rules.borrower_unit(b.kind, b.unit, b.name), loan.start_on, loan.due_on,
        tuple(i.asset.asset_no for i in loan.items), follow.overdue_days,
    )  # fmt: skip


def list_loans(
    uow: UnitOfWork,
    status: str | None = None,
    borrower: str | None = None,
    asset_no: str | None = None,
    as_of: dt.date | None = None,
) -> list[LoanSummary]:
    """Loans, newest first; filtered by status, borrower name (part of it) or asset."""
    st = rules.parse_loan_status(status) if status else None
    with uow.read() as tx:
        stmt = select(Loan).join(Borrower, Borrower.id == Loan.borrower_id)
        if st is not None:
            stmt = stmt.where(Loan.status == st.value)
        if borrower:
            stmt = stmt.where(Borrower.name.contains(borrower.strip(), autoescape=True))
        if asset_no:
            a = find_asset(tx, asset_no)
            stmt = stmt.where(
                Loan.id.in_(select(LoanItem.loan_id).where(LoanItem.asset_id == a.id))
            )
        day = as_of or _today(tx)
        loans = tx.session.execute(stmt.order_by(Loan.id.desc())).scalars()
        return [_summary(loan, day) for loan in loans]


def overdue_loans(uow: UnitOfWork, as_of: dt.date | None = None) -> list[OverdueView]:
    """Clause 211: loans still out after their due date, oldest due first, each with its
    follow-up deadline (due + 7 days), whether a follow-up was recorded by then, and
    whether the deadline was missed."""
    with uow.read() as tx:
        day = as_of or _today(tx)
        loans = tx.session.execute(
            select(Loan)
            .where(Loan.status == LoanStatus.ON_LOAN.value, Loan.due_on < day)
            .order_by(Loan.due_on, Loan.id)
        ).scalars()
        out = []
        for loan in loans:
            f = _follow(loan, day)
            dates = [x.on_date for x in loan.followups]
            b = loan.borrower
            out.append(OverdueView(
                loan.loan_no, b.name, b.kind,
                rules.borrower_unit(b.kind, b.unit, b.name), loan.due_on,
                f.overdue_days, f.followup_deadline, f.followed_up, f.deadline_missed,
                len(dates), max(dates) if dates else None,
                tuple(i.asset.asset_no for i in loan.items if _outstanding(i) > 0),
            ))  # fmt: skip
        return out
