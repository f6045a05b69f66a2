"""The audit trail and backups (CLI.md, "Records" and "Backups"): `audit verify`,
`backup FILE`, `backup run|verify|list`, `restore`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.cli.core import Context, UsageError

BACKUP_ACTIONS = ("run", "verify", "list")


def cmd_audit_verify(ctx: Context) -> int:
    from desktop_app.services.audit import verify

    r = verify(ctx.uow)

    def human() -> str:
        if r.ok:
            return f"บันทึกตรวจสอบครบถ้วน ไม่ถูกแก้ไข ({r.entries} รายการ) (audit trail ok)"
        lines = []
        if r.first_bad is not None:
            lines.append(f"บันทึกตรวจสอบถูกแก้ไขหรือลบ เริ่มที่รายการ {r.first_bad} ({r.reason})")
        for m in r.mismatches:
            lines.append(f"ข้อมูลไม่ตรงกับบันทึก (differs from the trail): {m.entity} {m.id} "
                         f"{m.field}: table={m.table!r} trail={m.trail!r}")  # fmt: skip
        return "\n".join(lines)

    ctx.emit(r, human)
    return 0 if r.ok or not ctx.args.strict else 3


def cmd_backup(ctx: Context) -> int:
    """`backup FILE` (a copy to that file), or `backup run|verify|list`."""
    first, second = ctx.args.target, ctx.args.file
    if first in BACKUP_ACTIONS:
        if first == "verify":
            if second is None:
                raise UsageError(
                    "khetdesk backup verify: the following arguments are required: FILE"
                )
            return _backup_verify(ctx, Path(second))
        if second is not None:
            raise UsageError(f"khetdesk backup {first}: unrecognized arguments: {second}")
        return _backup_run(ctx) if first == "run" else _backup_list(ctx)
    if second is not None or ctx.args.dir is not None:
        raise UsageError("khetdesk backup FILE: one file, no --dir (or: backup run --dir DIR)")
    from desktop_app.services.backup import backup

    r = backup(ctx.uow, Path(first))
    ctx.emit(r, f"สำรองข้อมูลแล้ว: {r.file} ({r.bytes:,} ไบต์, {r.tickets} บัตรคิว)")
    return 0


def _backup_run(ctx: Context) -> int:
    from desktop_app.services.backup import run_backup

    folder = Path(ctx.args.dir) if ctx.args.dir is not None else None
    r = run_backup(ctx.uow, ctx.actor(), folder)
    removed = f", ลบไฟล์เก่า {len(r.removed)} ไฟล์ (old ones removed)" if r.removed else ""
    ctx.emit(r, f"สำรองข้อมูลและตรวจสอบแล้ว: {r.file} (backup verified){removed}")
    return 0


def _backup_verify(ctx: Context, file: Path) -> int:
    from desktop_app.services.backup import verify_backup

    r = verify_backup(file)
    ctx.emit(r, lambda: (
        f"ไฟล์สำรองใช้ได้: {r.file} ({r.entries} รายการในบันทึกตรวจสอบ) (backup ok)" if r.ok
        else f"ไฟล์สำรองใช้ไม่ได้ (backup not ok): {r.reason}"
    ))  # fmt: skip
    return 0 if r.ok else 3


def _backup_list(ctx: Context) -> int:
    from desktop_app.services.backup import default_dir, list_backups

    folder = Path(ctx.args.dir) if ctx.args.dir is not None else default_dir(ctx.uow)
    found = list_backups(folder.expanduser())
    ctx.emit(
        {"dir": str(folder.expanduser().resolve()), "backups": found},
        lambda: (
            "\n".join(f"{b.made_at}  {b.bytes:>12,}  {b.file}" for b in found)
            or f"ไม่มีไฟล์สำรองใน {folder} (no backups)"
        ),
    )
    return 0


def cmd_restore(ctx: Context) -> int:
    from desktop_app.services.backup import restore

    r = restore(ctx.uow, ctx.actor(), Path(ctx.args.file))
    ctx.emit(r, f"กู้คืนข้อมูลจาก {r.file} แล้ว")
    return 0


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add `audit`, `backup` and `restore`."""
    g = group("audit")
    c = command(g, "verify", cmd_audit_verify, "recompute the hash chain, compare the tables")
    c.add_argument("--strict", action="store_true", help="exit 3 when it is not ok")
    c = command(sub, "backup", cmd_backup)
    c.add_argument("target", metavar="run|verify|list|FILE",
                   help="a sub-action, or the file to copy the database to")  # fmt: skip
    c.add_argument("file", nargs="?", metavar="FILE", help="the file `backup verify` checks")
    c.add_argument("--dir", default=None, help="backup folder (default: setting backup.dir)")
    c = command(sub, "restore", cmd_restore)
    c.add_argument("file")
