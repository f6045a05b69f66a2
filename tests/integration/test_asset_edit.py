"""Correcting and writing off assets (issue 19 item 8's services) on SQLite and PostgreSQL:
audited, supply staff only, and every refusal leaves the database as it was."""

from __future__ import annotations

import dataclasses
import json

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from desktop_app.domain.errors import Conflict, Forbidden, InvalidInput
from desktop_app.services.asset_edit import update_asset, write_off_asset
from desktop_app.services.assets import asset_input_of, list_assets, show_asset
from tests.support.db import actor, snapshot
from tests.support.loans import LAPTOP, PAPER, TENT, request


def _input(office, asset_no):
    return asset_input_of(next(a for a in list_assets(office) if a.asset_no == asset_no))


def test_edit_is_audited_with_the_changed_fields_only(office):
    supply = actor(office, "supply")
    inp = dataclasses.replace(_input(office, PAPER), qty=150, location="คลังพัสดุ 2")
    view = update_asset(office, supply, inp)
    assert (view.qty, view.location) == (150, "คลังพัสดุ 2")
    with office.read() as tx:
        entry = tx.session.execute(
            select(AuditEntry).where(AuditEntry.action == "asset.edit")
        ).scalar_one()
    assert json.loads(entry.after_json) == {"qty": 150, "location": "คลังพัสดุ 2"}
    assert json.loads(entry.before_json)["qty"] == 200


def test_refusals_change_nothing(office):
    supply, clerk = actor(office, "supply"), actor(office, "clerk1")
    request(office, actor(office, "staff1"), items=[LAPTOP])  # reserves the laptop
    before = snapshot(office.engine)
    with pytest.raises(Forbidden):
        write_off_asset(office, clerk, TENT, "ชำรุด", "กท 1/2569")
    with pytest.raises(InvalidInput):
        write_off_asset(office, supply, TENT, "  ", "กท 1/2569")
    with pytest.raises(InvalidInput):
        write_off_asset(office, supply, TENT, "ชำรุด", "")
    with pytest.raises(Conflict):  # promised to a pending request
        write_off_asset(office, supply, LAPTOP, "ชำรุด", "กท 1/2569")
    with pytest.raises(InvalidInput):  # the kind is what was registered
        update_asset(office, supply, dataclasses.replace(_input(office, TENT), kind="consumable",
                                                          qty=1, unit="หลัง"))  # fmt: skip
    assert snapshot(office.engine) == before


def test_a_written_off_asset_is_final(office):
    supply = actor(office, "supply")
    view = write_off_asset(office, supply, TENT, "ชำรุดเกินซ่อม", "กท 5201/123")
    assert (view.status, view.written_off) == ("written_off", True)
    assert show_asset(office, TENT).status == "written_off"
    before = snapshot(office.engine)
    with pytest.raises(Conflict):
        write_off_asset(office, supply, TENT, "ซ้ำ", "กท 5201/124")
    with pytest.raises(Conflict):
        update_asset(office, supply, _input(office, TENT))
    assert snapshot(office.engine) == before
