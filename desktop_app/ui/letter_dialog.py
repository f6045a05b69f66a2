"""The outgoing number of a follow-up letter, typed from the office's correspondence
register before the letter is made; left blank, the letter has a line to write it on."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.ui.dialogs import _Dialog


class LetterNumberDialog(_Dialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterNumberDialog")
        self.prompt = QLabel(objectName="letterNumberPrompt")
        self.prompt.setWordWrap(True)
        self.number = QLineEdit(objectName="letterNumber")
        self.number.setMaxLength(60)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.number)
        layout.addLayout(self.buttons)
        self.resize(520, self.sizeHint().height())
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("เลขที่หนังสือออก"))
        self.prompt.setText(self.tr("เลขที่หนังสือออกจากทะเบียนหนังสือส่ง (เว้นว่างไว้เพื่อเขียนภายหลัง)"))
