"""The JSON keys CLI.md promises to scripts, read from the real program's stdout."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.e2e.runner import Call, admin, all_json, clerk, ok_json, run

ROLES = {"admin", "clerk", "supply_officer", "supply_head", "agency_head", "staff"}
DEMO_USERS = {
    "admin": "admin",
    "clerk1": "clerk",
    "clerk2": "clerk",
    "supply": "supply_officer",
    "supplyhead": "supply_head",
    "director": "agency_head",
    "staff1": "staff",
}


def utc_instant(value: Any) -> dt.datetime:
    """An ISO-8601 string naming an instant in UTC."""
    assert isinstance(value, str), value
    at = dt.datetime.fromisoformat(value)
    assert at.tzinfo is not None and at.utcoffset() == dt.timedelta(0), value
    return at


def test_ticket_issue_keys(office_url: str) -> None:
    before = dt.datetime.now(dt.UTC)
    first = ok_json(clerk(office_url, "ticket", "issue", "A"))
    after = dt.datetime.now(dt.UTC)
    assert {"code", "service", "number", "priority", "ahead", "issued_at", "printed"} <= set(first)
    assert first["code"] == "A001"
    assert first["service"] == "A"
    assert first["number"] == 1
    assert first["priority"] is None
    assert first["ahead"] == 0
    assert first["printed"] is False
    assert before - dt.timedelta(seconds=5) <= utc_instant(first["issued_at"]) <= after

    second = ok_json(clerk(office_url, "ticket", "issue", "A"))
    assert (second["code"], second["number"], second["ahead"]) == ("A002", 2, 1)
    elderly = ok_json(clerk(office_url, "ticket", "issue", "A", "--priority", "elderly"))
    assert (elderly["code"], elderly["priority"], elderly["ahead"]) == ("A003", "elderly", 0)
    other = ok_json(clerk(office_url, "ticket", "issue", "C", "--priority", "monk"))
    assert (other["code"], other["service"], other["number"]) == ("C001", "C", 1)
    assert utc_instant(second["issued_at"]) <= utc_instant(elderly["issued_at"])


def test_ticket_call_and_queue_status_keys(office_url: str) -> None:
    issue = [("A",), ("A",), ("B", "--priority", "disabled"), ("D",)]
    for args in issue:
        ok_json(clerk(office_url, "ticket", "issue", *args))

    status = ok_json(run(office_url, "queue", "status"))
    services = {s["code"]: s for s in status["services"]}
    assert set(services) == {"A", "B", "C", "D"}
    for s in status["services"]:
        assert {"code", "waiting", "next"} <= set(s)
    assert (services["A"]["waiting"], services["A"]["next"]) == (2, ["A001", "A002"])
    assert (services["B"]["waiting"], services["B"]["next"]) == (1, ["B001"])
    assert (services["C"]["waiting"], services["C"]["next"]) == (0, [])
    for c in status["counters"]:
        assert {"number", "serving"} <= set(c)
    assert [(c["number"], c["serving"]) for c in status["counters"]] == [
        (1, None),
        (2, None),
        (3, None),
        (4, None),
    ]

    # Counter 1 serves A and B: the priority ticket B001 first, then by issue time.
    called = ok_json(clerk(office_url, "ticket", "call", "--counter", "1"))
    ticket = called["ticket"]
    assert {"code", "service", "counter", "called_at"} <= set(ticket)
    assert (ticket["code"], ticket["service"], ticket["counter"]) == ("B001", "B", 1)
    utc_instant(ticket["called_at"])
    # Counter 2 gets A001; counter 3 serves C, where nobody waits; counter 4 gets D001.
    at_2, at_3, at_4 = all_json(office_url, [
        ("clerk1", ("ticket", "call", "--counter", "2")),
        ("clerk2", ("ticket", "call", "--counter", "3")),
        ("admin", ("ticket", "call", "--counter", "4")),
    ])  # fmt: skip
    assert (at_2["ticket"]["code"], at_2["ticket"]["counter"]) == ("A001", 2)
    assert at_3 == {"ticket": None}
    assert (at_4["ticket"]["code"], at_4["ticket"]["service"]) == ("D001", "D")

    status = ok_json(run(office_url, "queue", "status"))
    serving = {c["number"]: c["serving"] for c in status["counters"]}
    assert serving == {1: "B001", 2: "A001", 3: None, 4: "D001"}
    services = {s["code"]: s for s in status["services"]}
    assert (services["A"]["waiting"], services["A"]["next"]) == (1, ["A002"])
    assert (services["B"]["waiting"], services["B"]["next"]) == (0, [])

    # The next call at counter 4 finds nobody: D001 is done and the counter is free.
    assert ok_json(clerk(office_url, "ticket", "call", "--counter", "4")) == {"ticket": None}
    status = ok_json(run(office_url, "queue", "status"))
    assert {c["number"]: c["serving"] for c in status["counters"]}[4] is None


def test_user_list_audit_verify_and_init_is_idempotent(office_url: str) -> None:
    reads: list[Call] = [
        (None, ("user", "list")),
        (None, ("service", "list")),
        (None, ("counter", "list")),
        (None, ("audit", "verify")),
    ]
    listed, services, counters, audit = all_json(office_url, reads)
    users = listed["users"]
    for u in users:
        assert {"username", "role", "name", "unit"} <= set(u)
        assert u["role"] in ROLES
        assert isinstance(u["name"], str) and u["name"]
    roles = {u["username"]: u["role"] for u in users}
    assert roles == DEMO_USERS
    assert not any("argon2" in str(value) for u in users for value in u.values())

    assert audit["ok"] is True
    assert isinstance(audit["entries"], int) and audit["entries"] > 0
    assert audit["first_bad"] is None

    prefixes = {s["code"]: s["prefix"] for s in services["services"]}
    assert prefixes == {"A": "A", "B": "B", "C": "C", "D": "D"}
    assert {c["number"]: sorted(c["services"]) for c in counters["counters"]} == {
        1: ["A", "B"],
        2: ["A", "B"],
        3: ["C"],
        4: ["C", "D"],
    }

    # init again, with and without --demo: nothing is added twice.
    again = ok_json(run(office_url, "init", "--demo"))
    assert again["demo_added"] is False
    ok_json(run(office_url, "init"))
    listed2, services2, counters2, audit2 = all_json(office_url, reads)
    assert (listed2, services2, counters2) == (listed, services, counters)
    assert audit2["ok"] is True and audit2["first_bad"] is None
    assert audit2["entries"] >= audit["entries"]

    # A changing command adds to the chain, which still verifies.
    ok_json(admin(office_url, "settings", "set", "ticket.footer", "ขอบคุณค่ะ"))
    last = ok_json(run(office_url, "audit", "verify"))
    assert (last["ok"], last["entries"], last["first_bad"]) == (True, audit2["entries"] + 1, None)
