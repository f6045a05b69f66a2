"""Fixed document contents for the PDF unit tests, golden images and docs/doc-*.png: the
same data always gives the same pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from printing.pdf.content import (
    AssetLabel,
    AssetUseReport,
    DocSetup,
    FollowupLetter,
    ItemLine,
    LabelSheet,
    LoanRecord,
    LoanRegister,
    Person,
    RegisterLine,
    ReturnRecord,
    SettlementLine,
    UseLine,
    asset_link,
    loan_link,
)

SETUP = DocSetup(
    agency="สำนักงานเขตบางรัก",
    supply_unit="ฝ่ายการคลัง",
    address="เลขที่ ๑๑๒ ถนนสุรวงศ์ แขวงสี่พระยา เขตบางรัก กรุงเทพมหานคร ๑๐๕๐๐",
    contact="โทร. ๐ ๒๒๓๖ ๑๓๙๕ ต่อ ๑๒๓",
    signer_name="นายปั้นจั่น ศรีสุขสวัสดิ์",
    signer_position="ผู้อำนวยการเขตบางรัก",
)
LOAN_NO = "ยม.0001/2570"
BORROWER = Person("นางสาวกนกพร ทองดี", "นักจัดการงานทั่วไปชำนาญการ", "ฝ่ายปกครอง")
SUPPLY = Person("นายสมชาย ใจดี", "เจ้าพนักงานพัสดุชำนาญงาน", "ฝ่ายการคลัง")
DIRECTOR = Person("นางวิไลวรรณ ศักดิ์สิทธิ์", "ผู้อำนวยการเขตบางรัก", "")
ITEMS = (
    ItemLine("7440-001-0001/2566", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก", 1, "เครื่อง", "สภาพดี"),
    ItemLine("6730-002-0001/2565", "เครื่องฉายภาพโปรเจกเตอร์ พร้อมจอรับภาพ", 1, "เครื่อง", "สภาพดี"),
)


def loan_record() -> LoanRecord:
    return LoanRecord(
        setup=SETUP, loan_no=LOAN_NO, requested_on=dt.date(2026, 11, 24), status="อยู่ระหว่างยืม",
        borrower_is_agency=False, borrower=BORROWER, signatory="", contact="โทร. ๑๒๓๔",
        purpose="ใช้ในการอบรมอาสาสมัครชุมชนเรื่องการป้องกันอัคคีภัย ณ ศูนย์ฝึกอบรมของสำนักงานเขต",
        official_use=True, urgent=False, clause="208(3)",
        clause_text="การยืมไปใช้นอกสถานที่ ต้องได้รับอนุมัติจากหัวหน้าหน่วยงานของรัฐ",
        approver_role="หัวหน้าหน่วยงานของรัฐ", place="นอกสถานที่",
        place_detail="ศาลาประชาคมชุมชนวัดแก้วแจ่มฟ้า", start=dt.date(2026, 12, 1),
        due=dt.date(2026, 12, 5), kind="ครุภัณฑ์", items=ITEMS, requested_by=SUPPLY,
        approver=DIRECTOR, decided_on=dt.date(2026, 11, 25), delegation="",
        decision_note="", handed_over_by=SUPPLY, handed_over_on=dt.date(2026, 12, 1),
        returned_on=None, received_by=None, qr=loan_link(LOAN_NO),
    )  # fmt: skip


def return_record() -> ReturnRecord:
    items = (
        ItemLine("7440-001-0001/2566", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก", 1, "เครื่อง", "สภาพดี",
                 "สูญหาย", 1, dt.date(2026, 12, 8)),
        ItemLine("6730-002-0001/2565", "เครื่องฉายภาพโปรเจกเตอร์ พร้อมจอรับภาพ", 1, "เครื่อง",
                 "สภาพดี", "ชำรุด", 1, dt.date(2026, 12, 8), "เลนส์แตก"),
    )  # fmt: skip
    settlements = (
        SettlementLine(
            "7440-001-0001/2566", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก", "สูญหาย", "ชดใช้เป็นเงิน",
            Decimal("17500.00"), "หนึ่งหมื่นเจ็ดพันห้าร้อยบาทถ้วน", Decimal("17500.00"),
            "ราคา 25,000.00 บาท ถือครอง 3 ปี อัตรา 10% ต่อปี: ค่าเสื่อม 7,500.00 บาท; "
            "ราคาขั้นต่ำ 25% = 6,250.00 บาท; ชดใช้ 17,500.00 บาท",
            "ใบเสร็จ 0123/2570", dt.date(2026, 12, 10), SUPPLY,
        ),
        SettlementLine(
            "6730-002-0001/2565", "เครื่องฉายภาพโปรเจกเตอร์ พร้อมจอรับภาพ", "ชำรุด",
            "ซ่อมแซมให้คงสภาพเดิม", None, "", None, "", "", dt.date(2026, 12, 12), SUPPLY,
            "ผู้ยืมนำไปซ่อมที่ศูนย์บริการแล้ว",
        ),
    )  # fmt: skip
    return ReturnRecord(
        setup=SETUP, loan_no=LOAN_NO, status="ปิดแล้ว", borrower=BORROWER,
        borrower_is_agency=False, purpose=loan_record().purpose, start=dt.date(2026, 12, 1),
        due=dt.date(2026, 12, 5), returned_on=dt.date(2026, 12, 8), late_days=3, items=items,
        settlements=settlements, total_paid=Decimal("17500.00"),
        total_words="หนึ่งหมื่นเจ็ดพันห้าร้อยบาทถ้วน", inspectors=(SUPPLY,), open_items=0,
        qr=loan_link(LOAN_NO),
    )  # fmt: skip


def followup_letter() -> FollowupLetter:
    return FollowupLetter(
        setup=SETUP, letter_no="กท ๕๒๐๑/ยม.0001/2570", on=dt.date(2026, 12, 8), loan_no=LOAN_NO,
        requested_on=dt.date(2026, 11, 24), to="นางสาวกนกพร ทองดี", borrower=BORROWER,
        borrower_is_agency=False, purpose=loan_record().purpose, start=dt.date(2026, 12, 1),
        due=dt.date(2026, 12, 5), overdue_days=3, followup_deadline=dt.date(2026, 12, 12),
        previous=((dt.date(2026, 12, 6), "โทรศัพท์"),), items=ITEMS,
        total_value=Decimal("43000.00"), total_words="สี่หมื่นสามพันบาทถ้วน",
    )  # fmt: skip


def _register_lines(count: int) -> tuple[RegisterLine, ...]:
    names = ("นางสาวกนกพร ทองดี", "นายปิยะพงษ์ ศรีสุข", "สำนักงานเขตบางกอกน้อย", "นายสุนทร ปั้นทอง")
    units = ("ฝ่ายปกครอง", "ฝ่ายรายได้", "สำนักงานเขตบางกอกน้อย", "ฝ่ายโยธา")
    status = ("ปิดแล้ว", "อยู่ระหว่างยืม", "คืนแล้ว รอชดใช้", "ปิดแล้ว")
    out = []
    for i in range(count):
        start = dt.date(2026, 10, 1) + dt.timedelta(days=i % 60)
        returned = start + dt.timedelta(days=4) if status[i % 4] != "อยู่ระหว่างยืม" else None
        out.append(RegisterLine(
            loan_no=f"ยม.{i + 1:04d}/2570", start=start, due=start + dt.timedelta(days=4),
            borrower=names[i % 4], unit=units[i % 4],
            items=f"7440-001-{i % 97 + 1:04d}/2566 เครื่องคอมพิวเตอร์โน้ตบุ๊ก",
            purpose="ใช้ในการประชุมชี้แจงโครงการ" if i % 2 else "ออกหน่วยบริการเคลื่อนที่",
            approver="นางวิไลวรรณ ศักดิ์สิทธิ์", returned_on=returned,
            condition=("สภาพดี" if i % 4 != 2 else "ชำรุด ๑") if returned else "",
            status=status[i % 4], overdue_days=0 if returned else 2,
        ))  # fmt: skip
    return tuple(out)


def loan_register(count: int = 12) -> LoanRegister:
    lines = _register_lines(count)
    totals: dict[str, int] = {}
    for line in lines:
        totals[line.status] = totals.get(line.status, 0) + 1
    return LoanRegister(SETUP, dt.date(2026, 10, 1), dt.date(2026, 12, 31),
                        dt.date(2027, 1, 5), lines, tuple(totals.items()))  # fmt: skip


def asset_use_report() -> AssetUseReport:
    lines = (
        UseLine("7440-001-0001/2566", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก", "ยม.0001/2570",
                "นางสาวกนกพร ทองดี", "ฝ่ายปกครอง", "อบรมอาสาสมัครชุมชน", dt.date(2026, 12, 1),
                dt.date(2026, 12, 5), dt.date(2026, 12, 8), "สูญหาย – ชดใช้เป็นเงิน ๑๗,๕๐๐.๐๐ บาท", 7),
        UseLine("6730-002-0001/2565", "เครื่องฉายภาพโปรเจกเตอร์", "ยม.0001/2570",
                "นางสาวกนกพร ทองดี", "ฝ่ายปกครอง", "อบรมอาสาสมัครชุมชน", dt.date(2026, 12, 1),
                dt.date(2026, 12, 5), dt.date(2026, 12, 8), "ชำรุด – ซ่อมแซมให้คงสภาพเดิม", 7),
        UseLine("8340-001-0001/2564", "เต็นท์ผ้าใบ ขนาด ๔×๘ เมตร", "ยม.0002/2570",
                "สำนักงานเขตบางกอกน้อย", "สำนักงานเขตบางกอกน้อย", "งานวันเด็กแห่งชาติ",
                dt.date(2026, 12, 10), dt.date(2026, 12, 14), dt.date(2026, 12, 14), "สภาพดี", 4),
        UseLine("2310-001-0001/2563", "รถยนต์บรรทุก ๑ ตัน", "ยม.0003/2570", "นายสุนทร ปั้นทอง",
                "ฝ่ายโยธา", "ขนย้ายวัสดุซ่อมถนน", dt.date(2026, 12, 20), dt.date(2026, 12, 22),
                None, "ยังไม่คืน (เกินกำหนด ๙ วัน)", 11),
    )  # fmt: skip
    return AssetUseReport(
        SETUP,
        dt.date(2026, 10, 1),
        dt.date(2026, 12, 31),
        dt.date(2027, 1, 5),
        lines,
        loans=3,
        assets=4,
        borrowers=3,
        damaged=1,
        lost=1,
        not_returned=1,
        paid=Decimal("17500.00"),
        paid_words="หนึ่งหมื่นเจ็ดพันห้าร้อยบาทถ้วน",
    )


def label_sheet(count: int = 26) -> LabelSheet:
    names = ("เครื่องคอมพิวเตอร์โน้ตบุ๊ก", "เก้าอี้พลาสติก", "เครื่องฉายภาพโปรเจกเตอร์",
             "เต็นท์ผ้าใบ ขนาด ๔×๘ เมตร พร้อมโครงเหล็ก", "ตู้เหล็กเก็บเอกสาร ๒ บาน")  # fmt: skip
    labels = tuple(
        AssetLabel(f"7110-006-{i + 1:04d}/2567", names[i % 5], "ฝ่ายการคลัง",
                   asset_link(f"7110-006-{i + 1:04d}/2567"))
        for i in range(count)
    )  # fmt: skip
    return LabelSheet(SETUP, labels)


def main() -> None:
    """``python -m tests.support.pdf_samples`` writes docs/doc-*.png, one PNG per page of
    each document at 100 dpi (pypdfium2), from the fixed contents above."""
    from pathlib import Path

    import pypdfium2

    from printing.pdf.asset_labels import render_label_sheet
    from printing.pdf.asset_use import render_asset_use_report
    from printing.pdf.followup_letter import render_followup_letter
    from printing.pdf.loan_record import render_loan_record
    from printing.pdf.loan_register import render_loan_register
    from printing.pdf.return_record import render_return_record

    docs = Path(__file__).resolve().parents[2] / "docs"
    made = {
        "loan-record": render_loan_record(loan_record()),
        "return-record": render_return_record(return_record()),
        "followup-letter": render_followup_letter(followup_letter()),
        "loan-register": render_loan_register(loan_register(20)),
        "asset-use": render_asset_use_report(asset_use_report()),
        "asset-labels": render_label_sheet(label_sheet(24), outline=True),
    }
    for name, pdf in made.items():
        doc = pypdfium2.PdfDocument(pdf)
        try:
            page = doc[0]  # the first page shows the layout
            image = page.render(scale=100 / 72).to_pil().convert("L")
        finally:
            doc.close()
        image.save(docs / f"doc-{name}.png", optimize=True)
        print(docs / f"doc-{name}.png")


if __name__ == "__main__":
    main()
