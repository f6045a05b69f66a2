"""Pictures of the integrity features for docs/integrity.md: the windows drawn offscreen over
a demo office in the middle of November 2569, and the first pages of the notice, the loan
situation PDF and the ITA pack's cover.

    QT_QPA_PLATFORM=offscreen python -m desktop_app.ui.integrity_shots [--out docs]

Times are fixed, so the pictures only change when the code does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.domain.thai_time import BANGKOK
from desktop_app.services import custodian, loans, misuse, rules, settings
from desktop_app.services.auth import authenticate
from desktop_app.services.ita import build_ita_pack
from desktop_app.services.loan_situation import loan_situation_pdf
from desktop_app.services.setup import init_database
from desktop_app.ui.app import make_env
from desktop_app.ui.env import LocalSettings
from desktop_app.ui.fonts import load_fonts
from desktop_app.ui.screenshots import Clock, settle

GUIDELINE = """# แนวทางการยืมพัสดุของทางราชการ สำนักงานเขตตลิ่งชัน

## หลักการ

{principle}

## ขั้นตอน

1. ยื่นคำขอยืมในโปรแกรม KhetDesk ระบุเหตุผลและกำหนดส่งคืน (ข้อ ๒๐๗)
2. ผู้อนุมัติตามข้อ ๒๐๘ พิจารณา: นำไปใช้นอกสถานที่ หัวหน้าหน่วยงานของรัฐอนุมัติ
3. รับพัสดุจากเจ้าหน้าที่พัสดุ ตรวจสภาพและลงนามในใบยืม
4. ส่งคืนภายในกำหนด หากเกินกำหนด เจ้าหน้าที่พัสดุติดตามทวงคืนภายใน ๗ วัน (ข้อ ๒๑๑)

## ข้อห้าม

- ห้ามนำพัสดุไปใช้เพื่อประโยชน์ส่วนตัว กลุ่ม หรือพวกพ้อง
- พัสดุชำรุดหรือสูญหาย ผู้ยืมต้องซ่อมแซม ชดใช้เป็นพัสดุ หรือชดใช้เงิน (ข้อ ๒๑๑)

พบเห็นการใช้ทรัพย์สินของราชการไม่ถูกต้อง แจ้งเบาะแสได้ในโปรแกรม โดยเลือกไม่ระบุตัวตนได้
""".format(
    principle="พัสดุของทางราชการใช้เพื่อ**ประโยชน์ของทางราชการเท่านั้น** การยืมต้องเป็นไปตาม"
    "ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ ข้อ ๒๐๗–๒๑๑"
)

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=BANGKOK).astimezone(dt.UTC)
LAPTOP, LAPTOP2 = "7440-001-0001/2566", "7440-001-0002/2566"
PROJECTOR, TENT, CHAIR = "6730-002-0001/2565", "8340-001-0001/2564", "7110-006-0001/2567"


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=BANGKOK).astimezone(dt.UTC)


def fill(uow: UnitOfWork, clock: Clock) -> dict[str, str]:
    """The demo office's integrity data; returns the tracking code of the anonymous case."""
    who = {u: authenticate(uow, u, "demo") for u in
           ("admin", "staff1", "clerk1", "supply", "supplyhead", "director")}  # fmt: skip
    clock.now = _at(dt.date(2026, 10, 1))
    settings.set_setting(uow, who["admin"], "office.name", "สำนักงานเขตตลิ่งชัน")
    clock.now = _at(dt.date(2026, 11, 2))
    rules.publish_rules(uow, who["director"], "แนวทางการยืมพัสดุ ฉบับปรับปรุง พ.ศ. ๒๕๖๙",
                        "guideline.md", GUIDELINE.encode())  # fmt: skip
    for u in ("staff1", "clerk1", "supply"):
        clock.now += dt.timedelta(hours=3)
        rules.acknowledge_rules(uow, who[u])
    me = {"borrower_type": "person", "borrower_user": "staff1", "borrower": "กนกพร ทองดี",
          "purpose": "อบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน", "official_use": True,
          "place": "off_premises"}  # fmt: skip
    agency = {"borrower_type": "agency", "agency": "สำนักงานเขตบางพลัด",
              "borrower": "นายวิทยา ผู้ประสาน", "purpose": "จัดงานวันเด็กของชุมชน",
              "official_use": True}  # fmt: skip
    plan = (
        (LAPTOP, dt.date(2026, 11, 2), dt.date(2026, 11, 9), me),
        (PROJECTOR, dt.date(2026, 11, 16), dt.date(2026, 11, 20), agency),
        (TENT, dt.date(2026, 11, 20), dt.date(2026, 11, 27), me),
        (CHAIR, dt.date(2026, 10, 12), dt.date(2026, 10, 14), me),
    )
    for asset, start, due, args in plan:
        clock.now = _at(start, 8)
        v = loans.request_loan(uow, who["staff1"], items=[asset], start=start, due=due, **args)
        loans.approve_loan(uow, who["director"], v.loan_no)
        loans.hand_over(uow, who["supply"], v.loan_no)
        if asset == CHAIR:
            clock.now = _at(due, 15)
            loans.return_items(uow, who["supply"], v.loan_no, [f"{CHAIR}:damaged"])
    clock.now = _at(dt.date(2026, 11, 23), 14)
    loans.request_loan(uow, who["staff1"], items=[LAPTOP2], start=dt.date(2026, 11, 26),
                       due=dt.date(2026, 11, 28), **me)  # fmt: skip
    clock.now = _at(dt.date(2026, 11, 5), 19)
    anon = misuse.report_misuse(
        uow, who["staff1"], "เห็นรถยนต์ส่วนกลางทะเบียน กข 1234 จอดที่บ้านพักในวันหยุดสุดสัปดาห์",
        anonymous=True,
    )  # fmt: skip
    clock.now = _at(dt.date(2026, 11, 18), 10)
    named = misuse.report_misuse(uow, who["clerk1"], "มีการนำเก้าอี้ไปใช้ในงานเลี้ยงส่วนตัว",
                                 asset_no=CHAIR)  # fmt: skip
    clock.now = _at(dt.date(2026, 11, 19), 11)
    misuse.update_case(uow, who["director"], named.case, "investigating",
                       "มอบหัวหน้าฝ่ายการคลังตรวจสอบข้อเท็จจริง รายงานภายใน ๗ วัน")  # fmt: skip
    clock.now = _at(dt.date(2026, 11, 3), 16)
    custodian.submit_custodian_report(
        uow, who["supply"], 2026, 10,
        "ตรวจนับครุภัณฑ์ที่ให้ยืมครบทุกรายการ\nเก้าอี้พลาสติก ๑ ตัว ชำรุดจากการยืม แจ้งผู้ยืมซ่อมแซม",
    )  # fmt: skip
    clock.now = _at(dt.date(2026, 11, 4), 10)
    custodian.sign_off_custodian_report(uow, who["supplyhead"], 2026, 10, "รับทราบ ให้ติดตามการซ่อม")
    clock.now = NOW
    return {"tracking": anon.tracking, "case": anon.case}


