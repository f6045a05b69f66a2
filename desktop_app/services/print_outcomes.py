"""How each print on this PC's thermal printer ended, told to whoever listens.

``services.printer`` reports every ticket, reprint, test page and asset label it sends (or
fails to send) with :func:`report`; the windows listen with :func:`watch` to show this
PC's printer's last result (the shell's status bar) and to keep it for the next start.

A print is an event of this process, on this PC: nothing here touches the database. The
module is light on purpose (no printing stack), so that the windows can listen from the
start without loading what a print needs. Listeners are held weakly when they are bound
methods, so a window that is gone stops listening by itself; they are called on the thread
that printed (a worker), and must hand over to their own thread (a queued Qt signal).
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from desktop_app.domain.thai_time import utc_now


@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    what: str  # what was printed, in Thai: "บัตรคิว A001", "หน้าทดสอบ", "ป้ายครุภัณฑ์ …"
    what_en: str
    reason: str  # a printing.escpos_out.Failure value when not ok, else ""
    thai: str  # why it did not print, in Thai ("" when it did)
    english: str
    connection: str  # the printer.connection it went to ("" if it was refused before)
    at: dt.datetime  # UTC

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["at"] = self.at.isoformat()
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> PrintOutcome:
        """An outcome kept by an earlier start; ValueError/KeyError/TypeError if damaged."""
        at = dt.datetime.fromisoformat(str(d["at"]))
        if at.tzinfo is None:
            raise ValueError("a time without its zone")
        return cls(
            ok=bool(d["ok"]),
            what=str(d["what"]),
            what_en=str(d.get("what_en", "")),
            reason=str(d.get("reason", "")),
            thai=str(d.get("thai", "")),
            english=str(d.get("english", "")),
            connection=str(d.get("connection", "")),
            at=at,
        )


Listener = Callable[[PrintOutcome], None]
_lock = threading.Lock()
_listeners: list[Callable[[], Listener | None]] = []


def watch(listener: Listener) -> None:
    """Call ``listener`` after every print on this PC (weakly held if a bound method)."""
    ref: Callable[[], Listener | None]
    if hasattr(listener, "__self__") and hasattr(listener, "__func__"):
        ref = weakref.WeakMethod(listener)
    else:
        ref = lambda: listener  # noqa: E731
    with _lock:
        _listeners.append(ref)


def unwatch(listener: Listener) -> None:
    with _lock:
        _listeners[:] = [r for r in _listeners if r() not in (None, listener)]


def report(
    ok: bool,
    what: str,
    what_en: str,
    connection: str = "",
    reason: str = "",
    thai: str = "",
    english: str = "",
    clock: Callable[[], dt.datetime] | None = None,
) -> PrintOutcome:
    """Tell the listeners how a print ended; a listener that fails is dropped, never the
    print's own result."""
    outcome = PrintOutcome(ok, what, what_en, reason, thai, english, connection,
                           (clock or utc_now)())  # fmt: skip
    with _lock:
        live = [(r, f) for r in _listeners if (f := r()) is not None]
        _listeners[:] = [r for r, _f in live]
    for ref, listener in live:
        try:
            listener(outcome)
        except RuntimeError:  # its window's Qt object is deleted already
            with _lock:
                if ref in _listeners:
                    _listeners.remove(ref)
    return outcome
