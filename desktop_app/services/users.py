"""User accounts."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from sqlalchemy import func, select

from db.models import Setting, User
from db.uow import Transaction, UnitOfWork
from desktop_app.domain.errors import AuthError, Conflict, InvalidInput, NotFound, RuleViolation
from desktop_app.domain.passwords import check_new_password, password_problem
from desktop_app.domain.roles import Role, parse_role, require
from desktop_app.domain.text import clean_text
from desktop_app.services.auth import Actor, authenticate, hash_password

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
    check_new_password(password, username=uname, demo_office=is_demo_office(tx))
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


# ---------------------------------------------------------------- administration
#
# From the settings window. Permission: whoever may add users may change them ("user.add").
# The office must always keep one active administrator, or nobody could manage it again.


def _find_user(tx: Transaction, username: str) -> User:
    uname = username.strip().lower()
    user = tx.session.execute(select(User).where(User.username == uname)).scalar_one_or_none()
    if user is None:
        raise NotFound(f"ไม่พบผู้ใช้ '{username[:40]}' (no such user)")
    return user


def _other_active_admins(tx: Transaction, user: User) -> int:
    return int(
        tx.session.scalar(
            select(func.count()).where(
                User.role == Role.ADMIN.value, User.active.is_(True), User.id != user.id
            )
        )
        or 0
    )


def update_user(
    uow: UnitOfWork,
    actor: Actor,
    username: str,
    *,
    role: str | None = None,
    name: str | None = None,
    position: str | None = None,
    unit: str | None = None,
    active: bool | None = None,
) -> UserView:
    """Change a user's role, details or whether the account may log in; ``None`` keeps a
    field. Refused when it would leave the office without an active administrator, and an
    administrator cannot lock themselves out."""
    require(actor.role, "user.add")
    r = parse_role(role) if role is not None else None
    clean_name = clean_text(name, "name") if name is not None else None
    pos = clean_text(position, "position", required=False) if position is not None else None
    un = clean_text(unit, "unit", required=False) if unit is not None else None
    with uow.write() as tx:
        user = _find_user(tx, username)
        before = _view(user)
        if active is False and user.id == actor.id:
            raise RuleViolation("ปิดบัญชีของตนเองไม่ได้ (you cannot deactivate your own account)")
        loses_admin = (
            user.role == Role.ADMIN.value
            and user.active
            and ((r is not None and r != Role.ADMIN) or active is False)
        )
        if loses_admin and _other_active_admins(tx, user) == 0:
            raise RuleViolation(
                "ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน "
                "(the office must keep at least one active administrator)"
            )
        if r is not None:
            user.role = r.value
        if clean_name is not None:
            user.name = clean_name
        if pos is not None:
            user.position = pos
        if un is not None:
            user.unit = un
        if active is not None:
            user.active = active
        tx.session.flush()
        view = _view(user)
        if view != before:
            tx.audit(actor.username, "user.update", "user", user.username, asdict(before),
                     asdict(view))  # fmt: skip
            tx.commit()
    return view


def set_password(uow: UnitOfWork, actor: Actor, username: str, password: str) -> UserView:
    """Give a user a new password (an administrator's reset). The audit entry says that it
    changed, never what to."""
    require(actor.role, "user.add")
    with uow.write() as tx:
        user = _find_user(tx, username)
        check_new_password(password, username=user.username, demo_office=is_demo_office(tx))
        user.password_hash = hash_password(password)
        tx.session.flush()
        view = _view(user)
        tx.audit(actor.username, "user.password", "user", user.username, None,
                 {"password": "changed"})  # fmt: skip
        tx.commit()
    return view


# ---------------------------------------------------------------- the password policy
#
# domain.passwords holds the rules (NIST SP 800-63B). What only the database knows: whether
# this is the demo office, where the demo users' password ``demo`` is exempt. ``init --demo``
# marks it (mark_demo_office) with a row no command can write: the key is not in the
# settings registry, so `settings set` refuses it.

DEMO_MARK = ("office", "office.demo")


def is_demo_office(tx: Transaction) -> bool:
    row = tx.session.get(Setting, DEMO_MARK)
    return row is not None and row.value == "true"


def mark_demo_office(tx: Transaction, actor: Actor) -> None:
    """Called by ``init --demo`` only, in the transaction that adds the demo office."""
    if is_demo_office(tx):
        return
    scope, key = DEMO_MARK
    tx.session.add(Setting(scope=scope, key=key, value="true"))
    tx.session.flush()
    tx.audit(actor.username, "settings.set", "setting", f"{scope}/{key}", None, "true")


def password_shortfall(uow: UnitOfWork, username: str, password: str) -> str | None:
    """Why a password that just logged in falls short of today's policy (the GUI then asks
    for a new one), or None."""
    with uow.read() as tx:
        demo = is_demo_office(tx)
    return password_problem(password, username=username, demo_office=demo)


def change_own_password(uow: UnitOfWork, username: str, old: str, new: str) -> UserView:
    """A user replaces their own password: the old one is checked again (AuthError, exit 4),
    the new one must meet the policy and differ from the old (InvalidInput, exit 3)."""
    actor = authenticate(uow, username, old)
    if new == old:
        raise InvalidInput(
            "รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม (the new password must differ from the old one)",
            field="password",
        )
    with uow.write() as tx:
        user = _find_user(tx, actor.username)
        if not user.active:  # deactivated meanwhile
            raise AuthError("บัญชีนี้ถูกปิดแล้ว (this account is deactivated)")
        check_new_password(new, username=user.username, demo_office=is_demo_office(tx))
        user.password_hash = hash_password(new)
        tx.session.flush()
        view = _view(user)
        tx.audit(actor.username, "user.password", "user", user.username, None,
                 {"password": "changed by the user"})  # fmt: skip
        tx.commit()
    return view
