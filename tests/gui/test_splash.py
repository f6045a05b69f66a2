"""The start card (ui.splash): `khetdesk gui` paints it before the database stack is imported,
and it goes away when the first real window appears — the login on a usable database, the
error message on one that cannot be opened.

Each case is a new interpreter running the real command (``desktop_app.cli.core.main``), as a
double click on the icon does: what is imported before the first paint only shows in a
process that has imported nothing yet. The child watches every window's paint from an
application-wide event filter and reports, as JSON, the order of the paints, whether
SQLAlchemy was loaded at each, and which windows were visible when the last one painted.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db.engine import make_engine
from desktop_app.services.setup import init_database

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import json, os, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    paints = []
    last = sys.argv[2]

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if (event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.isWindow()
                    and obj.objectName() not in [p["window"] for p in paints]):
                paints.append({"window": obj.objectName() or type(obj).__name__,
                               "sqlalchemy": "sqlalchemy" in sys.modules})
                if obj.objectName() == last or type(obj).__name__ == last:
                    QTimer.singleShot(0, report)
            return False

    def report():
        visible = sorted(w.objectName() or type(w).__name__
                         for w in app.topLevelWidgets() if w.isVisible())
        print(json.dumps({"paints": paints, "visible": visible}), flush=True)
        os._exit(0)

    watch = Watch()
    app.installEventFilter(watch)
    QTimer.singleShot(60_000, report)  # never came: what did, for the failure's message
    from desktop_app.cli.core import main
    main(["--db", sys.argv[1], "gui"])
    """
)


def run_gui(url: str, last_window: str, home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHETDESK_")}
    path = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home), HOME=str(home),
               PYTHONPATH=path)  # fmt: skip
    done = subprocess.run([sys.executable, "-c", CHILD, url, last_window], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-3000:]
    return json.loads(lines[-1])


def test_the_card_paints_before_the_database_stack_and_gives_way_to_the_login(
    tmp_path, sqlite_template
):
    path = tmp_path / "office.db"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    init_database(engine, demo=True)  # users: the login, not the first-run wizard
    engine.dispose()
    seen = run_gui(f"sqlite:///{path}", "loginDialog", tmp_path)
    first, *later = seen["paints"]
    assert first == {"window": "startSplash", "sqlalchemy": False}, seen
    assert [p["window"] for p in later][-1] == "loginDialog", seen
    assert seen["visible"] == ["loginDialog"], "the card is still up beside the login"


def test_the_card_gives_way_to_the_message_on_a_database_that_cannot_be_opened(tmp_path):
    missing = tmp_path / "no-such-folder" / "office.db"
    seen = run_gui(f"sqlite:///{missing}", "QMessageBox", tmp_path)
    assert seen["paints"][0]["window"] == "startSplash", seen
    assert seen["paints"][-1]["window"] == "QMessageBox", seen
    assert "startSplash" not in seen["visible"], "the card hides the error message"
    assert not missing.exists()
