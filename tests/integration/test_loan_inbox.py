"""The read models of the loan windows on SQLite and PostgreSQL: the approver's inbox holds
exactly the loans approve_loan would accept from that user (clause 208/210, delegations,
never one's own), the decision view says why not with the clause, the case preview before
saving agrees with the request, the desk's lists, and the asset rows."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.errors import Forbidden, RuleViolation
from desktop_app.services import asset_queries, loan_desk_queries, loans
from desktop_app.services.delegations import add_delegation
from tests.support.db import actor, snapshot
from tests.support.loans import APPROVER, CASES, LAPTOP, LAPTOP2, USERS, case_request, request


@pytest.fixture
def who(office):
    return {u: actor(office, u) for u in USERS}


def _approvable(office, user, loan_no) -> bool:
    """What the write path (services.loans._authority, used by approve_loan) says, asked
    in a read transaction."""
    try:
        with office.read() as tx:
            loan = loans.find_loan(tx, loan_no)
            loans._authority(tx, user, loan)
    except (Forbidden, RuleViolation):
        return False
    return True


def test_the_inbox_is_exactly_who_may_approve(office, who):
    made = {}
    for clause in CASES:
        requester = who["staff1"] if CASES[clause]["borrower_type"] == "person" else who["supply"]
        if clause == "208(2)":
            made[clause] = case_request(office, requester, clause, items=[LAPTOP2])
        else:
            made[clause] = case_request(office, requester, clause)
    for username in USERS:
        inbox = {line.loan_no for line in loan_desk_queries.inbox(office, who[username])}
        expected = {
            v.loan_no for v in made.values() if _approvable(office, who[username], v.loan_no)
        }
        assert inbox == expected, username
    by_clause = {c: v.loan_no for c, v in made.items()}
    director = {line.loan_no for line in loan_desk_queries.inbox(office, who["director"])}
    assert director == {by_clause[c] for c, a in APPROVER.items() if a == "director"}
    head = {line.loan_no for line in loan_desk_queries.inbox(office, who["supplyhead"])}
    assert head == {by_clause["208(2)"]}
    assert loan_desk_queries.inbox(office, who["staff1"]) == []  # the borrower never


def test_a_decided_loan_leaves_the_inbox(office, who):
    v = request(office, who["staff1"])
    assert [x.loan_no for x in loan_desk_queries.inbox(office, who["director"])] == [v.loan_no]
    loans.approve_loan(office, who["director"], v.loan_no)
    assert loan_desk_queries.inbox(office, who["director"]) == []
    d = loan_desk_queries.decision(office, who["director"], v.loan_no)
    assert not d.may_decide and "อนุมัติแล้ว" in d.refusal


def test_decision_names_the_clause_and_changes_nothing(office, who):
    v = request(office, who["staff1"])  # 208(3)
    before = snapshot(office.engine)
    d = loan_desk_queries.decision(office, who["supplyhead"], v.loan_no)
    assert not d.may_decide and d.refusal.startswith("ข้อ 208(3):")
    own = loan_desk_queries.decision(office, who["staff1"], v.loan_no)
    assert not own.may_decide and "ของตนเอง" in own.refusal
    ok = loan_desk_queries.decision(office, who["director"], v.loan_no)
    assert ok.may_decide and ok.on_behalf_of is None and ok.loan.loan_no == v.loan_no
    assert snapshot(office.engine) == before


def test_delegation_puts_it_in_the_delegates_inbox(office, who):
    v = request(office, who["staff1"])
    assert not loan_desk_queries.holds_approval_power(office, who["clerk1"])
    assert loan_desk_queries.inbox(office, who["clerk1"]) == []
    add_delegation(office, who["director"], "clerk1", "agency_head")
    assert loan_desk_queries.holds_approval_power(office, who["clerk1"])
    [line] = loan_desk_queries.inbox(office, who["clerk1"])
    assert (line.loan_no, line.on_behalf_of, line.delegated_by) == (
        v.loan_no, "agency_head", "director")  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "btype", "place", "clause"),
    [
        ("durable", "agency", None, "208(1)"),
        ("durable", "person", "on_premises", "208(2)"),
        ("durable", "person", "off_premises", "208(3)"),
        ("consumable", "agency", None, "210"),
    ],
)
def test_case_preview_agrees_with_the_request(office, who, kind, btype, place, clause):
    p = loan_desk_queries.case_preview(office, kind, btype, place)
    assert p.clause == clause
    expected_role = "agency_head" if clause != "208(2)" else "supply_head"
    assert p.approver_role == expected_role
    names = {"agency_head": ("ธนพล ศรีสุข",), "supply_head": ("ประเสริฐ มั่นคง",)}
    assert p.approvers == names[expected_role]
    assert p.why_th and p.why_en
    v = case_request(office, who["staff1"] if btype == "person" else who["supply"], clause)
    assert (v.clause, v.approver_role) == (p.clause, p.approver_role)


def test_case_preview_refuses_as_the_request_would(office):
    with pytest.raises(RuleViolation) as e:
        loan_desk_queries.case_preview(office, "consumable", "person", None)
    assert e.value.clause == "210" and e.value.message.startswith("ข้อ 210:")


def test_the_desk(office, who, clock):
    a = request(office, who["staff1"])
    b = request(office, who["staff1"], items=[LAPTOP2])
    loans.approve_loan(office, who["director"], a.loan_no)
    loans.approve_loan(office, who["director"], b.loan_no)
    loans.hand_over(office, who["supply"], b.loan_no)
    d = loan_desk_queries.desk(office)
    assert [s.loan_no for s in d.to_hand_over] == [a.loan_no]
    assert [s.loan_no for s in d.on_loan] == [b.loan_no]
    assert d.to_settle == () and d.overdue == ()
    loans.hand_over(office, who["supply"], a.loan_no)
    loans.return_items(office, who["supply"], a.loan_no, [f"{LAPTOP}:damaged"])
    late = loan_desk_queries.desk(office, as_of=dt.date(2026, 12, 10))
    assert [s.loan_no for s in late.to_settle] == [a.loan_no]
    assert [o.loan_no for o in late.overdue] == [b.loan_no]
    assert late.overdue[0].followup_deadline == dt.date(2026, 12, 12)


def test_asset_rows(office):
    rows = asset_queries.asset_rows(office)
    assert len(rows) == 10
    assert [r.asset_no for r in rows] == sorted(r.asset_no for r in rows)
    laptop = next(r for r in rows if r.asset_no == LAPTOP)
    assert (laptop.kind, laptop.category, laptop.status, laptop.qty, laptop.unit) == (
        "durable", "computer", "available", 1, "เครื่อง")  # fmt: skip
    assert laptop.category_name == "ครุภัณฑ์คอมพิวเตอร์"


def test_the_register_revision_moves_with_assets_and_loans_only(office, who):
    from desktop_app.services import tickets

    first = asset_queries.register_revision(office)
    assert first > 0  # the demo register was added
    tickets.issue_ticket(office, who["clerk1"], "A")
    assert asset_queries.register_revision(office) == first  # a ticket: nothing to reload
    v = request(office, who["staff1"])
    second = asset_queries.register_revision(office)
    assert second > first
    loans.cancel_loan(office, who["staff1"], v.loan_no, "ไม่ใช้แล้ว")
    assert asset_queries.register_revision(office) > second
