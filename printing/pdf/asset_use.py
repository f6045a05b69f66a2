"""รายงานการใช้พัสดุ — the asset-use report for supervisors (seed report item 24): for a
period, every asset lent, to whom, for what, and how it came back, with a summary on top
and the reporting officer's signature."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from printing.pdf.base import (
    EndRunning,
    Letterhead,
    Numerals,
    Progress,
    Signer,
    ThaiParagraph,
    build_pdf,
    frame_width,
    long_table,
    signature_block,
    styles,
)
from printing.pdf.content import AssetUseReport
from printing.pdf.loan_register import period

SIZE = 11.0
LEAD = 1.4
HEADER = ("ที่", "หมายเลขพัสดุ", "รายการ", "เลขที่ใบยืม", "ผู้ยืม / หน่วยงาน", "ใช้เพื่อ",
          "ยืม – กำหนดคืน", "วันที่คืน", "วัน", "ผลการคืน")  # fmt: skip
SHARES = (0.03, 0.135, 0.12, 0.1, 0.125, 0.115, 0.11, 0.075, 0.035, 0.155)
ALIGNS = "cllllllcrl"


def render_asset_use_report(doc: AssetUseReport, progress: Progress | None = None) -> bytes:
    n = Numerals(doc.setup.thai_digits)
    st = styles(SIZE + 1, LEAD)
    w = frame_width(wide=True)
    widths = [w * x / sum(SHARES) for x in SHARES]
    summary = (
        f"ในช่วงเวลาดังกล่าว มีการยืมพัสดุ {n(doc.loans)} ครั้ง รวม {n(doc.assets)} รายการ "
        f"ผู้ยืม {n(doc.borrowers)} ราย ส่งคืนชำรุด {n(doc.damaged)} รายการ "
        f"สูญหาย {n(doc.lost)} รายการ ยังไม่ส่งคืน {n(doc.not_returned)} รายการ"
    )
    if doc.paid:
        summary += f" ได้รับชดใช้เป็นเงินรวม {n.money(doc.paid)} บาท ({doc.paid_words})"
    story: list[Flowable] = [ThaiParagraph(summary, st["indent"]), Spacer(1, 6)]
    rows: list[list[Flowable | str]] = []
    for i, u in enumerate(doc.lines, 1):
        who = u.borrower if u.unit in ("", u.borrower) else f"{u.borrower}\n{u.unit}"
        rows.append([
            n(i), u.asset_no, u.name, u.loan_no, who, u.purpose,
            f"{n.date_numeric_short(u.start)} – {n.date_numeric_short(u.due)}",
            n.date_numeric_short(u.returned_on) or "-", n(u.days), u.outcome,
        ])  # fmt: skip
    head, parts = long_table(HEADER, rows, widths, aligns=ALIGNS, size=SIZE, leading=LEAD)
    story += [head, *parts, EndRunning()]
    if not doc.lines:
        story.append(ThaiParagraph("ไม่มีการยืมพัสดุในช่วงเวลานี้", st["body"]))
    story.append(KeepTogether([
        Spacer(1, 6),
        signature_block([Signer("ผู้รายงาน", "", "เจ้าหน้าที่พัสดุ"),
                         Signer("ผู้ตรวจสอบ", "", "หัวหน้าหน่วยพัสดุ")],
                        w * 0.8, size=SIZE + 1, pad=8, leading=LEAD),
    ]))  # fmt: skip
    letter = Letterhead(
        title="รายงานการใช้พัสดุ",
        subtitle=period(n, doc.date_from, doc.date_to),
        agency=doc.setup.agency + (f" {doc.setup.supply_unit}" if doc.setup.supply_unit else ""),
        date=doc.printed_on,
        emblem=doc.setup.emblem,
        numerals=n,
    )
    return build_pdf(story, letter, wide=True, running=head, progress=progress,
                     title="รายงานการใช้พัสดุ")  # fmt: skip
