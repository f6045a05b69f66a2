"""The scriptable command line (CLI.md): `khetdesk` and `python -m desktop_app`.

The core (parser, context, output, exit codes) is in ``core``; each command group is a module
of its own, loaded only when its command runs.
"""

from desktop_app.cli.core import Context, UsageError, build_parser, gui_main, main, redacted, run

__all__ = ["Context", "UsageError", "build_parser", "gui_main", "main", "redacted", "run"]
