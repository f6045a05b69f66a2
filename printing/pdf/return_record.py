"""บันทึกการรับคืนและตรวจสภาพพัสดุ — the return and inspection record (clause 209): what
came back in which condition, and how each damaged or lost item was made good, amounts in
figures and in Thai words."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from printing.pdf.base import (
    FORM_MARGINS,
    Letterhead,
    Numerals,
    Signer,
    ThaiParagraph,
    build_pdf,
    frame_width,
    signature_block,
    styles,
    table,
)
from printing.pdf.content import ReturnRecord
from printing.pdf.loan_record import REGULATION_SHORT, items_table

SIZE = 12.0
LEAD = 1.45


def story(doc: ReturnRecord) -> list[Flowable]:
    n = Numerals(doc.setup.thai_digits)
    st = styles(SIZE, LEAD)
    w = frame_width(margins=FORM_MARGINS)
    b = doc.borrower
    who = (b.unit or b.name) if doc.borrower_is_agency else b.name
    if not doc.borrower_is_agency and b.position:
        who += f" ตำแหน่ง {b.position}"
    timing = f"ซึ่งเกินกำหนด {n(doc.late_days)} วัน" if doc.late_days > 0 else "ภายในกำหนด"
    out: list[Flowable] = [
        ThaiParagraph(
            f"ตามที่ {who} ได้ยืมพัสดุตามใบยืมเลขที่ {doc.loan_no} เพื่อใช้ในราชการ คือ "
            f"{doc.purpose} ตั้งแต่วันที่ {n.date(doc.start)} กำหนดส่งคืนวันที่ {n.date(doc.due)} "
            f"บัดนี้ผู้ยืมได้ส่งคืนพัสดุเมื่อวันที่ {n.date(doc.returned_on)} {timing} "
            "เจ้าหน้าที่ได้ตรวจสภาพพัสดุที่ส่งคืนแล้ว ปรากฏผลดังนี้",
            st["indent"],
        ),
        Spacer(1, 4),
        items_table(doc.items, n, w, returned=True, size=SIZE),
    ]
    notes = [f"{it.asset_no}: {it.note}" for it in doc.items if it.note]
    if notes:
        out.append(ThaiParagraph("หมายเหตุการตรวจสภาพ: " + "; ".join(notes), st["small"]))

    if doc.settlements:
        out.append(ThaiParagraph(f"การชดใช้พัสดุที่ชำรุดหรือสูญหาย (ข้อ {n('209')})", st["heading"]))
        rows: list[list[str]] = [["ที่", "หมายเลขพัสดุ", "สภาพ", "วิธีชดใช้", "จำนวนเงิน (บาท)",
                                  "วันที่ชดใช้", "ใบเสร็จ/หลักฐาน"]]  # fmt: skip
        for i, s in enumerate(doc.settlements, 1):
            rows.append([
                n(i), s.asset_no, s.condition, s.method or "ยังไม่ได้ชดใช้",
                n.money(s.amount) if s.amount is not None else "-",
                n.date_short(s.settled_on) if s.settled_on else "-", s.receipt or "-",
            ])  # fmt: skip
        shares = (0.05, 0.22, 0.09, 0.2, 0.14, 0.13, 0.17)
        out.append(table(rows, [w * x for x in shares], aligns="clccrcl", size=SIZE, leading=LEAD))
        for s in doc.settlements:
            if s.amount is not None:
                line = (
                    f"{s.asset_no} {s.name}: ชดใช้เป็นเงิน {n.money(s.amount)} บาท ({s.amount_words})"
                )
                if s.working:
                    line += f" — วิธีคำนวณ: {n(s.working)}"
                out.append(ThaiParagraph(line, st["small"]))
            elif s.note:
                out.append(ThaiParagraph(f"{s.asset_no}: {s.note}", st["small"]))
        if doc.total_paid:
            out.append(Spacer(1, 3))
            out.append(ThaiParagraph(
                [("รวมเงินชดใช้ทั้งสิ้น ", True), (f"{n.money(doc.total_paid)} บาท ", True),
                 (f"({doc.total_words})", False)],
                st["body"],
            ))  # fmt: skip
    if doc.open_items:
        out.append(ThaiParagraph(
            f"ยังมีพัสดุชำรุดหรือสูญหายที่ยังไม่ได้ชดใช้ {n(doc.open_items)} รายการ "
            f"ใบยืมนี้จะปิดเมื่อชดใช้ครบตามข้อ {n('209')}",
            st["body_bold"],
        ))  # fmt: skip

    inspectors = doc.inspectors or (None,)
    signers = [Signer("ผู้ส่งคืน", doc.borrower.name if not doc.borrower_is_agency else "")]
    for p in inspectors:
        signers.append(Signer("ผู้ตรวจรับคืน", p.name if p else "",
                              (p.position if p else "") or "เจ้าหน้าที่พัสดุ"))  # fmt: skip
    signers.append(Signer("ผู้รับทราบ", "", "หัวหน้าหน่วยพัสดุ"))
    out.append(KeepTogether([
        Spacer(1, 4),
        signature_block(signers, w, size=SIZE, pad=8, leading=LEAD),
    ]))  # fmt: skip
    out.append(Spacer(1, 6))
    out.append(ThaiParagraph(f"สถานะใบยืมเมื่อพิมพ์: {doc.status}", st["small"]))
    return out


def render_return_record(doc: ReturnRecord) -> bytes:
    n = Numerals(doc.setup.thai_digits)
    head = Letterhead(
        title="บันทึกการรับคืนและตรวจสภาพพัสดุ",
        subtitle=f"ตาม{REGULATION_SHORT} ข้อ {n('209')}",
        agency=doc.setup.agency + (f" {doc.setup.supply_unit}" if doc.setup.supply_unit else ""),
        doc_no=doc.loan_no,
        date=doc.returned_on,
        emblem=doc.setup.emblem,
        numerals=n,
        qr=doc.qr,
        qr_caption="สแกนเพื่อเปิดใบยืม",
    )
    return build_pdf(story(doc), head, title=f"บันทึกการรับคืน {doc.loan_no}",
                     margins=FORM_MARGINS)  # fmt: skip
