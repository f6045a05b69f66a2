"""Printed documents of the loans (regulation-207-211.md, "The paper record"): each use case
reads through a UnitOfWork, fills the plain dataclasses of printing.pdf.content and returns
the PDF bytes. Nothing is written to the database.

- ``loan_record_pdf``: ใบยืมพัสดุ, with the loan's QR (``khetdesk://loan/<LOAN_NO>``);
- ``return_record_pdf``: the return inspection and settlements (clause 209);
- ``followup_letter_pdf``: หนังสือติดตามทวงคืน for an overdue loan (clause 211);
- ``loan_register_pdf``: ทะเบียนคุมการยืมพัสดุ for a date range of start dates;
- ``asset_use_report_pdf``: what was lent, to whom, for what, returned how (report item 24);
- ``asset_labels_pdf``: A4 sheets of 3 × 8 QR labels.

Rendering takes no Qt application (reportlab); Thai line breaks use QtCore only. The
database transaction is closed before the PDF is drawn: a long register never holds it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from db.models import Asset, Loan, LoanItem, User
from db.uow import Transaction, UnitOfWork
from desktop_app.domain import loans as rules
from desktop_app.domain.assets import (
    CONDITION_LABELS_TH,
    KIND_LABELS_TH,
    AssetKind,
    Condition,
)
from desktop_app.domain.compensation import baht_text
from desktop_app.domain.errors import Conflict, InvalidInput, NotFound
from desktop_app.domain.loans import (
    LENT,
    METHOD_LABELS_TH,
    ROLE_LABELS_TH,
    STATUS_LABELS_TH,
    BorrowerType,
    LoanStatus,
    Method,
    case_text,
)
from desktop_app.domain.roles import Role
from desktop_app.domain.text import clean_text
from desktop_app.domain.thai_time import business_date
from desktop_app.services.assets import find_asset
from desktop_app.services.loans import find_loan
from desktop_app.services.settings import read_setting
from desktop_app.services.stats_sql import check_range
from printing.pdf.asset_labels import render_label_sheet
from printing.pdf.asset_use import render_asset_use_report
from printing.pdf.base import thai_digits
from printing.pdf.content import (
    AssetLabel,
    AssetUseReport,
    DocSetup,
    FollowupLetter,
    ItemLine,
    LabelSheet,
    LoanRecord,
    LoanRegister,
    Person,
    RegisterLine,
    ReturnRecord,
    SettlementLine,
    UseLine,
    asset_link,
    loan_link,
)
from printing.pdf.followup_letter import render_followup_letter
from printing.pdf.loan_record import render_loan_record
from printing.pdf.loan_register import render_loan_register
from printing.pdf.return_record import render_return_record

Progress = Callable[[int, int], None]

PLACE_LABELS_TH = {
    rules.Place.ON_PREMISES.value: "ภายในสถานที่ของหน่วยงาน",
    rules.Place.OFF_PREMISES.value: "นอกสถานที่ของหน่วยงาน",
}
MEANS_LABELS_TH = {
    rules.FollowupMeans.LETTER.value: "หนังสือ",
    rules.FollowupMeans.PHONE.value: "โทรศัพท์",
    rules.FollowupMeans.EMAIL.value: "อีเมล",
    rules.FollowupMeans.VISIT.value: "ติดตามด้วยตนเอง",
    rules.FollowupMeans.OTHER.value: "อื่น ๆ",
}


# ---------------------------------------------------------------- settings


def _emblem(path_text: str) -> bytes | None:
    if not path_text:
        return None
    path = Path(path_text)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InvalidInput(
            f"อ่านไฟล์ตราครุฑ {path_text[-80:]} ไม่ได้ ตรวจการตั้งค่า document.emblem_path "
            f"(cannot read the emblem image set in document.emblem_path: "
            f"{e.strerror or type(e).__name__})",
            field="document.emblem_path",
        ) from None
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8")):
        raise InvalidInput(
            f"ไฟล์ตราครุฑ {path_text[-80:]} ไม่ใช่ภาพ PNG หรือ JPEG "
            "(the emblem file in document.emblem_path is not a PNG or JPEG image)",
            field="document.emblem_path",
        )
    return data


def doc_setup(tx: Transaction) -> DocSetup:
    """The office's document settings, the emblem read from its file."""

    def get(key: str) -> str:
        return read_setting(tx, key)

    return DocSetup(
        agency=get("office.name"),
        emblem=_emblem(get("document.emblem_path")),
        thai_digits=get("document.digits") == "thai",
        supply_unit=get("document.supply_unit"),
        address=get("document.address"),
        contact=get("document.contact"),
        signer_name=get("document.signer_name"),
        signer_position=get("document.signer_position"),
    )


