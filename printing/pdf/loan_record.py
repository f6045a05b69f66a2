"""ใบยืมพัสดุ — the loan record for signature (regulation-207-211.md, "The paper record"):
the request with its purpose and undertaking, the items, the approval under the clause the
case falls in, the handover and a return section; the loan's QR at the top right."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from printing.pdf.base import (
    FONT,
    FORM_MARGINS,
    GRID,
    Letterhead,
    Numerals,
    Signer,
    ThaiParagraph,
    build_pdf,
    choices,
    frame_width,
    labelled,
    signature,
    signature_block,
    styles,
    table,
)
from printing.pdf.content import ItemLine, LoanRecord, Person

REGULATION_SHORT = "ระเบียบกระทรวงการคลังฯ พ.ศ. ๒๕๖๐"
REGULATION = "ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ ข้อ ๒๐๗–๒๑๑"


def _clause(n: Numerals, clause: str) -> str:
    return f"ข้อ {n(clause)}"


def _who(p: Person | None) -> tuple[str, str]:
    if p is None:
        return "", ""
    return p.name, p.position


SIZE = 12.0  # the form fits one page
LEAD = 1.42


def items_table(
    items: tuple[ItemLine, ...], n: Numerals, width: float, *, returned: bool, size: float = SIZE
) -> Flowable:
    """The item list: number, asset number, name, quantity, unit, condition (at handover;
    with ``returned`` also on return)."""
    if returned:
        head = ["ที่", "หมายเลขพัสดุ", "รายการ", "จำนวน", "หน่วย", "สภาพเมื่อจ่าย",
                "คืนแล้ว", "สภาพเมื่อคืน"]  # fmt: skip
        shares: tuple[float, ...] = (0.05, 0.24, 0.26, 0.08, 0.08, 0.11, 0.07, 0.11)
        rows = [
            [n(i), it.asset_no, it.name, n(it.qty), it.unit, it.condition_out or "-",
             n(it.returned_qty), it.condition_in or "-"]
            for i, it in enumerate(items, 1)
        ]  # fmt: skip
        aligns = "cllrcccc"
    else:
        head = ["ที่", "หมายเลขพัสดุ", "รายการ", "จำนวน", "หน่วย", "สภาพเมื่อจ่าย", "หมายเหตุ"]
        shares = (0.05, 0.25, 0.32, 0.08, 0.08, 0.12, 0.10)
        rows = [
            [n(i), it.asset_no, it.name, n(it.qty), it.unit, it.condition_out or "-", it.note]
            for i, it in enumerate(items, 1)
        ]
        aligns = "cllrccl"
    return table([head, *rows], [width * s for s in shares], aligns=aligns, size=size, leading=LEAD)


def _grid(cells: list[list[Flowable | str]], width: float, line: bool = True) -> Table:
    t = Table(cells, colWidths=[width / 2] * 2)
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    if line:
        commands += [
            ("BOX", (0, 0), (-1, -1), 0.5, GRID),
            ("INNERGRID", (0, 0), (-1, -1), 0.5, GRID),
        ]
    t.setStyle(TableStyle(commands))
    return t


def story(doc: LoanRecord) -> list[Flowable]:
    n = Numerals(doc.setup.thai_digits)
    st = styles(SIZE, LEAD)
    w = frame_width(margins=FORM_MARGINS)
    out: list[Flowable] = []

    # The request (207, 208).
    b = doc.borrower
    if doc.borrower_is_agency:
        who = b.unit or b.name
        if doc.signatory:
            who += f" โดย {doc.signatory}"
        opening = f"ด้วย {who} มีความประสงค์ขอยืมพัสดุของ{doc.setup.agency}"
    else:
        who = b.name
        if b.position:
            who += f" ตำแหน่ง {b.position}"
        if b.unit:
            who += f" สังกัด {b.unit}"
        opening = f"ข้าพเจ้า {who} มีความประสงค์ขอยืมพัสดุของ{doc.setup.agency}"
    where = f" ณ {doc.place_detail}" if doc.place_detail else ""
    if doc.place:
        where = f" โดยใช้{doc.place}{where}"
    out.append(ThaiParagraph(
        f"{opening} ตามรายการข้างล่างนี้ เพื่อใช้ในราชการ คือ {doc.purpose}{where} "
        f"ตั้งแต่วันที่ {n.date(doc.start)} "
        f"และจะส่งคืนภายในวันที่ {n.date(doc.due)}"
        + (" ซึ่งมีความจำเป็นเร่งด่วนและไม่อาจจัดหาได้ทัน" if doc.urgent else "")
        + (f" (ติดต่อ {doc.contact})" if doc.contact else ""),
        st["indent"],
    ))  # fmt: skip
    out.append(Spacer(1, 4))
    out.append(items_table(doc.items, n, w, returned=False))
    out.append(Spacer(1, 4))

    # The undertaking (207, and 209 or 210).
    if doc.clause == "210":
        promise = (
            f"และจะส่งคืนเป็นพัสดุประเภท ชนิด และปริมาณเดียวกันภายในวันที่ {n.date(doc.due)} "
            f"({_clause(n, '210')})"
        )
    else:
        promise = (
            f"และจะส่งคืนในสภาพที่ใช้การได้เรียบร้อยภายในวันที่ {n.date(doc.due)} "
            "หากพัสดุชำรุดเสียหาย ใช้การไม่ได้ หรือสูญหาย ผู้ยืมยินยอมซ่อมแซมให้คงสภาพเดิม"
            "โดยเสียค่าใช้จ่ายของตนเอง หรือชดใช้เป็นพัสดุประเภท ชนิด ขนาด ลักษณะและคุณภาพเดียวกัน "
            f"หรือชดใช้เป็นเงินตามราคาที่เป็นอยู่ในขณะยืม ({_clause(n, '209')})"
        )
    use = f"ผู้ยืมขอรับรองว่าจะใช้พัสดุเพื่อประโยชน์ของทางราชการเท่านั้น ({_clause(n, '207')}) "
    out.append(ThaiParagraph(use + promise, st["indent"]))
    borrower_sign = doc.signatory if doc.borrower_is_agency and doc.signatory else b.name
    position = "" if doc.borrower_is_agency else b.position
    agency = b.unit if doc.borrower_is_agency else ""
    out.append(signature_block([Signer("ผู้ยืม", borrower_sign, position, date_line=False,
                                       unit=agency)], w,
                               size=SIZE, pad=4,
                               leading=LEAD))  # fmt: skip

    # The approval (208 / 210), the handover and the return.
    decided = doc.approver is not None
    rejected = doc.decided_on is not None and doc.approver is None
    name, pos = _who(doc.approver)
    if doc.delegation:
        pos = f"{pos} {doc.delegation}".strip()
    left: list[Flowable] = [
        ThaiParagraph(f"การอนุมัติ ({_clause(n, doc.clause)})", st["heading"]),
        ThaiParagraph(doc.clause_text, st["small"]),
        choices([(decided, "อนุมัติ"), (rejected, "ไม่อนุมัติ")], w * 0.4, size=SIZE, leading=LEAD),
    ]
    if doc.decision_note:
        left.append(labelled("หมายเหตุ", doc.decision_note, st["small"]))
    right: list[Flowable] = [
        Spacer(1, 8),
        signature(Signer("ผู้อนุมัติ", name, pos or doc.approver_role,
                         date_text=n.date(doc.decided_on)), st["sign"]),
    ]  # fmt: skip
    giver, giver_pos = _who(doc.handed_over_by)
    receiver, receiver_pos = _who(doc.received_by)
    conditions = sorted({it.condition_in for it in doc.items if it.condition_in})
    handover: list[Flowable] = [
        ThaiParagraph("การจ่ายพัสดุ", st["heading"]),
        ThaiParagraph(
            "ได้จ่ายและรับพัสดุตามรายการข้างต้นถูกต้องครบถ้วนแล้ว",
            st["small"],
        ),
        Spacer(1, 6),
        signature(
            Signer(
                "ผู้จ่ายพัสดุ", giver, giver_pos or "เจ้าหน้าที่พัสดุ", date_text=n.date(doc.handed_over_on)
            ),
            st["sign"],
        ),
        Spacer(1, 6),
        signature(
            Signer("ผู้รับพัสดุ", borrower_sign, "", date_text=n.date(doc.handed_over_on)), st["sign"]
        ),
    ]
    returned: list[Flowable] = [
        ThaiParagraph("การส่งคืน", st["heading"]),
        ThaiParagraph(
            f"สภาพพัสดุที่คืน {' / '.join(conditions) if conditions else '.' * 40}", st["small"]
        ),
        Spacer(1, 6),
        signature(
            Signer("ผู้ส่งคืน", borrower_sign, "", date_text=n.date(doc.returned_on)), st["sign"]
        ),
        Spacer(1, 6),
        signature(
            Signer(
                "ผู้รับคืน", receiver, receiver_pos or "เจ้าหน้าที่พัสดุ", date_text=n.date(doc.returned_on)
            ),
            st["sign"],
        ),
    ]
    out.append(Spacer(1, 4))
    out.append(KeepTogether(_grid([[left, right], [handover, returned]], w)))
    out.append(Spacer(1, 4))
    out.append(ThaiParagraph(f"สถานะใบยืมเมื่อพิมพ์: {doc.status}", st["small"]))
    return out


def render_loan_record(doc: LoanRecord) -> bytes:
    n = Numerals(doc.setup.thai_digits)
    head = Letterhead(
        title="ใบยืมพัสดุ",
        subtitle=f"{REGULATION_SHORT}\n{doc.kind} กรณี{_clause(n, doc.clause)}",
        agency=doc.setup.agency + (f" {doc.setup.supply_unit}" if doc.setup.supply_unit else ""),
        doc_no=doc.loan_no,
        date=doc.requested_on,
        emblem=doc.setup.emblem,
        numerals=n,
        qr=doc.qr,
        qr_caption="สแกนเพื่อเปิดใบยืม",
    )
    return build_pdf(story(doc), head, title=f"ใบยืมพัสดุ {doc.loan_no}", margins=FORM_MARGINS)
