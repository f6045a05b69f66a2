"""Login. Passwords are hashed with Argon2id (argon2-cffi): memory-hard, the current OWASP
recommendation, and its verify compares in constant time. Parameters are OWASP's minimum
(19 MiB, 2 passes) so a CLI call stays around 20 ms on a counter PC.

Repeated failures are slowed down, not locked out: every refused login answers only after
a delay, 0.5 s for the first failure and doubling with each further failure for the same
user on the same database in this process (the login window, a kiosk), up to 8 s; a
successful login resets it. A lockout would need a failure count stored in the database,
and a refused command must change nothing there (CLI.md); it would also let anyone lock a
clerk out of the counter by typing wrong passwords. Each `khetdesk` command is a process
of its own, so from a script every failure costs at least the first delay (two guesses a
second per process, against a memory-hard hash)."""

from __future__ import annotations

import functools
import threading
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from db.models import User
from db.uow import UnitOfWork
from desktop_app.domain.errors import AuthError, InvalidInput
from desktop_app.domain.roles import Role

_HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
MAX_PASSWORD = 256  # the policy itself is desktop_app.domain.passwords
FAILURE_DELAY_S = 0.5
MAX_FAILURE_DELAY_S = 8.0
_FAILURES_KEPT = 10_000  # distinct (database, user) pairs remembered; then forgotten
_failures: dict[tuple[str, str], int] = {}
_failures_lock = threading.Lock()


@dataclass(frozen=True)
class Actor:
    id: int | None
    username: str
    role: Role
    name: str


SYSTEM = Actor(None, "system", Role.ADMIN, "KhetDesk")


def hash_password(password: str) -> str:
    """The Argon2id hash of a password the policy has already accepted
    (services.users checks it with domain.passwords, which knows the demo office)."""
    if not 1 <= len(password) <= MAX_PASSWORD:
        raise InvalidInput(
            f"รหัสผ่านต้องยาว 1–{MAX_PASSWORD} ตัวอักษร (password must be 1-{MAX_PASSWORD} characters)"
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


def failure_delay(failures: int) -> float:
    """Seconds to wait before answering the ``failures``-th consecutive refused login."""
    if failures <= 0:
        return 0.0
    return min(FAILURE_DELAY_S * float(2 ** min(failures - 1, 16)), MAX_FAILURE_DELAY_S)


def _refuse(key: tuple[str, str]) -> AuthError:
    with _failures_lock:
        if len(_failures) >= _FAILURES_KEPT and key not in _failures:
            _failures.clear()
        count = _failures[key] = _failures.get(key, 0) + 1
    time.sleep(failure_delay(count))
    return AuthError("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (wrong username or password)")


def authenticate(uow: UnitOfWork, username: str, password: str) -> Actor:
    """The actor for a username and password, or AuthError (same message, and the same
    time, whether the user exists or not); refusals are delayed (see the module)."""
    name = username.strip().lower()
    key = (str(uow.engine.url), name)
    # The table's columns, not the mapped class's: a Core statement does not make the ORM
    # configure every mapper (~40 ms of a one-command process such as `ticket issue`).
    users = User.__table__.c
    with uow.read() as tx:
        row = tx.session.execute(
            select(users.id, users.username, users.role, users.name, users.password_hash).where(
                users.username == name, users.active.is_(True)
            )
        ).first()
    if row is None:
        _matches(_dummy_hash(), password)
        raise _refuse(key)
    if not _matches(row.password_hash, password):
        raise _refuse(key)
    with _failures_lock:
        _failures.pop(key, None)
    return Actor(row.id, row.username, Role(row.role), row.name)
