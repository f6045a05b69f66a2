"""Appointments from the command line (CLI.md, "Appointments and calling policy"): `slot`,
`appointment` and `holiday`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.cli.core import Context, date_arg, listing, ticket_line
from desktop_app.domain.thai_time import parse_iso_date


def cmd_slot_generate(ctx: Context) -> int:
    from desktop_app.services.appointments import generate_slots

    a = ctx.args
    first, last = parse_iso_date(a.from_), parse_iso_date(a.to)  # required: '' is refused
    n = generate_slots(ctx.uow, ctx.actor(), a.service, first, last, a.weekdays, a.start, a.end,
                       a.every, a.capacity)  # fmt: skip
    ctx.emit({"slots": n}, f"ช่วงเวลานัดของบริการ {a.service}: {n:,} ช่วง")
    return 0


def cmd_slot_list(ctx: Context) -> int:
    from desktop_app.services.appointments import list_slots

    day = parse_iso_date(ctx.args.date)
    slots = list_slots(ctx.uow, ctx.args.service, day)
    ctx.emit({"slots": [{"at": s.at, "capacity": s.capacity, "booked": s.booked} for s in slots]},
             lambda: listing([(s.at[11:16], s.capacity, s.booked) for s in slots],
                             ("at", "capacity", "booked")))  # fmt: skip
    return 0


def _line(v: Any) -> str:
    from desktop_app.domain.appointments import STATUS_LABELS_TH, AppointmentStatus

    who = " ".join(x for x in (v.name, v.phone) if x)
    status = STATUS_LABELS_TH[AppointmentStatus(v.status)]
    return f"นัดหมาย {v.appointment}  {v.service_name} ({v.service})  {v.at[:16]}  {status}" + (
        f"  {who}" if who else ""
    )


def _public(v: Any) -> dict[str, Any]:
    out = {"appointment": v.appointment, "service": v.service, "at": v.at, "status": v.status}
    if v.ticket:
        out["ticket"] = v.ticket
    return out


def cmd_appointment_book(ctx: Context) -> int:
    from desktop_app.services.appointments import book

    a = ctx.args
    v = book(ctx.uow, ctx.actor(), a.service, a.at, a.name, a.phone)
    out = {**_public(v), "name": v.name, "phone": v.phone}
    if a.print:
        from desktop_app.cli.core import qt_for_printing
        from desktop_app.domain.errors import DeviceError
        from desktop_app.services.appointment_slip import print_slip

        qt_for_printing()
        try:
            print_slip(ctx.uow, ctx.actor(), v.appointment)
        except DeviceError:  # the booking stands (exit 7): say it first
            ctx.emit({**out, "printed": False}, lambda: f"จองแล้ว: {_line(v)}")
            raise
        out["printed"] = True
    ctx.emit(out, lambda: f"จองแล้ว: {_line(v)}")
    return 0


def cmd_appointment_slip(ctx: Context) -> int:
    """The slip as a PDF or PNG file (the exact raster the thermal printer gets), or printed."""
    from desktop_app.cli.core import UsageError, qt_for_printing, write_pdf
    from desktop_app.services import appointment_slip

    a = ctx.args
    if not a.out and not a.print:
        raise UsageError("appointment slip: give --out FILE.pdf|FILE.png or --print")
    if a.print:
        qt_for_printing()
        r = appointment_slip.print_slip(ctx.uow, ctx.actor(), a.code)
        ctx.emit(r, f"พิมพ์ใบนัดหมาย {r.appointment} แล้ว: {r.connection} ({r.bytes:,} ไบต์)")
        return 0
    if a.out.lower().endswith(".png"):
        from desktop_app.services.tabular import write_bytes

        qt_for_printing()
        data = appointment_slip.slip_raster(ctx.uow, a.code).png_bytes()
        write_bytes(Path(a.out), data)
    else:
        data = appointment_slip.slip_pdf(ctx.uow, a.code)
        write_pdf(a.out, data)
    ctx.emit({"appointment": a.code.strip().upper(), "file": a.out, "bytes": len(data)},
             f"บันทึกใบนัดหมายที่ {a.out} ({len(data):,} ไบต์)")  # fmt: skip
    return 0


def cmd_appointment_cancel(ctx: Context) -> int:
    from desktop_app.services.appointments import cancel

    v = cancel(ctx.uow, ctx.actor(), ctx.args.code)
    ctx.emit(_public(v), lambda: f"ยกเลิกแล้ว: {_line(v)}")
    return 0


def cmd_appointment_show(ctx: Context) -> int:
    from desktop_app.services.appointments import show

    v = show(ctx.uow, ctx.args.code)
    ctx.emit(_public(v), lambda: _line(v))
    return 0


def cmd_appointment_list(ctx: Context) -> int:
    from desktop_app.services.appointments import list_appointments

    rows = list_appointments(ctx.uow, date_arg(ctx.args.date), ctx.args.service)
    ctx.emit({"appointments": [_public(v) for v in rows]},
             lambda: listing([(v.appointment, v.service, v.at[:16], v.status) for v in rows],
                             ("appointment", "service", "at", "status")))  # fmt: skip
    return 0


def cmd_appointment_checkin(ctx: Context) -> int:
    from desktop_app.cli.core import qt_for_printing
    from desktop_app.services.appointments import check_in

    r = check_in(ctx.uow, ctx.actor(), ctx.args.code)

    def human(t: Any) -> str:
        late = "\nมาช้ากว่าเวลานัด: ได้รับบัตรคิวปกติ (late: an ordinary ticket)" if r.late else ""
        return f"เช็กอินนัดหมาย {r.appointment}: ออกบัตรคิว {ticket_line(t)}{late}"

    t = r.ticket
    if ctx.args.print:
        from desktop_app.domain.errors import DeviceError
        from desktop_app.services.printer import print_ticket

        qt_for_printing()
        try:
            t = print_ticket(ctx.uow, ctx.actor(), t)
        except DeviceError as e:  # the ticket stands (exit 7): said with the appointment's keys
            done, e.result = e.result, None
            if done is not None:
                ctx.emit(_checked_in(done, r.appointment, r.late), lambda: human(done))
            raise
    ctx.emit(_checked_in(t, r.appointment, r.late), lambda: human(t))
    return 0


def _checked_in(t: Any, appointment: str, late: bool) -> dict[str, Any]:
    from desktop_app.cli.core import _jsonable

    return {**_jsonable(t), "appointment": appointment, "late": late}


def cmd_appointment_import(ctx: Context) -> int:
    from desktop_app.services.appointments import import_bookings

    r = import_bookings(ctx.uow, ctx.actor(), Path(ctx.args.file))
    ctx.emit(r, f"นำเข้านัดหมาย {r.booked:,} รายการ (มีอยู่แล้ว {r.unchanged:,}) จาก {r.file}")
    return 0


def cmd_holiday_add(ctx: Context) -> int:
    from desktop_app.services.appointments import add_holiday

    day = parse_iso_date(ctx.args.date)
    add_holiday(ctx.uow, ctx.actor(), day, ctx.args.name or "")
    ctx.emit({"holiday": day, "name": ctx.args.name or ""}, f"เพิ่มวันหยุด {day} แล้ว")
    return 0


def cmd_holiday_import(ctx: Context) -> int:
    from desktop_app.services.appointments import import_holidays

    r = import_holidays(ctx.uow, ctx.actor(), Path(ctx.args.file))
    ctx.emit(r, f"นำเข้าวันหยุด {r.added:,} วัน (มีอยู่แล้ว {r.unchanged:,}) จาก {r.file}")
    return 0


def cmd_holiday_remove(ctx: Context) -> int:
    from desktop_app.services.appointments import remove_holiday

    day = remove_holiday(ctx.uow, ctx.actor(), parse_iso_date(ctx.args.date))
    ctx.emit({"removed": day}, f"ลบวันหยุด {day} แล้ว")
    return 0


def cmd_holiday_list(ctx: Context) -> int:
    from desktop_app.services.appointments import list_holidays

    rows = list_holidays(ctx.uow)
    ctx.emit({"holidays": [{"date": d, "name": n} for d, n in rows]},
             lambda: listing(rows, ("date", "name")))  # fmt: skip
    return 0


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add `slot`, `appointment` and `holiday`."""
    g = group("slot")
    c = command(g, "generate", cmd_slot_generate, "open bookable slots for a service (admin)")
    c.add_argument("service", metavar="SERVICE")
    c.add_argument("--from", dest="from_", required=True, metavar="YYYY-MM-DD")
    c.add_argument("--to", required=True, metavar="YYYY-MM-DD")
    c.add_argument("--weekdays", metavar="mon,tue,...", help="default mon-fri")
    c.add_argument("--start", required=True, metavar="HH:MM")
    c.add_argument("--end", required=True, metavar="HH:MM")
    c.add_argument("--every", required=True, type=int, metavar="MIN")
    c.add_argument("--capacity", required=True, type=int, metavar="N")
    c = command(g, "list", cmd_slot_list, "a service's slots on one day")
    c.add_argument("service", metavar="SERVICE")
    c.add_argument("--date", required=True, metavar="YYYY-MM-DD")

    g = group("appointment")
    c = command(g, "book", cmd_appointment_book, "book a slot for a citizen")
    c.add_argument("service", metavar="SERVICE")
    c.add_argument("--at", required=True, metavar="'YYYY-MM-DD HH:MM'")
    c.add_argument("--name")
    c.add_argument("--phone")
    c.add_argument("--print", action="store_true", help="print the slip on this PC's printer")
    c = command(g, "slip", cmd_appointment_slip, "the appointment slip: PDF, PNG or printed")
    c.add_argument("code", metavar="CODE")
    c.add_argument("--out", metavar="FILE.pdf|FILE.png")
    c.add_argument("--print", action="store_true", help="print it on this PC's printer")
    c = command(g, "cancel", cmd_appointment_cancel, "cancel a booking")
    c.add_argument("code", metavar="CODE")
    c = command(g, "show", cmd_appointment_show, "one booking")
    c.add_argument("code", metavar="CODE")
    c = command(g, "list", cmd_appointment_list, "bookings by day and service")
    c.add_argument("--date", metavar="YYYY-MM-DD")
    c.add_argument("--service", metavar="SERVICE")
    c = command(g, "checkin", cmd_appointment_checkin, "the citizen has come: issue the ticket")
    c.add_argument("code", metavar="CODE")
    c.add_argument("--print", action="store_true", help="print the ticket on this PC's printer")
    c = command(g, "import", cmd_appointment_import, "bookings from an online system (CSV)")
    c.add_argument("file", metavar="FILE.csv", help="header: ref,service,at,name,phone")

    g = group("holiday")
    c = command(g, "add", cmd_holiday_add, "a day the office is closed (admin)")
    c.add_argument("date", metavar="YYYY-MM-DD")
    c.add_argument("--name")
    command(g, "list", cmd_holiday_list, "the office's holidays")
    c = command(g, "import", cmd_holiday_import, "the holiday list from a CSV (admin)")
    c.add_argument("file", metavar="FILE.csv", help="header: date,name (YYYY-MM-DD, CE or BE)")
    c = command(g, "remove", cmd_holiday_remove, "take a day off the holiday list (admin)")
    c.add_argument("date", metavar="YYYY-MM-DD")
