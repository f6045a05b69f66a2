"""The daily automatic backup of the GUI, off the UI thread.

The application shell makes one at start-up and calls two methods::

    auto = AutoBackup(env)          # env: UiEnv (its uow and clock are used)
    auto.last_good_changed.connect(status_bar_slot)   # datetime (UTC) | None
    auto.failed.connect(show_or_log_slot)             # a clear message
    auto.start()                    # reads the last good backup; takes today's if due
    ...
    auto.at_close()                 # when the main window closes: one more backup
    auto.wait(60_000)               # before the process exits

A backup is due at the first start after ``backup.time`` (Bangkok, per PC) on a day that
has no backup made after that time yet. ``stale`` is true when the last good backup is more
than two days old (or there is none): the status bar turns amber then. ``status_text()``
gives the label. The backup itself is ``services.backup.run_backup`` (copied, verified,
kept by retention) into ``backup.dir`` or the user data directory's ``backups`` folder;
it needs no administrator login, being the program's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.domain.thai_time import BANGKOK, utc_now
from desktop_app.ui.operations import Operations

STALE_AFTER = dt.timedelta(days=2)


def _last_good(uow: Any) -> dt.datetime | None:
    from desktop_app.services import backup

    found = backup.list_backups(backup.default_dir(uow))
    if not found:
        return None
    local = dt.datetime.fromisoformat(found[0].made_at).replace(tzinfo=BANGKOK)
    return local.astimezone(dt.UTC)


def is_due(now: dt.datetime, backup_time: str, last_good: dt.datetime | None) -> bool:
    """Whether the daily backup is due at ``now`` (aware): past today's ``HH:MM`` (Bangkok)
    and none made since then."""
    local = now.astimezone(BANGKOK)
    hour, minute = (int(x) for x in backup_time.split(":"))
    today_at = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if local < today_at:
        return False
    return last_good is None or last_good < today_at


class AutoBackup(QObject):
    last_good_changed = Signal(object)  # dt.datetime (aware UTC) | None
    failed = Signal(str)
    backed_up = Signal(str)  # the new file

    def __init__(
        self,
        env: Any,
        parent: QObject | None = None,
        *,
        folder: Path | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._uow = env.uow
        self._clock = clock or getattr(env, "clock", None) or utc_now
        self._folder = folder
        self._ops = Operations(self)
        self._last_good: dt.datetime | None = None
        self._known = False

    # ---------------------------------------------------------------- state

    @property
    def last_good(self) -> dt.datetime | None:
        return self._last_good

    @property
    def stale(self) -> bool:
        last = self._last_good
        return last is None or self._clock() - last > STALE_AFTER

    def status_text(self) -> str:
        last = self._last_good
        if last is None:
            return "ยังไม่มีข้อมูลสำรอง (no backup yet)"
        shown = last.astimezone(BANGKOK).strftime("%d/%m/%Y %H:%M")
        return f"สำรองข้อมูลล่าสุด {shown} (last backup)"

    @property
    def busy(self) -> bool:
        return self._ops.busy

    def wait(self, msecs: int = 60_000) -> bool:
        return self._ops.wait(msecs)

    # ---------------------------------------------------------------- actions

    def start(self) -> None:
        """Find the last good backup; then take today's if it is due."""
        uow, folder, clock = self._uow, self._folder, self._clock

        def work() -> tuple[dt.datetime | None, bool]:
            from desktop_app.services.settings import get_setting

            last = self._read_last(uow, folder)
            due = is_due(clock(), get_setting(uow, "backup.time").value, last)
            return last, due

        def done(result: tuple[dt.datetime | None, bool]) -> None:
            last, due = result
            self._set_last(last)
            if due:
                self._backup()

        self._ops.run(work, done, self._failed)

    def back_up_now(self) -> None:
        """File › Back up now: the same verified backup, whenever asked."""
        self._backup()

    def at_close_if_due(self) -> None:
        """The day's backup as the window closes, if none was taken since ``backup.time``
        (call ``wait`` before exiting): a counter PC switched off at 16:30 every day still gets
        one a day when its backup time is 16:00."""
        uow, folder, clock = self._uow, self._folder, self._clock

        def work() -> str | None:
            from desktop_app.services import backup
            from desktop_app.services.settings import get_setting

            if not is_due(clock(), get_setting(uow, "backup.time").value,
                          self._read_last(uow, folder)):  # fmt: skip
                return None
            return backup.run_backup(uow, None, folder, now=clock()).file

        def done(file: str | None) -> None:
            if file is not None:
                self.backed_up.emit(file)

        self._ops.run(work, done, self._failed)

    def at_close(self) -> None:
        """One more backup as the window closes (call ``wait`` before exiting)."""
        self._backup()

    def _backup(self) -> None:
        uow, folder, clock = self._uow, self._folder, self._clock

        def work() -> str:
            from desktop_app.services import backup

            return backup.run_backup(uow, None, folder, now=clock()).file

        def done(file: str) -> None:
            self.backed_up.emit(file)
            self._ops.run(lambda: self._read_last(uow, folder), self._set_last, self._failed)

        self._ops.run(work, done, self._failed)

    # ---------------------------------------------------------------- helpers

    @staticmethod
    def _read_last(uow: Any, folder: Path | None) -> dt.datetime | None:
        if folder is None:
            return _last_good(uow)
        from desktop_app.services import backup

        found = backup.list_backups(folder)
        if not found:
            return None
        local = dt.datetime.fromisoformat(found[0].made_at).replace(tzinfo=BANGKOK)
        return local.astimezone(dt.UTC)

    def _set_last(self, last: dt.datetime | None) -> None:
        changed = last != self._last_good or not self._known
        self._last_good, self._known = last, True
        if changed:
            self.last_good_changed.emit(last)

    def _failed(self, error: Exception) -> None:
        message = getattr(error, "message", None) or f"{type(error).__name__}: {error}"
        self.failed.emit(f"สำรองข้อมูลอัตโนมัติไม่สำเร็จ (automatic backup failed: {message})")
