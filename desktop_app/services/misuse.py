"""Reports of improper use of government property (seed ITA items 21.3 and 30.1).

Any logged-in user reports, optionally anonymously, linking an asset or a loan and attaching
images or PDFs (≤ 10 MB each, kept with their SHA-256). The reporter gets a tracking code and
follows the case without logging in. Handlers — the agency head, admins and the users named
in ``misuse.handlers`` — move it through received → investigating → resolved | dismissed,
each step with a note the reporter reads. A case nobody has touched within
``misuse.response_days`` days is flagged.

Anonymous means no link to the reporter anywhere: the case has no reporter, its audit entry's
actor is ``anonymous`` and names nobody, the attachments lose their file names, and nothing
is logged. What anonymity cannot hide (the time of the report, what the text or an image
says) is in docs/integrity.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, select

from db.models_integrity import MisuseAttachment, MisuseCase, MisuseUpdate
from db.uow import Transaction, UnitOfWork
from desktop_app.domain import integrity as rules
from desktop_app.domain.errors import InvalidInput, NotFound
from desktop_app.domain.fiscal import fiscal_year
from desktop_app.domain.roles import PERMISSIONS, require
from desktop_app.domain.thai_time import business_date
from desktop_app.services.auth import Actor
from desktop_app.services.settings import read_setting

ANONYMOUS = "anonymous"
RECEIVED_NOTE = "ระบบได้รับเรื่องแล้ว รอผู้รับผิดชอบดำเนินการ (report received)"


@dataclass(frozen=True)
class Attachment:
    """A file to attach: its name as chosen and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class ReportReceipt:
    case: str
    tracking: str  # shown once, to the reporter; the database keeps only its digest
    created_at: dt.datetime
    deadline: dt.datetime


@dataclass(frozen=True)
class CaseUpdate:
    at: dt.datetime
    status: str
    note: str


@dataclass(frozen=True)
class TrackedCase:
    """What the reporter sees with the tracking code: no names but the handler's."""

    case: str
    status: str
    created_at: dt.datetime
    deadline: dt.datetime
    handler: str | None  # the named person responsible (30.1), once someone has acted
    updates: tuple[CaseUpdate, ...]


@dataclass(frozen=True)
class HandlerUpdate:
    at: dt.datetime
    status: str
    note: str
    by: str | None


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    name: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class CaseView:
    """A case as the handler's window and ``misuse list`` show it."""

    case: str
    status: str
    text: str
    anonymous: bool
    reporter: str | None  # username; None when anonymous
    reporter_name: str | None
    asset: str | None
    loan: str | None
    created_at: dt.datetime
    deadline: dt.datetime
    flagged: bool  # untouched past the deadline
    days_left: int  # whole days to the deadline (negative: past it)
    handler: str | None
    closed_at: dt.datetime | None
    updates: tuple[HandlerUpdate, ...]
    attachments: tuple[AttachmentInfo, ...]


def _response_days(tx: Transaction) -> int:
    return int(read_setting(tx, "misuse.response_days"))


def may_handle(tx: Transaction, actor: Actor) -> bool:
    if actor.role in PERMISSIONS["misuse.handle"]:
        return True
    named = read_setting(tx, "misuse.handlers").split(",")
    return bool(actor.username) and actor.username in named


def _require_handler(tx: Transaction, actor: Actor) -> None:
    if not may_handle(tx, actor):
        require(actor.role, "misuse.handle")  # raises Forbidden naming the action


def check_handler(uow: UnitOfWork, actor: Actor) -> None:
    """Refuse a user who may not handle cases, before anything they typed is looked at."""
    if actor.role in PERMISSIONS["misuse.handle"]:
        return
    with uow.read() as tx:
        _require_handler(tx, actor)


def _case_state(c: MisuseCase) -> dict[str, object]:
    """The audited state: never the reporter, never the text (the text stays in the case)."""
    return {
        "case": c.case_no,
        "status": c.status,
        "anonymous": c.anonymous,
        "asset": c.asset.asset_no if c.asset is not None else None,
        "loan": c.loan.loan_no if c.loan is not None else None,
        "attachments": [a.sha256 for a in c.attachments],
    }


def _checked_attachments(files: Sequence[Attachment]) -> list[tuple[str, str, bytes]]:
    if len(files) > rules.MAX_ATTACHMENTS:
        raise InvalidInput(
            f"แนบไฟล์ได้ไม่เกิน {rules.MAX_ATTACHMENTS} ไฟล์ "
            f"(at most {rules.MAX_ATTACHMENTS} attachments)"
        )
    out = []
    for f in files:
        media, _suffix = rules.attachment_type(f.name, f.data)
        out.append((f.name, media, f.data))
    return out


