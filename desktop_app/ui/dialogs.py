"""Message boxes and small modal dialogs, behind one service (as MusicBrainz Picard does):
windows never call ``QMessageBox``/``exec()`` themselves but ``env.dialogs``, so that a
test can answer a dialog — by clicking its real buttons — instead of blocking on it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.office import CounterView, ServiceView
from desktop_app.services.tickets import WaitingTicket
from desktop_app.ui import texts


class Dialogs:
    """The real thing: modal Qt dialogs."""

    def inform(self, parent: QWidget | None, text: str) -> None:
        QMessageBox.information(parent, "KhetDesk", text)

    def warn(self, parent: QWidget | None, text: str) -> None:
        QMessageBox.warning(parent, "KhetDesk", text)

    def confirm(self, parent: QWidget | None, text: str) -> bool:
        answer = QMessageBox.question(parent, "KhetDesk", text)
        return answer == QMessageBox.StandardButton.Yes

    def run(self, dialog: QDialog) -> bool:
        """Show ``dialog`` modally; True when the person accepted it."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def open_file(self, parent: QWidget | None, caption: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
        return path or None

    def save_file(
        self, parent: QWidget | None, caption: str, name: str, filters: str
    ) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, caption, name, filters)
        return path or None


class _Dialog(QDialog):
    """OK and Cancel buttons with object names, and texts set again on a language switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ok = QPushButton(objectName="ok")
        self.ok.setDefault(True)
        self.cancel = QPushButton(objectName="cancel")
        self.ok.clicked.connect(self.accept)
        self.cancel.clicked.connect(self.reject)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.cancel)
        self.buttons.addWidget(self.ok)
        for b in (self.ok, self.cancel):
            b.setMinimumHeight(48)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.ok.setText(self.tr("ตกลง"))
        self.cancel.setText(self.tr("ยกเลิก"))


class PinDialog(_Dialog):
    """The kiosk's exit: a PIN typed on a keypad big enough for a finger (or the keyboard)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.prompt = QLabel()
        self.field = QLineEdit(objectName="pin")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(64)
        self.field.setMinimumHeight(48)
        pad = QGridLayout()
        for i, digit in enumerate("123456789"):
            pad.addWidget(self._key(digit), i // 3, i % 3)
        self.clear = QPushButton("⌫", objectName="pinClear")
        self.clear.setMinimumSize(72, 56)
        self.clear.clicked.connect(self.field.backspace)
        pad.addWidget(self.clear, 3, 0)
        pad.addWidget(self._key("0"), 3, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.field)
        layout.addLayout(pad)
        layout.addLayout(self.buttons)
        self.retranslate()

    def _key(self, digit: str) -> QPushButton:
        key = QPushButton(digit, objectName=f"pinKey{digit}")
        key.setMinimumSize(72, 56)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.clicked.connect(lambda: self.field.insert(digit))
        return key

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("ออกจากตู้ออกบัตรคิว"))
        self.prompt.setText(self.tr("สำหรับเจ้าหน้าที่: ใส่ PIN เพื่อออกจากตู้ออกบัตรคิว"))

    @property
    def pin(self) -> str:
        return self.field.text()


class PickDialog(_Dialog):
    """Call a ticket out of order. The reason is required: OK stays disabled without one
    (and the service refuses an empty reason anyway)."""

    def __init__(
        self,
        waiting: Sequence[WaitingTicket],
        selected: str | None,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pickDialog")
        self.language = language
        self.waiting = list(waiting)
        self.ticket_label = QLabel()
        self.tickets = QComboBox(objectName="pickTicket")
        self.tickets.setMinimumHeight(44)
        for w in self.waiting:
            self.tickets.addItem("", w.code)
        if selected is not None and (i := self.tickets.findData(selected)) >= 0:
            self.tickets.setCurrentIndex(i)
        self.reason_label = QLabel()
        self.reason = QLineEdit(objectName="pickReason")
        self.reason.setMaxLength(500)
        self.reason.setMinimumHeight(44)
        self.hint = QLabel(objectName="pickHint")
        self.hint.setWordWrap(True)
        self.reason.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        for w in (self.ticket_label, self.tickets, self.reason_label, self.reason, self.hint):
            layout.addWidget(w)
        layout.addLayout(self.buttons)
        self.ok.setObjectName("pickOk")
        self.retranslate()
        self._check()
        self.resize(520, self.sizeHint().height())

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.reason.text().strip()) and self.tickets.count() > 0)

    def accept(self) -> None:
        if self.ok.isEnabled():  # Enter in the field must not get round the check
            super().accept()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("เรียกข้ามคิว"))
        self.ticket_label.setText(self.tr("บัตรคิวที่จะเรียก"))
        self.reason_label.setText(self.tr("เหตุผล (ต้องระบุ บันทึกไว้ในประวัติการทำงาน)"))
        self.hint.setText(self.tr("การเรียกข้ามคิวจะถูกบันทึกพร้อมหมายเลขคิวที่ควรได้รับเรียกก่อน"))
        for i, w in enumerate(self.waiting):
            name = texts.name_in(self.language, w.service_name, w.service_name_en)
            prio = texts.priority(w.priority)
            self.tickets.setItemText(i, f"{w.code}  {name}" + (f"  ({prio})" if prio else ""))

    @property
    def code(self) -> str:
        return str(self.tickets.currentData() or "")


