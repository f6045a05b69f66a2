"""หนังสือติดตามทวงคืน — the follow-up letter for an overdue loan (clause 211), laid out as
an external letter of the สารบรรณ rules: number at the left and the office at the right of
the emblem, the date, เรื่อง / เรียน / อ้างถึง, the body with indented paragraphs, the
closing and the signature, and the contact line at the bottom."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from printing.pdf.base import (
    BODY_SIZE,
    FONT,
    Letterhead,
    Numerals,
    ThaiParagraph,
    build_pdf,
    frame_width,
    image_flowable,
    styles,
    table,
    thai_digits,
)
from printing.pdf.content import FollowupLetter

ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

REGULATION = "ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐"


def _plain_table(rows: list[list[Flowable | str]], widths: list[float]) -> Table:
    t = Table(rows, colWidths=widths)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))  # fmt: skip
    return t


def _digits(text: str, n: Numerals) -> str:
    """The letter's one digit style (asset numbers stay as on their labels)."""
    return thai_digits(text) if n.thai else text.translate(ARABIC)


def _number(doc: FollowupLetter, n: Numerals) -> str:
    """The outgoing number in the document's digit style; dots to fill in when blank."""
    number = doc.letter_no.strip()
    if not number or number.endswith("/"):
        number += "." * (30 if not number else 16)  # written in from the register
    return _digits(number, n)


def _memo_head(doc: FollowupLetter, n: Numerals, st: dict[str, Any], w: float) -> list[Flowable]:
    """บันทึกข้อความ: ส่วนราชการ, ที่ … วันที่ …, เรื่อง (the internal memo of the สารบรรณ rules)."""
    s = doc.setup
    out: list[Flowable] = [ThaiParagraph("บันทึกข้อความ", st["title"]), Spacer(1, 6)]
    unit = " ".join(x for x in (s.agency, s.supply_unit) if x)
    rows: list[list[Flowable | str]] = [
        [ThaiParagraph("ส่วนราชการ", st["body_bold"]), ThaiParagraph(unit, st["body"]), "", ""],
        [ThaiParagraph("ที่", st["body_bold"]), ThaiParagraph(_number(doc, n), st["body"]),
         ThaiParagraph("วันที่", st["body_bold"]), ThaiParagraph(n.date(doc.on), st["body"])],
        [ThaiParagraph("เรื่อง", st["body_bold"]),
         ThaiParagraph("ขอให้ส่งคืนพัสดุที่ยืม", st["body"]), "", ""],
    ]  # fmt: skip
    t = _plain_table(rows, [2.4 * cm, w * 0.5 - 2.4 * cm, 1.6 * cm, w * 0.5 - 1.6 * cm])
    t.setStyle(TableStyle([("SPAN", (1, 0), (3, 0)), ("SPAN", (1, 2), (3, 2))]))
    out += [t, Spacer(1, 8)]
    ref = f"ใบยืมพัสดุเลขที่ {_digits(doc.loan_no, n)} ลงวันที่ {n.date(doc.requested_on)}"
    out.append(_plain_table(
        [[ThaiParagraph("เรียน", st["body"]), ThaiParagraph(doc.to, st["body"])],
         [ThaiParagraph("อ้างถึง", st["body"]), ThaiParagraph(ref, st["body"])]],
        [3.3 * cm, w - 3.3 * cm],
    ))  # fmt: skip
    out.append(Spacer(1, 8))
    return out


def story(doc: FollowupLetter) -> list[Flowable]:
    n = Numerals(doc.setup.thai_digits)
    st = styles(BODY_SIZE, 1.45)
    w = frame_width()
    s = doc.setup
    if doc.memo:
        return _memo_head(doc, n, st, w) + _body(doc, n, st, w)
    out: list[Flowable] = []

    # ที่ … | emblem | the office and its address
    emblem: Flowable = image_flowable(s.emblem, 3 * cm) if s.emblem else Spacer(1, 1.2 * cm)
    office = s.agency + (f"\n{s.address}" if s.address else "")
    out.append(_plain_table(
        [[ThaiParagraph(f"ที่ {_number(doc, n)}", st["body"]), emblem,
          ThaiParagraph(office, st["body"])]],
        [w * 0.36, w * 0.24, w * 0.40],
    ))  # fmt: skip
    out.append(Spacer(1, 6))
    out.append(
        _plain_table([["", ThaiParagraph(n.date(doc.on), st["body"])]], [w * 0.45, w * 0.55])
    )
    out.append(Spacer(1, 6))

    head = [
        ("เรื่อง", "ขอให้ส่งคืนพัสดุที่ยืม"),
        ("เรียน", doc.to),
        ("อ้างถึง", f"ใบยืมพัสดุเลขที่ {_digits(doc.loan_no, n)} ลงวันที่ {n.date(doc.requested_on)}"),
        ("สิ่งที่ส่งมาด้วย", "สำเนาใบยืมพัสดุ จำนวน ๑ ฉบับ" if n.thai else "สำเนาใบยืมพัสดุ จำนวน 1 ฉบับ"),
    ]
    out.append(_plain_table(
        [[ThaiParagraph(k, st["body"]), ThaiParagraph(v, st["body"])] for k, v in head],
        [3.3 * cm, w - 3.3 * cm],
    ))  # fmt: skip
    out.append(Spacer(1, 8))
    return out + _body(doc, n, st, w)


