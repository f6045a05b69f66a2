"""Device tokens (issue 17; CLI.md "Devices"): a kiosk or board PC acts with a revocable
token of least privilege instead of a clerk's password.

- ``add_device`` (admin) makes a token of 256 random bits, shows it once and stores only its
  SHA-256 (db.models_devices). ``list_devices`` never shows it; ``revoke_device`` ends it.
- ``device_actor`` turns a token into the device's actor: the name ``device:NAME`` is what
  its audit entries carry. An unknown, malformed or revoked token is AuthError (exit 4),
  with the same message for all three, so a guess learns nothing.
- What a device may do is :data:`DEVICE_ACTIONS`: a kiosk issues and reprints tickets and
  checks appointments in; a board only reads. ``require_device`` refuses anything else
  (Forbidden, exit 4); the CLI and the kiosk window ask it before every command.

A device name is never reused, even after a revoke: ``device:NAME`` in the trail then
always means one device (a kiosk whose token leaked is revoked and added under a new name).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from db.models_devices import Device
from db.uow import Transaction, UnitOfWork
from desktop_app.domain.errors import AuthError, Conflict, Forbidden, InvalidInput, NotFound
from desktop_app.domain.roles import Role, require
from desktop_app.services.auth import Actor, authenticate

KINDS = ("kiosk", "board")
TOKEN_PREFIX = "kd1_"
_TOKEN = re.compile(r"kd1_[A-Za-z0-9_-]{43}")
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
ACTOR_PREFIX = "device:"

# What each kind may do besides reading. The names are the permission actions of
# domain.roles; "read" covers every command that changes nothing.
DEVICE_ACTIONS: dict[str, frozenset[str]] = {
    "kiosk": frozenset({"read", "ticket.issue", "ticket.reprint", "appointment.checkin"}),
    "board": frozenset({"read"}),
}
# The role a device acts with inside the services that check roles: a kiosk issues tickets
# as counter staff would. DEVICE_ACTIONS, asked first, narrows it to the actions above.
_DEVICE_ROLE = {"kiosk": Role.CLERK, "board": Role.STAFF}


@dataclass(frozen=True)
class DeviceView:
    device: str
    kind: str
    created_at: dt.datetime
    created_by: str
    revoked: bool
    revoked_at: dt.datetime | None


@dataclass(frozen=True)
class NewDevice:
    device: str
    kind: str
    token: str  # shown once: only its hash is kept


@dataclass(frozen=True)
class DeviceActor:
    """A device that showed a valid token. ``actor`` is what the services are given."""

    name: str
    kind: str
    actor: Actor

    def may(self, action: str) -> bool:
        return action in DEVICE_ACTIONS[self.kind]


def _view(d: Device) -> DeviceView:
    return DeviceView(d.name, d.kind, d.created_at, d.created_by, d.revoked_at is not None,
                      d.revoked_at)  # fmt: skip


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def validate_name(name: str) -> str:
    clean = name.strip().lower() if name.isascii() else name.strip()
    if not _NAME.fullmatch(clean):
        raise InvalidInput(
            "ชื่อเครื่องต้องเป็น a–z 0–9 . _ - ยาวไม่เกิน 64 ตัว "
            f"(a device name is 1-64 of a-z 0-9 . _ -, got '{name[:40]}')",
            field="name",
        )
    return clean


def validate_kind(kind: str) -> str:
    if kind not in KINDS:
        raise InvalidInput(
            f"ชนิดเครื่องต้องเป็น kiosk หรือ board (kind must be kiosk or board, got '{kind[:20]}')",
            field="kind",
        )
    return kind


def _name_taken(tx: Transaction, name: str) -> bool:
    return tx.session.execute(select(Device.id).where(Device.name == name)).first() is not None


def _create(tx: Transaction, actor: Actor, name: str, kind: str, **note: object) -> NewDevice:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    device = Device(name=name, kind=kind, token_hash=token_hash(token), created_at=tx.now(),
                    created_by=actor.username)  # fmt: skip
    tx.session.add(device)
    tx.session.flush()
    # Never the token nor its hash in the audit trail.
    tx.audit(actor.username, "device.add", "device", name, None,
             {"device": name, "kind": kind, "revoked": False, **note})  # fmt: skip
    return NewDevice(name, kind, token)


def add_device(uow: UnitOfWork, actor: Actor, name: str, kind: str) -> NewDevice:
    """A new device and its token. The token is in the answer only; a name already used
    (also by a revoked device) is Conflict (exit 6)."""
    require(actor.role, "device.add")
    clean, k = validate_name(name), validate_kind(kind)
    with uow.write() as tx:
        if _name_taken(tx, clean):
            raise Conflict(
                f"มีเครื่องชื่อ '{clean}' อยู่แล้ว ชื่อเครื่องใช้ซ้ำไม่ได้แม้ถูกยกเลิกแล้ว "
                f"(device '{clean}' already exists; a name is never reused, even after a revoke)"
            )
        new = _create(tx, actor, clean, k)
        tx.commit()
    return new


def enroll_kiosk(uow: UnitOfWork, username: str, password: str, pc: str) -> NewDevice:
    """Move a kiosk that still holds a person's user and password (before issue 17) to a
    kiosk token of its own, at its next start. The password proves the kiosk was set up by
    someone who may issue tickets; the token it gets may do less than that person (only
    issue, reprint, check in), so no right is widened. Named ``kiosk-<this PC>`` (a number
    added when taken); the trail names the person and says how the device came to be."""
    actor = authenticate(uow, username, password)
    require(actor.role, "ticket.issue")
    base = "kiosk-" + (re.sub(r"[^a-z0-9._-]+", "-", pc.strip().lower()).strip("-._") or "pc")
    base = base[:56]
    with uow.write() as tx:
        name, n = base, 1
        while _name_taken(tx, name):
            n += 1
            name = f"{base}-{n}"
        new = _create(tx, actor, name, "kiosk", enrolled="password of the kiosk's account")
        tx.commit()
    return new


def list_devices(uow: UnitOfWork, actor: Actor) -> list[DeviceView]:
    """Every device, revoked ones too, never a token (admin: CLI.md "Admins add, list and
    revoke")."""
    require(actor.role, "device.list")
    with uow.read() as tx:
        rows = tx.session.execute(select(Device).order_by(Device.name)).scalars()
        return [_view(d) for d in rows]


def revoke_device(uow: UnitOfWork, actor: Actor, name: str) -> DeviceView:
    """The device's token stops working at once. Unknown name: NotFound (exit 5); already
    revoked: Conflict (exit 6)."""
    require(actor.role, "device.revoke")
    clean = name.strip().lower() if name.isascii() else name.strip()
    with uow.write() as tx:
        device = tx.session.execute(select(Device).where(Device.name == clean)).scalar_one_or_none()
        if device is None:
            raise NotFound(f"ไม่พบเครื่อง '{name[:40]}' (no such device)")
        if device.revoked_at is not None:
            raise Conflict(f"เครื่อง '{clean}' ถูกยกเลิกไปแล้ว (device '{clean}' is already revoked)")
        device.revoked_at = tx.now()
        tx.session.flush()
        tx.audit(actor.username, "device.revoke", "device", clean,
                 {"device": clean, "kind": device.kind, "revoked": False},
                 {"device": clean, "kind": device.kind, "revoked": True})  # fmt: skip
        view = _view(device)
        tx.commit()
    return view


_REFUSED = "โทเค็นของเครื่องใช้ไม่ได้ (the device token is unknown, malformed or revoked)"


def device_actor(uow: UnitOfWork, token: str) -> DeviceActor:
    """The device a token belongs to, or AuthError (exit 4): the same refusal for a
    malformed, an unknown and a revoked token."""
    token = token.strip()
    if not _TOKEN.fullmatch(token):
        raise AuthError(_REFUSED)
    digest = token_hash(token)
    with uow.read() as tx:
        device = tx.session.execute(
            select(Device).where(Device.token_hash == digest)
        ).scalar_one_or_none()
        if (
            device is None
            or device.revoked_at is not None
            or not hmac.compare_digest(device.token_hash, digest)
        ):
            raise AuthError(_REFUSED)
        name, kind = device.name, device.kind
    actor = Actor(None, ACTOR_PREFIX + name, _DEVICE_ROLE[kind], name)
    return DeviceActor(name, kind, actor)


def require_device(device: DeviceActor, action: str) -> None:
    """Forbidden (exit 4) unless a device of this kind may do ``action``."""
    if not device.may(action):
        raise Forbidden(
            f"เครื่อง {device.name} ({device.kind}) ทำรายการนี้ไม่ได้ "
            f"(a {device.kind} device may not do '{action}')",
            action=action,
        )