# ---------------------------------------------------------------- pieces


def _person(user: User | None) -> Person | None:
    if user is None:
        return None
    return Person(user.name, user.position, user.unit)


def _day(at: dt.datetime | None) -> dt.date | None:
    return business_date(at) if at is not None else None


def _condition(value: str | None) -> str:
    return CONDITION_LABELS_TH[Condition(value)] if value else ""


def _item_line(item: LoanItem, with_return: bool = True) -> ItemLine:
    a = item.asset
    notes = [r.note for r in item.returns if r.note] if with_return else []
    return ItemLine(
        asset_no=a.asset_no, name=a.name, qty=item.qty, unit=a.unit,
        condition_out=_condition(item.condition_out),
        condition_in=_condition(item.condition_in) if with_return else "",
        returned_qty=item.returned_qty if with_return else 0,
        returned_on=_day(item.returned_at) if with_return else None,
        note="; ".join(dict.fromkeys(notes)),
    )  # fmt: skip


def _borrower(loan: Loan) -> tuple[Person, bool]:
    b = loan.borrower
    if b.kind == BorrowerType.AGENCY.value:
        return Person(b.signatory or b.name, "", b.name), True
    return Person(b.name, b.position, b.unit), False


def _borrower_unit(loan: Loan) -> str:
    b = loan.borrower
    return rules.borrower_unit(b.kind, b.unit, b.name)


def _today(tx: Transaction) -> dt.date:
    return business_date(tx.now())


def _status(loan: Loan) -> str:
    return STATUS_LABELS_TH[LoanStatus(loan.status)]


# ---------------------------------------------------------------- the loan record


def loan_record(tx: Transaction, loan: Loan) -> LoanRecord:
    setup = doc_setup(tx)
    borrower, agency = _borrower(loan)
    clause_th, _ = case_text(loan.clause)
    rejected = loan.status == LoanStatus.REJECTED.value
    approver = None if rejected else _person(loan.decided_by)
    delegation = ""
    if loan.on_behalf_of and approver is not None:
        delegation = f"ปฏิบัติราชการแทน{ROLE_LABELS_TH.get(Role(loan.on_behalf_of), '')}"
    inspections = [r for i in loan.items for r in i.returns]
    receiver = _person(inspections[-1].inspected_by) if inspections else None
    returned_on = _day(loan.returned_at)
    if returned_on is None and inspections:
        returned_on = _day(inspections[-1].at)
    b = loan.borrower
    return LoanRecord(
        setup=setup, loan_no=loan.loan_no, requested_on=business_date(loan.requested_at),
        status=_status(loan), borrower_is_agency=agency, borrower=borrower,
        signatory=b.signatory if agency else "", contact=b.contact, purpose=loan.purpose,
        official_use=loan.official_use, urgent=loan.urgent, clause=loan.clause,
        clause_text=clause_th,
        approver_role=ROLE_LABELS_TH.get(Role(loan.approver_role), loan.approver_role),
        place=PLACE_LABELS_TH.get(loan.place, ""), place_detail=loan.place_detail,
        start=loan.start_on, due=loan.due_on, kind=KIND_LABELS_TH[AssetKind(loan.kind)],
        items=tuple(_item_line(i) for i in loan.items),
        requested_by=_person(loan.requested_by), approver=approver,
        decided_on=_day(loan.decided_at), delegation=delegation,
        decision_note=loan.decision_note, handed_over_by=_person(loan.handed_over_by),
        handed_over_on=_day(loan.handed_over_at), returned_on=returned_on,
        received_by=receiver, qr=loan_link(loan.loan_no),
    )  # fmt: skip


