"""Run a service call on a worker thread and deliver its result on the UI thread, in the
manner of Anki's aqt/operations: widgets never wait on the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives on the UI thread. The worker emits ``finished``; because the receiving slot
    belongs to this object, Qt queues the call to the UI thread. (A lambda connected
    directly would run on the worker thread and touch widgets from there.)"""

    finished = Signal(object, object)  # result, error

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        on_settled: Callable[[_Relay], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._on_done, self._on_error, self._on_settled = on_done, on_error, on_settled
        self.finished.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result: Any, error: Exception | None) -> None:
        self._on_settled(self)
        if error is None:
            self._on_done(result)
        else:
            self._on_error(error)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as e:  # delivered to the UI, which shows it
            self.relay.finished.emit(None, e)
        else:
            self.relay.finished.emit(result, None)


class Operations(QObject):
    """Owns the worker pool; keeps each relay alive until its job has reported."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._pending: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        relay = _Relay(on_done, on_error, self._settled, self)
        self._pending.add(relay)
        self.pool.start(_Job(work, relay))

    def _settled(self, relay: _Relay) -> None:
        self._pending.discard(relay)
        relay.deleteLater()

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)
