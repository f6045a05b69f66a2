"""CLI.md, "The citizen's phone and the LAN board", against `khetdesk serve` running as a
real process on 127.0.0.1, on SQLite and on PostgreSQL; the queue is driven through the
services from this process, as the counters' PCs would drive it."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import func, select

from db.models import AuditEntry, Ticket
from db.models_web import TicketRating
from db.uow import UnitOfWork
from desktop_app.services import tickets
from tests.support.db import actor
from tests.web.server import Server, running

LIVE_S = 2.0  # CLI.md's promise for a call to reach an open page


@pytest.fixture
def served(office, engine, tmp_path) -> Iterator[tuple[Server, UnitOfWork]]:
    real_clock = UnitOfWork(engine)  # the server reads the real time: so do these writes
    with running(
        str(engine.url.render_as_string(hide_password=False)), log=tmp_path / "serve.log"
    ) as server:
        yield server, real_clock


def secret(uow: UnitOfWork, day, code: str) -> str:
    with uow.read() as tx:
        return (
            tx.session.scalar(
                select(Ticket.web_secret).where(Ticket.business_date == day, Ticket.code == code)
            )
            or ""
        )


def wait_for(server: Server, path: str, check, timeout: float = LIVE_S) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        body = server.get(path).json()
        if check(body) or time.monotonic() > deadline:
            return body
        time.sleep(0.05)


def assert_json_error(r: httpx.Response, status: int) -> None:
    assert r.status_code == status, (r.status_code, r.text[:200])
    assert r.headers["content-type"].startswith("application/json")
    assert set(r.json()) == {"error", "message"}


def test_the_ticket_api_follows_the_queue(served) -> None:
    server, uow = served
    clerk = actor(uow, "clerk1")
    issued = [tickets.issue_ticket(uow, clerk, s) for s in ("A", "B", "A", "C")]
    day = issued[0].business_date
    path = f"/api/ticket/{day}/{issued[2].code}"
    body = wait_for(server, path, lambda b: b.get("ahead") == issued[2].ahead)
    assert body == {
        "code": "A002",
        "service": "A",
        "status": "waiting",
        "ahead": issued[2].ahead,
        "estimated_wait_min": issued[2].estimated_wait_minutes,
        "counter": None,
    }
    shown = tickets.show(uow, "A002")
    assert (body["ahead"], body["estimated_wait_min"]) == (
        shown.ahead,
        shown.estimated_wait_minutes,
    )
    # Lower-case codes are the same ticket.
    assert server.get(f"/api/ticket/{day}/a002").json()["code"] == "A002"

    t0 = time.monotonic()
    tickets.call_next(uow, clerk, 1)  # A001
    tickets.call_next(uow, clerk, 2)  # B001
    tickets.call_next(uow, clerk, 1)  # A001 served, A002 called at 1
    body = wait_for(server, path, lambda b: b["status"] == "called")
    assert time.monotonic() - t0 < LIVE_S + 1
    assert body["status"] == "called" and body["counter"] == 1 and body["ahead"] is None
    assert server.get(f"/api/ticket/{day}/A001").json()["status"] == "served"

    tickets.no_show(uow, clerk, 2)
    tickets.transfer(uow, clerk, "C001", "D")
    # No waiting: a request sees every change committed before it was sent.
    assert server.get(f"/api/ticket/{day}/B001").json()["status"] == "no_show"
    moved = server.get(f"/api/ticket/{day}/C001").json()
    assert moved["status"] == "transferred" and moved["service"] == "D"

    status = server.get("/api/status").json()
    expected = tickets.queue_status(uow)
    assert [s["code"] for s in status["services"]] == [s.code for s in expected.services]
    assert {c["number"]: c["serving"] for c in status["counters"]} == {
        c.number: c.serving for c in expected.counters
    }
    assert {s["code"]: s["waiting"] for s in status["services"]} == {
        s.code: s.waiting for s in expected.services
    }


def test_the_ticket_page_goes_live_over_sse(served) -> None:
    server, uow = served
    clerk = actor(uow, "clerk1")
    t = [tickets.issue_ticket(uow, clerk, "A") for _ in range(2)][1]
    wait_for(server, f"/api/ticket/{t.business_date}/{t.code}", lambda b: "status" in b)
    events: list[dict] = []
    opened = threading.Event()

    def listen() -> None:
        url = f"{server.base}/api/ticket/{t.business_date}/{t.code}/events"
        with httpx.stream("GET", url, timeout=10) as r:
            assert r.headers["content-type"].startswith("text/event-stream")
            opened.set()
            for line in r.iter_lines():
                if line.startswith("data:"):
                    events.append(json.loads(line[5:]))
                    if events[-1]["status"] == "called":
                        return

    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    assert opened.wait(5)
    wait_until = time.monotonic() + 5
    while not events and time.monotonic() < wait_until:
        time.sleep(0.02)
    assert events and events[0]["status"] == "waiting" and events[0]["ahead"] == 1
    t0 = time.monotonic()
    tickets.call_next(uow, clerk, 1)
    tickets.call_next(uow, clerk, 1)
    thread.join(LIVE_S + 1)
    assert events[-1]["status"] == "called" and events[-1]["counter"] == 1
    assert time.monotonic() - t0 < LIVE_S + 1


def test_the_one_write_a_rating(served, engine) -> None:
    server, uow = served
    clerk = actor(uow, "clerk1")
    t = tickets.issue_ticket(uow, clerk, "A")
    day, code = t.business_date, t.code
    k = secret(uow, day, code)
    url = f"{server.base}/api/ticket/{day}/{code}/rating"

    def stored() -> tuple[int, int]:
        with uow.read() as tx:
            return (
                tx.session.scalar(select(func.count()).select_from(TicketRating)) or 0,
                tx.session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            )

    before = stored()
    assert_json_error(httpx.post(url, json={"k": k, "score": 5}), 409)  # not served yet
    tickets.call_next(uow, clerk, 1)
    tickets.complete(uow, clerk, 1)
    before = stored()
    assert_json_error(httpx.post(url, json={"k": k + "x", "score": 5}), 403)
    assert_json_error(httpx.post(url, json={"k": k}), 400)
    assert_json_error(httpx.post(url, data={"k": k, "score": "9"}), 400)
    assert_json_error(
        httpx.post(url, content=b"{not json", headers={"content-type": "application/json"}), 400
    )
    assert stored() == before
    r = httpx.post(url, data={"k": k, "score": "5", "comment": "ดีมาก"})
    assert r.status_code == 201, r.text
    assert_json_error(httpx.post(url, json={"k": k, "score": 1}), 409)
    assert stored() == (before[0] + 1, before[1] + 1)
    page = server.get(f"/t/{day}/{code}?k={k}").text  # the server refreshed on its write
    assert "ให้คะแนนแล้ว" in page and 'id="rate" hidden' in page


def test_bad_requests_are_4xx_json_under_api_never_5xx(served) -> None:
    server, uow = served
    t = tickets.issue_ticket(uow, actor(uow, "clerk1"), "A")
    day = t.business_date
    cases = [
        ("GET", f"/api/ticket/{day}/Z999", 404),
        ("GET", f"/api/ticket/{day}/A0001x", 404),
        ("GET", f"/api/ticket/{day}/%00", 404),
        ("GET", f"/api/ticket/{day}/../../etc", 404),
        ("GET", "/api/ticket/2026-13-45/A001", 400),
        ("GET", "/api/ticket/yesterday/A001", 400),
        ("GET", "/api/ticket/2026-02-30/A001", 400),
        ("GET", "/api/ticket/99999-01-01/A001", 400),
        ("GET", f"/api/ticket/{day}", 404),
        ("GET", "/api/nothing", 404),
        ("GET", "/api/ticket/" + "9" * 5000, 414),
        ("DELETE", f"/api/ticket/{day}/A001", 405),
        ("PUT", f"/api/ticket/{day}/A001", 405),
        ("POST", "/api/status", 405),
        ("POST", f"/api/ticket/{day}/A001", 405),
        ("GET", f"/api/ticket/{day}/A001/rating", 405),
        ("PATCH", "/api/status", 405),
        ("POST", "/healthz", 405),
        ("OPTIONS", "/api/status", 405),
        ("POST", "/api/ticket/2026-99-01/A001/rating", 400),
        ("POST", f"/api/ticket/{day}/Z999/rating", 400),  # no fields: 400 before the lookup
    ]
    for method, path, status in cases:
        r = httpx.request(method, server.base + path, timeout=10)
        assert r.status_code == status, (method, path, r.status_code, r.text[:200])
        assert r.headers["content-type"].startswith("application/json"), (method, path)
        assert set(r.json()) == {"error", "message"}, (method, path)
    # A method that is no HTTP method at all is refused by the HTTP parser, before the app.
    assert 400 <= httpx.request("BREW", server.base + "/api/status").status_code < 500
    big = httpx.post(
        f"{server.base}/api/ticket/{day}/A001/rating",
        content=b"k=" + b"x" * 20000,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert_json_error(big, 413)
    r = httpx.post(f"{server.base}/api/ticket/{day}/Z999/rating", json={"k": "abc", "score": 3})
    assert_json_error(r, 404)
    # Pages answer with a page, not a traceback.
    for path, status in [(f"/t/{day}/Z999", 404), ("/t/2026-13-01/A001", 400), ("/nope", 404)]:
        r = server.get(path)
        assert r.status_code == status and "Traceback" not in r.text, path
        assert r.headers["content-type"].startswith("text/html")


def test_headers_etag_gzip_and_language(served) -> None:
    server, uow = served
    t = tickets.issue_ticket(uow, actor(uow, "clerk1"), "A")
    page = f"/t/{t.business_date}/{t.code}"
    for path in (page, "/", "/api/status", "/healthz", "/nope", "/api/nope"):
        r = server.get(path)
        assert "server" not in r.headers, path
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"], path
        assert r.headers["x-content-type-options"] == "nosniff", path
    r = server.get(page, headers={"accept-encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip"
    assert int(r.headers["content-length"]) < len(r.content) / 2
    tag = r.headers["etag"]
    again = server.get(page, headers={"if-none-match": tag})
    assert again.status_code == 304 and again.content == b""
    api = server.get(f"/api/ticket{page[2:]}")
    assert (
        server.get(
            f"/api/ticket{page[2:]}", headers={"if-none-match": api.headers["etag"]}
        ).status_code
        == 304
    )
    # Thai first; English when the browser prefers it; the toggle sticks in a cookie.
    assert 'lang="th"' in server.get(page).text and "รอเรียก" in server.get(page).text
    en = server.get(page, headers={"accept-language": "en-GB,en;q=0.9,th;q=0.5"})
    assert 'lang="en"' in en.text and "Waiting" in en.text
    assert 'lang="th"' in server.get(page, headers={"accept-language": "th,en;q=0.8"}).text
    toggled = server.get(page + "?lang=en")
    assert 'lang="en"' in toggled.text and "lang=en" in toggled.headers["set-cookie"]
    assert 'lang="en"' in server.get(page, cookies={"lang": "en"}).text
    # The page shows no rating form without the secret, and never the secret itself.
    k = secret(uow, t.business_date, t.code)
    assert k not in server.get(page).text
    health = server.get("/healthz").json()
    assert health["ok"] is True and health["database"] == "ok"


def test_the_board_shows_the_calls(served) -> None:
    server, uow = served
    clerk = actor(uow, "clerk1")
    tickets.issue_ticket(uow, clerk, "A")
    tickets.issue_ticket(uow, clerk, "B")
    tickets.call_next(uow, clerk, 2)
    board = wait_for(server, "/api/board", lambda b: bool(b["calls"]))
    assert board["calls"][0]["code"] == "A001" and board["calls"][0]["counter"] == 2
    assert board["calls"][0]["mark"] == ""
    assert {s["code"]: s["waiting"] for s in board["services"]}["B"] == 1
    html = server.get("/").text
    assert "A001" in html and "ช่อง 2" in html and "c-tag" not in html
    # A checked-in appointment that is due is called first, and tagged as on the office's board.
    with uow.write() as tx:
        due = tickets.issue_in(
            tx, clerk, "A", None, appointment_at=tx.now() - dt.timedelta(minutes=1)
        )
        tx.commit()
    assert tickets.call_next(uow, clerk, 1).code == due.code
    board = wait_for(server, "/api/board", lambda b: b["calls"][0]["code"] == due.code)
    assert [(c["code"], c["mark"]) for c in board["calls"]] == [(due.code, "appointment"),
                                                               ("A001", "")]  # fmt: skip
    assert '<span class="c-tag appointment">นัดหมาย</span>' in server.get("/").text
    assert '<span class="c-tag appointment">Appointment</span>' in server.get("/?lang=en").text


def test_the_rating_posts_are_limited_per_address(served) -> None:
    server, uow = served
    t = tickets.issue_ticket(uow, actor(uow, "clerk1"), "A")
    url = f"{server.base}/api/ticket/{t.business_date}/{t.code}/rating"
    answers = [httpx.post(url, json={"k": "wrong", "score": 3}).status_code for _ in range(12)]
    assert answers[:10] == [403] * 10 and answers[10:] == [429, 429]
    with uow.read() as tx:  # the limit is the server's: nothing was stored
        assert tx.session.scalar(select(func.count()).select_from(TicketRating)) == 0


def test_a_request_sees_every_change_committed_before_it(office, engine, tmp_path) -> None:
    """The background poll serves the live streams; a plain request must not wait for it.
    With the poll slowed to a minute, answers are still up to date."""
    uow = UnitOfWork(engine)
    clerk = actor(uow, "clerk1")
    url = engine.url.render_as_string(hide_password=False)
    with running(url, log=tmp_path / "serve.log", KHETDESK_WEB_POLL_S="60") as server:
        t = tickets.issue_ticket(uow, clerk, "A")
        api = f"/api/ticket/{t.business_date}/{t.code}"
        assert server.get(api).json()["status"] == "waiting"
        tickets.call_next(uow, clerk, 1)
        assert server.get(api).json()["status"] == "called"
        assert server.get("/api/status").json()["counters"][0]["serving"] == t.code
        assert server.get("/api/board").json()["calls"][0]["code"] == t.code
        tickets.complete(uow, clerk, 1)
        assert server.get(api).json()["status"] == "served"
        assert "ให้บริการเรียบร้อยแล้ว" in server.get(f"/t/{t.business_date}/{t.code}").text
