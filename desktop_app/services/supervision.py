"""The agency head's supervision summary at login (seed ITA item 24: supervisors follow,
watch and check the use of property): loans waiting for their decision, loans past the
clause-211 follow-up deadline with no follow-up, damage and loss not yet settled, and
misuse reports nobody has acted on whose response deadline is near or past. Each entry
names the thing it is about, so that the window can open it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from db.models import Loan, LoanItem
from db.uow import UnitOfWork
from desktop_app.domain import loans as rules
from desktop_app.domain.assets import Condition
from desktop_app.domain.roles import Role
from desktop_app.domain.thai_time import business_date
from desktop_app.services.auth import Actor

PENDING = "pending_approval"
PAST_211 = "past_211"
UNSETTLED = "unsettled"
MISUSE = "misuse_near_deadline"
KINDS = (PENDING, PAST_211, UNSETTLED, MISUSE)


@dataclass(frozen=True)
class SummaryEntry:
    kind: str  # one of KINDS
    key: str  # the loan number or the case number
    title: str
    detail: str
    day: dt.date | None  # due, deadline or request date


@dataclass(frozen=True)
class SupervisionSummary:
    as_of: dt.date
    entries: tuple[SummaryEntry, ...]

    def of(self, kind: str) -> list[SummaryEntry]:
        return [e for e in self.entries if e.kind == kind]


def supervision_summary(uow: UnitOfWork, actor: Actor) -> SupervisionSummary:
    from desktop_app.services.misuse import open_cases_near_deadline

    entries: list[SummaryEntry] = []
    with uow.read() as tx:
        today = business_date(tx.now())
        q = select(Loan).where(Loan.status == rules.LoanStatus.SUBMITTED.value)
        if actor.role is not Role.ADMIN:
            q = q.where(Loan.approver_role == actor.role.value)
        for loan in tx.session.execute(q.order_by(Loan.requested_at, Loan.id)).scalars():
            entries.append(SummaryEntry(
                PENDING, loan.loan_no, f"{loan.loan_no} {loan.borrower.name}",
                f"{loan.purpose} (ข้อ {loan.clause})", loan.start_on,
            ))  # fmt: skip
        overdue = tx.session.execute(
            select(Loan)
            .where(Loan.status == rules.LoanStatus.ON_LOAN.value, Loan.due_on < today)
            .options(selectinload(Loan.followups), selectinload(Loan.borrower))
            .order_by(Loan.due_on, Loan.id)
        ).scalars()
        for loan in overdue:
            f = rules.followup_state(loan.due_on, today, [x.on_date for x in loan.followups])
            if f.deadline_missed:
                entries.append(SummaryEntry(
                    PAST_211, loan.loan_no, f"{loan.loan_no} {loan.borrower.name}",
                    f"เกินกำหนด {f.overdue_days} วัน ยังไม่ติดตามทวงคืน", f.followup_deadline,
                ))  # fmt: skip
        items = tx.session.execute(
            select(LoanItem)
            .join(Loan, Loan.id == LoanItem.loan_id)
            .where(LoanItem.condition_in.in_([Condition.DAMAGED.value,
                                              Condition.LOST.value]))
            .order_by(Loan.id, LoanItem.id)
        ).scalars()  # fmt: skip
        for item in items:
            if item.settlement is None:
                loan = item.loan
                word = "ชำรุด" if item.condition_in == Condition.DAMAGED.value else "สูญหาย"
                entries.append(SummaryEntry(
                    UNSETTLED, loan.loan_no, f"{loan.loan_no} {item.asset.asset_no}",
                    f"{item.asset.name} {word} ยังไม่ชดใช้", loan.due_on,
                ))  # fmt: skip
    for case in open_cases_near_deadline(uow):
        late = "เกินกำหนดตอบสนองแล้ว" if case.flagged else f"เหลือ {max(case.days_left, 0)} วัน"
        entries.append(SummaryEntry(
            MISUSE, case.case, case.case, f"ยังไม่มีผู้ดำเนินการ {late}",
            business_date(case.deadline),
        ))  # fmt: skip
    return SupervisionSummary(today, tuple(entries))
