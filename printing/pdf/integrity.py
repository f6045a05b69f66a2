"""Documents of the integrity features (seed ITA items 20–24, 30): the A4 notice of the current
borrowing guideline for the notice board, the monthly loan situation, the custodian's
monthly report with its sign-off, the tables of the ITA evidence pack and its cover.

Every piece of Thai is a shaped paragraph (printing.pdf.base); nothing is drawn with
``drawString``. The content comes as plain dataclasses made by the services."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from printing.pdf.base import (
    FONT,
    Letterhead,
    Numerals,
    Signer,
    ThaiParagraph,
    build_pdf,
    cm,
    frame_width,
    long_table,
    signature_block,
    styles,
    table,
)

# ---------------------------------------------------------------- content


@dataclass(frozen=True)
class Office:
    agency: str
    emblem: bytes | None = None
    thai_digits: bool = True


@dataclass(frozen=True)
class NoticeDoc:
    """The current guideline on one or more A4 pages for the notice board (item 23.2)."""

    office: Office
    title: str
    version: int
    published: dt.date
    published_by: str
    body_markdown: str  # "" when the guideline is a PDF
    pdf_pages: int | None  # a PDF guideline: its page count (its text is not reprinted)
    sha256: str
    channel: str  # where to report misuse (item 21.3), one line
    today: dt.date


@dataclass(frozen=True)
class TablePart:
    heading: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    shares: tuple[float, ...]
    aligns: str
    empty: str = "ไม่มีรายการ"


@dataclass(frozen=True)
class ReportDoc:
    """A report: title, period, summary lines, tables, notes and signatures."""

    office: Office
    title: str
    subtitle: str
    today: dt.date
    summary: tuple[str, ...]
    parts: tuple[TablePart, ...]
    notes: tuple[str, ...] = ()
    signers: tuple[Signer, ...] = ()
    wide: bool = False
    doc_no: str = ""
    signed_box: tuple[str, ...] = ()  # a sign-off made in the app: who, when (printed)


@dataclass(frozen=True)
class CoverEntry:
    file: str
    indicator: str
    title: str


@dataclass(frozen=True)
class CoverDoc:
    office: Office
    fiscal_year: int
    period: str
    today: dt.date
    entries: tuple[CoverEntry, ...]
    indicators: tuple[tuple[str, str], ...]  # (indicator, what it asks), in order
    figures: tuple[str, ...] = field(default_factory=tuple)


# ---------------------------------------------------------------- pieces


def _digits(office: Office, text: str) -> str:
    return Numerals(thai=office.thai_digits)(text) if office.thai_digits else text


def _head(office: Office, title: str, today: dt.date, subtitle: str = "",
          doc_no: str = "") -> Letterhead:  # fmt: skip
    return Letterhead(
        title=title, agency=office.agency, date=today, subtitle=subtitle, emblem=office.emblem,
        numerals=Numerals(thai=office.thai_digits), doc_no=doc_no,
    )  # fmt: skip


def _table_part(part: TablePart, office: Office, wide: bool, size: float) -> list[Flowable]:
    st = styles(size + 1)
    w = frame_width(wide=wide)
    widths = [w * x / sum(part.shares) for x in part.shares]
    out: list[Flowable] = []
    if part.heading:
        out.append(ThaiParagraph(part.heading, st["heading"]))
    rows = [list(r) for r in part.rows]  # numbers already in the office's digits
    if not rows:
        out.append(table([list(part.header)], widths, size=size))
        out.append(ThaiParagraph(part.empty, st["body"]))
        return out
    head, chunks = long_table(part.header, rows, widths, aligns=part.aligns, size=size)
    out += [head, *chunks, Spacer(1, 6)]
    return out


def _signed_box(lines: Sequence[str], width: float) -> Table:
    st = styles()
    t = Table([[[ThaiParagraph(x, st["body"]) for x in lines]]], colWidths=[width])
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.Color(0.06, 0.36, 0.2)),
        ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.92, 0.98, 0.93)),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))  # fmt: skip
    return t


def render_report(doc: ReportDoc) -> bytes:
    size = 11.0
    st = styles()
    story: list[Flowable] = []
    for line in doc.summary:
        story.append(ThaiParagraph(_digits(doc.office, line), st["indent"]))
    if doc.summary:
        story.append(Spacer(1, 6))
    for part in doc.parts:
        story += _table_part(part, doc.office, doc.wide, size)
    for note in doc.notes:
        story.append(ThaiParagraph(_digits(doc.office, note), st["small"]))
    if doc.signed_box:
        story += [Spacer(1, 8), KeepTogether([_signed_box(
            [_digits(doc.office, x) for x in doc.signed_box], frame_width(wide=doc.wide)
        )])]  # fmt: skip
    if doc.signers:
        story.append(KeepTogether([Spacer(1, 10), signature_block(
            list(doc.signers), frame_width(wide=doc.wide))]))  # fmt: skip
    head = _head(doc.office, doc.title, doc.today, _digits(doc.office, doc.subtitle), doc.doc_no)
    return build_pdf(story, head, wide=doc.wide)


# ---------------------------------------------------------------- the notice (item 23.2)

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_NUMBERED = re.compile(r"^(\d+)[.)]\s+(.*)$")


def _inline(text: str, office: Office) -> list[tuple[str, bool]]:
    """Markdown's **bold** as bold runs (ThaiParagraph takes plain text, never markup)."""
    return [(_digits(office, p), bool(i % 2)) for i, p in enumerate(_BOLD.split(text)) if p]


