"""Run a service call on a worker thread and deliver its result on the UI thread, in the
manner of Anki's aqt/operations: widgets never wait on the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    # Emitted from the worker; Qt queues it to the thread the relay lives in (the UI).
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as e:  # delivered to the UI, which shows it
            self.relay.failed.emit(e)
        else:
            self.relay.succeeded.emit(result)


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
        relay = _Relay(self)
        self._pending.add(relay)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._pending.discard(relay)
            relay.deleteLater()
            callback(value)

        relay.succeeded.connect(lambda v: finish(on_done, v))
        relay.failed.connect(lambda e: finish(on_error, e))
        self.pool.start(_Job(work, relay))

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)
