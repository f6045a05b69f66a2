"""desktop_app.ui.pyside_imports: PySide6's per-import source check, answered from the file's
bytes, gives PySide6's own answer for every module this test process has loaded (ours,
SQLAlchemy, Qt's, the standard library), and is what the windows' start installs."""

from __future__ import annotations

import os
import subprocess
import sys

import PySide6.QtCore  # noqa: F401 - PySide6's import machinery, as the windows load it

from desktop_app import gc_tuning  # noqa: F401 - a module of ours without Qt
from desktop_app.ui import pyside_imports


def test_the_fast_check_answers_as_pyside6_does_for_every_loaded_module():
    feature = sys.modules["shibokensupport.feature"]
    before = feature._mod_uses_pyside
    try:
        original = getattr(before, "pyside_original", before)  # PySide6's own
        feature._mod_uses_pyside = original
        assert pyside_imports.install()
        fast = feature._mod_uses_pyside
        assert fast is not original and fast.pyside_original is original
        modules = [m for m in list(sys.modules.values()) if m is not None]
        assert len(modules) > 300
        answers = {m.__name__: (fast(m), original(m)) for m in modules}
        differ = {name: a for name, a in answers.items() if a[0] != a[1]}
        assert differ == {}
        # Both answers occur: modules of ours that use Qt, and many that do not.
        assert answers["desktop_app.ui.pyside_imports"] == (True, True)
        assert answers["desktop_app.gc_tuning"] == (False, False)
        assert pyside_imports.install()  # a second call keeps the one in place
        assert feature._mod_uses_pyside is fast
    finally:
        feature._mod_uses_pyside = before


def test_the_windows_start_installs_it_after_the_card():
    probe = (
        "import sys\n"
        "from desktop_app.cli import gui\n"
        "from desktop_app.ui import splash\n"
        "shown = []\n"
        "splash.show_splash = lambda: shown.append(1)\n"
        "import desktop_app.ui.app as app\n"
        "app.run_gui = lambda url, mode, counter: print(\n"
        "    hasattr(sys.modules['shibokensupport.feature']._mod_uses_pyside,\n"
        "            'pyside_original')) or 0\n"
        "class A: kiosk = display = False; counter = None\n"
        "class C: args = A(); url = 'sqlite://'\n"
        "assert gui.cmd_gui(C()) == 0 and shown == [1]\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120, env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True"]
