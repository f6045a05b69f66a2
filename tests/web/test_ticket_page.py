"""services.ticket_page on SQLite and PostgreSQL: a day's ticket pages read in one snapshot
agree with `ticket show` ticket by ticket; the rating's refusals change nothing; every
insert path gets a secret; migration 0007 gives old tickets one each; the QR carries the
page's address when web.base_url is set."""

from __future__ import annotations

import datetime as dt

import pytest
import zxingcpp
from sqlalchemy import insert, select, text

from db import migrate
from db.engine import make_engine
from db.models import AuditEntry, Ticket
from db.models_web import TicketRating
from db.readonly import make_read_only_engine
from db.uow import UnitOfWork
from desktop_app.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from desktop_app.services import printer, settings, ticket_page, tickets
from desktop_app.services.ticket_page import WebStatus
from tests.support.db import actor, snapshot


def _secret(uow: UnitOfWork, code: str) -> str:
    with uow.read() as tx:
        return tx.session.scalar(select(Ticket.web_secret).where(Ticket.code == code)) or ""


def _busy_day(uow: UnitOfWork, clock) -> None:
    clerk = actor(uow, "clerk1")
    for service, prio in [
        ("A", None),
        ("B", None),
        ("A", "elderly"),
        ("C", None),
        ("D", None),
        ("A", None),
        ("B", "monk"),
        ("C", None),
        ("A", None),
        ("D", None),
    ]:
        tickets.issue_ticket(uow, clerk, service, prio)
        clock.advance(minutes=2)
    for counter in (1, 3, 1, 4):
        tickets.call_next(uow, clerk, counter)
        clock.advance(minutes=7)
    tickets.complete(uow, clerk, 1)
    tickets.call_next(uow, clerk, 2)
    tickets.no_show(uow, clerk, 2)
    tickets.transfer(uow, clerk, "B001", "C")


def test_the_day_snapshot_agrees_with_ticket_show(office, clock) -> None:
    _busy_day(office, clock)
    snap = ticket_page.day_snapshot(office)
    assert len(snap.tickets) == 10
    for code, state in snap.tickets.items():
        shown = tickets.show(office, code)
        assert (state.ahead, state.estimated_wait_min) == (
            shown.ahead,
            shown.estimated_wait_minutes,
        ), code
        assert state.counter == (shown.counter if shown.status == "called" else None), code
    statuses = {s.status for s in snap.tickets.values()}
    assert statuses == {
        WebStatus.WAITING,
        WebStatus.CALLED,
        WebStatus.SERVED,
        WebStatus.NO_SHOW,
        WebStatus.TRANSFERRED,
    }
    assert snap.tickets["B001"].status == WebStatus.TRANSFERRED
    assert snap.tickets["B001"].service == "C"
    assert set(snap.tickets["A001"].api()) == {
        "code",
        "service",
        "status",
        "ahead",
        "estimated_wait_min",
        "counter",
    }


def test_a_rating_once_per_served_ticket_and_refusals_change_nothing(office, clock) -> None:
    _busy_day(office, clock)
    day = ticket_page.day_snapshot(office).business_date
    served = next(
        c
        for c, s in ticket_page.day_snapshot(office).tickets.items()
        if s.status == WebStatus.SERVED
    )
    waiting = next(
        c
        for c, s in ticket_page.day_snapshot(office).tickets.items()
        if s.status == WebStatus.WAITING
    )
    k = _secret(office, served)
    before = snapshot(office.engine)
    refusals = [
        (InvalidInput, (day, served, k, 0)),
        (InvalidInput, (day, served, k, "6")),
        (InvalidInput, (day, served, k, True)),
        (InvalidInput, (day, served, k, "x")),
        (InvalidInput, (day, served, "", 5)),
        (NotFound, (day, "Z999", k, 5)),
        (NotFound, (day - dt.timedelta(days=1), served, k, 5)),
        (Forbidden, (day, served, k + "x", 5)),
        (Forbidden, (day, served, k.upper() + "0", 5)),
        (Conflict, (day, waiting, _secret(office, waiting), 5)),
    ]
    for error, args in refusals:
        with pytest.raises(error):
            ticket_page.rate_ticket(office, *args)
    assert snapshot(office.engine) == before
    view = ticket_page.rate_ticket(office, day, served.lower(), k, "4", "  เร็วดี  ")
    assert (view.score, view.comment) == (4, "เร็วดี")
    after_first = snapshot(office.engine)
    with pytest.raises(Conflict):
        ticket_page.rate_ticket(office, day, served, k, 5)
    assert snapshot(office.engine) == after_first
    with office.read() as tx:
        rows = tx.session.scalars(select(TicketRating)).all()
        entry = tx.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "ticket.rate")
        ).one()
    assert [(r.score, r.comment) for r in rows] == [(4, "เร็วดี")]
    assert entry.actor == ticket_page.WEB_ACTOR and entry.entity_id == f"{day}/{served}"
    assert ticket_page.day_snapshot(office).tickets[served].rated


