"""The scriptable command line (CLI.md is the contract: names, JSON keys, exit codes)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import os
import re
import sys
import traceback
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from desktop_app import __version__
from desktop_app.domain.errors import AuthError, DeviceError, KhetDeskError
from desktop_app.domain.queue import PRIORITY_LABELS_TH, STATUS_LABELS_TH, Priority, TicketStatus
from desktop_app.domain.thai_time import parse_iso_date


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


# ---------------------------------------------------------------- context


class Context:
    """What a command needs: the database (opened on first use), the acting user (logged in
    on first use) and the output mode."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.json: bool = args.json
        self._uow: Any = None
        self._actor: Any = None
        self._engines: list[Any] = []
        self.argv: list[str] = []

    @property
    def url(self) -> str:
        from db.engine import default_url

        return str(self.args.db or default_url())

    def engine(self, create: bool = False) -> Any:
        from db.engine import make_engine

        engine = make_engine(self.url, create=create)
        self._engines.append(engine)
        return engine

    def close(self) -> None:
        """Close the database connections (main() may run many times in one process)."""
        for engine in self._engines:
            engine.dispose()
        self._engines.clear()

    @property
    def uow(self) -> Any:
        if self._uow is None:
            from db.migrate import check_schema
            from db.uow import UnitOfWork

            engine = self.engine()
            check_schema(engine)
            self._uow = UnitOfWork(engine)
        return self._uow

    def actor(self) -> Any:
        """The user named by --as, authenticated with $KHETDESK_PASSWORD or a prompt."""
        if self._actor is None:
            from desktop_app.services.auth import authenticate

            username = self.args.as_user
            if not username:
                raise AuthError(
                    "ต้องเข้าสู่ระบบก่อน: ใช้ --as USER (this command changes data: use --as USER)"
                )
            password = os.environ.get("KHETDESK_PASSWORD")
            if password is None:
                if not sys.stdin.isatty():
                    raise AuthError(
                        "ไม่มีรหัสผ่าน: ตั้งค่า KHETDESK_PASSWORD (no password: set KHETDESK_PASSWORD)"
                    )
                password = getpass.getpass(f"รหัสผ่านของ {username} (password): ")
            self._actor = authenticate(self.uow, username, password)
        return self._actor

    def emit(self, value: Any, human: str | Callable[[], str]) -> None:
        if self.json:
            print(json.dumps(_jsonable(value), ensure_ascii=False))
        else:
            print(human() if callable(human) else human)


def date_arg(value: str | None) -> dt.date | None:
    """An optional YYYY-MM-DD option (``--from``, ``--due``…): a clear refusal if malformed."""
    from desktop_app.domain.thai_time import parse_iso_date

    return parse_iso_date(value) if value else None


# ---------------------------------------------------------------- human text


def _ticket_line(t: Any) -> str:
    parts = [f"{t.code}  {t.service_name} ({t.service})"]
    if t.priority:
        parts.append(f"คิวพิเศษ: {PRIORITY_LABELS_TH[Priority(t.priority)]}")
    parts.append(STATUS_LABELS_TH[TicketStatus(t.status)])
    if t.counter is not None:
        parts.append(f"ช่องบริการ {t.counter}")
    if t.ahead is not None:
        parts.append(f"รอก่อนหน้า {t.ahead} คน ประมาณ {t.estimated_wait_minutes} นาที")
    return " · ".join(parts)


