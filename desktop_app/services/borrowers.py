"""Borrowers: a person (an official, possibly a KhetDesk user) or another state agency.

A borrower row is found again by who it is (the linked user; else the name, and for an
agency its name), so that one borrower's history collects in one place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from db.models import Borrower, Loan, LoanItem, User
from db.uow import Transaction, UnitOfWork
from desktop_app.domain.assets import text_field
from desktop_app.domain.errors import Conflict, InvalidInput, NotFound
from desktop_app.domain.loans import BorrowerType, LoanStatus


@dataclass(frozen=True)
class BorrowerView:
    id: int
    kind: str
    name: str
    position: str
    unit: str
    contact: str
    signatory: str
    username: str | None


@dataclass(frozen=True)
class BorrowerLoanLine:
    loan_no: str
    status: str
    start: dt.date
    due: dt.date
    assets: tuple[str, ...]
    purpose: str


@dataclass(frozen=True)
class BorrowerHistory:
    borrower: BorrowerView
    loans: tuple[BorrowerLoanLine, ...]
    on_loan: int  # loans handed over and not back


def borrower_view(b: Borrower) -> BorrowerView:
    return BorrowerView(b.id, b.kind, b.name, b.position, b.unit, b.contact, b.signatory,
                        b.user.username if b.user is not None else None)  # fmt: skip


def borrower_state(b: Borrower) -> dict[str, object]:
    return {
        "kind": b.kind,
        "name": b.name,
        "position": b.position,
        "unit": b.unit,
        "contact": b.contact,
        "signatory": b.signatory,
        "user": b.user.username if b.user is not None else None,
    }


def find_user(tx: Transaction, username: str) -> User:
    u = tx.session.execute(
        select(User).where(User.username == username.strip().lower(), User.active.is_(True))
    ).scalar_one_or_none()
    if u is None:
        raise NotFound(f"ไม่พบผู้ใช้ '{username[:40]}' (no such user)")
    return u


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def resolve_borrower(
    tx: Transaction,
    requester: User | None,
    kind: BorrowerType,
    *,
    name: str | None,
    username: str | None = None,
    agency: str | None = None,
    position: str | None = None,
    unit: str | None = None,
    contact: str | None = None,
    signatory: str | None = None,
) -> Borrower:
    """The borrower of a request, found again or added, with what was typed filled in.

    person: ``name`` (or the linked user's name); ``unit`` (or ``agency``, or the user's
    unit); linked to ``username``, or to the requester when the name is the requester's own.
    agency: ``agency`` is the agency's name and ``name`` its contact or signing official;
    with ``agency`` not given, ``name`` is the agency."""
    s = tx.session
    nm = text_field(name, "borrower", "ชื่อผู้ยืม", required=False)
    pos = text_field(position, "position", "ตำแหน่ง", required=False)
    un = text_field(unit, "unit", "หน่วยงาน", required=False)
    ag = text_field(agency, "agency", "หน่วยงานผู้ยืม", required=False)
    ct = text_field(contact, "contact", "ผู้ติดต่อ", required=False)
    sg = text_field(signatory, "signatory", "ผู้มีอำนาจลงนาม", required=False)
    user: User | None = None
    if kind is BorrowerType.PERSON:
        if username:
            user = find_user(tx, username)
        elif requester is not None and nm and _same_name(nm, requester.name):
            user = requester  # a request for oneself, typed by name
        if not nm and user is not None:
            nm = user.name
        if not nm:
            raise InvalidInput("ต้องระบุชื่อผู้ยืม (the borrower's name is required: --borrower)")
        un = un or ag or (user.unit if user is not None else "")
        pos = pos or (user.position if user is not None else "")
        if user is not None:
            found = s.execute(
                select(Borrower).where(Borrower.kind == kind.value, Borrower.user_id == user.id)
            ).scalar_one_or_none()
        else:
            found = s.execute(
                select(Borrower).where(
                    Borrower.kind == kind.value, Borrower.user_id.is_(None), Borrower.name == nm
                )
            ).scalar_one_or_none()
    else:
        if username:
            raise InvalidInput(
                "--borrower-user ใช้กับผู้ยืมที่เป็นบุคคลเท่านั้น "
                "(--borrower-user links a person, not an agency)"
            )
        agency_name = ag or nm
        if not agency_name:
            raise InvalidInput("ต้องระบุชื่อหน่วยงานผู้ยืม (the borrowing agency is required: --agency)")
        if ag and nm and not _same_name(ag, nm):
            sg = sg or nm  # --borrower names the agency's official
        nm = agency_name
        found = s.execute(
            select(Borrower).where(Borrower.kind == kind.value, Borrower.name == nm)
        ).scalar_one_or_none()
    if found is None:
        found = Borrower(kind=kind.value, name=nm, position=pos, unit=un, contact=ct,
                         signatory=sg, user=user, created_at=tx.now())  # fmt: skip
        s.add(found)
    else:
        found.name = nm
        for attr, value in (("position", pos), ("unit", un), ("contact", ct), ("signatory", sg)):
            if value:
                setattr(found, attr, value)
    s.flush()
    return found


def list_borrowers(uow: UnitOfWork) -> list[BorrowerView]:
    with uow.read() as tx:
        rows = tx.session.execute(select(Borrower).order_by(Borrower.kind, Borrower.name))
        return [borrower_view(b) for b in rows.scalars()]


def find_borrower(tx: Transaction, key: str) -> Borrower:
    """By id, by a linked user's username, or by exact name."""
    text = key.strip()
    s = tx.session
    # isdecimal, not isdigit: int() refuses '²'; ids are 32-bit on PostgreSQL, and a
    # longer number is a name or a user, never an id (both found by the fuzz suite).
    if text.isdecimal() and int(text) < 2**31:
        b = s.get(Borrower, int(text))
        if b is not None:
            return b
    user = s.execute(select(User).where(User.username == text.lower())).scalar_one_or_none()
    if user is not None:
        b = s.execute(select(Borrower).where(Borrower.user_id == user.id)).scalar_one_or_none()
        if b is not None:
            return b
    matches = s.execute(select(Borrower).where(Borrower.name == text)).scalars().all()
    if len(matches) > 1:
        ids = ", ".join(str(m.id) for m in matches)
        raise Conflict(f"มีผู้ยืมชื่อนี้หลายราย ระบุด้วยรหัส: {ids} (several borrowers: use the id)")
    if not matches:
        raise NotFound(f"ไม่พบผู้ยืม '{text[:60]}' (no such borrower)")
    return matches[0]


def borrower_history(uow: UnitOfWork, key: str) -> BorrowerHistory:
    """Every loan of one borrower, newest first."""
    from db.models import Asset

    with uow.read() as tx:
        b = find_borrower(tx, key)
        loans = tx.session.execute(
            select(Loan).where(Loan.borrower_id == b.id).order_by(Loan.id.desc())
        ).scalars()
        lines = []
        for loan in loans:
            assets = tx.session.scalars(
                select(Asset.asset_no)
                .join(LoanItem, LoanItem.asset_id == Asset.id)
                .where(LoanItem.loan_id == loan.id)
                .order_by(LoanItem.id)
            )
            lines.append(BorrowerLoanLine(loan.loan_no, loan.status, loan.start_on, loan.due_on,
                                          tuple(assets), loan.purpose))  # fmt: skip
        on_loan = tx.session.scalar(
            select(func.count()).where(
                Loan.borrower_id == b.id, Loan.status == LoanStatus.ON_LOAN.value
            )
        )
        return BorrowerHistory(borrower_view(b), tuple(lines), int(on_loan or 0))
