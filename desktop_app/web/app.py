"""The ASGI application of ``khetdesk serve``: the LAN board, the citizen's ticket page, the
JSON API and the one write (a rating). Starlette routes, Jinja2 pages, Server-Sent Events
through sse-starlette; uvicorn serves it (desktop_app/web/server.py).

Every answer has a status code and a small body: JSON under ``/api`` and ``/healthz``,
a plain page elsewhere; never a traceback, never a server banner."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import re
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from anyio import to_thread
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sse_starlette import EventSourceResponse
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from db.uow import UnitOfWork
from desktop_app.domain.errors import KhetDeskError
from desktop_app.services import ticket_page
from desktop_app.services.ticket_page import TicketState
from desktop_app.web.hub import Hub
from desktop_app.web.texts import LANGS, TEXTS, choose_lang, date_text

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
RESOURCES = Path(__file__).resolve().parents[2] / "resources"
CHIME = RESOURCES / "sounds" / "chime.wav"
FONTS = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf")  # Thai on a TV or phone without it
STATIC_CACHE = {"cache-control": "public, max-age=86400"}
MAX_PATH = 512  # characters of a request path
MAX_BODY = 4096  # bytes of a request body (a rating is a few hundred)
RATING_POSTS = 10  # POSTs per client address …
RATING_WINDOW_S = 600.0  # … per ten minutes
SSE_PING_S = 15
POLL_FALLBACK_S = 5
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE = re.compile(r"^[A-Za-z0-9]{1,8}$")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; "
    "img-src 'self' data:; "
    "media-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # The ticket's secret is in the page's address: never send it on to another site.
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


# ---------------------------------------------------------------- answers


def _error_json(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message[:480]}, status_code=status)


_HTTP_CODES = {
    400: "invalid",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    414: "uri_too_long",
    429: "rate_limited",
    503: "unavailable",
}


def _wants_json(path: str) -> bool:
    return path.startswith("/api") or path == "/healthz"


class Guard:
    """Pure ASGI, outermost: refuses oversized paths, unknown methods and oversized bodies
    before any routing, and puts the security headers on every answer (and no banner)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secure(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"server"]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        path: str = scope.get("path", "")
        refusal = None
        if len(path) > MAX_PATH or len(scope.get("query_string", b"")) > MAX_PATH:
            refusal = (414, "ที่อยู่ยาวเกินไป (the address is too long)")
        elif scope["method"] not in ("GET", "HEAD", "POST"):
            refusal = (405, f"ไม่รองรับ {scope['method'][:10]} (method not allowed)")
        else:
            length = dict(scope.get("headers", [])).get(b"content-length")
            if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
                refusal = (413, "ข้อมูลที่ส่งมาใหญ่เกินไป (request body too large)")
        if refusal is not None:
            status, message = refusal
            response: Response = _error_json(status, _HTTP_CODES[status], message)
            if not _wants_json(path):
                response = _plain_page(status, message)
            await response(scope, receive, send_secure)
            return

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY:
                    raise HTTPException(413, "request body too large")
            return message

        await self.app(scope, limited_receive, send_secure)


def _plain_page(status: int, message: str) -> Response:
    body = (
        "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>"
        f"<title>{status}</title><p style='font:1.2rem sans-serif;margin:2rem'>{status} · "
        f"{_escape(message)}</p>"
    )
    return Response(body, status_code=status, media_type="text/html; charset=utf-8")


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _etagged(
    request: Request, body: bytes, media_type: str, headers: dict[str, str] | None = None
) -> Response:
    """200 with an ETag, or 304 when the browser has this very body already."""
    tag = f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'
    common = {"etag": tag, "cache-control": "no-cache", **(headers or {})}
    inm = request.headers.get("if-none-match", "")
    if tag in [t.strip().removeprefix("W/") for t in inm.split(",")]:
        return Response(status_code=304, headers=common)
    return Response(body, media_type=media_type, headers=common)


def _json_bytes(value: Any) -> bytes:
    return json.dumps(_jsonable(value), ensure_ascii=False, separators=(",", ":")).encode()


