"""Citizens' ratings in the queue statistics and in `report queue` (CSV, XLSX, PDF): per
service and per counter, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from db.models import Ticket
from desktop_app.services import stats_export, ticket_page, tickets
from desktop_app.services.stats_queue import queue_stats
from tests.support.db import actor


def _serve_and_rate(office, clock, plan: list[tuple[str, int, int]]) -> None:
    """(service, counter, score) per citizen: issued, called at that counter, served, rated."""
    clerk = actor(office, "clerk1")
    for service, counter, score in plan:
        t = tickets.issue_ticket(office, clerk, service)
        tickets.call_next(office, clerk, counter)
        clock.advance(minutes=5)
        tickets.complete(office, clerk, counter)
        with office.read() as tx:
            k = tx.session.scalar(select(Ticket.web_secret).where(Ticket.code == t.code))
        ticket_page.rate_ticket(office, t.business_date, t.code, k or "", score)


@pytest.mark.gui  # the PDF draws its charts with QtGui: the session's QApplication first
def test_ratings_per_service_and_counter_in_the_statistics_and_exports(
    qapp, office, clock, tmp_path
):
    _serve_and_rate(office, clock, [("A", 1, 5), ("A", 2, 3), ("B", 1, 4), ("C", 3, 1)])
    clerk = actor(office, "clerk1")
    tickets.issue_ticket(office, clerk, "D")  # not rated: not counted
    day = clock.now.date()
    s = queue_stats(office, day)
    by_service = {r.key: (r.ratings, r.mean, r.counts) for r in s.ratings_by_service}
    assert by_service == {
        "A": (2, 4.0, (0, 0, 1, 0, 1)),
        "B": (1, 4.0, (0, 0, 0, 1, 0)),
        "C": (1, 1.0, (1, 0, 0, 0, 0)),
    }
    by_counter = {r.key: (r.ratings, r.mean) for r in s.ratings_by_counter}
    assert by_counter == {"1": (2, 4.5), "2": (1, 3.0), "3": (1, 1.0)}

    result = stats_export.export_queue(office, day, None, tmp_path / "q.csv", "csv")
    assert result.summary["ratings"] == 4 and result.summary["rating_mean"] == 3.25
    with open(tmp_path / "q.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    assert header[-2:] == ["ผู้ให้คะแนน (ratings)", "คะแนนเฉลี่ย (rating_mean)"]
    rated = {(r[0], r[3]): (r[-2], r[-1]) for r in rows[1:] if r[0].startswith("ratings_")}
    assert rated[("ratings_service", "A")] == ("2", "4.0")
    assert rated[("ratings_counter", "1")] == ("2", "4.5")
    assert all(len(r) == len(header) for r in rows)

    stats_export.export_queue(office, day, None, tmp_path / "q.xlsx", "xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "q.xlsx")["ความพึงพอใจ"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["service", "A", "งานทะเบียนราษฎร", 2, 4, 0, 0, 1, 0, 1] in values or any(
        v[:5] == ["service", "A", values[1][2], 2, 4] for v in values[1:]
    )

    stats_export.export_queue(office, day, None, tmp_path / "q.pdf", "pdf")
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "q.pdf").pages)
    arabic = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")  # document.digits: Thai by default
    assert "ความพึงพอใจของผู้รับบริการ" in text and "3.25" in text.translate(arabic)


def test_no_ratings_no_section(office, clock, tmp_path):
    day = clock.now.date()
    s = queue_stats(office, day)
    assert s.ratings_by_service == () and s.ratings_by_counter == ()
    assert stats_export.queue_summary(s)["ratings"] == 0
    stats_export.export_queue(office, day, None, tmp_path / "q.xlsx", "xlsx")
    assert "ความพึงพอใจ" not in openpyxl.load_workbook(tmp_path / "q.xlsx").sheetnames
