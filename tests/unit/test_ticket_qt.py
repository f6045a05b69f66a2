"""The Qt application that rendering needs, made the way the command line makes it. Each case
runs in a fresh interpreter: a process has one Qt application for its whole life."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def python(code: str, **env: str | None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in env}
    environ.update({k: v for k, v in env.items() if v is not None})
    return subprocess.run([sys.executable, "-c", code], env=environ, cwd=REPO, text=True,
                          capture_output=True, timeout=60, check=False)  # fmt: skip


PLATFORM = "from printing.qt import ensure_gui_app; print(ensure_gui_app().platformName())"


def test_without_a_display_the_offscreen_platform_is_chosen() -> None:
    result = python(PLATFORM, QT_QPA_PLATFORM=None, DISPLAY=None, WAYLAND_DISPLAY=None)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "offscreen"


def test_the_users_platform_choice_is_kept() -> None:
    result = python(PLATFORM, QT_QPA_PLATFORM="minimal", DISPLAY=None, WAYLAND_DISPLAY=None)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "minimal"


def test_a_worker_thread_cannot_create_the_application() -> None:
    code = (
        "import threading\n"
        "from printing.qt import ensure_gui_app\n"
        "from printing.ticket_render import render_ticket, TicketContent\n"
        "seen = []\n"
        "def work():\n"
        "    for call in (ensure_gui_app, lambda: render_ticket(None, 384)):\n"
        "        try: call()\n"
        "        except RuntimeError as e: seen.append(str(e))\n"
        "t = threading.Thread(target=work); t.start(); t.join()\n"
        "print(len(seen), 'main thread' in seen[0], 'ensure_gui_app' in seen[1])\n"
    )
    result = python(code, QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2", "True", "True"]
