"""The command line as a package: each group a module of its own, loaded only when its command
runs, with no circle between the modules (issue 18, step 1)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from db import migrate
from desktop_app.cli import core

CLI = Path(core.__file__).parent
HEAVY = ("alembic", "reportlab", "openpyxl", "PySide6")


def _cli_imports(path: Path) -> set[str]:
    """The desktop_app.cli modules a module imports, at its top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("desktop_app.cli."):
                found.add(node.module.rsplit(".", 1)[1])
            elif node.module == "desktop_app.cli":
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.rsplit(".", 1)[1] for a in node.names
                         if a.name.startswith("desktop_app.cli."))  # fmt: skip
    return found


def test_a_group_module_imports_only_the_core():
    groups = {p.stem for p in CLI.glob("*.py")} - {"__init__", "core"}
    assert {"setup", "queue", "printer", "assets", "loans", "reports", "audit"} <= groups
    for name in sorted(groups):
        assert _cli_imports(CLI / f"{name}.py") <= {"core"}, name
    # The core names the groups only in its registry, by string, never by import.
    assert _cli_imports(CLI / "core.py") <= {"gui"}  # the default command, `khetdesk` alone


def test_every_registered_command_is_added_by_its_module():
    parser = core.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, (module, _help) in core.COMMANDS.items():
        found = sub.choices[name]
        assert found.get_default("func") is not None or any(
            a.dest == f"{name}_command" for a in found._actions
        ), f"{name}: {module}.add_commands does not add it"


@pytest.mark.parametrize(
    "argv, word",
    [
        (["ticket", "issue", "A"], "ticket"),
        (["--db", "sqlite:///ticket.db", "--json", "queue", "status"], "queue"),
        (["--as=admin", "loan", "show", "X"], "loan"),
        (["--d", "report", "asset", "list"], "asset"),  # --d is --db: its value is "report"
        (["--json"], None),
    ],
)
def test_the_command_word_is_found_past_global_options(argv, word):
    assert core._command_word(argv) == word


def test_a_misread_command_line_still_gets_the_whole_parsers_answer():
    # "--as" given twice: the quick look is not fooled into a usage error of its own.
    args = core._parse(["--as", "x", "--json", "queue", "status"])
    assert args.command == "queue" and args.func.__module__ == "desktop_app.cli.queue"


def test_the_head_revision_is_read_without_alembic_as_alembic_reads_it():
    assert migrate._head_from_files() == migrate.head_revision()


def test_queue_status_imports_nothing_heavy(tmp_path):
    """What `python -X importtime -m desktop_app queue status` would list, read from
    sys.modules at the end of the command in a fresh interpreter."""
    db = f"sqlite:///{tmp_path / 'k.db'}"
    subprocess.run([sys.executable, "-m", "desktop_app", "--db", db, "init", "--demo"],
                   check=True, capture_output=True)  # fmt: skip
    probe = (
        "import sys\n"
        "from desktop_app.cli import main\n"
        f"assert main(['--db', {db!r}, '--json', 'queue', 'status']) == 0\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                          text=True)  # fmt: skip
    imported = set(done.stderr.split())
    assert {"desktop_app.cli.queue", "desktop_app.services.tickets"} <= imported
    assert "desktop_app.cli.assets" not in imported
    heavy = sorted(m for m in imported if m.split(".")[0] in HEAVY)
    assert heavy == []