def report_misuse(
    uow: UnitOfWork,
    actor: Actor,
    text: str,
    *,
    asset_no: str | None = None,
    loan_no: str | None = None,
    anonymous: bool = False,
    attachments: Sequence[Attachment] = (),
) -> ReportReceipt:
    from desktop_app.services.assets import find_asset
    from desktop_app.services.loans import find_loan

    require(actor.role, "misuse.report")
    body = rules.long_text(text, "text", "รายละเอียดเรื่องที่แจ้ง", max_len=5000)
    files = _checked_attachments(attachments)
    code = rules.new_tracking_code()
    with uow.write() as tx:
        now = tx.now()
        asset = find_asset(tx, asset_no) if asset_no else None
        loan = find_loan(tx, loan_no) if loan_no else None
        fy = fiscal_year(business_date(now))
        seq = (tx.session.scalar(
            select(func.max(MisuseCase.seq)).where(MisuseCase.fiscal_year == fy)
        ) or 0) + 1  # fmt: skip
        c = MisuseCase(
            case_no=rules.case_number(fy, seq), fiscal_year=fy, seq=seq,
            tracking_hash=rules.tracking_digest(code), anonymous=anonymous,
            reporter_id=None if anonymous else actor.id, text=body, asset=asset, loan=loan,
            status=rules.CaseStatus.RECEIVED.value, created_at=now,
        )  # fmt: skip
        c.updates.append(MisuseUpdate(at=now, status=c.status, note=RECEIVED_NOTE, by_id=None))
        for i, (name, media, data) in enumerate(files, 1):
            suffix = rules.attachment_type(name, data)[1]
            shown = f"attachment-{i}{suffix}" if anonymous else _file_name(name, i, suffix)
            c.attachments.append(MisuseAttachment(
                name=shown, media_type=media, size=len(data), sha256=rules.sha256_hex(data),
                data=data,
            ))  # fmt: skip
        tx.session.add(c)
        tx.session.flush()
        who = ANONYMOUS if anonymous else actor.username
        tx.audit(who, "misuse.report", "misuse_case", c.case_no, None, _case_state(c))
        receipt = ReportReceipt(
            c.case_no, code, now, rules.response_deadline(now, _response_days(tx))
        )
        tx.commit()
    return receipt


