"""AssetInput.parse: loose values from the CLI, a CSV cell or an XLSX cell become one
validated register row; a bad one names its field (the importer's row report uses it)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from desktop_app.domain.errors import InvalidInput
from desktop_app.services.assets import AssetInput

BASE = {"asset_no": "7440-001-0001/2566", "name": "โน้ตบุ๊ก", "kind": "durable",
        "price": "25000", "acquired": "2023-07-15"}  # fmt: skip


def test_durable_defaults():
    a = AssetInput.parse(**BASE)
    assert a == AssetInput("7440-001-0001/2566", "โน้ตบุ๊ก", "durable", Decimal("25000.00"),
                           dt.date(2023, 7, 15), 1, "ชิ้น", "default", "", "", 0, "good",
                           True, "")  # fmt: skip
    assert a.validate() == a


def test_xlsx_cells():
    a = AssetInput.parse(asset_no="7530-001-0001", name="กระดาษ A4", kind="consumable",
                         price=115.0, acquired=dt.datetime(2026, 10, 5), qty=200.0, unit="รีม",
                         min_stock=20, category="Office-Supplies", lendable="ใช่")  # fmt: skip
    assert (a.price, a.acquired, a.qty, a.min_stock, a.category, a.lendable) == (
        Decimal("115.00"), dt.date(2026, 10, 5), 200, 20, "office-supplies", True
    )  # fmt: skip


def test_blank_cells_mean_not_given():
    a = AssetInput.parse(**BASE, qty="", unit=" ", category="", condition="", lendable="")
    assert (a.qty, a.unit, a.category, a.condition, a.lendable) == (1, "ชิ้น", "default",
                                                                    "good", True)  # fmt: skip


@pytest.mark.parametrize(
    "field,value",
    [
        ("asset_no", ""),
        ("asset_no", "7440 001"),
        ("name", "  "),
        ("kind", "furniture"),
        ("price", "-5"),
        ("price", "ยี่สิบ"),
        ("acquired", "15/07/2566"),
        ("qty", "2"),  # a durable asset is one item
        ("condition", "broken"),
        ("lendable", "maybe"),
        ("min_stock", "5"),  # only consumables keep a minimum
        ("unit_holder", "x" * 201),
    ],
)
def test_a_bad_field_is_named(field, value):
    with pytest.raises(InvalidInput) as e:
        AssetInput.parse(**{**BASE, field: value})
    assert e.value.details["field"] == field


@pytest.mark.parametrize("field,value", [("qty", None), ("qty", "-1"), ("qty", "1.5"),
                                         ("unit", ""), ("min_stock", "x")])  # fmt: skip
def test_a_consumable_needs_its_stock_and_unit(field, value):
    good = {**BASE, "kind": "consumable", "qty": "10", "unit": "รีม"}
    AssetInput.parse(**good)
    with pytest.raises(InvalidInput) as e:
        AssetInput.parse(**{**good, field: value})
    assert e.value.details["field"] == field


def test_validate_refuses_a_hand_built_bad_input():
    bad = dataclasses.replace(AssetInput.parse(**BASE), kind="gadget")
    with pytest.raises(InvalidInput):
        bad.validate()
