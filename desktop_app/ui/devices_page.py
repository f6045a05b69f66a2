"""The administrator's page of devices (issue 17): the kiosk and board PCs that act with a
token instead of a person's password. Add one (its token is shown once, in a dialog that
can also keep it on this PC), see them all (never a token), revoke one.

A page of the settings window (ui.admin); everything that touches the database runs off the
UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KhetDeskError
from desktop_app.domain.thai_time import thai_datetime_short
from desktop_app.services import devices
from desktop_app.services.auth import Actor
from desktop_app.services.devices import DeviceView, NewDevice
from desktop_app.ui.env import UiEnv
from desktop_app.ui.operations import Operations
from desktop_app.ui.queue_models import RowsModel

Message = Callable[[str, str], None]  # (text, "info" | "error")


class DevicesModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("DevicesModel", "ชื่อเครื่อง"),
        QT_TRANSLATE_NOOP("DevicesModel", "ชนิด"),
        QT_TRANSLATE_NOOP("DevicesModel", "เพิ่มเมื่อ"),
        QT_TRANSLATE_NOOP("DevicesModel", "เพิ่มโดย"),
        QT_TRANSLATE_NOOP("DevicesModel", "สถานะ"),
    )

    def cell(self, row: DeviceView, column: int) -> Any:
        if column == 0:
            return row.device
        if column == 1:
            return kind_text(row.kind)
        if column == 2:
            return thai_datetime_short(row.created_at)
        if column == 3:
            return row.created_by
        return (
            QGuiApplication.translate("DevicesModel", "ยกเลิกแล้ว")
            if row.revoked
            else QGuiApplication.translate("DevicesModel", "ใช้งานได้")
        )


def kind_text(kind: str) -> str:
    if kind == "kiosk":
        return QGuiApplication.translate("DevicesModel", "ตู้ออกบัตรคิว (kiosk)")
    return QGuiApplication.translate("DevicesModel", "จอแสดงคิว (board)")


class TokenDialog(QDialog):
    """The new token, shown this once. "Use on this PC" keeps it in this PC's keyring (or
    its owner-only settings file) for the kiosk."""

    def __init__(self, env: UiEnv, new: NewDevice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tokenDialog")
        self.env, self.new = env, new
        self.used_here = False
        self.heading = QLabel(objectName="tokenHeading")
        self.heading.setWordWrap(True)
        self.field = QLineEdit(new.token, objectName="newDeviceToken")
        self.field.setReadOnly(True)
        self.field.setMinimumWidth(520)
        self.note = QLabel(objectName="tokenNote")
        self.note.setWordWrap(True)
        self.copy = QPushButton(objectName="tokenCopy")
        self.copy.clicked.connect(self._copy)
        self.use_here = QPushButton(objectName="tokenUseHere")
        self.use_here.clicked.connect(self._use_here)
        self.use_here.setVisible(new.kind == "kiosk")
        self.ok = QPushButton(objectName="tokenOk")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy)
        buttons.addWidget(self.use_here)
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.field)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.setStyleSheet(
            "QDialog { font-size: 15px; } QPushButton { min-height: 36px; padding: 0 14px; }"
            "#tokenHeading { font-size: 18px; font-weight: bold; }"
            "#newDeviceToken { font-family: monospace; }"
            "#tokenNote { color: #92400e; }"
        )
        self.retranslate()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.new.token)

    def _use_here(self) -> None:
        self.env.local.set_device_token(self.new.token)
        self.used_here = True
        self.use_here.setEnabled(False)
        self.retranslate()

    def done(self, result: int) -> None:
        self.field.clear()  # the token leaves the screen with the dialog
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("โทเค็นของเครื่อง %1").replace("%1", self.new.device))
        self.heading.setText(
            self.tr("โทเค็นของ %1 (%2)")
            .replace("%1", self.new.device)
            .replace("%2", kind_text(self.new.kind))
        )
        note = self.tr(
            "แสดงครั้งเดียวเท่านั้น ระบบเก็บไว้เพียงค่าแฮช คัดลอกไปตั้งที่เครื่องนั้น "
            "(หน้า 'เครื่องนี้' หรือ KHETDESK_DEVICE_TOKEN) หากหายให้ยกเลิกแล้วเพิ่มเครื่องใหม่"
        )
        if self.used_here:
            where = (
                self.tr("keyring ของระบบปฏิบัติการ")
                if self.env.local.token_store == "keyring"
                else self.tr("ไฟล์ตั้งค่าของเครื่องนี้ (อ่านได้เฉพาะเจ้าของ 0600)")
            )
            note += "\n" + self.tr("เก็บไว้ที่เครื่องนี้แล้ว: %1").replace("%1", where)
        self.note.setText(note)
        self.copy.setText(self.tr("คัดลอก"))
        self.use_here.setText(self.tr("ใช้กับเครื่องนี้"))
        self.ok.setText(self.tr("ปิด"))


class DevicesPage(QWidget):
    def __init__(self, env: UiEnv, actor: Actor, message: Message) -> None:
        super().__init__(objectName="devicesPage")
        self.env, self.actor, self.message = env, actor, message
        self.ops = Operations(self)
        self.model = DevicesModel()
        self.view = QTableView(objectName="devicesView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        self.name = QLineEdit(objectName="deviceName")
        self.name.setMaxLength(64)
        self.kind = QComboBox(objectName="deviceKind")
        for kind in devices.KINDS:
            self.kind.addItem(kind, kind)
        self.add_button = QPushButton(objectName="deviceAdd")
        self.add_button.clicked.connect(self.add)
        self.revoke_button = QPushButton(objectName="deviceRevoke")
        self.revoke_button.clicked.connect(self.revoke)
        self.intro = QLabel(objectName="devicesIntro")
        self.intro.setWordWrap(True)
        self.name_label, self.kind_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow(self.kind_label, self.kind)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        uow, actor = self.env.uow, self.actor
        self.ops.run(lambda: devices.list_devices(uow, actor), self.model.set_rows, self._failed)

    def _failed(self, error: Exception) -> None:
        text = error.message if isinstance(error, KhetDeskError) else type(error).__name__
        self.message(text, "error")

    def add(self) -> None:
        uow, actor = self.env.uow, self.actor
        name, kind = self.name.text(), str(self.kind.currentData())
        self.add_button.setEnabled(False)

        def done(new: NewDevice) -> None:
            self.add_button.setEnabled(True)
            self.name.clear()
            self.reload()
            self.message(self.tr("เพิ่มเครื่อง %1 แล้ว").replace("%1", new.device), "info")
            self.env.dialogs.run(TokenDialog(self.env, new, self))

        def failed(error: Exception) -> None:
            self.add_button.setEnabled(True)
            self._failed(error)

        self.ops.run(lambda: devices.add_device(uow, actor, name, kind), done, failed)

    def revoke(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.message(self.tr("เลือกเครื่องที่จะยกเลิกก่อน"), "error")
            return
        device: DeviceView = self.model.row_at(rows[0].row())
        question = self.tr("ยกเลิกโทเค็นของ %1? เครื่องนั้นจะใช้งานไม่ได้ทันที").replace("%1", device.device)
        if not self.env.dialogs.confirm(self, question):
            return
        uow, actor, name = self.env.uow, self.actor, device.device

        def done(_view: DeviceView) -> None:
            self.reload()
            self.message(self.tr("ยกเลิกเครื่อง %1 แล้ว").replace("%1", name), "info")

        self.ops.run(lambda: devices.revoke_device(uow, actor, name), done, self._failed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "ตู้ออกบัตรคิวและจอแสดงคิวใช้โทเค็นของเครื่อง ไม่ใช้รหัสผ่านของเจ้าหน้าที่ "
                "ตู้ออกบัตรคิวออกบัตรและพิมพ์ซ้ำได้เท่านั้น จอแสดงคิวอ่านได้อย่างเดียว"
            )
        )
        self.name_label.setText(self.tr("ชื่อเครื่อง (a–z 0–9 . _ -)"))
        self.kind_label.setText(self.tr("ชนิด"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kind_text(str(self.kind.itemData(i))))
        self.add_button.setText(self.tr("เพิ่มเครื่องและสร้างโทเค็น"))
        self.revoke_button.setText(self.tr("ยกเลิกโทเค็น"))
        self.model.set_language(self.env.i18n.language)

    def closeEvent(self, event: Any) -> None:
        self.ops.wait(5000)
        super().closeEvent(event)
