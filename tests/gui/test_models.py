"""Every table model of the windows through pytest-qt's model tester, on real data."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import office as office_svc
from desktop_app.services import tickets, users
from desktop_app.ui.queue_models import (
    CountersAdminModel,
    ServicesAdminModel,
    UsersModel,
    WaitingTicketsModel,
)
from tests.support.db import actor

pytestmark = pytest.mark.gui


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "models.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def test_waiting_tickets_model(qtmodeltester, office, clock):
    clerk = actor(office, "clerk1")
    for svc, prio in (("A", None), ("B", "monk"), ("A", None), ("B", None)):
        clock.advance(minutes=3)
        tickets.issue_ticket(office, clerk, svc, prio)
    model = WaitingTicketsModel()
    qtmodeltester.check(model)  # empty
    model.set_rows(list(tickets.counter_queue(office, 1).waiting))
    qtmodeltester.check(model)
    assert [model.index(r, 1).data() for r in range(4)] == ["B001", "A001", "A002", "B002"]
    assert model.index(0, 0).data() == 1
    assert model.index(0, 3).data() == "พระภิกษุสงฆ์"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    model.set_language("en")
    assert model.index(0, 2).data() == "National ID card"
    # Fewer rows after a call: the model resets cleanly.
    tickets.call_next(office, clerk, 1)
    model.set_rows(list(tickets.counter_queue(office, 1).waiting))
    qtmodeltester.check(model)
    assert model.rowCount() == 3


def test_admin_models(qtmodeltester, office):
    for model, rows in (
        (ServicesAdminModel(), office_svc.services_in_order(office)),
        (CountersAdminModel(), office_svc.list_counters(office)),
        (UsersModel(), users.list_users(office)),
    ):
        model.set_rows(rows)
        qtmodeltester.check(model)
        assert model.rowCount() == len(rows)
