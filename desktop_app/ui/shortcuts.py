"""One shortcut map for the whole application, shown by F1 in every window.

The keys are grouped by who uses them. F1 is help everywhere; F2 finds or opens (the
search box, a loan by its number) everywhere except at the counter, where a clerk's F2 has
always been recall — the counter's keys belong to clerks, the loan windows' to the supply
staff and heads, so the same person never meets one key with two meanings."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop_app.ui.dialogs import _Dialog

CTX = "Shortcuts"
HELP_KEY = "F1"

# (window title, ((keys, action), …)): the windows' QShortcuts say the same.
MAP: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (QT_TRANSLATE_NOOP("Shortcuts", "ทุกหน้าต่าง"), (
        ("F1", QT_TRANSLATE_NOOP("Shortcuts", "แป้นลัดทั้งหมด (หน้านี้)")),
    )),
    (QT_TRANSLATE_NOOP("Shortcuts", "ช่องบริการ (เจ้าหน้าที่ช่องบริการ)"), (
        ("Space", QT_TRANSLATE_NOOP("Shortcuts", "เรียกคิวถัดไป")),
        ("F2", QT_TRANSLATE_NOOP("Shortcuts", "เรียกซ้ำ")),
        ("F3", QT_TRANSLATE_NOOP("Shortcuts", "เสร็จสิ้น")),
        ("F4", QT_TRANSLATE_NOOP("Shortcuts", "ไม่มาตามเรียก (ยกเลิกได้ภายในไม่กี่วินาที)")),
        ("F5", QT_TRANSLATE_NOOP("Shortcuts", "โอนบริการ (แถวที่เลือก หรือคิวที่กำลังให้บริการ)")),
        ("F6", QT_TRANSLATE_NOOP("Shortcuts", "เรียกข้ามคิว (ต้องระบุเหตุผล)")),
        ("F7", QT_TRANSLATE_NOOP("Shortcuts", "พิมพ์บัตรซ้ำ (แถวที่เลือก หรือคิวที่กำลังให้บริการ)")),
        ("F8", QT_TRANSLATE_NOOP("Shortcuts", "ออกบัตรคิวให้ผู้ที่ใช้ตู้ไม่ได้")),
        ("F9", QT_TRANSLATE_NOOP("Shortcuts", "เช็กอินนัดหมายด้วยรหัส")),
        ("F10", QT_TRANSLATE_NOOP("Shortcuts", "จองนัดหมายให้ประชาชน")),
    )),
    (QT_TRANSLATE_NOOP("Shortcuts", "ทะเบียนพัสดุ (เจ้าหน้าที่พัสดุ)"), (
        ("F2", QT_TRANSLATE_NOOP("Shortcuts", "ค้นหา / สแกน QR")),
        ("F5", QT_TRANSLATE_NOOP("Shortcuts", "โหลดใหม่")),
        ("Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "ขอยืมพัสดุที่เลือก")),
        ("Ctrl+L", QT_TRANSLATE_NOOP("Shortcuts", "พิมพ์ป้าย QR")),
        ("Ctrl+T", QT_TRANSLATE_NOOP("Shortcuts", "พิมพ์ป้ายที่เครื่องพิมพ์ความร้อน")),
    )),
    (QT_TRANSLATE_NOOP("Shortcuts", "งานยืมพัสดุ (เจ้าหน้าที่พัสดุ)"), (
        ("F6", QT_TRANSLATE_NOOP("Shortcuts", "ส่งมอบ")),
        ("F7", QT_TRANSLATE_NOOP("Shortcuts", "รับคืน")),
        ("F8", QT_TRANSLATE_NOOP("Shortcuts", "ชดใช้ / ปิดใบยืม")),
        ("F11", QT_TRANSLATE_NOOP("Shortcuts", "หนังสือติดตาม")),
        ("Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "ใบยืมใหม่")),
        ("Ctrl+P", QT_TRANSLATE_NOOP("Shortcuts", "พิมพ์")),
        ("Alt+1…", QT_TRANSLATE_NOOP("Shortcuts", "ไปที่แท็บ")),
    )),
    (QT_TRANSLATE_NOOP("Shortcuts", "รายการรออนุมัติ (หัวหน้า)"), (
        ("F2", QT_TRANSLATE_NOOP("Shortcuts", "เปิดใบยืมตามเลขที่ / สแกน QR")),
        ("F9", QT_TRANSLATE_NOOP("Shortcuts", "อนุมัติ")),
        ("F10", QT_TRANSLATE_NOOP("Shortcuts", "ไม่อนุมัติ (ต้องระบุเหตุผล)")),
        ("Ctrl+P", QT_TRANSLATE_NOOP("Shortcuts", "พิมพ์")),
    )),
    (QT_TRANSLATE_NOOP("Shortcuts", "ขอยืมพัสดุ (ทุกคน)"), (
        ("Ctrl+Enter", QT_TRANSLATE_NOOP("Shortcuts", "ส่งคำขอ")),
        ("Ctrl+P", QT_TRANSLATE_NOOP("Shortcuts", "พิมพ์")),
    )),
)  # fmt: skip


def _t(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


class ShortcutsDialog(_Dialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.intro = QLabel(objectName="shortcutsIntro")
        self.intro.setWordWrap(True)
        rows = sum(1 + len(keys) for _, keys in MAP)
        self.table = QTableWidget(rows, 2, objectName="shortcutsTable")
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 140)
        self.cancel.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.resize(640, 640)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        translate = QCoreApplication.translate
        self.setWindowTitle(translate("Shortcuts", "แป้นลัด"))
        self.intro.setText(translate("Shortcuts", "แป้นลัดของทุกหน้าต่างในโปรแกรม จัดตามผู้ใช้"))
        self.table.setHorizontalHeaderLabels(
            [translate("Shortcuts", "แป้น"), translate("Shortcuts", "ทำอะไร")]
        )
        r = 0
        for title, keys in MAP:
            head = QTableWidgetItem(_t(title))
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            self.table.setItem(r, 0, head)
            self.table.setSpan(r, 0, 1, 2)
            r += 1
            for key, action in keys:
                for c, text in enumerate((key, _t(action))):
                    item = QTableWidgetItem(text)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(r, c, item)
                r += 1


def install_help(window: QWidget, run: object) -> QShortcut:
    """F1 in ``window`` opens the map through ``run`` (the env's dialog service)."""
    from desktop_app.ui.dialogs import Dialogs

    assert isinstance(run, Dialogs)
    return QShortcut(
        QKeySequence(HELP_KEY), window, activated=lambda: run.run(ShortcutsDialog(window))
    )
