"""What the settings window and the counter windows need from the services, on both engines:
changing services, counters and users; the display order; the logo; the counter's waiting
list and today's figures; the board's status and the revision the windows poll."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from desktop_app.domain.errors import Conflict, Forbidden, InvalidInput, NotFound, RuleViolation
from desktop_app.services import office as office_svc
from desktop_app.services import tickets, users
from desktop_app.services.auth import authenticate
from tests.support.db import actor, snapshot

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 40


def _last_audit(uow) -> AuditEntry:
    with uow.read() as tx:
        return tx.session.execute(
            select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)
        ).scalar_one()


def test_update_a_service_and_close_it(office):
    admin, clerk = actor(office, "admin"), actor(office, "clerk1")
    view = office_svc.update_service(
        office, admin, "a", name="ทะเบียนราษฎร", name_en="Registration", standard_minutes=12
    )
    assert (view.code, view.name, view.name_en, view.standard_minutes, view.active) == (
        "A", "ทะเบียนราษฎร", "Registration", 12, True,
    )  # fmt: skip
    entry = _last_audit(office)
    assert (entry.action, entry.actor, entry.entity_id) == ("service.update", "admin", "A")
    assert json.loads(entry.before_json)["name"] == "งานทะเบียนราษฎร"
    assert json.loads(entry.after_json)["standard_minutes"] == 12
    # Nothing changed: no audit entry.
    office_svc.update_service(office, admin, "A", standard_minutes=12)
    assert _last_audit(office).id == entry.id
    office_svc.update_service(office, admin, "A", active=False)
    with pytest.raises(RuleViolation):
        tickets.issue_ticket(office, clerk, "A")
    office_svc.update_service(office, admin, "A", active=True)
    assert tickets.issue_ticket(office, clerk, "A").code == "A001"


def test_service_changes_that_are_refused_change_nothing(office, clock):
    admin, clerk = actor(office, "admin"), actor(office, "clerk1")
    tickets.issue_ticket(office, clerk, "B")
    before = snapshot(office.engine)
    refusals = [
        (Forbidden, lambda: office_svc.update_service(office, clerk, "A", name="x")),
        (NotFound, lambda: office_svc.update_service(office, admin, "ZZ", name="x")),
        (InvalidInput, lambda: office_svc.update_service(office, admin, "A", name="  ")),
        (InvalidInput, lambda: office_svc.update_service(office, admin, "A", standard_minutes=0)),
        (InvalidInput, lambda: office_svc.update_service(office, admin, "A", prefix="ก")),
        (Conflict, lambda: office_svc.update_service(office, admin, "A", prefix="C")),
        # B001 exists today: B's letter cannot change until tomorrow …
        (RuleViolation, lambda: office_svc.update_service(office, admin, "B", prefix="Q")),
    ]
    for error, attempt in refusals:
        with pytest.raises(error):
            attempt()
    assert snapshot(office.engine) == before
    # … but A has no ticket today, and the next day B may change too.
    assert office_svc.update_service(office, admin, "A", prefix="q").prefix == "Q"
    assert tickets.issue_ticket(office, clerk, "A").code == "Q001"
    clock.advance(days=1)
    assert office_svc.update_service(office, admin, "B", prefix="R").prefix == "R"


def test_display_order_of_services(office):
    admin = actor(office, "admin")
    assert [s.code for s in office_svc.services_in_order(office)] == ["A", "B", "C", "D"]
    views = office_svc.reorder_services(office, admin, ["C", "a", "D", "B"])
    assert [s.code for s in views] == ["C", "A", "D", "B"]
    entry = _last_audit(office)
    assert (entry.action, json.loads(entry.after_json)) == ("service.reorder", ["C", "A", "D", "B"])
    # A service added later goes after the ordered ones; the board follows the order.
    office_svc.add_service(office, admin, "E", "สวัสดิการ", "Welfare", "E", 10)
    assert [s.code for s in office_svc.services_in_order(office)] == ["C", "A", "D", "B", "E"]
    assert [s.code for s in tickets.board_status(office).services] == ["C", "A", "D", "B", "E"]
    # `service list` keeps its order by code.
    assert [s.code for s in office_svc.list_services(office)] == ["A", "B", "C", "D", "E"]
    before = snapshot(office.engine)
    for codes in (["C", "A"], ["C", "A", "D", "B", "E", "E"], ["C", "A", "D", "B", "X"]):
        with pytest.raises((InvalidInput, NotFound)):
            office_svc.reorder_services(office, admin, codes)
    with pytest.raises(Forbidden):
        office_svc.reorder_services(office, actor(office, "clerk1"), ["A", "B", "C", "D", "E"])
    assert snapshot(office.engine) == before


def test_counter_services_name_and_closing(office):
    admin, clerk = actor(office, "admin"), actor(office, "clerk1")
    view = office_svc.update_counter(office, admin, 3, service_codes=["d", "C"], name="ช่อง 3")
    assert (view.services, view.name) == (("C", "D"), "ช่อง 3")
    assert _last_audit(office).action == "counter.update"
    tickets.issue_ticket(office, clerk, "D")
    assert tickets.call_next(office, clerk, 3).code == "D001"
    before = snapshot(office.engine)
    refusals = [
        (Conflict, lambda: office_svc.update_counter(office, admin, 3, active=False)),
        (InvalidInput, lambda: office_svc.update_counter(office, admin, 3, service_codes=[" "])),
        (NotFound, lambda: office_svc.update_counter(office, admin, 3, service_codes=["ZZ"])),
        (NotFound, lambda: office_svc.update_counter(office, admin, 42, name="x")),
        (Forbidden, lambda: office_svc.update_counter(office, clerk, 3, name="x")),
    ]
    for error, attempt in refusals:
        with pytest.raises(error):
            attempt()
    assert snapshot(office.engine) == before
    tickets.complete(office, clerk, 3)
    assert office_svc.update_counter(office, admin, 3, active=False).active is False
    with pytest.raises(RuleViolation):
        tickets.call_next(office, clerk, 3)


def test_user_role_password_and_deactivation(office):
    admin = actor(office, "admin")
    view = users.update_user(office, admin, "clerk2", role="supply_officer", unit="ฝ่ายการคลัง")
    assert (view.role, view.unit) == ("supply_officer", "ฝ่ายการคลัง")
    users.set_password(office, admin, "clerk2", "new secret")
    entry = _last_audit(office)
    assert entry.action == "user.password" and "new secret" not in entry.after_json
    assert authenticate(office, "clerk2", "new secret").role.value == "supply_officer"
    users.update_user(office, admin, "clerk2", active=False)
    with pytest.raises(Exception) as e:
        authenticate(office, "clerk2", "new secret")
    assert e.value.exit_code == 4


def test_the_office_keeps_an_administrator(office):
    admin = actor(office, "admin")
    before = snapshot(office.engine)
    refusals = [
        (RuleViolation, lambda: users.update_user(office, admin, "admin", role="clerk")),
        (RuleViolation, lambda: users.update_user(office, admin, "admin", active=False)),
        (InvalidInput, lambda: users.update_user(office, admin, "clerk1", role="boss")),
        (InvalidInput, lambda: users.set_password(office, admin, "clerk1", "abc")),
        (NotFound, lambda: users.update_user(office, admin, "nobody", name="x")),
        (Forbidden, lambda: users.update_user(office, actor(office, "clerk1"), "clerk2", name="x")),
        (Forbidden, lambda: users.set_password(office, actor(office, "staff1"), "admin", "abcd")),
    ]
    for error, attempt in refusals:
        with pytest.raises(error):
            attempt()
    assert snapshot(office.engine) == before
    # With a second administrator the first may step down.
    users.update_user(office, admin, "clerk1", role="admin")
    assert users.update_user(office, admin, "admin", role="clerk").role == "clerk"


def test_office_logo(office):
    admin = actor(office, "admin")
    assert office_svc.office_logo(office) is None
    office_svc.set_office_logo(office, admin, PNG)
    assert office_svc.office_logo(office) == PNG
    entry = _last_audit(office)
    assert json.loads(entry.after_json)["bytes"] == len(PNG)
    before = snapshot(office.engine)
    for data in (b"GIF89a....", b"\x89PNG\r\n\x1a\n" + b"\0" * (300 * 1024)):
        with pytest.raises(InvalidInput):
            office_svc.set_office_logo(office, admin, data)
    with pytest.raises(Forbidden):
        office_svc.set_office_logo(office, actor(office, "clerk1"), None)
    assert snapshot(office.engine) == before
    office_svc.set_office_logo(office, admin, None)
    assert office_svc.office_logo(office) is None


def test_counter_queue_waiting_times_and_counts(office, clock):
    clerk = actor(office, "clerk1")
    tickets.issue_ticket(office, clerk, "A")  # 09:00
    clock.advance(minutes=4)
    tickets.issue_ticket(office, clerk, "C")
    tickets.issue_ticket(office, clerk, "B", "elderly")
    clock.advance(minutes=6)  # 09:10
    q = tickets.counter_queue(office, 1)
    assert q.serves == ("A", "B") and q.serving is None and q.waiting_office == 3
    assert [(w.code, w.waited_minutes) for w in q.waiting] == [("B001", 6), ("A001", 10)]
    assert q.waiting[0].service_name == "บัตรประจำตัวประชาชน"
    assert q.waiting[0].service_name_en == "National ID card"
    assert [s.code for s in q.services] == ["A", "B", "C", "D"]
    tickets.call_next(office, clerk, 1)
    tickets.no_show(office, clerk, 1)
    tickets.call_next(office, clerk, 1)
    tickets.complete(office, clerk, 1)
    tickets.issue_ticket(office, clerk, "A")
    tickets.issue_ticket(office, clerk, "A")
    tickets.pick(office, clerk, "A003", 1, "ผู้ป่วยนั่งรถเข็น")
    q = tickets.counter_queue(office, 1)
    assert q.serving is not None and q.serving.code == "A003"
    assert [w.code for w in q.waiting] == ["A002"]
    assert (q.counts.served, q.counts.no_show, q.counts.picked, q.counts.serving) == (
        1, 1, 1, "A003",
    )  # fmt: skip
    every = {c.number: c for c in tickets.today_counts(office)}
    assert (every[1].served, every[1].serving, every[2].served, every[2].serving) == (
        1, "A003", 0, None,
    )  # fmt: skip
    with pytest.raises(NotFound):
        tickets.counter_queue(office, 99)


def test_board_status_and_the_revision(office, clock):
    clerk = actor(office, "clerk1")
    rev0 = tickets.queue_revision(office)
    for svc in ("A", "A", "C"):
        clock.advance(seconds=10)
        tickets.issue_ticket(office, clerk, svc)
    rev1 = tickets.queue_revision(office)
    assert rev1 == rev0 + 3
    board = tickets.board_status(office)
    assert board.calls == () and board.revision == rev1
    assert board.office_name == "สำนักงานเขตตลิ่งชัน"
    assert [(s.code, s.waiting) for s in board.services] == [
        ("A", 2), ("B", 0), ("C", 1), ("D", 0),
    ]  # fmt: skip
    clock.advance(seconds=10)
    tickets.call_next(office, clerk, 1)
    clock.advance(seconds=10)
    tickets.call_next(office, clerk, 3)
    tickets.recall(office, clerk, 1)
    board = tickets.board_status(office)
    assert [(c.code, c.counter, c.recall_count) for c in board.calls] == [
        ("C001", 3, 0), ("A001", 1, 1),
    ]  # fmt: skip
    assert board.revision == tickets.queue_revision(office) == rev1 + 3
    # A closed service with nobody waiting leaves the board.
    office_svc.update_service(office, actor(office, "admin"), "D", active=False)
    assert [s.code for s in tickets.board_status(office).services] == ["A", "B", "C"]
