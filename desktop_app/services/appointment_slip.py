"""The appointment slip: on this PC's thermal printer (as tickets are printed, with their
failure reasons), as the raster for a preview, or as an A4 PDF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.uow import UnitOfWork
from desktop_app.domain.errors import DeviceError
from desktop_app.domain.roles import require
from desktop_app.domain.thai_time import BANGKOK, thai_date
from desktop_app.services.appointments import _find
from desktop_app.services.auth import Actor
from desktop_app.services.printer import PrinterConfig, _config
from desktop_app.services.settings import read_setting
from printing import escpos_out
from printing.escpos_out import PrinterError
from printing.raster import Raster
from printing.slip_render import SlipContent, render_slip

THAI_WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")


@dataclass(frozen=True)
class SlipPrint:
    appointment: str
    connection: str
    bytes: int


def when_text(at_utc: dt.datetime) -> str:
    """``วันอังคารที่ 24 พ.ย. 2569 เวลา 09:30 น.``"""
    local = at_utc.astimezone(BANGKOK)
    day = THAI_WEEKDAYS[local.weekday()]
    return f"วัน{day}ที่ {thai_date(local.date())} เวลา {local:%H:%M} น."


def _content(uow: UnitOfWork, code: str) -> tuple[PrinterConfig, SlipContent]:
    with uow.read() as tx:
        config = _config(tx)
        a = _find(tx, code)
        early = int(read_setting(tx, "appointment.early_minutes"))
        grace = int(read_setting(tx, "appointment.grace_minutes"))
        content = SlipContent(
            office_name=config.office_name, service_name=a.slot.service.name,
            when=when_text(a.slot.starts_at), code=a.code,
            advice=(f"เช็กอินที่ตู้บัตรคิวหรือช่องบริการได้ตั้งแต่ {early} นาทีก่อนเวลานัด "
                    f"มาช้าเกิน {grace} นาทีจะได้รับบัตรคิวปกติ"),
        )  # fmt: skip
    return config, content


def slip_raster(uow: UnitOfWork, code: str) -> Raster:
    config, content = _content(uow, code)
    return render_slip(content, config.setup.width)


def slip_pdf(uow: UnitOfWork, code: str) -> bytes:
    from printing.pdf.appointment_slip import appointment_slip_pdf

    return appointment_slip_pdf(_content(uow, code)[1])


def print_slip(uow: UnitOfWork, actor: Actor, code: str) -> SlipPrint:
    """The slip on this PC's thermal printer; nothing is written to the database. A printer
    fault is a DeviceError (exit 7) with the printer's reason; the booking stands."""
    require(actor.role, "appointment.book")
    config, content = _content(uow, code)
    try:
        escpos_out.parse_connection(config.setup.connection)
        result = escpos_out.print_raster(render_slip(content, config.setup.width), config.setup)
    except PrinterError as e:
        raise DeviceError(
            f"พิมพ์ใบนัดหมาย {content.code} ไม่ได้: {e.thai} "
            f"(appointment slip {content.code} not printed: {e.english})",
            reason=e.kind.value,
        ) from None
    return SlipPrint(content.code, config.setup.connection, result.bytes_sent)
