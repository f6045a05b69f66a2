"""``python -m desktop_app.web --db URL [--host H] [--port P]``: the same server as
``khetdesk serve``, without the command line's other groups."""

from __future__ import annotations

import argparse

from db.engine import default_url
from desktop_app.web.server import DEFAULT_HOST, DEFAULT_PORT, serve

parser = argparse.ArgumentParser(prog="python -m desktop_app.web")
parser.add_argument("--db", default=None)
parser.add_argument("--host", default=DEFAULT_HOST)
parser.add_argument("--port", type=int, default=DEFAULT_PORT)
args = parser.parse_args()
serve(args.db or default_url(), args.host, args.port)
