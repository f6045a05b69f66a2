"""The approvals window's context of a request (issue 19 item 12), on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.services.assets import show_asset
from desktop_app.services.loan_desk_queries import approval_context
from desktop_app.services.users import list_users
from tests.support.db import actor
from tests.support.loans import CHAIRS, LAPTOP, request


def test_requester_wait_value_and_a_first_time_borrower(office, clock):
    v = request(office, actor(office, "staff1"), items=[LAPTOP, CHAIRS[0]])
    clock.advance(hours=5)
    c = approval_context(office, v.loan_no)
    staff = next(u for u in list_users(office) if u.username == "staff1")
    assert (c.requester_name, c.requester_position) == (staff.name, staff.position)
    assert c.waited_hours == 5
    price = show_asset(office, LAPTOP).price + show_asset(office, CHAIRS[0]).price
    assert c.items_value == Decimal(price)
    assert (c.earlier_loans, c.late_returns, c.damaged) == (0, 0, 0)
