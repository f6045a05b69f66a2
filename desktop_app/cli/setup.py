"""Setting up an office (CLI.md, "Setup"): init, users, services, counters, settings."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from desktop_app.cli.core import Context, UsageError, table


def cmd_init(ctx: Context) -> int:
    from desktop_app.services.setup import init_database

    a = ctx.args
    if a.admin and not a.admin_password:
        raise UsageError("init: --admin needs --admin-password")
    engine = ctx.engine(create=True)
    login = ctx.actor if a.as_user else None
    result = init_database(engine, demo=a.demo, admin=a.admin, admin_password=a.admin_password,
                           login=login)  # fmt: skip
    out = {**dataclasses.asdict(result), "database": engine.url.render_as_string()}

    def human() -> str:
        lines = [f"ฐานข้อมูลพร้อมใช้งาน (schema {result.revision}) ที่ {out['database']}"]
        if result.demo_added:
            lines.append("เพิ่มสำนักงานตัวอย่างแล้ว: ผู้ใช้ admin, clerk1, supply … รหัสผ่าน demo")
        if result.demo_skipped:
            lines.append("ไม่ได้เพิ่มข้อมูลตัวอย่าง: ฐานข้อมูลนี้มีผู้ใช้อยู่แล้ว")
        return "\n".join(lines)

    ctx.emit(out, human)
    return 0


def cmd_user_add(ctx: Context) -> int:
    from desktop_app.services.users import add_user

    a = ctx.args
    view = add_user(ctx.uow, ctx.actor(), a.username, a.role, a.name, a.password,
                    a.position or "", a.unit or "")  # fmt: skip
    ctx.emit(view, f"เพิ่มผู้ใช้ {view.username} ({view.role}) แล้ว")
    return 0


def cmd_user_list(ctx: Context) -> int:
    from desktop_app.services.users import list_users

    users = list_users(ctx.uow)
    ctx.emit({"users": users}, lambda: table(
        [(u.username, u.role, u.name, u.unit) for u in users], ("username", "role", "name", "unit")
    ))  # fmt: skip
    return 0


def cmd_service_add(ctx: Context) -> int:
    from desktop_app.services.office import add_service

    a = ctx.args
    view = add_service(ctx.uow, ctx.actor(), a.code, a.name, a.name_en or "", a.prefix,
                       a.standard_minutes)  # fmt: skip
    ctx.emit(view, f"เพิ่มบริการ {view.code} ({view.prefix}) {view.name} แล้ว")
    return 0


def cmd_service_list(ctx: Context) -> int:
    from desktop_app.services.office import list_services

    services = list_services(ctx.uow)
    ctx.emit({"services": services}, lambda: table(
        [(s.code, s.prefix, s.name, s.name_en, s.standard_minutes) for s in services],
        ("code", "prefix", "name", "name_en", "minutes"),
    ))  # fmt: skip
    return 0


def cmd_counter_add(ctx: Context) -> int:
    from desktop_app.services.office import add_counter

    a = ctx.args
    view = add_counter(ctx.uow, ctx.actor(), a.number, a.services.split(","), a.name or "")
    ctx.emit(view, f"เพิ่มช่องบริการ {view.number} ({', '.join(view.services)}) แล้ว")
    return 0


def cmd_counter_list(ctx: Context) -> int:
    from desktop_app.services.office import list_counters

    counters = list_counters(ctx.uow)
    ctx.emit({"counters": counters}, lambda: table(
        [(c.number, c.name, ",".join(c.services)) for c in counters],
        ("number", "name", "services"),
    ))  # fmt: skip
    return 0


def cmd_settings_get(ctx: Context) -> int:
    from desktop_app.services.settings import get_setting

    view = get_setting(ctx.uow, ctx.args.key)
    ctx.emit(view, view.value)
    return 0


def cmd_settings_set(ctx: Context) -> int:
    from desktop_app.services.settings import set_setting

    view = set_setting(ctx.uow, ctx.actor(), ctx.args.key, ctx.args.value)
    ctx.emit(view, f"{view.key} = {view.value} ({view.scope})")
    return 0


def cmd_settings_list(ctx: Context) -> int:
    from desktop_app.services.settings import list_settings

    views = list_settings(ctx.uow)
    ctx.emit({"settings": views}, lambda: table(
        [(v.key, v.value, v.scope) for v in views], ("key", "value", "scope")
    ))  # fmt: skip
    return 0


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add `init`, `user`, `service`, `counter` and `settings`."""
    c = command(sub, "init", cmd_init)
    c.add_argument("--demo", action="store_true", help="add a demo office (password demo)")
    c.add_argument("--admin", metavar="USER")
    c.add_argument("--admin-password", metavar="PW")

    g = group("user")
    c = command(g, "add", cmd_user_add, "add a user")
    c.add_argument("username")
    c.add_argument("--role", required=True)
    c.add_argument("--name", required=True)
    c.add_argument("--position")
    c.add_argument("--unit")
    c.add_argument("--password", required=True)
    command(g, "list", cmd_user_list, "list users")

    g = group("service")
    c = command(g, "add", cmd_service_add, "add a service")
    c.add_argument("code")
    c.add_argument("--name", required=True)
    c.add_argument("--name-en")
    c.add_argument("--prefix")
    c.add_argument("--standard-minutes", type=int, default=15)
    command(g, "list", cmd_service_list, "list services")

    g = group("counter")
    c = command(g, "add", cmd_counter_add, "add a counter")
    c.add_argument("number", type=int)
    c.add_argument("--services", required=True, metavar="CODE[,CODE...]")
    c.add_argument("--name")
    command(g, "list", cmd_counter_list, "list counters")

    g = group("settings")
    c = command(g, "get", cmd_settings_get, "show one setting")
    c.add_argument("key")
    c = command(g, "set", cmd_settings_set, "change one setting")
    c.add_argument("key")
    c.add_argument("value")
    command(g, "list", cmd_settings_list, "list settings")
