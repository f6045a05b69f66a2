"""Command line for the statistics reports (CLI.md, "Records"):

    report queue --date YYYY-MM-DD --format csv|xlsx|pdf --out FILE
    report queue --month YYYY-MM | --from D --to D ...        (a month or a range)
    report loans [--from D --to D] --format csv|xlsx|pdf --out FILE
                 [--contents register|summary]                 (PDF: the register, default,
                                                               or the summary with charts)
    report asset-use [--from D --to D] --out FILE.pdf         (report item 24)

Loaded by desktop_app.cli.core only when `report` runs.
Reading needs no login, like the other read-only commands; with ``--as`` the user's role
must be allowed to see statistics (``report.view``). A refused command writes no file.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.cli.core import Context, UsageError, date_arg


def _progress(ctx: Context, what: str) -> Callable[[int, int], None] | None:
    if ctx.json or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{what} {100 * done // max(total, 1):3d}%", end="", file=sys.stderr, flush=True)

    return show


def _end_progress(ctx: Context) -> None:
    if not ctx.json and sys.stderr.isatty():
        print(file=sys.stderr)


def _check_role(ctx: Context) -> None:
    if ctx.args.as_user:
        from desktop_app.domain.roles import require

        require(ctx.actor().role, "report.view")


def _queue_range(ctx: Context) -> tuple[dt.date, dt.date]:
    from desktop_app.services.stats_sql import parse_month

    a = ctx.args
    given = [x for x in ("date", "month", "from_") if getattr(a, x)]
    if len(given) != 1:
        raise UsageError("report queue: give one of --date, --month or --from/--to")
    if a.date:
        if a.to:
            raise UsageError("report queue: --to goes with --from, not --date")
        day = date_arg(a.date)
        assert day is not None
        return day, day
    if a.month:
        if a.to:
            raise UsageError("report queue: --to goes with --from, not --month")
        return parse_month(a.month)
    start, end = date_arg(a.from_), date_arg(a.to)
    assert start is not None
    return start, end or start


def _summary_queue(result: Any) -> str:
    s = result.summary
    return (
        f"บันทึกรายงานคิว ({result.format}) ไปที่ {result.file}\n"
        f"ออกบัตร {s['issued']:,} ให้บริการ {s['served']:,} ไม่มา {s['no_show']:,} "
        f"รอมัธยฐาน {s['wait_median_min'] if s['wait_median_min'] is not None else '-'} นาที"
    )


def cmd_report_queue(ctx: Context) -> int:
    from desktop_app.services.stats_export import export_queue

    start, end = _queue_range(ctx)
    _check_role(ctx)
    uow = ctx.uow
    result = export_queue(
        uow,
        start,
        end,
        Path(ctx.args.out),
        ctx.args.format,
        progress=_progress(ctx, "กำลังสร้างรายงาน"),
    )
    _end_progress(ctx)
    ctx.emit(result, lambda: _summary_queue(result))
    return 0


def cmd_report_loans(ctx: Context) -> int:
    """The loans report. As a PDF it is the loan register (ทะเบียนคุมการยืมพัสดุ) by default,
    or with ``--contents summary`` the statistics summary with charts that the statistics
    window exports; CSV and XLSX always carry the register (XLSX: and the statistics)."""
    from desktop_app.services.stats_export import export_loans, loans_summary_pdf
    from desktop_app.services.stats_sql import check_range

    a = ctx.args
    start, end = date_arg(a.from_), date_arg(a.to)
    fmt = a.format.strip().lower()
    if a.contents is not None and fmt != "pdf":
        raise UsageError("report loans: --contents goes with --format pdf")
    check_range(start, end, max_days=None)
    _check_role(ctx)
    uow = ctx.uow
    progress = _progress(ctx, "กำลังสร้างรายงาน")
    if a.contents == "summary":
        result = loans_summary_pdf(uow, start, end, Path(a.out), progress=progress)
    else:
        result = export_loans(uow, start, end, Path(a.out), a.format, progress=progress)
    _end_progress(ctx)

    def human() -> str:
        s = result.summary
        return (
            f"บันทึกรายงานการยืมพัสดุ ({result.format}) ไปที่ {result.file}\n"
            f"คำขอ {s['requests']:,} ยืมจริง {s['lent']:,} รายการพัสดุ {s['items']:,}"
        )

    ctx.emit(result, human)
    return 0


def cmd_report_asset_use(ctx: Context) -> int:
    """The asset-use report (report item 24): what was lent, to whom, for what, returned how."""
    from desktop_app.services.documents import asset_use_report_pdf
    from desktop_app.services.stats_export import check_target
    from desktop_app.services.stats_sql import check_range
    from desktop_app.services.tabular import write_bytes

    a = ctx.args
    start, end = date_arg(a.from_), date_arg(a.to)
    check_range(start, end, max_days=None)
    _check_role(ctx)
    out = Path(a.out)
    check_target(out)
    data = asset_use_report_pdf(ctx.uow, start, end, progress=_progress(ctx, "กำลังสร้างรายงาน"))
    _end_progress(ctx)
    write_bytes(out, data)
    result = {"file": str(out), "format": "pdf", "report": "asset-use", "date_from": start,
              "date_to": end, "bytes": len(data)}  # fmt: skip
    ctx.emit(result, f"บันทึกรายงานการใช้พัสดุไปที่ {out} ({len(data):,} ไบต์)")
    return 0


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add the `report` command group."""
    g = group("report")
    c = command(g, "queue", cmd_report_queue, "queue statistics of a day, a month or a range")
    c.add_argument("--date", metavar="YYYY-MM-DD", help="one business day")
    c.add_argument("--month", metavar="YYYY-MM", help="a whole month (CE or BE year)")
    c.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", help="first day of a range")
    c.add_argument("--to", metavar="YYYY-MM-DD", help="last day of the range (with --from)")
    c.add_argument("--format", required=True, choices=["csv", "xlsx", "pdf"])
    c.add_argument("--out", required=True, metavar="FILE")
    c = command(g, "asset-use", cmd_report_asset_use, "what was lent, to whom, returned how (PDF)")
    c.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", help="loans starting on or after")
    c.add_argument("--to", metavar="YYYY-MM-DD", help="loans starting on or before")
    c.add_argument("--out", required=True, metavar="FILE.pdf")
    c = command(g, "loans", cmd_report_loans, "the loan register and loans statistics")
    c.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", help="loans starting on or after")
    c.add_argument("--to", metavar="YYYY-MM-DD", help="loans starting on or before")
    c.add_argument("--format", required=True, choices=["csv", "xlsx", "pdf"])
    c.add_argument("--out", required=True, metavar="FILE")
    c.add_argument(
        "--contents",
        choices=["register", "summary"],
        help="PDF only: the loan register (default) or the statistics summary with charts",
    )
