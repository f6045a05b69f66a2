"""What the GUI's start imports: the login, the shell and the first window a clerk opens
(the counter) load no library that only another window or the printer needs. QtCharts
(statistics), QtMultimedia and QtTextToSpeech (the board), QtPdf (previews), reportlab and
openpyxl (documents, exports), PIL/qrcode/escpos (printing) and Alembic (init, upgrades)
load when their window or action does (ui.workspaces imports windows on first use)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("alembic", "reportlab", "openpyxl", "PIL", "qrcode", "escpos", "uharfbuzz",
         "PySide6.QtCharts", "PySide6.QtMultimedia", "PySide6.QtTextToSpeech", "PySide6.QtPdf",
         "PySide6.QtPdfWidgets")  # fmt: skip
START = ("desktop_app.ui.app", "desktop_app.ui.login", "desktop_app.ui.shell",
         "desktop_app.ui.counter")  # fmt: skip


def test_the_start_and_the_counter_import_nothing_heavy():
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in START)
        + f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout.strip()
    assert out == "", f"imported at start: {out}"
