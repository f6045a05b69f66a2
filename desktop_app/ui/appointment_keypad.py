"""The kiosk's "มีนัดหมาย" (I have an appointment) keypad: large keys for the 31 characters a
booking code can hold, a field a slip's QR scanner can type into (it ends with Enter), and the
check-in done off the UI thread. On success the dialog is accepted and ``checked_in`` holds
the result (services.appointments.CheckIn); a refusal is said in one line, in the citizen's
language, and the code stays for correcting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.appointments import CODE_ALPHABET, CODE_LENGTH
from desktop_app.domain.errors import Conflict, KhetDeskError, NotFound, RuleViolation
from desktop_app.services.appointments import CheckIn, check_in
from desktop_app.services.auth import Actor
from desktop_app.ui.env import UiEnv
from desktop_app.ui.operations import Operations

KEY_COLUMNS = 8


class AppointmentKeypad(QDialog):
    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.actor = env, actor
        self.ops = Operations(self)
        self.checked_in: CheckIn | None = None
        self.setObjectName("appointmentKeypad")
        self.setWindowTitle(self.tr("มีนัดหมาย"))
        big = QFont()
        big.setPointSize(28)
        layout = QVBoxLayout(self)
        self.prompt = QLabel(self.tr("กรอกรหัสนัดหมาย 6 ตัว หรือสแกน QR บนใบนัด"))
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prompt_font = QFont()
        prompt_font.setPointSize(20)
        prompt_font.setBold(True)
        self.prompt.setFont(prompt_font)
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.code = QLineEdit()
        self.code.setObjectName("appointmentCode")
        self.code.setFont(big)
        self.code.setMaxLength(CODE_LENGTH)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.textEdited.connect(self._typed)
        self.code.returnPressed.connect(self.submit)
        layout.addWidget(self.code)
        self.message = QLabel("")
        self.message.setObjectName("keypadMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setFont(prompt_font)
        layout.addWidget(self.message)
        grid = QGridLayout()
        self.keys: dict[str, QPushButton] = {}
        for i, ch in enumerate(CODE_ALPHABET):
            b = QPushButton(ch)
            b.setFont(big)
            b.setMinimumSize(72, 72)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, c=ch: self._press(c))
            grid.addWidget(b, i // KEY_COLUMNS, i % KEY_COLUMNS)
            self.keys[ch] = b
        layout.addLayout(grid)
        row = QHBoxLayout()
        self.back = QPushButton(self.tr("ลบ"))
        self.back.clicked.connect(lambda: self.code.setText(self.code.text()[:-1]))
        self.cancel = QPushButton(self.tr("ยกเลิก"))
        self.cancel.clicked.connect(self.reject)
        self.ok = QPushButton(self.tr("ตกลง"))
        self.ok.setObjectName("keypadOk")
        self.ok.clicked.connect(self.submit)
        for b in (self.back, self.cancel, self.ok):
            b.setFont(big)
            b.setMinimumHeight(72)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(b)
        layout.addLayout(row)
        self._update()

    def _press(self, ch: str) -> None:
        if len(self.code.text()) < CODE_LENGTH:
            self.code.setText(self.code.text() + ch)
        self._update()

    def _typed(self, text: str) -> None:
        # A scanner or a keyboard: lower case is the same code; nothing else is kept.
        cleaned = "".join(ch for ch in text.upper() if ch in CODE_ALPHABET)[:CODE_LENGTH]
        if cleaned != text:
            self.code.setText(cleaned)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(len(self.code.text()) == CODE_LENGTH and not self.ops.busy)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        code = self.code.text()
        if len(code) != CODE_LENGTH or self.ops.busy:
            return
        self.message.setText(self.tr("กำลังตรวจสอบ…"))
        uow, actor = self.env.uow, self.actor
        self.ops.run(lambda: check_in(uow, actor, code), self._done, self._failed)
        self._update()

    def _done(self, result: CheckIn) -> None:
        self.checked_in = result
        self.env.live.poke()
        self.accept()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, NotFound):
            text = self.tr("ไม่พบรหัสนัดหมายนี้ กรุณาตรวจสอบใบนัด")
        elif isinstance(error, Conflict):
            text = self.tr("รหัสนี้เช็กอินแล้ว ถูกยกเลิก หรือเลยวันนัด กรุณาติดต่อเจ้าหน้าที่")
        elif isinstance(error, RuleViolation):
            text = self.tr("ยังไม่ถึงเวลาเช็กอิน กรุณากลับมาใกล้เวลานัด")
        elif isinstance(error, KhetDeskError):
            text = self.tr("เช็กอินไม่ได้ กรุณาติดต่อเจ้าหน้าที่")
        else:
            text = self.tr("เช็กอินไม่ได้ กรุณาติดต่อเจ้าหน้าที่")
        self.message.setText(text)
        self._update()

    def done(self, result: int) -> None:
        self.ops.wait(5000)
        super().done(result)
