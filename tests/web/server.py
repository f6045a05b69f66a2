"""``khetdesk serve`` as a real process on 127.0.0.1 and a free port, for the web tests,
the browser test and the load benchmark."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Server:
    base: str
    process: subprocess.Popen[bytes]

    def get(self, path: str, **kw) -> httpx.Response:  # type: ignore[no-untyped-def]
        return httpx.get(self.base + path, timeout=10, **kw)


def serve_command(url: str, port: int) -> list[str]:
    return [sys.executable, "-m", "desktop_app", "--db", url, "serve",
            "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip


@contextlib.contextmanager
def running(url: str, log: Path | None = None, **env_extra: str) -> Iterator[Server]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "KHETDESK_DB"} | env_extra
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115
    proc = subprocess.Popen(serve_command(url, port), cwd=REPO, env=env, stdout=out, stderr=out)
    server = Server(f"http://127.0.0.1:{port}", proc)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"khetdesk serve ended with {proc.returncode}")
            with contextlib.suppress(httpx.HTTPError):
                if server.get("/healthz").status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("khetdesk serve did not answer /healthz")
            time.sleep(0.1)
        yield server
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if log:
            out.close()  # type: ignore[union-attr]
