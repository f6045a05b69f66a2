"""This PC's printer's last result, for the windows: each print's outcome
(services.print_outcomes, told on the worker that printed) arrives here on the UI thread,
is kept in this PC's settings for the next start, and is announced with ``changed``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_app.services import print_outcomes
from desktop_app.services.print_outcomes import PrintOutcome

if TYPE_CHECKING:
    from desktop_app.ui.env import LocalSettings


class PrintStatus(QObject):
    changed = Signal(object)  # the new PrintOutcome
    _heard = Signal(object)  # from the printing worker; queued to this object's thread

    def __init__(self, local: LocalSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.local = local
        self.last: PrintOutcome | None = local.last_print
        self._heard.connect(self._arrived)
        print_outcomes.watch(self._report)

    def _report(self, outcome: PrintOutcome) -> None:  # any thread
        self._heard.emit(outcome)

    def _arrived(self, outcome: PrintOutcome) -> None:
        self.last = outcome
        self.local.last_print = outcome
        self.changed.emit(outcome)

    def stop(self) -> None:
        print_outcomes.unwatch(self._report)
