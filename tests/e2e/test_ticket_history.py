"""A ticket called and then sent to another service's queue keeps its first call time
(issue 17, item 8), as `ticket show` tells a script, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from tests.e2e.runner import clerk, ok_json, run


def test_a_transferred_ticket_keeps_its_first_call(office_url: str) -> None:
    issued = ok_json(clerk(office_url, "ticket", "issue", "A"))
    called = ok_json(clerk(office_url, "ticket", "call", "--counter", "1"))
    assert called["ticket"]["code"] == issued["code"]
    first_call = called["ticket"]["called_at"]
    ok_json(clerk(office_url, "ticket", "transfer", issued["code"], "--to", "C"))
    shown = ok_json(run(office_url, "ticket", "show", issued["code"]))
    assert (shown["status"], shown["service"], shown["called_at"]) == ("waiting", "C", None)
    assert dt.datetime.fromisoformat(shown["first_called_at"]) == dt.datetime.fromisoformat(
        first_call
    )
    # A ticket never called has none.
    other = ok_json(clerk(office_url, "ticket", "issue", "B"))
    assert ok_json(run(office_url, "ticket", "show", other["code"]))["first_called_at"] is None
