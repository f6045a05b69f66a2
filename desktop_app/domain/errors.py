"""Errors a user can cause. Each carries the CLI exit code and JSON error code of CLI.md.

Anything else that escapes is a bug (exit 1, ``internal``).
"""

from __future__ import annotations

from typing import Any


class KhetDeskError(Exception):
    exit_code = 1
    code = "internal"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class InvalidInput(KhetDeskError):
    """Bad input: empty name, unknown option value, malformed date…"""

    exit_code = 3
    code = "invalid"


class RuleViolation(KhetDeskError):
    """A rule refuses the request. ``clause`` names the regulation clause where one applies."""

    exit_code = 3
    code = "rule"

    def __init__(self, message: str, clause: str | None = None, **details: Any) -> None:
        super().__init__(message, **details)
        self.clause = clause


class AuthError(KhetDeskError):
    """Not logged in or wrong password."""

    exit_code = 4
    code = "auth"


class Forbidden(KhetDeskError):
    """Logged in, but the role may not do this."""

    exit_code = 4
    code = "forbidden"


class NotFound(KhetDeskError):
    exit_code = 5
    code = "not_found"


class Conflict(KhetDeskError):
    """Already done, or the state changed meanwhile."""

    exit_code = 6
    code = "conflict"


class DeviceError(KhetDeskError):
    """Printer offline, paper out… The data change still stands; ``result`` carries it."""

    exit_code = 7
    code = "device"

    def __init__(self, message: str, result: Any = None, **details: Any) -> None:
        super().__init__(message, **details)
        self.result = result


class DatabaseError(KhetDeskError):
    """The environment's fault: database locked too long, unreadable, read-only, disk full,
    or a schema this version does not know. Nothing was changed."""

    exit_code = 3
    code = "database"
