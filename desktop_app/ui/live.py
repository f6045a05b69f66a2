"""Live updates across windows and PCs.

Every change to the database appends to the audit chain, so the chain head's sequence
number is a revision of the whole database: one-row read, polled every 500 ms off the UI
thread. When it moves, ``changed`` tells every window of this process, and each reloads
what it shows (off the UI thread too). A window that has just changed something calls
``poke()`` so that the other windows of the same PC follow at once instead of at the next
tick. PostgreSQL's LISTEN/NOTIFY would save the idle polls, but it needs a NOTIFY in the
writing transaction (db/) and a listening connection per PC, and works on one engine
only; at two one-row reads a second per PC the poll costs nothing that matters and the
measured call→board latency is well under a second (tests/bench/ui_refresh.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from db.uow import UnitOfWork
from desktop_app.services.tickets import queue_revision
from desktop_app.ui.operations import Operations, Reloader

POLL_MS = 500


class LiveQueue(QObject):
    changed = Signal(int)  # the new revision
    online = Signal(bool)  # the database answers (True) or not (False), on every flip

    def __init__(self, uow: UnitOfWork, interval_ms: int = POLL_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.uow = uow
        self.revision: int | None = None
        self.is_online = True
        self.ops = Operations(self)
        self.ops.pool.setMaxThreadCount(1)
        self._reloader = Reloader(self.ops, lambda: queue_revision(uow), self._got, self._failed)
        self.timer = QTimer(self, interval=interval_ms, timeout=self.poke)

    def start(self) -> None:
        if not self.timer.isActive():
            self.timer.start()
            self.poke()

    def stop(self, wait_ms: int = 3000) -> None:
        self.timer.stop()
        self.ops.wait(wait_ms)

    def poke(self) -> None:
        """Look now (after a change made here, or to refresh at once)."""
        self._reloader.request()

    def _got(self, revision: int) -> None:
        if not self.is_online:
            self.is_online = True
            self.online.emit(True)
        if revision != self.revision:
            self.revision = revision
            self.changed.emit(revision)

    def _failed(self, error: Exception) -> None:
        if self.is_online:
            self.is_online = False
            self.online.emit(False)
