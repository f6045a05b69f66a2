"""Loans under clauses 207–211 through the service layer, on real SQLite and PostgreSQL:
the right approver for each case of clause 208/210 and every wrong one refused, each
clause's refusals naming the clause and changing nothing, the lifecycle with its audit
entries, loan numbers per fiscal year, compensation, follow-ups and the queries."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from db.uow import UnitOfWork
from desktop_app.domain.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    KhetDeskError,
    NotFound,
    RuleViolation,
)
from desktop_app.domain.thai_time import BANGKOK
from desktop_app.services import loans
from desktop_app.services.assets import AssetInput, create_asset, list_assets, show_asset
from desktop_app.services.audit import verify
from desktop_app.services.borrowers import borrower_history
from desktop_app.services.delegations import add_delegation, list_delegations, revoke_delegation
from desktop_app.services.loan_queries import items_out_now, loans_grouped
from desktop_app.services.settings import set_setting
from desktop_app.services.users import add_user
from tests.support.db import actor, snapshot
from tests.support.loans import (
    APPROVER,
    CAR,
    CASES,
    CHAIRS,
    DUE,
    HOLDER,
    LAPTOP,
    LAPTOP2,
    PAPER,
    PROJECTOR,
    START,
    TENT,
    TONER,
    USERS,
    case_request,
    request,
)


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    """That day and hour in Bangkok, as UTC."""
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=BANGKOK).astimezone(dt.UTC)


@pytest.fixture
def who(office: UnitOfWork) -> dict[str, Any]:
    return {u: actor(office, u) for u in USERS}


def refused(
    uow: UnitOfWork, exc: type[KhetDeskError], fn: Callable[..., Any], *args: Any,
    clause: str | None = None, **kwargs: Any,
) -> KhetDeskError:  # fmt: skip
    """``fn`` raises ``exc`` (naming ``clause`` when given) and not one row changes."""
    before = snapshot(uow.engine)
    with pytest.raises(exc) as e:
        fn(*args, **kwargs)
    assert snapshot(uow.engine) == before
    if clause is not None:
        assert getattr(e.value, "clause", None) == clause, e.value.message
        assert e.value.message.startswith(f"ข้อ {clause}:"), e.value.message
        assert f"(clause {clause}:" in e.value.message
    return e.value


def audit_count(uow: UnitOfWork) -> int:
    with uow.read() as tx:
        return len(tx.session.execute(select(AuditEntry.id)).all())


def last_audit(uow: UnitOfWork) -> AuditEntry:
    with uow.read() as tx:
        return (
            tx.session.execute(select(AuditEntry).order_by(AuditEntry.id.desc())).scalars().first()
        )


def status_of(uow: UnitOfWork, asset_no: str) -> str:
    return show_asset(uow, asset_no).status


# ---------------------------------------------------------------- who approves (208, 210)


@pytest.mark.parametrize("clause", ["208(1)", "208(2)", "208(3)", "210"])
def test_each_case_the_right_approver_succeeds_and_every_wrong_one_is_refused(office, who, clause):
    requester = who["staff1"] if CASES[clause]["borrower_type"] == "person" else who["supply"]
    v = case_request(office, requester, clause)
    assert (v.status, v.clause) == ("submitted", clause)
    assert v.approver_role == ("supply_head" if clause == "208(2)" else "agency_head")
    right = APPROVER[clause]
    for username in USERS:
        if username == right:
            continue
        for action, extra in ((loans.approve_loan, {}), (loans.reject_loan, {"reason": "ไม่"})):
            e = refused(office, Forbidden, action, office, who[username], v.loan_no, **extra)
            assert e.exit_code == 4
            # The borrower (staff1) is refused as the borrower, the others for their role.
            expected = clause[:3] if username == "staff1" and clause != "210" and \
                CASES[clause]["borrower_type"] == "person" else clause  # fmt: skip
            assert e.clause == expected and e.message.startswith(f"ข้อ {expected}:")
    approved = loans.approve_loan(office, who[right], v.loan_no, note="อนุมัติ")
    assert (approved.status, approved.approved_by, approved.on_behalf_of) == (
        "approved", right, None
    )  # fmt: skip


def test_the_borrower_never_approves_their_own_loan(office, who):
    # The director borrows a laptop to take home (208(3): agency_head approves).
    mine = request(office, who["director"], borrower="ธนพล ศรีสุข", borrower_user=None)
    assert mine.borrower_detail.username == "director"  # linked by the name
    e = refused(office, Forbidden, loans.approve_loan, office, who["director"], mine.loan_no)
    assert e.clause == "208" and "own loan" in e.message
    # The supply head borrows on the premises (208(2)), linked with --borrower-user.
    theirs = request(office, who["supply"], borrower="ประเสริฐ มั่นคง", borrower_user="supplyhead",
                     place="on_premises", items=[PROJECTOR])  # fmt: skip
    refused(
        office,
        Forbidden,
        loans.approve_loan,
        office,
        who["supplyhead"],
        theirs.loan_no,
        clause="208",
    )
    # A person's loan asked for without naming a user is the asker's own.
    asked = request(office, who["supplyhead"], borrower="นายเอก ชั่วคราว", borrower_user=None,
                    place="on_premises", items=[TENT])  # fmt: skip
    refused(
        office,
        Forbidden,
        loans.approve_loan,
        office,
        who["supplyhead"],
        asked.loan_no,
        clause="208",
    )
    # … also when the borrower holds a delegation of the approving role.
    add_delegation(office, who["director"], "supplyhead", "agency_head")
    refused(
        office,
        Forbidden,
        loans.approve_loan,
        office,
        who["supplyhead"],
        theirs.loan_no,
        clause="208",
    )


def test_208_2_the_supply_head_of_the_unit_holding_the_item(office, who):
    create_asset(office, who["supply"], AssetInput.parse(
        asset_no="7730-001-0001/2567", name="เครื่องเสียงเคลื่อนที่", kind="durable",
        price="12000", acquired="2024-05-01", unit_holder="ฝ่ายโยธา"))  # fmt: skip
    add_user(office, who["admin"], "roadhead", "supply_head", "วิชัย ถนนดี", "pw-12345x",
             "หัวหน้าฝ่ายโยธา", "ฝ่ายโยธา")  # fmt: skip
    v = request(office, who["staff1"], place="on_premises", items=["7730-001-0001/2567"])
    e = refused(office, Forbidden, loans.approve_loan, office, who["supplyhead"], v.loan_no,
                clause="208(2)")  # fmt: skip
    assert "ฝ่ายโยธา" in e.message
    assert loans.approve_loan(office, actor(office, "roadhead"), v.loan_no).status == "approved"
    # An item whose holding unit is not recorded: any supply head may approve.
    create_asset(office, who["supply"], AssetInput.parse(
        asset_no="7730-001-0002/2567", name="ไมโครโฟนไร้สาย", kind="durable", price="3500",
        acquired="2024-05-01"))  # fmt: skip
    w = request(office, who["staff1"], place="on_premises", items=["7730-001-0002/2567"])
    assert loans.approve_loan(office, who["supplyhead"], w.loan_no).status == "approved"


def test_delegation_lets_a_deputy_approve_on_behalf_and_records_it(office, who, clock):
    v = request(office, who["staff1"])  # 208(3): agency head
    d = add_delegation(office, who["director"], "clerk1", "agency_head",
                       valid_until=dt.date(2026, 11, 30), note="ราชการต่างจังหวัด")  # fmt: skip
    assert (d.user, d.role, d.active, d.granted_by) == ("clerk1", "agency_head", True, "director")
    approved = loans.approve_loan(office, who["clerk1"], v.loan_no)
    assert (approved.approved_by, approved.on_behalf_of, approved.delegated_by) == (
        "clerk1", "agency_head", "director"
    )  # fmt: skip
    after = json.loads(last_audit(office).after_json)
    assert (after["on_behalf_of"], after["delegation"], after["delegated_by"]) == (
        "agency_head", d.id, "director"
    )  # fmt: skip
    # Expired: refused again.
    w = request(office, who["staff1"], items=[LAPTOP2])
    clock.now = at(dt.date(2026, 12, 1))
    refused(
        office, Forbidden, loans.approve_loan, office, who["clerk1"], w.loan_no, clause="208(3)"
    )
    # Revoked: refused.
    clock.now = at(dt.date(2026, 11, 24))
    d2 = add_delegation(office, who["director"], "clerk2", "agency_head")
    revoke_delegation(office, who["director"], d2.id)
    refused(
        office, Forbidden, loans.approve_loan, office, who["clerk2"], w.loan_no, clause="208(3)"
    )
    assert [x.id for x in list_delegations(office, include_ended=True)] == [d.id, d2.id]
    # A delegation of the wrong role does not help: supply_head is not agency_head.
    add_delegation(office, who["supplyhead"], "clerk2", "supply_head")
    refused(
        office, Forbidden, loans.approve_loan, office, who["clerk2"], w.loan_no, clause="208(3)"
    )
    # Who may delegate what.
    refused(office, Forbidden, add_delegation, office, who["supplyhead"], "clerk1", "agency_head")
    refused(office, Forbidden, add_delegation, office, who["staff1"], "clerk1", "supply_head")
    refused(
        office, InvalidInput, add_delegation, office, who["director"], "director", "agency_head"
    )
    refused(office, InvalidInput, add_delegation, office, who["director"], "clerk1", "clerk")


# ---------------------------------------------------------------- the refusals, clause by clause


def _lend(office: UnitOfWork, who: dict[str, Any], asset_no: str, **kw: Any) -> str:
    v = request(office, who["staff1"], items=[asset_no], **kw)
    loans.approve_loan(office, who["director"], v.loan_no)
    loans.hand_over(office, who["supply"], v.loan_no)
    return v.loan_no


def test_every_refusal_names_its_clause_and_changes_nothing(office, who):
    staff, supply, director = who["staff1"], who["supply"], who["director"]
    lent = _lend(office, who, LAPTOP)  # on loan START..DUE
    reserved = request(office, staff, items=[LAPTOP2]).loan_no  # reserved START..DUE
    broken = _lend(office, who, TENT)
    loans.return_items(office, supply, broken, [f"{TENT}:damaged"])  # under repair
    gone = _lend(office, who, CAR)
    loans.return_items(office, supply, gone, [f"{CAR}:lost"])  # lost
    paid = _lend(office, who, CHAIRS[0])
    loans.return_items(office, supply, paid, [f"{CHAIRS[0]}:lost"])
    loans.settle_item(office, supply, paid, CHAIRS[0], "pay")  # written off
    paper = case_request(office, supply, "210")
    loans.approve_loan(office, director, paper.loan_no)
    loans.hand_over(office, supply, paper.loan_no)
    assert [status_of(office, n) for n in (LAPTOP, LAPTOP2, TENT, CAR, CHAIRS[0])] == [
        "on_loan", "reserved", "under_repair", "lost", "written_off"
    ]  # fmt: skip

    def ask(**kw: Any) -> Callable[[], Any]:
        return lambda: request(office, staff, **kw)

    cases: list[tuple[str, Callable[[], Any]]] = [
        # 207: official use only, with the purpose in words; a rejection gives its reason.
        ("207", ask(purpose="")),
        ("207", ask(purpose="   ")),
        ("207", ask(official_use=False)),
        ("207", lambda: loans.reject_loan(office, director, reserved, "  ")),
        # 208: written record with a due date not before the start; nothing lent twice.
        ("208", ask(due=None)),
        ("208", ask(due=START - dt.timedelta(days=1))),
        ("208", ask(items=[LAPTOP], start=DUE + dt.timedelta(days=30),
                    due=DUE + dt.timedelta(days=31))),  # already lent: not back yet
        ("208", ask(items=[LAPTOP2])),  # reserved for the same dates
        ("208", ask(items=[LAPTOP2], start=DUE, due=DUE + dt.timedelta(days=3))),  # overlap
        ("208", ask(items=[TENT])),  # under repair
        ("208", ask(items=[CAR])),  # lost
        ("208", ask(items=[CHAIRS[0]])),  # written off
        ("208", ask(place=None)),  # a person must say where it is used
        # 209: a lost item cannot be repaired.
        ("209", lambda: loans.settle_item(office, supply, gone, CAR, "repair")),
        # 210: consumables only to an agency, urgently, from spare stock, back in kind.
        ("210", ask(items=[f"{PAPER}:5"])),  # to a person
        ("210", ask(borrower_type="agency", agency="เขตบางพลัด", borrower_user=None,
                    items=[f"{TONER}:1"])),  # not urgent
        ("210", ask(borrower_type="agency", agency="เขตบางพลัด", borrower_user=None,
                    urgent=True, items=[f"{TONER}:11"])),  # keeps the minimum stock of 2
        ("210", ask(borrower_type="agency", agency="เขตบางพลัด", borrower_user=None,
                    urgent=True, items=[f"{PAPER}:171"])),  # 170 on hand now
        ("210", lambda: loans.return_items(office, supply, paper.loan_no, [f"{PAPER}:damaged"])),
        ("210", lambda: loans.return_items(office, supply, paper.loan_no, [f"{PAPER}:good:31"])),
        ("210", lambda: loans.compensation_for(office, PAPER)),
        # 211: a follow-up is recorded with a note.
        ("211", lambda: loans.record_followup(office, supply, lent, "")),
    ]  # fmt: skip
    for clause, attempt in cases:
        refused(office, RuleViolation, attempt, clause=clause)


def test_a_damaged_or_lost_item_keeps_the_loan_open_until_settled(office, who, clock):
    supply = who["supply"]
    v = request(office, who["staff1"], items=[LAPTOP, LAPTOP2])
    loans.approve_loan(office, who["director"], v.loan_no)
    loans.hand_over(office, supply, v.loan_no)
    r = loans.return_items(office, supply, v.loan_no, [f"{LAPTOP}:damaged", f"{LAPTOP2}:lost"])
    assert r.status == "returned"
    assert [(i.asset_no, i.condition, i.needs_settlement) for i in r.items] == [
        (LAPTOP, "damaged", True), (LAPTOP2, "lost", True)
    ]  # fmt: skip
    # An amount goes with paying only.
    refused(office, InvalidInput, loans.settle_item, office, supply, v.loan_no, LAPTOP, "repair",
            amount="100")  # fmt: skip
    r = loans.settle_item(office, supply, v.loan_no, LAPTOP, "repair", note="ซ่อมที่ศูนย์บริการ")
    assert r.status == "returned" and status_of(office, LAPTOP) == "available"
    r = loans.settle_item(office, supply, v.loan_no, LAPTOP2, "pay", receipt="บร 123/2570")
    assert r.status == "closed" and status_of(office, LAPTOP2) == "written_off"
    pay = next(s for s in r.settlements if s.method == "pay")
    # Acquired 15 Jul 2023, borrowed 1 Dec 2026: 3 whole years at 10 %, floor 25 %.
    assert (pay.amount, pay.suggested_amount) == (Decimal("17500.00"), Decimal("17500.00"))
    assert "7,500.00" in pay.working and "บาทถ้วน" in pay.working
    refused(office, Conflict, loans.settle_item, office, supply, v.loan_no, LAPTOP2, "pay")


# ---------------------------------------------------------------- the lifecycle


def test_lifecycle_statuses_stock_and_one_audit_entry_per_action(office, who):
    supply = who["supply"]
    base = audit_count(office)
    steps: list[str] = []

    def step(action: str, result: Any) -> Any:
        steps.append(action)
        assert audit_count(office) == base + len(steps)
        assert last_audit(office).action == action
        return result

    v = step("loan.request", request(office, who["staff1"], items=list(CHAIRS[1:]),
                                     place="on_premises"))  # fmt: skip
    assert v.loan_no == "ยม.0001/2570" and v.fiscal_year == 2570
    assert {status_of(office, c) for c in CHAIRS[1:]} == {"reserved"}
    step("loan.approve", loans.approve_loan(office, who["supplyhead"], v.loan_no))
    v = step("loan.handover", loans.hand_over(office, supply, v.loan_no))
    assert v.status == "on_loan" and v.handed_over_by == "supply"
    assert [i.condition_out for i in v.items] == ["good", "good"]
    assert {status_of(office, c) for c in CHAIRS[1:]} == {"on_loan"}
    v = step("loan.return", loans.return_items(office, supply, v.loan_no, [f"{CHAIRS[1]}:good"]))
    assert v.status == "on_loan" and status_of(office, CHAIRS[1]) == "available"
    step("loan.followup", loans.record_followup(office, supply, v.loan_no, "โทรแจ้ง", "phone"))
    v = step("loan.return", loans.return_items(office, supply, v.loan_no,
                                               [f"{CHAIRS[2]}:damaged"]))  # fmt: skip
    assert v.status == "returned" and status_of(office, CHAIRS[2]) == "under_repair"
    v = step("loan.settle", loans.settle_item(office, supply, v.loan_no, CHAIRS[2], "replace"))
    assert v.status == "closed" and status_of(office, CHAIRS[2]) == "available"

    # A consumable loan moves the stock on handover and back on return, in parts.
    p = step("loan.request", case_request(office, supply, "210"))
    step("loan.approve", loans.approve_loan(office, who["director"], p.loan_no))
    step("loan.handover", loans.hand_over(office, supply, p.loan_no))
    assert show_asset(office, PAPER).qty == 170 and show_asset(office, PAPER).lent_out == 30
    p = step("loan.return", loans.return_items(office, supply, p.loan_no, [f"{PAPER}:good:10"]))
    assert (p.status, p.items[0].outstanding, show_asset(office, PAPER).qty) == ("on_loan", 20, 180)
    p = step("loan.return", loans.return_items(office, supply, p.loan_no, [f"{PAPER}:good"]))
    assert (p.status, show_asset(office, PAPER).qty) == ("closed", 200)

    # A cancelled request frees its reservation.
    c = step("loan.request", request(office, who["staff1"], items=[LAPTOP]))
    step("loan.cancel", loans.cancel_loan(office, who["staff1"], c.loan_no, "ไม่ใช้แล้ว"))
    assert status_of(office, LAPTOP) == "available"
    r = step("loan.request", request(office, who["staff1"], items=[LAPTOP]))
    step("loan.reject", loans.reject_loan(office, who["director"], r.loan_no, "ใช้ภายในแทน"))
    assert loans.show_loan(office, r.loan_no).decision_note == "ใช้ภายในแทน"
    assert verify(office).ok


def test_conflicts_and_wrong_input_change_nothing(office, who):
    supply, director, staff = who["supply"], who["director"], who["staff1"]
    v = request(office, staff)
    refused(office, Conflict, loans.hand_over, office, supply, v.loan_no)  # not approved yet
    refused(office, Conflict, loans.return_items, office, supply, v.loan_no, [f"{LAPTOP}:good"])
    loans.approve_loan(office, director, v.loan_no)
    refused(office, Conflict, loans.approve_loan, office, director, v.loan_no)
    refused(office, Forbidden, loans.cancel_loan, office, who["clerk1"], v.loan_no)
    loans.hand_over(office, supply, v.loan_no)
    refused(office, Conflict, loans.hand_over, office, supply, v.loan_no)
    refused(office, Conflict, loans.cancel_loan, office, staff, v.loan_no)
    refused(office, Conflict, loans.settle_item, office, supply, v.loan_no, LAPTOP, "pay")
    refused(office, Forbidden, loans.hand_over, office, staff, v.loan_no)
    refused(office, Forbidden, loans.return_items, office, staff, v.loan_no, [f"{LAPTOP}:good"])
    refused(office, Forbidden, loans.record_followup, office, director, v.loan_no, "x")
    refused(office, InvalidInput, loans.return_items, office, supply, v.loan_no, [f"{TENT}:good"])
    refused(office, NotFound, loans.return_items, office, supply, v.loan_no, ["NO-SUCH:good"])
    refused(office, InvalidInput, loans.return_items, office, supply, v.loan_no,
            [f"{LAPTOP}:good", f"{LAPTOP}:lost"])  # fmt: skip
    c = request(office, staff, items=[LAPTOP2])
    loans.cancel_loan(office, supply, c.loan_no)
    refused(office, Conflict, loans.approve_loan, office, director, c.loan_no)
    refused(office, NotFound, loans.approve_loan, office, director, "ยม.9999/2570")
    refused(office, NotFound, request, office, staff, items=["9999-999-9999/2599"])
    refused(office, NotFound, request, office, staff, borrower_user="nobody", items=[TENT])
    refused(office, InvalidInput, request, office, staff, items=[TENT, f"{PAPER}:3"])
    refused(office, InvalidInput, request, office, staff, items=[TENT, TENT])
    refused(office, InvalidInput, request, office, staff, items=[f"{TENT}:2"])
    refused(office, InvalidInput, request, office, staff, items=[])
    refused(office, InvalidInput, case_request, office, supply, "210", items=[PAPER])
    refused(office, InvalidInput, request, office, staff, borrower_type="agency",
            borrower_user="staff1", agency="เขตบางพลัด", items=[TENT])  # fmt: skip
    refused(office, InvalidInput, request, office, staff, borrower_type="robot")
    refused(office, Forbidden, create_asset, office, staff, AssetInput.parse(
        asset_no="X-1", name="x", kind="durable", price="1", acquired="2024-01-01"))  # fmt: skip
    refused(office, Conflict, create_asset, office, supply, AssetInput.parse(
        asset_no=LAPTOP, name="x", kind="durable", price="1", acquired="2024-01-01"))  # fmt: skip


# ---------------------------------------------------------------- numbers, money, follow-up


def test_loan_numbers_run_per_fiscal_year_from_the_setting(office, who, clock):
    staff = who["staff1"]
    first = request(office, staff, items=[CHAIRS[0]])
    second = request(office, staff, items=[CHAIRS[1]])
    assert (first.loan_no, second.loan_no) == ("ยม.0001/2570", "ยม.0002/2570")
    # 1 October 2027 00:30 in Bangkok is fiscal year 2571: numbering restarts.
    clock.now = dt.datetime(2027, 9, 30, 17, 30, tzinfo=dt.UTC)
    later = dict(start=dt.date(2027, 10, 2), due=dt.date(2027, 10, 3))
    assert request(office, staff, items=[CHAIRS[2]], **later).loan_no == "ยม.0001/2571"
    set_setting(office, who["admin"], "loan.number_format", "กค{seq:03d}-{fy}")
    assert request(office, staff, items=[TENT], **later).loan_no == "กค002-2571"
    refused(office, InvalidInput, set_setting, office, who["admin"], "loan.number_format", "{seq}")


def test_compensation_follows_the_settings_and_the_category(office, who):
    c = loans.compensation_for(office, LAPTOP, dt.date(2026, 11, 15))
    assert (c.price, c.years, c.rate, c.depreciation, c.floor, c.amount) == (
        Decimal("25000.00"), 3, Decimal("0.10"), Decimal("7500.00"), Decimal("6250.00"),
        Decimal("17500.00"),
    )  # fmt: skip
    # The vehicle category uses the vehicle rate, 20 % a year: the pickup (850,000 baht,
    # bought 30 Jun 2020) after 3 years is worth 340,000; after 6 the floor of 25 % holds.
    three = loans.compensation_for(office, CAR, dt.date(2023, 7, 1))
    assert (three.rate, three.years, three.amount) == (Decimal("0.20"), 3, Decimal("340000.00"))
    six = loans.compensation_for(office, CAR, dt.date(2026, 12, 1))
    assert (six.years, six.amount) == (6, Decimal("212500.00"))
    # The rates and the floor are settings.
    set_setting(office, who["admin"], "depreciation.rate.default", "0.15")
    set_setting(office, who["admin"], "depreciation.rate.vehicle", "0.25")
    set_setting(office, who["admin"], "depreciation.floor", "0.30")
    assert loans.compensation_for(office, LAPTOP, dt.date(2026, 11, 15)).amount == Decimal(
        "13750.00"
    )
    assert loans.compensation_for(office, CAR, dt.date(2023, 7, 1)).amount == Decimal("255000.00")
    assert loans.compensation_for(office, CAR, dt.date(2026, 12, 1)).amount == Decimal("255000.00")
    refused(office, NotFound, loans.compensation_for, office, "NO-SUCH")


def test_overdue_follow_up_deadline_and_missed(office, who, clock):
    supply = who["supply"]
    a = _lend(office, who, LAPTOP)  # due 5 Dec
    b = _lend(office, who, LAPTOP2, due=dt.date(2026, 12, 3))
    _lend(office, who, PROJECTOR, due=dt.date(2027, 1, 31))  # not yet due
    # On 5 December only b (due 3 December) is overdue: a is due that very day.
    assert [o.loan_no for o in loans.overdue_loans(office, dt.date(2026, 12, 5))] == [b]
    clock.now = at(dt.date(2026, 12, 10))
    loans.record_followup(office, supply, a, "ส่งหนังสือติดตามทวงคืน ที่ กท 1234/2569")
    clock.now = at(dt.date(2026, 12, 11))  # b's deadline was 10 Dec
    loans.record_followup(office, supply, b, "โทรติดตาม", "phone")
    rows = {o.loan_no: o for o in loans.overdue_loans(office, dt.date(2026, 12, 20))}
    assert set(rows) == {a, b}
    assert (rows[a].overdue_days, rows[a].followup_deadline, rows[a].followed_up,
            rows[a].deadline_missed) == (15, dt.date(2026, 12, 12), True, False)  # fmt: skip
    assert (rows[b].overdue_days, rows[b].followup_deadline, rows[b].followed_up,
            rows[b].deadline_missed) == (17, dt.date(2026, 12, 10), False, True)  # fmt: skip
    shown = loans.show_loan(office, a, dt.date(2026, 12, 20))
    assert (shown.overdue_days, [f.means for f in shown.followups]) == (15, ["letter"])
    loans.return_items(office, supply, a, [f"{LAPTOP}:good"])
    assert a not in {o.loan_no for o in loans.overdue_loans(office, dt.date(2026, 12, 20))}
    assert loans.show_loan(office, a, dt.date(2026, 12, 20)).overdue_days == 0


# ---------------------------------------------------------------- queries


def test_what_is_out_histories_never_lent_and_groups(office, who):
    supply = who["supply"]
    lent = _lend(office, who, LAPTOP)
    agency = case_request(office, supply, "208(1)")
    loans.approve_loan(office, who["director"], agency.loan_no)
    loans.hand_over(office, supply, agency.loan_no)
    request(office, who["staff1"], items=[TENT], place="on_premises")  # requested only
    out = items_out_now(office, dt.date(2026, 12, 7))
    assert [(o.asset_no, o.borrower, o.borrower_unit, o.overdue_days) for o in out] == [
        (LAPTOP, "กนกพร ทองดี", "ฝ่ายพัฒนาชุมชน", 2),
        (PROJECTOR, "สำนักงานเขตบางกอกน้อย", "สำนักงานเขตบางกอกน้อย", 2),
    ]  # fmt: skip
    history = show_asset(office, LAPTOP)
    assert [(x.loan_no, x.status) for x in history.loans] == [(lent, "on_loan")]
    mine = borrower_history(office, "staff1")
    assert [x.assets for x in mine.loans] == [(TENT,), (LAPTOP,)] and mine.on_loan == 1
    assert borrower_history(office, "สำนักงานเขตบางกอกน้อย").borrower.signatory == "นายสมชาย ใจงาม"
    never = {a.asset_no for a in list_assets(office, never_lent=True)}
    assert LAPTOP not in never and PROJECTOR not in never and TENT in never
    by_unit = {g.group: (g.requests, g.lent) for g in loans_grouped(office, "unit")}
    assert by_unit == {"ฝ่ายพัฒนาชุมชน": (2, 1), "สำนักงานเขตบางกอกน้อย": (1, 1)}
    assert [(g.group, g.label, g.requests) for g in loans_grouped(office, "month")] == [
        ("2026-12", "ธ.ค. 2569", 3)
    ]
    assert [(g.group, g.requests) for g in loans_grouped(office, "holder")] == [(HOLDER, 3)]
    assert list_assets(office, status="on_loan") == [
        a for a in list_assets(office) if a.asset_no in (LAPTOP, PROJECTOR)
    ]
    refused(office, InvalidInput, list_assets, office, status="borrowed")


def test_audit_trail_stays_intact(office, who):
    _lend(office, who, LAPTOP)
    result = verify(office)
    assert result.ok and result.entries == audit_count(office)


@pytest.mark.parametrize("key", ["9223372036854775808", "2147483648", "²", "99999"])
def test_a_borrower_key_that_is_no_id_is_not_found(office, key):
    """A number too big for an id, or a digit int() refuses, is looked up as a name (found by
    the fuzz suite: exit 1 on PostgreSQL's 32-bit ids)."""
    with pytest.raises(NotFound):
        borrower_history(office, key)
