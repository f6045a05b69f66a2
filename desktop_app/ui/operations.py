"""Run a service call on a worker thread and deliver its result on the UI thread, in the
manner of Anki's aqt/operations: widgets never wait on the database."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Callbacks = tuple[Callable[[Any], None], Callable[[Exception], None]]


class _Relay(QObject):
    """One per Operations, living on the UI thread for as long as it does. Workers emit
    ``finished``; the receiving slot belongs to this object, so Qt queues the call to the
    UI thread. (A lambda connected directly would run on the worker thread, and a QObject
    made and deleted per job raced the worker's last reference to it: a segfault.)"""

    finished = Signal(int, object, object)  # job id, result, error


class _Job(QRunnable):
    def __init__(self, job_id: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.job_id, self.work, self.relay = job_id, work, relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as e:  # delivered to the UI, which shows it
            self.relay.finished.emit(self.job_id, None, e)
        else:
            self.relay.finished.emit(self.job_id, result, None)


class Operations(QObject):
    """Owns the worker pool. Its owner waits for it (``wait``) before going away."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._pending: dict[int, Callbacks] = {}
        self._ids = itertools.count(1)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        job_id = next(self._ids)
        self._pending[job_id] = (on_done, on_error)
        self.pool.start(_Job(job_id, work, self._relay))

    @Slot(int, object, object)
    def _deliver(self, job_id: int, result: Any, error: Exception | None) -> None:
        on_done, on_error = self._pending.pop(job_id)
        if error is None:
            on_done(result)
        else:
            on_error(error)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)


class Reloader:
    """Loads one view's data through ``ops``: one load at a time, and requests that arrive
    during a load are folded into one more load after it — a burst of changes costs two
    loads, never a pile of them."""

    def __init__(
        self,
        ops: Operations,
        load: Callable[[], Any],
        show: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None:
        self.ops, self.load, self.show, self.failed = ops, load, show, failed
        self.running = False
        self._again = False

    def request(self) -> None:
        if self.running:
            self._again = True
            return
        self.running = True
        self.ops.run(self.load, self._done, self._error)

    def _done(self, value: Any) -> None:
        self._finish()
        self.show(value)

    def _error(self, error: Exception) -> None:
        self._finish()
        self.failed(error)

    def _finish(self) -> None:
        self.running = False
        if self._again:
            self._again = False
            self.request()
