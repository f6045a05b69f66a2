"""Help: About (the version, which database, the data folder and the log file, never a
password) and the user manual (docs/manual/, one Thai guide per role with English), shown
from the files so that the manual on screen is the one in the repository and the bundle."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import desktop_app
from desktop_app.ui.shell import database_text

# Which guide a role reads first (docs/manual/<name>.md).
GUIDES = {
    "clerk": "clerk",
    "staff": "clerk",
    "supply_officer": "supply-officer",
    "supply_head": "approving-head",
    "agency_head": "approving-head",
    "admin": "administrator",
}


def manual_folder() -> Path:
    """docs/manual next to the sources, or inside the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "docs" / "manual"
    return Path(desktop_app.__file__).resolve().parents[1] / "docs" / "manual"


def data_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("KhetDesk", appauthor=False))


def log_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("KhetDesk", appauthor=False)) / "errors.log"


def about_text(url: str) -> dict[str, str]:
    return {
        "version": desktop_app.__version__,
        "database": database_text(url),
        "data": str(data_folder()),
        "log": str(log_file()),
    }


class AboutDialog(QDialog):
    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("เกี่ยวกับ KhetDesk"))
        facts = about_text(url)
        rows = [
            (self.tr("รุ่น"), facts["version"]),
            (self.tr("ฐานข้อมูล"), facts["database"]),
            (self.tr("โฟลเดอร์ข้อมูล"), facts["data"]),
            (self.tr("ไฟล์บันทึกข้อผิดพลาด"), facts["log"]),
        ]
        html = "<h2>KhetDesk</h2><table cellpadding=4>" + "".join(
            f"<tr><td><b>{k}</b></td><td>{_esc(v)}</td></tr>" for k, v in rows
        )
        self.text = QLabel(html + "</table>", objectName="aboutText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ManualWindow(QMainWindow):
    """The guide of the user's role (and the others, by their links), as Markdown."""

    def __init__(self, role: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manual")
        self.setWindowTitle(self.tr("คู่มือการใช้งาน KhetDesk"))
        self.browser = QTextBrowser(objectName="manualText")
        self.browser.setOpenLinks(True)
        folder = manual_folder()
        self.browser.setSearchPaths([str(folder)])
        page = folder / f"{GUIDES.get(role, 'README')}.md"
        if not page.exists():
            page = folder / "README.md"
        if page.exists():
            self.browser.setSource(QUrl.fromLocalFile(str(page)))
        else:
            self.browser.setPlainText(self.tr("ไม่พบคู่มือ (%1)").replace("%1", str(folder)))
        self.page = page
        self.setCentralWidget(self.browser)
        self.resize(900, 680)
