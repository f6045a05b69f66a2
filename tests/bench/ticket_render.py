"""Time to draw a ticket and encode it as an ESC/POS job, and the job's size, for 58 mm
(384 dots) and 80 mm (576 dots) paper (issue item 4).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench --only ticket_render

"render" is QPainter → 1-bit raster; "encode" is python-escpos building ESC @ + GS v 0 +
cut; the bytes are what goes down the wire per ticket (plus six bytes of status questions
on two-way connections). Each render+encode figure carries the render alone as its
baseline, so the ratio shows what the encoding adds. Two tickets: a typical one and the
longest the office prints (priority lane, names on two lines). Each run draws another
ticket of the same service (its own code, QR, waiting figures and time: ``ticket``), so
nothing a ticket says of itself comes from a cache.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator

from printing.escpos_out import build_job
from printing.qt import ensure_gui_app
from printing.ticket_render import TicketContent, render_ticket
from tests.bench.harness import Figure

TYPICAL = TicketContent(
    office_name="สำนักงานเขตตลิ่งชัน",
    service_name="งานทะเบียนราษฎร",
    service_subtitle="Civil registration",
    code="A042",
    issued_at="24/11/2569 09:41",
    qr_content="khetdesk:ticket:2026-11-24:A042",
    ahead=7,
    wait_minutes=35,
    footer="ขอบคุณที่ใช้บริการ",
)
LONGEST = dataclasses.replace(
    TYPICAL,
    office_name="สำนักงานเขตบางรัก กรุงเทพมหานคร",
    service_name="งานทะเบียนราษฎร์ ผู้สูงอายุ น้ำ ปั้น ที่",
    priority_label="ผู้สูงอายุ",
)


def ticket(content: TicketContent, i: int) -> TicketContent:
    """The ``i``-th ticket of a morning: its own code and QR, its own waiting figures and
    time. What stays the same from ticket to ticket (office, service, footer) may be drawn
    once; what a ticket says of itself is drawn for it."""
    code = f"{content.code[0]}{i % 999 + 1:03d}"
    return dataclasses.replace(
        content, code=code, qr_content=f"khetdesk:ticket:2026-11-24:{code}", ahead=i % 60,
        wait_minutes=5 * (i % 60), issued_at=f"24/11/2569 {9 + i // 60 % 8:02d}:{i % 60:02d}",
    )  # fmt: skip


def _measure(content: TicketContent, width: int, n: int) -> tuple[
    tuple[float, ...], tuple[float, ...], int]:  # fmt: skip
    render_ms, total_ms, size = [], [], 0
    for i in range(n):
        one = ticket(content, i)
        t0 = time.perf_counter()
        raster = render_ticket(one, width)
        t1 = time.perf_counter()
        size = len(build_job(raster, "default"))
        t2 = time.perf_counter()
        render_ms.append((t1 - t0) * 1000)
        total_ms.append((t2 - t0) * 1000)
    return tuple(render_ms), tuple(total_ms), size


def benchmarks(smoke: bool) -> Iterator[Figure]:
    n = 2 if smoke else 200
    ensure_gui_app()
    render_ticket(TYPICAL, 576)  # fonts loaded, python-escpos imported: not timed
    build_job(render_ticket(TYPICAL, 384), "default")
    for name, content in (("typical", TYPICAL), ("priority, 2-line names", LONGEST)):
        for width, paper in ((384, "58 mm"), (576, "80 mm")):
            render, total, size = _measure(content, width, n)
            label = f"ticket {paper} ({width} dots), {name}"
            yield Figure(f"{label}: render+encode", "ms", total,
                         baseline=Figure(f"{label}: render alone", "ms", render),
                         extra={"bytes": size})  # fmt: skip
            yield Figure(f"{label}: ESC/POS job size", "bytes", (float(size),))


if __name__ == "__main__":
    from tests.bench.__main__ import main

    raise SystemExit(main(["--only", "ticket_render"]))
