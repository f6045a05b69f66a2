"""services.print_outcomes: every listener hears each print's outcome; a bound method is
held weakly, so a window that is gone stops listening by itself; a listener whose Qt object
is deleted (RuntimeError) is dropped without troubling the print."""

from __future__ import annotations

import datetime as dt
import gc

from desktop_app.services import print_outcomes
from desktop_app.services.print_outcomes import PrintOutcome

AT = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)


class Window:
    def __init__(self) -> None:
        self.heard: list[PrintOutcome] = []

    def hear(self, outcome: PrintOutcome) -> None:
        self.heard.append(outcome)


def test_listeners_hear_every_print_and_gone_windows_stop_listening():
    heard: list[PrintOutcome] = []
    window, gone = Window(), Window()
    print_outcomes.watch(heard.append)
    print_outcomes.watch(window.hear)
    print_outcomes.watch(gone.hear)
    del gone
    gc.collect()
    try:
        out = print_outcomes.report(
            False, "บัตรคิว A001", "ticket A001", "network://p:9100",
            "paper_out", "กระดาษหมด", "out of paper", clock=lambda: AT,
        )  # fmt: skip
        assert heard == [out] and window.heard == [out]
        assert (out.ok, out.reason, out.thai, out.at) == (False, "paper_out", "กระดาษหมด", AT)
        assert PrintOutcome.from_json(out.to_json()) == out
        print_outcomes.unwatch(window.hear)
        print_outcomes.report(True, "หน้าทดสอบ", "test page", clock=lambda: AT)
        assert len(heard) == 2 and len(window.heard) == 1
    finally:
        print_outcomes.unwatch(heard.append)


def test_a_listener_whose_window_is_deleted_is_dropped():
    calls: list[int] = []

    def deleted(_outcome: PrintOutcome) -> None:
        calls.append(1)
        raise RuntimeError("Internal C++ object already deleted.")

    print_outcomes.watch(deleted)
    print_outcomes.report(True, "หน้าทดสอบ", "test page", clock=lambda: AT)
    print_outcomes.report(True, "หน้าทดสอบ", "test page", clock=lambda: AT)
    assert calls == [1]