def loan_record_pdf(uow: UnitOfWork, loan_no: str) -> bytes:
    """ใบยืมพัสดุ of any loan, in the state it is in (a request not yet decided prints with
    empty approval lines, ready to sign)."""
    with uow.read() as tx:
        content = loan_record(tx, find_loan(tx, loan_no))
    return render_loan_record(content)


# ---------------------------------------------------------------- the return record


def return_record(tx: Transaction, loan: Loan) -> ReturnRecord:
    inspections = [r for i in loan.items for r in i.returns]
    if not inspections:
        status = LoanStatus(loan.status)
        raise Conflict(
            f"ใบยืม {loan.loan_no} ยังไม่มีการรับคืน (สถานะ{STATUS_LABELS_TH[status]}) "
            f"จึงพิมพ์บันทึกการรับคืนไม่ได้ (ข้อ 209) (loan {loan.loan_no} is {status.value}: "
            "nothing has been returned yet, so there is no return record (clause 209))"
        )
    setup = doc_setup(tx)
    borrower, agency = _borrower(loan)
    returned_on = _day(loan.returned_at) or business_date(max(r.at for r in inspections))
    settlements = []
    total = Decimal(0)
    for item in loan.items:
        if item.condition_in not in (Condition.DAMAGED.value, Condition.LOST.value):
            continue
        st = item.settlement
        amount = st.amount if st is not None and st.method == Method.PAY.value else None
        if amount is not None:
            total += amount
        working = ""
        if st is not None and st.working:
            working = str(json.loads(st.working).get("working", ""))
        settlements.append(SettlementLine(
            asset_no=item.asset.asset_no, name=item.asset.name,
            condition=_condition(item.condition_in),
            method=METHOD_LABELS_TH[Method(st.method)] if st is not None else "",
            amount=amount, amount_words=baht_text(amount) if amount is not None else "",
            suggested=st.suggested_amount if st is not None else None, working=working,
            receipt=st.receipt if st is not None else "",
            settled_on=_day(st.at) if st is not None else None,
            settled_by=_person(st.settled_by) if st is not None else None,
            note=st.note if st is not None else "",
        ))  # fmt: skip
    inspectors: dict[int, Person] = {}
    for r in inspections:
        p = _person(r.inspected_by)
        if p is not None and r.inspected_by_id is not None:
            inspectors.setdefault(r.inspected_by_id, p)
    return ReturnRecord(
        setup=setup, loan_no=loan.loan_no, status=_status(loan), borrower=borrower,
        borrower_is_agency=agency, purpose=loan.purpose, start=loan.start_on, due=loan.due_on,
        returned_on=returned_on, late_days=rules.overdue_days(loan.due_on, returned_on),
        items=tuple(_item_line(i) for i in loan.items), settlements=tuple(settlements),
        total_paid=total, total_words=baht_text(total), inspectors=tuple(inspectors.values()),
        open_items=sum(1 for s in settlements if not s.method), qr=loan_link(loan.loan_no),
    )  # fmt: skip


def return_record_pdf(uow: UnitOfWork, loan_no: str) -> bytes:
    """The return inspection (clause 209): conditions, settlements, amounts in figures and
    in Thai words. Refused (Conflict) while nothing has come back."""
    with uow.read() as tx:
        content = return_record(tx, find_loan(tx, loan_no))
    return render_return_record(content)


# ---------------------------------------------------------------- the follow-up letter


