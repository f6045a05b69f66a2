"""The plain rules of clauses 207–211: who approves, what each clause refuses, the fiscal
year and loan numbers, compensation by depreciation, and the follow-up deadline."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import loans as rules
from desktop_app.domain.assets import (
    AssetKind,
    AssetStatus,
    Condition,
    derive_status,
    parse_money,
    validate_asset_no,
)
from desktop_app.domain.compensation import baht_text, compensation, whole_years
from desktop_app.domain.errors import Forbidden, InvalidInput, RuleViolation
from desktop_app.domain.fiscal import (
    DEFAULT_NUMBER_FORMAT,
    fiscal_year,
    fiscal_year_bounds,
    format_loan_number,
    validate_number_format,
)
from desktop_app.domain.loans import (
    BorrowerType,
    ClauseForbidden,
    Delegated,
    LoanCase,
    LoanStatus,
    Place,
)
from desktop_app.domain.roles import PERMISSIONS, Role, require

D = Decimal
ROLES = list(Role)


# ---------------------------------------------------------------- fiscal year, numbers


@pytest.mark.parametrize(
    "day,fy",
    [
        (dt.date(2026, 9, 30), 2569),
        (dt.date(2026, 10, 1), 2570),
        (dt.date(2026, 11, 24), 2570),
        (dt.date(2027, 1, 1), 2570),
        (dt.date(2027, 9, 30), 2570),
        (dt.date(2027, 10, 1), 2571),
    ],
)
def test_fiscal_year_is_named_by_the_be_year_it_ends_in(day, fy):
    assert fiscal_year(day) == fy


def test_fiscal_year_bounds():
    assert fiscal_year_bounds(2570) == (dt.date(2026, 10, 1), dt.date(2027, 9, 30))


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_day_lies_within_its_fiscal_year(day):
    first, last = fiscal_year_bounds(fiscal_year(day))
    assert first <= day <= last


def test_default_loan_number_format():
    assert format_loan_number(DEFAULT_NUMBER_FORMAT, 12, 2570) == "ยม.0012/2570"
    assert validate_number_format(DEFAULT_NUMBER_FORMAT) == DEFAULT_NUMBER_FORMAT


@pytest.mark.parametrize(
    "ok", ["ยม.{seq:04d}/{fy}", "L{seq}-{fy}", "{fy}/{seq:06d}", "{seq:d}/{fy:d}"]
)
def test_valid_number_formats(ok):
    assert validate_number_format(ok) == ok


@pytest.mark.parametrize(
    "bad",
    [
        "ยม.{seq:04d}",  # no fiscal year: numbers would repeat every year
        "{fy}",
        "{seq}/{fy}/{user}",
        "{seq!r}/{fy}",
        "{seq:>8}/{fy}",  # pads with spaces
        "{seq:4d}/{fy}",
        "ยม. {seq}/{fy}",  # a space in every number
        "{seq/{fy}",
        "",
        "x" * 41,
    ],
)
def test_invalid_number_formats(bad):
    with pytest.raises(InvalidInput):
        validate_number_format(bad)


# ---------------------------------------------------------------- compensation (209)


def test_the_issue_example_25000_baht_laptop_3_years_4_months():
    # Bought 1 July 2023, borrowed 1 November 2026: 3 years 4 months, so 3 whole years.
    c = compensation(D("25000"), dt.date(2023, 7, 1), dt.date(2026, 11, 1), D("0.10"), D("0.25"))
    assert (c.years, c.depreciation, c.floor, c.amount) == (
        3, D("7500.00"), D("6250.00"), D("17500.00")
    )  # fmt: skip
    assert str(c.amount) == "17500.00"


def test_the_floor_holds_when_depreciation_passes_it():
    # A vehicle at 20 % a year, held 6 years: 120 % depreciated, the floor 25 % remains.
    c = compensation(D("850000"), dt.date(2020, 6, 30), dt.date(2026, 12, 1), D("0.20"),
                     D("0.25"))  # fmt: skip
    assert (c.years, c.depreciation, c.floor, c.amount) == (
        6, D("1020000.00"), D("212500.00"), D("212500.00")
    )  # fmt: skip


def test_rounding_is_half_up_to_the_satang():
    c = compensation(D("333.35"), dt.date(2020, 1, 1), dt.date(2021, 1, 1), D("0.10"), D("0.25"))
    # 33.335 → 33.34; 83.3375 → 83.34; 333.35 − 33.34 = 300.01
    assert (c.depreciation, c.floor, c.amount) == (D("33.34"), D("83.34"), D("300.01"))


@pytest.mark.parametrize(
    "start,end,years",
    [
        (dt.date(2023, 7, 1), dt.date(2026, 6, 30), 2),
        (dt.date(2023, 7, 1), dt.date(2026, 7, 1), 3),
        (dt.date(2024, 2, 29), dt.date(2025, 2, 28), 0),
        (dt.date(2024, 2, 29), dt.date(2025, 3, 1), 1),
        (dt.date(2026, 1, 1), dt.date(2025, 1, 1), 0),  # borrowed before it was bought
        (dt.date(2026, 1, 1), dt.date(2026, 1, 1), 0),
    ],
)
def test_whole_years(start, end, years):
    assert whole_years(start, end) == years


@given(
    price=st.decimals(min_value=0, max_value=10_000_000, places=2),
    rate=st.sampled_from([D("0.10"), D("0.20"), D("0.05"), D("0")]),
    floor=st.sampled_from([D("0.25"), D("0"), D("0.5")]),
    days=st.integers(min_value=0, max_value=40 * 366),
)
def test_amount_stays_between_the_floor_and_the_price(price, rate, floor, days):
    bought = dt.date(2000, 1, 1)
    c = compensation(price, bought, bought + dt.timedelta(days=days), rate, floor)
    assert c.floor <= c.amount <= c.price
    later = compensation(price, bought, bought + dt.timedelta(days=days + 400), rate, floor)
    assert later.amount <= c.amount


@pytest.mark.parametrize(
    "amount,words",
    [
        ("17500", "หนึ่งหมื่นเจ็ดพันห้าร้อยบาทถ้วน"),
        ("21.25", "ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์"),
        ("101", "หนึ่งร้อยเอ็ดบาทถ้วน"),
        ("11", "สิบเอ็ดบาทถ้วน"),
        ("1", "หนึ่งบาทถ้วน"),
        ("0.50", "ห้าสิบสตางค์"),
        ("1000001", "หนึ่งล้านเอ็ดบาทถ้วน"),
        ("212500", "สองแสนหนึ่งหมื่นสองพันห้าร้อยบาทถ้วน"),
        ("0", "ศูนย์บาทถ้วน"),
    ],
)
def test_baht_text(amount, words):
    assert baht_text(D(amount)) == words


# ---------------------------------------------------------------- who approves (208, 210)


@pytest.mark.parametrize(
    "kind,btype,place,clause,role",
    [
        (AssetKind.DURABLE, BorrowerType.AGENCY, None, "208(1)", Role.AGENCY_HEAD),
        (AssetKind.DURABLE, BorrowerType.AGENCY, Place.ON_PREMISES, "208(1)", Role.AGENCY_HEAD),
        (AssetKind.DURABLE, BorrowerType.PERSON, Place.ON_PREMISES, "208(2)", Role.SUPPLY_HEAD),
        (AssetKind.DURABLE, BorrowerType.PERSON, Place.OFF_PREMISES, "208(3)", Role.AGENCY_HEAD),
        (AssetKind.CONSUMABLE, BorrowerType.AGENCY, None, "210", Role.AGENCY_HEAD),
    ],
)
def test_the_case_decides_the_clause_and_the_approver(kind, btype, place, clause, role):
    assert rules.loan_case(kind, btype, place) == LoanCase(clause, role)


def test_consumables_are_never_lent_to_a_person():
    with pytest.raises(RuleViolation, match=r"^ข้อ 210:") as e:
        rules.loan_case(AssetKind.CONSUMABLE, BorrowerType.PERSON, Place.ON_PREMISES)
    assert e.value.clause == "210"


def test_a_person_must_say_where_it_is_used():
    with pytest.raises(RuleViolation) as e:
        rules.loan_case(AssetKind.DURABLE, BorrowerType.PERSON, None)
    assert e.value.clause == "208"


@pytest.mark.parametrize("clause", ["208(1)", "208(2)", "208(3)", "210"])
@pytest.mark.parametrize("role", ROLES)
def test_only_the_role_the_case_demands_may_decide(clause, role):
    case = LoanCase(clause, Role.SUPPLY_HEAD if clause == "208(2)" else Role.AGENCY_HEAD)
    holders = [("7440-001-0001/2566", "ฝ่ายการคลัง")]
    if role is case.approver_role:
        assert rules.approving_authority(case, role, "ฝ่ายการคลัง", [], holders).on_behalf_of is None
    else:
        with pytest.raises(ClauseForbidden) as e:
            rules.approving_authority(case, role, "ฝ่ายการคลัง", [], holders)
        assert e.value.clause == clause
        assert e.value.message.startswith(f"ข้อ {clause}:")
        assert isinstance(e.value, Forbidden) and e.value.exit_code == 4


def test_208_2_needs_the_supply_head_of_the_holding_unit():
    case = LoanCase("208(2)", Role.SUPPLY_HEAD)
    held = [("A-1", "ฝ่ายโยธา")]
    with pytest.raises(ClauseForbidden, match="ฝ่ายโยธา"):
        rules.approving_authority(case, Role.SUPPLY_HEAD, "ฝ่ายการคลัง", [], held)
    # Units compare without regard to spacing; a blank unit on either side matches any.
    assert rules.approving_authority(case, Role.SUPPLY_HEAD, " ฝ่ายโยธา ", [], held)
    assert rules.approving_authority(case, Role.SUPPLY_HEAD, "", [], held)
    assert rules.approving_authority(case, Role.SUPPLY_HEAD, "ฝ่ายการคลัง", [], [("A-1", "")])
    # Every item counts: one held elsewhere is enough to refuse.
    with pytest.raises(ClauseForbidden):
        rules.approving_authority(case, Role.SUPPLY_HEAD, "ฝ่ายการคลัง", [],
                                  [("A-1", "ฝ่ายการคลัง"), ("A-2", "ฝ่ายโยธา")])  # fmt: skip


def test_a_delegation_of_the_right_role_lets_another_user_decide():
    case = LoanCase("208(3)", Role.AGENCY_HEAD)
    deputy = Delegated(7, Role.AGENCY_HEAD, "", "director")
    a = rules.approving_authority(case, Role.STAFF, "", [deputy], [])
    assert (a.acting_role, a.on_behalf_of, a.delegation_id, a.delegated_by) == (
        Role.STAFF, Role.AGENCY_HEAD, 7, "director"
    )  # fmt: skip
    wrong = Delegated(8, Role.SUPPLY_HEAD, "", "supplyhead")
    with pytest.raises(ClauseForbidden):
        rules.approving_authority(case, Role.STAFF, "", [wrong], [])


def test_a_delegated_supply_head_acts_for_the_unit_delegated():
    case = LoanCase("208(2)", Role.SUPPLY_HEAD)
    for_finance = Delegated(3, Role.SUPPLY_HEAD, "ฝ่ายการคลัง", "supplyhead")
    assert rules.approving_authority(case, Role.CLERK, "ฝ่ายทะเบียน", [for_finance],
                                     [("A-1", "ฝ่ายการคลัง")]).delegation_id == 3  # fmt: skip
    with pytest.raises(ClauseForbidden):
        rules.approving_authority(case, Role.CLERK, "", [for_finance], [("A-1", "ฝ่ายโยธา")])


def test_nobody_approves_their_own_loan():
    person = BorrowerType.PERSON
    with pytest.raises(ClauseForbidden, match="ข้อ 208") as e:
        rules.check_not_own_loan("208(3)", 5, 5, person, 9)
    assert e.value.clause == "208"
    # A person's loan with no linked user belongs to whoever asked for it.
    with pytest.raises(ClauseForbidden):
        rules.check_not_own_loan("208(2)", 9, None, person, 9)
    rules.check_not_own_loan("208(2)", 9, 5, person, 9)  # entered for someone else
    rules.check_not_own_loan("208(1)", 9, None, BorrowerType.AGENCY, 9)  # an agency's loan


# ---------------------------------------------------------------- the clauses' refusals


def _clause(excinfo: pytest.ExceptionInfo[RuleViolation]) -> str | None:
    assert excinfo.value.message.startswith(f"ข้อ {excinfo.value.clause}:")
    assert f"clause {excinfo.value.clause}" in excinfo.value.message
    return excinfo.value.clause


def test_207_purpose_and_declaration():
    assert rules.check_purpose("  อบรม ", True) == "อบรม"
    for purpose, declared in (("", True), ("   ", True), (None, True), ("อบรม", False)):
        with pytest.raises(RuleViolation) as e:
            rules.check_purpose(purpose, declared)
        assert _clause(e) == "207"
    with pytest.raises(RuleViolation) as e:
        rules.check_reject_reason(" ")
    assert _clause(e) == "207"


def test_208_due_date():
    assert rules.check_dates(dt.date(2026, 12, 1), dt.date(2026, 12, 1)) == dt.date(2026, 12, 1)
    for due in (None, dt.date(2026, 11, 30)):
        with pytest.raises(RuleViolation) as e:
            rules.check_dates(dt.date(2026, 12, 1), due)
        assert _clause(e) == "208"


@pytest.mark.parametrize(
    "status", [AssetStatus.UNDER_REPAIR, AssetStatus.LOST, AssetStatus.WRITTEN_OFF]
)
def test_208_nothing_broken_lost_or_disposed_is_lent(status):
    with pytest.raises(RuleViolation) as e:
        rules.check_lendable("A-1", status, True)
    assert _clause(e) == "208"


def test_210_urgency_and_stock():
    rules.check_urgent(True)
    with pytest.raises(RuleViolation) as e:
        rules.check_urgent(False)
    assert _clause(e) == "210"
    rules.check_stock("P", 180, 200, 20)
    for qty in (181, 201):
        with pytest.raises(RuleViolation) as e:
            rules.check_stock("P", qty, 200, 20)
        assert _clause(e) == "210"


def test_209_a_lost_item_cannot_be_repaired():
    rules.check_settlement("A-1", Condition.DAMAGED, rules.Method.REPAIR)
    rules.check_settlement("A-1", Condition.LOST, rules.Method.PAY)
    with pytest.raises(RuleViolation) as e:
        rules.check_settlement("A-1", Condition.LOST, rules.Method.REPAIR)
    assert _clause(e) == "209"


def test_211_a_follow_up_needs_a_note():
    assert rules.check_followup_note(" โทรแล้ว ") == "โทรแล้ว"
    with pytest.raises(RuleViolation) as e:
        rules.check_followup_note("")
    assert _clause(e) == "211"


def test_211_deadline_is_due_plus_seven_days():
    due = dt.date(2026, 12, 5)
    s = rules.followup_state(due, dt.date(2026, 12, 4), [])
    assert (s.overdue_days, s.followup_deadline, s.followed_up, s.deadline_missed) == (
        0, dt.date(2026, 12, 12), False, False
    )  # fmt: skip
    on_deadline = rules.followup_state(due, dt.date(2026, 12, 12), [])
    assert (on_deadline.overdue_days, on_deadline.deadline_missed) == (7, False)
    missed = rules.followup_state(due, dt.date(2026, 12, 13), [])
    assert (missed.overdue_days, missed.deadline_missed) == (8, True)
    in_time = rules.followup_state(due, dt.date(2026, 12, 20), [dt.date(2026, 12, 12)])
    assert (in_time.followed_up, in_time.deadline_missed) == (True, False)
    late = rules.followup_state(due, dt.date(2026, 12, 20), [dt.date(2026, 12, 13)])
    assert (late.followed_up, late.deadline_missed) == (False, True)


def test_status_after_return():
    S = rules.ItemState
    assert rules.status_after([S(1, False), S(0, False)]) is LoanStatus.ON_LOAN
    assert rules.status_after([S(0, True), S(0, False)]) is LoanStatus.RETURNED
    assert rules.status_after([S(0, False)]) is LoanStatus.CLOSED


def test_item_specs():
    assert rules.parse_item("7440-001-0001/2566") == rules.ItemRequest("7440-001-0001/2566", None)
    assert rules.parse_item("7530-001-0001:30") == rules.ItemRequest("7530-001-0001", 30)
    r = rules.parse_return("7530-001-0001:good:5")
    assert (r.asset_no, r.condition, r.qty) == ("7530-001-0001", Condition.GOOD, 5)
    for bad in ("", ":3", "P:0", "P:x", "P:-1"):
        with pytest.raises(InvalidInput):
            rules.parse_item(bad)
    for bad in ("P", "P:broken", "P:good:0", "P:good:1:2", ":good"):
        with pytest.raises(InvalidInput):
            rules.parse_return(bad)


# ---------------------------------------------------------------- the register


def test_derived_status_order():
    d, c = AssetKind.DURABLE, AssetKind.CONSUMABLE
    assert derive_status(d, Condition.GOOD, False, False, False) is AssetStatus.AVAILABLE
    assert derive_status(d, Condition.GOOD, False, False, True) is AssetStatus.RESERVED
    assert derive_status(d, Condition.GOOD, False, True, True) is AssetStatus.ON_LOAN
    assert derive_status(d, Condition.DAMAGED, False, False, True) is AssetStatus.UNDER_REPAIR
    assert derive_status(d, Condition.LOST, False, False, False) is AssetStatus.LOST
    assert derive_status(d, Condition.LOST, True, False, False) is AssetStatus.WRITTEN_OFF
    assert derive_status(c, Condition.GOOD, False, True, False) is AssetStatus.AVAILABLE


def test_asset_numbers_and_money():
    assert validate_asset_no(" 7440-001-0001/2566 ") == "7440-001-0001/2566"
    for bad in ("", "7440 001", "A:1", "x" * 65):
        with pytest.raises(InvalidInput) as e:
            validate_asset_no(bad)
        assert e.value.details["field"] == "asset_no"
    assert parse_money("25,000.50") == D("25000.50")
    assert parse_money(25000) == D("25000.00")
    assert parse_money(18900.0) == D("18900.00")
    for bad in ("-1", "1.005", "abc", "NaN", "1e20", True):
        with pytest.raises(InvalidInput):
            parse_money(bad)


def test_loan_permissions():
    for role in ROLES:
        require(role, "loan.request")
        require(role, "loan.approve")  # the clause then decides (approving_authority)
    for action in ("loan.handover", "loan.return", "loan.settle", "loan.followup", "asset.add"):
        assert PERMISSIONS[action] == {Role.ADMIN, Role.SUPPLY_OFFICER}
        with pytest.raises(Forbidden):
            require(Role.STAFF, action)
    assert PERMISSIONS["delegation.add"] == {Role.ADMIN, Role.AGENCY_HEAD, Role.SUPPLY_HEAD}


def test_a_borrowers_unit_is_its_own_name_for_an_agency():
    person, agency = rules.BorrowerType.PERSON.value, rules.BorrowerType.AGENCY.value
    assert rules.borrower_unit(person, "ฝ่ายปกครอง", "นางสาวกนกพร ทองดี") == "ฝ่ายปกครอง"
    assert rules.borrower_unit(agency, "", "สำนักงานเขตบางกอกน้อย") == "สำนักงานเขตบางกอกน้อย"
