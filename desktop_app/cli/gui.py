"""`gui`: the windows (the only command that opens one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app import gc_tuning
from desktop_app.cli.core import Context


def cmd_gui(ctx: Context) -> int:
    # The card first, then the database stack and the windows (ui.splash says why).
    from desktop_app.ui import pyside_imports
    from desktop_app.ui.splash import show_splash

    pyside_imports.install()  # PySide6 is in: what is imported next pays no source reading
    show_splash()
    from desktop_app.ui.app import run_gui

    gc_tuning.loaded()  # the windows' modules are in; the program runs for hours from here
    a = ctx.args
    mode = "kiosk" if a.kiosk else "display" if a.display else "counter" if a.counter else "main"
    return run_gui(ctx.url, mode=mode, counter=a.counter)


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add `gui`."""
    c = command(sub, "gui", cmd_gui)
    mode = c.add_mutually_exclusive_group()
    mode.add_argument("--kiosk", action="store_true")
    mode.add_argument("--display", action="store_true")
    mode.add_argument("--counter", type=int, metavar="N")