class TransferDialog(_Dialog):
    """Send the citizen to another service: one big button per open service."""

    def __init__(
        self,
        services: Sequence[ServiceView],
        current: str,
        code: str,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.code, self.language, self.chosen = code, language, ""
        self.prompt = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        self.choices: list[tuple[QPushButton, ServiceView]] = []
        for s in services:
            if not s.active or s.code == current:
                continue
            button = QPushButton(objectName=f"transfer_{s.code}")
            button.setMinimumHeight(56)
            button.clicked.connect(lambda _=False, c=s.code: self._choose(c))
            layout.addWidget(button)
            self.choices.append((button, s))
        self.ok.hide()  # a service button is the answer
        layout.addLayout(self.buttons)
        self.retranslate()

    def _choose(self, code: str) -> None:
        self.chosen = code
        self.accept()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("โอนไปบริการอื่น"))
        self.prompt.setText(self.tr("โอนบัตรคิว %1 ไปรอที่บริการ:").replace("%1", self.code))
        for button, s in self.choices:
            button.setText(f"{s.code}  {texts.name_in(self.language, s.name, s.name_en)}")


class IssueDialog(_Dialog):
    """A ticket issued at the counter for a citizen who cannot use the kiosk."""

    def __init__(
        self, services: Sequence[ServiceView], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("issueDialog")
        self.language = language
        self.services = [s for s in services if s.active]
        self.service_label, self.priority_label = QLabel(), QLabel()
        self.service = QComboBox(objectName="issueService")
        self.priority = QComboBox(objectName="issuePriority")
        for s in self.services:
            self.service.addItem("", s.code)
        self.priority.addItem("", "")
        for value in texts.PRIORITIES:
            self.priority.addItem("", value)
        for combo in (self.service, self.priority):
            combo.setMinimumHeight(44)
        layout = QVBoxLayout(self)
        for w in (self.service_label, self.service, self.priority_label, self.priority):
            layout.addWidget(w)
        layout.addLayout(self.buttons)
        self.ok.setObjectName("issueOk")
        self.ok.setEnabled(bool(self.services))
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("ออกบัตรคิวที่ช่องบริการ"))
        self.service_label.setText(self.tr("บริการ"))
        self.priority_label.setText(self.tr("คิวพิเศษ"))
        for i, s in enumerate(self.services):
            self.service.setItemText(
                i, f"{s.code}  {texts.name_in(self.language, s.name, s.name_en)}"
            )
        self.priority.setItemText(0, self.tr("ไม่ใช่"))
        for i, value in enumerate(texts.PRIORITIES, start=1):
            self.priority.setItemText(i, texts.priority(value))

    @property
    def choice(self) -> tuple[str, str | None]:
        return str(self.service.currentData()), (str(self.priority.currentData()) or None)


class CounterChoiceDialog(_Dialog):
    """Which counter this console works for. Remembered per PC."""

    def __init__(
        self, counters: Sequence[CounterView], default: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("counterChoice")
        self.counters = [c for c in counters if c.active]
        self.prompt = QLabel()
        self.list = QListWidget(objectName="counterList")
        self.list.setStyleSheet("QListWidget::item { padding: 10px; }")
        for c in self.counters:
            item = QListWidgetItem(f"{c.number}  {c.name}  ({', '.join(c.services)})")
            item.setData(Qt.ItemDataRole.UserRole, c.number)
            self.list.addItem(item)
            if c.number == default:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.counters:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.list)
        layout.addLayout(self.buttons)
        self.ok.setObjectName("counterOk")
        self.ok.setEnabled(bool(self.counters))
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("เลือกช่องบริการ"))
        self.prompt.setText(self.tr("เครื่องนี้เป็นช่องบริการใด"))

    @property
    def number(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
