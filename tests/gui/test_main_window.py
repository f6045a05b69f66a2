"""The overview window on a real database, driven by pytest-qt."""

from __future__ import annotations

import pytest

from desktop_app.services import tickets
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.queue_models import CounterStateModel, ServiceQueueModel
from tests.gui.conftest import WAIT_MS
from tests.support.db import actor

pytestmark = pytest.mark.gui


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    import shutil

    path = tmp_path / "gui.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def test_models_pass_the_model_tester(qtmodeltester, office, clock):
    clerk = actor(office, "clerk1")
    for svc in ("A", "A", "C"):
        clock.advance(seconds=5)
        tickets.issue_ticket(office, clerk, svc)
    tickets.call_next(office, clerk, 1)
    status = tickets.queue_status(office)
    services, counters = ServiceQueueModel(), CounterStateModel()
    services.set_rows(list(status.services))
    counters.set_rows(list(status.counters))
    qtmodeltester.check(services)
    qtmodeltester.check(counters)
    assert services.rowCount() == 4 and counters.rowCount() == 4


def test_window_shows_the_queue_loaded_off_the_ui_thread(qtbot, office, clock):
    clerk = actor(office, "clerk1")
    for _ in range(3):
        clock.advance(seconds=5)
        tickets.issue_ticket(office, clerk, "A")
    tickets.call_next(office, clerk, 2)
    window = MainWindow(office)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.services.rowCount() == 4, timeout=WAIT_MS)
    reg = next(r for r in range(4) if window.services.index(r, 0).data() == "A")
    assert window.services.index(reg, 2).data() == 2
    assert window.services.index(reg, 3).data() == "A002 A003"
    assert window.counters.index(1, 2).data() == "A001"
    assert window.title.text() == "สำนักงานเขตตลิ่งชัน"
    assert "รอรับบริการ 2 คน" in window.statusBar().currentMessage()
    # A call made elsewhere reaches the window on its next refresh.
    tickets.call_next(office, clerk, 1)
    window.refresh()
    qtbot.waitUntil(lambda: window.counters.index(0, 2).data() == "A002", timeout=WAIT_MS)
    window.close()


def test_a_database_it_cannot_use_is_reported_once_and_polling_stops(qtbot, office, monkeypatch):
    from sqlalchemy import text

    from desktop_app.ui import main_window

    with office.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    shown = []
    monkeypatch.setattr(main_window.QMessageBox, "critical", lambda *a: shown.append(a[2]))
    window = MainWindow(office)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    assert "newer" in shown[0]
    assert not window.timer.isActive()
    assert window.services.rowCount() == 0
