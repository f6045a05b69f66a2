"""Keeping the register from the window: correct an asset's record, and write an asset off
(จำหน่ายพัสดุ) with the reason and the number of the document that approved it.

Both are supply staff's work (the ``asset.add`` permission), each one transaction with one
audit entry that holds the fields before and after; a refusal changes nothing.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import select

from db.models import Loan, LoanItem
from db.uow import UnitOfWork
from desktop_app.domain.assets import AssetKind, Condition
from desktop_app.domain.errors import Conflict, InvalidInput
from desktop_app.domain.loans import PENDING, LoanStatus
from desktop_app.domain.roles import require
from desktop_app.domain.text import clean_text
from desktop_app.services.assets import (
    AssetInput,
    AssetView,
    asset_view,
    category_for,
    find_asset,
    refresh_status,
)
from desktop_app.services.auth import Actor

EDITED_FIELDS = ("name", "category", "qty", "unit", "min_stock", "price", "acquired",
                 "unit_holder", "location", "condition", "lendable", "note")  # fmt: skip


def _plain(view: AssetView) -> dict[str, Any]:
    d = dataclasses.asdict(view)
    return {**d, "price": str(view.price), "acquired": view.acquired.isoformat()}


def update_asset(uow: UnitOfWork, actor: Actor, inp: AssetInput) -> AssetView:
    """Correct the record of ``inp.asset_no`` (its number and kind stay as registered)."""
    require(actor.role, "asset.add")
    data = inp.validate()
    with uow.write() as tx:
        a = find_asset(tx, data.asset_no)
        if a.written_off:
            raise Conflict(
                f"พัสดุ {a.asset_no} จำหน่ายแล้ว แก้ไขไม่ได้ (asset {a.asset_no} is written off)"
            )
        if data.kind != a.kind:
            raise InvalidInput(
                "เปลี่ยนประเภทพัสดุไม่ได้ ให้จำหน่ายแล้วลงทะเบียนใหม่ "
                "(the kind cannot change: write it off and register it anew)",
                field="kind",
            )
        before = _plain(asset_view(a))
        cat, _new = category_for(tx, data.category)
        a.name, a.category, a.unit = data.name, cat, data.unit
        if AssetKind(a.kind) is AssetKind.CONSUMABLE:
            a.qty_on_hand, a.min_stock = data.qty, data.min_stock
        a.price, a.acquired_on = data.price, data.acquired
        a.unit_holder, a.location, a.note = data.unit_holder, data.location, data.note
        a.condition, a.lendable = Condition(data.condition).value, data.lendable
        tx.session.flush()
        refresh_status(tx, [a])
        view = asset_view(a)
        after = _plain(view)
        changed = [k for k in EDITED_FIELDS if before.get(k) != after.get(k)]
        tx.audit(actor.username, "asset.edit", "asset", a.asset_no,
                 {k: before[k] for k in changed}, {k: after[k] for k in changed})  # fmt: skip
        tx.commit()
    return view


def write_off_asset(
    uow: UnitOfWork, actor: Actor, asset_no: str, reason: str, document_no: str
) -> AssetView:
    """Take an asset off the books: it is never lent again. An asset that is lent out or
    promised to a pending request is refused (return or cancel that first)."""
    require(actor.role, "asset.add")
    why = clean_text(reason, "reason", max_len=500)
    document = clean_text(document_no, "document_no", max_len=100)
    with uow.write() as tx:
        a = find_asset(tx, asset_no)
        if a.written_off:
            raise Conflict(f"พัสดุ {a.asset_no} จำหน่ายแล้ว (asset {a.asset_no} already written off)")
        open_loan = tx.session.execute(
            select(Loan.loan_no)
            .join(LoanItem, LoanItem.loan_id == Loan.id)
            .where(
                LoanItem.asset_id == a.id,
                Loan.status.in_([s.value for s in (*PENDING, LoanStatus.ON_LOAN)]),
                LoanItem.returned_qty < LoanItem.qty,
            )
            .limit(1)
        ).scalar_one_or_none()
        if open_loan is not None:
            raise Conflict(
                f"พัสดุ {a.asset_no} อยู่ในคำขอยืม {open_loan} ที่ยังไม่ปิด "
                f"(asset {a.asset_no} is on the open loan {open_loan})"
            )
        before = {"status": a.status, "written_off": False}
        a.written_off = True
        tx.session.flush()
        refresh_status(tx, [a])
        tx.audit(actor.username, "asset.write_off", "asset", a.asset_no, before,
                 {"status": a.status, "written_off": True, "reason": why,
                  "document_no": document})  # fmt: skip
        view = asset_view(a)
        tx.commit()
    return view
