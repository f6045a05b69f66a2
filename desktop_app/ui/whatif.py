"""The statistics window's "what if" tab (issue 15): the office's last 20 working days
replayed under calling policies chosen side by side, in the background with a progress bar,
and the waits per group as a table and a chart. Nothing is written to the office's data."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.queue import CallingPolicy
from desktop_app.services import simulate as sim
from desktop_app.ui.env import UiEnv
from desktop_app.ui.operations import Operations

GROUP_LABELS = (("priority", "คิวพิเศษ"), ("ordinary", "คิวทั่วไป"), ("appointment", "นัดหมาย"))
COLUMNS = 3
EXPLAIN = (
    "K: หลังเรียกคิวพิเศษติดกัน K ครั้งที่ช่องเดียวกัน ครั้งต่อไปเรียกคิวทั่วไปที่รอนานที่สุด (0 = ไม่จำกัด)\n"
    "M: คิวทั่วไปที่รอนาน M นาที ได้ลำดับเดียวกับคิวพิเศษ ตามเวลาที่รับบัตร (0 = ปิด)"
)


@dataclass(frozen=True)
class WhatIfResult:
    period: tuple[str, str]
    runs: tuple[sim.Simulation, ...]
    chart: bytes


class _Progress(QObject):
    step = Signal(int, int)


class WhatIfTab(QWidget):
    finished = Signal(object)  # WhatIfResult

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.ops = Operations(self)
        self.progress_relay = _Progress(self)
        self.result: WhatIfResult | None = None
        self.pixmap = QPixmap()
        layout = QVBoxLayout(self)
        explain = QLabel(self.tr(EXPLAIN))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        top = QFormLayout()
        self.counters = QSpinBox(objectName="whatifCounters", minimum=1, maximum=99, value=4)
        top.addRow(self.tr("จำนวนช่องบริการ"), self.counters)
        layout.addLayout(top)
        columns = QHBoxLayout()
        self.policies: list[tuple[QSpinBox, QSpinBox]] = []
        for n, (k, m) in enumerate(((0, 0), (3, 0), (3, 30))[:COLUMNS]):
            box = QGroupBox(self.tr("แบบที่ %1").replace("%1", str(n + 1)))
            form = QFormLayout(box)
            ks = QSpinBox(objectName=f"whatifK{n}", minimum=0, maximum=20, value=k)
            ms = QSpinBox(objectName=f"whatifM{n}", minimum=0, maximum=240, value=m)
            ms.setSuffix(self.tr(" นาที"))
            form.addRow("K", ks)
            form.addRow("M", ms)
            self.policies.append((ks, ms))
            columns.addWidget(box)
        layout.addLayout(columns)
        row = QHBoxLayout()
        self.run_button = QPushButton(self.tr("จำลอง 20 วันทำการล่าสุด"), objectName="whatifRun")
        self.run_button.clicked.connect(self.run)
        self.bar = QProgressBar(objectName="whatifProgress")
        self.bar.setVisible(False)
        row.addWidget(self.run_button)
        row.addWidget(self.bar, 1)
        layout.addLayout(row)
        self.status = QLabel("", objectName="whatifStatus")
        layout.addWidget(self.status)
        self.table = QTableWidget(len(GROUP_LABELS), 2 * COLUMNS, objectName="whatifTable")
        self.table.setVerticalHeaderLabels([label for _, label in GROUP_LABELS])
        heads = []
        for n in range(COLUMNS):
            heads += [self.tr("แบบ %1 มัธยฐาน").replace("%1", str(n + 1)),
                      self.tr("แบบ %1 90%").replace("%1", str(n + 1))]  # fmt: skip
        self.table.setHorizontalHeaderLabels(heads)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        self.chart = QLabel(objectName="whatifChart")
        self.chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart.setMinimumHeight(200)
        layout.addWidget(self.chart, 1)
        self.progress_relay.step.connect(self._step)

    def run(self) -> None:
        if self.ops.busy:
            return
        uow, counters = self.env.uow, self.counters.value()
        policies = [CallingPolicy(k.value(), m.value()) for k, m in self.policies]
        relay = self.progress_relay

        def work() -> WhatIfResult | None:
            from desktop_app.services.simulate_plot import plot_png

            period = sim.recent_working_days(uow)
            if period is None:
                return None
            profile = sim.profile_from_history(uow, *period)
            runs = sim.simulate_policies(profile, counters, policies, relay.step.emit)
            return WhatIfResult((period[0].isoformat(), period[1].isoformat()), tuple(runs),
                                plot_png(runs))  # fmt: skip

        self.run_button.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self.status.setText(self.tr("กำลังจำลอง…"))
        self.ops.run(work, self._done, self._failed)

    def _step(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _done(self, result: WhatIfResult | None) -> None:
        self.run_button.setEnabled(True)
        self.bar.setVisible(False)
        if result is None:
            self.status.setText(self.tr("ยังไม่มีประวัติบัตรคิวให้จำลอง"))
            return
        self.result = result
        first, last = result.period
        self.status.setText(self.tr("ประวัติ %1 ถึง %2 (นาทีที่รอเรียก)").replace("%1", first)
                            .replace("%2", last))  # fmt: skip
        for col, s in enumerate(result.runs):
            for row, (group, _) in enumerate(GROUP_LABELS):
                w = s.groups[group]
                for j, value in enumerate((w.wait_median_min, w.wait_p90_min)):
                    text = "-" if value is None else f"{value:.1f}"
                    self.table.setItem(row, 2 * col + j, QTableWidgetItem(text))
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(result.chart)
        self._fit_chart()
        self.finished.emit(result)

    def _fit_chart(self) -> None:
        if self.result is not None and not self.pixmap.isNull():
            self.chart.setPixmap(self.pixmap.scaled(self.chart.size(),
                                 Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation))  # fmt: skip

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_chart()

    def _failed(self, error: Exception) -> None:
        self.run_button.setEnabled(True)
        self.bar.setVisible(False)
        self.status.setText(self.tr("จำลองไม่ได้: %1").replace("%1", str(error)[:200]))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.ops.wait(30000)
        super().closeEvent(event)
