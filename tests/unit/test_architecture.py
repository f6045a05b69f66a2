"""The layering of DESIGN.md: domain, db and printing never import the UI or Qt widgets;
domain imports neither SQLAlchemy nor Qt."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(folder: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / folder).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def _offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{file}: {name}"
        for file, names in _imports(folder).items()
        for name in names
        if name.startswith(forbidden)
    ]


def test_domain_is_plain_python():
    assert _offenders("desktop_app/domain", ("PySide6", "sqlalchemy", "desktop_app.ui",
                                             "desktop_app.services", "db")) == []  # fmt: skip


def test_lower_layers_never_import_the_ui():
    for folder in ("db", "printing", "desktop_app/services"):
        assert _offenders(folder, ("desktop_app.ui", "PySide6.QtWidgets")) == [], folder


def test_services_do_not_use_qt():
    assert _offenders("desktop_app/services", ("PySide6",)) == []


def test_printing_knows_no_database_and_no_application():
    """printing/ takes plain dataclasses: the services turn rows and settings into them."""
    assert _offenders("printing", ("db", "sqlalchemy", "desktop_app")) == []


def test_printing_uses_qt_gui_only():
    """QPainter on a QImage, fonts, a QGuiApplication: nothing that needs widgets."""
    qt = {n for names in _imports("printing").values() for n in names if n.startswith("PySide6")}
    assert qt <= {"PySide6", "PySide6.QtCore", "PySide6.QtGui"}, qt
