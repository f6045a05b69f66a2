"""`khetdesk serve` under a crowded hall (issue 14): 500 phones hold a live (SSE) ticket page
open while 50 requests a second hit ticket pages, on the SQLite file of a counter PC.

- **page latency** (``GET /t/DATE/CODE``, HTML) and **API latency** (``GET /api/ticket/…``,
  JSON), 50 requests a second each on fresh connections, with 500 SSE clients connected,
  against a bare constant answer (``GET /ping``) from the same server stack at the same rate,
  the three interleaved in one schedule (150 requests a second in all);
- **fan-out**: from the commit of a `ticket call` to the moment every one of the 500 phones
  has its new state (each watches a different waiting ticket that shares the counter, so
  every call changes every page); the median phone and the last phone;
- **database queries a second** of the server process (counted on its engines, read from
  ``/healthz``) while the queue moves (one call a second), with 500 SSE clients against 10:
  the ratio must be 1, since one poll serves every client.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench --only web_load

The clients are plain asyncio sockets in this process (no client library between the
measurement and the wire); the server is a real `khetdesk serve` process.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import httpx

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services import tickets
from desktop_app.services.auth import authenticate
from desktop_app.services.setup import init_database
from tests.bench.harness import Figure
from tests.web.server import Server, running

RATE = 50  # requests a second


class SseClient:
    def __init__(self, host: str, port: int, path: str) -> None:
        self.host, self.port, self.path = host, port, path
        self.events: list[float] = []
        self.ready = asyncio.Event()
        self.task: asyncio.Task[None] | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def run(self) -> None:
        reader, writer = await asyncio.open_connection(self.host, self.port)
        self.writer = writer
        writer.write(f"GET {self.path} HTTP/1.1\r\nHost: bench\r\n"
                     "Accept: text/event-stream\r\n\r\n".encode())  # fmt: skip
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        if b" 200 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError(head[:200])
        while True:
            line = await reader.readline()
            if not line:
                return
            if line.startswith(b"data:"):
                self.events.append(time.perf_counter())
                self.ready.set()

    def start(self) -> None:
        self.task = asyncio.create_task(self.run())

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task


async def _get(host: str, port: int, path: str) -> float:
    """One request on a fresh connection, as a phone that just scanned its QR; milliseconds
    to the last byte."""
    t0 = time.perf_counter()
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\nAccept-Encoding: gzip\r\n"
                 "Connection: close\r\n\r\n".encode())  # fmt: skip
    await writer.drain()
    data = await reader.read()
    writer.close()
    if not data.startswith(b"HTTP/1.1 200"):
        raise RuntimeError(data[:200])
    return (time.perf_counter() - t0) * 1000


async def _at_rate(host: str, port: int, paths: list[str], seconds: float, rate: int = RATE
                   ) -> tuple[float, ...]:  # fmt: skip
    """Open loop: a request every 1/rate s whatever the answers take."""
    tasks = []
    start = time.perf_counter()
    for i in range(int(seconds * rate)):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(_get(host, port, paths[i % len(paths)])))
    return tuple(await asyncio.gather(*tasks))


async def _queries(server: Server) -> int:
    async with httpx.AsyncClient() as c:
        return int((await c.get(server.base + "/healthz")).json()["queries"])


def _setup(folder: Path, waiting: int) -> tuple[str, UnitOfWork, list[str]]:
    url = f"sqlite:///{folder / 'khetdesk.db'}"
    engine = make_engine(url)
    init_database(engine, demo=True)
    uow = UnitOfWork(engine)
    clerk = authenticate(uow, "clerk1", "demo")
    codes = [tickets.issue_ticket(uow, clerk, "AB"[i % 2]).code for i in range(waiting)]
    return url, uow, codes


async def _scenario(server: Server, uow: UnitOfWork, codes: list[str], smoke: bool
                    ) -> list[Figure]:  # fmt: skip
    host, port = "127.0.0.1", int(server.base.rsplit(":", 1)[1])
    day = server.get("/healthz").json()["business_date"]
    clerk = authenticate(uow, "clerk1", "demo")
    phones = 5 if smoke else 500
    few = 2 if smoke else 10
    seconds = 1.0 if smoke else 8.0
    calls = 1 if smoke else 6
    # Calls take tickets from the front; the phones watch tickets further back.
    watched = codes[calls * 4 + 2 :][:phones]

    async def connect(n: int) -> list[SseClient]:
        clients = [SseClient(host, port, f"/api/ticket/{day}/{c}/events") for c in watched[:n]]
        for i, c in enumerate(clients):
            c.start()
            if i % 50 == 49:
                await asyncio.sleep(0.05)
        await asyncio.wait_for(asyncio.gather(*(c.ready.wait() for c in clients)), 60)
        return clients

    async def queries_per_second(window: float) -> tuple[float, ...]:
        """One call a second for ``window`` seconds; the server's queries in each second."""
        out = []
        before = await _queries(server)
        for _ in range(int(window)):
            await asyncio.to_thread(tickets.call_next, uow, clerk, 3)  # an empty counter (C)
            await asyncio.to_thread(tickets.issue_ticket, uow, clerk, "C")
            await asyncio.sleep(1.0)
            now = await _queries(server)
            out.append(float(now - before))
            before = now
        return tuple(out)

    # -- queries a second: a few clients, then all of them
    small = await connect(few)
    q_few = await queries_per_second(seconds)
    for c in small:
        await c.close()
    clients = await connect(phones)
    q_many = await queries_per_second(seconds)

    # -- latency under load, 500 phones connected
    pages = [f"/t/{day}/{c}" for c in random.Random(14).sample(watched, len(watched))]
    apis = [f"/api/ticket/{day}/{c}" for c in random.Random(15).sample(watched, len(watched))]
    # Interleaved, so that the baseline meets the same moment of the machine: each of the
    # three at RATE a second.
    mixed: list[str] = []
    for a, b in zip(pages, apis, strict=True):
        mixed += [a, b, "/ping"]
    times = await _at_rate(host, port, mixed, seconds, rate=3 * RATE)
    page, api, ping = times[0::3], times[1::3], times[2::3]

    # -- fan-out: a call moves every watched page (they share counter 1's services)
    last, median = [], []
    for _ in range(calls):
        await asyncio.sleep(1.0)
        for c in clients:
            c.events.clear()
        await asyncio.to_thread(tickets.call_next, uow, clerk, 1)
        committed = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(_next_event(c) for c in clients)), 30)
        delays = [(c.events[0] - committed) * 1000 for c in clients]
        last.append(max(delays))
        median.append(statistics.median(delays))
    for c in clients:
        await c.close()

    def p99(runs: tuple[float, ...]) -> float:
        return (
            statistics.quantiles(runs, n=100, method="inclusive")[-1] if len(runs) > 1 else runs[0]
        )

    base = Figure(
        f"bare /ping at 50/s, {len(clients)} SSE open", "ms", ping, extra={"p99": p99(ping)}
    )
    n = len(clients)
    return [
        Figure(f"ticket page at 50/s, {n} SSE open", "ms", page, base,
               extra={"p99": p99(page)}, note="GET /t/DATE/CODE, fresh connection, gzip"),
        Figure(f"ticket API at 50/s, {n} SSE open", "ms", api, base,
               extra={"p99": p99(api)}, note="GET /api/ticket/DATE/CODE"),
        Figure(f"call reaches the median of {n} phones", "ms", tuple(median),
               note="commit of ticket call → SSE event; the poll is every 0.25 s"),
        Figure(f"call reaches all {n} phones", "ms", tuple(last)),
        Figure(f"DB queries/s, {n} SSE clients", "queries/s", q_many,
               Figure(f"DB queries/s, {few} SSE clients", "queries/s", q_few),
               note="one call a second; must not grow with the clients (ratio 1)"),
    ]  # fmt: skip


async def _next_event(c: SseClient) -> None:
    while not c.events:
        await asyncio.sleep(0.005)


def benchmarks(smoke: bool) -> Iterable[Figure]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, 8192)
    if soft < want:  # 500 sockets here and 500 in the server (which inherits it)
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    with tempfile.TemporaryDirectory() as tmp:
        url, uow, codes = _setup(Path(tmp), 40 if smoke else 560)
        with running(url, log=Path(tmp) / "serve.log") as server:
            figures = asyncio.run(_scenario(server, uow, codes, smoke))
        uow.engine.dispose()
    return figures