def test_every_insert_path_gets_its_own_secret(office, clock) -> None:
    a = tickets.issue_ticket(office, actor(office, "clerk1"), "A")
    with office.engine.begin() as conn:  # a Core insert, as a bulk import would do
        sid = conn.execute(text("SELECT service_id FROM tickets")).scalar()
        conn.execute(
            insert(Ticket.__table__).values(
                business_date=a.business_date,
                issued_service_id=sid,
                service_id=sid,
                number=900,
                code="A900",
                priority_rank=1,
                status="waiting",
                issued_at=clock.now,
            )
        )
    secrets = {_secret(office, "A001"), _secret(office, "A900")}
    assert len(secrets) == 2 and all(len(s) == 16 for s in secrets)


def test_migration_0007_gives_existing_tickets_a_secret(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    from alembic import command

    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    uow = UnitOfWork(engine)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO services (code, name, name_en, prefix, standard_minutes,"
                " active) VALUES ('A', 'a', 'a', 'A', 10, 1)"
            )
        )
        for n in (1, 2, 3):
            conn.execute(
                text(
                    "INSERT INTO tickets (business_date, issued_service_id, service_id, number,"
                    " code, priority_rank, status, issued_at, recall_count, transfer_count,"
                    " printed)"
                    f" VALUES ('2026-11-24', 1, 1, {n}, 'A00{n}', 1, 'done', '2026-11-24 02:00:00',"
                    " 0, 0, 0)"
                )
            )
    migrate.upgrade(engine)
    with uow.read() as tx:
        found = list(tx.session.scalars(select(Ticket.web_secret)))
    assert len(found) == 3 and len(set(found)) == 3 and all(found)
    engine.dispose()


def test_the_read_only_engine_refuses_writes(office, db_url) -> None:
    ro = make_read_only_engine(db_url)
    try:
        uow = UnitOfWork(ro)
        assert ticket_page.head(uow)[0] > 0
        with pytest.raises(Exception, match=r"(?i)read.?only"), ro.begin() as conn:
            conn.execute(text("DELETE FROM settings"))
    finally:
        ro.dispose()


@pytest.mark.gui
def test_the_qr_carries_the_page_address_when_web_base_url_is_set(qapp, office) -> None:
    admin = actor(office, "admin")
    t = tickets.issue_ticket(office, actor(office, "clerk1"), "A")

    def qr() -> list[str]:
        raster = printer.ticket_raster(office, tickets.show(office, t.code))
        return [r.text for r in zxingcpp.read_barcodes(raster.to_pil().convert("L"))]

    assert qr() == [f"khetdesk:ticket:{t.business_date}:{t.code}"]
    settings.set_setting(office, admin, "web.base_url", "http://10.0.0.2:8080/")
    url = f"http://10.0.0.2:8080/t/{t.business_date}/{t.code}?k={_secret(office, t.code)}"
    assert qr() == [url]
    assert ticket_page.ticket_link(office, t.business_date, t.code) == url
    with pytest.raises(InvalidInput):
        settings.set_setting(office, admin, "web.base_url", "ftp://x")