def _pdf_png(pdf: bytes, path: Path, scale: float = 1.4) -> None:
    import pypdfium2 as pdfium  # a test dependency: pictures are made by developers

    doc = pdfium.PdfDocument(pdf)
    try:
        doc[0].render(scale=scale).to_pil().save(path)
    finally:
        doc.close()


def integrity_screenshots(out_dir: Path) -> list[Path]:
    from desktop_app.ui.integrity import (
        CustodianWindow,
        LoanSituationWindow,
        MisuseCasesWindow,
        MisuseReportDialog,
        RulesDialog,
        RulesWindow,
        SupervisionWindow,
    )

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_fonts(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/integrity.db")
        init_database(engine, demo=True)
        clock = Clock(NOW)
        uow = UnitOfWork(engine, clock=clock)
        fill(uow, clock)
        local = LocalSettings(QSettings(f"{tmp}/local.ini", QSettings.Format.IniFormat))
        local.board_sound = False
        env = make_env(app, uow, local=local, clock=clock)
        director = authenticate(uow, "director", "demo")
        staff = authenticate(uow, "clerk2", "demo")

        def grab(window: QWidget, name: str, size: tuple[int, int] | None, ready: object) -> None:
            if size:
                window.resize(*size)
            window.show()
            settle(app, ready if callable(ready) else (lambda: True), timeout_s=20)
            path = out_dir / name
            window.grab().save(str(path))
            made.append(path)
            window.close()

        doc = rules.pending_rules(uow, staff)
        assert doc is not None
        grab(RulesDialog(env, staff, doc), "integrity-rules-dialog.png", (860, 700), None)
        heads = RulesWindow(env, director)
        grab(heads, "integrity-rules-window.png", (1000, 560),
             lambda: heads.status is not None and heads.model.rowCount() > 0)  # fmt: skip
        report = MisuseReportDialog(env, staff)
        report.text.setPlainText("เห็นการนำเครื่องฉายโปรเจคเตอร์ไปใช้ในงานส่วนตัวที่บ้าน")
        report.asset.setText(PROJECTOR)
        report.anonymous.setChecked(True)
        report.attachments.addItem("photo-2026-11-22.jpg")
        grab(report, "integrity-misuse-report.png", (700, 560), None)
        cases = MisuseCasesWindow(env, director)
        grab(cases, "integrity-misuse-cases.png", (1366, 768),
             lambda: cases.model.rowCount() == 2 and (cases.table.selectRow(0) or True)
             and cases.current is not None)  # fmt: skip
        situation = LoanSituationWindow(env, authenticate(uow, "staff1", "demo"))
        grab(situation, "integrity-loan-situation.png", (1366, 768),
             lambda: situation.model.rowCount() == 3)  # fmt: skip
        summary = SupervisionWindow(env, director)
        grab(summary, "integrity-supervision.png", (820, 720), lambda: summary.summary is not None)
        keeper = CustodianWindow(env, authenticate(uow, "supplyhead", "demo"))
        keeper.year.setValue(2026)
        keeper.month.setValue(10)
        grab(keeper, "integrity-custodian.png", (860, 560),
             lambda: keeper.view is not None and keeper.view.month == 10)  # fmt: skip

        _pdf_png(rules.rules_notice_pdf(uow), out_dir / "doc-rules-notice.png")
        made.append(out_dir / "doc-rules-notice.png")
        _pdf_png(loan_situation_pdf(uow), out_dir / "doc-loan-situation.png")
        made.append(out_dir / "doc-loan-situation.png")
        pack = build_ita_pack(uow, director, 2570, Path(tmp) / "ita")
        _pdf_png((Path(pack.dir) / "cover.pdf").read_bytes(), out_dir / "doc-ita-cover.png")
        made.append(out_dir / "doc-ita-cover.png")
        _pdf_png((Path(pack.dir) / "misuse-cases.pdf").read_bytes(),
                 out_dir / "doc-ita-misuse-cases.png")  # fmt: skip
        made.append(out_dir / "doc-ita-misuse-cases.png")
        env.live.stop()
        engine.dispose()
    return made


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m desktop_app.ui.integrity_shots")
    p.add_argument("--out", default="docs", type=Path)
    for path in integrity_screenshots(p.parse_args().out):
        print(path)


if __name__ == "__main__":
    main()