def followup_letter(
    tx: Transaction, loan: Loan, as_of: dt.date, letter_no: str | None = None
) -> FollowupLetter:
    status = LoanStatus(loan.status)
    if status is not LoanStatus.ON_LOAN:
        raise Conflict(
            f"ใบยืม {loan.loan_no} อยู่ในสถานะ{STATUS_LABELS_TH[status]} ไม่มีพัสดุค้างส่งคืน "
            f"จึงออกหนังสือติดตามทวงคืนไม่ได้ (ข้อ 211) (loan {loan.loan_no} is {status.value}: "
            "nothing is out, so there is nothing to follow up (clause 211))"
        )
    if loan.due_on >= as_of:
        raise rules.refuse(
            "211",
            f"ใบยืม {loan.loan_no} ยังไม่เกินกำหนดส่งคืน (กำหนดคืน {loan.due_on.isoformat()}) "
            "จึงยังไม่ต้องติดตามทวงคืน",
            f"loan {loan.loan_no} is not overdue (due {loan.due_on.isoformat()}): no follow-up "
            "letter before the due date has passed",
        )
    setup = doc_setup(tx)
    borrower, agency = _borrower(loan)
    out = [i for i in loan.items if i.qty - i.returned_qty > 0]
    value = sum((i.asset.price * (i.qty - i.returned_qty) for i in out), Decimal(0))
    # The outgoing number comes from the office's correspondence register: typed in by the
    # officer, or left blank to be filled in by hand (never made up from the loan number).
    number = clean_text(letter_no, "letter_no", max_len=60, required=False) if letter_no else ""
    if not number:  # the office's prefix, the register's number to be written after it
        prefix = read_setting(tx, "document.letter_prefix")
        number = f"{prefix}/" if prefix else ""
    previous = tuple((f.on_date, MEANS_LABELS_TH.get(f.means, f.means)) for f in loan.followups)
    to = f"หัวหน้า{loan.borrower.name}" if agency else borrower.name
    return FollowupLetter(
        setup=setup, letter_no=number, memo=not agency,
        on=as_of, loan_no=loan.loan_no, requested_on=business_date(loan.requested_at), to=to,
        borrower=borrower, borrower_is_agency=agency, purpose=loan.purpose,
        start=loan.start_on, due=loan.due_on,
        overdue_days=rules.overdue_days(loan.due_on, as_of),
        followup_deadline=rules.followup_deadline(loan.due_on), previous=previous,
        items=tuple(_item_line(i) for i in out), total_value=value,
        total_words=baht_text(value),
    )  # fmt: skip


def followup_letter_pdf(
    uow: UnitOfWork, loan_no: str, as_of: dt.date | None = None, letter_no: str | None = None
) -> bytes:
    """หนังสือติดตามทวงคืน (clause 211), dated ``as_of`` (default today), listing what is
    still out. Refused for a loan that is not on loan (Conflict) or not yet overdue
    (RuleViolation, clause 211). Recording the follow-up stays a separate action
    (services.loans.record_followup)."""
    with uow.read() as tx:
        day = as_of or _today(tx)
        content = followup_letter(tx, find_loan(tx, loan_no), day, letter_no)
    return render_followup_letter(content)


# ---------------------------------------------------------------- the register


def _loans_in(tx: Transaction, date_from: dt.date | None, date_to: dt.date | None,
              lent_only: bool = False) -> Iterable[Loan]:  # fmt: skip
    stmt = select(Loan).options(
        selectinload(Loan.borrower),
        selectinload(Loan.decided_by),
        selectinload(Loan.items).selectinload(LoanItem.asset),
        selectinload(Loan.items).selectinload(LoanItem.settlement),
    )
    if date_from:
        stmt = stmt.where(Loan.start_on >= date_from)
    if date_to:
        stmt = stmt.where(Loan.start_on <= date_to)
    if lent_only:
        stmt = stmt.where(Loan.status.in_([s.value for s in LENT]))
    return tx.session.execute(stmt.order_by(Loan.fiscal_year, Loan.seq)).scalars()


def _conditions(items: Iterable[LoanItem], digits: Callable[[str], str]) -> str:
    counts: dict[str, int] = {}
    for i in items:
        if i.condition_in:
            counts[i.condition_in] = counts.get(i.condition_in, 0) + 1
    if not counts:
        return ""
    if set(counts) == {Condition.GOOD.value}:
        return CONDITION_LABELS_TH[Condition.GOOD]
    return ", ".join(
        f"{CONDITION_LABELS_TH[Condition(c)]} {digits(str(n))}" for c, n in counts.items()
    )


