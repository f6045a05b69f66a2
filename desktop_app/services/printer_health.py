"""The kiosks' printers as every counter sees them: each PC's last word on its ticket printer
(down, with why, or up again) is an audit entry, and the counters' banner lists the ones that
are down. Database only, no printing: a counter window reads this at start-up without loading
the printing stack (Pillow, QR, ESC/POS), which services.printer brings."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select

from db.models import AuditEntry
from db.uow import Transaction, UnitOfWork
from desktop_app.domain.roles import require
from desktop_app.services.auth import Actor
from desktop_app.services.settings import scope_of

# The kiosk checks its printer before anyone taps and after every ticket; each change of
# state (down, up again) is an audit entry, which every counter reads for its banner.
HEALTH_ENTITY = "kiosk_printer"
HEALTH_DOWN, HEALTH_UP = "printer.down", "printer.up"


@dataclass(frozen=True)
class PrinterHealth:
    machine: str  # the PC whose printer this is (its settings scope)
    ok: bool
    reason: str  # a printing.escpos_out.Failure value when not ok, for staff and the log
    thai: str
    english: str
    at: dt.datetime


def _last_health(tx: Transaction, machine: str) -> AuditEntry | None:
    return tx.session.execute(
        select(AuditEntry)
        .where(AuditEntry.entity == HEALTH_ENTITY, AuditEntry.entity_id == machine)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def record_printer_health(
    uow: UnitOfWork, actor: Actor, ok: bool, reason: str = "", thai: str = "", english: str = ""
) -> PrinterHealth:
    """This PC's ticket printer is down (with why) or working; audited when it changes."""
    require(actor.role, "ticket.issue")
    machine = scope_of("printer.connection")
    with uow.write() as tx:
        last = _last_health(tx, machine)
        state = {"ok": ok, "reason": reason, "thai": thai[:300], "english": english[:300]}
        if last is None or json.loads(last.after_json) != state:
            before = json.loads(last.after_json) if last is not None else None
            tx.audit(actor.username, HEALTH_UP if ok else HEALTH_DOWN, HEALTH_ENTITY, machine,
                     before, state)  # fmt: skip
        now = tx.now()
        tx.commit()
    return PrinterHealth(machine, ok, reason, thai, english, now)


def printer_faults(uow: UnitOfWork) -> tuple[PrinterHealth, ...]:
    """The kiosk printers that are down now (the last word of each PC is a fault)."""
    with uow.read() as tx:
        entries = tx.session.execute(
            select(AuditEntry)
            .where(AuditEntry.entity == HEALTH_ENTITY)
            .order_by(AuditEntry.id.desc())
            .limit(200)
        ).scalars()
        latest: dict[str, AuditEntry] = {}
        for e in entries:
            latest.setdefault(e.entity_id, e)
    out = []
    for machine, e in sorted(latest.items()):
        state = json.loads(e.after_json)
        if not state.get("ok"):
            out.append(PrinterHealth(machine, False, str(state.get("reason", "")),
                                     str(state.get("thai", "")), str(state.get("english", "")),
                                     e.at))  # fmt: skip
    return tuple(out)
