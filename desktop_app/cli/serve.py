"""`serve`: the read-only status server for the office network (CLI.md, "The citizen's phone
and the LAN board"; docs/web.md)."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

from desktop_app.cli.core import Context


def _check_listen(host: str, port: int) -> None:
    """A taken port or an address this PC does not have is a clear refusal (exit 3) before
    anything starts, not uvicorn's log line and exit 1."""
    from desktop_app.domain.errors import InvalidInput

    if not 1 <= port <= 65535:
        raise InvalidInput(f"พอร์ตต้องเป็น 1–65535 (port must be 1-65535, got {port})")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(address)
    except OSError as e:
        raise InvalidInput(
            f"เปิดรับการเชื่อมต่อที่ {host[:60]}:{port} ไม่ได้ "
            f"(cannot listen on {host[:60]}:{port}: {e.strerror or e})"
        ) from None


def cmd_serve(ctx: Context) -> int:
    from desktop_app.web.server import build, run

    a = ctx.args
    _check_listen(a.host, a.port)
    app = build(ctx.url)  # refuses a missing or foreign database first
    if not ctx.json:
        print(f"khetdesk serve: http://{a.host}:{a.port}/ (Ctrl+C หยุด / to stop)", flush=True)
    run(app, a.host, a.port)
    return 0


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add `serve`."""
    from desktop_app.web.server import DEFAULT_HOST, DEFAULT_PORT

    c = command(sub, "serve", cmd_serve)
    c.add_argument("--host", default=DEFAULT_HOST)
    c.add_argument("--port", type=int, default=DEFAULT_PORT)
