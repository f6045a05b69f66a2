"""Loans statistics (issue 7; clauses 207–211): loans per month and unit, on-time return
rate, overdue loans with the clause-211 follow-up met or missed, damage and loss with their
settlements, the most-lent assets and the assets not lent. Every figure is about the loans
whose start date falls in a range, except the overdue loans and their follow-up, which are
about the loans whose due date falls in it (see *overdue*). Every figure is a GROUP BY in
the database; the lists (overdue loans, assets) are lists on purpose.

Definitions:
- *requests*: loans starting in the range, whatever became of them; *lent*: handed over
  (on loan, returned or closed); *items*: asset lines on the lent loans.
- *on time*: a lent loan whose last item came back (``loans.returned_at``, Bangkok day) on
  or before its due date; the rate is on time ÷ returned.
- *overdue*: a lent loan whose due date falls in the range (whenever it started), returned
  after that date, or still out after it (as of today): clause 211 asks what became of the
  loans that fell due in the period, and a loan lent in March and due in April is overdue
  in April. Clause 211: the follow-up deadline is due + 7 days; for a loan due in the last
  week of the range the deadline lies after it, and its outcome may still be *pending*.
  *met*: a follow-up recorded on or before the deadline; *returned before the deadline*:
  back within the 7 days without a follow-up (none was needed); *missed*: the deadline
  passed, still out then, no follow-up by then; *pending*: still out and the deadline not
  yet passed. (*on time*/*still out* above stay about the loans started in the range.)
- *not lent*: lendable assets, not written off, on no lent loan starting in the range,
  with the last time each was lent (None: never).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    case,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import aliased

from db.models import (
    Asset,
    Borrower,
    Loan,
    LoanFollowup,
    LoanItem,
    LoanReturn,
    LoanSettlement,
    User,
)
from db.uow import UnitOfWork
from desktop_app.domain.assets import CONDITION_LABELS_TH, Condition
from desktop_app.domain.loans import (
    FOLLOWUP_DAYS,
    LENT,
    METHOD_SHORT_LABELS_TH,
    BorrowerType,
    LoanStatus,
    Method,
)
from desktop_app.domain.thai_time import BE_OFFSET, THAI_MONTHS_ABBR, business_date
from desktop_app.services.stats_sql import as_date, bangkok_date, check_range, days_between

Progress = Callable[[int, int], None]
MOST_LENT = 10
UNSPECIFIED_TH = "(ไม่ระบุ)"

FOLLOWUP_LABELS_TH = {
    "met": "ติดตามทันกำหนด",
    "returned": "คืนก่อนครบกำหนดติดตาม",
    "missed": "ไม่ได้ติดตามภายในกำหนด",
    "pending": "ยังไม่ครบกำหนดติดตาม",
}


@dataclass(frozen=True)
class LoanCountRow:
    key: str
    label: str
    requests: int
    lent: int
    rejected: int
    cancelled: int
    items: int


@dataclass(frozen=True)
class ReturnFigures:
    lent: int
    returned: int
    on_time: int
    late: int
    still_out: int
    out_overdue: int

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.returned if self.returned else None


@dataclass(frozen=True)
class OverdueRow:
    loan_no: str
    borrower: str
    unit: str
    due: dt.date
    returned_on: dt.date | None
    overdue_days: int  # to the return, or to today while still out
    followup_deadline: dt.date
    first_followup: dt.date | None  # the first follow-up recorded by the deadline
    outcome: str  # met | returned | missed | pending


@dataclass(frozen=True)
class FollowupFigures:
    overdue: int
    met: int
    returned: int
    missed: int
    pending: int


@dataclass(frozen=True)
class ConditionRow:
    condition: str
    label: str
    returns: int
    qty: int


@dataclass(frozen=True)
class SettlementRow:
    method: str
    label: str
    items: int
    amount: Decimal
    suggested: Decimal


@dataclass(frozen=True)
class AssetUseRow:
    asset_no: str
    name: str
    unit_holder: str
    loans: int  # lent loans in the range carrying it
    qty: int
    last_lent: dt.date | None  # the start of its last lent loan, any time


@dataclass(frozen=True)
class LoanStats:
    date_from: dt.date | None
    date_to: dt.date | None
    as_of: dt.date
    total: LoanCountRow
    by_month: tuple[LoanCountRow, ...]
    by_unit: tuple[LoanCountRow, ...]
    returns: ReturnFigures
    followups: FollowupFigures
    overdue: tuple[OverdueRow, ...]
    conditions: tuple[ConditionRow, ...]
    settlements: tuple[SettlementRow, ...]
    unsettled: int  # damaged or lost items not settled yet
    most_lent: tuple[AssetUseRow, ...]
    not_lent: tuple[AssetUseRow, ...]


def _in_range(
    date_from: dt.date | None, date_to: dt.date | None, column: Any = Loan.start_on
) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if date_from:
        conds.append(column >= date_from)
    if date_to:
        conds.append(column <= date_to)
    return conds


_LENT = [s.value for s in LENT]


def _n(cond: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def _unit() -> ColumnElement[str]:
    """A person's unit (ฝ่าย); an agency counts as its own unit."""
    return case((Borrower.kind == BorrowerType.PERSON.value, Borrower.unit), else_=Borrower.name)


