"""The bundle's command line: `khetdesk …` as in CLI.md."""

import sys

from desktop_app.cli import run

if __name__ == "__main__":
    sys.exit(run())
