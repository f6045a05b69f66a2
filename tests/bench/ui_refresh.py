"""How the counter windows hold up in a busy office: 500 waiting tickets, 20 counters.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.ui_refresh [--n 40] [--no-pg]

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

Not part of `make test`. PostgreSQL here is the test suite's throwaway cluster (fsync off).
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
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


def _fill(url: str) -> None:
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
    for _ in range(WAITING):
        tickets.issue_ticket(uow, clerk, rng.choice(codes), rng.choice(prio))
    engine.dispose()


def _summary(name: str, ms: list[float], baseline: list[float] | None = None) -> str:
    med = statistics.median(ms)
    p90 = statistics.quantiles(ms, n=10)[-1] if len(ms) >= 2 else med
    ratio = f"   {med / statistics.median(baseline):5.1f}× baseline" if baseline else ""
    return f"  {name:<40} median {med:8.2f} ms   p90 {p90:8.2f} ms   (n={len(ms)}){ratio}"


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


def _baseline_table(rows: int, columns: int, n: int) -> list[float]:
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


def _baseline_labels(rows: int, services: int, n: int) -> list[float]:
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


def _timed(n: int, action: Callable[[], object]) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        action()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _spin(app: QApplication, until: Callable[[], bool], timeout_s: float = 30) -> None:
    end = time.monotonic() + timeout_s
    while not until():
        if time.monotonic() > end:
            raise TimeoutError("the windows did not answer in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def run(app: QApplication, label: str, url: str, n: int) -> None:
    print(f"{label}: {WAITING} waiting tickets, {COUNTERS} counters")
    _fill(url)
    engine, engine_other = make_engine(url), make_engine(url)
    uow, other_pc = UnitOfWork(engine), UnitOfWork(engine_other)
    clerk = authenticate(uow, "clerk1", "demo")
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
        print(
            _summary("waiting list load (worker)", _timed(n, lambda: tickets.counter_queue(uow, 1)))
        )
        print(_summary("board load (worker)", _timed(n, lambda: tickets.board_status(uow))))
        print(
            _summary(
                "poll: queue_revision (worker)", _timed(n, lambda: tickets.queue_revision(uow))
            )
        )

        # The UI-thread part: two different snapshots alternately, so the model really resets.
        q1 = tickets.counter_queue(uow, 1)
        tickets.issue_ticket(uow, clerk, "A")
        q2 = tickets.counter_queue(uow, 1)
        print(f"  (waiting list rows: {len(q1.waiting)} / {len(q2.waiting)})")
        snaps = [q1, q2]

        def apply_counter(i: list[int] = [0]) -> None:  # noqa: B006
            i[0] += 1
            counter._show(snaps[i[0] % 2])
            counter.repaint()

        base_table = _baseline_table(len(q1.waiting), counter.model.columnCount(), n)
        print(_summary("baseline: bare QTableView reset+paint", base_table))
        print(_summary("waiting list apply+paint (UI)", _timed(n, apply_counter), base_table))
        b1 = tickets.board_status(uow)
        tickets.call_next(uow, clerk, 2)
        b2 = tickets.board_status(uow)
        boards = [b1, b2]

        def apply_board(i: list[int] = [0]) -> None:  # noqa: B006
            i[0] += 1
            board._show(boards[i[0] % 2])
            board.repaint()

        base_labels = _baseline_labels(len(board.rows), len(b1.services), n)
        print(_summary("baseline: bare labels setText+paint", base_labels))
        print(_summary("board apply+paint (UI)", _timed(n, apply_board), base_labels))
        board.blink_timer.stop()

        # Call → board, with the board learning of calls only through its 500 ms poll.
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
        latency = [(shown[c] - t0) * 1000 for c, t0 in started.items()]
        print(_summary("call -> board shown (500 ms poll)", latency))
        gaps = sorted(stall.gaps)
        p99 = gaps[int(len(gaps) * 0.99)] if gaps else 0.0
        print(f"  UI thread during the calls: longest stall {stall.worst_ms:.1f} ms, "
              f"p99 timer gap {p99:.1f} ms (5 ms timer)")  # fmt: skip
        env.live.stop()
        counter.close()
        board.close()
        stall.timer.stop()
    engine.dispose()
    engine_other.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--no-pg", action="store_true")
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_fonts(app)
    with tempfile.TemporaryDirectory() as tmp:
        run(app, "SQLite", f"sqlite:///{tmp}/bench.db", args.n)
    if not args.no_pg:
        from tests.support.pg_server import PgServer

        with PgServer() as pg:
            run(app, "PostgreSQL", pg.create_database("bench_ui"), args.n)


if __name__ == "__main__":
    main()