def _counts(session: Any, conds: list[ColumnElement[bool]], key: Any | None) -> list[Any]:
    items = (
        select(LoanItem.loan_id, func.count().label("n"))
        .group_by(LoanItem.loan_id)
        .subquery("item_counts")
    )
    lent = Loan.status.in_(_LENT)
    columns = [
        func.count(),
        _n(lent),
        _n(Loan.status == LoanStatus.REJECTED.value),
        _n(Loan.status == LoanStatus.CANCELLED.value),
        func.coalesce(func.sum(case((lent, items.c.n), else_=0)), 0),
    ]
    stmt: Select[*tuple[Any, ...]] = (
        select(*(key or []), *columns)
        .select_from(Loan)
        .join(Borrower, Borrower.id == Loan.borrower_id)
        .outerjoin(items, items.c.loan_id == Loan.id)
        .where(*conds)
    )
    if key:
        stmt = stmt.group_by(*key)
    return list(session.execute(stmt).all())


def _month_label(year: int, month: int) -> str:
    return f"{THAI_MONTHS_ABBR[month - 1]} {year + BE_OFFSET}"


def loan_stats(
    uow: UnitOfWork,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    as_of: dt.date | None = None,
    progress: Progress | None = None,
) -> LoanStats:
    """The loans statistics for the loans starting in [date_from, date_to] (either end
    open when None), overdue status as of ``as_of`` (default: today)."""
    check_range(date_from, date_to, max_days=None)  # a register spans years
    steps, step = 6, 0

    def tick() -> None:
        nonlocal step
        step += 1
        if progress:
            progress(step, steps)

    with uow.read() as tx:
        s = tx.session
        today = as_of or business_date(tx.now())
        conds = _in_range(date_from, date_to)

        (total_row,) = _counts(s, conds, None)
        total = LoanCountRow("total", "รวม", *(int(x) for x in total_row))
        year = cast(func.extract("year", Loan.start_on), Integer)
        month = cast(func.extract("month", Loan.start_on), Integer)
        by_month = tuple(
            LoanCountRow(
                f"{int(y):04d}-{int(m):02d}", _month_label(int(y), int(m)), *(int(x) for x in rest)
            )
            for y, m, *rest in sorted(
                _counts(s, conds, [year, month]), key=lambda r: (int(r[0]), int(r[1]))
            )
        )
        unit = _unit()
        by_unit = tuple(
            sorted(
                (
                    LoanCountRow(u or "", u or UNSPECIFIED_TH, *(int(x) for x in rest))
                    for u, *rest in _counts(s, conds, [unit])
                ),
                key=lambda r: (-r.requests, r.key),
            )
        )
        tick()

        returns = _returns(s, conds, today)
        tick()
        overdue, followups = _overdue(s, _in_range(date_from, date_to, Loan.due_on), today)
        tick()
        conditions, settlements, unsettled = _damage(s, conds)
        tick()
        most_lent, not_lent = _assets(s, conds)
        tick()
        tick()
        return LoanStats(
            date_from,
            date_to,
            today,
            total,
            by_month,
            by_unit,
            returns,
            followups,
            overdue,
            conditions,
            settlements,
            unsettled,
            most_lent,
            not_lent,
        )


def _returns(session: Any, conds: list[ColumnElement[bool]], today: dt.date) -> ReturnFigures:
    back = bangkok_date(Loan.returned_at)
    returned = Loan.returned_at.is_not(None)
    row = session.execute(
        select(
            func.count(),
            _n(returned),
            _n(returned & (back <= Loan.due_on)),
            _n(returned & (back > Loan.due_on)),
            _n(Loan.status == LoanStatus.ON_LOAN.value),
            _n((Loan.status == LoanStatus.ON_LOAN.value) & (Loan.due_on < today)),
        ).where(*conds, Loan.status.in_(_LENT))
    ).one()
    return ReturnFigures(*(int(x) for x in row))


