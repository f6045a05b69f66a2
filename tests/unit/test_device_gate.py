"""The CLI's gate for device tokens (desktop_app/cli/core.py, issue 17), without a database:
which token counts, and that the windows get the token instead of a refusal."""

from __future__ import annotations

import argparse

import pytest

from desktop_app.cli import core
from desktop_app.domain.errors import AuthError


def _ctx(**args: object) -> core.Context:
    base = {"command": "ticket", "ticket_command": "issue", "device_token": None,
            "as_user": None, "json": True, "db": "sqlite:///nowhere.db"}  # fmt: skip
    return core.Context(argparse.Namespace(**{**base, **args}))


def test_which_token_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KHETDESK_DEVICE_TOKEN", raising=False)
    assert core._device_token(_ctx()) is None
    assert core._device_token(_ctx(device_token="kd1_x")) == "kd1_x"
    monkeypatch.setenv("KHETDESK_DEVICE_TOKEN", "kd1_env")
    assert core._device_token(_ctx()) == "kd1_env"
    assert core._device_token(_ctx(as_user="clerk1")) is None  # a person at the keyboard
    with pytest.raises(AuthError):  # both on one command line: refused, not guessed
        core._device_token(_ctx(device_token="kd1_x", as_user="clerk1"))


def test_the_windows_check_the_token_themselves(monkeypatch: pytest.MonkeyPatch) -> None:
    """`khetdesk gui --kiosk` on a PC whose shortcut sets the token is not refused by the
    command gate (the kiosk reads the token; ui.login); a --device-token is handed on."""
    monkeypatch.setenv("KHETDESK_DEVICE_TOKEN", "kd1_env")
    ctx = _ctx(command="gui", ticket_command=None)
    core._device_gate(ctx)  # no database opened, nothing refused
    assert ctx.device is None and ctx._uow is None
    monkeypatch.delenv("KHETDESK_DEVICE_TOKEN")
    core._device_gate(_ctx(command="gui", device_token="kd1_opt"))
    import os

    assert os.environ["KHETDESK_DEVICE_TOKEN"] == "kd1_opt"


def test_the_commands_open_to_each_kind() -> None:
    assert "ticket issue" in core.DEVICE_COMMANDS["kiosk"]
    assert "appointment checkin" in core.DEVICE_COMMANDS["kiosk"]
    assert "ticket call" not in core.DEVICE_COMMANDS["kiosk"]
    assert core.DEVICE_COMMANDS["board"] >= {"queue status", "ticket show", "ticket preview"}
    assert not core.DEVICE_COMMANDS["board"] & {"ticket issue", "ticket reprint"}
    assert "--device-token=***" in core.redacted(["--device-token=kd1_secret"])
    assert core.redacted(["--device-token", "kd1_secret", "queue"]) == [
        "--device-token", "***", "queue",
    ]  # fmt: skip