def _body(doc: FollowupLetter, n: Numerals, st: dict[str, Any], w: float) -> list[Flowable]:
    s = doc.setup
    out: list[Flowable] = []
    who = "หน่วยงานของท่าน" if doc.borrower_is_agency else "ท่าน"
    earlier = ""
    if doc.previous:
        dates = ", ".join(f"{n.date(d)} ({means})" for d, means in doc.previous)
        earlier = f" ซึ่ง{doc.setup.agency}ได้ติดตามทวงถามแล้วเมื่อวันที่ {dates} "
    out.append(ThaiParagraph(
        f"ตามที่{who}ได้ยืมพัสดุของ{s.agency} เพื่อใช้ในราชการ คือ {doc.purpose} "
        f"ตั้งแต่วันที่ {n.date(doc.start)} โดยมีกำหนดส่งคืนภายในวันที่ {n.date(doc.due)} "
        "ตามใบยืมพัสดุที่อ้างถึง ความละเอียดแจ้งแล้ว นั้น",
        st["indent"],
    ))  # fmt: skip
    out.append(ThaiParagraph(
        f"บัดนี้ได้พ้นกำหนดส่งคืนมาแล้ว {n(doc.overdue_days)} วัน "
        f"{who}ยังมิได้ส่งคืนพัสดุดังรายการต่อไปนี้{earlier}",
        st["indent"],
    ))  # fmt: skip
    out.append(Spacer(1, 4))
    rows: list[list[str]] = [["ที่", "หมายเลขพัสดุ", "รายการ", "จำนวน", "หน่วย"]]
    for i, it in enumerate(doc.items, 1):
        rows.append([n(i), it.asset_no, it.name, n(it.qty - it.returned_qty), it.unit])
    out.append(
        table(rows, [w * x for x in (0.07, 0.3, 0.43, 0.1, 0.1)], aligns="cllrc", leading=1.4)
    )
    out.append(Spacer(1, 6))
    out.append(ThaiParagraph(
        f"จึงขอให้{who}ส่งคืนพัสดุดังกล่าวในสภาพที่ใช้การได้เรียบร้อย ภายใน {n(7)} วัน "
        "นับแต่วันที่ได้รับหนังสือฉบับนี้ หากพัสดุชำรุดเสียหาย ใช้การไม่ได้ หรือสูญหาย "
        f"{who}ต้องรับผิดชอบซ่อมแซมให้คงสภาพเดิม หรือชดใช้เป็นพัสดุประเภท ชนิด ขนาด ลักษณะ"
        "และคุณภาพเดียวกัน หรือชดใช้เป็นเงินตามราคาที่เป็นอยู่ในขณะยืม ตามข้อ "
        f"{n('209')} แห่ง{REGULATION} (ราคาตามทะเบียนรวม {n.money(doc.total_value)} บาท "
        f"({doc.total_words}))",
        st["indent"],
    ))  # fmt: skip
    out.append(ThaiParagraph("จึงเรียนมาเพื่อโปรดดำเนินการ", st["indent"]))
    out.append(Spacer(1, 6))
    signer = s.signer_name or "." * 40
    # A memo has no closing formula; a letter ends "ขอแสดงความนับถือ".
    regards = [] if doc.memo else [
        _plain_table([["", ThaiParagraph("ขอแสดงความนับถือ", st["center"])]], [w * 0.45, w * 0.55])
    ]  # fmt: skip
    closing = [
        *regards,
        Spacer(1, 30),
        _plain_table(
            [["", ThaiParagraph(f"( {signer} )\n{s.signer_position}".rstrip(), st["center"])]],
            [w * 0.45, w * 0.55],
        ),
    ]
    out.append(KeepTogether(closing))
    out.append(Spacer(1, 10))
    if doc.memo:
        return out
    contact = [s.supply_unit or "หน่วยพัสดุ"]
    if s.contact:
        contact.append(s.contact)
    out.append(ThaiParagraph("\n".join(contact), st["body"]))
    return out


def render_followup_letter(doc: FollowupLetter) -> bytes:
    n = Numerals(doc.setup.thai_digits)
    head = Letterhead(title="หนังสือติดตามทวงคืนพัสดุ", agency=doc.setup.agency,
                      doc_no=_number(doc, n), date=doc.on, numerals=n)  # fmt: skip
    return build_pdf(story(doc), head, title=f"หนังสือติดตามทวงคืน {doc.loan_no}", letterhead=False)
