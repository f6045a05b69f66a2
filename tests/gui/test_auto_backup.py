"""The GUI's daily automatic backup: taken off the UI thread at the first start after
`backup.time`, not again the same day, once more at close; the last good time is signalled
for the status bar, which turns amber (``stale``) after two days without one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop_app.services import backup
from desktop_app.ui.auto_backup import AutoBackup, is_due
from tests.gui.conftest import WAIT_MS

pytestmark = pytest.mark.gui


def test_is_due_after_the_time_once_a_day():
    at_1700 = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)  # 17:00 Bangkok
    assert is_due(at_1700, "17:00", None)
    assert not is_due(at_1700 - dt.timedelta(minutes=1), "17:00", None)
    assert not is_due(at_1700 + dt.timedelta(hours=1), "17:00", at_1700 + dt.timedelta(minutes=5))
    assert is_due(at_1700 + dt.timedelta(days=1), "17:00", at_1700 + dt.timedelta(minutes=5))


def test_start_takes_the_daily_backup_off_the_ui_thread_and_close_takes_another(
    qtbot, office, tmp_path: Path
):
    folder = tmp_path / "auto"
    now = [dt.datetime(2026, 11, 24, 11, 0, tzinfo=dt.UTC)]  # 18:00 Bangkok, after 17:00
    env = SimpleNamespace(uow=office, clock=lambda: now[0])
    auto = AutoBackup(env, folder=folder, clock=lambda: now[0])
    seen: list[object] = []
    auto.last_good_changed.connect(seen.append)
    with qtbot.waitSignal(auto.backed_up, timeout=WAIT_MS) as made:
        auto.start()
    assert backup.verify_backup(Path(made.args[0])).ok
    qtbot.waitUntil(lambda: auto.last_good is not None, timeout=WAIT_MS)
    assert seen[0] is None and auto.last_good is not None and not auto.stale
    assert "สำรองข้อมูลล่าสุด" in auto.status_text()

    # A second start the same day takes none.
    again = AutoBackup(env, folder=folder, clock=lambda: now[0])
    with qtbot.waitSignal(again.last_good_changed, timeout=WAIT_MS):
        again.start()
    assert again.wait(WAIT_MS) and len(backup.list_backups(folder)) == 1

    # Two days and a bit later, with no backup since: amber.
    now[0] += dt.timedelta(days=2, hours=1)
    assert again.stale
    now[0] += dt.timedelta(minutes=1)
    with qtbot.waitSignal(again.backed_up, timeout=WAIT_MS):
        again.at_close()
    assert again.wait(WAIT_MS)
    qtbot.waitUntil(lambda: not again.stale, timeout=WAIT_MS)
    assert len(backup.list_backups(folder)) == 2


def test_a_failed_backup_is_reported_not_raised(qtbot, office, tmp_path: Path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    env = SimpleNamespace(uow=office, clock=lambda: dt.datetime(2026, 11, 24, 11, tzinfo=dt.UTC))
    auto = AutoBackup(env, folder=blocker)
    with qtbot.waitSignal(auto.failed, timeout=WAIT_MS) as failed:
        auto.at_close()
    assert "automatic backup failed" in failed.args[0]
    assert auto.stale
