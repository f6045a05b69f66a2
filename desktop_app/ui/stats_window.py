"""The statistics window (issue 7): queue and loans statistics for a day, a month or a
range of dates chosen in the Buddhist Era, as charts (QtCharts) and tables, exported to
CSV, XLSX or PDF with a progress bar. Every database read and every export runs off the
UI thread (Operations); the window only shows frozen results.

Who: the heads and the administrator (``report.view``); the loans tab too. Counter staff
see today's figures on their console instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QMargins,
    QModelIndex,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KhetDeskError
from desktop_app.domain.roles import require
from desktop_app.domain.thai_time import BE_OFFSET, THAI_MONTHS_FULL, business_date, thai_date
from desktop_app.services import stats_export
from desktop_app.services.auth import Actor
from desktop_app.services.stats_loans import FOLLOWUP_LABELS_TH, LoanStats, loan_stats
from desktop_app.services.stats_queue import QueueRow, QueueStats, queue_stats
from desktop_app.services.stats_sql import minutes_text, share_percent, share_text
from desktop_app.ui.be_date import BeDateEdit
from desktop_app.ui.env import UiEnv
from desktop_app.ui.operations import Operations, Reloader
from desktop_app.ui.widgets import Banner
from printing.stats_charts import nice_step

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
COLOURS = ("#1f5f99", "#e08a1e", "#3a9a5b", "#b8433f")


# ---------------------------------------------------------------- tables


class StatsTableModel(QAbstractTableModel):
    """Plain rows of text or numbers under translated headers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[tuple[Any, ...]] = []

    def set_table(self, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        self.beginResetModel()
        self.headers = list(headers)
        self.rows = [tuple(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role: int = 0) -> Any:  # type: ignore[override]
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return str(value)  # the row's name, cut in a narrow first column
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return "-"
            if isinstance(value, float):
                return f"{value:,.1f}"
            if isinstance(value, int):
                return f"{value:,}"
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class _ProgressRelay(QObject):
    """Progress from a worker thread, delivered on the UI thread (a queued signal)."""

    progressed = Signal(int, int)


def _bar_chart(
    title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]]
) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    bars = QBarSeries()
    top = 0.0
    for i, (name, values) in enumerate(series):
        s = QBarSet(name)
        s.setColor(QColor(COLOURS[i % len(COLOURS)]))
        for v in values:
            s.append(float(v or 0))
            top = max(top, float(v or 0))
        bars.append(s)
    chart.addSeries(bars)
    x = QBarCategoryAxis()
    x.append(list(categories))
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(x)
    y = QValueAxis()
    # Round steps (1, 2 or 5 × 10ⁿ), the top a whole number of them: 0/20/40/60/80.
    step = nice_step(max(top, 1.0), 4)
    steps = max(1, math.ceil(top / step - 1e-9)) if top > 0 else 4
    y.setRange(0, step * steps)
    y.setLabelFormat("%.0f" if step >= 1 else "%.1f")
    y.setTickCount(steps + 1)
    small = QFont(chart.font())
    small.setPixelSize(12)
    for axis in (x, y):
        axis.setLabelsFont(small)
    chart.legend().setFont(small)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


# ---------------------------------------------------------------- the window


class Loaded(NamedTuple):
    """What the window shows, with the period it was read for: the export writes that
    period, whatever the date fields say since."""

    queue: QueueStats
    loans: LoanStats | None
    start: dt.date
    end: dt.date


