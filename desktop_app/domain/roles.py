"""Roles and what each may do. One table, so the permission rules can be read in one place
and tested as a role × action matrix."""

from __future__ import annotations

from enum import StrEnum

from desktop_app.domain.errors import Forbidden


class Role(StrEnum):
    ADMIN = "admin"
    CLERK = "clerk"
    SUPPLY_OFFICER = "supply_officer"
    SUPPLY_HEAD = "supply_head"
    AGENCY_HEAD = "agency_head"
    STAFF = "staff"


_QUEUE_STAFF = frozenset({Role.ADMIN, Role.CLERK})
_ADMIN = frozenset({Role.ADMIN})
_EVERYONE = frozenset(Role)
# The supply officer keeps the register and hands over, inspects, settles and follows up.
_SUPPLY = frozenset({Role.ADMIN, Role.SUPPLY_OFFICER})
_HEADS = frozenset({Role.ADMIN, Role.AGENCY_HEAD, Role.SUPPLY_HEAD})

# action -> roles allowed. Read-only actions are not listed: anyone may read.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "user.add": _ADMIN,
    "service.add": _ADMIN,
    "counter.add": _ADMIN,
    "settings.set": _ADMIN,
    "restore": _ADMIN,
    "backup.run": _ADMIN,
    "ticket.issue": _QUEUE_STAFF,
    "ticket.call": _QUEUE_STAFF,
    "ticket.recall": _QUEUE_STAFF,
    "ticket.complete": _QUEUE_STAFF,
    "ticket.no_show": _QUEUE_STAFF,
    "ticket.transfer": _QUEUE_STAFF,
    "ticket.pick": _QUEUE_STAFF,
    "ticket.reprint": _QUEUE_STAFF,
    "asset.add": _SUPPLY,
    "asset.import": _SUPPLY,
    # Anyone logged in may ask to borrow, or cancel what they asked for (the service
    # checks it is theirs unless they are supply staff).
    "loan.request": _EVERYONE,
    "loan.cancel": _EVERYONE,
    # Deciding is open to every role here; clause 208/210 then demands the one approver the
    # case needs, or a user holding a recorded delegation of that role
    # (domain.loans.approving_authority, exit 4 naming the clause).
    "loan.approve": _EVERYONE,
    "loan.reject": _EVERYONE,
    "loan.handover": _SUPPLY,
    "loan.return": _SUPPLY,
    "loan.settle": _SUPPLY,
    "loan.followup": _SUPPLY,
    "delegation.add": _HEADS,
    "delegation.revoke": _HEADS,
    # Statistics and their exports (issue 7): the heads and the administrator. Counter
    # staff see today's queue figures on their console (ui.counter), nothing more.
    "report.view": _HEADS,
    # Integrity and transparency (issue 16). Publishing the office's guideline is for the
    # heads; everyone acknowledges it and may report misuse of government property.
    # Reports are handled by the agency head and admins (and the users named in the
    # setting misuse.handlers, checked by services.misuse); the ITA evidence pack is
    # theirs too. The custodian (supply officer) reports monthly; a head signs it off.
    "rules.publish": _HEADS,
    "rules.ack": _EVERYONE,
    "misuse.report": _EVERYONE,
    "misuse.handle": frozenset({Role.ADMIN, Role.AGENCY_HEAD}),
    "report.ita": frozenset({Role.ADMIN, Role.AGENCY_HEAD}),
    "custodian.submit": frozenset({Role.ADMIN, Role.SUPPLY_OFFICER, Role.SUPPLY_HEAD}),
    "custodian.signoff": _HEADS,
    # Device tokens for kiosk and board PCs (issue 17; services.devices).
    "device.add": _ADMIN,
    "device.list": _ADMIN,  # CLI.md: "Admins add, list and revoke"
    "device.revoke": _ADMIN,
    # Appointments (issue 15): the administrator opens slots; the counter books, cancels and
    # checks in (kiosk devices check in too).
    "slot.generate": _ADMIN,
    "appointment.book": _QUEUE_STAFF,
    "appointment.cancel": _QUEUE_STAFF,
    "appointment.checkin": _QUEUE_STAFF,
}


def parse_role(value: str) -> Role:
    from desktop_app.domain.errors import InvalidInput

    try:
        return Role(value)
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise InvalidInput(f"ไม่รู้จักบทบาท '{value[:40]}' (unknown role; one of: {allowed})") from None


def require(role: Role, action: str) -> None:
    allowed = PERMISSIONS[action]
    if role not in allowed:
        raise Forbidden(
            f"บทบาท {role.value} ไม่มีสิทธิ์ทำรายการนี้ (role '{role.value}' may not do '{action}')",
            action=action,
        )
