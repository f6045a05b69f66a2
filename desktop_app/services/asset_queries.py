"""What the asset register window reads: every asset as one plain row (one query, no ORM
objects, so 100,000 rows load in well under a second), and how a scanned QR code or a typed
number is matched to an asset number."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import select

from db.models import Asset, AssetCategory, AuditEntry
from db.uow import UnitOfWork
from desktop_app.domain.assets import normalise_asset_no
from printing.pdf.content import parse_asset_link, parse_loan_link


@dataclass(frozen=True, slots=True)
class AssetRow:
    asset_no: str
    name: str
    kind: str  # durable | consumable
    category: str  # the category code
    category_name: str
    status: str
    qty: int
    unit: str
    unit_holder: str
    location: str


def asset_rows(uow: UnitOfWork) -> list[AssetRow]:
    """The whole register, by asset number."""
    with uow.read() as tx:
        rows = tx.session.execute(
            select(
                Asset.asset_no, Asset.name, Asset.kind, AssetCategory.code, AssetCategory.name,
                Asset.status, Asset.qty_on_hand, Asset.unit, Asset.unit_holder, Asset.location,
            )
            .join(AssetCategory, AssetCategory.id == Asset.category_id)
            .order_by(Asset.asset_no)
        )  # fmt: skip
        return [AssetRow(*cast("tuple[Any, ...]", r)) for r in rows]


# What the register shows changes only with these audit entities (every write appends one).
REGISTER_ENTITIES = ("asset", "asset_category", "loan", "database")


def register_revision(uow: UnitOfWork) -> int:
    """The sequence number of the last change to assets or loans: the register reloads its
    100,000 rows only when this moves, not on every ticket called at a counter. The newest
    matching entry is found by walking the primary key backwards, so it costs one short
    index scan."""
    with uow.read() as tx:
        last = tx.session.scalar(
            select(AuditEntry.id)
            .where(AuditEntry.entity.in_(REGISTER_ENTITIES))
            .order_by(AuditEntry.id.desc())
            .limit(1)
        )
        return int(last or 0)


def loan_number_in(text: str) -> str:
    """A typed loan number, the QR of our own loan record (``khetdesk://loan/…``,
    percent-encoded), or the last part of another link (``…/loan/ยพ.1/2570``)."""
    linked = parse_loan_link(text)
    if linked is not None:
        return linked
    t = text.strip()
    for marker in ("loan/", "LOAN:", "loan="):
        if marker in t:
            return t.rsplit(marker, 1)[1].strip()
    return t


_SEPARATORS = frozenset("/:=?#&| \t")


def match_scan(text: str, known: Container[str]) -> str | None:
    """The asset number a scan or a typed entry names: the whole text, or the longest
    ending of it that starts after a separator (``/ : = ? # &``) and is a known asset
    number — so a QR holding a link such as ``https://…/asset/7440-001-0001/2566`` or
    ``KHETDESK:ASSET:7440-001-0001/2566`` finds the asset too. None when nothing
    matches."""
    linked = parse_asset_link(text)  # the QR of our own labels, percent-encoded
    if linked is not None:
        text = linked
    whole = normalise_asset_no(text)
    if not whole:
        return None
    if whole in known:
        return whole
    for i, ch in enumerate(whole):
        if ch in _SEPARATORS:
            tail = normalise_asset_no(whole[i + 1 :])
            if tail and tail in known:
                return tail
    return None
