"""The administrator's settings window, driven as a person would: services, counters,
users, this PC; refusals shown and nothing changed; the language switch."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QLineEdit, QSpinBox
from sqlalchemy import select

from db.models import AuditEntry
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.settings_registry import SPECS
from desktop_app.services import devices, users
from desktop_app.services import office as office_svc
from desktop_app.services.auth import authenticate
from desktop_app.services.documents import doc_setup
from desktop_app.services.settings import get_setting
from desktop_app.ui.admin import SettingsWindow
from desktop_app.ui.env import verify_pin
from tests.gui.conftest import WAIT_MS, button, type_thai
from tests.support.db import actor, snapshot

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "settings.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def window(qtbot, env):
    w = SettingsWindow(env, actor(env.uow, "admin"))
    qtbot.addWidget(w)
    env.windows.append(w)
    w.show()
    qtbot.waitUntil(lambda: w.services_model.rowCount() == 4, timeout=WAIT_MS)
    return w


def field(w, cls, name):
    found = w.findChild(cls, name)
    assert found is not None, name
    return found


def message(w) -> str:
    return field(w, QLabel, "settingsMessage").text()


def click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())


def retype(qtbot, line: QLineEdit, text: str) -> None:
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:
        type_thai(line, text)


def test_models_pass_the_model_tester(qtmodeltester, window):
    for model in (window.services_model, window.counters_model, window.users_model):
        qtmodeltester.check(model)


def test_edit_a_service_and_reorder(qtbot, window, env):
    window.tabs.setCurrentIndex(1)
    click_row(qtbot, window.services_view, 1)
    assert field(window, QLineEdit, "serviceCode").text() == "B"
    retype(qtbot, field(window, QLineEdit, "serviceName"), "บัตรประชาชน")
    field(window, QSpinBox, "serviceMinutes").setValue(12)
    qtbot.mouseClick(button(window, "serviceSave"), LEFT)
    qtbot.waitUntil(lambda: message(window) == "บันทึกบริการ B แล้ว", timeout=WAIT_MS)
    b = next(s for s in office_svc.list_services(env.uow) if s.code == "B")
    assert (b.name, b.standard_minutes) == ("บัตรประชาชน", 12)
    qtbot.waitUntil(
        lambda: window.services_model.index(1, 1).data() == "บัตรประชาชน", timeout=WAIT_MS
    )
    qtbot.mouseClick(button(window, "serviceUp"), LEFT)
    qtbot.waitUntil(
        lambda: [s.code for s in office_svc.services_in_order(env.uow)] == ["B", "A", "C", "D"],
        timeout=WAIT_MS,
    )


def test_a_refusal_is_shown_and_changes_nothing(qtbot, window, env):
    before = snapshot(env.uow.engine)
    window.tabs.setCurrentIndex(1)
    click_row(qtbot, window.services_view, 0)
    retype(qtbot, field(window, QLineEdit, "servicePrefix"), "C")  # C's letter
    qtbot.mouseClick(button(window, "serviceSave"), LEFT)
    qtbot.waitUntil(lambda: "prefix C is already used" in message(window), timeout=WAIT_MS)
    assert window.message.kind == "error"
    assert snapshot(env.uow.engine) == before


def test_add_a_service_and_give_it_to_a_counter(qtbot, window, env):
    window.tabs.setCurrentIndex(1)
    qtbot.mouseClick(button(window, "serviceNew"), LEFT)
    qtbot.keyClicks(field(window, QLineEdit, "serviceCode"), "E")
    type_thai(field(window, QLineEdit, "serviceName"), "สวัสดิการสังคม")
    qtbot.keyClicks(field(window, QLineEdit, "serviceNameEn"), "Social welfare")
    qtbot.mouseClick(button(window, "serviceSave"), LEFT)
    qtbot.waitUntil(lambda: window.services_model.rowCount() == 5, timeout=WAIT_MS)
    window.tabs.setCurrentIndex(2)
    click_row(qtbot, window.counters_view, 3)  # counter 4: C and D
    qtbot.waitUntil(lambda: window.findChild(QCheckBox, "counterService_E") is not None,
                    timeout=WAIT_MS)  # fmt: skip
    qtbot.mouseClick(field(window, QCheckBox, "counterService_E"), LEFT)
    qtbot.mouseClick(field(window, QCheckBox, "counterService_C"), LEFT)
    qtbot.mouseClick(button(window, "counterSave"), LEFT)
    qtbot.waitUntil(lambda: message(window) == "บันทึกช่องบริการ 4 แล้ว", timeout=WAIT_MS)
    counter4 = next(c for c in office_svc.list_counters(env.uow) if c.number == 4)
    assert counter4.services == ("D", "E")


def test_add_a_user_and_reset_a_password(qtbot, window, env):
    window.tabs.setCurrentIndex(3)
    qtbot.mouseClick(button(window, "userNew"), LEFT)
    qtbot.keyClicks(field(window, QLineEdit, "userName"), "clerk3")
    type_thai(field(window, QLineEdit, "userFullName"), "สมหมาย ใจเย็น")
    role = field(window, QComboBox, "userRole")
    assert role.currentData() == "clerk"
    qtbot.keyClicks(field(window, QLineEdit, "userPassword"), "s3cret!-clerk3")
    qtbot.mouseClick(button(window, "userSave"), LEFT)
    qtbot.waitUntil(lambda: message(window) == "บันทึกผู้ใช้ clerk3 แล้ว", timeout=WAIT_MS)
    assert authenticate(env.uow, "clerk3", "s3cret!-clerk3").role.value == "clerk"
    qtbot.waitUntil(lambda: window.users_model.rowCount() == 8, timeout=WAIT_MS)
    row = next(i for i, u in enumerate(window.users_model.rows) if u.username == "clerk1")
    click_row(qtbot, window.users_view, row)
    qtbot.keyClicks(field(window, QLineEdit, "userPassword"), "changed1")
    qtbot.mouseClick(button(window, "userSetPassword"), LEFT)
    qtbot.waitUntil(lambda: message(window) == "เปลี่ยนรหัสผ่านของ clerk1 แล้ว", timeout=WAIT_MS)
    assert authenticate(env.uow, "clerk1", "changed1").username == "clerk1"
    assert [u.active for u in users.list_users(env.uow)] == [True] * 8


def test_this_pc_printer_language_counter_and_pin(qtbot, window, env):
    window.tabs.setCurrentIndex(4)
    width = field(window, QComboBox, "printerWidth")
    width.setCurrentIndex(width.findData("384"))
    lang = field(window, QComboBox, "uiLanguage")
    lang.setCurrentIndex(lang.findData("en"))
    field(window, QSpinBox, "pcCounter").setValue(3)
    qtbot.keyClicks(field(window, QLineEdit, "kioskPin"), "13579")
    token = devices.add_device(env.uow, actor(env.uow, "admin"), "kiosk-lobby", "kiosk").token
    qtbot.keyClicks(field(window, QLineEdit, "deviceTokenInput"), token)
    qtbot.mouseClick(button(window, "pcSave"), LEFT)
    # Saved, and the window now speaks English.
    qtbot.waitUntil(lambda: button(window, "pcSave").text() == "Save this PC's settings",
                    timeout=WAIT_MS)  # fmt: skip
    assert get_setting(env.uow, "printer.width_dots").value == "384"
    assert get_setting(env.uow, "ui.language").value == "en"
    assert env.local.counter == 3 and env.local.language == "en"
    assert env.local.device_token() == token  # issue 17: a token, not a clerk's password
    assert env.local.device_account() is None
    assert "kiosk-lobby" not in field(window, QLabel, "deviceTokenState").text()
    assert verify_pin(env.local.kiosk_pin_hash, "13579")
    assert not verify_pin(env.local.kiosk_pin_hash, "97531")
    assert window.tabs.tabText(4) == "This PC"
    # No printer here: the test page reports the fault.
    qtbot.mouseClick(button(window, "printTest"), LEFT)
    qtbot.waitUntil(lambda: window.message.kind == "error", timeout=WAIT_MS)


def test_a_pin_that_is_not_digits_is_refused(qtbot, window, env):
    window.tabs.setCurrentIndex(4)
    qtbot.keyClicks(field(window, QLineEdit, "kioskPin"), "12ab")
    qtbot.mouseClick(button(window, "pcSave"), LEFT)
    assert "PIN" in message(window) and window.message.kind == "error"
    assert env.local.kiosk_pin_hash == ""


# ---------------------------------------------------------------- printed documents

DOCUMENT_TEXTS = {
    "documentSupplyUnit": ("document.supply_unit", "ฝ่ายการคลัง"),
    "documentAddress": ("document.address", "๑๒๓ ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพฯ ๑๐๔๐๐"),
    "documentContact": ("document.contact", "โทร. ๐ ๒๒๗๘ ๐๐๐๐"),
    "documentLetterPrefix": ("document.letter_prefix", "กท ๕๒๐๑"),
    "documentSignerName": ("document.signer_name", "นางสาวศรีสุดา ใจดี"),
    "documentSignerPosition": ("document.signer_position", "ผู้อำนวยการเขตพญาไท"),
}


def emblem_png(path, width=40, height=48):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#b8860b"))
    assert image.save(str(path), "PNG")
    return path


def test_document_settings_are_set_saved_and_read_back(qtbot, window, env, dialogs, tmp_path):
    png = emblem_png(tmp_path / "ตราครุฑ.png")
    group = field(window, QGroupBox, "documentGroup")
    assert group.title().startswith("เอกสารที่พิมพ์")
    preview = field(window, QLabel, "documentEmblemPreview")
    assert preview.text() == "(ไม่มีตราครุฑ)"
    # The emblem through the file dialog; its preview appears before anything is saved.
    dialogs.files.append(str(png))
    qtbot.mouseClick(button(window, "documentEmblemChoose"), LEFT)
    assert field(window, QLineEdit, "documentEmblemPath").text() == str(png)
    qtbot.waitUntil(lambda: not preview.pixmap().isNull(), timeout=WAIT_MS)
    assert preview.pixmap().height() == 56 and preview.toolTip() == ""
    digits = field(window, QComboBox, "documentDigits")
    assert [digits.itemData(i) for i in range(digits.count())] == ["thai", "arabic"]
    assert digits.currentData() == "thai"  # the default
    assert digits.currentText() == "เลขไทย (๑๒๓)"
    digits.setCurrentIndex(digits.findData("arabic"))
    language = field(window, QComboBox, "documentLanguage")
    language.setCurrentIndex(language.findData("en"))
    for name, (_key, text) in DOCUMENT_TEXTS.items():
        retype(qtbot, field(window, QLineEdit, name), text)
    qtbot.mouseClick(button(window, "officeSave"), LEFT)
    qtbot.waitUntil(lambda: message(window) == "บันทึกแล้ว", timeout=WAIT_MS)
    assert window.message.kind == "info"
    # Read back from the database through the services.
    for _key, text in DOCUMENT_TEXTS.values():
        assert get_setting(env.uow, _key).value == text
    assert get_setting(env.uow, "document.emblem_path").value == str(png)
    assert get_setting(env.uow, "document.digits").value == "arabic"
    assert get_setting(env.uow, "document.language").value == "en"
    # ... and as the documents will print them: the emblem's bytes, Arabic digits.
    with env.uow.read() as tx:
        setup = doc_setup(tx)
    assert setup.emblem == png.read_bytes()
    assert not setup.thai_digits
    assert (setup.supply_unit, setup.signer_name) == ("ฝ่ายการคลัง", "นางสาวศรีสุดา ใจดี")
    # Each change is in the audit trail, under the administrator.
    with env.uow.read() as tx:
        audited = {
            e.entity_id
            for e in tx.session.execute(select(AuditEntry)).scalars()
            if e.action == "settings.set" and e.actor == "admin"
        }
    assert {f"office/{k}" for k, _ in DOCUMENT_TEXTS.values()} <= audited
    # The page shows what is stored after the reload.
    qtbot.waitUntil(lambda: window.data["settings"]["document.digits"] == "arabic",
                    timeout=WAIT_MS)  # fmt: skip
    assert field(window, QComboBox, "documentDigits").currentData() == "arabic"
    assert field(window, QLineEdit, "documentSignerName").text() == "นางสาวศรีสุดา ใจดี"


def test_an_emblem_that_is_not_png_or_jpeg_is_refused_and_nothing_saved(
    qtbot, window, env, dialogs, tmp_path
):
    gif = tmp_path / "garuda.gif"
    gif.write_bytes(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01")
    with pytest.raises(InvalidInput) as refused:
        SPECS["document.emblem_path"].validate(str(gif))
    before = snapshot(env.uow.engine)
    dialogs.files.append(str(gif))
    qtbot.mouseClick(button(window, "documentEmblemChoose"), LEFT)
    preview = field(window, QLabel, "documentEmblemPreview")
    qtbot.waitUntil(lambda: preview.text() == "(เครื่องนี้เปิดภาพนี้ไม่ได้)", timeout=WAIT_MS)
    # Another field changed on the same page is not saved either: one unit of work.
    retype(qtbot, field(window, QLineEdit, "documentSignerName"), "นายสมชาย ใจดี")
    qtbot.mouseClick(button(window, "officeSave"), LEFT)
    qtbot.waitUntil(lambda: window.message.kind == "error", timeout=WAIT_MS)
    # The registry's refusal, naming the setting (the page holds many).
    assert message(window) == f"document.emblem_path: {refused.value.message}"
    assert "ตราครุฑต้องเป็นไฟล์ .png หรือ .jpg" in message(window)
    assert snapshot(env.uow.engine) == before
    assert get_setting(env.uow, "document.emblem_path").value == ""
    assert get_setting(env.uow, "document.signer_name").value == ""


def test_an_emblem_this_pc_cannot_open_is_flagged_in_the_preview(
    qtbot, window, env, dialogs, tmp_path
):
    """A .png name passes the registry (the file may sit on a share only the printing PCs
    reach); the preview says this PC cannot open it, and choosing a real image mends it."""
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image at all")
    dialogs.files.extend([str(broken), None, str(emblem_png(tmp_path / "good.png"))])
    preview = field(window, QLabel, "documentEmblemPreview")
    qtbot.mouseClick(button(window, "documentEmblemChoose"), LEFT)
    qtbot.waitUntil(lambda: preview.text() == "(เครื่องนี้เปิดภาพนี้ไม่ได้)", timeout=WAIT_MS)
    assert "PNG" in preview.toolTip()
    # A cancelled dialog leaves the path as it was.
    qtbot.mouseClick(button(window, "documentEmblemChoose"), LEFT)
    assert field(window, QLineEdit, "documentEmblemPath").text() == str(broken)
    # Typed by hand: the preview follows when the field is left.
    path_field = field(window, QLineEdit, "documentEmblemPath")
    path_field.setText(str(tmp_path / "nowhere" / "garuda.jpg"))
    path_field.editingFinished.emit()
    qtbot.waitUntil(lambda: preview.text() == "(เครื่องนี้เปิดภาพนี้ไม่ได้)", timeout=WAIT_MS)
    qtbot.mouseClick(button(window, "documentEmblemChoose"), LEFT)
    qtbot.waitUntil(lambda: not preview.pixmap().isNull(), timeout=WAIT_MS)
    assert preview.toolTip() == ""
    path_field.clear()
    path_field.editingFinished.emit()
    assert preview.text() == "(ไม่มีตราครุฑ)"