def _jsonable(v: Any) -> Any:
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return {f.name: _jsonable(getattr(v, f.name)) for f in dataclasses.fields(v)}
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return v


# ---------------------------------------------------------------- the application


class RateLimiter:
    """At most ``limit`` events per ``window`` seconds per key (a client address)."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self._seen: dict[str, deque[float]] = defaultdict(deque)

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        seen = self._seen[key]
        while seen and now - seen[0] > self.window:
            seen.popleft()
        if len(seen) >= self.limit:
            return False
        seen.append(now)
        if len(self._seen) > 10_000:  # forget idle addresses
            for k in [k for k, q in self._seen.items() if not q or now - q[-1] > self.window]:
                del self._seen[k]
        return True


def create_app(
    read_uow: UnitOfWork,
    write_uow: UnitOfWork,
    *,
    poll_s: float | None = None,
    queries: Callable[[], int] | None = None,
) -> Starlette:
    hub = Hub(read_uow) if poll_s is None else Hub(read_uow, poll_s)
    limiter = RateLimiter(RATING_POSTS, RATING_WINDOW_S)
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def lang_of(request: Request) -> str:
        return choose_lang(
            request.query_params.get("lang"),
            request.cookies.get("lang"),
            request.headers.get("accept-language"),
        )

    def render(request: Request, template: str, status: int = 200, **values: Any) -> Response:
        lang = lang_of(request)
        texts = TEXTS[lang]
        other = "en" if lang == "th" else "th"
        query = {"lang": other}
        k = request.query_params.get("k", "")
        if _safe_param(k):
            query = {"k": k, **query}
        toggle = request.url.path + "?" + urlencode(query)
        body = env.get_template(template).render(
            lang=lang, t=texts, texts_json=json.dumps(texts, ensure_ascii=False),
            toggle=toggle, **values,
        ).encode()  # fmt: skip
        headers = {"vary": "Accept-Language, Cookie", "content-language": lang}
        if status != 200:
            return Response(body, status, headers=headers, media_type="text/html; charset=utf-8")
        response = _etagged(request, body, "text/html; charset=utf-8", headers)
        if request.query_params.get("lang") in LANGS:
            response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
        return response

    def state_or_503() -> Any:
        # Never an old answer as if it were today's: while the database cannot be read
        # (the last poll failed), pages and the API say so.
        if hub.state is None or hub.error is not None:
            raise HTTPException(503, "ระบบขัดข้องชั่วคราว (temporarily unavailable)")
        return hub.state

    def parse_path(request: Request) -> tuple[dt.date, str]:
        raw_day, raw_code = request.path_params["day"], request.path_params["code"]
        try:
            if not _DATE.fullmatch(raw_day):
                raise ValueError
            day = dt.date.fromisoformat(raw_day)
        except ValueError:
            raise HTTPException(
                400, f"วันที่ต้องเป็น YYYY-MM-DD (the date must be YYYY-MM-DD, got '{raw_day[:20]}')"
            ) from None
        if not _CODE.fullmatch(raw_code):
            raise HTTPException(404, f"ไม่พบบัตรคิว {raw_code[:12]} (no such ticket)")
        return day, raw_code.upper()

    async def find(request: Request) -> TicketState:
        day, code = parse_path(request)
        try:
            found = await hub.ticket(day, code, fresh=True)
        except Exception:
            raise HTTPException(503, "ระบบขัดข้องชั่วคราว (temporarily unavailable)") from None
        state_or_503()
        if found is None:
            raise HTTPException(404, f"ไม่พบบัตรคิว {code} ของวันที่ {day.isoformat()} (no such ticket)")
        return found

    # ------------------------------------------------------------ pages

    async def board_page(request: Request) -> Response:
        await hub.refresh()
        state = state_or_503()
        lang = lang_of(request)
        return render(
            request, "board.html", board=_board_json(state.board),
            office=state.snapshot.office_name_en if lang == "en" else state.snapshot.office_name,
            date=date_text(state.snapshot.business_date, lang),
        )  # fmt: skip

    async def ticket_html(request: Request) -> Response:
        try:
            ticket = await find(request)
        except HTTPException as e:
            lang = lang_of(request)
            key = {400: "bad_request", 404: "not_found"}.get(e.status_code, "unavailable")
            return render(request, "missing.html", e.status_code, message=TEXTS[lang][key])
        state = state_or_503()
        lang = lang_of(request)
        k = request.query_params.get("k", "")
        return render(
            request, "ticket.html", ticket=ticket, data=ticket_json(ticket),
            k=k if _safe_param(k) else "", poll_s=POLL_FALLBACK_S,
            office=state.snapshot.office_name_en if lang == "en" else state.snapshot.office_name,
            date=date_text(ticket.business_date, lang),
        )  # fmt: skip

    # ------------------------------------------------------------ the API

    async def api_status(request: Request) -> Response:
        await hub.refresh()
        return _etagged(request, _json_bytes(state_or_503().status), "application/json")

    async def api_board(request: Request) -> Response:
        await hub.refresh()
        state = state_or_503()
        return _etagged(request, _json_bytes(_board_json(state.board)), "application/json")

    async def api_ticket(request: Request) -> Response:
        ticket = await find(request)
        return _etagged(request, _json_bytes(ticket.api()), "application/json")

    def ticket_json(t: TicketState) -> dict[str, Any]:
        return {**t.api(), "counter_name": t.counter_name, "rated": t.rated,
                "service_name": t.service_name, "service_name_en": t.service_name_en}  # fmt: skip

    async def ticket_events(request: Request) -> Response:
        first = await find(request)
        day, code = first.business_date, first.code

        async def stream() -> AsyncIterator[dict[str, str]]:
            last = None
            hub.clients += 1
            try:
                while True:
                    try:
                        t = await hub.ticket(day, code)
                    except Exception:
                        t = None
                    if t is not None:
                        data = json.dumps(ticket_json(t), ensure_ascii=False)
                        if data != last:
                            last = data
                            yield {"event": "ticket", "data": data}
                    await hub.wait_change()
            finally:
                hub.clients -= 1

        return EventSourceResponse(stream(), ping=SSE_PING_S, headers={"cache-control": "no-cache"})

    async def board_events(request: Request) -> Response:
        state_or_503()

        async def stream() -> AsyncIterator[dict[str, str]]:
            last = None
            hub.clients += 1
            try:
                while True:
                    if hub.state is not None:
                        data = json.dumps(_board_json(hub.state.board), ensure_ascii=False)
                        if data != last:
                            last = data
                            yield {"event": "board", "data": data}
                    await hub.wait_change()
            finally:
                hub.clients -= 1

        return EventSourceResponse(stream(), ping=SSE_PING_S, headers={"cache-control": "no-cache"})

    async def rate(request: Request) -> Response:
        day, code = parse_path(request)
        client = request.client.host if request.client else "?"
        if not limiter.allow(client):
            raise HTTPException(429, "ส่งบ่อยเกินไป กรุณารอสักครู่ (too many ratings from here)")
        fields = await _fields(request)
        k, score = fields.get("k"), fields.get("score")
        comment = fields.get("comment") or ""
        if not isinstance(k, str) or not k or score is None or not isinstance(comment, str):
            raise HTTPException(400, "ต้องระบุ k และ score (fields k and score are required)")
        try:
            view = await to_thread.run_sync(
                ticket_page.rate_ticket, write_uow, day, code, k, score, comment
            )
        except KhetDeskError as e:
            status = {"invalid": 400, "rule": 400, "forbidden": 403, "auth": 403,
                      "not_found": 404, "conflict": 409}.get(e.code, 503)  # fmt: skip
            return _error_json(status, e.code if status != 503 else "unavailable", str(e))
        await hub.refresh(max_age=0)  # the page shows "rated" at once
        return JSONResponse(
            {"code": view.code, "date": view.business_date.isoformat(), "score": view.score},
            status_code=201,
        )

    async def healthz(request: Request) -> Response:
        body = hub.health()
        if queries is not None:
            body["queries"] = queries()
        return JSONResponse(body, status_code=200 if body["ok"] else 503,
                            headers={"cache-control": "no-store"})  # fmt: skip

    async def ping(request: Request) -> Response:
        """A bare constant answer through the same stack (the benchmark's baseline)."""
        return Response(b"ok\n", media_type="text/plain")

    async def chime(request: Request) -> Response:
        return FileResponse(CHIME, media_type="audio/wav", headers=STATIC_CACHE)

    async def font(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in FONTS:
            raise HTTPException(404)
        return FileResponse(RESOURCES / "fonts" / name, media_type="font/ttf", headers=STATIC_CACHE)

    # ------------------------------------------------------------ errors

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        status = exc.status_code
        detail = exc.detail if isinstance(exc.detail, str) else ""
        if status == 405:
            detail = "ไม่รองรับวิธีนี้ (method not allowed)"
        elif status == 404 and not detail.startswith("ไม่พบ"):
            detail = "ไม่พบหน้านี้ (not found)"
        headers = dict(exc.headers or {})
        if _wants_json(request.url.path):
            response: Response = _error_json(status, _HTTP_CODES.get(status, "error"), detail)
        else:
            response = _plain_page(status, detail)
        response.headers.update(headers)
        return response

    async def crash(request: Request, exc: Exception) -> Response:
        log.error("unexpected error on %s", request.url.path[:100], exc_info=exc)
        if _wants_json(request.url.path):
            return _error_json(500, "internal", "เกิดข้อผิดพลาด (internal error)")
        return _plain_page(500, "เกิดข้อผิดพลาด (internal error)")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await hub.start()
        try:
            yield
        finally:
            await hub.stop()
            close(app)

    day_code = "{day:str}/{code:str}"
    routes = [
        Route("/", board_page, methods=["GET"]),
        Route(f"/t/{day_code}", ticket_html, methods=["GET"]),
        Route("/api/status", api_status, methods=["GET"]),
        Route("/api/board", api_board, methods=["GET"]),
        Route("/api/board/events", board_events, methods=["GET"]),
        Route(f"/api/ticket/{day_code}", api_ticket, methods=["GET"]),
        Route(f"/api/ticket/{day_code}/events", ticket_events, methods=["GET"]),
        Route(f"/api/ticket/{day_code}/rating", rate, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/ping", ping, methods=["GET"]),
        Route("/static/chime.wav", chime, methods=["GET"]),
        Route("/static/font/{name:str}", font, methods=["GET"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        debug=False,
        routes=routes,
        middleware=[Middleware(Guard), Middleware(GZipMiddleware, minimum_size=600)],
        exception_handlers={HTTPException: http_error, Exception: crash},
        lifespan=lifespan,
    )
    app.state.hub = hub
    app.state.engines = (read_uow.engine, write_uow.engine)
    return app


def close(app: Starlette) -> None:
    """The database connections of ``app``, closed (at shutdown)."""
    for engine in app.state.engines:
        engine.dispose()


def _safe_param(v: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9_-]{1,64}", v))


def _board_json(board: Any) -> dict[str, Any]:
    return {
        "business_date": board.business_date.isoformat(),
        "revision": board.revision,
        "calls": [
            {"code": c.code, "counter": c.counter, "counter_name": c.counter_name,
             "service": c.service, "called_at": c.called_at.isoformat(),
             "recall_count": c.recall_count, "status": c.status, "mark": c.mark}
            for c in board.calls
        ],
        "services": [
            {"code": s.code, "name": s.name, "name_en": s.name_en, "waiting": s.waiting}
            for s in board.services
        ],
    }  # fmt: skip


async def _fields(request: Request) -> dict[str, Any]:
    """The rating's fields from JSON or a form; an unreadable body is a 400."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if kind == "application/json":
            value = json.loads(await request.body() or b"null")
            if not isinstance(value, dict):
                raise ValueError
            return value
        if kind == "application/x-www-form-urlencoded":
            pairs = parse_qsl((await request.body()).decode("utf-8"), max_num_fields=10)
            return dict(pairs)
    except HTTPException:
        raise
    except Exception:
        raise HTTPException(400, "อ่านข้อมูลที่ส่งมาไม่ได้ (unreadable body)") from None
    raise HTTPException(400, "ต้องส่งเป็นฟอร์มหรือ JSON (send a form or JSON)")


Handler = Callable[[Request], Awaitable[Response]]
