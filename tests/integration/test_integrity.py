"""Integrity and transparency on SQLite and PostgreSQL (issue 16): an anonymous misuse report
leaves no link to its reporter in any table or log file; response deadlines flag untouched
cases; attachments keep their SHA-256 and the 10 MB limit; the guideline's acknowledgement
and the custodian's sign-off are audited; the loan situation and its figures."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.models import AuditEntry, Base, User
from db.uow import UnitOfWork
from desktop_app.domain.errors import Conflict, Forbidden, InvalidInput, NotFound, RuleViolation
from desktop_app.services import custodian, loan_situation, loans, misuse, rules, settings
from tests.support.db import FakeClock, actor, snapshot
from tests.support.loans import LAPTOP, request

REPORTER = "staff1"
REPORTER_NAME = "กนกพร ทองดี"


# ---------------------------------------------------------------- anonymity


def _user_columns() -> dict[str, list[int]]:
    """Per table, the positions of the columns that point at a user."""
    out: dict[str, list[int]] = {}
    for table in Base.metadata.sorted_tables:
        cols = [i for i, c in enumerate(table.columns)
                if any(fk.column.table.name == "users" for fk in c.foreign_keys)]  # fmt: skip
        if cols:
            out[table.name] = cols
    return out


def traces(before: dict[str, list[tuple[Any, ...]]], after: dict[str, list[tuple[Any, ...]]],
           user_id: int) -> list[str]:  # fmt: skip
    """Every trace of the reporter in the rows a command added or changed, in every table:
    the username or name in any text (or bytes), the user's id in any column pointing at a
    user."""
    found = []
    user_cols = _user_columns()
    for table, rows in after.items():
        old = set(before.get(table, []))
        for row in rows:
            if row in old:
                continue
            for i, cell in enumerate(row):
                text = cell.decode("utf-8", "replace") if isinstance(cell, bytes) else str(cell)
                if REPORTER in text or REPORTER_NAME in text:
                    found.append(f"{table}: {text[:80]!r}")
                if i in user_cols.get(table, []) and cell == user_id:
                    found.append(f"{table}: column {i} holds the reporter's id")
    return found


def _log_traces(root: Path) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", "replace")
            if REPORTER in text or REPORTER_NAME in text:
                found.append(str(path))
    return found


def test_an_anonymous_report_leaves_no_trace_of_its_reporter(
    office: UnitOfWork, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.cli.core import main

    uow = office
    state = tmp_path / "xdg"
    for var in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(state / var.lower()))
    monkeypatch.setenv("KHETDESK_PASSWORD", "demo")
    reporter = actor(uow, REPORTER)
    assert reporter.id is not None
    photo = tmp_path / f"{REPORTER}-photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    base = ["--db", db_url, "--json", "--as", REPORTER, "misuse", "report"]

    # Control: a named report leaves its traces, and the scan finds them.
    before = snapshot(uow.engine)
    assert main([*base, "--text", "รายงานระบุชื่อ", "--asset", LAPTOP]) == 0
    named = traces(before, snapshot(uow.engine), reporter.id)
    assert any("misuse_cases" in t for t in named) and any("audit_log" in t for t in named)

    # An anonymous report, with an attachment named after the reporter: nothing.
    before = snapshot(uow.engine)
    assert main([*base, "--text", "เห็นการนำรถไปใช้ส่วนตัว", "--anonymous", "--asset", LAPTOP,
                 "--attach", str(photo)]) == 0  # fmt: skip
    after = snapshot(uow.engine)
    assert traces(before, after, reporter.id) == []
    added = set(after["misuse_cases"]) - set(before["misuse_cases"])
    assert len(added) == 1  # the scan looked at the new case
    with uow.read() as tx:
        last = tx.session.execute(select(AuditEntry).order_by(AuditEntry.id.desc())).scalar()
        assert last is not None and (last.actor, last.action) == ("anonymous", "misuse.report")

    # A command that fails inside writes the error log: the acting user is not in it.
    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(misuse, "report_misuse", broken)
    assert main([*base, "--text", "x", "--anonymous"]) == 1
    logs = [p for p in state.rglob("*.log")]
    assert logs, "the failure was logged"
    assert _log_traces(state) == []
    assert main(["--db", db_url, "--as", REPORTER, "loan", "show", "ยม.1/2599"]) == 5


# ---------------------------------------------------------------- cases


def test_an_untouched_case_is_flagged_after_the_response_days(
    office: UnitOfWork, clock: FakeClock
) -> None:
    uow = office
    staff, director, admin = (actor(uow, u) for u in ("staff1", "director", "admin"))
    settings.set_setting(uow, admin, "misuse.response_days", "3")
    r = misuse.report_misuse(uow, staff, "ใช้เครื่องฉายที่บ้าน", anonymous=True)
    other = misuse.report_misuse(uow, staff, "เรื่องที่สอง")
    assert r.deadline - clock.now == dt.timedelta(days=3)
    clock.advance(days=2)
    assert not any(c.flagged for c in misuse.list_cases(uow, director))
    near = misuse.open_cases_near_deadline(uow)
    assert {c.case for c in near} == {r.case, other.case}
    assert all(c.reporter is None and c.text == "" for c in near)
    misuse.update_case(uow, director, other.case, "investigating", "รับไว้ตรวจสอบ")
    clock.advance(days=1, seconds=1)
    flagged = {c.case: c.flagged for c in misuse.list_cases(uow, director)}
    assert flagged == {r.case: True, other.case: False}
    assert [c.case for c in misuse.open_cases_near_deadline(uow)] == [r.case]
    # Acting on it clears the flag; closing it records when.
    v = misuse.update_case(uow, director, r.case, "dismissed", "ไม่มีมูล")
    assert not v.flagged and v.closed_at == clock.now
    assert misuse.track_case(uow, r.tracking).status == "dismissed"


def test_handlers_are_the_head_the_admins_and_the_named_users(office: UnitOfWork) -> None:
    uow = office
    staff, clerk, admin = actor(uow, "staff1"), actor(uow, "clerk1"), actor(uow, "admin")
    r = misuse.report_misuse(uow, staff, "เรื่องทดสอบ")
    with pytest.raises(Forbidden):
        misuse.list_cases(uow, clerk)
    settings.set_setting(uow, admin, "misuse.handlers", "Clerk1, nobody")
    assert [c.case for c in misuse.list_cases(uow, clerk)] == [r.case]
    v = misuse.update_case(uow, clerk, r.case, "investigating", "นิติกรรับเรื่อง")
    assert v.handler == "clerk1"
    assert misuse.track_case(uow, r.tracking).handler == "สมใจ ใจดี"


def test_attachments_keep_their_digest_and_the_limit(office: UnitOfWork) -> None:
    uow = office
    staff, director = actor(uow, "staff1"), actor(uow, "director")
    limit = 10 * 1024 * 1024
    exact = b"%PDF-1.4\n" + b"0" * (limit - 9)
    jpeg = b"\xff\xd8\xff\xe0" + b"1" * 100
    files = [misuse.Attachment("C:\\Users\\me\\scan.pdf", exact), misuse.Attachment("a.jpg", jpeg)]
    r = misuse.report_misuse(uow, staff, "หลักฐานแนบ", attachments=files)
    case = misuse.show_case(uow, director, r.case)
    assert [(a.name, a.media_type, a.size) for a in case.attachments] == [
        ("scan.pdf", "application/pdf", limit), ("a.jpg", "image/jpeg", 104)]  # fmt: skip
    assert case.attachments[0].sha256 == hashlib.sha256(exact).hexdigest()
    assert misuse.attachment_data(uow, director, case.attachments[1].id) == ("a.jpg", jpeg)
    before = snapshot(uow.engine)
    for bad in (exact + b"0", b"GIF8", b"<html>", b""):
        with pytest.raises(InvalidInput):
            misuse.report_misuse(uow, staff, "x", attachments=[misuse.Attachment("f", bad)])
    assert snapshot(uow.engine) == before


def test_a_tracking_code_is_kept_only_as_its_digest(office: UnitOfWork) -> None:
    uow = office
    r = misuse.report_misuse(uow, actor(uow, "staff1"), "x", anonymous=True)
    dump = json.dumps({k: [list(map(str, row)) for row in v]
                       for k, v in snapshot(uow.engine).items()}, ensure_ascii=False)  # fmt: skip
    assert r.tracking not in dump and r.tracking.replace("-", "") not in dump
    with pytest.raises(NotFound):
        misuse.track_case(uow, r.tracking[:-1] + ("0" if r.tracking[-1] != "0" else "1"))


# ---------------------------------------------------------------- rules


def test_acknowledgement_is_audited_and_a_new_version_asks_again(office: UnitOfWork) -> None:
    uow = office
    director, staff = actor(uow, "director"), actor(uow, "staff1")
    assert rules.pending_rules(uow, staff) is None  # nothing published: nothing to ask
    rules.publish_rules(uow, director, "แนวทาง", "r.md", "# ข้อ ๑\n".encode())
    pending = rules.pending_rules(uow, staff)
    assert pending is not None and pending.info.version == 1
    rules.acknowledge_rules(uow, staff, version=1)
    assert rules.pending_rules(uow, staff) is None
    rules.publish_rules(uow, director, "แนวทาง ๒", "r.md", "# ข้อ ๒\n".encode())
    with pytest.raises(Conflict):  # the window showed version 1; version 2 is current
        rules.acknowledge_rules(uow, staff, version=1)
    with uow.read() as tx:
        acks = tx.session.execute(
            select(AuditEntry.actor, AuditEntry.entity_id).where(AuditEntry.action == "rules.ack")
        ).all()
    assert [tuple(a) for a in acks] == [("staff1", "1/staff1")]


def test_a_loan_request_needs_the_acknowledgement_only_when_required(office: UnitOfWork) -> None:
    uow = office
    admin, director, staff = actor(uow, "admin"), actor(uow, "director"), actor(uow, "staff1")
    rules.publish_rules(uow, director, "แนวทาง", "r.md", b"# rules\n")
    first = request(uow, staff, items=[LAPTOP])  # off by default
    loans.cancel_loan(uow, staff, first.loan_no)
    settings.set_setting(uow, admin, "rules.required_for_loans", "on")
    before = snapshot(uow.engine)
    with pytest.raises(RuleViolation):
        request(uow, staff, items=[LAPTOP])
    assert snapshot(uow.engine) == before
    rules.acknowledge_rules(uow, staff)
    assert request(uow, staff, items=[LAPTOP]).status == "submitted"


# ---------------------------------------------------------------- custodian, situation


def test_the_custodians_monthly_report_is_signed_off_and_audited(
    office: UnitOfWork, clock: FakeClock
) -> None:
    uow = office
    supply, director = actor(uow, "supply"), actor(uow, "director")
    draft = custodian.custodian_report(uow, 2026, 11)
    assert draft.status == "draft" and draft.figures["loans"] == 0
    v = custodian.submit_custodian_report(uow, supply, 2026, 11, "ตรวจนับครุภัณฑ์ครบ\nติดตามคืน ๑ ราย")
    assert (v.status, v.prepared_by) == ("submitted", "supply")
    with pytest.raises(Forbidden):  # the custodian reports; a superior signs
        custodian.sign_off_custodian_report(uow, supply, 2026, 11)
    head = actor(uow, "supplyhead")
    custodian.submit_custodian_report(uow, head, 2026, 10, "ตรวจแทนผู้ดูแลที่ลา")
    with pytest.raises(InvalidInput):  # not one's own report
        custodian.sign_off_custodian_report(uow, head, 2026, 10)
    clock.advance(hours=3)
    signed = custodian.sign_off_custodian_report(uow, director, 2026, 11, "รับทราบ")
    assert (signed.status, signed.signed_by, signed.signed_at) == ("signed", "director", clock.now)
    with pytest.raises(Conflict):
        custodian.submit_custodian_report(uow, supply, 2026, 11, "แก้ไข")
    with pytest.raises(Conflict):
        custodian.sign_off_custodian_report(uow, actor(uow, "admin"), 2026, 11)
    with uow.read() as tx:
        trail = tx.session.execute(
            select(AuditEntry.actor, AuditEntry.action)
            .where(AuditEntry.entity == "custodian_report")
            .order_by(AuditEntry.id)
        ).all()
    assert [tuple(t) for t in trail] == [("supply", "custodian.submit"),
                                         ("supplyhead", "custodian.submit"),
                                         ("director", "custodian.signoff")]  # fmt: skip
    pdf = custodian.custodian_report_pdf(uow, 2026, 11)
    assert pdf.startswith(b"%PDF")


def test_the_loan_situation_shows_what_is_out_and_past_the_211_deadline(
    office: UnitOfWork, clock: FakeClock
) -> None:
    uow = office
    staff, director, supply = actor(uow, "staff1"), actor(uow, "director"), actor(uow, "supply")
    loan = request(uow, staff, items=[LAPTOP])
    loans.approve_loan(uow, director, loan.loan_no)
    loans.hand_over(uow, supply, loan.loan_no)
    s = loan_situation.loan_situation(uow)
    assert (s.loans_out, s.items_out, s.overdue_loans, s.deadline_missed) == (1, 1, 0, 0)
    row = s.rows[0]
    assert (row.loan_no, row.asset_no) == (loan.loan_no, LAPTOP)
    later = row.due + dt.timedelta(days=9)
    s = loan_situation.loan_situation(uow, later)
    assert (s.overdue_loans, s.deadline_missed, s.rows[0].overdue_days) == (1, 1, 9)
    assert loan_situation.filter_rows(s.rows, overdue_only=True) == list(s.rows)
    assert loan_situation.filter_rows(s.rows, unit="ไม่มีหน่วยนี้") == []
    assert loan_situation.filter_rows(s.rows, text=LAPTOP[:6]) == list(s.rows)
    assert loan_situation.loan_situation_pdf(uow).startswith(b"%PDF")
    with uow.read() as tx:
        assert tx.session.execute(select(User.id)).first() is not None
