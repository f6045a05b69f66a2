"""Time to draw a ticket and encode it as an ESC/POS job, and the job's size, for 58 mm
(384 dots) and 80 mm (576 dots) paper.

    .venv/bin/python -m tests.bench.ticket_render [--n 200]

Not part of `make test`. "render" is QPainter → 1-bit raster; "encode" is python-escpos
building ESC @ + GS v 0 + cut; the bytes are what goes down the wire per ticket (plus six
bytes of status questions on two-way connections).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time

from printing.escpos_out import build_job
from printing.qt import ensure_gui_app
from printing.ticket_render import TicketContent, render_ticket

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


def _measure(content: TicketContent, width: int, n: int) -> tuple[list[float], list[float], int]:
    render_ms, total_ms, size = [], [], 0
    for _ in range(n):
        t0 = time.perf_counter()
        raster = render_ticket(content, width)
        t1 = time.perf_counter()
        size = len(build_job(raster, "default"))
        t2 = time.perf_counter()
        render_ms.append((t1 - t0) * 1000)
        total_ms.append((t2 - t0) * 1000)
    return render_ms, total_ms, size


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args()
    ensure_gui_app()
    render_ticket(TYPICAL, 576)  # fonts loaded, python-escpos imported: not timed
    build_job(render_ticket(TYPICAL, 384), "default")
    for name, content in (("typical", TYPICAL), ("priority, 2-line names", LONGEST)):
        for width, paper in ((384, "58 mm"), (576, "80 mm")):
            render, total, size = _measure(content, width, args.n)
            median = statistics.median(total)
            print(
                f"{paper} {width} dots {name:<24} render+encode median {median:6.2f} ms"
                f"  p90 {_p90(total):6.2f} ms  (render alone median "
                f"{statistics.median(render):6.2f} ms)  {size:,} bytes/ticket  (n={args.n})"
            )


if __name__ == "__main__":
    main()
