"""Keeping the register from its window (issue 19, item 8), as the supply officer does it:
add an asset, correct it, write one off with the reason and the document number, import an
Excel file with the row-by-row report and a progress bar, export; the request button is off
for what cannot be lent. Every change is in the audit trail."""

from __future__ import annotations

import json
import shutil

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QTableWidget
from sqlalchemy import select

from db.models import AuditEntry
from desktop_app.services import assets
from desktop_app.services.asset_edit import update_asset
from desktop_app.services.assets import asset_input_of
from desktop_app.ui.asset_register import AssetRegisterWindow
from tests.gui.conftest import WAIT_MS, button, type_thai
from tests.support.db import actor
from tests.support.loans import PROJECTOR, TENT

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "assets.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def register(qtbot, env):
    window = AssetRegisterWindow(env, actor(env.uow, "supply"))
    qtbot.addWidget(window)
    env.windows.append(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.model.total == 10, timeout=WAIT_MS)
    return window


def audit(env, action: str) -> list[AuditEntry]:
    with env.uow.read() as tx:
        return list(
            tx.session.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars()
        )


def choose(qtbot, w, asset_no: str) -> None:
    qtbot.keyClicks(w.scan, asset_no)
    qtbot.keyClick(w.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.detail is not None and w.detail.asset_no == asset_no,
                    timeout=WAIT_MS)  # fmt: skip


def field(dialog, name: str) -> QLineEdit:
    found = dialog.findChild(QLineEdit, name)
    assert found is not None and found.isVisible() and found.isEnabled(), name
    return found


def retype(qtbot, widget: QLineEdit, text: str) -> None:
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def test_add_an_asset_a_bad_price_keeps_the_dialog_open(qtbot, register, env, dialogs):
    w = register

    def fill(dialog):
        qtbot.keyClicks(field(dialog, "assetNo"), "7110-009-0001/2569")
        type_thai(field(dialog, "assetName"), "โต๊ะประชุม")
        qtbot.keyClicks(field(dialog, "assetPrice"), "abc")
        retype(qtbot, field(dialog, "assetAcquired"), "01/10/2569")
        type_thai(field(dialog, "assetHolder"), "ฝ่ายปกครอง")
        qtbot.mouseClick(button(dialog, "ok"), LEFT)
        assert dialog.isVisible()  # refused, and said why
        assert dialog.findChild(QLabel, "assetError").text() != ""
        retype(qtbot, field(dialog, "assetPrice"), "12500")
        qtbot.mouseClick(button(dialog, "ok"), LEFT)

    dialogs.answer(fill)
    qtbot.mouseClick(button(w, "assetAdd"), LEFT)
    qtbot.waitUntil(lambda: w.model.total == 11, timeout=WAIT_MS)
    a = assets.show_asset(env.uow, "7110-009-0001/2569")
    assert (a.name, str(a.price), a.acquired.isoformat(), a.unit_holder) == (
        "โต๊ะประชุม", "12500.00", "2026-10-01", "ฝ่ายปกครอง"
    )  # fmt: skip
    assert [e.entity_id for e in audit(env, "asset.add")][-1] == "7110-009-0001/2569"
    qtbot.waitUntil(lambda: w.selected_asset == "7110-009-0001/2569", timeout=WAIT_MS)


def test_edit_the_selected_asset(qtbot, register, env, dialogs):
    w = register
    choose(qtbot, w, PROJECTOR)
    qtbot.waitUntil(lambda: button(w, "assetEdit").isEnabled(), timeout=WAIT_MS)

    def move(dialog):
        assert field(dialog, "assetNo").isReadOnly()
        retype(qtbot, field(dialog, "assetLocation"), "ROOM 301")
        qtbot.mouseClick(button(dialog, "ok"), LEFT)

    dialogs.answer(move)
    qtbot.mouseClick(button(w, "assetEdit"), LEFT)
    qtbot.waitUntil(lambda: w.fields["location"][1].text() == "ROOM 301", timeout=WAIT_MS)
    assert assets.show_asset(env.uow, PROJECTOR).location == "ROOM 301"
    entry = audit(env, "asset.edit")[-1]
    assert (entry.entity_id, json.loads(entry.after_json)) == (PROJECTOR, {"location": "ROOM 301"})


