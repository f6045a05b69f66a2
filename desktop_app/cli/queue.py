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
    from desktop_app.services.ticket_page import ticket_link
    from desktop_app.services.tickets import show

    t = show(ctx.uow, ctx.args.code, date_arg(ctx.args.date))
    url = ticket_link(ctx.uow, t.business_date, t.code)  # with web.base_url (CLI.md)
    value = t if url is None else {**{f: getattr(t, f) for f in t.__dataclass_fields__}, "url": url}
    ctx.emit(value, lambda: ticket_line(t) + (f"\n{url}" if url else ""))
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


def cmd_queue_simulate(ctx: Context) -> int:
    """Replay a day through the real calling code on a throwaway database (CLI.md)."""
    import sys

    from desktop_app.cli.core import UsageError
    from desktop_app.domain.queue import CallingPolicy
    from desktop_app.services import simulate as sim

    a = ctx.args
    if bool(a.profile) == bool(a.history_from or a.history_to):
        raise UsageError("queue simulate: give --profile FILE or --history-from D --history-to D")
    if a.profile:
        profile = sim.read_profile(Path(a.profile))
    else:
        first, last = date_arg(a.history_from), date_arg(a.history_to)
        if first is None or last is None:
            raise UsageError("queue simulate: --history-from and --history-to go together")
        profile = sim.profile_from_history(ctx.uow, first, last)
    policy = CallingPolicy(a.priority_run_max, a.ageing_minutes)
    if min(policy.priority_run_max, policy.ageing_minutes) < 0:
        raise UsageError("queue simulate: --priority-run-max and --ageing-minutes are 0 or more")
    shown = not ctx.json and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if shown and (done % 50 == 0 or done == total):
            print(f"\rจำลอง {done:,}/{total:,}", end="", file=sys.stderr, flush=True)

    result = sim.simulate(profile, a.counters, policy, a.seed, progress)
    if shown:
        print(file=sys.stderr)
    if a.plot:
        from desktop_app.services.simulate_plot import write_plot

        write_plot(Path(a.plot), [result])
    out = {"tickets": result.tickets, "counters": result.counters,
           "policy": {"priority_run_max": policy.priority_run_max,
                      "ageing_minutes": policy.ageing_minutes},
           "seed": result.seed, "groups": result.groups}  # fmt: skip

    def human() -> str:
        rows = [(g, w.count, w.wait_median_min, w.wait_p90_min, w.wait_max_min)
                for g, w in result.groups.items()]  # fmt: skip
        head = f"จำลอง {result.tickets:,} คิว {result.counters} ช่องบริการ (รอ นาที)"
        return head + "\n" + table([tuple("-" if v is None else v for v in r) for r in rows],
                                    ("group", "count", "median", "p90", "max"))  # fmt: skip

    ctx.emit(out, human)
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
    c = command(g, "simulate", cmd_queue_simulate, "replay a day under a calling policy")
    c.add_argument("--profile", metavar="FILE.csv", help=",".join(
        ("service", "hour", "arrivals", "priority_share", "mean_service_min")))  # fmt: skip
    c.add_argument("--history-from", metavar="YYYY-MM-DD")
    c.add_argument("--history-to", metavar="YYYY-MM-DD")
    c.add_argument("--counters", type=int, required=True, metavar="N")
    c.add_argument("--priority-run-max", type=int, default=0, metavar="K")
    c.add_argument("--ageing-minutes", type=int, default=0, metavar="M")
    c.add_argument("--seed", type=int, default=0, metavar="S")
    c.add_argument("--plot", metavar="FILE.png", help="a chart of the waits per group")