class StatsWindow(QMainWindow):
    QUEUE_TABLES = ("service", "counter", "hour", "day", "priority", "picks")
    LOAN_TABLES = ("month", "unit", "overdue", "most_lent", "not_lent")

    def __init__(self, env: UiEnv, actor: Actor) -> None:
        require(actor.role, "report.view")
        super().__init__()
        self.setObjectName("statsWindow")
        self.env, self.actor = env, actor
        self.ops = Operations(self)
        self.loaded: Loaded | None = None
        self.exporting = False
        self.last_export: stats_export.ReportResult | None = None
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._progress)
        self._wanted: tuple[dt.date, dt.date] | None = None  # set on the UI thread
        self.reloader = Reloader(self.ops, self._load, self._show, self._failed)
        self._build()
        from desktop_app.ui.shortcuts import install_help

        install_help(self, env.dialogs)
        today = business_date(env.clock())
        self.date_from.set_day(today.replace(day=1))
        self.date_to.set_day(today)
        self.mode.setCurrentIndex(1)  # this month
        self.retranslate()
        self.resize(1366, 768)
        self.reload()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        body = QWidget(objectName="statsBody")
        self.mode = QComboBox(objectName="periodMode")
        self.mode.addItems(["", "", ""])  # day, month, range: texts in retranslate
        self.date_from = BeDateEdit(dt.date.today())
        self.date_to = BeDateEdit(dt.date.today())
        self.date_from.setObjectName("dateFrom")
        self.date_to.setObjectName("dateTo")
        # A month is chosen as a month (not by typing one of its days).
        self.month_pick = QComboBox(objectName="monthPick")
        self.month_pick.currentIndexChanged.connect(lambda *_: self._month_picked())
        self.to_label = QLabel(objectName="toLabel")
        self.period_text = QLabel(objectName="periodText")  # the period in words
        for field in (self.date_from, self.date_to):
            field.changed.connect(self._show_period)
        self.show_button = QPushButton(objectName="showStats")
        self.show_button.clicked.connect(self.reload)
        self.mode.currentIndexChanged.connect(lambda *_: self._mode_changed())
        top = QHBoxLayout()
        top.addWidget(self.mode)
        top.addWidget(self.month_pick)
        top.addWidget(self.date_from)
        top.addWidget(self.to_label)
        top.addWidget(self.date_to)
        top.addWidget(self.show_button)
        top.addWidget(self.period_text, 1)

        self.tabs = QTabWidget(objectName="statsTabs")
        self.queue_summary = QLabel(objectName="queueSummary")
        self.queue_summary.setWordWrap(True)
        self.queue_summary.setTextFormat(Qt.TextFormat.RichText)
        self.wait_chart = QChartView(objectName="waitChart")
        self.hour_chart = QChartView(objectName="hourChart")
        for view in (self.wait_chart, self.hour_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(230)
        charts = QHBoxLayout()
        charts.addWidget(self.wait_chart)
        charts.addWidget(self.hour_chart)
        self.queue_choice = QComboBox(objectName="queueTableChoice")
        self.queue_choice.addItems([""] * len(self.QUEUE_TABLES))
        self.queue_choice.currentIndexChanged.connect(lambda *_: self._fill_queue_table())
        self.queue_model = StatsTableModel(self)
        self.queue_table = self._table("queueTable", self.queue_model)
        queue_page = QWidget(objectName="queuePage")
        q = QVBoxLayout(queue_page)
        q.addWidget(self.queue_summary)
        q.addLayout(charts, 5)
        q.addWidget(self.queue_choice)
        q.addWidget(self.queue_table, 4)
        self.tabs.addTab(queue_page, "")

        self.loans_summary = QLabel(objectName="loansSummary")
        self.loans_summary.setWordWrap(True)
        self.loans_summary.setTextFormat(Qt.TextFormat.RichText)
        self.month_chart = QChartView(objectName="loanMonthChart")
        self.month_chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.month_chart.setMinimumHeight(230)
        self.loan_choice = QComboBox(objectName="loanTableChoice")
        self.loan_choice.addItems([""] * len(self.LOAN_TABLES))
        self.loan_choice.currentIndexChanged.connect(lambda *_: self._fill_loan_table())
        self.loan_model = StatsTableModel(self)
        self.loan_table = self._table("loanTable", self.loan_model)
        loans_page = QWidget(objectName="loansPage")
        lp = QVBoxLayout(loans_page)
        lp.addWidget(self.loans_summary)
        lp.addWidget(self.month_chart, 5)
        lp.addWidget(self.loan_choice)
        lp.addWidget(self.loan_table, 4)
        self.tabs.addTab(loans_page, "")
        # "What if": the office's days replayed under other calling policies (issue 15).
        from desktop_app.ui.whatif import WhatIfTab

        self.whatif = WhatIfTab(self.env)
        self.tabs.addTab(self.whatif, "")

        self.export_buttons: dict[str, QPushButton] = {}
        bottom = QHBoxLayout()
        for kind in ("csv", "xlsx", "pdf"):
            b = QPushButton(objectName=f"export_{kind}")
            b.clicked.connect(lambda _=False, k=kind: self.export(k))
            self.export_buttons[kind] = b
            bottom.addWidget(b)
        # The ITA evidence pack of the fiscal year shown (issue 16, ui/integrity.py).
        from desktop_app.ui.integrity import ita_button

        bottom.addWidget(ita_button(self))
        self.progress = QProgressBar(objectName="exportProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        bottom.addWidget(self.progress, 1)
        self.message = Banner("statsMessage")
        outer = QVBoxLayout(body)
        outer.addLayout(top)
        outer.addWidget(self.tabs, 1)
        outer.addLayout(bottom)
        outer.addWidget(self.message)
        self.setCentralWidget(body)
        self.setStyleSheet(
            """
            #queueSummary, #loansSummary { font-size: 15px; padding: 4px; }
            #statsMessage[kind="error"] { color: white; background: #b91c1c; padding: 4px; }
            #statsMessage[kind="info"] { color: #14532d; background: #dcfce7; padding: 4px; }
            QPushButton { min-height: 34px; padding: 2px 12px; }
            """
        )

    def _table(self, name: str, model: StatsTableModel) -> QTableView:
        view = QTableView(objectName=name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setDefaultSectionSize(96)
        model.modelReset.connect(lambda: view.setColumnWidth(0, 230))
        if name == "queueTable":  # the within-standard share, fully headed
            model.modelReset.connect(lambda: view.setColumnWidth(3, 130))
        return view

    # ------------------------------------------------------------------ the period
    def period(self) -> tuple[dt.date, dt.date]:
        """The period the date fields say now (UI thread only: it reads widgets)."""
        start = self.date_from.day
        mode = self.mode.currentIndex()
        if mode == 0:
            return start, start
        if mode == 1:
            last = calendar.monthrange(start.year, start.month)[1]
            return start.replace(day=1), start.replace(day=last)
        return start, self.date_to.day

    def set_period(self, start: dt.date, end: dt.date | None = None, mode: int = 2) -> None:
        self.mode.setCurrentIndex(mode)
        self.date_from.set_day(start)
        self.date_to.set_day(end or start)

    def _mode_changed(self) -> None:
        ranged = self.mode.currentIndex() == 2
        monthly = self.mode.currentIndex() == 1
        self.date_to.setVisible(ranged)
        self.to_label.setVisible(ranged)
        self.date_from.setVisible(not monthly)
        self.month_pick.setVisible(monthly)
        if monthly:
            self._fill_months()
        self._show_period()

    def _fill_months(self) -> None:
        """The last three years' months, newest first, and the one the fields are in."""
        today = business_date(self.env.clock())
        chosen = self.date_from.day.replace(day=1)
        months: list[dt.date] = []
        y, m = today.year, today.month
        for _ in range(36):
            months.append(dt.date(y, m, 1))
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        if chosen not in months:
            months.append(chosen)
            months.sort(reverse=True)
        self.month_pick.blockSignals(True)
        self.month_pick.clear()
        for first in months:
            self.month_pick.addItem(_month_name(first, self.env.i18n.language), first)
        self.month_pick.setCurrentIndex(months.index(chosen))
        self.month_pick.blockSignals(False)

    def _month_picked(self) -> None:
        first = self.month_pick.currentData()
        if isinstance(first, dt.date):
            self.date_from.set_day(first)

    def _show_period(self) -> None:
        """The period in words beside the fields: a month chosen by any of its days reads
        as the whole month."""
        start, end = self.period()
        text = _long_date(start, self.env.i18n.language)
        if end != start:
            text += " – " + _long_date(end, self.env.i18n.language)
        self.period_text.setText(text)

    # ------------------------------------------------------------------ loading
    def _load(self) -> Loaded:
        """On the worker: reads the period chosen when the load was asked for (plain
        dates, never the widgets) and keeps it with the figures."""
        assert self._wanted is not None
        start, end = self._wanted
        uow = self.env.uow
        return Loaded(queue_stats(uow, start, end), loan_stats(uow, start, end), start, end)

    def reload(self) -> None:
        self.message.clear_message()
        self._wanted = self.period()  # read here, on the UI thread
        self.reloader.request()

    def _show(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self._fill()
        self._update_exports()

    def _failed(self, error: Exception) -> None:
        self.message.show_message(self._error_text(error), "error", 0)

    def _error_text(self, error: Exception) -> str:
        if isinstance(error, KhetDeskError):
            from desktop_app.ui.messages import one_language

            return one_language(error.message, self.env.i18n.language)
        return self.tr("ข้อผิดพลาดภายใน: %1").replace("%1", type(error).__name__)

    def _fill(self) -> None:
        if self.loaded is None:
            return
        qs, ls = self.loaded.queue, self.loaded.loans
        t = qs.total
        share = t.within_standard_share
        self.queue_summary.setText(
            _rich(
                self.tr(
                    "ออกบัตรคิว %1 · ให้บริการแล้ว %2 · ไม่มาตามเรียก %3 · ค้าง %4 · โอน %5 · "
                    "เรียกข้ามคิว %6\nเวลารอ มัธยฐาน %7 นาที · P90 %8 · สูงสุด %9 · "
                    "ภายในเวลามาตรฐาน %10"
                )
            )
            .replace("%10", _coloured(share_text(share), against_target(share)))
            .replace("%1", f"{t.issued:,}")
            .replace("%2", f"{t.served:,}")
            .replace("%3", f"{t.no_show:,}")
            .replace("%4", f"{t.unfinished:,}")
            .replace("%5", f"{t.transferred:,}")
            .replace("%6", f"{t.picked:,}")
            .replace("%7", minutes_text(t.wait_median_min))
            .replace("%8", minutes_text(t.wait_p90_min))
            .replace("%9", minutes_text(t.wait_max_min))
        )
        self.wait_chart.setChart(
            _bar_chart(
                self.tr("เวลารอเรียกตามบริการ (นาที)"),
                [r.label or r.key for r in qs.by_service],  # names, not letters
                [
                    (self.tr("มัธยฐาน"), [r.wait_median_min for r in qs.by_service]),
                    (self.tr("เปอร์เซ็นไทล์ที่ 90"), [r.wait_p90_min for r in qs.by_service]),
                ],
            )
        )
        several_days = self.loaded.end > self.loaded.start
        hours = qs.by_day if several_days and len(qs.by_day) > 1 else qs.by_hour
        title = self.tr("บัตรคิวรายวัน") if hours is qs.by_day else self.tr("บัตรคิวตามชั่วโมง")
        labels = [
            str(dt.date.fromisoformat(r.key).day) if hours is qs.by_day else r.key for r in hours
        ]
        self.hour_chart.setChart(
            _bar_chart(
                title,
                labels,
                [
                    (self.tr("ออกบัตร"), [float(r.issued) for r in hours]),
                    (self.tr("ให้บริการแล้ว"), [float(r.served) for r in hours]),
                ],
            )
        )
        self._fill_queue_table()
        if ls is not None:
            r, f = ls.returns, ls.followups
            self.loans_summary.setText(
                _rich(
                    self.tr(
                        "คำขอยืม %1 · ยืมจริง %2 · คืนตรงเวลา %3 จาก %4 (%5) · ยังไม่คืน %6\n"
                        "เกินกำหนด %7: ติดตามทัน %8 · ไม่ได้ติดตามภายในกำหนด %9 · ยังไม่ครบกำหนด %10"
                    )
                )
                .replace("%10", f"{f.pending:,}")
                .replace("%1", f"{ls.total.requests:,}")
                .replace("%2", f"{ls.total.lent:,}")
                .replace("%3", f"{r.on_time:,}")
                .replace("%4", f"{r.returned:,}")
                .replace(
                    "%5", _coloured(share_text(r.on_time_rate), against_target(r.on_time_rate))
                )
                .replace("%6", f"{r.still_out:,}")
                .replace("%7", f"{f.overdue:,}")
                .replace("%8", f"{f.met:,}")
                .replace("%9", _coloured(f"{f.missed:,}", RED if f.missed else GREEN))
            )
            self.month_chart.setChart(
                _bar_chart(
                    self.tr("การยืมพัสดุรายเดือน"),
                    [m.label for m in ls.by_month],
                    [
                        (self.tr("คำขอ"), [float(m.requests) for m in ls.by_month]),
                        (self.tr("ยืมจริง"), [float(m.lent) for m in ls.by_month]),
                    ],
                )
            )
            self._fill_loan_table()

    def _queue_headers(self, first: str) -> list[str]:
        return [
            first,
            self.tr("ออกบัตร"),
            self.tr("ให้บริการ"),
            self.tr("ภายในมาตรฐาน %"),  # the ITA's key figure: in view at 1366 wide
            self.tr("ไม่มา"),
            self.tr("ค้าง"),
            self.tr("โอน"),
            self.tr("ข้ามคิว"),
            self.tr("รอ มัธยฐาน"),
            self.tr("รอ P90"),
            self.tr("รอ สูงสุด"),
            self.tr("บริการ มัธยฐาน"),
            self.tr("บริการ P90"),
        ]

    @staticmethod
    def _queue_cells(r: QueueRow, label: str) -> tuple[Any, ...]:
        return (
            label,
            r.issued,
            r.served,
            share_percent(r.within_standard_share),
            r.no_show,
            r.unfinished,
            r.transferred,
            r.picked,
            r.wait_median_min,
            r.wait_p90_min,
            r.wait_max_min,
            r.service_median_min,
            r.service_p90_min,
        )

    def _fill_queue_table(self) -> None:
        if self.loaded is None:
            return
        qs = self.loaded.queue
        which = self.QUEUE_TABLES[max(self.queue_choice.currentIndex(), 0)]
        if which == "picks":
            self.queue_model.set_table(
                [
                    self.tr("วันที่"),
                    self.tr("บัตรคิว"),
                    self.tr("ช่อง"),
                    self.tr("เหตุผล"),
                    self.tr("ผู้เรียก"),
                    self.tr("คิวที่ถึงลำดับ"),
                ],
                [
                    (
                        _be(p.business_date),
                        p.code,
                        p.counter,
                        p.reason,
                        p.user_name or p.username,
                        p.next_in_order or "-",
                    )
                    for p in qs.picks
                ],
            )
            return
        rows = qs.table(which)
        labelled = [
            (
                f"{r.key} {r.label}"
                if which in ("service",)
                else (_be(dt.date.fromisoformat(r.key)) if which == "day" else r.label),
                r,
            )
            for r in rows
        ]
        self.queue_model.set_table(
            self._queue_headers(self.queue_choice.currentText()),
            [self._queue_cells(r, label) for label, r in labelled]
            + [self._queue_cells(qs.total, self.tr("รวม"))],
        )

    def _fill_loan_table(self) -> None:
        if self.loaded is None or self.loaded.loans is None:
            return
        ls = self.loaded.loans
        which = self.LOAN_TABLES[max(self.loan_choice.currentIndex(), 0)]
        counts = [
            self.tr("คำขอ"),
            self.tr("ยืมจริง"),
            self.tr("ไม่อนุมัติ"),
            self.tr("ยกเลิก"),
            self.tr("รายการพัสดุ"),
        ]
        if which in ("month", "unit"):
            rows = ls.by_month if which == "month" else ls.by_unit
            self.loan_model.set_table(
                [self.loan_choice.currentText(), *counts],
                [(x.label, x.requests, x.lent, x.rejected, x.cancelled, x.items) for x in rows],
            )
        elif which == "overdue":
            outcomes = {
                "met": self.tr("ติดตามทันกำหนด"),
                "returned": self.tr("คืนก่อนครบกำหนดติดตาม"),
                "missed": self.tr("ไม่ได้ติดตามภายในกำหนด"),
                "pending": self.tr("ยังไม่ครบกำหนดติดตาม"),
            }
            assert outcomes.keys() == FOLLOWUP_LABELS_TH.keys()
            self.loan_model.set_table(
                [
                    self.tr("เลขที่ใบยืม"),
                    self.tr("ผู้ยืม"),
                    self.tr("กำหนดคืน"),
                    self.tr("เกินกำหนด (วัน)"),
                    self.tr("ติดตามภายใน"),
                    self.tr("ติดตามครั้งแรก"),
                    self.tr("ผล"),
                ],
                [
                    (
                        o.loan_no,
                        o.borrower,
                        _be(o.due),
                        o.overdue_days,
                        _be(o.followup_deadline),
                        _be(o.first_followup) if o.first_followup else "-",
                        outcomes[o.outcome],
                    )
                    for o in ls.overdue
                ],
            )
        else:
            assets = ls.most_lent if which == "most_lent" else ls.not_lent
            self.loan_model.set_table(
                [
                    self.tr("หมายเลขพัสดุ"),
                    self.tr("รายการ"),
                    self.tr("ฝ่าย"),
                    self.tr("ครั้ง"),
                    self.tr("จำนวน"),
                    self.tr("ยืมล่าสุด"),
                ],
                [
                    (
                        a.asset_no,
                        a.name,
                        a.unit_holder,
                        a.loans,
                        a.qty,
                        _be(a.last_lent) if a.last_lent else self.tr("ไม่เคยยืม"),
                    )
                    for a in assets
                ],
            )

    # ------------------------------------------------------------------ export
    def choose_file(self, kind: str, suggested: str) -> str | None:
        """Where to save: a save dialog with the suggested name, run through env.dialogs
        (as the PDF preview's), so that a test answers the real dialog."""
        filters = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)"}
        dialog = QFileDialog(self, self.tr("บันทึกรายงาน"), suggested, filters[kind])
        dialog.setObjectName("saveReportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setDefaultSuffix(kind)
        if not self.env.dialogs.run(dialog) or not dialog.selectedFiles():
            return None
        return dialog.selectedFiles()[0]

    def export(self, kind: str) -> None:
        """The figures shown, for the period they were read for (not the date fields, which
        may have changed without Show being pressed)."""
        if self.exporting or self.loaded is None:
            return
        start, end = self.loaded.start, self.loaded.end
        loans = self.tabs.currentIndex() == 1
        name = f"{'loans' if loans else 'queue'}-{start.isoformat()}_{end.isoformat()}.{kind}"
        chosen = self.choose_file(kind, name)
        if not chosen:
            return
        path = Path(chosen)
        uow, relay = self.env.uow, self._relay

        def progress(done: int, total: int) -> None:
            relay.progressed.emit(done, total)  # queued to the UI thread

        def work() -> stats_export.ReportResult:
            if not loans:
                return stats_export.export_queue(uow, start, end, path, kind, progress)
            if kind == "pdf":
                return stats_export.loans_summary_pdf(uow, start, end, path, progress)
            return stats_export.export_loans(uow, start, end, path, kind, progress)

        self._set_exporting(True)
        self.ops.run(work, self._exported, self._export_failed)

    def _update_exports(self) -> None:
        for b in self.export_buttons.values():
            b.setEnabled(not self.exporting and self.loaded is not None)

    def _set_exporting(self, on: bool) -> None:
        self.exporting = on
        self._update_exports()
        self.progress.setVisible(on)
        if on:
            self.progress.setValue(0)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(round(100 * done / total) if total else 0)

    def _exported(self, result: stats_export.ReportResult) -> None:
        self._set_exporting(False)
        self.last_export = result
        self.message.show_message(
            self.tr("บันทึกรายงานแล้ว: %1").replace("%1", result.file), "info", 10
        )

    def _export_failed(self, error: Exception) -> None:
        self._set_exporting(False)
        self.message.show_message(self._error_text(error), "error", 0)

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("KhetDesk — สถิติการให้บริการ"))
        for i, text in enumerate((self.tr("รายวัน"), self.tr("รายเดือน"), self.tr("ช่วงวันที่"))):
            self.mode.setItemText(i, text)
        self.to_label.setText(self.tr("ถึง"))
        self.show_button.setText(self.tr("แสดงสถิติ"))
        self.tabs.setTabText(0, self.tr("คิว"))
        self.tabs.setTabText(1, self.tr("การยืมพัสดุ"))
        self.tabs.setTabText(2, self.tr("จำลองลำดับการเรียกคิว"))
        queue_names = (
            self.tr("ตามบริการ"),
            self.tr("ตามช่องบริการ"),
            self.tr("ตามชั่วโมง"),
            self.tr("ตามวัน"),
            self.tr("คิวพิเศษและทั่วไป"),
            self.tr("การเรียกข้ามคิว"),
        )
        for i, text in enumerate(queue_names):
            self.queue_choice.setItemText(i, text)
        loan_names = (
            self.tr("ตามเดือน"),
            self.tr("ตามหน่วยงาน"),
            self.tr("เกินกำหนดและการติดตาม"),
            self.tr("ยืมบ่อยที่สุด"),
            self.tr("ไม่มีการยืมในช่วงนี้"),
        )
        for i, text in enumerate(loan_names):
            self.loan_choice.setItemText(i, text)
        self.export_buttons["csv"].setText(self.tr("ส่งออก CSV"))
        self.export_buttons["xlsx"].setText(self.tr("ส่งออก Excel"))
        self.export_buttons["pdf"].setText(self.tr("ส่งออก PDF"))
        self._mode_changed()
        self._update_exports()
        self._fill()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ops.wait(30000)
        super().closeEvent(event)


def _be(day: dt.date | None) -> str:
    return thai_date(day) if day else "-"


def _month_name(first: dt.date, language: str) -> str:
    """พฤศจิกายน 2569 (or November BE 2569)."""
    if language == "th":
        return f"{THAI_MONTHS_FULL[first.month - 1]} {first.year + BE_OFFSET}"
    return f"{MONTHS_EN[first.month - 1]} BE {first.year + BE_OFFSET}"


# Targets the figures are coloured against (the office's ITA self-assessment aims): a share
# at or above GOOD is green, at or above FAIR amber, below it red.
TARGET_GOOD, TARGET_FAIR = 0.80, 0.60
GREEN, AMBER, RED = "#15803d", "#b45309", "#b91c1c"


def against_target(share: float | None) -> str:
    """The colour of a share measured against its target ("" when there is none)."""
    if share is None:
        return ""
    return GREEN if share >= TARGET_GOOD else AMBER if share >= TARGET_FAIR else RED


def _coloured(text: str, colour: str) -> str:
    safe = html.escape(text)
    return f'<b style="color:{colour}">{safe}</b>' if colour else safe


def _rich(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _long_date(day: dt.date, language: str) -> str:
    """1 พฤศจิกายน 2569 (or 1 November BE 2569): the full month name, Buddhist Era year."""
    if language == "th":
        return f"{day.day} {THAI_MONTHS_FULL[day.month - 1]} {day.year + BE_OFFSET}"
    return f"{day.day} {MONTHS_EN[day.month - 1]} BE {day.year + BE_OFFSET}"
