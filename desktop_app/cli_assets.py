"""Command line for the asset register and loans (CLI.md, "Assets and loans").

Registered by desktop_app.cli.build_parser; shares its Context, output helpers and exit codes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add the `asset` and `loan` command groups to the top-level subparsers."""
