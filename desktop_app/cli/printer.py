"""This PC's thermal printer: `printer test`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.cli.core import Context, qt_for_printing


def cmd_printer_test(ctx: Context) -> int:
    from desktop_app.services.printer import print_test_page

    qt_for_printing()
    r = print_test_page(ctx.uow)
    ctx.emit(r, f"พิมพ์หน้าทดสอบแล้ว: {r.connection} ({r.bytes:,} ไบต์)")
    return 0


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add `printer`."""
    g = group("printer")
    command(g, "test", cmd_printer_test, "print a test page")
