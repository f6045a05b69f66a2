"""Starting the windows."""

from __future__ import annotations

import sys

from desktop_app.domain.errors import InvalidInput, KhetDeskError


def run_gui(url: str, mode: str = "main", counter: int | None = None) -> int:
    if mode != "main":
        raise InvalidInput(
            f"หน้าจอ {mode} ยังไม่มีในรุ่นนี้ (the {mode} window is not in this version yet)"
        )
    from PySide6.QtWidgets import QApplication, QMessageBox

    from db.engine import make_engine
    from db.uow import UnitOfWork
    from desktop_app.ui.fonts import load_fonts
    from desktop_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("KhetDesk")
    load_fonts(app)
    try:
        engine = make_engine(url, create=False)  # no connection yet: the window loads off-thread
    except KhetDeskError as e:
        QMessageBox.critical(None, "KhetDesk", e.message)
        return e.exit_code
    window = MainWindow(UnitOfWork(engine))
    window.show()
    return int(app.exec())
