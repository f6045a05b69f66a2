"""How the counter windows hold up in a busy office: 500 waiting tickets, 20 counters.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench --only ui_refresh

For SQLite and PostgreSQL it reports (median and p90, milliseconds):

- waiting list: the counter console's load (``counter_queue``, on a worker thread) and
  its UI-thread part (model reset + texts + repaint of the window);
- board: the same for ``board_status`` and the board window;
- poll: one ``queue_revision`` read, what every window's live queue does twice a second;
- call → board: from the start of ``call_next`` on a second engine (another counter PC)
  until the board window, polling every 500 ms on its own engine, has shown the call;
- UI stall: the longest gap of a 5 ms timer on the UI thread while all that runs;
- baseline, in the same run and at the same window sizes: a bare QTableView over a trivial
  model of the same rows × columns (reset + repaint), and a bare widget with the board's
  number of labels (new texts + repaint). The "× baseline" ratio is what our windows add to
  what Qt itself costs on this machine.

Part of `make bench` (20 rounds each; the smoke test runs 2). PostgreSQL is the run's
throwaway server (fsync off; tests/bench/pg.py).
"""

from __future__ import annotations

import gc
import random
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractTableModel,
    QElapsedTimer,
    QEventLoop,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QTableView, QWidget

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services import office, tickets
from desktop_app.services.auth import SYSTEM, authenticate
from desktop_app.services.setup import init_database
from desktop_app.ui.app import make_env
from desktop_app.ui.board import BoardWindow
from desktop_app.ui.counter import CounterWindow
from desktop_app.ui.env import LocalSettings
from desktop_app.ui.fonts import load_fonts
from tests.bench.harness import Figure
from tests.bench.pg import postgres_database

WAITING = 500
COUNTERS = 20
EXTRA_SERVICES = (("E", "สวัสดิการสังคม", "Social welfare"), ("F", "โยธา", "Public works"),
                  ("G", "สิ่งแวดล้อม", "Environment"), ("H", "เทศกิจ", "City law"))  # fmt: skip


@dataclass
class Stall:
    """The longest time the UI thread did not get round to a 5 ms timer."""

    worst_ms: float = 0.0
    gaps: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.clock = QElapsedTimer()
        self.clock.start()
        self.timer = QTimer(interval=5, timeout=self._tick)
        self.timer.start()

    def reset(self) -> None:
        self.worst_ms, self.gaps = 0.0, []
        self.clock.restart()

    def _tick(self) -> None:
        gap = self.clock.nsecsElapsed() / 1e6
        self.clock.restart()
        self.gaps.append(gap)
        self.worst_ms = max(self.worst_ms, gap)


def _fill(url: str, waiting: int) -> None:
    engine = make_engine(url)
    init_database(engine, demo=True)
    uow = UnitOfWork(engine)
    for code, name, name_en in EXTRA_SERVICES:
        office.add_service(uow, SYSTEM, code, name, name_en, code, 10)
    codes = [s.code for s in office.list_services(uow)]
    rng = random.Random(7)
    for number in range(5, COUNTERS + 1):
        office.add_counter(uow, SYSTEM, number, rng.sample(codes, 3))
    clerk = authenticate(uow, "clerk1", "demo")
    prio = (None,) * 9 + ("elderly",)
    for _ in range(waiting):
        tickets.issue_ticket(uow, clerk, rng.choice(codes), rng.choice(prio))
    engine.dispose()


_Index = QModelIndex | QPersistentModelIndex