def _file_name(name: str, i: int, suffix: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    base = "".join(ch for ch in base if ch.isprintable())[:200]
    return base or f"attachment-{i}{suffix}"


def _find_by_code(tx: Transaction, code: str) -> MisuseCase:
    digest = rules.tracking_digest(code)  # a malformed code: NotFound
    c = tx.session.execute(
        select(MisuseCase).where(MisuseCase.tracking_hash == digest)
    ).scalar_one_or_none()
    if c is None:
        raise NotFound("ไม่พบรหัสติดตามนี้ (no report has this tracking code)")
    return c


def track_case(uow: UnitOfWork, code: str) -> TrackedCase:
    """What the reporter follows with the tracking code, without logging in."""
    with uow.read() as tx:
        c = _find_by_code(tx, code)
        days = _response_days(tx)
        return TrackedCase(
            c.case_no,
            c.status,
            c.created_at,
            rules.response_deadline(c.created_at, days),
            c.handler.name if c.handler is not None else None,
            tuple(CaseUpdate(u.at, u.status, u.note) for u in c.updates),
        )


def find_case(tx: Transaction, case_no: str) -> MisuseCase:
    key = case_no.strip().upper()
    c = tx.session.execute(select(MisuseCase).where(MisuseCase.case_no == key)).scalar_one_or_none()
    if c is None:
        raise NotFound(f"ไม่พบเรื่องร้องเรียนเลขที่ {case_no[:40]} (no such case)")
    return c


def _view(c: MisuseCase, days: int, now: dt.datetime) -> CaseView:
    deadline = rules.response_deadline(c.created_at, days)
    left = (business_date(deadline) - business_date(now)).days
    reporter = c.reporter
    return CaseView(
        c.case_no, c.status, c.text, c.anonymous,
        reporter.username if reporter is not None else None,
        reporter.name if reporter is not None else None,
        c.asset.asset_no if c.asset is not None else None,
        c.loan.loan_no if c.loan is not None else None,
        c.created_at, deadline, rules.is_flagged(c.created_at, c.first_action_at, days, now),
        left, c.handler.username if c.handler is not None else None, c.closed_at,
        tuple(HandlerUpdate(u.at, u.status, u.note, u.by.username if u.by is not None else None)
              for u in c.updates),
        tuple(AttachmentInfo(a.id, a.name, a.media_type, a.size, a.sha256)
              for a in c.attachments),
    )  # fmt: skip


def list_cases(uow: UnitOfWork, actor: Actor, status: str | None = None) -> list[CaseView]:
    """Every case, newest first (handlers only)."""
    check_handler(uow, actor)
    wanted = rules.parse_status(status).value if status else None
    with uow.read() as tx:
        _require_handler(tx, actor)
        days, now = _response_days(tx), tx.now()
        q = select(MisuseCase).order_by(MisuseCase.created_at.desc(), MisuseCase.id.desc())
        if wanted:
            q = q.where(MisuseCase.status == wanted)
        return [_view(c, days, now) for c in tx.session.execute(q).scalars()]


def show_case(uow: UnitOfWork, actor: Actor, case_no: str) -> CaseView:
    with uow.read() as tx:
        _require_handler(tx, actor)
        return _view(find_case(tx, case_no), _response_days(tx), tx.now())


def attachment_data(uow: UnitOfWork, actor: Actor, attachment_id: int) -> tuple[str, bytes]:
    with uow.read() as tx:
        _require_handler(tx, actor)
        a = tx.session.get(MisuseAttachment, attachment_id)
        if a is None:
            raise NotFound("ไม่พบไฟล์แนบ (no such attachment)")
        return a.name, a.data


def update_case(uow: UnitOfWork, actor: Actor, case_no: str, status: str, note: str) -> CaseView:
    """A handler's step: the new status and a note the reporter reads."""
    check_handler(uow, actor)
    new = rules.parse_status(status)
    text = rules.long_text(note, "note", "บันทึกความคืบหน้า", max_len=2000)
    with uow.write() as tx:
        _require_handler(tx, actor)
        c = find_case(tx, case_no)
        before = _case_state(c)
        now = tx.now()
        c.status = new.value
        c.updates.append(MisuseUpdate(at=now, status=new.value, note=text, by_id=actor.id))
        if c.first_action_at is None:
            c.first_action_at = now
        c.handler_id = actor.id
        c.closed_at = now if new in rules.CLOSED else None
        tx.session.flush()
        after = {**_case_state(c), "note": text}
        tx.audit(actor.username, "misuse.update", "misuse_case", c.case_no, before, after)
        tx.session.refresh(c)
        view = _view(c, _response_days(tx), now)
        tx.commit()
    return view


@dataclass(frozen=True)
class CaseSummaryRow:
    """One case for the ITA summary: no reporter, no text."""

    case: str
    status: str
    created_at: dt.datetime
    closed_at: dt.datetime | None
    days_to_first_action: int | None
    days_to_close: int | None
    flagged: bool
    linked: str  # asset / loan / -


def case_summary(uow: UnitOfWork, start: dt.datetime, end: dt.datetime) -> list[CaseSummaryRow]:
    """Cases reported in [start, end): statuses and days to act and to close, never who
    reported or what they wrote."""
    with uow.read() as tx:
        days, now = _response_days(tx), tx.now()
        rows = tx.session.execute(
            select(MisuseCase)
            .where(MisuseCase.created_at >= start, MisuseCase.created_at < end)
            .order_by(MisuseCase.created_at, MisuseCase.id)
        ).scalars()
        out = []
        for c in rows:
            link = "พัสดุ" if c.asset_id else ("ใบยืม" if c.loan_id else "-")
            if c.asset_id and c.loan_id:
                link = "พัสดุและใบยืม"
            out.append(CaseSummaryRow(
                c.case_no, c.status, c.created_at, c.closed_at,
                (c.first_action_at - c.created_at).days if c.first_action_at else None,
                (c.closed_at - c.created_at).days if c.closed_at else None,
                rules.is_flagged(c.created_at, c.first_action_at, days, now), link,
            ))  # fmt: skip
        return out


def open_cases_near_deadline(uow: UnitOfWork, within_days: int = 2) -> list[CaseView]:
    """Open cases nobody has acted on whose deadline is within ``within_days`` or past (the
    agency head's summary). Read without a role check: it names no reporter."""
    with uow.read() as tx:
        days, now = _response_days(tx), tx.now()
        rows = tx.session.execute(
            select(MisuseCase)
            .where(MisuseCase.first_action_at.is_(None), MisuseCase.closed_at.is_(None))
            .order_by(MisuseCase.created_at)
        ).scalars()
        out = []
        for c in rows:
            v = _view(c, days, now)
            if v.days_left <= within_days:
                out.append(replace(v, reporter=None, reporter_name=None, text=""))
        return out
