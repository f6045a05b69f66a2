"""Command line for integrity and transparency (CLI.md, "Integrity and transparency"):

    rules publish --title TEXT --file FILE(.md|.pdf)     rules show [--out FILE]
    rules ack                                            rules status
    rules notice --out FILE.pdf                          (the A4 notice for the board)
    misuse report --text TEXT [--asset NO] [--loan NO] [--anonymous] [--attach FILE ...]
    misuse track CODE                                    (no login)
    misuse list [--status S]    misuse show CASE    misuse update CASE --status S --note TEXT
    custodian show|submit|signoff|print --month YYYY-MM  (the custodian's monthly report)
    (report ita and report loan-situation are in the report group: cli/reports.py)

An anonymous report prints its tracking code and nothing else about the reporter; the
error log never holds the acting user of a ``misuse`` command (see cli.redacted).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.cli.core import Context

READ_LIMIT = 10 * 1024 * 1024


def _read(path_text: str, what_th: str, what: str) -> tuple[str, bytes]:
    """A file named on the command line, refused clearly (exit 3) if missing or over 10 MB;
    its size is checked before it is read."""
    from desktop_app.domain.errors import InvalidInput

    path = Path(path_text)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IsADirectoryError
        if size > READ_LIMIT:
            raise InvalidInput(
                f"{what_th} {path.name[:60]} ใหญ่เกิน 10 MB ({what} '{path.name[:60]}' is over 10 MB)"
            )
        return path.name, path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"ไม่พบ{what_th} '{path_text[:120]}' (no such file)") from None
    except ValueError:  # a NUL in the name: no file has it
        raise InvalidInput(f"ชื่อ{what_th}ไม่ถูกต้อง (not a valid file name)") from None
    except OSError as e:
        raise InvalidInput(
            f"อ่าน{what_th} '{path_text[:120]}' ไม่ได้ (cannot read the {what}: "
            f"{e.strerror or type(e).__name__})"
        ) from None


def out_path(text: str) -> Path:
    """An output file named on the command line, checked before any work."""
    from desktop_app.domain.errors import InvalidInput
    from desktop_app.services.stats_export import check_target

    if "\x00" in text:
        raise InvalidInput("ชื่อไฟล์ไม่ถูกต้อง (not a valid file name)")
    path = Path(text)
    check_target(path)
    return path


def _when(at: dt.datetime | None) -> str:
    if at is None:
        return "-"
    from desktop_app.domain.thai_time import thai_datetime_short

    return thai_datetime_short(at)


# ---------------------------------------------------------------- rules


def cmd_rules_publish(ctx: Context) -> int:
    from desktop_app.services.rules import publish_rules

    a = ctx.args
    actor = ctx.actor()
    from desktop_app.domain.roles import require

    require(actor.role, "rules.publish")  # refused before the file is read
    name, data = _read(a.file, "ไฟล์แนวทาง", "guideline file")
    info = publish_rules(ctx.uow, actor, a.title, name, data)
    out = {"version": info.version, "title": info.title, "format": info.format,
           "sha256": info.sha256, "published_at": info.published_at}  # fmt: skip
    ctx.emit(out, f"ประกาศแนวทางฉบับที่ {info.version} \u201c{info.title}\u201d แล้ว "
                  "ผู้ใช้ทุกคนต้องรับทราบใหม่")  # fmt: skip
    return 0


def cmd_rules_show(ctx: Context) -> int:
    from desktop_app.services.rules import show_rules
    from desktop_app.services.tabular import write_bytes

    out_file = out_path(ctx.args.out) if ctx.args.out else None
    doc = show_rules(ctx.uow)
    i = doc.info
    if out_file is not None:
        data = doc.pdf if doc.pdf is not None else doc.body.encode("utf-8")
        write_bytes(out_file, data)
    out = {"version": i.version, "title": i.title, "format": i.format, "file": i.file_name,
           "sha256": i.sha256, "published_at": i.published_at, "published_by": i.published_by,
           "text": doc.body if i.format == "md" else None}  # fmt: skip

    def human() -> str:
        head = f"แนวทางการยืมพัสดุ ฉบับที่ {i.version}: {i.title} (ประกาศ {_when(i.published_at)})"
        if i.format == "md":
            return f"{head}\n\n{doc.body.rstrip()}"
        return f"{head}\nเป็นไฟล์ PDF ({i.file_name}): ใช้ --out FILE.pdf เพื่อบันทึก"

    ctx.emit(out, human)
    return 0


def cmd_rules_ack(ctx: Context) -> int:
    from desktop_app.services.rules import acknowledge_rules

    r = acknowledge_rules(ctx.uow, ctx.actor())
    out = {"version": r.version, "acknowledged_at": r.acknowledged_at, "already": r.already}
    text = (f"รับทราบแนวทางฉบับที่ {r.version} ไว้แล้วเมื่อ {_when(r.acknowledged_at)}"
            if r.already else f"บันทึกการรับทราบแนวทางฉบับที่ {r.version} แล้ว")  # fmt: skip
    ctx.emit(out, text)
    return 0


def cmd_rules_status(ctx: Context) -> int:
    from desktop_app.cli.core import table
    from desktop_app.services.rules import rules_status

    s = rules_status(ctx.uow)
    out = {
        "version": s.version,
        "title": s.title,
        "acknowledged": list(s.acknowledged),
        "pending": list(s.pending),
        "units": [{"unit": u.unit, "users": u.users, "acknowledged": u.acknowledged,
                   "pending": list(u.pending)} for u in s.units],
    }  # fmt: skip

    def human() -> str:
        if s.version is None:
            return "ยังไม่มีการประกาศแนวทางการยืมพัสดุ"
        head = (f"แนวทางฉบับที่ {s.version}: รับทราบแล้ว {len(s.acknowledged)} คน "
                f"ยังไม่รับทราบ {len(s.pending)} คน")  # fmt: skip
        rows = [(u.unit, u.users, u.acknowledged, ", ".join(u.pending) or "-") for u in s.units]
        return head + "\n" + table(rows, ("หน่วยงาน", "ผู้ใช้", "รับทราบ", "ยังไม่รับทราบ"))

    ctx.emit(out, human)
    return 0


def cmd_rules_notice(ctx: Context) -> int:
    from desktop_app.services.rules import rules_notice_pdf
    from desktop_app.services.tabular import write_bytes

    out = out_path(ctx.args.out)
    data = rules_notice_pdf(ctx.uow)
    write_bytes(out, data)
    ctx.emit({"file": str(out), "bytes": len(data)}, f"บันทึกประกาศแนวทางไปที่ {out}")
    return 0


# ---------------------------------------------------------------- misuse


def _case_json(v: Any) -> dict[str, Any]:
    return {
        "case": v.case, "status": v.status, "text": v.text, "anonymous": v.anonymous,
        "reporter": v.reporter, "asset": v.asset, "loan": v.loan, "created_at": v.created_at,
        "deadline": v.deadline, "flagged": v.flagged, "handler": v.handler,
        "closed_at": v.closed_at,
        "updates": [{"at": u.at, "status": u.status, "note": u.note, "by": u.by}
                    for u in v.updates],
        "attachments": [{"name": x.name, "media_type": x.media_type, "size": x.size,
                         "sha256": x.sha256} for x in v.attachments],
    }  # fmt: skip


def cmd_misuse_report(ctx: Context) -> int:
    from desktop_app.services.misuse import Attachment, report_misuse

    a = ctx.args
    actor = ctx.actor()
    files = [Attachment(*_read(p, "ไฟล์แนบ", "attachment")) for p in (a.attach or [])]
    r = report_misuse(ctx.uow, actor, a.text, asset_no=a.asset, loan_no=a.loan,
                      anonymous=a.anonymous, attachments=files)  # fmt: skip
    out = {"case": r.case, "tracking": r.tracking, "created_at": r.created_at,
           "deadline": r.deadline, "anonymous": bool(a.anonymous)}  # fmt: skip
    ctx.emit(out, f"รับเรื่องเลขที่ {r.case} แล้ว รหัสติดตามเรื่อง: {r.tracking}\n"
                  "เก็บรหัสนี้ไว้ ใช้ติดตามเรื่องได้โดยไม่ต้องเข้าสู่ระบบ: khetdesk misuse track "
                  f"{r.tracking}")  # fmt: skip
    return 0


def cmd_misuse_track(ctx: Context) -> int:
    from desktop_app.services.misuse import track_case

    t = track_case(ctx.uow, ctx.args.code)
    out = {"case": t.case, "status": t.status, "created_at": t.created_at,
           "deadline": t.deadline, "handler": t.handler,
           "updates": [{"at": u.at, "status": u.status, "note": u.note}
                       for u in t.updates]}  # fmt: skip

    def human() -> str:
        from desktop_app.domain.integrity import STATUS_LABELS_TH, CaseStatus

        lines = [f"เรื่องเลขที่ {t.case}: {STATUS_LABELS_TH[CaseStatus(t.status)]}"]
        if t.handler:
            lines.append(f"ผู้รับผิดชอบ: {t.handler}")
        lines += [f"  {_when(u.at)}  {STATUS_LABELS_TH[CaseStatus(u.status)]}  {u.note}"
                  for u in t.updates]  # fmt: skip
        return "\n".join(lines)

    ctx.emit(out, human)
    return 0


def cmd_misuse_list(ctx: Context) -> int:
    from desktop_app.cli.core import table
    from desktop_app.services.misuse import list_cases

    cases = list_cases(ctx.uow, ctx.actor(), ctx.args.status)
    ctx.emit({"cases": [_case_json(c) for c in cases]}, lambda: table(
        [(c.case, c.status, "!" if c.flagged else "", _when(c.deadline),
          "ไม่ระบุตัว" if c.anonymous else (c.reporter or "-"), c.handler or "-")
         for c in cases],
        ("เลขที่", "สถานะ", "เกินกำหนด", "กำหนดตอบสนอง", "ผู้แจ้ง", "ผู้รับผิดชอบ"),
    ))  # fmt: skip
    return 0


def cmd_misuse_show(ctx: Context) -> int:
    from desktop_app.services.misuse import show_case

    v = show_case(ctx.uow, ctx.actor(), ctx.args.case)
    ctx.emit(_case_json(v), lambda: f"{v.case} ({v.status})\n{v.text}")
    return 0


def cmd_misuse_update(ctx: Context) -> int:
    from desktop_app.services.misuse import update_case

    a = ctx.args
    v = update_case(ctx.uow, ctx.actor(), a.case, a.status, a.note)
    ctx.emit(_case_json(v), f"บันทึกความคืบหน้าเรื่อง {v.case}: {v.status}")
    return 0


# ---------------------------------------------------------------- custodian


def _month(ctx: Context) -> tuple[int, int]:
    from desktop_app.services.stats_sql import parse_month

    first, _last = parse_month(ctx.args.month)
    return first.year, first.month


def _custodian_json(v: Any) -> dict[str, Any]:
    return {"year": v.year, "month": v.month, "status": v.status, "checks": v.checks,
            "figures": v.figures, "prepared_by": v.prepared_by, "prepared_at": v.prepared_at,
            "signed_by": v.signed_by, "signed_at": v.signed_at,
            "sign_note": v.sign_note}  # fmt: skip


def cmd_custodian_show(ctx: Context) -> int:
    from desktop_app.services.custodian import custodian_report

    v = custodian_report(ctx.uow, *_month(ctx))
    ctx.emit(_custodian_json(v), f"รายงานผู้ดูแลพัสดุเดือน{v.label}: {v.status}")
    return 0


def cmd_custodian_submit(ctx: Context) -> int:
    from desktop_app.services.custodian import submit_custodian_report

    v = submit_custodian_report(ctx.uow, ctx.actor(), *_month(ctx), ctx.args.checks)
    ctx.emit(_custodian_json(v), f"ส่งรายงานเดือน{v.label}แล้ว รอผู้บังคับบัญชาลงนาม")
    return 0


def cmd_custodian_signoff(ctx: Context) -> int:
    from desktop_app.services.custodian import sign_off_custodian_report

    v = sign_off_custodian_report(ctx.uow, ctx.actor(), *_month(ctx), ctx.args.note or "")
    ctx.emit(_custodian_json(v), f"ลงนามรับรองรายงานเดือน{v.label}แล้ว")
    return 0


def cmd_custodian_print(ctx: Context) -> int:
    from desktop_app.services.custodian import custodian_report_pdf
    from desktop_app.services.tabular import write_bytes

    out = out_path(ctx.args.out)
    data = custodian_report_pdf(ctx.uow, *_month(ctx))
    write_bytes(out, data)
    ctx.emit({"file": str(out), "bytes": len(data)}, f"บันทึกรายงานไปที่ {out}")
    return 0


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add the `rules`, `misuse` and `custodian` command groups."""
    g = group("rules")
    c = command(g, "publish", cmd_rules_publish, "publish a new version (.md or .pdf)")
    c.add_argument("--title", required=True)
    c.add_argument("--file", required=True, metavar="FILE")
    c = command(g, "show", cmd_rules_show, "the current version")
    c.add_argument("--out", metavar="FILE", help="save the published file")
    command(g, "ack", cmd_rules_ack, "acknowledge the current version")
    command(g, "status", cmd_rules_status, "who has acknowledged the current version")
    c = command(g, "notice", cmd_rules_notice, "the A4 notice of the current version (PDF)")
    c.add_argument("--out", required=True, metavar="FILE.pdf")

    g = group("misuse")
    c = command(g, "report", cmd_misuse_report, "report improper use (optionally anonymous)")
    c.add_argument("--text", required=True)
    c.add_argument("--asset", metavar="ASSET_NO")
    c.add_argument("--loan", metavar="LOAN_NO")
    c.add_argument("--anonymous", action="store_true", help="store no link to the reporter")
    c.add_argument("--attach", action="append", metavar="FILE",
                   help="an image or PDF, up to 10 MB (repeatable)")  # fmt: skip
    c = command(g, "track", cmd_misuse_track, "follow a report by its tracking code (no login)")
    c.add_argument("code")
    c = command(g, "list", cmd_misuse_list, "every case (agency head, admin)")
    c.add_argument("--status", choices=["received", "investigating", "resolved", "dismissed"])
    c = command(g, "show", cmd_misuse_show, "one case (agency head, admin)")
    c.add_argument("case")
    c = command(g, "update", cmd_misuse_update, "record a step of a case (agency head, admin)")
    c.add_argument("case")
    c.add_argument("--status", required=True,
                   choices=["received", "investigating", "resolved", "dismissed"])  # fmt: skip
    c.add_argument("--note", required=True)

    g = group("custodian")
    for name, func, help_ in (
        ("show", cmd_custodian_show, "the month's report as it stands"),
        ("submit", cmd_custodian_submit, "submit the month's report (supply officer)"),
        ("signoff", cmd_custodian_signoff, "sign the month's report off (a head)"),
        ("print", cmd_custodian_print, "the month's report as a PDF"),
    ):
        c = command(g, name, func, help_)
        c.add_argument("--month", required=True, metavar="YYYY-MM")
        if name == "submit":
            c.add_argument("--checks", required=True, help="the checks done this month")
        if name == "signoff":
            c.add_argument("--note")
        if name == "print":
            c.add_argument("--out", required=True, metavar="FILE.pdf")
