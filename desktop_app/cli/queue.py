"""The queue (CLI.md, "Queue"): tickets and the queue's status."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.cli.core import Context, date_arg, qt_for_printing, table, ticket_line


def cmd_ticket_issue(ctx: Context) -> int:
    from desktop_app.services.tickets import issue_ticket

    t = issue_ticket(ctx.uow, ctx.actor(), ctx.args.service, ctx.args.priority)
    if ctx.args.print:
        from desktop_app.services.printer import print_ticket

        qt_for_printing()
        t = print_ticket(ctx.uow, ctx.actor(), t)  # DeviceError carries the ticket on failure
    ctx.emit(t, lambda: f"ออกบัตรคิว {ticket_line(t)}")
    return 0


def cmd_ticket_call(ctx: Context) -> int:
    from desktop_app.services.tickets import call_next

    t = call_next(ctx.uow, ctx.actor(), ctx.args.counter)
    ctx.emit({"ticket": t}, lambda: (
        f"เชิญหมายเลข {t.code} ที่ช่องบริการ {t.counter}" if t
        else f"ไม่มีผู้รอรับบริการสำหรับช่องบริการ {ctx.args.counter}"
    ))  # fmt: skip
    return 0


def _counter_action(name: str, verb_th: str) -> Callable[[Context], int]:
    def run(ctx: Context) -> int:
        from desktop_app.services import tickets

        t = getattr(tickets, name)(ctx.uow, ctx.actor(), ctx.args.counter)
        ctx.emit({"ticket": t}, lambda: f"{verb_th} {t.code} ช่องบริการ {t.counter}")
        return 0

    return run


def cmd_ticket_transfer(ctx: Context) -> int:
    from desktop_app.services.tickets import transfer

    t = transfer(ctx.uow, ctx.actor(), ctx.args.code, ctx.args.to)
    ctx.emit({"ticket": t}, lambda: f"ย้ายบัตรคิว {ticket_line(t)}")
    return 0


def cmd_ticket_pick(ctx: Context) -> int:
    from desktop_app.services.tickets import pick

    a = ctx.args
    t = pick(ctx.uow, ctx.actor(), a.code, a.counter, a.reason)
    ctx.emit({"ticket": t}, lambda: f"เรียกนอกลำดับ {t.code} ที่ช่องบริการ {t.counter}")
    return 0


def cmd_ticket_show(ctx: Context) -> int:
    from desktop_app.services.tickets import show

    t = show(ctx.uow, ctx.args.code, date_arg(ctx.args.date))
    ctx.emit(t, lambda: ticket_line(t))
    return 0


def cmd_ticket_reprint(ctx: Context) -> int:
    from desktop_app.services.printer import print_ticket
    from desktop_app.services.tickets import reprint

    t = reprint(ctx.uow, ctx.actor(), ctx.args.code, date_arg(ctx.args.date))
    qt_for_printing()
    t = print_ticket(ctx.uow, ctx.actor(), t, reprint=True)
    ctx.emit(t, lambda: f"พิมพ์บัตรคิว {t.code} อีกครั้งแล้ว")
    return 0


def cmd_ticket_preview(ctx: Context) -> int:
    from desktop_app.domain.errors import InvalidInput
    from desktop_app.services.printer import ticket_raster
    from desktop_app.services.tickets import show

    t = show(ctx.uow, ctx.args.code, date_arg(ctx.args.date))
    qt_for_printing()
    raster = ticket_raster(ctx.uow, t)
    out = Path(ctx.args.out)
    try:
        out.write_bytes(raster.png_bytes())
    except OSError as e:
        raise InvalidInput(
            f"เขียนไฟล์ {str(out)[:80]} ไม่ได้ (cannot write {str(out)[:80]}: {e.strerror})"
        ) from None
    result = {"code": t.code, "file": str(out), "width": raster.width,
              "height": raster.height, "raster_bytes": len(raster.rows)}  # fmt: skip
    ctx.emit(result, f"บันทึกภาพบัตรคิว {t.code} ({raster.width}×{raster.height} จุด) ที่ {out}")
    return 0


def cmd_queue_status(ctx: Context) -> int:
    from desktop_app.services.tickets import queue_status

    st = queue_status(ctx.uow)

    def human() -> str:
        services = table(
            [(s.code, s.name, s.waiting, " ".join(s.next)) for s in st.services],
            ("service", "name", "waiting", "next"),
        )
        counters = table(
            [(c.number, c.name, c.serving or "-") for c in st.counters],
            ("counter", "name", "serving"),
        )
        return f"{services}\n\n{counters}"

    ctx.emit(st, human)
    return 0


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add `ticket` and `queue`."""
    g = group("ticket")
    c = command(g, "issue", cmd_ticket_issue, "issue a ticket")
    c.add_argument("service")
    c.add_argument("--priority", choices=["elderly", "disabled", "pregnant", "monk"])
    c.add_argument("--print", action="store_true", help="print it on this PC's printer")
    c = command(g, "call", cmd_ticket_call, "call the next ticket to a counter")
    c.add_argument("--counter", type=int, required=True)
    for name, func, verb in (
        ("recall", "recall", "เรียกซ้ำ"),
        ("complete", "complete", "ให้บริการเสร็จ"),
        ("no-show", "no_show", "ไม่มาตามเรียก"),
    ):
        c = command(g, name, _counter_action(func, verb), f"{name} the ticket at a counter")
        c.add_argument("--counter", type=int, required=True)
    c = command(g, "transfer", cmd_ticket_transfer, "move a ticket to another service")
    c.add_argument("code")
    c.add_argument("--to", required=True, metavar="SERVICE")
    c = command(g, "pick", cmd_ticket_pick, "call a ticket out of order (reason required)")
    c.add_argument("code")
    c.add_argument("--counter", type=int, required=True)
    c.add_argument("--reason", required=True)
    c = command(g, "show", cmd_ticket_show, "show one ticket")
    c.add_argument("code")
    c.add_argument("--date", metavar="YYYY-MM-DD")
    c = command(g, "reprint", cmd_ticket_reprint, "print a ticket again")
    c.add_argument("code")
    c.add_argument("--date", metavar="YYYY-MM-DD")
    c = command(g, "preview", cmd_ticket_preview, "save the exact raster a ticket prints as")
    c.add_argument("code")
    c.add_argument("--date", metavar="YYYY-MM-DD")
    c.add_argument("--out", required=True, metavar="FILE.png")

    g = group("queue")
    command(g, "status", cmd_queue_status, "who waits and who is served")
