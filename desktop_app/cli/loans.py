"""Loans under clauses 207-211 from the command line (CLI.md, "Assets and loans"): `loan`,
`borrower` and `delegation`.

Money goes out as decimal strings (``"17500.00"``), fractions as at least two decimals
(``"0.10"``), dates as ISO dates (CE) and times as ISO-8601 UTC; human text shows dates in
the Buddhist Era.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.cli.core import Context, be, date_arg, listing, write_pdf

LOAN_STATUSES = ("submitted", "approved", "rejected", "on_loan", "returned", "closed", "cancelled")


def _loan_human(v: Any) -> str:
    from desktop_app.domain.loans import ROLE_LABELS_TH, STATUS_LABELS_TH, LoanStatus
    from desktop_app.domain.roles import Role

    def role(code: str) -> str:  # Thai for the officer, the code for scripts and IT
        return f"{ROLE_LABELS_TH.get(Role(code), code)} ({code})"

    status = f"{STATUS_LABELS_TH[LoanStatus(v.status)]} ({v.status})"
    items = ", ".join(
        f"{i.asset_no}" + (f" ×{i.qty} {i.unit}" if i.kind == "consumable" else "")
        + (f" [{i.condition}]" if i.condition else "")
        for i in v.items
    )  # fmt: skip
    lines = [
        f"ใบยืม {v.loan_no}  สถานะ {status}  ข้อ {v.clause} ผู้อนุมัติ {role(v.approver_role)}",
        f"ผู้ยืม {v.borrower} ({v.borrower_type})  {be(v.start)} ถึง {be(v.due)}",
        f"วัตถุประสงค์ {v.purpose}",
        f"พัสดุ {items}",
    ]
    if v.approved_by:
        behalf = f" แทน{role(v.on_behalf_of)}" if v.on_behalf_of else ""
        lines.append(f"อนุมัติโดย {v.approved_by}{behalf}")
    if v.overdue_days:
        lines.append(f"เกินกำหนด {v.overdue_days} วัน ต้องติดตามภายใน {be(v.followup_deadline)}")
    return "\n".join(lines)


def _loan_action(name: str, verb_th: str, *fields: str) -> Callable[[Context], int]:
    def run(ctx: Context) -> int:
        from desktop_app.services import loans

        kwargs = {f: getattr(ctx.args, f) for f in fields}
        v = getattr(loans, name)(ctx.uow, ctx.actor(), ctx.args.loan_no, **kwargs)
        ctx.emit(v, lambda: f"{verb_th} {v.loan_no} แล้ว\n{_loan_human(v)}")
        return 0

    return run


def cmd_loan_request(ctx: Context) -> int:
    from desktop_app.services.loans import request_loan

    a = ctx.args
    v = request_loan(
        ctx.uow, ctx.actor(), borrower_type=a.borrower_type, borrower=a.borrower,
        borrower_user=a.borrower_user, agency=a.agency, purpose=a.purpose,
        official_use=a.official_use, place=a.place, start=date_arg(a.start), due=date_arg(a.due),
        items=a.item or [], urgent=a.urgent, place_detail=a.place_detail, position=a.position,
        unit=a.unit, contact=a.contact, signatory=a.signatory,
    )  # fmt: skip
    ctx.emit(v, lambda: f"ยื่นคำขอยืมแล้ว\n{_loan_human(v)}")
    return 0


def cmd_loan_return(ctx: Context) -> int:
    from desktop_app.services.loans import return_items

    v = return_items(ctx.uow, ctx.actor(), ctx.args.loan_no, ctx.args.item or [], ctx.args.note)
    ctx.emit(v, lambda: f"รับคืนและตรวจสภาพแล้ว\n{_loan_human(v)}")
    return 0


def cmd_loan_settle(ctx: Context) -> int:
    from desktop_app.services.loans import settle_item

    a = ctx.args
    v = settle_item(ctx.uow, ctx.actor(), a.loan_no, a.item, a.method, a.amount, a.receipt,
                    a.note)  # fmt: skip
    ctx.emit(v, lambda: f"บันทึกการชดใช้ {a.item} แล้ว\n{_loan_human(v)}")
    return 0


def cmd_loan_show(ctx: Context) -> int:
    from desktop_app.services.loans import show_loan

    v = show_loan(ctx.uow, ctx.args.loan_no, date_arg(ctx.args.as_of))
    ctx.emit(v, lambda: _loan_human(v))
    return 0


def cmd_loan_list(ctx: Context) -> int:
    from desktop_app.services.loans import list_loans

    a = ctx.args
    rows = list_loans(ctx.uow, a.status, a.borrower, a.asset)
    ctx.emit({"loans": rows}, lambda: listing(
        [(r.loan_no, r.status, r.borrower, be(r.due), " ".join(r.assets)) for r in rows],
        ("loan_no", "status", "borrower", "due", "assets"),
    ))  # fmt: skip
    return 0


def cmd_loan_overdue(ctx: Context) -> int:
    from desktop_app.services.loans import overdue_loans

    rows = overdue_loans(ctx.uow, date_arg(ctx.args.as_of))
    ctx.emit({"loans": rows}, lambda: listing(
        [(r.loan_no, r.borrower, be(r.due), r.overdue_days, be(r.followup_deadline),
          "ติดตามแล้ว" if r.followed_up else "ยัง", "เลยกำหนด" if r.deadline_missed else "")
         for r in rows],
        ("loan_no", "borrower", "due", "days", "followup_by", "followed_up", "missed"),
    ))  # fmt: skip
    return 0


def cmd_loan_out(ctx: Context) -> int:
    from desktop_app.services.loan_queries import items_out_now

    rows = items_out_now(ctx.uow, date_arg(ctx.args.as_of))
    ctx.emit({"items": rows}, lambda: listing(
        [(r.asset_no, r.name, r.qty, r.borrower, r.borrower_unit, r.loan_no, be(r.due))
         for r in rows],
        ("asset_no", "name", "qty", "borrower", "unit", "loan_no", "due"),
    ))  # fmt: skip
    return 0


def cmd_loan_stats(ctx: Context) -> int:
    from desktop_app.services.loan_queries import loans_grouped

    a = ctx.args
    groups = loans_grouped(ctx.uow, a.by, date_arg(a.from_), date_arg(a.to))
    ctx.emit({"by": a.by, "groups": groups}, lambda: listing(
        [(g.label, g.requests, g.lent, g.rejected, g.cancelled) for g in groups],
        (a.by, "requests", "lent", "rejected", "cancelled"),
    ))  # fmt: skip
    return 0


def cmd_loan_compensation(ctx: Context) -> int:
    from desktop_app.services.loans import compensation_for

    c = compensation_for(ctx.uow, ctx.args.asset_no, date_arg(ctx.args.as_of))
    ctx.emit(c, lambda: f"{c.asset_no} {c.name} ณ {be(c.as_of)}\n{c.working}")
    return 0


LOAN_DOCUMENTS = {
    "record": ("loan_record_pdf", "ใบยืมพัสดุ"),
    "return": ("return_record_pdf", "บันทึกการรับคืนและตรวจสภาพพัสดุ"),
    "followup": ("followup_letter_pdf", "หนังสือติดตามทวงคืน"),
}


def cmd_loan_print(ctx: Context) -> int:
    """One document of a loan as PDF: the loan record (default), the return record or the
    follow-up letter (dated --as-of, default today)."""
    from desktop_app.services import documents

    a = ctx.args
    name, title = LOAN_DOCUMENTS[a.doc]
    if a.doc == "followup":
        data = documents.followup_letter_pdf(ctx.uow, a.loan_no, date_arg(a.as_of))
    else:
        data = getattr(documents, name)(ctx.uow, a.loan_no)
    out = write_pdf(a.out, data)
    from desktop_app.services.loans import show_loan

    loan_no = show_loan(ctx.uow, a.loan_no).loan_no
    result = {"loan_no": loan_no, "document": a.doc, "file": str(out), "bytes": len(data)}
    ctx.emit(result, f"{title} {loan_no}: เขียนไฟล์ {out} แล้ว ({len(data):,} ไบต์)")
    return 0


def cmd_borrower_list(ctx: Context) -> int:
    from desktop_app.services.borrowers import list_borrowers

    rows = list_borrowers(ctx.uow)
    ctx.emit({"borrowers": rows}, lambda: listing(
        [(b.id, b.kind, b.name, b.unit, b.username or "") for b in rows],
        ("id", "kind", "name", "unit", "user"),
    ))  # fmt: skip
    return 0


def cmd_borrower_show(ctx: Context) -> int:
    from desktop_app.services.borrowers import borrower_history

    h = borrower_history(ctx.uow, ctx.args.key)

    def human() -> str:
        b = h.borrower
        head = f"{b.name} ({b.kind}) {b.position} {b.unit}".strip()
        return (
            head
            + "\n"
            + listing(
                [
                    (x.loan_no, x.status, be(x.start), be(x.due), " ".join(x.assets))
                    for x in h.loans
                ],
                ("loan_no", "status", "start", "due", "assets"),
            )
        )

    ctx.emit(h, human)
    return 0


def _delegation_line(d: Any) -> str:
    until = be(d.valid_until) if d.valid_until else "ไม่กำหนด"
    return f"#{d.id} {d.user} ทำการแทน {d.role} {be(d.valid_from)} ถึง {until}"


def cmd_delegation_add(ctx: Context) -> int:
    from desktop_app.services.delegations import add_delegation

    a = ctx.args
    d = add_delegation(ctx.uow, ctx.actor(), a.username, a.role, valid_from=date_arg(a.from_),
                       valid_until=date_arg(a.until), unit=a.unit, note=a.note)  # fmt: skip
    ctx.emit(d, f"บันทึกการมอบอำนาจแล้ว: {_delegation_line(d)}")
    return 0


def cmd_delegation_list(ctx: Context) -> int:
    from desktop_app.services.delegations import list_delegations

    rows = list_delegations(ctx.uow, include_ended=ctx.args.all)
    ctx.emit({"delegations": rows},
          lambda: "\n".join(_delegation_line(d) for d in rows) or "(ไม่มีรายการ)")  # fmt: skip
    return 0


def cmd_delegation_revoke(ctx: Context) -> int:
    from desktop_app.services.delegations import revoke_delegation

    d = revoke_delegation(ctx.uow, ctx.actor(), ctx.args.id)
    ctx.emit(d, f"ยกเลิกการมอบอำนาจ #{d.id} แล้ว")
    return 0


def add_commands(sub: Any, command: Callable[..., Any], group: Callable[..., Any]) -> None:
    """Add `loan`, `borrower` and `delegation`."""
    g = group("loan")
    c = command(g, "request", cmd_loan_request, "ask to borrow")
    c.add_argument("--borrower-type", required=True, choices=["person", "agency"])
    c.add_argument("--borrower", metavar="NAME", help="the person, or the agency's official")
    c.add_argument("--borrower-user", metavar="USER", help="the KhetDesk user who borrows")
    c.add_argument("--agency", metavar="NAME", help="the borrowing agency")
    c.add_argument("--position", metavar="TEXT")
    c.add_argument("--unit", metavar="TEXT", help="the borrower's unit")
    c.add_argument("--contact", metavar="TEXT")
    c.add_argument("--signatory", metavar="TEXT", help="the agency's signing official")
    c.add_argument("--purpose", metavar="TEXT", help="why (clause 207)")
    c.add_argument("--official-use", action="store_true",
                   help="declare it is for official use only (clause 207)")  # fmt: skip
    c.add_argument("--place", choices=["on_premises", "off_premises"])
    c.add_argument("--place-detail", metavar="TEXT", help="where it will be used")
    c.add_argument("--start", metavar="YYYY-MM-DD", help="default: today")
    c.add_argument("--due", metavar="YYYY-MM-DD", help="return date (clause 208)")
    c.add_argument("--item", action="append", metavar="ASSET_NO[:QTY]")
    c.add_argument("--urgent", action="store_true", help="consumables: urgent need (210)")
    c = command(g, "approve", _loan_action("approve_loan", "อนุมัติ", "note"), "approve")
    c.add_argument("loan_no", metavar="LOAN_NO")
    c.add_argument("--note")
    c = command(g, "reject", _loan_action("reject_loan", "ไม่อนุมัติ", "reason"), "reject")
    c.add_argument("loan_no", metavar="LOAN_NO")
    c.add_argument("--reason", help="required (clause 207)")
    c = command(g, "handover", _loan_action("hand_over", "ส่งมอบพัสดุตามใบยืม"), "hand over")
    c.add_argument("loan_no", metavar="LOAN_NO")
    c = command(g, "return", cmd_loan_return, "return and inspect items")
    c.add_argument("loan_no", metavar="LOAN_NO")
    c.add_argument("--item", action="append", metavar="ASSET_NO:good|damaged|lost[:QTY]")
    c.add_argument("--note")
    c = command(g, "settle", cmd_loan_settle, "settle a damaged or lost item (clause 209)")
    c.add_argument("loan_no", metavar="LOAN_NO")
    c.add_argument("--item", required=True, metavar="ASSET_NO")
    c.add_argument("--method", required=True, choices=["repair", "replace", "pay"])
    c.add_argument("--amount", metavar="BAHT", help="pay: default the suggested amount")
    c.add_argument("--receipt", metavar="NO")
    c.add_argument("--note")
    followup = _loan_action("record_followup", "บันทึกการติดตามทวงคืน", "note", "means")
    c = command(g, "followup", followup, "record a follow-up (211)")
    c.add_argument("loan_no", metavar="LOAN_NO")
    c.add_argument("--note")
    c.add_argument("--means", default="letter",
                   choices=["letter", "phone", "email", "visit", "other"])  # fmt: skip
    c = command(g, "cancel", _loan_action("cancel_loan", "ยกเลิกใบยืม", "reason"), "cancel")
    c.add_argument("loan_no", metavar="LOAN_NO")
    c.add_argument("--reason")
    c = command(g, "show", cmd_loan_show, "one loan")
    c.add_argument("loan_no", metavar="LOAN_NO")
    c.add_argument("--as-of", metavar="YYYY-MM-DD")
    c = command(g, "list", cmd_loan_list, "list loans")
    c.add_argument("--status", choices=LOAN_STATUSES)
    c.add_argument("--borrower", metavar="TEXT", help="part of the borrower's name")
    c.add_argument("--asset", metavar="ASSET_NO")
    c = command(g, "overdue", cmd_loan_overdue, "overdue loans and follow-up deadlines (211)")
    c.add_argument("--as-of", metavar="YYYY-MM-DD")
    c = command(g, "out", cmd_loan_out, "what is out now and with whom")
    c.add_argument("--as-of", metavar="YYYY-MM-DD")
    c = command(g, "stats", cmd_loan_stats, "loans by unit, holding unit or month")
    c.add_argument("--by", default="unit", choices=["unit", "holder", "month"])
    c.add_argument("--from", dest="from_", metavar="YYYY-MM-DD")
    c.add_argument("--to", metavar="YYYY-MM-DD")
    c = command(g, "compensation", cmd_loan_compensation, "price to pay for a lost asset (209)")
    c.add_argument("asset_no", metavar="ASSET_NO")
    c.add_argument("--as-of", metavar="YYYY-MM-DD", help="date of borrowing; default today")
    c = command(g, "print", cmd_loan_print, "a loan document as PDF (default the loan record)")
    c.add_argument("loan_no", metavar="LOAN_NO")
    c.add_argument("--out", required=True, metavar="FILE.pdf")
    c.add_argument("--doc", default="record", choices=list(LOAN_DOCUMENTS),
                   help="record: ใบยืมพัสดุ; return: the return inspection (209); "
                        "followup: the follow-up letter (211)")  # fmt: skip
    c.add_argument("--as-of", metavar="YYYY-MM-DD", help="followup: the letter's date")

    g = group("borrower")
    command(g, "list", cmd_borrower_list, "list borrowers")
    c = command(g, "show", cmd_borrower_show, "one borrower and their loans")
    c.add_argument("key", metavar="ID|USER|NAME")

    g = group("delegation")
    c = command(g, "add", cmd_delegation_add, "let USER approve for a head")
    c.add_argument("username", metavar="USER")
    c.add_argument("--role", required=True, choices=["agency_head", "supply_head"])
    c.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", help="default: today")
    c.add_argument("--until", metavar="YYYY-MM-DD", help="last day; default: until revoked")
    c.add_argument("--unit", metavar="TEXT", help="supply_head: the unit acted for")
    c.add_argument("--note")
    c = command(g, "list", cmd_delegation_list, "delegations in force or to come")
    c.add_argument("--all", action="store_true", help="also revoked and expired ones")
    c = command(g, "revoke", cmd_delegation_revoke, "end a delegation")
    c.add_argument("id", type=int, metavar="ID")
