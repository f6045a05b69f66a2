"""What a supply officer asks of the loans: what is out now and with whom, and how many
loans each unit made, each month. (Overdue: services.loans.overdue_loans; one asset's
history: services.assets.show_asset; one borrower's: services.borrowers.borrower_history;
assets never lent: services.assets.list_assets(never_lent=True).)"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from db.models import Asset, Borrower, Loan, LoanItem
from db.uow import UnitOfWork
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.loans import LENT, LoanStatus, borrower_unit, overdue_days
from desktop_app.domain.thai_time import BE_OFFSET, THAI_MONTHS_ABBR, business_date


@dataclass(frozen=True)
class OutItem:
    asset_no: str
    name: str
    kind: str
    qty: int  # still with the borrower
    unit: str
    unit_holder: str
    loan_no: str
    borrower: str
    borrower_type: str
    borrower_unit: str
    place: str
    place_detail: str
    start: dt.date
    due: dt.date
    overdue_days: int


@dataclass(frozen=True)
class LoanGroup:
    group: str
    label: str
    requests: int  # every request in the group
    lent: int  # handed over (on loan, returned or closed)
    rejected: int
    cancelled: int
    items: int  # asset lines on the loans that were lent


GROUPINGS = ("unit", "holder", "month")


def items_out_now(uow: UnitOfWork, as_of: dt.date | None = None) -> list[OutItem]:
    """Every item handed over and not yet back, with whom, by due date."""
    with uow.read() as tx:
        day = as_of or business_date(tx.now())
        rows = tx.session.execute(
            select(LoanItem, Loan, Asset, Borrower)
            .join(Loan, Loan.id == LoanItem.loan_id)
            .join(Asset, Asset.id == LoanItem.asset_id)
            .join(Borrower, Borrower.id == Loan.borrower_id)
            .where(Loan.status == LoanStatus.ON_LOAN.value, LoanItem.returned_qty < LoanItem.qty)
            .order_by(Loan.due_on, Loan.id, LoanItem.id)
        ).all()
        return [
            OutItem(
                a.asset_no,
                a.name,
                a.kind,
                item.qty - item.returned_qty,
                a.unit,
                a.unit_holder,
                loan.loan_no,
                b.name,
                b.kind,
                borrower_unit(b.kind, b.unit, b.name),
                loan.place,
                loan.place_detail,
                loan.start_on,
                loan.due_on,
                overdue_days(loan.due_on, day),
            )
            for item, loan, a, b in rows
        ]


def _month_label(key: str) -> str:
    year, month = (int(x) for x in key.split("-"))
    return f"{THAI_MONTHS_ABBR[month - 1]} {year + BE_OFFSET}"


def loans_grouped(
    uow: UnitOfWork, by: str, start: dt.date | None = None, end: dt.date | None = None
) -> list[LoanGroup]:
    """Loans by the borrower's unit (an agency counts as its own unit), by the unit
    holding the items, or by the month the loan starts; within [start, end] of the start
    date when given."""
    if by not in GROUPINGS:
        raise InvalidInput(f"จัดกลุ่มได้ตาม {', '.join(GROUPINGS)} (--by must be one of them)")
    if start and end and end < start:
        raise InvalidInput("--to ก่อน --from (--to is before --from)")
    with uow.read() as tx:
        stmt = select(Loan, Borrower).join(Borrower, Borrower.id == Loan.borrower_id)
        if start:
            stmt = stmt.where(Loan.start_on >= start)
        if end:
            stmt = stmt.where(Loan.start_on <= end)
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
        for loan, b in tx.session.execute(stmt.order_by(Loan.id)).all():
            holders = {i.asset.unit_holder for i in loan.items}
            if by == "unit":
                keys = {borrower_unit(b.kind, b.unit, b.name)}
            elif by == "holder":
                keys = holders
            else:
                keys = {f"{loan.start_on.year:04d}-{loan.start_on.month:02d}"}
            status = LoanStatus(loan.status)
            for key in keys:
                c = counts[key]
                c[0] += 1
                if status in LENT:
                    c[1] += 1
                    c[4] += len(loan.items)
                c[2] += status is LoanStatus.REJECTED
                c[3] += status is LoanStatus.CANCELLED
        groups = [
            LoanGroup(key, (_month_label(key) if by == "month" else key) or "(ไม่ระบุ)", *c)
            for key, c in counts.items()
        ]
    if by == "month":
        return sorted(groups, key=lambda g: g.group)
    return sorted(groups, key=lambda g: (-g.requests, g.group))
