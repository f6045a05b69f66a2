"""The asset register: add an asset, list and show assets, and keep each asset's status in
step with its loans.

``AssetInput`` + ``add_asset(tx, actor, inp)`` is the API the CSV/XLSX importer
(services/asset_io.py) builds on: parse a row with ``AssetInput.parse`` (InvalidInput names
the bad field in ``details["field"]``), then add it inside the importer's own transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import joinedload

from db.models import Asset, AssetCategory, Borrower, Loan, LoanItem
from db.uow import Transaction, UnitOfWork
from desktop_app.domain.assets import (
    DEFAULT_CATEGORY,
    DEFAULT_DURABLE_UNIT,
    DEPRECIATION_CLASSES,
    AssetKind,
    AssetStatus,
    Condition,
    derive_status,
    normalise_asset_no,
    parse_bool,
    parse_condition,
    parse_date,
    parse_int,
    parse_kind,
    parse_money,
    parse_status,
    text_field,
    validate_asset_no,
    validate_category_code,
)
from desktop_app.domain.errors import Conflict, InvalidInput, NotFound
from desktop_app.domain.loans import LENT, PENDING, LoanStatus
from desktop_app.domain.roles import require
from desktop_app.services.auth import Actor


def _given(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class AssetInput:
    """One asset for the register, validated. Build it with ``parse`` from loose values."""

    asset_no: str
    name: str
    kind: str  # durable | consumable
    price: Decimal  # durable: acquisition price; consumable: price per unit
    acquired: dt.date
    qty: int = 1  # consumable: quantity on hand; durable: 1
    unit: str = ""  # consumable: required (รีม, กล่อง); durable: defaults to ชิ้น
    category: str = DEFAULT_CATEGORY
    unit_holder: str = ""
    location: str = ""
    min_stock: int = 0  # consumables: the stock the office keeps (clause 210)
    condition: str = Condition.GOOD.value
    lendable: bool = True
    note: str = ""

    @classmethod
    def parse(
        cls,
        *,
        asset_no: object,
        name: object,
        kind: object,
        price: object,
        acquired: object,
        qty: object = None,
        unit: object = None,
        category: object = None,
        unit_holder: object = None,
        location: object = None,
        min_stock: object = None,
        condition: object = None,
        lendable: object = None,
        note: object = None,
    ) -> AssetInput:
        """From a CLI option, a CSV cell (text; blank = not given) or an XLSX cell (number,
        date). Raises InvalidInput with ``details["field"]``; touches no database."""
        k = parse_kind(str(kind if kind is not None else ""))
        if k is AssetKind.DURABLE:
            if _given(qty) and parse_int(qty, "qty", minimum=0) != 1:
                raise InvalidInput(
                    "ครุภัณฑ์หนึ่งรายการคือหนึ่งเลขครุภัณฑ์ จำนวนต้องเป็น 1 "
                    "(a durable asset is one item per asset number: qty must be 1)",
                    field="qty",
                )
            if _given(min_stock) and parse_int(min_stock, "min_stock") != 0:
                raise InvalidInput(
                    "ครุภัณฑ์ไม่มีปริมาณขั้นต่ำ (min_stock is for consumables only)",
                    field="min_stock",
                )
            number, unit_text = 1, text_field(unit, "unit", "หน่วยนับ", max_len=40, required=False)
            unit_text = unit_text or DEFAULT_DURABLE_UNIT
            minimum = 0
        else:
            if not _given(qty):
                raise InvalidInput(
                    "วัสดุต้องระบุจำนวนคงเหลือ (a consumable needs its quantity on hand, --qty)",
                    field="qty",
                )
            number = parse_int(qty, "qty", minimum=0)
            unit_text = text_field(unit, "unit", "หน่วยนับ", max_len=40)
            minimum = parse_int(min_stock, "min_stock") if _given(min_stock) else 0
        return cls(
            asset_no=validate_asset_no(str(asset_no if asset_no is not None else "")),
            name=text_field(name, "name", "ชื่อพัสดุ"),
            kind=k.value,
            price=parse_money(price, "price"),
            acquired=parse_date(acquired, "acquired"),
            qty=number,
            unit=unit_text,
            category=validate_category_code(str(category))
            if _given(category)
            else DEFAULT_CATEGORY,
            unit_holder=text_field(unit_holder, "unit_holder", "หน่วยที่ครอบครอง", required=False),
            location=text_field(location, "location", "สถานที่เก็บ", required=False),
            min_stock=minimum,
            condition=parse_condition(str(condition)).value if _given(condition) else "good",
            lendable=parse_bool(lendable, "lendable") if _given(lendable) else True,
            note=text_field(note, "note", "หมายเหตุ", max_len=1000, required=False),
        )

    def validate(self) -> AssetInput:
        """A normalised copy, with the same checks as ``parse``."""
        return AssetInput.parse(**dataclasses.asdict(self))


@dataclass(frozen=True)
class AssetView:
    asset_no: str
    name: str
    kind: str
    category: str
    status: str
    qty: int  # consumable: on hand; durable: 1
    unit: str
    min_stock: int
    price: Decimal
    acquired: dt.date
    unit_holder: str
    location: str
    condition: str
    lendable: bool
    written_off: bool
    note: str


@dataclass(frozen=True)
class AssetLoanLine:
    loan_no: str
    status: str
    borrower: str
    start: dt.date
    due: dt.date
    qty: int
    returned_qty: int
    condition_out: str | None
    condition_in: str | None


@dataclass(frozen=True)
class AssetDetail:
    asset_no: str
    name: str
    kind: str
    category: str
    category_name: str
    depreciation: str
    status: str
    qty: int
    unit: str
    min_stock: int
    price: Decimal
    acquired: dt.date
    unit_holder: str
    location: str
    condition: str
    lendable: bool
    written_off: bool
    note: str
    lent_out: int  # consumable: quantity now with borrowers
    loans: tuple[AssetLoanLine, ...]


@dataclass(frozen=True)
class CategoryView:
    code: str
    name: str
    depreciation: str
    useful_life_years: int | None


def asset_view(a: Asset) -> AssetView:
    return AssetView(
        a.asset_no, a.name, a.kind, a.category.code, a.status, a.qty_on_hand, a.unit,
        a.min_stock, a.price, a.acquired_on, a.unit_holder, a.location, a.condition,
        a.lendable, a.written_off, a.note,
    )  # fmt: skip


def asset_input_of(view: AssetView) -> AssetInput:
    """The register row back as input (for an export that can be imported again)."""
    return AssetInput(
        view.asset_no, view.name, view.kind, view.price, view.acquired, view.qty, view.unit,
        view.category, view.unit_holder, view.location, view.min_stock, view.condition,
        view.lendable, view.note,
    )  # fmt: skip


def audit_state(a: Asset) -> dict[str, object]:
    return {
        "asset_no": a.asset_no,
        "status": a.status,
        "condition": a.condition,
        "qty": a.qty_on_hand,
        "written_off": a.written_off,
    }


def find_asset(tx: Transaction, asset_no: str) -> Asset:
    key = normalise_asset_no(asset_no)
    a = tx.session.execute(select(Asset).where(Asset.asset_no == key)).scalar_one_or_none()
    if a is None:
        raise NotFound(f"ไม่พบพัสดุเลขที่ {key[:64]} (no such asset)")
    return a


def category_for(tx: Transaction, code: str) -> tuple[AssetCategory, bool]:
    """The category, created (with the default depreciation rate) when new. Remembered for
    the rest of the transaction: an import of 10,000 rows asks for the same few."""
    known: dict[str, AssetCategory] = tx.session.info.setdefault("asset_categories", {})
    cat = known.get(code)
    if cat is None:
        cat = tx.session.execute(
            select(AssetCategory).where(AssetCategory.code == code)
        ).scalar_one_or_none()
    if cat is not None:
        known[code] = cat
        return cat, False
    rate = code if code in DEPRECIATION_CLASSES else "default"
    cat = AssetCategory(code=code, name=code, depreciation=rate)
    tx.session.add(cat)
    tx.session.flush()
    known[code] = cat
    return cat, True


def add_category(
    tx: Transaction, actor: Actor, code: str, name: str, depreciation: str = "default"
) -> CategoryView:
    """A register category; ``depreciation`` picks the rate setting (``default`` or
    ``vehicle``)."""
    require(actor.role, "asset.add")
    c = validate_category_code(code)
    n = text_field(name, "name", "ชื่อหมวด")
    if depreciation not in DEPRECIATION_CLASSES:
        raise InvalidInput(
            f"อัตราค่าเสื่อมต้องเป็น {', '.join(DEPRECIATION_CLASSES)} "
            f"(depreciation must be one of {', '.join(DEPRECIATION_CLASSES)})"
        )
    if tx.session.execute(select(AssetCategory.id).where(AssetCategory.code == c)).first():
        raise Conflict(f"มีหมวด {c} อยู่แล้ว (category {c} already exists)")
    cat = AssetCategory(code=c, name=n, depreciation=depreciation)
    tx.session.add(cat)
    tx.session.flush()
    view = CategoryView(cat.code, cat.name, cat.depreciation, cat.useful_life_years)
    tx.audit(actor.username, "category.add", "asset_category", c, None, dataclasses.asdict(view))
    return view


def add_asset(tx: Transaction, actor: Actor, inp: AssetInput) -> AssetView:
    """Add one asset inside an open write transaction. A duplicate asset number is a
    Conflict found by a query first, so the transaction stays usable for the next row."""
    require(actor.role, "asset.add")
    data = inp.validate()
    s = tx.session
    if s.execute(select(Asset.id).where(Asset.asset_no == data.asset_no)).first():
        raise Conflict(
            f"มีพัสดุเลขที่ {data.asset_no} ในทะเบียนแล้ว (asset {data.asset_no} already exists)",
            field="asset_no",
        )
    cat, new_category = category_for(tx, data.category)
    kind = AssetKind(data.kind)
    condition = Condition(data.condition)
    asset = Asset(
        asset_no=data.asset_no, name=data.name, kind=kind.value, category=cat, unit=data.unit,
        qty_on_hand=data.qty, min_stock=data.min_stock, price=data.price,
        acquired_on=data.acquired, unit_holder=data.unit_holder, location=data.location,
        condition=condition.value, lendable=data.lendable, written_off=False,
        status=derive_status(kind, condition, False, False, False).value, note=data.note,
        created_at=tx.now(),
    )  # fmt: skip
    s.add(asset)  # flushed with its audit entry, or by the next query (autoflush)
    view = asset_view(asset)
    after = {**dataclasses.asdict(view), "price": str(view.price),
             "acquired": view.acquired.isoformat()}  # fmt: skip
    if new_category:
        after["new_category"] = cat.code
    tx.audit(actor.username, "asset.add", "asset", asset.asset_no, None, after)
    return view


def create_asset(uow: UnitOfWork, actor: Actor, inp: AssetInput) -> AssetView:
    """`asset add`: one asset, one transaction."""
    require(actor.role, "asset.add")
    with uow.write() as tx:
        view = add_asset(tx, actor, inp)
        tx.commit()
    return view


# ---------------------------------------------------------------- status


def compute_statuses(tx: Transaction, assets: Iterable[Asset]) -> dict[int, AssetStatus]:
    """Each asset's status from its condition, write-off and loans (domain.assets)."""
    items = list(assets)
    ids = [a.id for a in items]
    if not ids:
        return {}
    s = tx.session
    on_loan = set(
        s.scalars(
            select(LoanItem.asset_id)
            .join(Loan, Loan.id == LoanItem.loan_id)
            .where(
                LoanItem.asset_id.in_(ids),
                Loan.status == LoanStatus.ON_LOAN.value,
                LoanItem.returned_qty < LoanItem.qty,
            )
        )
    )
    reserved = set(
        s.scalars(
            select(LoanItem.asset_id)
            .join(Loan, Loan.id == LoanItem.loan_id)
            .where(LoanItem.asset_id.in_(ids), Loan.status.in_([p.value for p in PENDING]))
        )
    )
    return {
        a.id: derive_status(
            AssetKind(a.kind),
            Condition(a.condition),
            a.written_off,
            a.id in on_loan,
            a.id in reserved,
        )
        for a in items
    }


