"""Screenshots of the application shell for docs/ and the manual: the administrator, a
counter clerk and the supply officer at 1366×768, and the clerk at 150 % scaling on a
1920×1080 screen (run with ``--scale 1.5``: Qt's scale factor is read at start-up).

    QT_QPA_PLATFORM=offscreen python -m desktop_app.ui.shell_shots [--out docs]
    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1.5 python -m desktop_app.ui.shell_shots --scale 1.5

The demo office and its morning are those of ui.screenshots, at the same fixed time.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop_app.services.auth import authenticate
from desktop_app.ui.screenshots import demo_morning, settle


def take(out: Path, scale: float) -> list[Path]:
    from desktop_app.ui.shell import Shell

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with demo_morning(app) as env:
        env.local.counter = 1
        uow = env.uow
        if scale == 1:
            plan = [("admin", "stats", "admin"), ("clerk1", "counter", "clerk"),
                    ("supply", "loan_desk", "supply-officer")]  # fmt: skip
            size = (1366, 768)
        else:  # 1920×1080 physical pixels at 150 %: 1280×720 logical
            plan = [("clerk1", "counter", f"clerk-{round(scale * 100)}pct")]
            size = (round(1920 / scale), round(1080 / scale))
        for username, workspace, name in plan:
            actor = authenticate(uow, username, "demo")
            shell = Shell(env, actor)
            shell.resize(*size)
            shell.show()
            kw = {"number": 1} if workspace == "counter" else {}
            page = shell.open_workspace(workspace, **kw)
            reloader = getattr(page, "reloader", None)
            settle(app, lambda r=reloader: r is None or not r.ops.busy, 20)  # type: ignore[misc]
            settle(app, lambda s=shell: not s.ops.busy)
            path = out / f"shell-{name}-{size[0] * scale:.0f}x{size[1] * scale:.0f}.png"
            shell.grab().save(str(path))
            shots.append(path)
            print(path)
            shell.close()
    return shots


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path("docs"))
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args()
    if a.scale != 1 and os.environ.get("QT_SCALE_FACTOR") != str(a.scale):
        raise SystemExit(f"start with QT_SCALE_FACTOR={a.scale}")
    take(a.out, a.scale)
    os._exit(0)


if __name__ == "__main__":
    main()
