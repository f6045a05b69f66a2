"""Passwords as NIST SP 800-63B asks (issue 17, item 7), through the services on both
engines: user add and a reset refuse what the policy refuses with nothing changed; the demo
users' password ``demo`` works only in a database made by ``init --demo``; a user whose
password falls short is told so after logging in and may change it themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, select, update

from db.engine import make_engine
from db.models import AuditEntry, User
from db.uow import UnitOfWork
from desktop_app.domain.errors import AuthError, InvalidInput, NotFound
from desktop_app.services import settings, users
from desktop_app.services.auth import _HASHER, authenticate
from desktop_app.services.setup import init_database
from tests.support.db import actor, snapshot


@pytest.mark.parametrize("password", ["abcd", "1q2w3e4r", "password1", "sunshine", "bob-user"])
def test_user_add_and_reset_refuse_weak_passwords_and_change_nothing(
    office: UnitOfWork, engine: Engine, password: str
) -> None:
    admin = actor(office, "admin")
    before = snapshot(engine)
    with pytest.raises(InvalidInput) as refused:
        users.add_user(office, admin, "bob-user", "clerk", "Bob", password)
    assert refused.value.exit_code == 3
    with pytest.raises(InvalidInput):  # the username case: clerk2's own name
        users.set_password(
            office, admin, "clerk2", "clerk2" if password == "bob-user" else password
        )
    assert snapshot(engine) == before


def test_a_passphrase_is_welcome(office: UnitOfWork) -> None:
    admin = actor(office, "admin")
    phrase = "ฝนตกที่ตลิ่งชัน แต่คิวยังเดินเร็ว"
    users.add_user(office, admin, "bob", "clerk", "Bob", phrase)
    assert authenticate(office, "bob", phrase).username == "bob"


def test_demo_works_in_the_demo_office_only(office: UnitOfWork, tmp_path: Path) -> None:
    # The demo office (init --demo): every demo user logs in with "demo", is not asked to
    # change it, and an admin may give "demo" to another user there.
    assert authenticate(office, "clerk1", "demo").username == "clerk1"
    assert users.password_shortfall(office, "clerk1", "demo") is None
    users.add_user(office, actor(office, "admin"), "trainee", "clerk", "ผู้ฝึกงาน", "demo")
    # No command can mark or unmark an office as the demo: the key is no setting.
    with pytest.raises(NotFound):
        settings.set_setting(office, actor(office, "admin"), "office.demo", "false")

    # Any other office: "demo" is refused, for the first admin too, and init then adds nothing.
    other = make_engine(f"sqlite:///{tmp_path / 'real.db'}", create=True)
    try:
        with pytest.raises(InvalidInput, match="8"):
            init_database(other, admin="admin", admin_password="demo")
        assert not inspect(other).has_table("users")  # the refused init made nothing
        real = UnitOfWork(other)
        init_database(other, admin="admin", admin_password="admin-pw-17")
        # init --demo on an office that has users adds nothing, and no demo mark either.
        assert init_database(other, demo=True).demo_skipped
        with pytest.raises(InvalidInput):
            users.add_user(real, actor(real, "admin"), "clerk9", "clerk", "C", "demo")
        assert users.password_shortfall(real, "admin", "demo") is not None
    finally:
        other.dispose()


def test_a_short_password_is_flagged_and_its_owner_changes_it(
    office: UnitOfWork, engine: Engine
) -> None:
    # A password set before issue 17 ("4–256 characters"): written as the old code did.
    with engine.begin() as conn:
        conn.execute(
            update(User).where(User.username == "clerk2").values(password_hash=_HASHER.hash("abcd"))
        )
    assert authenticate(office, "clerk2", "abcd").username == "clerk2"  # still logs in
    problem = users.password_shortfall(office, "clerk2", "abcd")
    assert problem is not None and "8" in problem
    assert users.password_shortfall(office, "clerk2", "a long enough phrase") is None

    before = snapshot(engine)
    with pytest.raises(AuthError):
        users.change_own_password(office, "clerk2", "wrong", "a long enough phrase")
    with pytest.raises(InvalidInput):
        users.change_own_password(office, "clerk2", "abcd", "qwertyuiop")
    assert snapshot(engine) == before

    users.change_own_password(office, "clerk2", "abcd", "a long enough phrase")
    assert authenticate(office, "clerk2", "a long enough phrase").username == "clerk2"
    with pytest.raises(AuthError):
        authenticate(office, "clerk2", "abcd")
    with office.read() as tx:
        last = tx.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last is not None
    assert (last.actor, last.action, last.entity_id) == ("clerk2", "user.password", "clerk2")
    assert "a long enough phrase" not in last.after_json
