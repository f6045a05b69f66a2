"""Login. Passwords are hashed with Argon2id (argon2-cffi): memory-hard, the current OWASP
recommendation, and its verify compares in constant time. Parameters are OWASP's minimum
(19 MiB, 2 passes) so a CLI call stays around 20 ms on a counter PC."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from db.models import User
from db.uow import UnitOfWork
from desktop_app.domain.errors import AuthError, InvalidInput
from desktop_app.domain.roles import Role

_HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
MIN_PASSWORD = 4
MAX_PASSWORD = 256


@dataclass(frozen=True)
class Actor:
    id: int | None
    username: str
    role: Role
    name: str


SYSTEM = Actor(None, "system", Role.ADMIN, "KhetDesk")


def hash_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidInput(
            f"รหัสผ่านต้องยาว {MIN_PASSWORD}–{MAX_PASSWORD} ตัวอักษร "
            f"(password must be {MIN_PASSWORD}-{MAX_PASSWORD} characters)"
        )
    return _HASHER.hash(password)


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the user does not exist, so timing does not reveal usernames.
    Made on first need, not at import: every command imports this module."""
    return _HASHER.hash("khetdesk-no-such-user")


def _matches(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(uow: UnitOfWork, username: str, password: str) -> Actor:
    """The actor for a username and password, or AuthError (same message either way)."""
    with uow.read() as tx:
        row = tx.session.execute(
            select(User.id, User.username, User.role, User.name, User.password_hash).where(
                User.username == username.strip().lower(), User.active.is_(True)
            )
        ).first()
    if row is None:
        _matches(_dummy_hash(), password)
        raise AuthError("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (wrong username or password)")
    if not _matches(row.password_hash, password):
        raise AuthError("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (wrong username or password)")
    return Actor(row.id, row.username, Role(row.role), row.name)
