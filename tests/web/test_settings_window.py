"""The settings window's web.base_url: typed like a person would, it shows what a ticket's QR
will carry and warns when `khetdesk serve` does not answer there from this PC."""

from __future__ import annotations

import http.server
import shutil
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop_app.services.settings import get_setting
from desktop_app.ui.admin import SettingsWindow
from tests.gui.conftest import WAIT_MS, button, dialogs, env, local  # noqa: F401 (fixtures)
from tests.support.db import actor
from tests.web.server import free_port

pytestmark = pytest.mark.gui


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "settings.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


class _Healthy(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b'{"ok": true}' if self.path == "/healthz" else b"{}"
        self.send_response(200 if self.path == "/healthz" else 404)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_the_qr_address_is_shown_and_checked_from_this_pc(qtbot, env) -> None:  # noqa: F811
    w = SettingsWindow(env, actor(env.uow, "admin"))
    qtbot.addWidget(w)
    env.windows.append(w)
    w.show()
    hint = w.findChild(QLabel, "webUrlHint")
    qtbot.waitUntil(lambda: "แม่แบบ" in hint.text(), timeout=WAIT_MS)
    field = w.findChild(QLineEdit, "webBaseUrl")
    assert field.isVisible() and field.isEnabled()

    def type_url(text: str) -> None:
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
        field.selectAll()
        qtbot.keyClick(field, Qt.Key.Key_Delete)
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    dead = f"http://127.0.0.1:{free_port()}"
    type_url(dead + "/")
    qtbot.waitUntil(lambda: "เปิดไม่ได้" in hint.text(), timeout=WAIT_MS)
    assert f"{dead}/t/" in hint.text() and "?k=" in hint.text()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Healthy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        alive = f"http://127.0.0.1:{server.server_address[1]}"
        type_url(alive)
        qtbot.waitUntil(lambda: "เปิดได้" in hint.text() and alive in hint.text(), timeout=WAIT_MS)
        assert "เปิดไม่ได้" not in hint.text()
    finally:
        server.shutdown()
        server.server_close()
    qtbot.mouseClick(button(w, "officeSave"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: get_setting(env.uow, "web.base_url").value == alive, timeout=WAIT_MS)
