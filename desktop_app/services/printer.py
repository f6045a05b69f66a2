"""Queue tickets and asset labels on this PC's thermal printer.

The ticket is committed before anything is printed: a printer that is off, unplugged, out of
paper or slow costs at most ``printer.timeout_s`` seconds and a clear message (DeviceError,
exit 7, carrying the ticket), never the ticket itself. No database transaction is open while
the printer is talked to. When the printer has taken the ticket, its ``printed`` flag is set
in a short transaction of its own, with an audit entry.

Rendering needs a QGuiApplication (the GUI's, or one made by the CLI with
``printing.qt.ensure_gui_app``); these functions may run on a worker thread.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from db.models import Ticket
from db.uow import Transaction, UnitOfWork
from desktop_app.domain.errors import DeviceError
from desktop_app.domain.queue import PRIORITY_LABELS_TH, Priority
from desktop_app.domain.roles import require
from desktop_app.domain.thai_time import thai_datetime_short
from desktop_app.services import print_outcomes
from desktop_app.services.assets import find_asset
from desktop_app.services.auth import Actor
from desktop_app.services.office import find_service
from desktop_app.services.printer_health import PrinterHealth, record_printer_health
from desktop_app.services.settings import read_setting
from desktop_app.services.ticket_page import link_in
from desktop_app.services.tickets import TicketView
from printing import escpos_out
from printing.escpos_out import Failure, PrinterError, PrinterSetup, PrintResult
from printing.label_render import AssetLabelContent, render_asset_label
from printing.pdf.content import asset_link
from printing.qr import fill_template
from printing.raster import Raster
from printing.ticket_render import TestPageContent, TicketContent, render_test_page, render_ticket

PRIORITY_LABELS_EN: dict[Priority, str] = {
    Priority.ELDERLY: "Elderly",
    Priority.DISABLED: "Disability",
    Priority.PREGNANT: "Pregnant",
    Priority.MONK: "Monk",
}


@dataclass(frozen=True)
class PrinterConfig:
    """This PC's printer settings and the office's ticket settings, read together."""

    setup: PrinterSetup
    qr_template: str
    footer: str
    office_name: str
    office_name_en: str
    language: str


@dataclass(frozen=True)
class TestPrint:
    __test__ = False  # not a pytest test class
    printed: bool
    connection: str
    profile: str
    width_dots: int
    bytes: int
    paper: str | None


def _config(tx: Transaction) -> PrinterConfig:
    def get(key: str) -> str:
        return read_setting(tx, key)

    setup = PrinterSetup(
        connection=get("printer.connection"),
        profile=get("printer.profile"),
        width=int(get("printer.width_dots")),
        timeout_s=float(get("printer.timeout_s")),
    )
    return PrinterConfig(setup, get("ticket.qr_template"), get("ticket.footer"),
                         get("office.name"), get("office.name_en"),
                         get("document.language"))  # fmt: skip


def _content(tx: Transaction, config: PrinterConfig, ticket: TicketView) -> TicketContent:
    service = find_service(tx, ticket.service)
    english = config.language == "en"
    if english:
        office = config.office_name_en or config.office_name
        title, subtitle = service.name_en or service.name, service.name
    else:
        office, title, subtitle = config.office_name, service.name, service.name_en
    priority = ""
    if ticket.priority:
        labels = PRIORITY_LABELS_EN if english else PRIORITY_LABELS_TH
        priority = labels[Priority(ticket.priority)]
    try:
        # With web.base_url set, the QR opens the ticket's live page (khetdesk serve).
        qr = link_in(tx, ticket.business_date, ticket.code) or fill_template(
            config.qr_template, ticket.code, ticket.business_date
        )
    except ValueError as e:
        raise PrinterError(Failure.SETUP, "แม่แบบ QR ใช้ไม่ได้", str(e)) from None
    return TicketContent(
        office_name=office,
        service_name=title,
        service_subtitle=subtitle if subtitle != title else "",
        code=ticket.code,
        issued_at=thai_datetime_short(ticket.issued_at),
        qr_content=qr,
        priority_label=priority,
        ahead=ticket.ahead,
        wait_minutes=ticket.estimated_wait_minutes,
        footer=config.footer,
        language=config.language,
    )


def _prepare(
    uow: UnitOfWork, ticket: TicketView, for_printer: bool
) -> tuple[PrinterConfig, Raster]:
    """Settings and picture, read in one transaction; with ``for_printer`` a PC without a
    printer or with a malformed connection is refused before anything is drawn."""
    with uow.read() as tx:
        config = _config(tx)
        if for_printer:
            escpos_out.parse_connection(config.setup.connection)
        content = _content(tx, config, ticket)
    try:
        return config, render_ticket(content, config.setup.width)
    except ValueError as e:
        raise PrinterError(Failure.SETUP, "วาดบัตรคิวไม่ได้", str(e)[:200]) from None


def ticket_raster(uow: UnitOfWork, ticket: TicketView) -> Raster:
    """The exact picture the printer of this PC would get for this ticket (the preview)."""
    try:
        return _prepare(uow, ticket, for_printer=False)[1]
    except PrinterError as e:
        raise DeviceError(f"{e.thai} ({e.english})") from None


def _printed(uow: UnitOfWork, what: str, what_en: str, setup: PrinterSetup) -> None:
    """The printer took it: told to this PC's windows (services.print_outcomes)."""
    print_outcomes.report(True, what, what_en, setup.connection, clock=uow.clock)


