"""Sending tickets to this PC's thermal printer.

The raster renderer and the ESC/POS connections come with the thermal-printer work; until
then a print request is refused as a device failure (exit 7) and the ticket stands."""

from __future__ import annotations

from db.uow import UnitOfWork
from desktop_app.domain.errors import DeviceError
from desktop_app.services.settings import get_setting
from desktop_app.services.tickets import TicketView


def print_ticket(uow: UnitOfWork, ticket: TicketView) -> None:
    connection = get_setting(uow, "printer.connection").value
    if connection == "none":
        raise DeviceError(
            "ยังไม่ได้ตั้งค่าเครื่องพิมพ์ บัตรคิวยังใช้ได้ (no printer configured; the ticket stands)",
            result=ticket,
        )
    raise DeviceError(
        f"โปรแกรมรุ่นนี้ยังพิมพ์ไปยัง {connection} ไม่ได้ บัตรคิวยังใช้ได้ "
        f"(this version cannot print to '{connection}' yet; the ticket stands)",
        result=ticket,
    )


def print_test_page(uow: UnitOfWork) -> None:
    connection = get_setting(uow, "printer.connection").value
    if connection == "none":
        raise DeviceError("ยังไม่ได้ตั้งค่าเครื่องพิมพ์ (no printer configured)")
    raise DeviceError(f"โปรแกรมรุ่นนี้ยังพิมพ์ไปยัง {connection} ไม่ได้ (cannot print yet)")