def table(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> str:
    cells = [list(map(str, header)), *[[str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells)


# ---------------------------------------------------------------- commands


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


def _qt_for_printing() -> None:
    """Tickets are drawn with Qt: a QGuiApplication must exist (offscreen without a display)."""
    from printing.qt import ensure_gui_app

    ensure_gui_app()


def cmd_ticket_issue(ctx: Context) -> int:
    from desktop_app.services.tickets import issue_ticket

    t = issue_ticket(ctx.uow, ctx.actor(), ctx.args.service, ctx.args.priority)
    if ctx.args.print:
        from desktop_app.services.printer import print_ticket

        _qt_for_printing()
        t = print_ticket(ctx.uow, ctx.actor(), t)  # DeviceError carries the ticket on failure
    ctx.emit(t, lambda: f"ออกบัตรคิว {_ticket_line(t)}")
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
    ctx.emit({"ticket": t}, lambda: f"ย้ายบัตรคิว {_ticket_line(t)}")
    return 0


def cmd_ticket_pick(ctx: Context) -> int:
    from desktop_app.services.tickets import pick

    a = ctx.args
    t = pick(ctx.uow, ctx.actor(), a.code, a.counter, a.reason)
    ctx.emit({"ticket": t}, lambda: f"เรียกนอกลำดับ {t.code} ที่ช่องบริการ {t.counter}")
    return 0


def _date_arg(value: str | None) -> dt.date | None:
    return parse_iso_date(value) if value else None


def cmd_ticket_show(ctx: Context) -> int:
    from desktop_app.services.tickets import show

    t = show(ctx.uow, ctx.args.code, _date_arg(ctx.args.date))
    ctx.emit(t, lambda: _ticket_line(t))
    return 0


def cmd_ticket_reprint(ctx: Context) -> int:
    from desktop_app.services.printer import print_ticket
    from desktop_app.services.tickets import reprint

    t = reprint(ctx.uow, ctx.actor(), ctx.args.code, _date_arg(ctx.args.date))
    _qt_for_printing()
    t = print_ticket(ctx.uow, ctx.actor(), t, reprint=True)
    ctx.emit(t, lambda: f"พิมพ์บัตรคิว {t.code} อีกครั้งแล้ว")
    return 0


def cmd_ticket_preview(ctx: Context) -> int:
    from desktop_app.domain.errors import InvalidInput
    from desktop_app.services.printer import ticket_raster
    from desktop_app.services.tickets import show

    t = show(ctx.uow, ctx.args.code, _date_arg(ctx.args.date))
    _qt_for_printing()
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


def cmd_printer_test(ctx: Context) -> int:
    from desktop_app.services.printer import print_test_page

    _qt_for_printing()
    r = print_test_page(ctx.uow)
    ctx.emit(r, f"พิมพ์หน้าทดสอบแล้ว: {r.connection} ({r.bytes:,} ไบต์)")
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


def cmd_gui(ctx: Context) -> int:
    from desktop_app.ui.app import run_gui

    a = ctx.args
    mode = "kiosk" if a.kiosk else "display" if a.display else "counter" if a.counter else "main"
    return run_gui(ctx.url, mode=mode, counter=a.counter)


# ---------------------------------------------------------------- parser


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    d = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", default=d, metavar="URL", help="SQLAlchemy URL ($KHETDESK_DB)")
    flag_default = argparse.SUPPRESS if suppress else False
    parser.add_argument(
        "--json", action="store_true", default=flag_default, help="print one JSON value on stdout"
    )
    parser.add_argument("--as", dest="as_user", default=d, metavar="USER",
                        help="acting user; password from $KHETDESK_PASSWORD")  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    _global_options(common, suppress=True)
    p = _Parser(prog="khetdesk", description="KhetDesk: คิวและยืมพัสดุ สำนักงานเขต")
    p.add_argument("--version", action="version", version=f"khetdesk {__version__}")
    _global_options(p, suppress=False)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(parent: Any, name: str, func: Callable[[Context], int], help: str) -> Any:
        cp = parent.add_parser(name, parents=[common], help=help, description=help)
        cp.set_defaults(func=func)
        return cp

    def group(name: str, help: str) -> Any:
        gp = sub.add_parser(name, help=help, parents=[common])
        return gp.add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True,
                                 parser_class=_Parser)  # fmt: skip

    c = command(sub, "init", cmd_init, "create or upgrade the database")
    c.add_argument("--demo", action="store_true", help="add a demo office (password demo)")
    c.add_argument("--admin", metavar="USER")
    c.add_argument("--admin-password", metavar="PW")

    g = group("user", "user accounts")
    c = command(g, "add", cmd_user_add, "add a user")
    c.add_argument("username")
    c.add_argument("--role", required=True)
    c.add_argument("--name", required=True)
    c.add_argument("--position")
    c.add_argument("--unit")
    c.add_argument("--password", required=True)
    command(g, "list", cmd_user_list, "list users")

    g = group("service", "services")
    c = command(g, "add", cmd_service_add, "add a service")
    c.add_argument("code")
    c.add_argument("--name", required=True)
    c.add_argument("--name-en")
    c.add_argument("--prefix")
    c.add_argument("--standard-minutes", type=int, default=15)
    command(g, "list", cmd_service_list, "list services")

    g = group("counter", "counters")
    c = command(g, "add", cmd_counter_add, "add a counter")
    c.add_argument("number", type=int)
    c.add_argument("--services", required=True, metavar="CODE[,CODE...]")
    c.add_argument("--name")
    command(g, "list", cmd_counter_list, "list counters")

    g = group("settings", "settings")
    c = command(g, "get", cmd_settings_get, "show one setting")
    c.add_argument("key")
    c = command(g, "set", cmd_settings_set, "change one setting")
    c.add_argument("key")
    c.add_argument("value")
    command(g, "list", cmd_settings_list, "list settings")

    g = group("ticket", "queue tickets")
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

    g = group("queue", "the queue")
    command(g, "status", cmd_queue_status, "who waits and who is served")

    g = group("printer", "this PC's printer")
    command(g, "test", cmd_printer_test, "print a test page")

    g = group("audit", "the audit trail")
    c = command(g, "verify", cmd_audit_verify, "recompute the hash chain")
    c.add_argument("--strict", action="store_true", help="exit 3 when the chain is broken")

    from desktop_app import cli_assets

    cli_assets.add_commands(sub, command, group)
    from desktop_app import cli_reports

    cli_reports.add_commands(sub, command, group)
    from desktop_app import cli_integrity

    cli_integrity.add_commands(sub, command, group)

    c = command(sub, "backup", cmd_backup, "consistent copy of the database")
    c.add_argument("file")
    c = command(sub, "restore", cmd_restore, "replace the data from a backup")
    c.add_argument("file")

    c = command(sub, "gui", cmd_gui, "open the windows")
    mode = c.add_mutually_exclusive_group()
    mode.add_argument("--kiosk", action="store_true")
    mode.add_argument("--display", action="store_true")
    mode.add_argument("--counter", type=int, metavar="N")
    return p


# ---------------------------------------------------------------- main


def _one_line(text: str) -> str:
    """Messages quote what was typed: never let it break the line or drive the terminal."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return "".join(f"\\x{ord(ch):02x}" if unicodedata.category(ch) == "Cc" else ch for ch in text)


_QUOTED = re.compile(r"'([^']{80,})'")
MAX_MESSAGE = 480  # tests/e2e/runner.py refuses a message over 500


def _shorten(message: str) -> str:
    """argparse quotes what was typed in its messages ("invalid int value: '…'"): a long
    value is cut so that the message stays a message. Whatever else got long (a value of
    quotes, which argparse escapes) is cut at the end."""
    message = _QUOTED.sub(lambda m: f"'{m.group(1)[:40]}…' ({len(m.group(1)):,} characters)",
                          message)  # fmt: skip
    if len(message) > MAX_MESSAGE:
        message = f"{message[: MAX_MESSAGE - 40]}… ({len(message):,} characters)"
    return message


def _fail(as_json: bool, code: str, message: str, **extra: Any) -> None:
    message = _one_line(_shorten(message))
    if as_json:
        print(json.dumps({"error": code, "message": message, **extra}, ensure_ascii=False),
              file=sys.stderr)  # fmt: skip
    else:
        print(f"khetdesk: {message}", file=sys.stderr)


# Options that carry a password, with the shortest abbreviation argparse accepts for each.
_SECRET_OPTIONS = (("--password", 4), ("--admin-password", 8))


def _secret_option(option: str) -> bool:
    return any(full.startswith(option) and len(option) >= shortest
               for full, shortest in _SECRET_OPTIONS)  # fmt: skip


def redacted(args: Sequence[str]) -> list[str]:
    """The command line with every password replaced, for the error log."""
    out: list[str] = []
    hide_next = False
    for arg in args:
        option, eq, _ = arg.partition("=")
        if hide_next:
            out.append("***")
            hide_next = False
        elif arg.startswith("--") and _secret_option(option):
            out.append(f"{option}=***" if eq else arg)
            hide_next = not eq
        else:
            out.append(arg)
    return out


def _log_bug(args: Sequence[str]) -> str:
    """The traceback goes to the log file, never to the screen; the command line with it,
    passwords blanked out (a local variable in the traceback text is never printed)."""
    try:
        import platformdirs

        log_dir = Path(platformdirs.user_log_dir("KhetDesk", appauthor=False))
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / "errors.log"
        with path.open("a", encoding="utf-8") as f:
            f.write(f"--- {dt.datetime.now(dt.UTC).isoformat()} {redacted(args)!r}\n")
            f.write(traceback.format_exc())
        return str(path)
    except OSError:
        return "(log not writable)"


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args_list
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    for arg in args_list:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            # Bytes that are not UTF-8 arrive as lone surrogates; no database takes them.
            _fail(as_json, "invalid", "อาร์กิวเมนต์ไม่ใช่ข้อความ UTF-8 (an argument is not UTF-8 text)")
            return 3
    try:
        args = build_parser().parse_args(args_list)
        # argparse drops a value that is exactly "--" (`--counter=--`) and hands the
        # command an empty list instead of refusing: no option here takes an empty list.
        empty = sorted(k for k, v in vars(args).items()
                       if isinstance(v, list) and (not v or [] in v))  # fmt: skip
        if empty:
            raise UsageError(f"khetdesk: argument --{empty[0].rstrip('_').replace('_', '-')}: "
                             "expected one argument")  # fmt: skip
    except UsageError as e:
        _fail(as_json, "usage", str(e))
        return 2
    except SystemExit as e:  # --help / --version
        return int(e.code or 0)
    if args.command is None:
        args.command, args.func = "gui", cmd_gui
        args.kiosk = args.display = False
        args.counter = None
    ctx = Context(args)
    ctx.argv = args_list
    try:
        return _run(ctx)
    finally:
        ctx.close()


def _run(ctx: Context) -> int:
    """The command, and every way it can fail mapped to its exit code (CLI.md)."""
    args_list = ctx.argv
    try:
        return int(ctx.args.func(ctx))
    except UsageError as e:
        _fail(ctx.json, "usage", str(e))
        return 2
    except DeviceError as e:
        done = e.result
        if done is not None:
            ctx.emit(done, lambda: f"บันทึกแล้ว: {_ticket_line(done)}")
        reason = {"reason": e.details["reason"]} if e.details.get("reason") else {}
        _fail(ctx.json, e.code, e.message, **reason)
        return e.exit_code
    except KhetDeskError as e:
        extra: dict[str, Any] = {"clause": e.clause} if getattr(e, "clause", None) else {}
        if "errors" in e.details:  # an import's row-by-row report
            extra["errors"] = e.details["errors"]
        _fail(ctx.json, e.code, e.message, **extra)
        if not ctx.json and "errors" in e.details:
            for row in e.details["errors"]:
                print(f"  แถว {row['line']}: {_one_line(row['message'])}", file=sys.stderr)
        return e.exit_code
    except BrokenPipeError:
        # The reader went away (`khetdesk … | head`): not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except KeyboardInterrupt:
        _fail(ctx.json, "internal", "ยกเลิก (interrupted)")
        return 130
    except Exception as e:
        from db.errors import translate

        known = translate(e)
        if known is not None:
            _fail(ctx.json, known.code, known.message)
            return known.exit_code
        where = _log_bug(args_list)
        message = f"ข้อผิดพลาดภายใน (internal error: {type(e).__name__}; see {where})"
        _fail(ctx.json, "internal", message)
        return 1


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])
