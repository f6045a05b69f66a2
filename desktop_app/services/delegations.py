"""Delegation of the power to approve loans (clause 208: "a delegated official may act for
the head — record the delegation").

A head records that user X may approve for role R (agency_head or supply_head) from one
date to another. An agency head may delegate either role, a supply head only their own,
an admin either. An approval under it names the role acted for, in the loan and in its
audit entry; the borrower still never approves their own loan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from db.models import Delegation, User
from db.uow import Transaction, UnitOfWork
from desktop_app.domain.assets import text_field
from desktop_app.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from desktop_app.domain.loans import Delegated
from desktop_app.domain.roles import Role, parse_role, require
from desktop_app.domain.thai_time import business_date
from desktop_app.services.auth import Actor
from desktop_app.services.borrowers import find_user

DELEGABLE = (Role.AGENCY_HEAD, Role.SUPPLY_HEAD)


@dataclass(frozen=True)
class DelegationView:
    id: int
    user: str
    name: str
    role: str
    unit: str
    valid_from: dt.date
    valid_until: dt.date | None
    note: str
    granted_by: str | None
    granted_at: dt.datetime
    revoked_at: dt.datetime | None
    active: bool  # in force today


def _view(d: Delegation, today: dt.date) -> DelegationView:
    return DelegationView(
        d.id, d.user.username, d.user.name, d.role, d.unit, d.valid_from, d.valid_until, d.note,
        d.granted_by.username if d.granted_by is not None else None, d.granted_at, d.revoked_at,
        _in_force(d, today),
    )  # fmt: skip


def _in_force(d: Delegation, day: dt.date) -> bool:
    return (
        d.revoked_at is None
        and d.valid_from <= day
        and (d.valid_until is None or day <= d.valid_until)
    )


def _state(d: Delegation) -> dict[str, object]:
    return {
        "user": d.user.username,
        "role": d.role,
        "unit": d.unit,
        "from": d.valid_from.isoformat(),
        "until": d.valid_until.isoformat() if d.valid_until else None,
        "note": d.note,
        "revoked": d.revoked_at is not None,
    }


def active_delegations(tx: Transaction, user_id: int | None, day: dt.date) -> list[Delegated]:
    """What a user may approve for on ``day`` under recorded delegations."""
    if user_id is None:
        return []
    rows = tx.session.execute(
        select(Delegation)
        .where(
            Delegation.user_id == user_id,
            Delegation.revoked_at.is_(None),
            Delegation.valid_from <= day,
            or_(Delegation.valid_until.is_(None), Delegation.valid_until >= day),
        )
        .order_by(Delegation.id)
    ).scalars()
    return [
        Delegated(
            d.id, Role(d.role), d.unit, d.granted_by.username if d.granted_by is not None else ""
        )
        for d in rows
    ]


def _check_granter(actor: Actor, role: Role) -> None:
    if actor.role is Role.ADMIN or actor.role is Role.AGENCY_HEAD:
        return
    if actor.role is Role.SUPPLY_HEAD and role is Role.SUPPLY_HEAD:
        return
    raise Forbidden(
        f"บทบาท {actor.role.value} มอบอำนาจ {role.value} ไม่ได้ "
        f"(role '{actor.role.value}' may not delegate '{role.value}')",
        action="delegation.add",
    )


def add_delegation(
    uow: UnitOfWork,
    actor: Actor,
    username: str,
    role: str,
    *,
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
    unit: str | None = None,
    note: str | None = None,
) -> DelegationView:
    require(actor.role, "delegation.add")
    r = parse_role(role)
    if r not in DELEGABLE:
        raise InvalidInput(
            "มอบอำนาจอนุมัติได้เฉพาะ agency_head หรือ supply_head "
            f"(only agency_head or supply_head can be delegated, got '{r.value}')"
        )
    _check_granter(actor, r)
    note_text = text_field(note, "note", "หมายเหตุ", max_len=1000, required=False)
    unit_text = text_field(unit, "unit", "หน่วยงาน", required=False)
    with uow.write() as tx:
        today = business_date(tx.now())
        start = valid_from or today
        if valid_until is not None and valid_until < start:
            raise InvalidInput(
                f"วันสิ้นสุด {valid_until.isoformat()} ก่อนวันเริ่ม {start.isoformat()} "
                "(--until is before --from)"
            )
        user = find_user(tx, username)
        if user.id == actor.id:
            raise InvalidInput("มอบอำนาจให้ตนเองไม่ได้ (you cannot delegate to yourself)")
        granter = tx.session.get(User, actor.id) if actor.id is not None else None
        if not unit_text and r is Role.SUPPLY_HEAD and granter is not None:
            # The supply head acts for their own unit (208(2)); admin/agency head may name one.
            unit_text = granter.unit if granter.role == Role.SUPPLY_HEAD.value else ""
        d = Delegation(user=user, role=r.value, unit=unit_text, valid_from=start,
                       valid_until=valid_until, note=note_text, granted_by=granter,
                       granted_at=tx.now())  # fmt: skip
        tx.session.add(d)
        tx.session.flush()
        tx.audit(actor.username, "delegation.add", "delegation", d.id, None, _state(d))
        view = _view(d, today)
        tx.commit()
    return view


def revoke_delegation(uow: UnitOfWork, actor: Actor, delegation_id: int) -> DelegationView:
    require(actor.role, "delegation.revoke")
    with uow.write() as tx:
        d = tx.session.get(Delegation, delegation_id)
        if d is None:
            raise NotFound(f"ไม่พบการมอบอำนาจเลขที่ {delegation_id} (no such delegation)")
        _check_granter(actor, Role(d.role))
        if d.revoked_at is not None:
            raise Conflict(f"การมอบอำนาจ {d.id} ถูกยกเลิกแล้ว (delegation already revoked)")
        before = _state(d)
        d.revoked_at = tx.now()
        d.revoked_by_id = actor.id
        tx.session.flush()
        tx.audit(actor.username, "delegation.revoke", "delegation", d.id, before, _state(d))
        view = _view(d, business_date(tx.now()))
        tx.commit()
    return view


def list_delegations(uow: UnitOfWork, include_ended: bool = False) -> list[DelegationView]:
    """Delegations in force or still to come; with ``include_ended`` also the revoked and
    expired ones."""
    with uow.read() as tx:
        today = business_date(tx.now())
        rows = tx.session.execute(select(Delegation).order_by(Delegation.id)).scalars()
        views = [_view(d, today) for d in rows]
    if include_ended:
        return views
    return [
        v for v in views
        if v.revoked_at is None and (v.valid_until is None or v.valid_until >= today)
    ]  # fmt: skip
