"""``python tests/reliability/page_limit.py PAGES ARGS…``: the real program (``python -m
desktop_app ARGS…``) on an SQLite file that may hold at most PAGES pages, as on a disk with
only that much room left. ``PRAGMA max_page_count`` lives on a connection, so it is set on
every connection the program opens; past it SQLite answers SQLITE_FULL ("database or disk
is full"), the error a full disk gives, and no mount or root is needed."""

from __future__ import annotations

import runpy
import sys

from sqlalchemy import Engine, event


def main() -> None:
    pages = int(sys.argv[1])

    @event.listens_for(Engine, "connect")
    def _limit(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        if type(dbapi_connection).__module__.startswith("sqlite3"):
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    sys.argv = [sys.argv[0], *sys.argv[2:]]
    runpy.run_module("desktop_app", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