class _TrivialModel(QAbstractTableModel):
    """The baseline's model: fixed strings, no colours, no translation."""

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__()
        self.cells = [[f"{r}-{c}" for c in range(columns)] for r in range(rows)]
        self.columns = columns

    def replace(self, rows: int, salt: int) -> None:
        self.beginResetModel()
        self.cells = [[f"{r}-{c}-{salt}" for c in range(self.columns)] for r in range(rows)]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    def data(self, index: _Index, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.cells[index.row()][index.column()]
        return None


def _shown(widget: QWidget) -> None:
    """Shown and exposed: repaint() on a window the platform has not exposed yet paints
    nothing, which would flatter the baseline."""
    widget.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    _spin(app, lambda: widget.windowHandle() is not None and widget.windowHandle().isExposed())
    app.processEvents()


def _baseline_table(rows: int, columns: int, n: int) -> tuple[float, ...]:
    model = _TrivialModel(rows, columns)
    view = QTableView()
    view.setModel(model)
    view.resize(1366, 768)
    _shown(view)
    salt = [0]

    def refresh() -> None:
        salt[0] += 1
        model.replace(rows, salt[0])
        view.repaint()

    refresh()
    out = _timed(n, refresh)
    view.close()
    return out


def _baseline_labels(rows: int, services: int, n: int) -> tuple[float, ...]:
    window = QWidget()
    grid = QGridLayout(window)
    labels = [QLabel() for _ in range(2 * rows + 3 * services + 4)]
    for i, label in enumerate(labels):
        grid.addWidget(label, i // 4, i % 4)
    window.resize(1920, 1080)
    _shown(window)
    salt = [0]

    def refresh() -> None:
        salt[0] += 1
        for i, label in enumerate(labels):
            label.setText(f"A{i:03d}-{salt[0] % 2}")
        window.repaint()

    refresh()
    out = _timed(n, refresh)
    window.close()
    return out


def _timed(n: int, action: Callable[[], object]) -> tuple[float, ...]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        action()
        out.append((time.perf_counter() - t0) * 1000)
    return tuple(out)


def _spin(app: QApplication, until: Callable[[], bool], timeout_s: float = 30) -> None:
    end = time.monotonic() + timeout_s
    while not until():
        if time.monotonic() > end:
            raise TimeoutError("the windows did not answer in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def run(
    app: QApplication, label: str, url: str, n: int, waiting: int = WAITING
) -> Iterator[Figure]:
    _fill(url, waiting)
    engine, engine_other = make_engine(url), make_engine(url)
    uow, other_pc = UnitOfWork(engine), UnitOfWork(engine_other)
    clerk = authenticate(uow, "clerk1", "demo")
    name = f"{label} UI, {waiting} waiting, {COUNTERS} counters"
    with tempfile.TemporaryDirectory() as tmp:
        local = LocalSettings(QSettings(f"{tmp}/pc.ini", QSettings.Format.IniFormat))
        local.board_sound = False
        env = make_env(app, uow, local=local)
        stall = Stall()
        counter = CounterWindow(env, clerk, 1)
        board = BoardWindow(env)
        counter.resize(1366, 768)
        board.resize(1920, 1080)
        _shown(counter)
        _shown(board)
        env.live.start()
        _spin(app, lambda: counter.queue is not None and board.status is not None)

        # The worker-thread part, measured directly.
        yield Figure(f"{name}: waiting list load (worker)", "ms",
                     _timed(n, lambda: tickets.counter_queue(uow, 1)))  # fmt: skip
        yield Figure(f"{name}: board load (worker)", "ms",
                     _timed(n, lambda: tickets.board_status(uow)))  # fmt: skip
        yield Figure(f"{name}: poll queue_revision (worker)", "ms",
                     _timed(n, lambda: tickets.queue_revision(uow)))  # fmt: skip

        # The UI-thread part: two different snapshots alternately, so the model really resets.
        q1 = tickets.counter_queue(uow, 1)
        tickets.issue_ticket(uow, clerk, "A")
        q2 = tickets.counter_queue(uow, 1)
        snaps = [q1, q2]

        def apply_counter(i: list[int] = [0]) -> None:  # noqa: B006
            i[0] += 1
            counter._show(snaps[i[0] % 2])
            counter.repaint()

        base_table = _baseline_table(len(q1.waiting), counter.model.columnCount(), n)
        yield Figure(f"{name}: waiting list apply+paint (UI thread)", "ms",
                     _timed(n, apply_counter),
                     baseline=Figure(f"{label}: bare QTableView reset+paint", "ms", base_table),
                     extra={"rows": len(q1.waiting)})  # fmt: skip
        b1 = tickets.board_status(uow)
        tickets.call_next(uow, clerk, 2)
        b2 = tickets.board_status(uow)
        boards = [b1, b2]

        def apply_board(i: list[int] = [0]) -> None:  # noqa: B006
            i[0] += 1
            board._show(boards[i[0] % 2])
            board.repaint()

        base_labels = _baseline_labels(len(board.rows), len(b1.services), n)
        bare = Figure(f"{label}: bare labels setText+paint", "ms", base_labels)
        yield Figure(f"{name}: board apply+paint (UI thread)", "ms", _timed(n, apply_board),
                     baseline=bare)  # fmt: skip
        board.blink_timer.stop()

        # Call -> board, with the board learning of calls only through its 500 ms poll.
        shown: dict[str, float] = {}
        board.announced.connect(lambda code, _c: shown.setdefault(code, time.perf_counter()))
        started: dict[str, float] = {}
        other_clerk = authenticate(other_pc, "clerk2", "demo")
        rng = random.Random(11)

        def other_counter_pc() -> None:
            for i in range(n):
                time.sleep(rng.uniform(0.3, 1.1))  # any phase of the board's poll
                t0 = time.perf_counter()
                called = tickets.call_next(other_pc, other_clerk, 3 + i % (COUNTERS - 2))
                if called is not None:
                    started[called.code] = t0

        gc.collect()
        gc.freeze()  # as run_gui does once the windows are up
        stall.reset()
        thread = threading.Thread(target=other_counter_pc)
        thread.start()
        _spin(app, lambda: not thread.is_alive() and set(started) <= set(shown), 120)
        thread.join()
        latency = tuple((shown[c] - t0) * 1000 for c, t0 in started.items())
        yield Figure(f"{name}: call on another PC -> board shown (500 ms poll)", "ms", latency)
        gaps = sorted(stall.gaps)
        p99 = gaps[int(len(gaps) * 0.99)] if gaps else 0.0
        yield Figure(f"{name}: longest UI stall during the calls (5 ms timer)", "ms",
                     (stall.worst_ms,), extra={"p99_timer_gap_ms": round(p99, 2)})  # fmt: skip
        env.live.stop()
        counter.close()
        board.close()
        stall.timer.stop()
    engine.dispose()
    engine_other.dispose()


def benchmarks(smoke: bool) -> Iterator[Figure]:
    n, waiting = (1, 20) if smoke else (20, WAITING)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_fonts(app)
    with tempfile.TemporaryDirectory() as tmp:
        yield from run(app, "SQLite", f"sqlite:///{tmp}/bench.db", n, waiting)
    with postgres_database("ui") as url:
        yield from run(app, "PostgreSQL", url, n, waiting)


if __name__ == "__main__":
    from tests.bench.__main__ import main as run_all

    raise SystemExit(run_all(["--only", "ui_refresh"]))
