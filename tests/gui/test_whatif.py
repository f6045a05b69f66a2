"""The statistics' "what if" tab: a director sets two policies side by side and runs the
office's last working days through the simulator in the background."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QSpinBox

from desktop_app.services import tickets
from desktop_app.ui.whatif import WhatIfTab
from tests.gui.conftest import WAIT_MS
from tests.support.db import actor, snapshot

pytestmark = pytest.mark.gui


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "whatif.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def history(env, clock):
    two_busy_mornings(env, clock)


def two_busy_mornings(env, clock) -> None:
    """Two busy mornings: 20 tickets in 20 minutes, half of them priority, served in 8
    minutes each at counter 1."""
    clerk = actor(env.uow, "clerk1")
    for _day in range(2):
        for n in range(20):
            tickets.issue_ticket(env.uow, clerk, "A", "elderly" if n % 2 == 0 else None)
            clock.advance(minutes=1)
        for _ in range(20):
            tickets.call_next(env.uow, clerk, 1)
            clock.advance(minutes=8)
        tickets.complete(env.uow, clerk, 1)
        clock.advance(days=1)


def test_two_policies_side_by_side_in_the_background(qtbot, env, history):
    tab = WhatIfTab(env)
    qtbot.addWidget(tab)
    tab.resize(1200, 760)
    tab.show()
    qtbot.waitExposed(tab)
    before = snapshot(env.uow.engine)
    counters = tab.findChild(QSpinBox, "whatifCounters")
    counters.selectAll()
    qtbot.keyClicks(counters, "1")
    k1 = tab.findChild(QSpinBox, "whatifK1")
    k1.selectAll()
    qtbot.keyClicks(k1, "1")
    assert k1.value() == 1
    with qtbot.waitSignal(tab.finished, timeout=60 * WAIT_MS) as done:
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
        assert not tab.run_button.isEnabled()
        assert tab.findChild(QProgressBar, "whatifProgress").isVisible()
    result = done.args[0]
    assert [s.priority_run_max for s in result.runs] == [0, 1, 3]
    assert all(s.tickets == 20 and s.counters == 1 for s in result.runs)  # one day's average
    # One counter: capping priority runs at one lets ordinary tickets in sooner.
    k0, k1 = (s.groups["ordinary"].wait_median_min for s in result.runs[:2])
    assert k1 < k0
    assert tab.table.item(1, 0).text() != "" and tab.table.item(0, 2).text() != ""
    assert not tab.chart.pixmap().isNull()
    assert "ประวัติ" in tab.findChild(QLabel, "whatifStatus").text()
    assert tab.run_button.isEnabled()
    assert snapshot(env.uow.engine) == before  # nothing written to the office's data
