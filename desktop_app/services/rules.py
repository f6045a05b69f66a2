"""The office's borrowing guideline (seed ITA items 20.2, 21.1, 23.1, 23.2): a head publishes a
version (Markdown or PDF), every user acknowledges the current version at their next login,
and who has and has not is a report per unit. With ``rules.required_for_loans`` on, a loan
request waits until its requester has acknowledged the current version."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from db.models import User
from db.models_integrity import RulesAck, RulesVersion
from db.uow import Transaction, UnitOfWork
from desktop_app.domain.errors import NotFound, RuleViolation
from desktop_app.domain.integrity import rules_format, sha256_hex
from desktop_app.domain.roles import require
from desktop_app.domain.text import clean_text
from desktop_app.services.auth import Actor
from desktop_app.services.settings import read_setting


@dataclass(frozen=True)
class RulesInfo:
    version: int
    title: str
    format: str  # md | pdf
    file_name: str
    sha256: str
    published_at: dt.datetime
    published_by: str | None


@dataclass(frozen=True)
class RulesDocument:
    info: RulesInfo
    body: str  # the Markdown ("" for a PDF)
    pdf: bytes | None


@dataclass(frozen=True)
class AckResult:
    version: int
    acknowledged_at: dt.datetime
    already: bool  # acknowledged before: nothing changed


@dataclass(frozen=True)
class UserAck:
    username: str
    name: str
    unit: str
    role: str
    acknowledged_at: dt.datetime | None


@dataclass(frozen=True)
class UnitAck:
    unit: str
    users: int
    acknowledged: int
    pending: tuple[str, ...]  # usernames


@dataclass(frozen=True)
class RulesStatus:
    version: int | None
    title: str | None
    acknowledged: tuple[str, ...]
    pending: tuple[str, ...]
    users: tuple[UserAck, ...]
    units: tuple[UnitAck, ...]


def _info(v: RulesVersion) -> RulesInfo:
    return RulesInfo(
        v.version, v.title, v.format, v.file_name, v.sha256, v.published_at,
        v.published_by.username if v.published_by is not None else None,
    )  # fmt: skip


def _current(tx: Transaction) -> RulesVersion | None:
    return tx.session.execute(
        select(RulesVersion).order_by(RulesVersion.version.desc()).limit(1)
    ).scalar_one_or_none()


def _nothing_published() -> NotFound:
    return NotFound("ยังไม่มีการประกาศแนวทางการยืมพัสดุ (no guideline has been published yet)")


def publish_rules(
    uow: UnitOfWork, actor: Actor, title: str, file_name: str, data: bytes
) -> RulesInfo:
    """A new version of the guideline; everyone must acknowledge it again."""
    require(actor.role, "rules.publish")
    title_text = clean_text(title, "title", max_len=300)
    kind = rules_format(file_name, data)
    name = clean_text(file_name.replace("\\", "/").rsplit("/", 1)[-1], "file", max_len=255)
    digest = sha256_hex(data)
    with uow.write() as tx:
        last = tx.session.scalar(select(func.max(RulesVersion.version))) or 0
        v = RulesVersion(
            version=last + 1, title=title_text, format=kind, file_name=name,
            body=data.decode("utf-8-sig") if kind == "md" else "",
            pdf=data if kind == "pdf" else None, sha256=digest, published_at=tx.now(),
            published_by_id=actor.id,
        )  # fmt: skip
        tx.session.add(v)
        tx.session.flush()
        tx.session.refresh(v)
        after = {"version": v.version, "title": v.title, "format": kind, "file": name,
                 "sha256": digest}  # fmt: skip
        tx.audit(actor.username, "rules.publish", "rules", v.version, None, after)
        info = _info(v)
        tx.commit()
    return info


def current_rules(uow: UnitOfWork) -> RulesDocument | None:
    with uow.read() as tx:
        v = _current(tx)
        if v is None:
            return None
        return RulesDocument(_info(v), v.body, v.pdf)


def show_rules(uow: UnitOfWork) -> RulesDocument:
    doc = current_rules(uow)
    if doc is None:
        raise _nothing_published()
    return doc


def pending_rules(uow: UnitOfWork, actor: Actor) -> RulesDocument | None:
    """The current guideline if ``actor`` has not acknowledged it (the login asks)."""
    if actor.id is None:
        return None
    with uow.read() as tx:
        v = _current(tx)
        if v is None or tx.session.get(RulesAck, (v.id, actor.id)) is not None:
            return None
        return RulesDocument(_info(v), v.body, v.pdf)


def acknowledge_rules(uow: UnitOfWork, actor: Actor, version: int | None = None) -> AckResult:
    """``actor`` has read the current version. Again: nothing changes. ``version`` (from a
    window that showed one) must still be the current one."""
    require(actor.role, "rules.ack")
    with uow.write() as tx:
        v = _current(tx)
        if v is None:
            raise _nothing_published()
        if version is not None and version != v.version:
            from desktop_app.domain.errors import Conflict

            raise Conflict(
                f"มีแนวทางฉบับใหม่ (ฉบับที่ {v.version}) กรุณาอ่านอีกครั้ง "
                f"(version {v.version} was published meanwhile: read it first)"
            )
        if actor.id is None:
            raise NotFound("ผู้ใช้นี้ไม่มีบัญชี (this actor has no user account)")
        done = tx.session.get(RulesAck, (v.id, actor.id))
        if done is not None:
            return AckResult(v.version, done.acknowledged_at, True)
        ack = RulesAck(version_id=v.id, user_id=actor.id, acknowledged_at=tx.now())
        tx.session.add(ack)
        tx.session.flush()
        # One entry per acknowledgement (its own entity): the version's entry stays its state.
        tx.audit(actor.username, "rules.ack", "rules_ack", f"{v.version}/{actor.username}",
                 None, {"version": v.version, "user": actor.username})  # fmt: skip
        result = AckResult(v.version, ack.acknowledged_at, False)
        tx.commit()
    return result


def rules_status(uow: UnitOfWork) -> RulesStatus:
    """Who among the active users has acknowledged the current version, and per unit."""
    with uow.read() as tx:
        v = _current(tx)
        acked: dict[int, dt.datetime] = {}
        if v is not None:
            acked = dict(  # (user id, when) rows
                tx.session.execute(
                    select(RulesAck.user_id, RulesAck.acknowledged_at).where(
                        RulesAck.version_id == v.id
                    )
                ).all()
            )
        users = tx.session.execute(
            select(User.id, User.username, User.name, User.unit, User.role)
            .where(User.active.is_(True))
            .order_by(User.username)
        ).all()
    rows = tuple(UserAck(u.username, u.name, u.unit, u.role, acked.get(u.id)) for u in users)
    units: dict[str, list[UserAck]] = {}
    for r in rows:
        units.setdefault(r.unit or "-", []).append(r)
    by_unit = tuple(
        UnitAck(unit, len(us), sum(u.acknowledged_at is not None for u in us),
                tuple(u.username for u in us if u.acknowledged_at is None))
        for unit, us in sorted(units.items())
    )  # fmt: skip
    return RulesStatus(
        v.version if v is not None else None,
        v.title if v is not None else None,
        tuple(r.username for r in rows if r.acknowledged_at is not None),
        tuple(r.username for r in rows if r.acknowledged_at is None),
        rows,
        by_unit,
    )


def require_acknowledged(tx: Transaction, actor: Actor) -> None:
    """The loan request's check: with ``rules.required_for_loans`` on, the requester must
    have acknowledged the current guideline (nothing published: nothing to acknowledge)."""
    if read_setting(tx, "rules.required_for_loans") != "on" or actor.id is None:
        return
    v = _current(tx)
    if v is None or tx.session.get(RulesAck, (v.id, actor.id)) is not None:
        return
    raise RuleViolation(
        f"ต้องรับทราบแนวทางการยืมพัสดุฉบับที่ {v.version} ก่อนขอยืม: khetdesk rules ack "
        f"(acknowledge the office's borrowing guideline, version {v.version}, before asking "
        "to borrow: khetdesk rules ack)",
        clause="rules",
    )


@dataclass(frozen=True)
class AckEvent:
    version: int
    username: str
    name: str
    unit: str
    at: dt.datetime


def acknowledgements_between(
    uow: UnitOfWork, start: dt.datetime, end: dt.datetime
) -> tuple[list[RulesInfo], list[AckEvent]]:
    """The versions published and the acknowledgements made in [start, end) (ITA pack)."""
    with uow.read() as tx:
        versions = [
            _info(v)
            for v in tx.session.execute(
                select(RulesVersion)
                .where(RulesVersion.published_at >= start, RulesVersion.published_at < end)
                .order_by(RulesVersion.version)
            ).scalars()
        ]
        events = [
            AckEvent(r.version, r.username, r.name, r.unit, r.acknowledged_at)
            for r in tx.session.execute(
                select(
                    RulesVersion.version,
                    User.username,
                    User.name,
                    User.unit,
                    RulesAck.acknowledged_at,
                )
                .join(RulesAck, RulesAck.version_id == RulesVersion.id)
                .join(User, User.id == RulesAck.user_id)
                .where(RulesAck.acknowledged_at >= start, RulesAck.acknowledged_at < end)
                .order_by(RulesAck.acknowledged_at, User.username)
            )
        ]
    return versions, events


def rules_notice_pdf(uow: UnitOfWork) -> bytes:
    """The current guideline as an A4 notice for the notice board (item 23.2)."""
    from desktop_app.domain.thai_time import business_date
    from desktop_app.services.documents import doc_setup
    from desktop_app.services.loan_situation import office_of
    from printing.pdf.integrity import NoticeDoc, render_notice

    with uow.read() as tx:
        v = _current(tx)
        if v is None:
            raise _nothing_published()
        setup = doc_setup(tx)
        publisher = v.published_by
        today = business_date(tx.now())
        doc = NoticeDoc(
            office_of(setup), v.title, v.version, business_date(v.published_at),
            f"{publisher.name} {publisher.position}".strip() if publisher is not None else "",
            v.body, None if v.format == "md" else 0, v.sha256,
            "พบเห็นการใช้ทรัพย์สินของราชการไม่ถูกต้อง แจ้งเบาะแสได้ในโปรแกรม KhetDesk เมนู "
            "\u201cแจ้งเบาะแสการใช้พัสดุไม่ถูกต้อง\u201d (เลือกไม่ระบุตัวตนได้) และติดตามเรื่องด้วยรหัสติดตาม",
            today,
        )  # fmt: skip
    return render_notice(doc)