def _failed(
    uow: UnitOfWork, what: str, what_en: str, e: PrinterError, connection: str = ""
) -> None:
    print_outcomes.report(False, what, what_en, connection, e.kind.value, e.thai, e.english,
                          clock=uow.clock)  # fmt: skip


def _cannot_print(ticket: TicketView, e: PrinterError) -> DeviceError:
    code = ticket.code
    return DeviceError(
        f"พิมพ์บัตรคิว {code} ไม่ได้: {e.thai} บัตรคิวยังใช้ได้ สั่งพิมพ์ซ้ำได้ "
        f"(ticket {code} was not printed: {e.english}; the ticket stands, "
        f"reprint it with: ticket reprint {code})",
        result=ticket,
        reason=e.kind.value,
    )


def print_ticket(
    uow: UnitOfWork, actor: Actor, ticket: TicketView, reprint: bool = False
) -> TicketView:
    """Print a ticket that is already committed; the same ticket, ``printed`` now true.

    Raises DeviceError carrying the unchanged ticket when the printer fails."""
    require(actor.role, "ticket.reprint" if reprint else "ticket.issue")
    what, what_en = f"บัตรคิว {ticket.code}", f"ticket {ticket.code}"
    try:
        config, raster = _prepare(uow, ticket, for_printer=True)
        result = escpos_out.print_raster(raster, config.setup)
    except PrinterError as e:
        _failed(uow, what, what_en, e)
        raise _cannot_print(ticket, e) from None
    _printed(uow, what, what_en, config.setup)
    _mark_printed(uow, actor, ticket, config, result, reprint)
    return dataclasses.replace(ticket, printed=True)


def _mark_printed(
    uow: UnitOfWork,
    actor: Actor,
    ticket: TicketView,
    config: PrinterConfig,
    result: PrintResult,
    reprint: bool,
) -> None:
    day: dt.date = ticket.business_date
    with uow.write() as tx:
        row = tx.session.execute(
            select(Ticket).where(Ticket.business_date == day, Ticket.code == ticket.code)
        ).scalar_one()
        before = row.printed
        row.printed = True
        tx.session.flush()
        tx.audit(
            actor.username, "ticket.reprint" if reprint else "ticket.print", "ticket",
            f"{day}/{ticket.code}", {"printed": before},
            {"printed": True, "printer": config.setup.connection, "bytes": result.bytes_sent,
             "paper": result.paper, "confirmed": result.confirmed},
        )  # fmt: skip
        tx.commit()


