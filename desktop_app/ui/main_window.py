"""The overview window: who waits for which service and who is at which counter, refreshed
every two seconds from a worker thread. The kiosk, counter console and TV board build on
the same pieces."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.uow import UnitOfWork
from desktop_app.domain.errors import KhetDeskError
from desktop_app.domain.thai_time import thai_date, thai_datetime_short
from desktop_app.services.settings import get_setting
from desktop_app.services.tickets import QueueStatus, queue_status
from desktop_app.ui.operations import Operations
from desktop_app.ui.queue_models import CounterStateModel, ServiceQueueModel

REFRESH_MS = 2000


def _load(uow: UnitOfWork, check: bool) -> tuple[str, QueueStatus]:
    if check:  # the first load also checks the schema, off the UI thread like the rest
        from db.migrate import check_schema

        check_schema(uow.engine)
    return get_setting(uow, "office.name").value, queue_status(uow)


class MainWindow(QMainWindow):
    def __init__(self, uow: UnitOfWork) -> None:
        super().__init__()
        self.uow = uow
        self.ops = Operations(self)
        self._loading = False
        self._loaded_once = False
        self.setWindowTitle(self.tr("KhetDesk — ภาพรวมคิว"))
        self.resize(900, 560)

        self.title = QLabel("KhetDesk")
        big = QFont(self.title.font())
        big.setPointSize(big.pointSize() + 8)
        big.setBold(True)
        self.title.setFont(big)
        self.date_label = QLabel("")

        self.services = ServiceQueueModel()
        self.counters = CounterStateModel()
        splitter = QSplitter()
        for model in (self.services, self.counters):
            view = QTableView()
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
            splitter.addWidget(view)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.date_label)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(body)
        self.statusBar().showMessage(self.tr("กำลังโหลด…"))

        QShortcut(QKeySequence.StandardKey.Refresh, self, activated=self.refresh)
        self.timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return  # a slow database must not pile up requests
        self._loading = True
        uow, check = self.uow, not self._loaded_once
        self.ops.run(lambda: _load(uow, check), self._show, self._failed)

    def _show(self, loaded: tuple[str, QueueStatus]) -> None:
        self._loading = False
        self._loaded_once = True
        office, status = loaded
        self.title.setText(office)
        self.setWindowTitle(f"KhetDesk — {office}")
        self.date_label.setText(self.tr("วันที่ %1").replace("%1", thai_date(status.business_date)))
        self.services.set_rows(list(status.services))
        self.counters.set_rows(list(status.counters))
        now = thai_datetime_short(dt.datetime.now(dt.UTC))
        waiting = sum(s.waiting for s in status.services)
        self.statusBar().showMessage(
            self.tr("รอรับบริการ %1 คน · ปรับปรุงล่าสุด %2")
            .replace("%1", str(waiting))
            .replace("%2", now)
        )

    def _failed(self, error: Exception) -> None:
        self._loading = False
        text = error.message if isinstance(error, KhetDeskError) else type(error).__name__
        self.statusBar().showMessage(self.tr("อ่านข้อมูลไม่ได้: %1").replace("%1", text))
        if not self._loaded_once:
            # Nothing on screen yet (wrong database, newer schema…): say so and stop trying.
            self.timer.stop()
            QMessageBox.critical(self, "KhetDesk", text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("KhetDesk — ภาพรวมคิว"))
            for model in (self.services, self.counters):
                model.set_language(model.language)  # the headers, in the new language
            self.refresh()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        self.ops.wait(3000)
        super().closeEvent(event)