def refresh_status(tx: Transaction, assets: Iterable[Asset]) -> None:
    """Store the derived status again after a change to the asset or its loans."""
    items = list(assets)
    statuses = compute_statuses(tx, items)
    for a in items:
        a.status = statuses[a.id].value
    tx.session.flush()


# ---------------------------------------------------------------- reading


def list_assets(
    uow: UnitOfWork,
    status: str | None = None,
    kind: str | None = None,
    never_lent: bool = False,
    unit_holder: str | None = None,
) -> list[AssetView]:
    """The register, by asset number. ``never_lent``: assets never handed over on a loan."""
    st = parse_status(status) if status else None
    k = parse_kind(kind) if kind else None
    with uow.read() as tx:
        stmt = select(Asset).options(joinedload(Asset.category)).order_by(Asset.asset_no)
        if st is not None:
            stmt = stmt.where(Asset.status == st.value)
        if k is not None:
            stmt = stmt.where(Asset.kind == k.value)
        if unit_holder:
            stmt = stmt.where(Asset.unit_holder == unit_holder.strip())
        if never_lent:
            lent = (
                select(LoanItem.id)
                .join(Loan, Loan.id == LoanItem.loan_id)
                .where(LoanItem.asset_id == Asset.id, Loan.status.in_([s.value for s in LENT]))
            )
            stmt = stmt.where(~exists(lent))
        return [asset_view(a) for a in tx.session.execute(stmt).scalars()]