def markdown_flowables(md: str, office: Office, size: float = 14.0) -> list[Flowable]:
    """A small Markdown: ``#``/``##``/``###`` headings, ``-``/``*`` bullets, ``1.`` numbered
    items, blank-line paragraphs and ``**bold**``. Enough for a guideline; other marks are
    printed as typed."""
    st = styles(size)
    out: list[Flowable] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            text = " ".join(s.strip() for s in paragraph)
            out.append(ThaiParagraph(_inline(text, office), st["indent"]))
            paragraph.clear()

    for raw in md.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if stripped.startswith("#"):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            text = stripped[level:].strip()
            style = st["title"] if level == 1 else st["heading"]
            out.append(ThaiParagraph(_inline(text, office), style))
            continue
        m = _NUMBERED.match(stripped)
        if stripped[:2] in ("- ", "* ") or m:
            flush()
            mark, text = (f"{m.group(1)}.", m.group(2)) if m else ("•", stripped[2:])
            item = Table(
                [[ThaiParagraph(_digits(office, mark), st["body"]),
                  ThaiParagraph(_inline(text, office), st["body"])]],
                colWidths=[1.6 * cm, frame_width() - 1.6 * cm],
            )  # fmt: skip
            item.setStyle(TableStyle([
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0.6 * cm),
                ("RIGHTPADDING", (0, 0), (0, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]))  # fmt: skip
            out.append(item)
            continue
        paragraph.append(stripped)
    flush()
    return out


def render_notice(doc: NoticeDoc) -> bytes:
    st = styles(14.0)
    n = Numerals(thai=doc.office.thai_digits)
    story: list[Flowable] = [
        ThaiParagraph(
            f"ประกาศแนวทางการยืมพัสดุของทางราชการ ฉบับที่ {n(doc.version)} "
            f"ประกาศเมื่อ {n.date(doc.published)}"
            + (f" โดย {doc.published_by}" if doc.published_by else ""),
            st["center"],
        ),
        Spacer(1, 8),
    ]
    if doc.body_markdown:
        story += markdown_flowables(doc.body_markdown, doc.office)
    else:
        story.append(ThaiParagraph(
            "แนวทางฉบับนี้เป็นเอกสาร PDF แนบท้ายประกาศนี้ "
            "และเปิดอ่านได้ในโปรแกรม KhetDesk เมนู \u201cแนวทางการยืมพัสดุ\u201d",
            st["indent"],
        ))  # fmt: skip
    story += [
        Spacer(1, 10),
        ThaiParagraph(
            "อ้างอิง: ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ "
            "พ.ศ. ๒๕๖๐ ข้อ ๒๐๗–๒๑๑ " if doc.office.thai_digits else
            "อ้างอิง: ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ "
            "พ.ศ. 2560 ข้อ 207–211",
            styles()["body"],
        ),
        ThaiParagraph(doc.channel, styles()["body"]),
        ThaiParagraph(
            f"ลายนิ้วมือเอกสาร (SHA-256) {doc.sha256[:16]}… ใช้ตรวจว่าประกาศตรงกับฉบับในระบบ",
            styles()["small"],
        ),
    ]  # fmt: skip
    head = _head(doc.office, doc.title, doc.today, "แนวทางปฏิบัติในการยืมพัสดุของทางราชการ")
    return build_pdf(story, head)


# ---------------------------------------------------------------- the ITA cover


def render_cover(doc: CoverDoc) -> bytes:
    st = styles()
    n = Numerals(thai=doc.office.thai_digits)
    story: list[Flowable] = [
        ThaiParagraph(
            f"เอกสารหลักฐานประกอบการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
            f"(ITA) ประจำปีงบประมาณ พ.ศ. {n(doc.fiscal_year)} ({_digits(doc.office, doc.period)}) "
            "ผลิตจากโปรแกรม KhetDesk ทุกไฟล์ในชุดนี้มีรายการในไฟล์ index.json ด้วย",
            st["indent"],
        ),
        Spacer(1, 6),
    ]  # fmt: skip
    for line in doc.figures:
        story.append(ThaiParagraph(_digits(doc.office, line), st["body"]))
    if doc.figures:
        story.append(Spacer(1, 6))
    w = frame_width()
    widths = [w * x for x in (0.06, 0.34, 0.12, 0.48)]
    rows = [["ที่", "ไฟล์", "ตัวชี้วัด", "แสดงอะไร"]]
    rows += [[n(i), e.file, e.indicator, e.title] for i, e in enumerate(doc.entries, 1)]
    story.append(table(rows, widths, aligns="clcl", size=11.0, zebra=True))
    story += [Spacer(1, 8), ThaiParagraph("ตัวชี้วัดที่อ้างถึง", st["heading"])]
    for code, text in doc.indicators:
        story.append(ThaiParagraph([(code + " ", True), (text, False)], st["small"]))
    story.append(KeepTogether([Spacer(1, 14), signature_block(
        [Signer("ผู้รับรองข้อมูล", "", "หัวหน้าหน่วยงาน")], w)]))  # fmt: skip
    head = _head(doc.office, "ชุดหลักฐานการประเมิน ITA", doc.today,
                 f"ปีงบประมาณ พ.ศ. {n(doc.fiscal_year)}")  # fmt: skip
    return build_pdf(story, head)
