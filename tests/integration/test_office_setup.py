"""Users, login, roles, services, counters and settings on both engines."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import AuthError, Conflict, Forbidden, InvalidInput, NotFound
from desktop_app.services import office as office_svc
from desktop_app.services import settings, users
from desktop_app.services.auth import authenticate
from tests.support.db import actor, snapshot


def test_login_with_the_right_password_only(office):
    clerk = authenticate(office, "clerk1", "demo")
    assert (clerk.username, clerk.role.value) == ("clerk1", "clerk")
    assert authenticate(office, "  CLERK1 ", "demo").username == "clerk1"
    for name, pw in (("clerk1", "Demo"), ("clerk1", ""), ("nobody", "demo")):
        with pytest.raises(AuthError) as e:
            authenticate(office, name, pw)
        assert e.value.exit_code == 4


def test_passwords_are_stored_as_argon2id_hashes(office):
    admin = actor(office, "admin")
    users.add_user(office, admin, "newclerk", "clerk", "สมหญิง ดีใจ", "correct horse")
    with office.read() as tx:
        from sqlalchemy import select

        from db.models import User

        stored = tx.session.execute(
            select(User.password_hash).where(User.username == "newclerk")
        ).scalar_one()
    assert stored.startswith("$argon2id$") and "correct horse" not in stored
    assert authenticate(office, "newclerk", "correct horse").name == "สมหญิง ดีใจ"


def test_only_admin_manages_the_office(office):
    before = snapshot(office.engine)
    for username in ("clerk1", "supply", "supplyhead", "director", "staff1"):
        someone = actor(office, username)
        with pytest.raises(Forbidden):
            users.add_user(office, someone, "x1", "clerk", "X", "pass1234")
        with pytest.raises(Forbidden):
            office_svc.add_service(office, someone, "NEW", "ใหม่", prefix="N")
        with pytest.raises(Forbidden):
            office_svc.add_counter(office, someone, 9, ["A"])
        with pytest.raises(Forbidden):
            settings.set_setting(office, someone, "office.name", "x")
    assert snapshot(office.engine) == before


def test_service_and_counter_rules(office):
    admin = actor(office, "admin")
    view = office_svc.add_service(office, admin, "WEL", "สวัสดิการสังคม", "Welfare", "e", 30)
    assert (view.prefix, view.standard_minutes) == ("E", 30)
    before = snapshot(office.engine)
    refusals = [
        (Conflict, lambda: office_svc.add_service(office, admin, "WEL", "ซ้ำ", prefix="F")),
        (Conflict, lambda: office_svc.add_service(office, admin, "OTH", "อื่น", prefix="A")),
        (InvalidInput, lambda: office_svc.add_service(office, admin, "OTH", "อื่น", prefix="ก")),
        (InvalidInput, lambda: office_svc.add_service(office, admin, "OTH", "  ", prefix="F")),
        (InvalidInput, lambda: office_svc.add_service(office, admin, "OTH", "x", "", "F", 0)),
        (InvalidInput, lambda: office_svc.add_service(office, admin, "ก", "x", prefix="F")),
        (NotFound, lambda: office_svc.add_counter(office, admin, 9, ["NOPE"])),
        (InvalidInput, lambda: office_svc.add_counter(office, admin, 9, [])),
        (InvalidInput, lambda: office_svc.add_counter(office, admin, 0, ["A"])),
        (Conflict, lambda: office_svc.add_counter(office, admin, 1, ["A"])),
    ]
    for error, attempt in refusals:
        with pytest.raises(error):
            attempt()
    assert snapshot(office.engine) == before


def test_settings_office_wide_and_per_pc(office, monkeypatch):
    admin = actor(office, "admin")
    assert settings.get_setting(office, "printer.width_dots").value == "576"
    settings.set_setting(office, admin, "printer.width_dots", "384")
    settings.set_setting(office, admin, "office.name", "สำนักงานเขตบางกอกน้อย")
    assert settings.get_setting(office, "printer.width_dots").value == "384"
    monkeypatch.setenv("KHETDESK_PC", "another-pc")
    # Another PC keeps its own printer but shares the office name.
    assert settings.get_setting(office, "printer.width_dots").value == "576"
    assert settings.get_setting(office, "office.name").value == "สำนักงานเขตบางกอกน้อย"
    before = snapshot(office.engine)
    for key, value in (
        ("printer.width_dots", "400"),
        ("printer.connection", "ftp://x"),
        ("printer.connection", "usb://zz"),
        ("printer.timeout_s", "-1"),
        ("ticket.qr_template", "{code}{secret}"),
        ("depreciation.floor", "1.5"),
        ("depreciation.rate.default", "NaN"),
    ):
        with pytest.raises(InvalidInput):
            settings.set_setting(office, admin, key, value)
    with pytest.raises(NotFound):
        settings.set_setting(office, admin, "no.such.key", "1")
    assert snapshot(office.engine) == before
    keys = {v.key for v in settings.list_settings(office)}
    assert {"office.name", "printer.connection", "ticket.qr_template", "ticket.footer"} <= keys
