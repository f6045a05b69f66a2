"""The asset register from the command line (CLI.md, "Assets and loans"): `asset`.

Money goes out as decimal strings (``"17500.00"``), dates as ISO dates (CE); human text
shows dates in the Buddhist Era.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.cli.core import Context, be, listing, qt_for_printing, write_pdf

ASSET_STATUSES = ("available", "on_loan", "reserved", "under_repair", "lost", "written_off")


def cmd_asset_add(ctx: Context) -> int:
    from desktop_app.services.assets import AssetInput, create_asset

    a = ctx.args
    inp = AssetInput.parse(
        asset_no=a.asset_no, name=a.name, kind=a.kind, price=a.price, acquired=a.acquired,
        qty=a.qty, unit=a.unit, category=a.category, unit_holder=a.unit_holder,
        location=a.location, min_stock=a.min_stock, condition=a.condition,
        lendable=False if a.not_lendable else None, note=a.note,
    )  # fmt: skip
    view = create_asset(ctx.uow, ctx.actor(), inp)
    ctx.emit(view, f"เพิ่มพัสดุ {view.asset_no} {view.name} ({view.kind}) ในทะเบียนแล้ว")
    return 0


def cmd_asset_import(ctx: Context) -> int:
    from desktop_app.services import asset_io

    def progress(done: int, total: int) -> None:
        if not ctx.json and sys.stderr.isatty():
            print(f"\rนำเข้า {done:,}/{total:,}", end="", file=sys.stderr, flush=True)

    result = asset_io.import_assets(ctx.uow, ctx.actor(), Path(ctx.args.file), progress,
                                    only_valid=ctx.args.only_valid)  # fmt: skip
    if not ctx.json and sys.stderr.isatty():
        print(file=sys.stderr)

    def human() -> str:
        lines = [f"นำเข้า {result.imported:,} จาก {result.rows:,} แถว จาก {result.file}"]
        lines += [f"  แถว {e.line}: {e.message}" for e in result.errors]
        return "\n".join(lines)

    ctx.emit(result, human)
    return 0


def cmd_asset_export(ctx: Context) -> int:
    from desktop_app.services import asset_io

    result = asset_io.export_assets(ctx.uow, Path(ctx.args.file))
    ctx.emit(result, f"ส่งออกทะเบียนพัสดุ {result.rows:,} รายการ ไปที่ {result.file}")
    return 0


def cmd_asset_list(ctx: Context) -> int:
    from desktop_app.services.assets import list_assets

    a = ctx.args
    views = list_assets(ctx.uow, status=a.status, kind=a.kind, never_lent=a.never_lent,
                        unit_holder=a.unit_holder)  # fmt: skip
    ctx.emit({"assets": views}, lambda: listing(
        [(v.asset_no, v.name, v.kind, v.status, v.qty, v.unit, v.unit_holder) for v in views],
        ("asset_no", "name", "kind", "status", "qty", "unit", "holder"),
    ))  # fmt: skip
    return 0


def cmd_asset_show(ctx: Context) -> int:
    from desktop_app.services.assets import show_asset

    d = show_asset(ctx.uow, ctx.args.asset_no)

    def human() -> str:
        head = (
            f"{d.asset_no}  {d.name}\n"
            f"ประเภท {d.kind} หมวด {d.category_name} ({d.category})  สถานะ {d.status}  "
            f"สภาพ {d.condition}\n"
            f"จำนวน {d.qty} {d.unit}  ราคา {d.price:,.2f} บาท  ได้มาเมื่อ {be(d.acquired)}\n"
            f"หน่วยที่ครอบครอง {d.unit_holder or '-'}  ที่เก็บ {d.location or '-'}"
        )
        loans = listing(
            [(x.loan_no, x.status, x.borrower, be(x.start), be(x.due), x.condition_in or "-")
             for x in d.loans],
            ("loan_no", "status", "borrower", "start", "due", "returned"),
        )  # fmt: skip
        return f"{head}\n\nประวัติการยืม\n{loans}"

    ctx.emit(d, human)
    return 0


def cmd_asset_categories(ctx: Context) -> int:
    from desktop_app.services.assets import list_categories

    cats = list_categories(ctx.uow)
    ctx.emit({"categories": cats}, lambda: listing(
        [(c.code, c.name, c.depreciation) for c in cats], ("code", "name", "depreciation")
    ))  # fmt: skip
    return 0


def cmd_asset_labels(ctx: Context) -> int:
    """A4 sheets of 3 × 8 QR labels: the assets given, or every durable asset."""
    from desktop_app.services.documents import asset_labels_document
    from printing.pdf.asset_labels import PER_SHEET

    data, labelled = asset_labels_document(ctx.uow, ctx.args.asset or None)
    out = write_pdf(ctx.args.out, data)
    sheets = -(-len(labelled) // PER_SHEET)
    result = {"file": str(out), "labels": len(labelled), "sheets": sheets,
              "assets": list(labelled), "bytes": len(data)}  # fmt: skip
    ctx.emit(result, f"บันทึกป้าย QR {len(labelled):,} ป้าย ({sheets:,} แผ่น A4) ที่ {out}")
    return 0


def cmd_asset_label_print(ctx: Context) -> int:
    """One QR label on this PC's thermal printer (the tickets' printer and settings)."""
    from desktop_app.services.printer import print_asset_label

    qt_for_printing()
    r = print_asset_label(ctx.uow, ctx.actor(), ctx.args.asset_no)
    ctx.emit(r, f"พิมพ์ป้ายครุภัณฑ์ {r.asset_no} แล้ว: {r.connection} ({r.bytes:,} ไบต์)")
    return 0


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add `asset`."""
    g = group("asset")
    c = command(g, "add", cmd_asset_add, "add an asset to the register")
    c.add_argument("asset_no", metavar="ASSET_NO")
    c.add_argument("--name", required=True)
    c.add_argument("--kind", required=True, choices=["durable", "consumable"])
    c.add_argument("--qty", metavar="N", help="consumables: quantity on hand")
    c.add_argument("--unit", metavar="TEXT", help="unit of count: เครื่อง, รีม, กล่อง")
    c.add_argument("--min-stock", metavar="N", help="consumables: stock always kept (210)")
    c.add_argument("--price", required=True, metavar="BAHT")
    c.add_argument("--acquired", required=True, metavar="YYYY-MM-DD")
    c.add_argument("--category", metavar="TEXT", help="picks the depreciation rate")
    c.add_argument("--unit-holder", metavar="TEXT", help="the unit (ฝ่าย) holding it")
    c.add_argument("--location", metavar="TEXT")
    c.add_argument("--condition", choices=["good", "damaged", "lost"])
    c.add_argument("--not-lendable", action="store_true", help="never lent")
    c.add_argument("--note")
    c = command(g, "import", cmd_asset_import, "import the register from CSV or XLSX")
    c.add_argument("file", metavar="FILE")
    c.add_argument(
        "--only-valid",
        action="store_true",
        help="import the good rows and report the bad ones (default: all or nothing)",
    )
    c = command(g, "export", cmd_asset_export, "export the register to CSV or XLSX")
    c.add_argument("file", metavar="FILE")
    c = command(g, "list", cmd_asset_list, "list the register")
    c.add_argument("--status", choices=ASSET_STATUSES)
    c.add_argument("--kind", choices=["durable", "consumable"])
    c.add_argument("--never-lent", action="store_true", help="only assets never lent")
    c.add_argument("--unit-holder", metavar="TEXT")
    c = command(g, "show", cmd_asset_show, "one asset and its loan history")
    c.add_argument("asset_no", metavar="ASSET_NO")
    command(g, "categories", cmd_asset_categories, "register categories and their rates")
    c = command(g, "labels", cmd_asset_labels, "QR labels on A4 sheets of 3 x 8, as PDF")
    c.add_argument("--out", required=True, metavar="FILE.pdf")
    c.add_argument("--asset", action="append", metavar="ASSET_NO",
                   help="repeat for several; default every durable asset")  # fmt: skip
    c = command(g, "label-print", cmd_asset_label_print, "one QR label on the thermal printer")
    c.add_argument("asset_no", metavar="ASSET_NO")