def _overdue(
    session: Any, conds: list[ColumnElement[bool]], today: dt.date
) -> tuple[tuple[OverdueRow, ...], FollowupFigures]:
    back = bangkok_date(Loan.returned_at)
    end_day = func.coalesce(back, literal(today))
    in_time = (
        select(func.min(LoanFollowup.on_date))
        .where(
            LoanFollowup.loan_id == Loan.id,
            days_between(Loan.due_on, LoanFollowup.on_date) <= FOLLOWUP_DAYS,
        )
        .scalar_subquery()
    )
    late = days_between(Loan.due_on, end_day)
    is_overdue = or_(
        and_(Loan.returned_at.is_not(None), back > Loan.due_on),
        and_(Loan.status == LoanStatus.ON_LOAN.value, Loan.due_on < literal(today)),
    )
    rows = session.execute(
        select(
            Loan.loan_no,
            Borrower.name,
            _unit(),
            Loan.due_on,
            back,
            late,
            in_time,
            Loan.returned_at.is_not(None),
        )
        .join(Borrower, Borrower.id == Loan.borrower_id)
        .where(*conds, Loan.status.in_(_LENT), is_overdue)
        .order_by(Loan.due_on, Loan.id)
    ).all()
    out = []
    counts = dict.fromkeys(FOLLOWUP_LABELS_TH, 0)
    for loan_no, borrower, unit, due, back_on, days, first, is_back in rows:
        due_d = as_date(due)
        deadline = due_d + dt.timedelta(days=FOLLOWUP_DAYS)
        if first is not None:
            outcome = "met"
        elif int(days) > FOLLOWUP_DAYS:
            outcome = "missed"
        elif is_back:
            outcome = "returned"
        else:
            outcome = "pending"
        counts[outcome] += 1
        out.append(
            OverdueRow(
                loan_no,
                borrower,
                unit or "",
                due_d,
                as_date(back_on) if back_on is not None else None,
                int(days),
                deadline,
                as_date(first) if first is not None else None,
                outcome,
            )
        )
    return tuple(out), FollowupFigures(
        len(out), counts["met"], counts["returned"], counts["missed"], counts["pending"]
    )


def _damage(
    session: Any, conds: list[ColumnElement[bool]]
) -> tuple[tuple[ConditionRow, ...], tuple[SettlementRow, ...], int]:
    bad = [Condition.DAMAGED.value, Condition.LOST.value]
    cond_rows = dict(
        (c, (int(n), int(q)))
        for c, n, q in session.execute(
            select(LoanReturn.condition, func.count(), func.coalesce(func.sum(LoanReturn.qty), 0))
            .join(LoanItem, LoanItem.id == LoanReturn.loan_item_id)
            .join(Loan, Loan.id == LoanItem.loan_id)
            .where(*conds, LoanReturn.condition.in_(bad))
            .group_by(LoanReturn.condition)
        ).all()
    )
    conditions = tuple(
        ConditionRow(c.value, CONDITION_LABELS_TH[c], *cond_rows.get(c.value, (0, 0)))
        for c in (Condition.DAMAGED, Condition.LOST)
    )
    zero = Decimal("0.00")
    set_rows = {
        m: (int(n), Decimal(a or 0).quantize(zero), Decimal(sg or 0).quantize(zero))
        for m, n, a, sg in session.execute(
            select(
                LoanSettlement.method,
                func.count(),
                func.sum(LoanSettlement.amount),
                func.sum(LoanSettlement.suggested_amount),
            )
            .join(LoanItem, LoanItem.id == LoanSettlement.loan_item_id)
            .join(Loan, Loan.id == LoanItem.loan_id)
            .where(*conds)
            .group_by(LoanSettlement.method)
        ).all()
    }
    settlements = tuple(
        SettlementRow(m.value, METHOD_SHORT_LABELS_TH[m], *set_rows.get(m.value, (0, zero, zero)))
        for m in Method
    )
    unsettled = session.scalar(
        select(func.count())
        .select_from(LoanItem)
        .join(Loan, Loan.id == LoanItem.loan_id)
        .where(*conds, LoanItem.condition_in.in_(bad), LoanItem.settled_at.is_(None))
    )
    return conditions, settlements, int(unsettled or 0)


