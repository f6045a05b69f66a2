"""รักษาการแทน: who acts for which head until when, from the approvals window.

A head (or the administrator) names a user, the role they act in and the last day; the
list shows every delegation in force or still to come, and the selected one can be
revoked. The services check who may grant what (clause 208's heads) and audit each change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KhetDeskError
from desktop_app.domain.roles import Role
from desktop_app.services import delegations, users
from desktop_app.services.auth import Actor
from desktop_app.services.delegations import DelegationView
from desktop_app.ui import texts
from desktop_app.ui.be_date import be_date, parse_be_date
from desktop_app.ui.dialogs import _Dialog
from desktop_app.ui.env import UiEnv
from desktop_app.ui.messages import one_language
from desktop_app.ui.operations import Operations


def grantable_roles(actor: Actor) -> list[str]:
    """The roles this user may hand on (as services.delegations checks)."""
    if actor.role in (Role.ADMIN, Role.AGENCY_HEAD):
        return [Role.AGENCY_HEAD.value, Role.SUPPLY_HEAD.value]
    if actor.role is Role.SUPPLY_HEAD:
        return [Role.SUPPLY_HEAD.value]
    return []


class DelegationDialog(_Dialog):
    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("delegationDialog")
        self.env, self.actor = env, actor
        self.ops = Operations(self)
        self.rows: list[DelegationView] = []
        self.loaded = False
        self.title = QLabel(objectName="delegationTitle")
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 5, objectName="delegationTable")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((230, 190, 110, 130)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._enable)
        self.revoke_button = QPushButton(objectName="delegationRevoke")
        self.revoke_button.clicked.connect(self.revoke)
        self.user = QComboBox(objectName="delegationUser")
        self.role = QComboBox(objectName="delegationRole")
        for value in grantable_roles(actor):
            self.role.addItem(texts.role(value), value)
        self.until = QLineEdit(objectName="delegationUntil")
        self.note = QLineEdit(objectName="delegationNote")
        self.add_button = QPushButton(objectName="delegationAdd")
        self.add_button.clicked.connect(self.add)
        self.status = QLabel(objectName="delegationMessage")
        self.status.setWordWrap(True)
        self.labels = {k: QLabel() for k in ("user", "role", "until", "note")}
        form = QFormLayout()
        form.addRow(self.labels["user"], self.user)
        form.addRow(self.labels["role"], self.role)
        form.addRow(self.labels["until"], self.until)
        form.addRow(self.labels["note"], self.note)
        row = QHBoxLayout()
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addLayout(self.buttons)
        self.ok.hide()  # changes are made by Add and Revoke; the dialog only closes
        self.resize(900, 560)
        self.retranslate()
        self._enable()
        self.reload()

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        uow, me = self.env.uow, self.actor.username

        def load() -> tuple[list[DelegationView], list[users.UserView]]:
            people = [u for u in users.list_users(uow) if u.active and u.username != me]
            return delegations.list_delegations(uow), people

        self.ops.run(load, self._show, self._failed)

    def _show(self, data: tuple[list[DelegationView], list[Any]]) -> None:
        self.rows, people = data
        current = self.user.currentData()
        self.user.clear()
        for u in people:
            self.user.addItem(f"{u.name} ({u.position or texts.role(u.role)})", u.username)
        if current is not None:
            self.user.setCurrentIndex(max(0, self.user.findData(current)))
        self.table.setRowCount(len(self.rows))
        for r, d in enumerate(self.rows):
            until = be_date(d.valid_until) if d.valid_until else self.tr("จนกว่าจะยกเลิก")
            state = self.tr("มีผลวันนี้") if d.active else self.tr("ยังไม่เริ่ม")
            values = (d.name, texts.role(d.role), be_date(d.valid_from), until, state)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(Qt.ItemDataRole.UserRole, d.id)
                self.table.setItem(r, c, item)
        self.loaded = True
        self._enable()

    def _failed(self, error: Exception) -> None:
        text = error.message if isinstance(error, KhetDeskError) else type(error).__name__
        self.status.setText(one_language(text, self.env.i18n.language))
        self.status.setStyleSheet("color: #b91c1c;")
        self._enable()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #14532d;")

    def _enable(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.revoke_button.setEnabled(self.loaded and chosen)
        self.add_button.setEnabled(self.loaded and self.role.count() > 0)

    # ------------------------------------------------------------------ actions
    def add(self) -> None:
        username = self.user.currentData()
        role = self.role.currentData()
        if not username or not role:
            return
        until: dt.date | None = None
        if self.until.text().strip():
            until = parse_be_date(self.until.text())
            if until is None:
                self._failed(ValueError())
                self.status.setText(self.tr("วันสิ้นสุดต้องเป็น วว/ดด/ปปปป (พ.ศ.)"))
                return
        uow, actor, note = self.env.uow, self.actor, self.note.text()
        self.add_button.setEnabled(False)

        def done(d: DelegationView) -> None:
            self._say(
                self.tr("%1 รักษาการแทน %2 แล้ว").replace("%1", d.name)
                .replace("%2", texts.role(d.role))
            )  # fmt: skip
            self.until.clear()
            self.note.clear()
            self.env.live.poke()
            self.reload()

        self.ops.run(
            lambda: delegations.add_delegation(
                uow, actor, username, role, valid_until=until, note=note or None
            ),
            done,
            self._failed,
        )

    def revoke(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.table.item(rows[0].row(), 0)
        delegation_id = int(item.data(Qt.ItemDataRole.UserRole))
        uow, actor = self.env.uow, self.actor
        self.revoke_button.setEnabled(False)

        def done(d: DelegationView) -> None:
            self._say(self.tr("ยกเลิกการรักษาการแทนของ %1 แล้ว").replace("%1", d.name))
            self.env.live.poke()
            self.reload()

        self.ops.run(
            lambda: delegations.revoke_delegation(uow, actor, delegation_id), done, self._failed
        )

    def done(self, result: int) -> None:  # QDialog.done: no worker outlives the dialog
        self.ops.wait(5000)
        super().done(result)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("รักษาการแทน"))
        self.title.setText(self.tr("ผู้รักษาการแทนหัวหน้าที่มีผลอยู่หรือกำลังจะเริ่ม: ใคร แทนใคร ถึงเมื่อใด"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("ผู้รักษาการแทน"), self.tr("แทน"), self.tr("ตั้งแต่"), self.tr("ถึง"),
             self.tr("สถานะ")]
        )  # fmt: skip
        self.labels["user"].setText(self.tr("ผู้รักษาการแทน"))
        self.labels["role"].setText(self.tr("รักษาการในตำแหน่ง"))
        self.labels["until"].setText(self.tr("ถึงวันที่ (วว/ดด/ปปปป พ.ศ. ว่าง = จนกว่าจะยกเลิก)"))
        self.labels["note"].setText(self.tr("หมายเหตุ (เช่น เลขที่คำสั่ง)"))
        self.add_button.setText(self.tr("มอบหมาย"))
        self.revoke_button.setText(self.tr("ยกเลิกรายการที่เลือก"))
        self.cancel.setText(self.tr("ปิด"))
