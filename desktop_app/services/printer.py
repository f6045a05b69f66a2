"""Sending tickets to this PC's thermal printer.

The raster renderer and the ESC/POS connections come with the thermal-printer work; until
then a print request is refused as a device failure (exit 7) and the ticket stands."""

from __future__ import annotations

from db.uow import UnitOfWork
from desktop_app.domain.errors import DeviceError
from desktop_app.services.settings import get_setting
from desktop_app.services.tickets import TicketView


def _cannot_print(uow: UnitOfWork, ticket: TicketView | None) -> DeviceError:
    connection = get_setting(uow, "printer.connection").value
    stands = " บัตรคิวยังใช้ได้" if ticket else ""
    stands_en = "; the ticket stands" if ticket else ""
    if connection == "none":
        text = f"ยังไม่ได้ตั้งค่าเครื่องพิมพ์{stands} (no printer configured{stands_en})"
    else:
        text = (
            f"โปรแกรมรุ่นนี้ยังพิมพ์ไปยัง {connection} ไม่ได้{stands} "
            f"(this version cannot print to '{connection}' yet{stands_en})"
        )
    return DeviceError(text, result=ticket)


def print_ticket(uow: UnitOfWork, ticket: TicketView) -> None:
    raise _cannot_print(uow, ticket)


def print_test_page(uow: UnitOfWork) -> None:
    raise _cannot_print(uow, None)
