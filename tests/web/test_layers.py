"""The web layer calls services like the windows do: no SQL, no models, no sessions in
desktop_app/web (DESIGN.md). Only server.py, which builds the engines, touches db."""

from __future__ import annotations

import ast
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "desktop_app" / "web"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_web_layer_reads_through_services_only() -> None:
    checked = 0
    for path in sorted(WEB.glob("*.py")):
        names = _imports(path)
        assert not any(n == "sqlalchemy" or n.startswith("sqlalchemy.") for n in names), path
        if path.name != "server.py":
            assert not {n for n in names if n.startswith("db.")} - {"db.uow"}, path
        assert not any(n.startswith(("desktop_app.ui", "PySide6")) for n in names), path
        checked += 1
    assert checked >= 4