def print_test_page(uow: UnitOfWork) -> TestPrint:
    """A page that shows whether this PC's printer settings are right."""
    with uow.read() as tx:
        config = _config(tx)
        now = tx.now()
    setup = config.setup
    content = TestPageContent(
        title=config.office_name if config.language != "en" else config.office_name_en,
        lines=(
            setup.connection,
            f"profile {setup.profile} · {setup.width} dots · timeout {setup.timeout_s:g} s",
        ),
        printed_at=thai_datetime_short(now),
        qr_content="khetdesk:printer-test",
        language=config.language,
    )
    what, what_en = "หน้าทดสอบ", "test page"
    try:
        escpos_out.parse_connection(setup.connection)
        result = escpos_out.print_raster(render_test_page(content, setup.width), setup)
    except PrinterError as e:
        _failed(uow, what, what_en, e, setup.connection)
        raise DeviceError(
            f"พิมพ์หน้าทดสอบไม่ได้: {e.thai} (test page not printed: {e.english})",
            reason=e.kind.value,
        ) from None
    _printed(uow, what, what_en, setup)
    return TestPrint(True, setup.connection, setup.profile, setup.width, result.bytes_sent,
                     result.paper)  # fmt: skip


# ---------------------------------------------------------------- the kiosk's printer


def check_ticket_printer(uow: UnitOfWork, actor: Actor) -> PrinterHealth:
    """Ask this PC's printer whether it can print, without printing, and record the answer."""
    with uow.read() as tx:
        setup = _config(tx).setup
    try:
        escpos_out.probe(setup)
    except PrinterError as e:
        return record_printer_health(uow, actor, False, e.kind.value, e.thai, e.english)
    return record_printer_health(uow, actor, True)


# ---------------------------------------------------------------- asset labels


@dataclass(frozen=True)
class LabelPrint:
    asset_no: str
    connection: str
    width_dots: int
    bytes: int
    paper: str | None
    confirmed: bool


def _label(uow: UnitOfWork, asset_no: str, for_printer: bool) -> tuple[PrinterConfig, Raster, str]:
    """Settings and the label's picture; the asset read and the transaction closed before
    anything is drawn or sent."""
    with uow.read() as tx:
        config = _config(tx)
        if for_printer:
            escpos_out.parse_connection(config.setup.connection)
        a = find_asset(tx, asset_no)
        content = AssetLabelContent(
            office_name=config.office_name, asset_no=a.asset_no, name=a.name,
            qr_content=asset_link(a.asset_no), unit_holder=a.unit_holder,
        )  # fmt: skip
    try:
        return config, render_asset_label(content, config.setup.width), content.asset_no
    except ValueError as e:
        raise PrinterError(Failure.SETUP, "วาดป้ายครุภัณฑ์ไม่ได้", str(e)[:200]) from None


def asset_label_raster(uow: UnitOfWork, asset_no: str) -> Raster:
    """The picture this PC's thermal printer would get for the asset's label (the preview).
    NotFound for an unknown asset."""
    try:
        return _label(uow, asset_no, for_printer=False)[1]
    except PrinterError as e:
        raise DeviceError(f"{e.thai} ({e.english})", reason=e.kind.value) from None


def print_asset_label(uow: UnitOfWork, actor: Actor, asset_no: str) -> LabelPrint:
    """One QR label for the asset on this PC's thermal printer, through the same path and
    with the same settings and failure reasons as tickets (DeviceError, exit 7, ``reason``
    one of printing.escpos_out.Failure). Nothing is written to the database. Labelling is
    part of keeping the register: supply staff only (``asset.add``)."""
    require(actor.role, "asset.add")
    what, what_en = f"ป้ายครุภัณฑ์ {asset_no[:64]}", f"asset label {asset_no[:64]}"
    try:
        config, raster, number = _label(uow, asset_no, for_printer=True)
        result = escpos_out.print_raster(raster, config.setup)
    except PrinterError as e:
        _failed(uow, what, what_en, e)
        raise DeviceError(
            f"พิมพ์ป้ายครุภัณฑ์ {asset_no[:64]} ไม่ได้: {e.thai} "
            f"(asset label {asset_no[:64]} not printed: {e.english})",
            reason=e.kind.value,
        ) from None
    setup = config.setup
    _printed(uow, what, what_en, setup)
    return LabelPrint(number, setup.connection, setup.width,
                      result.bytes_sent, result.paper, result.confirmed)  # fmt: skip
