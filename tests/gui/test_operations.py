"""Work runs on a worker thread; its result and its errors arrive on the UI thread."""

from __future__ import annotations

import threading

import pytest

from desktop_app.ui.operations import Operations

pytestmark = pytest.mark.gui


def test_results_and_errors_arrive_on_the_ui_thread(qtbot, qapp):
    ops = Operations()
    ui_thread = threading.get_ident()
    seen: dict[str, int | object] = {}

    def work():
        seen["work"] = threading.get_ident()
        return 42

    def failing():
        raise ValueError("no")

    ops.run(work, lambda v: seen.update(done=threading.get_ident(), value=v), seen.update)
    ops.run(failing, seen.update, lambda e: seen.update(err=threading.get_ident(), error=e))
    qtbot.waitUntil(lambda: "done" in seen and "err" in seen, timeout=5000)
    assert seen["work"] != ui_thread
    assert seen["done"] == ui_thread == seen["err"]
    assert seen["value"] == 42 and isinstance(seen["error"], ValueError)
    assert ops.wait(1000)
    qtbot.waitUntil(lambda: not ops.busy, timeout=1000)