def _assets(
    session: Any, conds: list[ColumnElement[bool]]
) -> tuple[tuple[AssetUseRow, ...], tuple[AssetUseRow, ...]]:
    item2, loan2 = aliased(LoanItem), aliased(Loan)
    last_lent = (
        select(func.max(loan2.start_on))
        .select_from(item2)
        .join(loan2, loan2.id == item2.loan_id)
        .where(item2.asset_id == Asset.id, loan2.status.in_(_LENT))
        .scalar_subquery()
    )
    used = (
        select(
            LoanItem.asset_id,
            func.count(func.distinct(LoanItem.loan_id)).label("loans"),
            func.sum(LoanItem.qty).label("qty"),
        )
        .join(Loan, Loan.id == LoanItem.loan_id)
        .where(*conds, Loan.status.in_(_LENT))
        .group_by(LoanItem.asset_id)
        .subquery("used")
    )
    most = session.execute(
        select(Asset.asset_no, Asset.name, Asset.unit_holder, used.c.loans, used.c.qty, last_lent)
        .join(used, used.c.asset_id == Asset.id)
        .order_by(used.c.loans.desc(), used.c.qty.desc(), Asset.asset_no)
        .limit(MOST_LENT)
    ).all()
    lent_in_range = (
        select(LoanItem.id)
        .join(Loan, Loan.id == LoanItem.loan_id)
        .where(LoanItem.asset_id == Asset.id, *conds, Loan.status.in_(_LENT))
    )
    idle = session.execute(
        select(Asset.asset_no, Asset.name, Asset.unit_holder, last_lent)
        .where(Asset.lendable.is_(True), Asset.written_off.is_(False), ~exists(lent_in_range))
        .order_by(Asset.asset_no)
    ).all()
    return (
        tuple(
            AssetUseRow(no, name, holder, int(n), int(q), _opt_date(last))
            for no, name, holder, n, q, last in most
        ),
        tuple(
            AssetUseRow(no, name, holder, 0, 0, _opt_date(last)) for no, name, holder, last in idle
        ),
    )


def _opt_date(value: Any) -> dt.date | None:
    return None if value is None else as_date(value)


# ---------------------------------------------------------------- the register, one row per item


@dataclass(frozen=True)
class RegisterRow:
    """One asset line of one loan, as the loan register (ทะเบียนคุมการยืมพัสดุ) lists it."""

    loan_no: str
    status: str
    start: dt.date
    due: dt.date
    borrower: str
    borrower_type: str
    unit: str
    purpose: str
    place: str
    clause: str
    decision: str  # approved | rejected | "" (not decided: waiting, or cancelled before)
    decided_by: str  # the name of who approved or rejected it; "" when not decided
    asset_no: str
    asset_name: str
    qty: int
    asset_unit: str
    condition_out: str
    handed_over_at: dt.datetime | None
    returned_qty: int
    condition_in: str
    returned_at: dt.datetime | None
    settlement: str
    amount: Decimal | None


def loan_register_rows(
    uow: UnitOfWork, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> list[RegisterRow]:
    """Every loan item of the loans starting in the range, by loan number."""
    check_range(date_from, date_to, max_days=None)  # a register spans years
    decider = aliased(User)
    with uow.read() as tx:
        rows = tx.session.execute(
            select(
                Loan.loan_no,
                Loan.status,
                Loan.start_on,
                Loan.due_on,
                Borrower.name,
                Borrower.kind,
                _unit(),
                Loan.purpose,
                Loan.place,
                Loan.clause,
                decider.name,
                Asset.asset_no,
                Asset.name,
                LoanItem.qty,
                Asset.unit,
                LoanItem.condition_out,
                Loan.handed_over_at,
                LoanItem.returned_qty,
                LoanItem.condition_in,
                LoanItem.returned_at,
                LoanSettlement.method,
                LoanSettlement.amount,
            )
            .join(Borrower, Borrower.id == Loan.borrower_id)
            .join(LoanItem, LoanItem.loan_id == Loan.id)
            .join(Asset, Asset.id == LoanItem.asset_id)
            .outerjoin(decider, decider.id == Loan.decided_by_id)
            .outerjoin(LoanSettlement, LoanSettlement.loan_item_id == LoanItem.id)
            .where(*_in_range(date_from, date_to))
            .order_by(Loan.fiscal_year, Loan.seq, LoanItem.id)
        ).all()
    return [
        RegisterRow(
            loan_no,
            status,
            as_date(start),
            as_date(due),
            borrower,
            kind,
            unit or "",
            purpose,
            place,
            clause,
            _decision(status, decided),
            decided or "",
            asset_no,
            name,
            int(qty),
            asset_unit,
            cond_out or "",
            handed,
            int(back_qty),
            cond_in or "",
            back_at,
            method or "",
            amount,
        )
        for (
            loan_no,
            status,
            start,
            due,
            borrower,
            kind,
            unit,
            purpose,
            place,
            clause,
            decided,
            asset_no,
            name,
            qty,
            asset_unit,
            cond_out,
            handed,
            back_qty,
            cond_in,
            back_at,
            method,
            amount,
        ) in rows
    ]


def _decision(status: str, decided_by: str | None) -> str:
    """What the decider decided, as the PDF register marks it: a rejected loan's decider
    did not approve it; any other decided loan was approved (cancelled afterwards, too)."""
    if decided_by is None:
        return ""
    return "rejected" if status == LoanStatus.REJECTED.value else "approved"
