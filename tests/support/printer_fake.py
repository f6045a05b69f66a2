"""A network ESC/POS printer on 127.0.0.1 for tests, and a parser of what printers receive.

The fake reads the byte stream the way a printer does, command by command, so that it can
answer the real-time status request ``DLE EOT 4`` only where a command starts (the same three
bytes inside raster data are picture, not a question), and so that tests can check exactly
which commands arrived.

Modes:
  ``ok``        reads everything and answers DLE EOT 4 with "paper present";
  ``mute``      reads everything and never answers (a printer without status replies);
  ``paper_out`` answers "paper end sensor: no paper";
  ``stuck``     accepts the connection and never reads a byte, with the smallest receive
                buffer the kernel allows: the PC's send stalls once a few kilobytes are out.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from printing.raster import Raster, decode_gs_v0

PAPER_OK = 0x12
PAPER_OUT = 0x72


@dataclass(frozen=True)
class Command:
    name: str  # init, raster, cut, feed, status
    raw: bytes
    raster: Raster | None = None


def _next_command(data: bytes, at: int) -> tuple[Command, int] | None:
    """The command starting at ``at``, or None if the data ends before it does."""

    def need(n: int) -> bool:
        return len(data) >= at + n

    if not need(2):
        return None
    head = data[at : at + 2]
    if head == b"\x10\x04":
        return (Command("status", data[at : at + 3]), at + 3) if need(3) else None
    if head == b"\x1b@":
        return Command("init", head), at + 2
    if head == b"\x1bd":
        return (Command("feed", data[at : at + 3]), at + 3) if need(3) else None
    if head == b"\x1dv":
        if not need(8):
            return None
        width_bytes = data[at + 4] | data[at + 5] << 8
        height = data[at + 6] | data[at + 7] << 8
        end = at + 8 + width_bytes * height
        if len(data) < end:
            return None
        raster, end = decode_gs_v0(data, at)
        return Command("raster", data[at:end], raster), end
    if head == b"\x1dV":
        if not need(3):
            return None
        m = data[at + 2]
        size = 4 if m in (65, 66, 97, 103) else 3
        return (Command("cut", data[at : at + size]), at + size) if need(size) else None
    raise ValueError(f"unknown command {data[at : at + 4].hex(' ')} at offset {at}")


def parse(data: bytes) -> list[Command]:
    """Every command in a complete job; ValueError on bytes that are not one."""
    commands: list[Command] = []
    at = 0
    while at < len(data):
        found = _next_command(data, at)
        if found is None:
            raise ValueError(f"truncated command at offset {at} of {len(data)}")
        command, at = found
        commands.append(command)
    return commands


def job_commands(data: bytes) -> list[Command]:
    """The commands of a job, without the status requests around it."""
    return [c for c in parse(data) if c.name != "status"]


class FakePrinter:
    def __init__(self, mode: str = "ok") -> None:
        assert mode in ("ok", "mute", "paper_out", "stuck")
        self.mode = mode
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if mode == "stuck":
            self._server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(8)
        self._server.settimeout(0.1)
        self.port: int = self._server.getsockname()[1]
        self.jobs: list[bytes] = []  # one per connection, once it is closed
        self.status_requests = 0
        self.garbled = False
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._held: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._accepter = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"network://127.0.0.1:{self.port}"

    def start(self) -> FakePrinter:
        self._accepter.start()
        return self

    def close(self) -> None:
        self._stop.set()
        self._accepter.join(5)
        for t in self._threads:
            t.join(5)
        for s in self._held:
            s.close()
        self._server.close()

    def wait_for_jobs(self, n: int, timeout: float = 10.0) -> list[bytes]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self._lock:
                if len(self.jobs) >= n:
                    return list(self.jobs)
            time.sleep(0.02)
        raise AssertionError(f"expected {n} job(s), got {len(self.jobs)}")

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self.mode == "stuck":
                self._held.append(conn)  # never read
                continue
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(t)
            t.start()

    def _serve(self, conn: socket.socket) -> None:
        data = bytearray()
        at = 0
        conn.settimeout(0.1)
        with conn:
            while not self._stop.is_set():
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not chunk:
                    break
                data += chunk
                while not self.garbled:
                    try:
                        found = _next_command(bytes(data), at)
                    except ValueError:
                        self.garbled = True  # the test's parse() will say where
                        break
                    if found is None:
                        break
                    command, at = found
                    if command.name == "status":
                        with self._lock:
                            self.status_requests += 1
                        if self.mode != "mute":
                            conn.sendall(bytes((PAPER_OUT if self.mode == "paper_out"
                                                else PAPER_OK,)))  # fmt: skip
        with self._lock:
            self.jobs.append(bytes(data))


@contextmanager
def fake_printer(mode: str = "ok") -> Iterator[FakePrinter]:
    printer = FakePrinter(mode).start()
    try:
        yield printer
    finally:
        printer.close()


def closed_port() -> int:
    """A local port with nobody listening: connecting is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