def test_write_off_needs_a_reason_and_a_document_number(qtbot, register, env, dialogs):
    w = register
    choose(qtbot, w, TENT)
    qtbot.waitUntil(lambda: button(w, "assetWriteOff").isEnabled(), timeout=WAIT_MS)
    assert button(w, "assetRequestLoan").isEnabled()

    def write_off(dialog):
        ok = button(dialog, "ok")
        assert not ok.isEnabled()
        type_thai(field(dialog, "writeOffReason"), "ชำรุดเกินซ่อม")
        assert not ok.isEnabled()  # the document number is required too
        type_thai(field(dialog, "writeOffDocument"), "กท 5201/123")
        qtbot.mouseClick(ok, LEFT)

    dialogs.answer(write_off)
    qtbot.mouseClick(button(w, "assetWriteOff"), LEFT)
    qtbot.waitUntil(lambda: w.detail.status == "written_off", timeout=WAIT_MS)
    assert assets.show_asset(env.uow, TENT).written_off
    after = json.loads(audit(env, "asset.write_off")[-1].after_json)
    assert (after["reason"], after["document_no"]) == ("ชำรุดเกินซ่อม", "กท 5201/123")
    assert not button(w, "assetRequestLoan").isEnabled()
    assert not button(w, "assetWriteOff").isEnabled()


def test_the_request_button_is_off_for_an_asset_under_repair(qtbot, register, env):
    w = register
    damaged = asset_input_of(
        next(a for a in assets.list_assets(env.uow) if a.asset_no == PROJECTOR)
    )
    from dataclasses import replace

    update_asset(env.uow, actor(env.uow, "supply"), replace(damaged, condition="damaged"))
    env.live.poke()
    choose(qtbot, w, PROJECTOR)
    qtbot.waitUntil(lambda: w.detail.status == "under_repair", timeout=WAIT_MS)
    request = button(w, "assetRequestLoan")
    assert not request.isEnabled()
    assert "ชำรุด รอซ่อม" in request.toolTip()


def _sheet(path, rows) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["asset_no", "name", "kind", "price", "acquired"])
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_import_excel_shows_the_bad_rows_then_imports_the_good_ones(
    qtbot, register, env, dialogs, tmp_path
):
    w = register
    path = tmp_path / "new-assets.xlsx"
    _sheet(path, [
        ["7110-010-0001/2569", "ตู้เหล็ก", "durable", 4500, "2026-01-10"],
        ["7110-010-0002/2569", "ตู้ไม้", "durable", "ไม่ทราบ", "2026-01-10"],
        ["7110-010-0003/2569", "ตู้กระจก", "durable", 6000, "2026-01-11"],
    ])  # fmt: skip
    dialogs.files.append(str(path))
    seen: dict[str, object] = {}

    def report(dialog):
        table = dialog.findChild(QTableWidget, "importErrors")
        seen["rows"] = [
            [table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())
        ]
        seen["ok"] = button(dialog, "ok").text()
        qtbot.mouseClick(button(dialog, "ok"), LEFT)

    dialogs.answer(report)
    qtbot.mouseClick(button(w, "assetImport"), LEFT)
    qtbot.waitUntil(lambda: w.model.total == 12, timeout=WAIT_MS)
    assert [r[:2] for r in seen["rows"]] == [["3", "price"]]  # line 3 as Excel numbers it
    assert "2" in str(seen["ok"])
    bar = w.findChild(QProgressBar, "assetProgress")
    assert bar.isVisible() and bar.value() == bar.maximum() > 0
    assert len(audit(env, "asset.add")) >= 2
    assert "นำเข้า 2 รายการ" in w.message.text()


def test_export_writes_the_register(qtbot, register, env, dialogs, tmp_path):
    w = register
    target = tmp_path / "register.xlsx"
    dialogs.files.append(str(target))
    qtbot.mouseClick(button(w, "assetExport"), LEFT)
    qtbot.waitUntil(lambda: "ส่งออก 10 รายการ" in w.message.text(), timeout=WAIT_MS)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert len(rows) == 11


def test_at_1366_the_holding_unit_is_in_view_and_a_cut_name_reads_in_full(register):
    w = register
    view = w.table
    holder = 6
    right = view.columnViewportPosition(holder) + view.columnWidth(holder)
    assert view.columnViewportPosition(holder) >= 0 and right <= view.viewport().width()
    row = next(r for r in range(w.model.rowCount()) if "Toyota" in w.model.row_at(r).name)
    tip = w.model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == w.model.row_at(row).name  # the whole name, however narrow the column