def _digits(setup: DocSetup) -> Callable[[str], str]:
    return thai_digits if setup.thai_digits else str


def _item_text(item: LoanItem) -> str:
    a = item.asset
    if a.kind == AssetKind.CONSUMABLE.value:
        return f"{a.asset_no} {a.name} {item.qty} {a.unit}"
    return f"{a.asset_no} {a.name}"


def loan_register(
    tx: Transaction, date_from: dt.date | None, date_to: dt.date | None
) -> LoanRegister:
    setup = doc_setup(tx)
    today = _today(tx)
    digits = _digits(setup)
    lines = []
    totals: dict[str, int] = {}
    for loan in _loans_in(tx, date_from, date_to):
        status = LoanStatus(loan.status)
        label = STATUS_LABELS_TH[status]
        totals[label] = totals.get(label, 0) + 1
        decider = loan.decided_by
        approver = decider.name if decider is not None else ""
        if status is LoanStatus.REJECTED and approver:
            approver = f"{approver} (ไม่อนุมัติ)"
        lines.append(RegisterLine(
            loan_no=loan.loan_no, start=loan.start_on, due=loan.due_on,
            borrower=loan.borrower.name, unit=_borrower_unit(loan),
            items="\n".join(_item_text(i) for i in loan.items), purpose=loan.purpose,
            approver=approver, returned_on=_day(loan.returned_at),
            condition=_conditions(loan.items, digits), status=label,
            overdue_days=(rules.overdue_days(loan.due_on, today)
                          if status is LoanStatus.ON_LOAN else 0),
        ))  # fmt: skip
    order = [STATUS_LABELS_TH[s] for s in LoanStatus]
    by_status = tuple(sorted(totals.items(), key=lambda kv: order.index(kv[0])))
    return LoanRegister(setup, date_from, date_to, today, tuple(lines), by_status)


def loan_register_pdf(
    uow: UnitOfWork,
    date_from: dt.date | None,
    date_to: dt.date | None,
    progress: Progress | None = None,
) -> bytes:
    """ทะเบียนคุมการยืมพัสดุ: every loan whose start date is in [date_from, date_to] (either
    end open when None), in loan-number order, rejected and cancelled ones included so that
    no number is missing. ``progress(done, total)`` follows the layout of the pages."""
    check_range(date_from, date_to, max_days=None)  # a register may cover any span
    with uow.read() as tx:
        content = loan_register(tx, date_from, date_to)
    return render_loan_register(content, progress)


# ---------------------------------------------------------------- asset use (item 24)


def _outcome(item: LoanItem, loan: Loan, today: dt.date, setup: DocSetup) -> str:
    digits = _digits(setup)
    if item.qty - item.returned_qty > 0:
        late = rules.overdue_days(loan.due_on, today)
        text = "ยังไม่คืน"
        if item.returned_qty:
            text = f"คืนแล้ว {digits(str(item.returned_qty))} ยังไม่คืน " + digits(
                str(item.qty - item.returned_qty)
            )
        return text + (f" (เกินกำหนด {digits(str(late))} วัน)" if late else "")
    text = _condition(item.condition_in)
    if item.condition_in in (Condition.DAMAGED.value, Condition.LOST.value):
        st = item.settlement
        if st is None:
            text += " – รอชดใช้"
        else:
            text += f" – {METHOD_LABELS_TH[Method(st.method)]}"
            if st.method == Method.PAY.value and st.amount is not None:
                text += f" {digits(f'{st.amount:,.2f}')} บาท"
    return text


