"""The statistics summary (สรุปสถิติการให้บริการ) as a PDF: sections of key figures, a bar
chart drawn as an image (printing.stats_charts) and tables, A4 portrait, on the shared
shaped-Thai page template (printing.pdf.base).

Takes plain text and numbers (the services format them): printing knows no database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.platypus import Flowable, KeepTogether, Spacer

from printing.pdf.base import (
    Letterhead,
    Numerals,
    build_pdf,
    cm,
    frame_width,
    image_flowable,
    para,
    styles,
    table,
    thai_digits,
)
from printing.stats_charts import BarChart, render_bar_chart

Progress = Callable[[int, int], None]
CHART_HEIGHT = 6.2 * cm


@dataclass(frozen=True)
class StatsTable:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # formatted text, Arabic digits
    aligns: str  # "l", "c" or "r" per column
    shares: tuple[float, ...]  # of the frame width, per column


@dataclass(frozen=True)
class StatsSection:
    heading: str
    lines: tuple[str, ...] = ()  # key figures, one paragraph each
    chart: BarChart | None = None
    tables: tuple[StatsTable, ...] = ()


@dataclass(frozen=True)
class StatsDocument:
    title: str
    agency: str
    subtitle: str  # the period
    date: dt.date  # of the report
    sections: tuple[StatsSection, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)  # definitions, at the end
    thai_digits: bool = False


ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def stats_pdf(doc: StatsDocument, progress: Progress | None = None) -> bytes:
    st = styles()
    n = Numerals(thai=doc.thai_digits)
    width = frame_width(False)

    def txt(s: str) -> str:
        # One digit style for the whole document, whichever the text was written in.
        return thai_digits(s) if doc.thai_digits else s.translate(ARABIC_DIGITS)

    story: list[Flowable] = []
    for section in doc.sections:
        block: list[Flowable] = [para(txt(section.heading), st["heading"])]
        block += [para(txt(line), st["body"]) for line in section.lines]
        if section.chart is not None:
            block += [Spacer(1, 4), image_flowable(render_bar_chart(section.chart), CHART_HEIGHT)]
        story.append(KeepTogether(block))
        for t in section.tables:
            rows = [[txt(h) for h in t.header]] + [[txt(c) for c in r] for r in t.rows]
            if len(rows) == 1:
                rows.append(["—"] + [""] * (len(t.header) - 1))
            grid = table(
                rows, [width * s for s in t.shares], aligns=t.aligns, zebra=True, size=11.5
            )
            title = [para(txt(t.title), st["body_bold"])] if t.title else []
            # The title never stays behind at the foot of a page without its table.
            story += [Spacer(1, 6), KeepTogether([*title, grid])]
        story.append(Spacer(1, 10))
    if doc.notes:
        # Kept together: moved whole to the next page rather than split at its foot.
        notes = [para("คำอธิบาย", st["small_bold"])]
        notes += [para(txt(line), st["small"]) for line in doc.notes]
        story.append(KeepTogether(notes))
    head = Letterhead(
        title=txt(doc.title),
        agency=doc.agency,
        date=doc.date,
        subtitle=txt(doc.subtitle),
        numerals=n,
    )
    return build_pdf(story, head, progress=progress)
