"""Asked at login when a password falls short of today's policy (issue 17; NIST SP 800-63B,
desktop_app/domain/passwords.py): the user chooses a new one before any window opens.

The dialog says why the old one falls short, takes the new password twice, and saves it off
the UI thread (services.users.change_own_password checks the old one again, the policy, and
writes the audit entry). Cancel means no login: the person is back at the login dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KhetDeskError
from desktop_app.domain.passwords import MIN_LENGTH
from desktop_app.services import users
from desktop_app.ui.env import UiEnv
from desktop_app.ui.operations import Operations


class ChangePasswordDialog(QDialog):
    def __init__(
        self,
        env: UiEnv,
        username: str,
        old_password: str,
        reason: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.env, self.username, self._old, self.reason = env, username, old_password, reason
        self.ops = Operations(self)
        self.heading = QLabel(objectName="changePasswordHeading")
        self.heading.setWordWrap(True)
        self.why = QLabel(reason, objectName="changePasswordReason")
        self.why.setWordWrap(True)
        self.new = QLineEdit(objectName="newPassword")
        self.again = QLineEdit(objectName="newPasswordAgain")
        for field in (self.new, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(256)
        self.new_label, self.again_label = QLabel(), QLabel()
        self.hint = QLabel(objectName="changePasswordHint")
        self.hint.setWordWrap(True)
        self.message = QLabel(objectName="changePasswordMessage")
        self.message.setWordWrap(True)
        self.ok = QPushButton(objectName="changePasswordOk")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        self.cancel = QPushButton(objectName="changePasswordCancel")
        self.cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.new_label, self.new)
        form.addRow(self.again_label, self.again)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.why)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setStyleSheet(
            "QDialog { font-size: 16px; } QLineEdit, QPushButton { min-height: 38px; }"
            "#changePasswordHeading { font-size: 20px; font-weight: bold; color: #0f3b5f; }"
            "#changePasswordReason { color: #92400e; }"
            "#changePasswordHint { color: #475569; }"
            "#changePasswordMessage { color: #b91c1c; }"
        )
        self.setMinimumWidth(520)
        self.retranslate()

    def submit(self) -> None:
        if not self.ok.isEnabled():
            return
        new, again = self.new.text(), self.again.text()
        if new != again:
            self.message.setText(self.tr("รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน"))
            self.again.clear()
            self.again.setFocus()
            return
        self.ok.setEnabled(False)
        self.message.setText(self.tr("กำลังบันทึก…"))
        uow, username, old = self.env.uow, self.username, self._old
        self.ops.run(
            lambda: users.change_own_password(uow, username, old, new), self._saved, self._refused
        )

    def _saved(self, _view: object) -> None:
        self.ok.setEnabled(True)
        self._old = ""
        self.message.setText("")
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.ok.setEnabled(True)
        self.message.setText(
            error.message if isinstance(error, KhetDeskError) else type(error).__name__
        )
        self.new.selectAll()
        self.new.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("ตั้งรหัสผ่านใหม่"))
        self.heading.setText(self.tr("%1: โปรดตั้งรหัสผ่านใหม่ก่อนใช้งาน").replace("%1", self.username))
        self.new_label.setText(self.tr("รหัสผ่านใหม่"))
        self.again_label.setText(self.tr("พิมพ์อีกครั้ง"))
        self.hint.setText(
            self.tr(
                "อย่างน้อย %1 ตัวอักษร ใช้วลียาว ๆ ที่จำง่ายได้ เช่น ประโยคภาษาไทย "
                "ไม่ต้องมีตัวพิมพ์ใหญ่หรือสัญลักษณ์ แต่ห้ามเป็นรหัสผ่านที่ใช้กันทั่วไป"
            ).replace("%1", str(MIN_LENGTH))
        )
        self.ok.setText(self.tr("บันทึกรหัสผ่านใหม่"))
        self.cancel.setText(self.tr("ยกเลิก"))

    def closeEvent(self, event: object) -> None:
        self.ops.wait(5000)
        super().closeEvent(event)  # type: ignore[arg-type]
