"""User accounts."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from sqlalchemy import select

from db.models import User
from db.uow import Transaction, UnitOfWork
from desktop_app.domain.errors import Conflict, InvalidInput
from desktop_app.domain.roles import parse_role, require
from desktop_app.domain.text import clean_text
from desktop_app.services.auth import Actor, hash_password

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


@dataclass(frozen=True)
class UserView:
    username: str
    role: str
    name: str
    position: str
    unit: str
    active: bool


def _view(u: User) -> UserView:
    return UserView(u.username, u.role, u.name, u.position, u.unit, u.active)


def validate_username(username: str) -> str:
    name = username.strip()
    # ASCII first: str.lower() would turn the Kelvin sign into a plain k.
    name = name.lower() if name.isascii() else name
    if not _USERNAME.fullmatch(name):
        raise InvalidInput(
            "ชื่อผู้ใช้ต้องเป็น a–z 0–9 . _ - ยาว 2–64 ตัว "
            f"(username must be 2-64 of a-z 0-9 . _ -, got '{username[:40]}')"
        )
    return name


def create_user(
    tx: Transaction,
    actor: Actor,
    username: str,
    role: str,
    name: str,
    password: str,
    position: str = "",
    unit: str = "",
) -> UserView:
    """Shared by `user add` and `init` (which creates the first admin and demo users)."""
    uname = validate_username(username)
    r = parse_role(role)
    clean_name = clean_text(name, "name")
    pos = clean_text(position, "position", required=False)
    un = clean_text(unit, "unit", required=False)
    hashed = hash_password(password)
    exists = tx.session.execute(select(User.id).where(User.username == uname)).first()
    if exists:
        raise Conflict(f"มีผู้ใช้ '{uname}' อยู่แล้ว (user '{uname}' already exists)")
    user = User(
        username=uname, role=r.value, name=clean_name, position=pos, unit=un,
        password_hash=hashed, active=True, created_at=tx.now(),
    )  # fmt: skip
    tx.session.add(user)
    tx.session.flush()
    view = _view(user)
    # Never the password or its hash in the audit trail.
    tx.audit(actor.username, "user.add", "user", uname, None, asdict(view))
    return view


def add_user(
    uow: UnitOfWork,
    actor: Actor,
    username: str,
    role: str,
    name: str,
    password: str,
    position: str = "",
    unit: str = "",
) -> UserView:
    require(actor.role, "user.add")
    with uow.write() as tx:
        view = create_user(tx, actor, username, role, name, password, position, unit)
        tx.commit()
    return view


def list_users(uow: UnitOfWork) -> list[UserView]:
    with uow.read() as tx:
        users = tx.session.execute(select(User).order_by(User.username)).scalars()
        return [_view(u) for u in users]
