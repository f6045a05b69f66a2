"""Settings and administration (administrator only): the office, its services, counters and
users — stored in the database and shared by every PC — and this PC: its printer and
language (per-PC rows in the database, which the printer service reads), which counter it
is, the kiosk's device token (keyring) and exit PIN, the board's sound (QSettings); the
devices (kiosk and board tokens: ui.devices_page)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.uow import UnitOfWork
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.roles import Role
from desktop_app.domain.thai_time import business_date, utc_now
from desktop_app.services import devices, office, printer, settings, ticket_page, users
from desktop_app.services.auth import Actor
from desktop_app.services.office import CounterView, ServiceView
from desktop_app.services.settings import list_settings
from desktop_app.services.users import UserView
from desktop_app.ui import texts
from desktop_app.ui.devices_page import DevicesPage
from desktop_app.ui.env import UiEnv, hash_pin, validate_pin
from desktop_app.ui.operations import Operations
from desktop_app.ui.policy_page import PolicyPage
from desktop_app.ui.queue_models import (
    CountersAdminModel,
    RowsModel,
    ServicesAdminModel,
    UsersModel,
)
from desktop_app.ui.widgets import Banner, logo_label


def _load_all(uow: UnitOfWork) -> dict[str, Any]:
    return {
        "settings": {v.key: v.value for v in list_settings(uow)},
        "logo": office.office_logo(uow),
        "services": office.services_in_order(uow),
        "counters": office.list_counters(uow),
        "users": users.list_users(uow),
    }


# The Garuda emblem as documents.py accepts it: PNG or JPEG, told by the file's first bytes.
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8")
_EMBLEM_PREVIEW_PX = 56


def _read_emblem(path_text: str) -> bytes | None:
    """The emblem file's bytes if this PC can read it and it is a PNG or JPEG, else None.
    For the preview only: the setting may name a shared folder that only the printing PCs
    reach, so an unreadable file is shown, not refused (the registry checks the name)."""
    try:
        data = Path(path_text).read_bytes()
    except (OSError, ValueError):  # ValueError: a path with a NUL in it
        return None
    return data if data.startswith(_IMAGE_MAGIC) else None


def _table(model: RowsModel, name: str) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    # A few dozen rows at most: measuring them all is cheap here.
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _selected_row(view: QTableView) -> int:
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


class SettingsWindow(QMainWindow):
    def __init__(self, env: UiEnv, actor: Actor) -> None:
        super().__init__()
        self.setObjectName("settingsWindow")
        self.env, self.actor = env, actor
        self.ops = Operations(self)
        self.data: dict[str, Any] = {}
        self._logo: bytes | None = None
        # The emblem preview: the path last asked for, and what became of it
        # ("none": no emblem set, "loading", "ok", "unreadable").
        self._emblem_asked = ""
        self._emblem_state = "none"
        self.labels: dict[str, QLabel] = {}
        self.tabs = QTabWidget(objectName="settingsTabs")
        self.tabs.addTab(self._office_tab(), "")
        self.tabs.addTab(self._services_tab(), "")
        self.tabs.addTab(self._counters_tab(), "")
        self.tabs.addTab(self._users_tab(), "")
        self.tabs.addTab(self._pc_tab(), "")
        self.devices_page = DevicesPage(env, actor, self.message_text)  # issue 17
        self.tabs.addTab(self.devices_page, "")
        self.policy_page = PolicyPage(env, actor, self.message_text)  # issue 15
        self.tabs.addTab(self.policy_page, "")
        self.message = Banner("settingsMessage")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.setCentralWidget(body)
        self.setStyleSheet(
            "QWidget { font-size: 15px; } QPushButton { min-height: 36px; padding: 0 14px; }"
            # Room above the line for Thai's stacked marks (the ้ over นี in เครื่องนี้).
            "QTabBar::tab { padding: 10px 16px; }"
            "#settingsMessage[kind='error'] { color: white; background: #b91c1c; padding: 4px; }"
            "#settingsMessage[kind='info'] { color: #14532d; background: #dcfce7; padding: 4px; }"
        )
        self.resize(1100, 720)
        self.retranslate()
        self.reload()

    # ------------------------------------------------------------------ helpers
    def _label(self, key: str) -> QLabel:
        label = QLabel()
        self.labels[key] = label
        return label

    def _button(self, name: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(objectName=name)
        b.clicked.connect(slot)
        return b

    def _run(self, work: Callable[[], Any], done_text: str, reload: bool = True) -> None:
        def done(_value: Any) -> None:
            self.message.show_message(done_text, "info")
            if reload:
                self.reload()
                self.env.live.poke()

        self.ops.run(work, done, self._failed)

    def _failed(self, error: Exception) -> None:
        from desktop_app.ui.messages import error_text

        self.message.show_message(error_text(error, self.env.i18n.language), "error", 15)

    def message_text(self, text: str, kind: str) -> None:
        self.message.show_message(text, kind, 15 if kind == "error" else 8)

    def reload(self) -> None:
        uow = self.env.uow
        self.ops.run(lambda: _load_all(uow), self._show, self._failed)

    def _show(self, data: dict[str, Any]) -> None:
        self.data = data
        s = data["settings"]
        for key, field in self.office_fields.items():
            _set_field(field, s.get(key, ""))
        self._check_web_url()
        for key, field in self.pc_fields.items():
            _set_field(field, s.get(key, ""))
        self._preview_emblem()
        self._logo = data["logo"]
        logo_label(self._logo, 80, self.logo_preview)
        self.logo_preview.setVisible(True)
        if self._logo is None:
            self.logo_preview.setText(self.tr("(ไม่มีโลโก้)"))
        self._keep_selection(self.services_view, self.services_model, data["services"])
        self._keep_selection(self.counters_view, self.counters_model, data["counters"])
        self._keep_selection(self.users_view, self.users_model, data["users"])
        self._rebuild_counter_services(data["services"])
        local = self.env.local
        self.pc_counter.setValue(local.counter or 0)
        self.device_state.setText(self._token_state())
        self.kiosk_pin_state.setText(
            self.tr("ตั้ง PIN ไว้แล้ว") if local.kiosk_pin_hash else self.tr("ยังไม่ได้ตั้ง PIN")
        )
        self.board_sound.setChecked(local.board_sound)
        self.board_voice.setChecked(local.board_voice)

    def _keep_selection(self, view: QTableView, model: RowsModel, rows: list[Any]) -> None:
        row = _selected_row(view)
        model.set_rows(rows)
        if 0 <= row < model.rowCount():
            view.selectRow(row)

    # ------------------------------------------------------------------ office
    def _office_tab(self) -> QWidget:
        page = QWidget(objectName="officePage")
        form = QFormLayout()
        office_rows: dict[str, QLineEdit | QComboBox] = {
            "office.name": QLineEdit(objectName="officeName"),
            "office.name_en": QLineEdit(objectName="officeNameEn"),
            "ticket.qr_template": QLineEdit(objectName="qrTemplate"),
            "ticket.footer": QLineEdit(objectName="ticketFooter"),
            "web.base_url": QLineEdit(objectName="webBaseUrl"),
        }
        for key, field in office_rows.items():
            form.addRow(self._label(key), field)
        form.addRow("", self._web_url_hint(office_rows["web.base_url"]))
        self.logo_preview = QLabel(objectName="logoPreview")
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self._button("logoChoose", self.choose_logo))
        logo_row.addWidget(self._button("logoRemove", self.remove_logo))
        logo_row.addStretch(1)
        form.addRow(self._label("logo"), logo_row)
        self.document_group = QGroupBox(objectName="documentGroup")
        documents = self._document_fields()
        # The integrity settings (issue 16): desktop_app/ui/integrity.py.
        from desktop_app.ui.integrity import settings_group

        self.integrity_group, integrity_fields = settings_group()
        # One page, one save: the office rows and the document group in one transaction.
        self.office_fields = {**office_rows, **documents, **integrity_fields}
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.document_group)
        layout.addWidget(self.integrity_group)
        layout.addStretch(1)
        # The document group makes the page taller than the window: the fields scroll, the
        # save button stays in sight under them.
        scroll = QScrollArea(objectName="officeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        tab = QWidget()
        save_row = QHBoxLayout()
        save_row.addWidget(self._button("officeSave", self.save_office))
        save_row.addStretch(1)
        outer = QVBoxLayout(tab)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addLayout(save_row)
        return tab

    def _web_url_hint(self, field: QLineEdit) -> QLabel:
        """Under web.base_url: what a ticket's QR will carry, and a warning when khetdesk
        serve does not answer there from this PC (checked off the UI thread)."""
        self.web_url_hint = QLabel(objectName="webUrlHint", wordWrap=True)
        self.web_url_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        field.editingFinished.connect(self._check_web_url)
        return self.web_url_hint

    def _check_web_url(self) -> None:
        base = self.office_fields["web.base_url"].text().strip().rstrip("/")  # type: ignore[union-attr]
        if not base:
            self.web_url_hint.setStyleSheet("color: #555;")
            self.web_url_hint.setText(self.tr("ว่างไว้: QR บนบัตรคิวใช้แม่แบบด้านบน"))
            return
        example = ticket_page.example_url(base, business_date(utc_now()))
        self.web_url_hint.setStyleSheet("color: #555;")
        self.web_url_hint.setText(self.tr("QR บนบัตรคิว เช่น %1 · กำลังตรวจ…").replace("%1", example))

        def done(reason: str | None) -> None:
            if self.office_fields["web.base_url"].text().strip().rstrip("/") != base:  # type: ignore[union-attr]
                return  # typed on meanwhile: that text is checked on its own
            if reason is None:
                text = self.tr("QR บนบัตรคิว เช่น %1 · เครื่องนี้เปิดได้")
            else:
                text = self.tr("QR บนบัตรคิว เช่น %1 · คำเตือน: เครื่องนี้เปิดไม่ได้ (%2) "
                               "ตรวจว่า khetdesk serve ทำงานอยู่ที่ที่อยู่นี้")  # fmt: skip
                self.web_url_hint.setStyleSheet("color: #b91c1c; font-weight: bold;")
            self.web_url_hint.setText(text.replace("%1", example).replace("%2", reason or ""))

        self.ops.run(lambda: ticket_page.probe(base), done, self._failed)

    def _document_fields(self) -> dict[str, QLineEdit | QComboBox]:
        """The group for printed documents (loan record, return record, follow-up letter,
        register), one field per ``document.*`` setting."""
        digits = QComboBox(objectName="documentDigits")
        digits.addItem("", "thai")  # texts in retranslate
        digits.addItem("", "arabic")
        self.emblem_path = QLineEdit(objectName="documentEmblemPath")
        self.emblem_path.editingFinished.connect(lambda: self._preview_emblem())
        self.emblem_preview = QLabel(objectName="documentEmblemPreview")
        self.emblem_preview.setFixedHeight(_EMBLEM_PREVIEW_PX)
        self.emblem_preview.setMinimumWidth(_EMBLEM_PREVIEW_PX)
        fields: dict[str, QLineEdit | QComboBox] = {
            "document.language": _language_combo("documentLanguage"),
            "document.digits": digits,
            "document.emblem_path": self.emblem_path,
            "document.supply_unit": QLineEdit(objectName="documentSupplyUnit"),
            "document.address": QLineEdit(objectName="documentAddress"),
            "document.contact": QLineEdit(objectName="documentContact"),
            "document.letter_prefix": QLineEdit(objectName="documentLetterPrefix"),
            "document.signer_name": QLineEdit(objectName="documentSignerName"),
            "document.signer_position": QLineEdit(objectName="documentSignerPosition"),
        }
        form = QFormLayout(self.document_group)
        for key, field in fields.items():
            if key == "document.emblem_path":
                row = QHBoxLayout()
                row.addWidget(self.emblem_path, 1)
                row.addWidget(self._button("documentEmblemChoose", self.choose_emblem))
                row.addWidget(self.emblem_preview)
                form.addRow(self._label(key), row)
            else:
                form.addRow(self._label(key), field)
        return fields

    def save_office(self) -> None:
        uow, actor = self.env.uow, self.actor
        values = {k: _field_value(f) for k, f in self.office_fields.items()}
        self._run(lambda: settings.update_settings(uow, actor, values), self.tr("บันทึกแล้ว"))

    def choose_logo(self) -> None:
        path = self.env.dialogs.open_file(
            self, self.tr("เลือกโลโก้"), self.tr("รูปภาพ (*.png *.jpg *.jpeg)")
        )
        if not path:
            return
        uow, actor = self.env.uow, self.actor

        def work() -> object:
            return office.set_office_logo(uow, actor, Path(path).read_bytes())

        self._run(work, self.tr("บันทึกโลโก้แล้ว"))

    def choose_emblem(self) -> None:
        path = self.env.dialogs.open_file(
            self, self.tr("เลือกไฟล์ตราครุฑ"), self.tr("รูปภาพ (*.png *.jpg *.jpeg)")
        )
        if not path:
            return
        # Saved with the page (the save button), like every other field here.
        self.emblem_path.setText(path)
        self.emblem_path.setCursorPosition(0)
        self._preview_emblem(again=True)

    def _preview_emblem(self, again: bool = False) -> None:
        """Show the emblem the path names, read off the UI thread (it may be on a shared
        folder); a slower answer for an older path is dropped. The same path is read only
        once unless ``again`` (a file chosen anew may have been replaced)."""
        path = self.emblem_path.text().strip()
        if path == self._emblem_asked and self._emblem_state != "none" and not again:
            return
        self._emblem_asked = path
        if not path:
            self._show_emblem(path, None)
            return
        self._emblem_state = "loading"
        self._emblem_text()
        self.ops.run(lambda: _read_emblem(path), lambda data: self._show_emblem(path, data),
                     self._failed)  # fmt: skip

    def _show_emblem(self, path: str, data: bytes | None) -> None:
        if path != self._emblem_asked:
            return
        pixmap = QPixmap()
        if not path:
            self._emblem_state = "none"
        elif data is not None and pixmap.loadFromData(data):
            self._emblem_state = "ok"
            self.emblem_preview.setPixmap(
                pixmap.scaledToHeight(
                    _EMBLEM_PREVIEW_PX, Qt.TransformationMode.SmoothTransformation
                )
            )
        else:
            self._emblem_state = "unreadable"
        self._emblem_text()

    def _emblem_text(self) -> None:
        texts_by_state = {
            "none": self.tr("(ไม่มีตราครุฑ)"),
            "loading": "…",
            "unreadable": self.tr("(เครื่องนี้เปิดภาพนี้ไม่ได้)"),
        }
        if self._emblem_state in texts_by_state:
            self.emblem_preview.setText(texts_by_state[self._emblem_state])
        self.emblem_preview.setToolTip(
            self.tr("ภาพต้องเป็น PNG หรือ JPEG และเครื่องที่พิมพ์ต้องเปิดไฟล์นี้ได้")
            if self._emblem_state == "unreadable"
            else ""
        )

    def remove_logo(self) -> None:
        uow, actor = self.env.uow, self.actor
        self._run(lambda: office.set_office_logo(uow, actor, None), self.tr("ลบโลโก้แล้ว"))

    # ------------------------------------------------------------------ services
    def _services_tab(self) -> QWidget:
        page = QWidget()
        self.services_model = ServicesAdminModel()
        self.services_view = _table(self.services_model, "servicesTable")
        self.services_view.selectionModel().selectionChanged.connect(self._service_selected)
        self.service_code = QLineEdit(objectName="serviceCode")
        self.service_name = QLineEdit(objectName="serviceName")
        self.service_name_en = QLineEdit(objectName="serviceNameEn")
        self.service_prefix = QLineEdit(objectName="servicePrefix")
        self.service_prefix.setMaxLength(1)
        self.service_minutes = QSpinBox(objectName="serviceMinutes")
        self.service_minutes.setRange(1, 24 * 60)
        self.service_minutes.setValue(15)
        self.service_active = QCheckBox(objectName="serviceActive")
        self.service_active.setChecked(True)
        form = QFormLayout()
        form.addRow(self._label("service.code"), self.service_code)
        form.addRow(self._label("service.name"), self.service_name)
        form.addRow(self._label("service.name_en"), self.service_name_en)
        form.addRow(self._label("service.prefix"), self.service_prefix)
        form.addRow(self._label("service.minutes"), self.service_minutes)
        form.addRow("", self.service_active)
        # One letter: a new service's code is its ticket letter (the CLI keeps both names;
        # a service whose code differs shows it in the table).
        form.setRowVisible(self.service_code, False)
        buttons = QHBoxLayout()
        for name, slot in (("serviceNew", self.new_service), ("serviceSave", self.save_service),
                           ("serviceUp", lambda: self.move_service(-1)),
                           ("serviceDown", lambda: self.move_service(1))):  # fmt: skip
            buttons.addWidget(self._button(name, slot))
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.services_view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return page

    def _service_selected(self) -> None:
        row = _selected_row(self.services_view)
        if row < 0:
            return
        s: ServiceView = self.services_model.row_at(row)
        self.service_code.setText(s.code)
        self.service_code.setReadOnly(True)
        self.service_name.setText(s.name)
        self.service_name_en.setText(s.name_en)
        self.service_prefix.setText(s.prefix)
        self.service_minutes.setValue(s.standard_minutes)
        self.service_active.setChecked(s.active)

    def new_service(self) -> None:
        self.services_view.clearSelection()
        self.service_code.setReadOnly(False)
        for field in (self.service_code, self.service_name, self.service_name_en,
                      self.service_prefix):  # fmt: skip
            field.clear()
        self.service_minutes.setValue(15)
        self.service_active.setChecked(True)
        self.service_prefix.setFocus()

    def save_service(self) -> None:
        uow, actor = self.env.uow, self.actor
        name, name_en = self.service_name.text(), self.service_name_en.text()
        prefix = self.service_prefix.text().strip().upper()
        code = self.service_code.text() if self.service_code.isReadOnly() else prefix
        minutes, active = self.service_minutes.value(), self.service_active.isChecked()
        if self.service_code.isReadOnly():

            def work() -> object:
                return office.update_service(uow, actor, code, name=name, name_en=name_en,
                                             prefix=prefix, standard_minutes=minutes,
                                             active=active)  # fmt: skip

        else:

            def work() -> object:
                view = office.add_service(uow, actor, code, name, name_en, prefix or None, minutes)
                if not active:
                    view = office.update_service(uow, actor, view.code, active=False)
                return view

        self._run(work, self.tr("บันทึกบริการ %1 แล้ว").replace("%1", code.strip()))

    def move_service(self, step: int) -> None:
        row = _selected_row(self.services_view)
        codes = [s.code for s in self.services_model.rows]
        target = row + step
        if row < 0 or not 0 <= target < len(codes):
            return
        codes[row], codes[target] = codes[target], codes[row]
        uow, actor = self.env.uow, self.actor

        def done(_v: object) -> None:
            self.message.show_message(self.tr("เปลี่ยนลำดับแล้ว"), "info")
            self.reload()
            self.env.live.poke()
            self.services_view.selectRow(target)

        self.ops.run(lambda: office.reorder_services(uow, actor, codes), done, self._failed)

    # ------------------------------------------------------------------ counters
    def _counters_tab(self) -> QWidget:
        page = QWidget()
        self.counters_model = CountersAdminModel()
        self.counters_view = _table(self.counters_model, "countersTable")
        self.counters_view.selectionModel().selectionChanged.connect(self._counter_selected)
        self.counter_number = QSpinBox(objectName="counterNumber")
        self.counter_number.setRange(1, 999)
        self.counter_name = QLineEdit(objectName="counterName")
        self.counter_active = QCheckBox(objectName="counterActive")
        self.counter_active.setChecked(True)
        self.counter_services_box = QHBoxLayout()
        self.counter_services_box.addStretch(1)
        self.counter_services: dict[str, QCheckBox] = {}
        form = QFormLayout()
        form.addRow(self._label("counter.number"), self.counter_number)
        form.addRow(self._label("counter.name"), self.counter_name)
        form.addRow(self._label("counter.services"), self.counter_services_box)
        form.addRow("", self.counter_active)
        buttons = QHBoxLayout()
        buttons.addWidget(self._button("counterNew", self.new_counter))
        buttons.addWidget(self._button("counterSave", self.save_counter))
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.counters_view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return page

    def _rebuild_counter_services(self, services: list[ServiceView]) -> None:
        codes = [s.code for s in services]
        if codes == list(self.counter_services):
            return
        for box in self.counter_services.values():
            self.counter_services_box.removeWidget(box)
            box.setParent(None)  # gone at once: no stale box answers to its name or a click
            box.deleteLater()
        self.counter_services = {}
        for s in services:
            box = QCheckBox(s.code, objectName=f"counterService_{s.code}")
            box.setToolTip(s.name)
            # Before the stretch: each box only as wide as its letter, so a click lands on it.
            self.counter_services_box.insertWidget(self.counter_services_box.count() - 1, box)
            self.counter_services[s.code] = box
        self._counter_selected()

    def _counter_selected(self) -> None:
        row = _selected_row(self.counters_view)
        if row < 0:
            return
        c: CounterView = self.counters_model.row_at(row)
        self.counter_number.setValue(c.number)
        self.counter_number.setEnabled(False)
        self.counter_name.setText(c.name)
        self.counter_active.setChecked(c.active)
        for code, box in self.counter_services.items():
            box.setChecked(code in c.services)

    def new_counter(self) -> None:
        self.counters_view.clearSelection()
        self.counter_number.setEnabled(True)
        taken = [c.number for c in self.counters_model.rows]
        self.counter_number.setValue(max(taken, default=0) + 1)
        self.counter_name.clear()
        self.counter_active.setChecked(True)
        for box in self.counter_services.values():
            box.setChecked(False)

    def save_counter(self) -> None:
        uow, actor = self.env.uow, self.actor
        number, name = self.counter_number.value(), self.counter_name.text()
        codes = [c for c, box in self.counter_services.items() if box.isChecked()]
        active = self.counter_active.isChecked()
        if not self.counter_number.isEnabled():

            def work() -> object:
                return office.update_counter(uow, actor, number, name=name, service_codes=codes,
                                             active=active)  # fmt: skip

        else:

            def work() -> object:
                view = office.add_counter(uow, actor, number, codes, name)
                if not active:
                    view = office.update_counter(uow, actor, number, active=False)
                return view

        self._run(work, self.tr("บันทึกช่องบริการ %1 แล้ว").replace("%1", str(number)))

    # ------------------------------------------------------------------ users
    def _users_tab(self) -> QWidget:
        page = QWidget()
        self.users_model = UsersModel()
        self.users_view = _table(self.users_model, "usersTable")
        self.users_view.selectionModel().selectionChanged.connect(self._user_selected)
        self.user_name = QLineEdit(objectName="userName")
        self.user_full_name = QLineEdit(objectName="userFullName")
        self.user_role = QComboBox(objectName="userRole")
        for r in Role:
            self.user_role.addItem("", r.value)
        self.user_position = QLineEdit(objectName="userPosition")
        self.user_unit = QLineEdit(objectName="userUnit")
        self.user_active = QCheckBox(objectName="userActive")
        self.user_active.setChecked(True)
        self.user_password = QLineEdit(objectName="userPassword")
        self.user_password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        fields: tuple[tuple[str, QWidget], ...] = (
            ("user.username", self.user_name),
            ("user.name", self.user_full_name),
            ("user.role", self.user_role),
            ("user.position", self.user_position),
            ("user.unit", self.user_unit),
            ("user.password", self.user_password),
        )
        for key, field in fields:
            form.addRow(self._label(key), field)
        form.addRow("", self.user_active)
        buttons = QHBoxLayout()
        buttons.addWidget(self._button("userNew", self.new_user))
        buttons.addWidget(self._button("userSave", self.save_user))
        buttons.addWidget(self._button("userSetPassword", self.set_password))
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.users_view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return page

    def _user_selected(self) -> None:
        row = _selected_row(self.users_view)
        if row < 0:
            return
        u: UserView = self.users_model.row_at(row)
        self.user_name.setText(u.username)
        self.user_name.setReadOnly(True)
        self.user_full_name.setText(u.name)
        self.user_role.setCurrentIndex(max(0, self.user_role.findData(u.role)))
        self.user_position.setText(u.position)
        self.user_unit.setText(u.unit)
        self.user_active.setChecked(u.active)
        self.user_password.clear()

    def new_user(self) -> None:
        self.users_view.clearSelection()
        self.user_name.setReadOnly(False)
        for field in (self.user_name, self.user_full_name, self.user_position, self.user_unit,
                      self.user_password):  # fmt: skip
            field.clear()
        self.user_role.setCurrentIndex(max(0, self.user_role.findData(Role.CLERK.value)))
        self.user_active.setChecked(True)
        self.user_name.setFocus()

    def save_user(self) -> None:
        uow, actor = self.env.uow, self.actor
        username, name = self.user_name.text(), self.user_full_name.text()
        role = str(self.user_role.currentData())
        position, unit = self.user_position.text(), self.user_unit.text()
        active, password = self.user_active.isChecked(), self.user_password.text()
        if self.user_name.isReadOnly():

            def work() -> object:
                return users.update_user(uow, actor, username, role=role, name=name,
                                         position=position, unit=unit, active=active)  # fmt: skip

        else:

            def work() -> object:
                view = users.add_user(uow, actor, username, role, name, password, position, unit)
                if not active:
                    view = users.update_user(uow, actor, view.username, active=False)
                return view

        self.user_password.clear()
        self._run(work, self.tr("บันทึกผู้ใช้ %1 แล้ว").replace("%1", username.strip()))

    def set_password(self) -> None:
        if not self.user_name.isReadOnly():
            return
        uow, actor = self.env.uow, self.actor
        username, password = self.user_name.text(), self.user_password.text()
        self.user_password.clear()
        self._run(
            lambda: users.set_password(uow, actor, username, password),
            self.tr("เปลี่ยนรหัสผ่านของ %1 แล้ว").replace("%1", username),
        )

    # ------------------------------------------------------------------ this PC
    def _pc_tab(self) -> QWidget:
        page = QWidget()
        width = QComboBox(objectName="printerWidth")
        for dots in ("384", "512", "576"):
            width.addItem(dots, dots)
        self.pc_fields: dict[str, QLineEdit | QComboBox] = {
            "printer.connection": _printer_picker(),
            "printer.width_dots": width,
            "printer.profile": QLineEdit(objectName="printerProfile"),
            "printer.timeout_s": QLineEdit(objectName="printerTimeout"),
            "ui.language": _language_combo("uiLanguage"),
        }
        form = QFormLayout(page)
        for key, field in self.pc_fields.items():
            form.addRow(self._label(key), field)
        form.addRow("", self._button("printTest", self.print_test))
        self.pc_counter = QSpinBox(objectName="pcCounter")
        self.pc_counter.setRange(0, 999)
        # The kiosk's device token (issue 17): pasted here, kept in the keyring or 0600 file.
        self.device_state = QLabel(objectName="deviceTokenState")
        self.device_token = QLineEdit(objectName="deviceTokenInput")
        self.device_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.device_token_clear = QCheckBox(objectName="deviceTokenClear")
        self.kiosk_pin = QLineEdit(objectName="kioskPin")
        self.kiosk_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.kiosk_pin_state = QLabel(objectName="kioskPinState")
        self.kiosk_pin_clear = QCheckBox(objectName="kioskPinClear")
        self.board_sound = QCheckBox(objectName="boardSound")
        self.board_voice = QCheckBox(objectName="boardVoice")
        form.addRow(self._label("pc.counter"), self.pc_counter)
        form.addRow(self._label("pc.device_token"), self.device_token)
        form.addRow(self.device_state, self.device_token_clear)
        form.addRow(self._label("pc.kiosk_pin"), self.kiosk_pin)
        form.addRow(self.kiosk_pin_state, self.kiosk_pin_clear)
        form.addRow("", self.board_sound)
        form.addRow("", self.board_voice)
        form.addRow("", self._button("boardSoundTest", self.test_board_sound))
        form.addRow("", self._button("pcSave", self.save_pc))
        return page

    def save_pc(self) -> None:
        uow, actor, local = self.env.uow, self.actor, self.env.local
        values = {k: _field_value(f) for k, f in self.pc_fields.items()}
        pin = self.kiosk_pin.text()
        try:
            if pin:
                validate_pin(pin)
        except InvalidInput as e:
            self._failed(e)
            return
        clear_pin = self.kiosk_pin_clear.isChecked()
        # This PC's own settings (QSettings): quick, on the UI thread.
        local.counter = self.pc_counter.value() or None
        token, forget_token = self.device_token.text().strip(), self.device_token_clear.isChecked()
        local.board_sound = self.board_sound.isChecked()
        local.board_voice = self.board_voice.isChecked()
        self.device_token.clear()
        self.device_token_clear.setChecked(False)
        self.kiosk_pin.clear()
        self.kiosk_pin_clear.setChecked(False)

        def work() -> str | None:
            if token:  # a token that does not work is refused before anything is saved
                devices.device_actor(uow, token)
            settings.update_settings(uow, actor, values)
            return hash_pin(pin) if pin else None  # PBKDF2: off the UI thread too

        def done(pin_hash: str | None) -> None:
            if token:
                local.set_device_token(token)
            elif forget_token:
                local.set_device_token("")
            if pin_hash is not None:
                local.kiosk_pin_hash = pin_hash
            elif clear_pin:
                local.kiosk_pin_hash = ""
            local.language = values["ui.language"]
            self.env.i18n.set_language(values["ui.language"])
            self.message.show_message(self.tr("บันทึกแล้ว"), "info")
            self.reload()

        self.ops.run(work, done, self._failed)

    def _token_state(self) -> str:
        local = self.env.local
        if not local.device_token():
            return self.tr("ยังไม่มีโทเค็น")
        if local.token_store == "keyring":
            return self.tr("มีโทเค็นแล้ว: keyring ของระบบ")
        return self.tr("มีโทเค็นแล้ว: ไฟล์ตั้งค่า (0600)")

    def test_board_sound(self) -> None:
        """ทดสอบเสียง: the board's chime and announcement, played here; says whether this PC
        has a Thai voice, so IT knows what the waiting room will hear."""
        from desktop_app.ui.sound import Announcer, Chime

        chime, voice = Chime(True, self), Announcer(True, self)
        chime.play()
        voice.announce("A001", 1)
        speaks = getattr(voice, "_speech", None) is not None
        plays = chime.backend != "beep"
        text = (
            self.tr("ทดสอบเสียง: เสียงกริ่ง %1 · เสียงประกาศภาษาไทย %2")
            .replace("%1", self.tr("เล่นแล้ว") if plays else self.tr("ไม่มีอุปกรณ์เสียง"))
            .replace("%2", self.tr("มี") if speaks else self.tr("ไม่มีในเครื่องนี้"))
        )
        self.message.show_message(text, "info" if plays or speaks else "error", 15)

    def print_test(self) -> None:
        uow = self.env.uow
        self._run(lambda: printer.print_test_page(uow), self.tr("พิมพ์หน้าทดสอบแล้ว"), False)

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("KhetDesk — ตั้งค่าและผู้ใช้"))
        for i, title in enumerate((self.tr("สำนักงาน"), self.tr("บริการ"), self.tr("ช่องบริการ"),
                                   self.tr("ผู้ใช้"), self.tr("เครื่องนี้"),
                                   self.tr("ตู้และจอ"),
                                   self.tr("ลำดับการเรียกและนัดหมาย"))):  # fmt: skip
            self.tabs.setTabText(i, title)
        label_texts = {
            "office.name": self.tr("ชื่อสำนักงาน"),
            "office.name_en": self.tr("ชื่อสำนักงาน (อังกฤษ)"),
            "ticket.qr_template": self.tr("QR บนบัตรคิว ({code} {date})"),
            "ticket.footer": self.tr("ข้อความท้ายบัตรคิว"),
            "web.base_url": self.tr("ที่อยู่หน้าเว็บบัตรคิว (web.base_url)"),
            "document.language": self.tr("ภาษาของเอกสารที่พิมพ์"),
            "document.digits": self.tr("ตัวเลขในเอกสาร"),
            "document.emblem_path": self.tr("ตราครุฑ (ไฟล์ PNG หรือ JPEG)"),
            "document.supply_unit": self.tr("หน่วยพัสดุ"),
            "document.address": self.tr("ที่อยู่สำนักงาน (บนหนังสือ)"),
            "document.contact": self.tr("ติดต่อ (โทร.)"),
            "document.letter_prefix": self.tr("รหัสหน้าเลขที่หนังสือ (ที่ กท …)"),
            "document.signer_name": self.tr("ผู้ลงนามหนังสือติดตาม"),
            "document.signer_position": self.tr("ตำแหน่งผู้ลงนาม"),
            "logo": self.tr("โลโก้"),
            "service.code": self.tr("รหัสบริการ"),
            "service.name": self.tr("ชื่อบริการ"),
            "service.name_en": self.tr("ชื่อภาษาอังกฤษ"),
            "service.prefix": self.tr("อักษรนำหน้าบัตรคิว (คือรหัสบริการ)"),
            "service.minutes": self.tr("เวลามาตรฐาน (นาที)"),
            "counter.number": self.tr("หมายเลขช่อง"),
            "counter.name": self.tr("ชื่อช่อง"),
            "counter.services": self.tr("บริการที่เรียก"),
            "user.username": self.tr("ชื่อผู้ใช้"),
            "user.name": self.tr("ชื่อ-นามสกุล"),
            "user.role": self.tr("บทบาท"),
            "user.position": self.tr("ตำแหน่ง"),
            "user.unit": self.tr("หน่วยงาน"),
            "user.password": self.tr("รหัสผ่าน (ผู้ใช้ใหม่หรือเปลี่ยน)"),
            "printer.connection": self.tr("เครื่องพิมพ์ (เลือกจากรายการ หรือพิมพ์ network://IP:9100)"),
            "printer.width_dots": self.tr("ความกว้างกระดาษ (จุด)"),
            "printer.profile": self.tr("รุ่นเครื่องพิมพ์ (profile)"),
            "printer.timeout_s": self.tr("เวลารอเครื่องพิมพ์ (วินาที)"),
            "ui.language": self.tr("ภาษาของหน้าจอเครื่องนี้"),
            "pc.counter": self.tr("เครื่องนี้เป็นช่องบริการ (0 = ไม่ใช่)"),
            "pc.device_token": self.tr("โทเค็นเครื่องของตู้ออกบัตรคิว (เว้นว่าง = ไม่เปลี่ยน)"),
            "pc.kiosk_pin": self.tr("PIN ออกจากตู้ (ตัวเลข 4–12 หลัก เว้นว่าง = ไม่เปลี่ยน)"),
        }
        for key, label in self.labels.items():
            label.setText(label_texts.get(key, key))
        buttons = {
            "officeSave": self.tr("บันทึก"),
            "logoChoose": self.tr("เลือกไฟล์…"),
            "logoRemove": self.tr("ลบโลโก้"),
            "documentEmblemChoose": self.tr("เลือกไฟล์…"),
            "serviceNew": self.tr("เพิ่มบริการใหม่"),
            "serviceSave": self.tr("บันทึกบริการ"),
            "serviceUp": self.tr("เลื่อนขึ้น"),
            "serviceDown": self.tr("เลื่อนลง"),
            "counterNew": self.tr("เพิ่มช่องใหม่"),
            "counterSave": self.tr("บันทึกช่อง"),
            "userNew": self.tr("เพิ่มผู้ใช้ใหม่"),
            "userSave": self.tr("บันทึกผู้ใช้"),
            "userSetPassword": self.tr("ตั้งรหัสผ่านใหม่"),
            "printTest": self.tr("พิมพ์หน้าทดสอบ"),
            "pcSave": self.tr("บันทึกการตั้งค่าเครื่องนี้"),
        }
        for name, text in buttons.items():
            b = self.findChild(QPushButton, name)
            if b is not None:
                b.setText(text)
        self.service_active.setText(self.tr("เปิดให้บริการ (แสดงที่ตู้ออกบัตรคิว)"))
        self.counter_active.setText(self.tr("เปิดช่องบริการ"))
        self.user_active.setText(self.tr("ใช้งานได้"))
        self.kiosk_pin_clear.setText(self.tr("ลบ PIN"))
        self.device_token_clear.setText(self.tr("ลบโทเค็นออกจากเครื่องนี้"))
        self.board_sound.setText(self.tr("จอแสดงคิว: เสียงกริ่งเมื่อเรียกคิว"))
        self.board_voice.setText(self.tr("จอแสดงคิว: เสียงประกาศ (ถ้ามีเสียงภาษาไทย)"))
        self.findChild(QPushButton, "boardSoundTest").setText(self.tr("ทดสอบเสียง"))
        for i, r in enumerate(Role):
            self.user_role.setItemText(i, texts.role(r.value))
        self.document_group.setTitle(self.tr("เอกสารที่พิมพ์ (ใบยืม ใบรับคืน หนังสือติดตาม ทะเบียนคุม)"))
        digits = self.office_fields["document.digits"]
        assert isinstance(digits, QComboBox)
        digits.setItemText(0, self.tr("เลขไทย (๑๒๓)"))
        digits.setItemText(1, self.tr("เลขอารบิก (123)"))
        self._emblem_text()
        for combo in (self.office_fields["document.language"], self.pc_fields["ui.language"]):
            assert isinstance(combo, QComboBox)
            combo.setItemText(0, "ไทย")
            combo.setItemText(1, "English")
        for model in (self.services_model, self.counters_model, self.users_model):
            model.set_language(self.env.i18n.language)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ops.wait(5000)
        self.policy_page.close()  # waits for its loads and a prediction under way
        super().closeEvent(event)


def _language_combo(name: str) -> QComboBox:
    combo = QComboBox(objectName=name)
    combo.addItem("ไทย", "th")
    combo.addItem("English", "en")
    return combo


def _set_field(field: QLineEdit | QComboBox, value: str) -> None:
    if isinstance(field, QComboBox):
        i = field.findData(value)
        if i < 0 and field.isEditable():
            field.setEditText(value)  # an address typed in before
            return
        field.setCurrentIndex(max(0, i))
    else:
        field.setText(value)
        field.setCursorPosition(0)


def _field_value(field: QLineEdit | QComboBox) -> str:
    if isinstance(field, QComboBox):
        if field.isEditable():  # the printer: a listed one, or an address typed in
            i = field.findText(field.currentText())
            data = field.itemData(i) if i >= 0 else None
            return str(data) if data else field.currentText().strip()
        return str(field.currentData())
    return field.text()


def system_printers() -> list[tuple[str, str]]:
    """(label, connection) for every printer this PC knows: its Windows or CUPS queues (by
    Qt's printer list) and, with pyusb, USB printers by vendor and product."""
    found: list[tuple[str, str]] = []
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:  # pragma: no cover - shipped with PySide6
        names: list[str] = []
    else:
        names = list(QPrinterInfo.availablePrinterNames())
    scheme = "win32" if sys.platform == "win32" else "cups"
    found += [(f"{name} ({'Windows' if scheme == 'win32' else 'CUPS'})", f"{scheme}://{name}")
              for name in names]  # fmt: skip
    try:
        import usb.core  # type: ignore[import-not-found,unused-ignore]

        for dev in usb.core.find(find_all=True) or ():
            if any(i.bInterfaceClass == 7 for c in dev for i in c):  # USB printer class
                vid, pid = int(dev.idVendor), int(dev.idProduct)
                label = " ".join(
                    x for x in (_usb_text(dev, "manufacturer"), _usb_text(dev, "product")) if x
                )
                found.append(
                    (f"USB {label or '?'} {vid:04x}:{pid:04x}", f"usb://{vid:04x}:{pid:04x}")
                )
    except Exception:
        pass
    return found


def _usb_text(dev: Any, field: str) -> str:
    try:
        return str(getattr(dev, field) or "")
    except Exception:
        return ""


def _printer_picker() -> QComboBox:
    """The printer of this PC: none, a system or USB printer from the list, or a network
    address typed in (network://IP:9100)."""
    combo = QComboBox(objectName="printerConnection")
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItem("none", "none")
    for label, url in system_printers():
        combo.addItem(f"{url}  —  {label}", url)
    combo.lineEdit().setPlaceholderText("network://192.168.1.50:9100")
    return combo
