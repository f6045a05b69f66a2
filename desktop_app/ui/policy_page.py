"""Settings › ลำดับการเรียกและนัดหมาย (issue 15): the calling policy, each setting explained in
one sentence, with what the simulator predicts for it on the office's last 20 working days
beside what it predicts for the policy in use; the appointment settings; and the office's
holiday list, with a CSV import. Every database call and the simulation run on a worker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.uow import UnitOfWork
from desktop_app.domain.queue import CallingPolicy
from desktop_app.domain.thai_time import business_date
from desktop_app.services import appointments, office, settings
from desktop_app.services import simulate as sim
from desktop_app.services.auth import Actor
from desktop_app.ui.be_date import BeDateField, be_date
from desktop_app.ui.env import UiEnv
from desktop_app.ui.messages import error_text
from desktop_app.ui.operations import Operations

POLICY_KEYS = ("queue.priority_run_max", "queue.ageing_minutes")
APPOINTMENT_KEYS = (
    "appointment.early_minutes",
    "appointment.grace_minutes",
    "appointment.keep_personal_days",
)
GROUPS = ("priority", "ordinary", "appointment")  # the prediction table's rows


@dataclass(frozen=True)
class PolicyData:
    values: dict[str, str]
    counters: int  # open counters: the prediction runs with as many
    holidays: tuple[tuple[dt.date, str], ...]


@dataclass(frozen=True)
class Prediction:
    period: tuple[dt.date, dt.date]
    counters: int
    in_use: sim.Simulation
    proposed: sim.Simulation


def _load(uow: UnitOfWork) -> PolicyData:
    values = {v.key: v.value for v in settings.list_settings(uow)}
    counters = sum(1 for c in office.list_counters(uow) if c.active)
    return PolicyData(values, max(1, counters), tuple(appointments.list_holidays(uow)))


def _predict(
    uow: UnitOfWork,
    counters: int,
    in_use: CallingPolicy,
    proposed: CallingPolicy,
    step: Callable[[int, int], None],
) -> Prediction | None:
    period = sim.recent_working_days(uow)
    if period is None:
        return None
    profile = sim.profile_from_history(uow, *period)
    runs = sim.simulate_policies(profile, counters, (in_use, proposed), step)
    return Prediction(period, counters, runs[0], runs[1])


class _Relay(QObject):
    step = Signal(int, int)


class PolicyPage(QWidget):
    """The tab. ``message(text, kind)`` shows a line in the settings window's banner."""

    def __init__(self, env: UiEnv, actor: Actor, message: Callable[[str, str], None]) -> None:
        super().__init__(objectName="policyPage")
        self.env, self.actor, self.message = env, actor, message
        self.ops = Operations(self)  # loads and saves
        self.sim_ops = Operations(self)  # the prediction, which may take seconds
        self.relay = _Relay(self)
        self.relay.step.connect(self._step)
        self.data: PolicyData | None = None
        self.prediction: Prediction | None = None

        self.labels: dict[str, QLabel] = {}
        self.policy_group = QGroupBox(objectName="policyGroup")
        form = QFormLayout(self.policy_group)
        self.k = QSpinBox(objectName="policyK", minimum=0, maximum=100)
        self.k_text = QLabel(objectName="policyKText", wordWrap=True)
        self.m = QSpinBox(objectName="policyM", minimum=0, maximum=24 * 60)
        self.m_text = QLabel(objectName="policyMText", wordWrap=True)
        form.addRow(self._label("k"), self.k)
        form.addRow("", self.k_text)
        form.addRow(self._label("m"), self.m)
        form.addRow("", self.m_text)
        self.k.valueChanged.connect(self._explain)
        self.m.valueChanged.connect(self._explain)

        run = QHBoxLayout()
        self.predict_button = QPushButton(objectName="policyPredict")
        self.predict_button.clicked.connect(self.predict)
        self.bar = QProgressBar(objectName="policyProgress")
        self.bar.setVisible(False)
        run.addWidget(self.predict_button)
        run.addWidget(self.bar, 1)
        form.addRow(run)
        self.predict_status = QLabel(objectName="policyPredictStatus", wordWrap=True)
        form.addRow(self.predict_status)
        self.table = QTableWidget(len(GROUPS), 4, objectName="policyPrediction")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form.addRow(self.table)

        self.booking_group = QGroupBox(objectName="appointmentGroup")
        bform = QFormLayout(self.booking_group)
        self.early = QSpinBox(objectName="appointmentEarly", minimum=0, maximum=24 * 60)
        self.grace = QSpinBox(objectName="appointmentGrace", minimum=0, maximum=24 * 60)
        self.keep = QSpinBox(objectName="appointmentKeep", minimum=0, maximum=3650)
        bform.addRow(self._label("early"), self.early)
        bform.addRow(self._label("grace"), self.grace)
        bform.addRow(self._label("keep"), self.keep)
        self.save_button = QPushButton(objectName="policySave")
        self.save_button.clicked.connect(self.save)

        left = QVBoxLayout()
        left.addWidget(self.policy_group)
        left.addWidget(self.booking_group)
        left.addWidget(self.save_button)
        left.addStretch(1)
        row = QHBoxLayout(self)
        row.addLayout(left, 3)
        row.addWidget(self._holidays_box(), 2)
        self.retranslate()
        self.reload()

    def _label(self, key: str) -> QLabel:
        self.labels[key] = QLabel()
        return self.labels[key]

    # ------------------------------------------------------------------ holidays
    def _holidays_box(self) -> QGroupBox:
        box = self.holiday_group = QGroupBox(objectName="holidayGroup")
        layout = QVBoxLayout(box)
        self.holidays = QTableWidget(0, 2, objectName="holidayTable")
        self.holidays.horizontalHeader().setStretchLastSection(True)
        self.holidays.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.holidays.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.holidays.verticalHeader().hide()
        layout.addWidget(self.holidays, 1)
        form = QFormLayout()
        self.holiday_day = BeDateField(business_date(self.env.clock()))
        self.holiday_day.setObjectName("holidayDate")
        self.holiday_name = QLineEdit(objectName="holidayName")
        form.addRow(self._label("day"), self.holiday_day)
        form.addRow(self._label("name"), self.holiday_name)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.holiday_buttons: dict[str, QPushButton] = {}
        for name, slot in (
            ("holidayAdd", self.add_holiday),
            ("holidayRemove", self.remove_holiday),
            ("holidayImport", self.import_holidays),
        ):
            b = self.holiday_buttons[name] = QPushButton(objectName=name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.holiday_hint = QLabel(wordWrap=True)
        layout.addWidget(self.holiday_hint)
        return box

    def add_holiday(self) -> None:
        uow, actor = self.env.uow, self.actor
        day, name = self.holiday_day.edit.day, self.holiday_name.text()
        self._write(lambda: appointments.add_holiday(uow, actor, day, name),
                    self.tr("เพิ่มวันหยุด %1 แล้ว").replace("%1", be_date(day)))  # fmt: skip
        self.holiday_name.clear()

    def remove_holiday(self) -> None:
        rows = self.holidays.selectionModel().selectedRows()
        if not rows or self.data is None:
            self.message(self.tr("เลือกวันหยุดที่จะลบในตารางก่อน"), "error")
            return
        day = self.data.holidays[rows[0].row()][0]
        uow, actor = self.env.uow, self.actor
        self._write(lambda: appointments.remove_holiday(uow, actor, day),
                    self.tr("ลบวันหยุด %1 แล้ว").replace("%1", be_date(day)))  # fmt: skip

    def import_holidays(self) -> None:
        path = self.env.dialogs.open_file(self, self.tr("นำเข้าวันหยุด"), "CSV (*.csv)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        uow, actor = self.env.uow, self.actor

        def done(r: appointments.HolidayImport) -> None:
            self.message(
                self.tr("นำเข้าวันหยุด %1 วัน (มีอยู่แล้ว %2)")
                .replace("%1", str(r.added))
                .replace("%2", str(r.unchanged)),
                "info",
            )
            self.reload()

        self.ops.run(lambda: appointments.import_holidays(uow, actor, path), done, self._failed)

    # ------------------------------------------------------------------ policy
    def _explain(self) -> None:
        k, m = self.k.value(), self.m.value()
        self.k_text.setText(
            self.tr("หลังเรียกคิวพิเศษติดกัน %1 ครั้งที่ช่องเดียวกัน ครั้งต่อไปเรียกคิวทั่วไปที่รอนานที่สุด").replace(
                "%1", str(k)
            )
            if k
            else self.tr("คิวพิเศษได้เรียกก่อนเสมอ ไม่ว่าจะติดกันกี่ครั้ง (แบบเดิม)")
        )
        self.m_text.setText(
            self.tr("คิวทั่วไปที่รอครบ %1 นาที ได้ลำดับเดียวกับคิวพิเศษ ตามเวลาที่รับบัตร").replace("%1", str(m))
            if m
            else self.tr("ปิด: คิวทั่วไปรอจนไม่มีคิวพิเศษรออยู่")
        )

    def _policies(self) -> tuple[CallingPolicy, CallingPolicy]:
        v = self.data.values if self.data is not None else {}
        in_use = CallingPolicy(
            int(v.get("queue.priority_run_max", "0") or 0),
            int(v.get("queue.ageing_minutes", "0") or 0),
        )
        return in_use, CallingPolicy(self.k.value(), self.m.value())

    def predict(self) -> None:
        if self.sim_ops.busy or self.data is None:
            return
        uow, counters, relay = self.env.uow, self.data.counters, self.relay
        in_use, proposed = self._policies()
        self.predict_button.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self.predict_status.setText(self.tr("กำลังจำลอง…"))
        self.sim_ops.run(
            lambda: _predict(uow, counters, in_use, proposed, relay.step.emit),
            self._predicted,
            self._predict_failed,
        )

    def _step(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _predicted(self, p: Prediction | None) -> None:
        self.predict_button.setEnabled(True)
        self.bar.setVisible(False)
        self.prediction = p
        if p is None:
            self.predict_status.setText(self.tr("ยังไม่มีประวัติบัตรคิวให้จำลอง"))
            return
        self.predict_status.setText(
            self.tr("นาทีที่รอเรียก จากประวัติ %1 ถึง %2 กับช่องที่เปิด %3 ช่อง: "
                    "ที่ใช้อยู่ K=%4 M=%5 · ที่ตั้งใหม่ K=%6 M=%7")
            .replace("%1", be_date(p.period[0])).replace("%2", be_date(p.period[1]))
            .replace("%3", str(p.counters))
            .replace("%4", str(p.in_use.priority_run_max))
            .replace("%5", str(p.in_use.ageing_minutes))
            .replace("%6", str(p.proposed.priority_run_max))
            .replace("%7", str(p.proposed.ageing_minutes))
        )  # fmt: skip
        for col, run in enumerate((p.in_use, p.proposed)):
            for row, group in enumerate(GROUPS):
                w = run.groups[group]
                for j, value in enumerate((w.wait_median_min, w.wait_p90_min)):
                    text = "-" if value is None else f"{value:.1f}"
                    self.table.setItem(row, 2 * col + j, QTableWidgetItem(text))

    def _fit_table(self) -> None:
        """Three rows, all shown: no scroll bar over three lines of figures."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows + 2 * self.table.frameWidth())

    def _predict_failed(self, error: Exception) -> None:
        self.predict_button.setEnabled(True)
        self.bar.setVisible(False)
        self.predict_status.setText(self.tr("จำลองไม่ได้: %1").replace("%1", str(error)[:200]))

    def save(self) -> None:
        uow, actor = self.env.uow, self.actor
        values = dict(zip(POLICY_KEYS + APPOINTMENT_KEYS, (
            str(w.value()) for w in (self.k, self.m, self.early, self.grace, self.keep)
        ), strict=True))  # fmt: skip
        self._write(lambda: settings.update_settings(uow, actor, values), self.tr("บันทึกแล้ว"))

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.policy_group.setTitle(self.tr("ลำดับการเรียกคิว"))
        self.booking_group.setTitle(self.tr("นัดหมาย"))
        self.holiday_group.setTitle(self.tr("วันหยุดของสำนักงาน (ไม่เปิดให้นัดหมาย)"))
        labels = {
            "k": self.tr("เรียกคิวพิเศษติดกันได้ไม่เกิน (K)"),
            "m": self.tr("คิวทั่วไปที่รอนานเท่านี้ได้ลำดับเท่าคิวพิเศษ (M)"),
            "early": self.tr("เช็กอินได้ก่อนเวลานัด"),
            "grace": self.tr("มาสายเกินนี้ได้บัตรคิวทั่วไป"),
            "keep": self.tr("เก็บชื่อและเบอร์โทรหลังวันนัด (PDPA)"),
            "day": self.tr("วันที่"),
            "name": self.tr("ชื่อ"),
        }
        for key, label in self.labels.items():
            label.setText(labels[key])
        self.k.setSpecialValueText(self.tr("ไม่จำกัด"))
        self.k.setSuffix(self.tr(" ครั้ง"))
        self.m.setSpecialValueText(self.tr("ปิด"))
        minutes, days = self.tr(" นาที"), self.tr(" วัน")
        for box, suffix in ((self.m, minutes), (self.early, minutes), (self.grace, minutes),
                            (self.keep, days)):  # fmt: skip
            box.setSuffix(suffix)
        self.predict_button.setText(self.tr("คาดการณ์จากประวัติ 20 วันทำการล่าสุด"))
        self.table.setVerticalHeaderLabels(
            [self.tr("คิวพิเศษ"), self.tr("คิวทั่วไป"), self.tr("นัดหมาย")]
        )
        self.table.setHorizontalHeaderLabels([
            self.tr("ที่ใช้อยู่: มัธยฐาน"), self.tr("ที่ใช้อยู่: 90%"),
            self.tr("ที่ตั้งใหม่: มัธยฐาน"), self.tr("ที่ตั้งใหม่: 90%"),
        ])  # fmt: skip
        self._fit_table()
        self.save_button.setText(self.tr("บันทึกลำดับการเรียกและนัดหมาย"))
        self.holidays.setHorizontalHeaderLabels([self.tr("วันที่"), self.tr("ชื่อวันหยุด")])
        self.holiday_name.setPlaceholderText(self.tr("เช่น วันรัฐธรรมนูญ"))
        for name, text in (("holidayAdd", self.tr("เพิ่มวันหยุด")),
                           ("holidayRemove", self.tr("ลบวันที่เลือก")),
                           ("holidayImport", self.tr("นำเข้า CSV…"))):  # fmt: skip
            self.holiday_buttons[name].setText(text)
        self.holiday_hint.setText(self.tr("ไฟล์ CSV หัวตาราง date,name ปีเป็น พ.ศ. หรือ ค.ศ. ก็ได้ "
                                          "นำเข้าซ้ำไม่เพิ่มวันที่มีอยู่แล้ว"))  # fmt: skip
        self._explain()

    # ------------------------------------------------------------------ data
    def _write(self, work: Callable[[], object], done_text: str) -> None:
        def done(_value: object) -> None:
            self.message(done_text, "info")
            self.reload()

        self.ops.run(work, done, self._failed)

    def _failed(self, error: Exception) -> None:
        self.message(error_text(error, self.env.i18n.language), "error")

    def reload(self) -> None:
        uow = self.env.uow
        self.ops.run(lambda: _load(uow), self._show, self._failed)

    def _show(self, data: PolicyData) -> None:
        self.data = data
        v = data.values
        for box, key in zip(
            (self.k, self.m, self.early, self.grace, self.keep),
            POLICY_KEYS + APPOINTMENT_KEYS,
            strict=True,
        ):
            box.setValue(int(v.get(key, "0") or 0))
        self._explain()
        self.holidays.setRowCount(len(data.holidays))
        for i, (day, name) in enumerate(data.holidays):
            self.holidays.setItem(i, 0, QTableWidgetItem(be_date(day)))
            self.holidays.setItem(i, 1, QTableWidgetItem(name))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.ops.wait(5000)
        self.sim_ops.wait(30000)
        super().closeEvent(event)
