"""Devices (CLI.md "Devices", issue 17): `device add NAME --kind kiosk|board` (admin) → the
token, shown this once; `device list` (never a token); `device revoke NAME` (admin).
Acting as a device (`--device-token`) is in core.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.cli.core import Context, listing


def cmd_device_add(ctx: Context) -> int:
    from desktop_app.services.devices import add_device

    new = add_device(ctx.uow, ctx.actor(), ctx.args.name, ctx.args.kind)
    ctx.emit(
        {"device": new.device, "kind": new.kind, "token": new.token},
        lambda: f"เพิ่มเครื่อง {new.device} ({new.kind}) แล้ว โทเค็น (แสดงครั้งเดียว):\n{new.token}",
    )
    return 0


def _device_json(d: Any) -> dict[str, Any]:
    return {
        "device": d.device,
        "kind": d.kind,
        "created_at": d.created_at,
        "created_by": d.created_by,
        "revoked": d.revoked,
        "revoked_at": d.revoked_at,
    }


def cmd_device_list(ctx: Context) -> int:
    from desktop_app.domain.thai_time import thai_datetime_short
    from desktop_app.services.devices import list_devices

    rows = list_devices(ctx.uow, ctx.actor())
    ctx.emit(
        {"devices": [_device_json(d) for d in rows]},
        lambda: listing(
            [(d.device, d.kind, thai_datetime_short(d.created_at), d.created_by,
              "ยกเลิกแล้ว" if d.revoked else "ใช้งานได้") for d in rows],
            ("เครื่อง", "ชนิด", "เพิ่มเมื่อ", "เพิ่มโดย", "สถานะ"),
        ),
    )  # fmt: skip
    return 0


def cmd_device_revoke(ctx: Context) -> int:
    from desktop_app.services.devices import revoke_device

    d = revoke_device(ctx.uow, ctx.actor(), ctx.args.name)
    ctx.emit(_device_json(d), f"ยกเลิกโทเค็นของเครื่อง {d.device} แล้ว")
    return 0


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add `device`."""
    g = group("device")
    c = command(g, "add", cmd_device_add, "add a kiosk or board PC; its token is shown once")
    c.add_argument("name")
    c.add_argument("--kind", required=True, choices=["kiosk", "board"])
    command(g, "list", cmd_device_list, "list devices (never their tokens)")
    c = command(g, "revoke", cmd_device_revoke, "revoke a device's token")
    c.add_argument("name")
