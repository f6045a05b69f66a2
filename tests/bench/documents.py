"""Printed documents: one loan record, and the loan register of 5,000 loans (median).

    .venv/bin/python -m tests.bench --only documents
    .venv/bin/python -m tests.bench.documents [--loans 5000] [--runs 3]

Both figures are the whole use case of desktop_app.services.documents on SQLite in a temp
directory: read through the unit of work, build the content, lay out and write the PDF.

- *loan record*: one loan made through the service layer (request, approve, hand over),
  ``loan_record_pdf`` timed 20 times (3 in the smoke run).
- *register*: 5,000 loans are written straight into the demo office's tables with the ORM
  (borrowers, loans with one to three items each, half of them returned), not through the
  request/approve/hand-over services, which would take minutes and are not what is
  measured here; then ``loan_register_pdf`` over the whole range is timed. ``extra`` splits
  a run into the database read and the layout, and gives the pages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pypdf
from sqlalchemy import select

from db.engine import make_engine
from db.models import Asset, Borrower, Loan, LoanItem, User
from db.uow import UnitOfWork
from desktop_app.services import documents, loans
from desktop_app.services.auth import authenticate
from desktop_app.services.setup import init_database
from printing.pdf.loan_register import render_loan_register
from tests.bench.harness import Figure, timed_ms
from tests.support.loans import LAPTOP, request

PURPOSES = ("ใช้ในการประชุมชี้แจงโครงการของสำนักงานเขต", "ออกหน่วยบริการเคลื่อนที่",
            "อบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน", "จัดงานวันเด็กแห่งชาติ")  # fmt: skip


def _office(tmp: Path, name: str) -> UnitOfWork:
    engine = make_engine(f"sqlite:///{tmp}/{name}.db", create=True)
    init_database(engine, demo=True)
    return UnitOfWork(engine)


def seed_loans(uow: UnitOfWork, count: int) -> None:
    """``count`` loans of the demo office's durable assets, written with the ORM."""
    now = dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.UTC)
    with uow.write() as tx:
        s = tx.session
        assets = s.execute(select(Asset).where(Asset.kind == "durable")).scalars().all()
        director = s.execute(select(User).where(User.username == "director")).scalar_one()
        borrowers = []
        for i in range(40):
            b = Borrower(kind="person", name=f"ผู้ยืมทดสอบ {i:02d} ใจดี", position="นักวิชาการ",
                         unit=f"ฝ่ายที่ {i % 7}", created_at=now)  # fmt: skip
            s.add(b)
            borrowers.append(b)
        s.flush()
        for i in range(count):
            start = dt.date(2025, 10, 1) + dt.timedelta(days=i % 360)
            returned = i % 2 == 0
            loan = Loan(
                loan_no=f"ยม.{i + 1:04d}/2569", fiscal_year=2569, seq=i + 1, kind="durable",
                borrower_id=borrowers[i % len(borrowers)].id, clause="208(3)",
                approver_role="agency_head", purpose=PURPOSES[i % len(PURPOSES)],
                official_use=True, urgent=False, place="off_premises", place_detail="",
                start_on=start, due_on=start + dt.timedelta(days=5),
                status="closed" if returned else "on_loan", requested_at=now,
                decided_by_id=director.id, decided_at=now, decision_note="", handed_over_at=now,
                returned_at=now if returned else None, closed_at=now if returned else None,
            )  # fmt: skip
            s.add(loan)
            for k in range(1 + i % 3):
                a = assets[(i + k) % len(assets)]
                loan.items.append(LoanItem(
                    asset_id=a.id, qty=1, condition_out="good", returned_qty=int(returned),
                    condition_in="good" if returned else None,
                    returned_at=now if returned else None,
                ))  # fmt: skip
        tx.commit()


def loan_record_figure(tmp: Path, runs: int) -> Figure:
    uow = _office(tmp, "record")
    supply = authenticate(uow, "supply", "demo")
    v = request(uow, authenticate(uow, "staff1", "demo"), items=[LAPTOP])
    loans.approve_loan(uow, authenticate(uow, "director", "demo"), v.loan_no)
    loans.hand_over(uow, supply, v.loan_no)
    pdf = documents.loan_record_pdf(uow, v.loan_no)
    texts = _page_texts(pdf)
    times = timed_ms(runs, lambda: documents.loan_record_pdf(uow, v.loan_no))
    bare = timed_ms(runs, lambda: bare_reportlab(texts))
    uow.engine.dispose()
    baseline = Figure(f"bare reportlab: the record's {len(texts)} lines as paragraphs", "ms",
                      bare)  # fmt: skip
    return Figure("SQLite: loan record PDF (one loan)", "ms", times, baseline=baseline,
                  extra={"pdf_bytes": len(pdf)},
                  note="loan_record_pdf: read, content, layout, bytes")  # fmt: skip


def bare_reportlab(texts: list[str]) -> bytes:
    """The baseline: the same Thai text as plain reportlab paragraphs (Sarabun, shaped), one
    after another on A4 — no tables, QR, headers or line-breaking of ours. The ratio is what
    the document's layout adds to reportlab shaping and flowing the same text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from printing.pdf.base import styles

    body = styles()["body"]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=1)
    doc.build([Paragraph(t, body) for t in texts])
    return out.getvalue()


def _page_texts(pdf: bytes) -> list[str]:
    lines = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        lines += [line for line in page.extract_text().splitlines() if line.strip()]
    return lines


def _count_progress(done: int, total: int) -> None:
    """The register is timed with a progress callback, as the windows call it."""


def register_figure(tmp: Path, count: int, runs: int) -> Figure:
    uow = _office(tmp, "register")
    seed_loans(uow, count)
    totals, reads, layouts, bare, pages, size = [], [], [], [], 0, 0
    for _ in range(runs):
        t0 = time.perf_counter()
        with uow.read() as tx:
            content = documents.loan_register(tx, None, None)
        t1 = time.perf_counter()
        pdf = render_loan_register(content, _count_progress)
        t2 = time.perf_counter()
        assert len(content.lines) == count
        totals.append(t2 - t0)
        reads.append(t1 - t0)
        layouts.append(t2 - t1)
        size = len(pdf)
        pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
        texts = [" ".join((ln.loan_no, ln.borrower, ln.unit, ln.items, ln.purpose, ln.approver,
                           ln.condition, ln.status)) for ln in content.lines]  # fmt: skip
        t3 = time.perf_counter()
        bare_reportlab(texts)
        bare.append(time.perf_counter() - t3)
    uow.engine.dispose()
    median = sorted(range(runs), key=lambda i: totals[i])[runs // 2]
    baseline = Figure(f"bare reportlab: {count:,} loans' text as paragraphs", "s", tuple(bare))
    return Figure(
        f"SQLite: loan register PDF, {count:,} loans", "s", tuple(totals), baseline=baseline,
        note="loan_register_pdf over every loan: read + layout (loans seeded with the ORM)",
        extra={"read_s": round(reads[median], 3), "layout_s": round(layouts[median], 3),
               "pages": pages, "pdf_bytes": size,
               "loans_per_s": round(count / totals[median])},
    )  # fmt: skip


def figures(count: int, runs: int, record_runs: int) -> Iterator[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        yield loan_record_figure(Path(tmp), record_runs)
        yield register_figure(Path(tmp), count, runs)


def benchmarks(smoke: bool) -> Iterator[Figure]:
    yield from figures(50, 1, 3) if smoke else figures(5_000, 3, 20)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--loans", type=int, default=5_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from tests.bench.__main__ import table

    print(table([("documents", f) for f in figures(args.loans, args.runs, 20)]))


if __name__ == "__main__":
    main()
