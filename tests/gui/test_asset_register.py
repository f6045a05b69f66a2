"""The asset register window: filtering as you type, by status, category and holding unit;
sorting; a scanned QR (the asset label's link) or a typed number ending in Enter jumps to
the asset and shows its loan history; the models through the model tester."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import asset_queries, loans
from desktop_app.services.asset_queries import AssetRow, loan_number_in, match_scan
from desktop_app.ui.asset_register import AssetRegisterWindow
from desktop_app.ui.asset_table import AssetTableModel
from desktop_app.ui.loan_widgets import AssetLoansModel, LoanSummaryModel, OverdueModel
from printing.pdf.content import asset_link, loan_link
from tests.gui.conftest import WAIT_MS, button, type_thai
from tests.support.db import actor
from tests.support.loans import CHAIRS, LAPTOP, PAPER, PROJECTOR, request

pytestmark = pytest.mark.gui


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
    window.show()
    qtbot.waitUntil(lambda: window.model.total == 10, timeout=WAIT_MS)
    return window


def numbers(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_typing_filters_and_enter_on_a_scan_jumps(qtbot, register):
    w = register
    assert w.count.text() == "แสดง 10 จาก 10 รายการ"
    type_thai(w.scan, "เก้าอี้")
    qtbot.waitUntil(lambda: w.model.rowCount() == 3, timeout=WAIT_MS)
    assert numbers(w.model) == list(CHAIRS)
    # The scanner types the label's link and Enter: the filter gives way to the asset.
    w.scan.clear()
    qtbot.keyClicks(w.scan, f"khetdesk://asset/{PROJECTOR}")
    qtbot.keyClick(w.scan, Qt.Key.Key_Return)
    assert w.selected_asset == PROJECTOR
    assert w.scan.text() == "" and w.model.rowCount() == 10
    assert w.message.text() == f"พบ {PROJECTOR}"
    qtbot.waitUntil(lambda: w.detail is not None and w.detail.asset_no == PROJECTOR,
                    timeout=WAIT_MS)  # fmt: skip
    assert w.detail_title.text() == "เครื่องฉายภาพโปรเจคเตอร์ Epson EB-X51"
    assert w.fields["price"][1].text() == "18,900.00 บาท"
    assert w.fields["acquired"][1].text() == "08/03/2565"
    # An unknown number says so, in Thai.
    qtbot.keyClicks(w.scan, "9999-999-9999/2599")
    qtbot.keyClick(w.scan, Qt.Key.Key_Return)
    assert w.message.text() == "ไม่พบพัสดุเลขที่ 9999-999-9999/2599"
    assert w.message.kind == "error"


def test_filters_by_status_category_and_holder(qtbot, register, env):
    w = register
    request(env.uow, actor(env.uow, "staff1"), items=[LAPTOP])  # reserves the laptop
    qtbot.waitUntil(lambda: "reserved" in {w.model.row_at(r).status
                                           for r in range(w.model.rowCount())},
                    timeout=WAIT_MS)  # fmt: skip
    w.status_filter.setCurrentIndex(w.status_filter.findData("reserved"))
    assert numbers(w.model) == [LAPTOP]
    assert w.model.index(0, 4).data() == "จองแล้ว"
    w.status_filter.setCurrentIndex(0)
    w.category_filter.setCurrentIndex(w.category_filter.findData("office-supplies"))
    assert numbers(w.model) == [PAPER]
    w.category_filter.setCurrentIndex(0)
    assert w.holder_filter.count() == 2  # everything, and ฝ่ายการคลัง
    w.holder_filter.setCurrentIndex(1)
    assert w.model.rowCount() == 10
    # A scan finds an asset hidden by a filter: the filters are cleared.
    w.category_filter.setCurrentIndex(w.category_filter.findData("vehicle"))
    assert w.model.rowCount() == 1
    qtbot.keyClicks(w.scan, PAPER)
    qtbot.keyClick(w.scan, Qt.Key.Key_Return)
    assert w.selected_asset == PAPER and w.category_filter.currentIndex() == 0


def test_sorting_keeps_the_selection(qtbot, register):
    w = register
    qtbot.keyClicks(w.scan, LAPTOP)
    qtbot.keyClick(w.scan, Qt.Key.Key_Return)
    w.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # quantity, most first
    assert w.model.index(0, 0).data() == PAPER  # 200 reams
    assert w.selected_asset == LAPTOP
    w.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert numbers(w.model)[-1] == "2310-001-0001/2563"
    w.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert numbers(w.model)[0] == "2310-001-0001/2563"


def test_loan_history_and_a_request_from_the_register(qtbot, register, env):
    w = register
    v = request(env.uow, actor(env.uow, "staff1"), items=[LAPTOP])
    qtbot.keyClicks(w.scan, LAPTOP)
    qtbot.keyClick(w.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.history.rowCount() == 1, timeout=WAIT_MS)
    assert w.history.index(0, 0).data() == v.loan_no
    assert w.history.index(0, 6).data() == "รออนุมัติ"
    loans.approve_loan(env.uow, actor(env.uow, "director"), v.loan_no)
    env.live.poke()  # a change elsewhere arrives by itself
    qtbot.waitUntil(lambda: w.history.rowCount() == 1
                    and w.history.index(0, 6).data() == "อนุมัติแล้ว รอส่งมอบ",
                    timeout=WAIT_MS)  # fmt: skip
    qtbot.mouseClick(button(w, "assetRequestLoan"), Qt.MouseButton.LeftButton)
    form = next(x for x in env.windows if x.objectName() == "loanRequest")
    qtbot.waitUntil(lambda: [line.asset_no for line in form.lines] == [LAPTOP],
                    timeout=WAIT_MS)  # fmt: skip


def test_match_scan():
    known = {LAPTOP, PAPER, "2566"}
    assert match_scan(f"  {LAPTOP} ", known) == LAPTOP
    assert match_scan(f"khetdesk://asset/{LAPTOP}", known) == LAPTOP  # the longest ending
    assert match_scan(f"https://office.example/a?asset={PAPER}", known) == PAPER
    assert match_scan("7440-001-0001", known) is None
    assert match_scan("", known) is None
    # Our own labels' QR (printing.pdf.content.asset_link): the "/" is percent-encoded.
    assert match_scan(asset_link(LAPTOP), known) == LAPTOP


def test_a_loan_number_from_a_typed_entry_or_a_scanned_record():
    assert loan_number_in(" ยม.0001/2570 ") == "ยม.0001/2570"
    assert loan_number_in(loan_link("ยม.0001/2570")) == "ยม.0001/2570"
    assert loan_number_in("https://office.example/loan/ยม.0002/2570") == "ยม.0002/2570"


def test_asset_table_model(qtmodeltester, office):
    model = AssetTableModel()
    qtmodeltester.check(model)
    model.set_rows(asset_queries.asset_rows(office))
    qtmodeltester.check(model)
    model.set_filter(text="โน้ตบุ๊ก")
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    assert model.find(f"KHETDESK://ASSET/{LAPTOP}") == LAPTOP
    assert model.row_of(PAPER) == -1  # filtered out


def test_the_loan_models(qtmodeltester, office):
    from desktop_app.services import assets, loan_desk_queries

    v = request(office, actor(office, "staff1"))
    for model, rows in (
        (LoanSummaryModel(), loans.list_loans(office)),
        (OverdueModel(), loans.overdue_loans(office)),
        (AssetLoansModel(), list(assets.show_asset(office, LAPTOP).loans)),
    ):
        qtmodeltester.check(model)
        model.set_rows(rows)
        qtmodeltester.check(model)
    from desktop_app.ui.loan_widgets import InboxModel

    inbox = InboxModel()
    inbox.set_rows(loan_desk_queries.inbox(office, actor(office, "director")))
    qtmodeltester.check(inbox)
    assert inbox.index(0, 0).data() == v.loan_no


def test_asset_rows_are_plain_rows(office):
    rows = asset_queries.asset_rows(office)
    assert rows[0] == AssetRow("2310-001-0001/2563", "รถยนต์กระบะ 4 ประตู Toyota Hilux Revo",
                               "durable", "vehicle", rows[0].category_name, "available", 1,
                               "คัน", "ฝ่ายการคลัง", "ลานจอดรถสำนักงานเขต")  # fmt: skip


def many_assets(env, tmp_path, n: int) -> None:
    """``n`` more laptops through the register import, as the supply officer would."""
    import csv

    from desktop_app.services.asset_io import import_assets

    path = tmp_path / "many.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["เลขครุภัณฑ์", "ชื่อ", "ประเภท", "ราคา", "วันที่ได้มา"])
        for i in range(1, n + 1):
            w.writerow([f"7440-010-{i:04d}/2566", f"โน้ตบุ๊ก {i}", "ครุภัณฑ์", "20000", "2023-07-01"])
    import_assets(env.uow, actor(env.uow, "supply"), path)
    env.live.poke()


def test_labels_of_the_selection_else_of_the_rows_listed_asking_above_ten_sheets(
    qtbot, register, env, dialogs, tmp_path
):
    from PySide6.QtCore import QItemSelectionModel

    w = register
    many_assets(env, tmp_path, 240)
    qtbot.waitUntil(lambda: w.model.total == 250, timeout=WAIT_MS)
    labels = button(w, "assetLabels")
    assert labels.text() == "พิมพ์ป้าย QR ของรายการที่แสดง 250 รายการ (Ctrl+L)"
    # Nothing selected, 250 rows: 11 A4 sheets — asked first; "no" prints nothing.
    dialogs.confirm_answers.append(False)
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    ((kind, question),) = dialogs.messages
    assert kind == "confirm" and "250 รายการ" in question and "A4 11 แผ่น" in question
    assert "ยังไม่ได้เลือกรายการ" in question
    assert getattr(w, "labels_preview", None) is None
    # Two rows selected (a click, then Ctrl+click): those two, without asking.
    w.table.selectRow(0)
    w.table.selectionModel().select(
        w.model.index(2, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    chosen = [w.model.row_at(0).asset_no, w.model.row_at(2).asset_no]
    assert w.selected_assets == chosen
    assert labels.text() == "พิมพ์ป้าย QR ของรายการที่เลือก 2 รายการ (Ctrl+L)"
    qtbot.mouseClick(labels, Qt.MouseButton.LeftButton)
    assert len(dialogs.messages) == 1  # not asked
    preview = w.labels_preview
    assert preview.title == "ป้ายพัสดุ QR 2 รายการ"
    qtbot.waitUntil(lambda: preview.ready, timeout=WAIT_MS)
    assert preview.page_count == 1
    preview.close()
    # Nothing selected, a filter: the rows listed.
    w.table.clearSelection()
    type_thai(w.scan, "เก้าอี้")
    qtbot.waitUntil(lambda: w.model.rowCount() == 3, timeout=WAIT_MS)
    assert w.label_targets() == (list(CHAIRS), False)
    # Yes to the question: every row listed.
    w.scan.clear()
    qtbot.waitUntil(lambda: w.model.rowCount() == 250, timeout=WAIT_MS)
    dialogs.confirm_answers.append(True)
    qtbot.mouseClick(labels, Qt.MouseButton.LeftButton)
    assert w.labels_preview.title == "ป้ายพัสดุ QR 250 รายการ"
    qtbot.waitUntil(lambda: w.labels_preview.ready, timeout=WAIT_MS * 3)
    assert w.labels_preview.page_count == 11
    w.labels_preview.close()


def test_one_label_on_the_thermal_printer(qtbot, register, env, tmp_path):
    from desktop_app.services import settings

    w = register
    thermal = button(w, "assetLabelThermal")
    assert thermal.isVisible() and not thermal.isEnabled()  # nothing selected
    qtbot.keyClicks(w.scan, LAPTOP)
    qtbot.keyClick(w.scan, Qt.Key.Key_Return)
    assert thermal.isEnabled()
    # No printer on this PC: the reason, with its code, as on the counter and the kiosk.
    qtbot.keyClick(w, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.message.kind == "error", timeout=WAIT_MS)
    assert w.message.text().startswith(f"พิมพ์ป้ายครุภัณฑ์ {LAPTOP} ไม่ได้")
    assert w.message.text().endswith("(not_configured)")
    assert thermal.isEnabled()
    out = tmp_path / "printer.bin"
    settings.set_setting(env.uow, actor(env.uow, "admin"), "printer.connection", f"file://{out}")
    qtbot.mouseClick(thermal, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.message.kind == "info", timeout=WAIT_MS)
    assert w.message.text() == f"พิมพ์ป้าย {LAPTOP} ที่เครื่องพิมพ์ความร้อนแล้ว"
    assert out.stat().st_size > 1000  # ESC/POS: the QR label's raster


def test_the_thermal_label_is_for_supply_staff_only(qtbot, env):
    window = AssetRegisterWindow(env, actor(env.uow, "supplyhead"))
    qtbot.addWidget(window)
    env.windows.append(window)
    window.show()
    assert not button(window, "assetLabelThermal").isVisible()
    assert button(window, "assetLabels").isVisible()
