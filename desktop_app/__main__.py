import sys

from desktop_app.cli import run

sys.exit(run())
