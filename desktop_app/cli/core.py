"""The command line's core (CLI.md is the contract: names, JSON keys, exit codes): the parser,
the context a command runs in, JSON and human output, exit codes, and `main`.

Each command group lives in its own module of this package and is imported only when its
command runs, so that `khetdesk ticket issue` never pays for reportlab, openpyxl, Qt or
Alembic. A group module defines

    def add_commands(sub, command, group) -> None

and adds its commands with ``group(NAME)`` (a top-level group: returns its sub-parsers),
``command(GROUP, ACTION, FUNC, HELP)`` (an action of a group), ``command(sub, NAME, FUNC)`` (a
top-level command without actions) and ``parser.add_argument``. Each top-level NAME has one line
in ``COMMANDS`` below, with its module and help, so that ``khetdesk --help`` lists it without
importing the module. A command function
takes the Context and returns the exit code; heavy imports go inside it.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import importlib
import json
import os
import re
import sys
import traceback
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from desktop_app import __version__
from desktop_app.domain.errors import AuthError, DeviceError, KhetDeskError
from desktop_app.domain.queue import PRIORITY_LABELS_TH, STATUS_LABELS_TH, Priority, TicketStatus

# Every top-level command: the module of this package that adds it, and its help line.
# The order is the order of `khetdesk --help`.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("setup", "create or upgrade the database"),
    "user": ("setup", "user accounts"),
    "service": ("setup", "services"),
    "counter": ("setup", "counters"),
    "settings": ("setup", "settings"),
    "ticket": ("queue", "queue tickets"),
    "queue": ("queue", "the queue"),
    "printer": ("printer", "this PC's printer"),
    "audit": ("audit", "the audit trail"),
    "asset": ("assets", "the asset register (ทะเบียนพัสดุ)"),
    "loan": ("loans", "loans under clauses 207-211 (การยืมพัสดุ)"),
    "borrower": ("loans", "borrowers"),
    "delegation": ("loans", "delegated approval (clause 208)"),
    "report": ("reports", "statistics and registers to CSV, XLSX or PDF"),
    "slot": ("appointments", "bookable appointment slots"),
    "appointment": ("appointments", "appointments (การนัดหมาย)"),
    "holiday": ("appointments", "the office's holidays"),
    "rules": ("integrity", "the office's borrowing guideline and its acknowledgement"),
    "misuse": ("integrity", "reports of improper use of government property"),
    "custodian": ("integrity", "the custodian's monthly report to the superior"),
    "backup": ("audit", "consistent copy of the database"),
    "restore": ("audit", "replace the data from a backup"),
    "gui": ("gui", "open the windows"),
    "device": ("devices", "kiosk and board PCs and their tokens"),
    "serve": ("serve", "the status server for citizens' phones and the LAN board"),
}

# Global options that take a value: the command name is the first other word.
_VALUE_OPTIONS = ("--db", "--as", "--device-token")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _money(value: Decimal) -> str:
    """Money as a decimal string with at least two places (``"17500.00"``, ``"0.10"``)."""
    if not value.is_finite():
        return str(value)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return str(value.quantize(Decimal("0.01")) if exponent > -2 else value)


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Decimal):
        return _money(value)
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
        self.device: Any = None  # a services.devices.DeviceActor under --device-token

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
        """The user named by --as, authenticated with $KHETDESK_PASSWORD or a prompt; under
        --device-token, the device."""
        if self.device is not None:
            return self.device.actor
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


def qt_for_printing() -> None:
    """Tickets are drawn with Qt: a QGuiApplication must exist (offscreen without a display)."""
    from printing.qt import ensure_gui_app

    ensure_gui_app()


def write_pdf(path_text: str, data: bytes) -> Path:
    from desktop_app.services.tabular import write_bytes

    out = Path(path_text)
    write_bytes(out, data)
    return out


# ---------------------------------------------------------------- human text


def ticket_line(t: Any) -> str:
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


def listing(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> str:
    """A table, or "(ไม่มีรายการ)" when there is nothing to list."""
    return table(rows, header) if rows else "(ไม่มีรายการ)"


def be(day: dt.date | None) -> str:
    """A date in the Buddhist Era for human text, "-" for none."""
    from desktop_app.domain.thai_time import thai_date

    return thai_date(day) if day else "-"


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
    parser.add_argument("--device-token", dest="device_token", default=d, metavar="TOKEN",
                        help="act as a kiosk or board PC ($KHETDESK_DEVICE_TOKEN)")  # fmt: skip


def _command_word(argv: Sequence[str]) -> str | None:
    """The top-level command in argv: the first word that is not a global option or its value
    (as argparse reads it, abbreviations included)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--":
            return None
        elif arg.startswith("--"):
            skip = "=" not in arg and any(o.startswith(arg) for o in _VALUE_OPTIONS)
        elif not arg.startswith("-") or arg == "-":
            return arg
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser; given argv, only the module of the command that argv names is loaded
    (the others are listed by name and help, which is all `--help` shows of them)."""
    common = _Parser(add_help=False)
    _global_options(common, suppress=True)
    p = _Parser(prog="khetdesk", description="KhetDesk: คิวและยืมพัสดุ สำนักงานเขต")
    p.add_argument("--version", action="version", version=f"khetdesk {__version__}")
    _global_options(p, suppress=False)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    tops = {name: sub.add_parser(name, help=help, description=help, parents=[common])
            for name, (_, help) in COMMANDS.items()}  # fmt: skip

    def command(parent: Any, name: str, func: Callable[[Context], int], help: str = "") -> Any:
        """An action of a group, or with parent ``sub`` a top-level command (its help is in
        COMMANDS)."""
        if parent is sub:
            cp = tops[name]
        else:
            cp = parent.add_parser(name, parents=[common], help=help, description=help)
        cp.set_defaults(func=func)
        return cp

    def group(name: str) -> Any:
        """A top-level group (its help is in COMMANDS): the sub-parsers of its actions."""
        return tops[name].add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True,
                                         parser_class=_Parser)  # fmt: skip

    if argv is None:
        modules = list(dict.fromkeys(module for module, _ in COMMANDS.values()))
    else:
        word = _command_word(argv)
        modules = [COMMANDS[word][0]] if word in COMMANDS else []
    for module in modules:
        importlib.import_module(f"desktop_app.cli.{module}").add_commands(sub, command, group)
    return p


def _parse(args_list: list[str]) -> argparse.Namespace:
    try:
        args = build_parser(args_list).parse_args(args_list)
        if args.command is None or hasattr(args, "func"):
            return args
    except UsageError:
        pass
    # The command was not where the quick look expected it: let the whole parser decide.
    return build_parser().parse_args(args_list)


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


_SECRET_OPTIONS = (("--password", 4), ("--admin-password", 8), ("--device-token", 4))


def _secret_option(option: str) -> bool:
    return any(full.startswith(option) and len(option) >= shortest
               for full, shortest in _SECRET_OPTIONS)  # fmt: skip


# Commands whose acting user never goes to the error log: an anonymous misuse report stores
# no link to its reporter anywhere, the log included (issue 16).
_UNNAMED_COMMANDS = ("misuse",)


def redacted(args: Sequence[str]) -> list[str]:
    """The command line with every password replaced, for the error log (and the acting user
    too, for a ``misuse`` command)."""
    out: list[str] = []
    hide_next = False
    secret_as = _command_word(args) in _UNNAMED_COMMANDS
    for arg in args:
        option, eq, _ = arg.partition("=")
        if secret_as and option.startswith("--a") and "--as".startswith(option):
            out.append(f"{option}=***" if eq else arg)
            hide_next = not eq
        elif hide_next:
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
        from db.engine import append_log  # owner-only: 0600 in a 0700 folder

        head = f"--- {dt.datetime.now(dt.UTC).isoformat()} {redacted(args)!r}\n"
        return str(append_log("errors.log", head + traceback.format_exc()))
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
        args = _parse(args_list)
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
        from desktop_app.cli.gui import cmd_gui

        args.command, args.func = "gui", cmd_gui
        args.kiosk = args.display = False
        args.counter = None
    ctx = Context(args)
    ctx.argv = args_list
    try:
        return _run(ctx)
    finally:
        ctx.close()


# ---------------------------------------------------------------- device tokens (issue 17)
# `--device-token TOKEN` or $KHETDESK_DEVICE_TOKEN: the command runs as that kiosk or board
# PC (services.devices), and only the commands below are open to it; anything else, and a
# malformed, unknown or revoked token, is exit 4. An explicit --as beats the variable (a
# person at the kiosk PC's keyboard), but not the option: both given is refused.

DEVICE_READS = frozenset({"queue status", "ticket show", "ticket preview", "service list",
                          "counter list"})  # fmt: skip
DEVICE_COMMANDS: dict[str, frozenset[str]] = {
    "kiosk": DEVICE_READS | {"ticket issue", "ticket reprint", "appointment checkin"},
    "board": DEVICE_READS,
}


def _device_token(ctx: Context) -> str | None:
    option = getattr(ctx.args, "device_token", None)
    if option is not None:
        if getattr(ctx.args, "as_user", None):
            raise AuthError(
                "ใช้ --device-token หรือ --as อย่างใดอย่างหนึ่ง (give --device-token or --as, not both)"
            )
        return str(option)
    env = os.environ.get("KHETDESK_DEVICE_TOKEN")
    return env if env and not getattr(ctx.args, "as_user", None) else None


def _device_gate(ctx: Context) -> None:
    """Under a device token: the device, and whether it may run this command."""
    token = _device_token(ctx)
    if token is None:
        return
    if ctx.args.command == "gui":  # the windows check the token themselves (ui.login)
        os.environ["KHETDESK_DEVICE_TOKEN"] = token
        return
    from desktop_app.domain.errors import Forbidden
    from desktop_app.services.devices import device_actor

    ctx.device = device_actor(ctx.uow, token)
    name = ctx.args.command
    action = getattr(ctx.args, f"{name}_command", None)
    key = f"{name} {action}" if action else str(name)
    if key not in DEVICE_COMMANDS[ctx.device.kind]:
        raise Forbidden(
            f"เครื่อง {ctx.device.name} ({ctx.device.kind}) ใช้คำสั่ง {key} ไม่ได้ "
            f"(a {ctx.device.kind} device may not run '{key}')"
        )


def _run(ctx: Context) -> int:
    """The command, and every way it can fail mapped to its exit code (CLI.md)."""
    args_list = ctx.argv
    try:
        _device_gate(ctx)
        return int(ctx.args.func(ctx))
    except UsageError as e:
        _fail(ctx.json, "usage", str(e))
        return 2
    except DeviceError as e:
        done = e.result
        if done is not None:
            ctx.emit(done, lambda: f"บันทึกแล้ว: {ticket_line(done)}")
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


def _as_process(argv: Sequence[str] | None) -> int:
    """``main`` with the collector set for a process that does one thing and exits
    (desktop_app.gc_tuning)."""
    from desktop_app import gc_tuning

    gc_tuning.for_start()
    try:
        return main(argv)
    finally:
        gc_tuning.before_exit()


def run() -> int:
    """The process entry: the `khetdesk` script, `python -m desktop_app` and the bundle."""
    return _as_process(None)


def gui_main() -> int:
    """The `khetdesk-gui` entry (no console window on Windows)."""
    return _as_process(["gui", *sys.argv[1:]])