def show_asset(uow: UnitOfWork, asset_no: str) -> AssetDetail:
    """One asset with its loan history, newest first."""
    with uow.read() as tx:
        a = find_asset(tx, asset_no)
        rows = tx.session.execute(
            select(LoanItem, Loan, Borrower)
            .join(Loan, Loan.id == LoanItem.loan_id)
            .join(Borrower, Borrower.id == Loan.borrower_id)
            .where(LoanItem.asset_id == a.id)
            .order_by(Loan.requested_at.desc(), Loan.id.desc())
        ).all()
        lines = tuple(
            AssetLoanLine(loan.loan_no, loan.status, borrower.name, loan.start_on, loan.due_on,
                          item.qty, item.returned_qty, item.condition_out, item.condition_in)
            for item, loan, borrower in rows
        )  # fmt: skip
        out = tx.session.scalar(
            select(func.coalesce(func.sum(LoanItem.qty - LoanItem.returned_qty), 0))
            .join(Loan, Loan.id == LoanItem.loan_id)
            .where(and_(LoanItem.asset_id == a.id, Loan.status == LoanStatus.ON_LOAN.value))
        )
        v = asset_view(a)
        return AssetDetail(
            v.asset_no, v.name, v.kind, v.category, a.category.name, a.category.depreciation,
            v.status, v.qty, v.unit, v.min_stock, v.price, v.acquired, v.unit_holder,
            v.location, v.condition, v.lendable, v.written_off, v.note, int(out or 0), lines,
        )  # fmt: skip


def list_categories(uow: UnitOfWork) -> list[CategoryView]:
    with uow.read() as tx:
        rows = tx.session.execute(select(AssetCategory).order_by(AssetCategory.code)).scalars()
        return [CategoryView(c.code, c.name, c.depreciation, c.useful_life_years) for c in rows]
