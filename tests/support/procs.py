"""Processes for the concurrency tests and the reliability suite: workers that report every
committed change as a JSON line (tests/support/workers.py, tests/reliability/loan_worker.py),
and the real `khetdesk` program started several times at once behind a start barrier."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_S = 60.0
FINISH_TIMEOUT_S = 120.0


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("KHETDESK_DB", None)
    env.pop("KHETDESK_PASSWORD", None)
    env.setdefault("KHETDESK_PC", "test-pc")
    env.update(extra)
    return env


class Proc:
    """``python -m MODULE ARGS``; a thread collects its stdout lines (JSON events)."""

    def __init__(self, tmp_path: Path, name: str, module: str, *args: str) -> None:
        self.name = name
        self.stderr_path = tmp_path / f"{name}.stderr"
        with self.stderr_path.open("w", encoding="utf-8") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", module, *args], cwd=ROOT, env=child_env(),
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err, text=True,
                encoding="utf-8",
            )  # fmt: skip
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._pump, daemon=True)
        self._reader.start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)

    def events(self, kind: str | None = None) -> list[dict[str, Any]]:
        # Each line is one write() shorter than PIPE_BUF: a killed worker leaves whole lines.
        parsed = [json.loads(line) for line in list(self.lines)]
        return [e for e in parsed if kind is None or e["event"] == kind]

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")[-4000:]

    def wait_for(self, kind: str, timeout: float = READY_TIMEOUT_S) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            ended = self.proc.poll() is not None and not self._reader.is_alive()
            found = self.events(kind)
            if found:
                return found[0]
            if ended:
                pytest.fail(f"{self.name} exited ({self.proc.returncode}) before '{kind}':\n"
                            f"{self.stderr()}")  # fmt: skip
            if time.monotonic() > deadline:
                pytest.fail(f"{self.name} gave no '{kind}' in {timeout} s:\n{self.stderr()}")
            time.sleep(0.005)

    def finish(self, timeout: float = FINISH_TIMEOUT_S) -> list[dict[str, Any]]:
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{self.name} still running after {timeout} s:\n{self.stderr()}")
        self._reader.join(10)
        assert rc == 0, f"{self.name} failed with exit code {rc}:\n{self.stderr()}"
        return self.events()

    def kill(self) -> int:
        """SIGKILL (if still running) and reap; the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        rc = self.proc.wait(30)
        self._reader.join(10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        return rc


@contextmanager
def proc_pool() -> Iterator[list[Proc]]:
    """Processes started into the yielded list are killed and reaped whatever happens."""
    pool: list[Proc] = []
    try:
        yield pool
    finally:
        errors = []
        for p in pool:
            try:
                p.kill()
            except Exception as e:  # kill the others all the same
                errors.append(e)
        if errors:
            raise errors[0]


class Result(NamedTuple):
    code: int
    out: str
    err: str


# The CLI started with a start barrier: a tiny wrapper waits for the file, then runs main().
_BARRIER_MAIN = (
    "import sys, time, pathlib\n"
    "barrier, ready = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])\n"
    "import desktop_app.cli, sqlalchemy.orm, argon2\n"  # the slow imports before the wait
    "ready.touch()\n"
    "deadline = time.monotonic() + 60\n"
    "while not barrier.exists() and time.monotonic() < deadline:\n"
    "    time.sleep(0.001)\n"
    "sys.exit(desktop_app.cli.main(sys.argv[3:]))\n"
)


def race_cli(tmp_path: Path, url: str, commands: list[tuple[str, tuple[str, ...]]]) -> list[Result]:
    """Start ``khetdesk --db URL --json --as USER ARGS…`` once per (user, args), all
    waiting on one barrier file, release them together; their results in order."""
    barrier = tmp_path / f"go-{time.monotonic_ns()}"
    ready = [barrier.with_name(f"{barrier.name}-ready{i}") for i in range(len(commands))]
    procs = []
    for (user, args), flag in zip(commands, ready, strict=True):
        procs.append(subprocess.Popen(
            [sys.executable, "-c", _BARRIER_MAIN, str(barrier), str(flag), "--db", url,
             "--json", "--as", user, *args],
            cwd=ROOT, env=child_env(KHETDESK_PASSWORD="demo"), stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        ))  # fmt: skip
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not all(f.exists() for f in ready):  # imports done: they spin on the barrier
            assert all(p.poll() is None for p in procs), "a racer died before the start"
            assert time.monotonic() < deadline, "the racers never got ready"
            time.sleep(0.005)
        barrier.touch()
        results = []
        for p in procs:
            out, err = p.communicate(timeout=FINISH_TIMEOUT_S)
            results.append(Result(p.returncode, out, err))
        return results
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait(10)
