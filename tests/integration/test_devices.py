"""Device tokens through the services, on both engines (issue 17, item 4): shown once,
stored only as a hash, never in the trail; a kiosk issues tickets as ``device:NAME``; a
malformed, unknown or revoked token is refused the same way; names are never reused."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from db.models import AuditEntry
from db.uow import UnitOfWork
from desktop_app.domain.errors import AuthError, Conflict, Forbidden, InvalidInput, NotFound
from desktop_app.services import devices, tickets
from tests.support.db import actor, snapshot


def test_a_token_is_shown_once_and_kept_only_as_a_hash(office: UnitOfWork, engine: Engine) -> None:
    new = devices.add_device(office, actor(office, "admin"), "Kiosk-1", "kiosk")
    assert (new.device, new.kind) == ("kiosk-1", "kiosk")
    assert new.token.startswith("kd1_") and len(new.token) == 47
    everything = repr(snapshot(engine))
    assert new.token not in everything
    assert devices.token_hash(new.token) in everything  # the hash, in the devices table only
    with office.read() as tx:
        rows = tx.session.execute(select(AuditEntry.before_json, AuditEntry.after_json)).all()
    trail = repr(rows)
    assert new.token not in trail and devices.token_hash(new.token) not in trail
    [listed] = devices.list_devices(office, actor(office, "admin"))
    assert (listed.device, listed.kind, listed.revoked, listed.created_by) == (
        "kiosk-1", "kiosk", False, "admin",
    )  # fmt: skip
    assert new.token not in repr(listed)
    # A second device gets a different token.
    other = devices.add_device(office, actor(office, "admin"), "board-1", "board")
    assert other.token != new.token


def test_a_kiosk_issues_tickets_in_its_own_name(office: UnitOfWork) -> None:
    new = devices.add_device(office, actor(office, "admin"), "kiosk-1", "kiosk")
    kiosk = devices.device_actor(office, new.token)
    assert kiosk.actor.username == "device:kiosk-1"
    assert kiosk.may("ticket.issue") and kiosk.may("ticket.reprint") and kiosk.may("read")
    assert not kiosk.may("ticket.call") and not kiosk.may("user.add")
    ticket = tickets.issue_ticket(office, kiosk.actor, "A")
    with office.read() as tx:
        last = tx.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last is not None
    assert (last.actor, last.action, last.entity_id.endswith(ticket.code)) == (
        "device:kiosk-1", "ticket.issue", True,
    )  # fmt: skip
    board = devices.device_actor(
        office, devices.add_device(office, actor(office, "admin"), "tv", "board").token
    )
    assert board.may("read") and not board.may("ticket.issue")
    with pytest.raises(Forbidden):
        devices.require_device(board, "ticket.issue")


def test_malformed_unknown_and_revoked_tokens_are_refused_alike(office: UnitOfWork) -> None:
    admin = actor(office, "admin")
    new = devices.add_device(office, admin, "kiosk-1", "kiosk")
    unknown = "kd1_" + "A" * 43
    refusals = []
    for token in ("", "demo", new.token[:-1], new.token + "x", unknown, " " + new.token[1:]):
        with pytest.raises(AuthError) as refused:
            devices.device_actor(office, token)
        refusals.append(refused.value.message)
    assert len(set(refusals)) == 1 and refused.value.exit_code == 4
    assert devices.device_actor(office, new.token).name == "kiosk-1"
    revoked = devices.revoke_device(office, admin, "KIOSK-1")
    assert revoked.revoked and revoked.revoked_at is not None
    with pytest.raises(AuthError) as refused:
        devices.device_actor(office, new.token)
    assert refused.value.message == refusals[0]


def test_refusals_change_nothing(office: UnitOfWork, engine: Engine) -> None:
    admin = actor(office, "admin")
    devices.add_device(office, admin, "kiosk-1", "kiosk")
    devices.revoke_device(office, admin, "kiosk-1")
    before = snapshot(engine)
    cases = [
        (Conflict, lambda: devices.add_device(office, admin, "kiosk-1", "board")),  # revoked
        (Conflict, lambda: devices.revoke_device(office, admin, "kiosk-1")),
        (NotFound, lambda: devices.revoke_device(office, admin, "nobody")),
        (InvalidInput, lambda: devices.add_device(office, admin, "kiosk 2", "kiosk")),
        (InvalidInput, lambda: devices.add_device(office, admin, "kiosk-2", "printer")),
        (Forbidden, lambda: devices.add_device(office, actor(office, "clerk1"), "k3", "kiosk")),
        (Forbidden, lambda: devices.revoke_device(office, actor(office, "clerk1"), "kiosk-1")),
        (Forbidden, lambda: devices.list_devices(office, actor(office, "clerk1"))),
    ]
    for error, call in cases:
        with pytest.raises(error):
            call()
    assert snapshot(engine) == before
