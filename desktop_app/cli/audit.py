"""The audit trail and backups (CLI.md, "Records"): `audit verify`, `backup`, `restore`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.cli.core import Context


def cmd_audit_verify(ctx: Context) -> int:
    from desktop_app.services.audit import verify

    r = verify(ctx.uow)
    ctx.emit(r, lambda: (
        f"บันทึกตรวจสอบครบถ้วน ไม่ถูกแก้ไข ({r.entries} รายการ) (audit trail ok)" if r.ok
        else f"บันทึกตรวจสอบถูกแก้ไขหรือลบ เริ่มที่รายการ {r.first_bad} ({r.reason})"
    ))  # fmt: skip
    return 0 if r.ok or not ctx.args.strict else 3


def cmd_backup(ctx: Context) -> int:
    from desktop_app.services.backup import backup

    r = backup(ctx.uow, Path(ctx.args.file))
    ctx.emit(r, f"สำรองข้อมูลแล้ว: {r.file} ({r.bytes:,} ไบต์, {r.tickets} บัตรคิว)")
    return 0


def cmd_restore(ctx: Context) -> int:
    from desktop_app.services.backup import restore

    r = restore(ctx.uow, ctx.actor(), Path(ctx.args.file))
    ctx.emit(r, f"กู้คืนข้อมูลจาก {r.file} แล้ว")
    return 0


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add `audit`, `backup` and `restore`."""
    g = group("audit")
    c = command(g, "verify", cmd_audit_verify, "recompute the hash chain")
    c.add_argument("--strict", action="store_true", help="exit 3 when the chain is broken")
    c = command(sub, "backup", cmd_backup)
    c.add_argument("file")
    c = command(sub, "restore", cmd_restore)
    c.add_argument("file")