def asset_use_report(tx: Transaction, date_from: dt.date | None,
                     date_to: dt.date | None) -> AssetUseReport:  # fmt: skip
    setup = doc_setup(tx)
    today = _today(tx)
    lines = []
    loans: set[int] = set()
    assets: set[int] = set()
    borrowers: set[int] = set()
    damaged = lost = not_returned = 0
    paid = Decimal(0)
    for loan in _loans_in(tx, date_from, date_to, lent_only=True):
        loans.add(loan.id)
        borrowers.add(loan.borrower_id)
        for item in loan.items:
            a = item.asset
            assets.add(a.id)
            back = _day(item.returned_at)
            end = back or today
            damaged += item.condition_in == Condition.DAMAGED.value
            lost += item.condition_in == Condition.LOST.value
            not_returned += item.qty - item.returned_qty > 0
            st = item.settlement
            if st is not None and st.method == Method.PAY.value and st.amount is not None:
                paid += st.amount
            name = a.name if a.kind == AssetKind.DURABLE.value else f"{a.name} {item.qty} {a.unit}"
            lines.append(UseLine(
                asset_no=a.asset_no, name=name, loan_no=loan.loan_no,
                borrower=loan.borrower.name, unit=_borrower_unit(loan), purpose=loan.purpose,
                start=loan.start_on, due=loan.due_on, returned_on=back,
                outcome=_outcome(item, loan, today, setup),
                days=max((end - loan.start_on).days, 0),
            ))  # fmt: skip
    lines.sort(key=lambda u: (u.asset_no, u.start, u.loan_no))
    return AssetUseReport(
        setup,
        date_from,
        date_to,
        today,
        tuple(lines),
        loans=len(loans),
        assets=len(assets),
        borrowers=len(borrowers),
        damaged=damaged,
        lost=lost,
        not_returned=not_returned,
        paid=paid,
        paid_words=baht_text(paid),
    )


def asset_use_report_pdf(
    uow: UnitOfWork,
    date_from: dt.date | None,
    date_to: dt.date | None,
    progress: Progress | None = None,
) -> bytes:
    """รายงานการใช้พัสดุ (report item 24): every item of every loan handed over whose start
    date is in the period, by asset: to whom, for what, for how long, returned how."""
    check_range(date_from, date_to, max_days=None)  # a report may cover any span
    with uow.read() as tx:
        content = asset_use_report(tx, date_from, date_to)
    return render_asset_use_report(content, progress)


# ---------------------------------------------------------------- labels


@dataclass(frozen=True)
class _LabelRow:
    asset_no: str
    name: str
    unit_holder: str


def asset_labels(tx: Transaction, asset_numbers: list[str] | None) -> LabelSheet:
    setup = doc_setup(tx)
    if asset_numbers is None:
        rows = [
            _LabelRow(a.asset_no, a.name, a.unit_holder)
            for a in tx.session.execute(
                select(Asset)
                .where(Asset.kind == AssetKind.DURABLE.value, Asset.written_off.is_(False))
                .order_by(Asset.asset_no)
            ).scalars()
        ]
        if not rows:
            raise NotFound("ไม่มีครุภัณฑ์ในทะเบียน (no durable assets in the register)")
    else:
        if not asset_numbers:
            raise InvalidInput("ต้องระบุหมายเลขพัสดุอย่างน้อยหนึ่งรายการ (give at least one --asset)")
        rows = []
        for no in asset_numbers:
            a = find_asset(tx, no)
            rows.append(_LabelRow(a.asset_no, a.name, a.unit_holder))
    labels = tuple(AssetLabel(r.asset_no, r.name, r.unit_holder, asset_link(r.asset_no))
                   for r in rows)  # fmt: skip
    return LabelSheet(setup, labels)


def asset_labels_document(
    uow: UnitOfWork, asset_numbers: list[str] | None = None
) -> tuple[bytes, tuple[str, ...]]:
    """The label sheets and the asset numbers on them, in order."""
    with uow.read() as tx:
        content = asset_labels(tx, asset_numbers)
    return render_label_sheet(content), tuple(label.asset_no for label in content.labels)


def asset_labels_pdf(uow: UnitOfWork, asset_numbers: list[str] | None = None) -> bytes:
    """A4 sheets of 3 × 8 QR labels (``khetdesk://asset/<ASSET_NO>``): the given assets in
    the order given, or (None) every durable asset not written off, by number."""
    return asset_labels_document(uow, asset_numbers)[0]
