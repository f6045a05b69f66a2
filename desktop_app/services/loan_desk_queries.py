"""What the loan windows read: the approver's inbox (only the loans this user may decide,
under clause 208/210 and the delegations they hold today), whether a user may decide one
given loan and why not, the approver a request will need before it is saved, and the
supply officer's desk (to hand over, on loan, awaiting settlement, overdue).

The rules are the domain's (desktop_app.domain.loans): nothing here decides differently
from services.loans.approve_loan, which applies the same two checks when it writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from db.models import Loan, User
from db.uow import Transaction, UnitOfWork
from desktop_app.domain import loans as rules
from desktop_app.domain.assets import AssetKind
from desktop_app.domain.errors import Forbidden, RuleViolation
from desktop_app.domain.loans import BorrowerType, LoanStatus
from desktop_app.domain.roles import Role
from desktop_app.domain.thai_time import business_date
from desktop_app.services.auth import Actor
from desktop_app.services.delegations import active_delegations
from desktop_app.services.loans import (
    LoanSummary,
    LoanView,
    OverdueView,
    find_loan,
    list_loans,
    loan_view,
    overdue_loans,
)


@dataclass(frozen=True)
class InboxLine:
    loan_no: str
    clause: str
    approver_role: str
    borrower: str
    borrower_type: str
    borrower_unit: str
    purpose: str
    start: dt.date
    due: dt.date
    assets: tuple[str, ...]
    requested_by: str | None
    on_behalf_of: str | None  # the role this user would act for under a delegation
    delegated_by: str | None


@dataclass(frozen=True)
class Decision:
    """One loan as an approver sees it: ``may_decide`` with the authority, or the reason
    (the domain's refusal, naming the clause) why this user may not."""

    loan: LoanView
    may_decide: bool
    on_behalf_of: str | None
    refusal: str


@dataclass(frozen=True)
class CasePreview:
    """Before a request is saved: the clause it falls under, the official who must approve
    it and why, and who holds that role in this office."""

    clause: str
    approver_role: str
    approver_title: str  # ROLE_LABELS_TH
    why_th: str
    why_en: str
    approvers: tuple[str, ...]  # names of active users of that role


@dataclass(frozen=True)
class DeskData:
    to_hand_over: tuple[LoanSummary, ...]
    on_loan: tuple[LoanSummary, ...]
    to_settle: tuple[LoanSummary, ...]
    overdue: tuple[OverdueView, ...]
    as_of: dt.date


def _authority(
    tx: Transaction, actor: Actor, user: User | None, loan: Loan, today: dt.date
) -> rules.Authority:
    rules.check_not_own_loan(loan.clause, actor.id, loan.borrower.user_id,
                             BorrowerType(loan.borrower.kind), loan.requested_by_id)  # fmt: skip
    case = rules.LoanCase(loan.clause, Role(loan.approver_role))
    holders = [(i.asset.asset_no, i.asset.unit_holder) for i in loan.items]
    delegated = active_delegations(tx, actor.id, today)
    return rules.approving_authority(case, actor.role, user.unit if user else "", delegated,
                                     holders)  # fmt: skip


def inbox(uow: UnitOfWork, actor: Actor) -> list[InboxLine]:
    """Submitted loans this user may approve or reject, oldest request first."""
    with uow.read() as tx:
        today = business_date(tx.now())
        user = tx.session.get(User, actor.id) if actor.id is not None else None
        loans = tx.session.execute(
            select(Loan).where(Loan.status == LoanStatus.SUBMITTED.value).order_by(Loan.id)
        ).scalars()
        out = []
        for loan in loans:
            try:
                auth = _authority(tx, actor, user, loan, today)
            except (Forbidden, RuleViolation):
                continue
            b = loan.borrower
            out.append(InboxLine(
                loan.loan_no, loan.clause, loan.approver_role, b.name, b.kind,
                rules.borrower_unit(b.kind, b.unit, b.name), loan.purpose,
                loan.start_on, loan.due_on, tuple(i.asset.asset_no for i in loan.items),
                loan.requested_by.username if loan.requested_by is not None else None,
                auth.on_behalf_of.value if auth.on_behalf_of else None, auth.delegated_by,
            ))  # fmt: skip
        return out


def decision(uow: UnitOfWork, actor: Actor, loan_no: str) -> Decision:
    """One loan, and whether this user may decide it now."""
    with uow.read() as tx:
        today = business_date(tx.now())
        loan = find_loan(tx, loan_no)
        view = loan_view(loan, today)
        if loan.status != LoanStatus.SUBMITTED.value:
            label = rules.STATUS_LABELS_TH[LoanStatus(loan.status)]
            return Decision(view, False, None,
                            f"ใบยืมนี้{label} (loan is {loan.status})")  # fmt: skip
        user = tx.session.get(User, actor.id) if actor.id is not None else None
        try:
            auth = _authority(tx, actor, user, loan, today)
        except (Forbidden, RuleViolation) as e:
            return Decision(view, False, None, e.message)
        return Decision(view, True, auth.on_behalf_of.value if auth.on_behalf_of else None, "")


def holds_approval_power(uow: UnitOfWork, actor: Actor) -> bool:
    """A head, or anyone holding a delegation of a head's role today: the inbox is theirs."""
    if actor.role in (Role.ADMIN, Role.AGENCY_HEAD, Role.SUPPLY_HEAD):
        return True
    with uow.read() as tx:
        return bool(active_delegations(tx, actor.id, business_date(tx.now())))


def case_preview(uow: UnitOfWork, kind: str, borrower_type: str, place: str | None) -> CasePreview:
    """Clause 208/210 for a request not yet saved; raises the domain's refusal (e.g. a
    consumable to a person, clause 210) exactly as the request would."""
    case = rules.loan_case(
        AssetKind(kind),
        rules.parse_borrower_type(borrower_type),
        rules.parse_place(place) if place else None,
    )
    thai, english = rules.case_text(case.clause)
    with uow.read() as tx:
        names = tx.session.scalars(
            select(User.name)
            .where(User.role == case.approver_role.value, User.active.is_(True))
            .order_by(User.name)
        ).all()
    return CasePreview(case.clause, case.approver_role.value,
                       rules.ROLE_LABELS_TH[case.approver_role], thai, english,
                       tuple(names))  # fmt: skip


def desk(uow: UnitOfWork, as_of: dt.date | None = None) -> DeskData:
    """The supply officer's day: approved loans to hand over, loans out, returns awaiting
    settlement (clause 209) and the overdue board (clause 211)."""
    approved = list_loans(uow, status=LoanStatus.APPROVED.value, as_of=as_of)
    out = list_loans(uow, status=LoanStatus.ON_LOAN.value, as_of=as_of)
    settle = list_loans(uow, status=LoanStatus.RETURNED.value, as_of=as_of)
    late = overdue_loans(uow, as_of)
    with uow.read() as tx:
        day = as_of or business_date(tx.now())
    key = lambda s: (s.due, s.loan_no)  # noqa: E731
    return DeskData(tuple(sorted(approved, key=lambda s: (s.start, s.loan_no))),
                    tuple(sorted(out, key=key)), tuple(sorted(settle, key=key)), tuple(late),
                    day)  # fmt: skip


# ---------------------------------------------------------------- what a head decides on


@dataclass(frozen=True)
class ApprovalContext:
    """Beside a request in the approvals window: who asked (full name and position), how
    long it has waited, what the items are worth, and the borrower's record of earlier
    loans (late returns, items back damaged or lost)."""

    requester_name: str
    requester_position: str
    waited_hours: int
    items_value: Decimal
    earlier_loans: int  # handed over before this one
    late_returns: int  # returned after the due day, or still out past it
    damaged: int  # items that came back damaged or lost


def approval_context(uow: UnitOfWork, loan_no: str) -> ApprovalContext:
    from db.models import Asset, LoanItem

    with uow.read() as tx:
        loan = find_loan(tx, loan_no)
        now = tx.now()
        today = business_date(now)
        who = loan.requested_by
        value = tx.session.scalar(
            select(func.coalesce(func.sum(Asset.price * LoanItem.qty), 0))
            .select_from(LoanItem)
            .join(Asset, Asset.id == LoanItem.asset_id)
            .where(LoanItem.loan_id == loan.id)
        )
        lent = [s.value for s in (LoanStatus.ON_LOAN, LoanStatus.RETURNED, LoanStatus.CLOSED)]
        earlier = list(
            tx.session.execute(
                select(Loan).where(
                    Loan.borrower_id == loan.borrower_id,
                    Loan.id != loan.id,
                    Loan.status.in_(lent),
                )
            ).scalars()
        )
        late = 0
        for e in earlier:
            back = business_date(e.returned_at) if e.returned_at is not None else None
            if (back is not None and back > e.due_on) or (back is None and today > e.due_on):
                late += 1
        damaged = 0
        if earlier:
            damaged = int(
                tx.session.scalar(
                    select(func.count(LoanItem.id)).where(
                        LoanItem.loan_id.in_([e.id for e in earlier]),
                        LoanItem.condition_in.in_(["damaged", "lost"]),
                    )
                )
                or 0
            )
        waited = max(0, int((now - loan.requested_at).total_seconds() // 3600))
        return ApprovalContext(
            who.name if who is not None else "", who.position if who is not None else "",
            waited, Decimal(value or 0), len(earlier), late, damaged,
        )  # fmt: skip
