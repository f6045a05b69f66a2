"""Running the web application with uvicorn: ``khetdesk serve`` (desktop_app/cli/serve.py)."""

from __future__ import annotations

import logging
import os

from db.engine import make_engine
from db.migrate import check_schema
from db.readonly import QueryCounter, make_read_only_engine
from db.uow import UnitOfWork

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
# How often the one background read of the audit head runs (seconds, default 0.25): a
# tuning knob for a slow database server, and how the tests prove that requests do not
# depend on it.
POLL_ENV = "KHETDESK_WEB_POLL_S"


def build(url: str, poll_s: float | None = None):  # type: ignore[no-untyped-def]
    """The ASGI app on ``url``: reads through a read-only engine, the rating through a
    normal one. Refuses a missing or foreign database before listening."""
    from desktop_app.web.app import create_app

    if poll_s is None and os.environ.get(POLL_ENV):
        try:
            poll_s = min(60.0, max(0.05, float(os.environ[POLL_ENV])))
        except ValueError:
            poll_s = None
    write_engine = make_engine(url, create=False)
    check_schema(write_engine)
    read_engine = make_read_only_engine(url)
    counter = QueryCounter()
    counter.attach(read_engine)
    counter.attach(write_engine)
    return create_app(
        UnitOfWork(read_engine), UnitOfWork(write_engine), poll_s=poll_s,
        queries=lambda: counter.count,
    )  # fmt: skip


def serve(url: str, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Until stopped (Ctrl+C, SIGTERM)."""
    run(build(url), host, port)


def run(app, host: str, port: int) -> None:  # type: ignore[no-untyped-def]
    import uvicorn

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s")
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        server_header=False,  # no banner
        date_header=True,
        access_log=False,
        log_level="warning",
        backlog=4096,  # hundreds of phones reconnecting at once
        timeout_keep_alive=15,
        timeout_graceful_shutdown=3,  # open SSE streams never end by themselves
        proxy_headers=False,  # the client address is the phone's: the rating limit uses it
        h11_max_incomplete_event_size=16 * 1024,
    )
    uvicorn.Server(config).run()
