"""The collector as the process entries set it (desktop_app.gc_tuning): a command runs with
young collections every 10,000 objects and freezes what it made before exiting; the windows
go back to the default thresholds once their modules are in. Each case runs in a fresh
interpreter, so that this test process's collector is left alone."""

from __future__ import annotations

import gc
import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

from desktop_app.gc_tuning import START_THRESHOLD


def _probe(code: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    return dict(json.loads(done.stdout.splitlines()[-1]))


def test_a_command_runs_with_rare_young_collections_and_freezes_before_exit():
    state = _probe(
        "import gc, json, sys\n"
        "from desktop_app.cli import run\n"
        "sys.argv = ['khetdesk', '--version']\n"
        "before = gc.get_threshold()\n"
        "code = run()\n"
        "print(json.dumps({'code': code, 'before': before, 'during': gc.get_threshold(),\n"
        "                  'frozen': gc.get_freeze_count()}))\n"
    )
    assert state["code"] == 0
    assert tuple(state["before"]) == gc.get_threshold()  # type: ignore[arg-type]
    assert tuple(state["during"]) == START_THRESHOLD  # type: ignore[arg-type]
    assert int(state["frozen"]) > 10_000  # type: ignore[call-overload]


def test_the_windows_go_back_to_the_default_thresholds_once_loaded():
    state = _probe(
        "import gc, json\n"
        "from desktop_app import gc_tuning\n"
        "default = gc.get_threshold()\n"
        "gc_tuning.for_start()\n"
        "started = gc.get_threshold()\n"
        "gc_tuning.loaded()\n"
        "print(json.dumps({'default': default, 'started': started,\n"
        "                  'loaded': gc.get_threshold(), 'frozen': gc.get_freeze_count()}))\n"
    )
    assert tuple(state["started"]) == START_THRESHOLD  # type: ignore[arg-type]
    assert state["loaded"] == state["default"]
    assert int(state["frozen"]) > 0  # type: ignore[call-overload]


def test_every_process_entry_goes_through_the_tuned_start():
    scripts = {e.name: e.value for e in importlib.metadata.entry_points(group="console_scripts")}
    assert scripts["khetdesk"] == "desktop_app.cli:run"
    guis = {e.name: e.value for e in importlib.metadata.entry_points(group="gui_scripts")}
    assert guis["khetdesk-gui"] == "desktop_app.cli:gui_main"
    root = Path(__file__).resolve().parents[2]
    for entry in (root / "desktop_app" / "__main__.py", root / "packaging" / "khetdesk_main.py"):
        assert "sys.exit(run())" in entry.read_text(encoding="utf-8"), entry
