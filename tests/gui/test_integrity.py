"""The integrity windows driven as a person would (issue 16): the guideline acknowledged at
login; a misuse report sent anonymously with its evidence, handled by the director and
followed by its tracking code; the agency head's summary at login, each entry opening its
thing; the loan situation reloading live; the custodian's report submitted and signed off."""

from __future__ import annotations

import re
import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QListWidget, QPlainTextEdit, QTextBrowser

from desktop_app.services import custodian, loans, misuse, rules, settings
from desktop_app.ui.integrity import (
    CustodianWindow,
    LoanSituationWindow,
    MisuseCasesWindow,
    RulesDialog,
    SupervisionWindow,
    open_custodian,
    open_loan_situation,
)
from desktop_app.ui.loan_inbox import LoanInboxWindow
from desktop_app.ui.login import LoginDialog, Startup
from desktop_app.ui.shell import Shell
from tests.gui.conftest import WAIT_MS, button, type_thai
from tests.support.db import actor
from tests.support.loans import request

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "integrity.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


# The integrity workspaces of the shell's side bar (ui.workspaces).
INTEGRITY_BUTTONS = {
    "openLoanSituation",
    "openMisuseCases",
    "openSupervision",
    "openCustodian",
    "openRules",
}


def opened(env, cls):
    """Windows of their own, and the workspaces inside the shell."""
    pages = [p for s in env.windows if isinstance(s, Shell) for p in s.pages.values()]
    return [w for w in [*env.windows, *pages] if isinstance(w, cls)]


def make_shell(qtbot, env, user) -> Shell:
    shell = Shell(env, user)
    env.keep(shell).show()
    qtbot.waitExposed(shell)
    qtbot.waitUntil(lambda: not shell.ops.busy, timeout=WAIT_MS)
    return shell


def login(qtbot, env, username: str) -> Shell:
    startup = Startup(env, "main", quit=lambda: None)
    env.keep_startup = startup  # kept alive as run_gui keeps it
    startup.begin()
    qtbot.waitUntil(lambda: bool(opened(env, LoginDialog)), timeout=WAIT_MS)
    dialog = opened(env, LoginDialog)[-1]
    qtbot.keyClicks(dialog.findChild(type(dialog.user), "loginUser"), username)
    qtbot.keyClicks(dialog.findChild(type(dialog.user), "loginPassword"), "demo")
    qtbot.mouseClick(button(dialog, "loginButton"), LEFT)
    qtbot.waitUntil(lambda: bool(opened(env, Shell)), timeout=WAIT_MS)
    return opened(env, Shell)[-1]


def click_check(qtbot, box: QCheckBox) -> None:
    """Click the box itself (its indicator at the left), as a person does."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def activate(qtbot, lst: QListWidget, row: int) -> None:
    rect = lst.visualItemRect(lst.item(row))
    qtbot.mouseClick(lst.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(lst.viewport(), LEFT, pos=rect.center())


def test_the_guideline_is_acknowledged_at_login(qtbot, env, dialogs):
    uow = env.uow
    rules.publish_rules(uow, actor(uow, "director"), "แนวทางการยืมพัสดุ", "r.md",
                        "# แนวทาง\n\n1. ยื่นคำขอในโปรแกรม\n".encode())  # fmt: skip
    shown: list[RulesDialog] = []

    def acknowledge(dialog):
        assert isinstance(dialog, RulesDialog)
        shown.append(dialog)
        assert "ยื่นคำขอในโปรแกรม" in dialog.findChild(QTextBrowser, "rulesText").toPlainText()
        ack = button(dialog, "rulesAck")
        assert not ack.isEnabled()  # not before "I have read it"
        click_check(qtbot, dialog.findChild(QCheckBox, "rulesRead"))
        assert ack.isEnabled()
        qtbot.mouseClick(ack, LEFT)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)

    dialogs.answer(acknowledge)
    login(qtbot, env, "staff1")
    qtbot.waitUntil(lambda: bool(shown) and shown[0].acknowledged is not None, timeout=WAIT_MS)
    status = rules.rules_status(uow)
    assert "staff1" in status.acknowledged
    assert rules.pending_rules(uow, actor(uow, "staff1")) is None


def test_later_leaves_it_pending_for_the_next_login(qtbot, env, dialogs):
    uow = env.uow
    rules.publish_rules(uow, actor(uow, "director"), "แนวทาง", "r.md", b"# rules\n")

    def later(dialog):
        qtbot.mouseClick(button(dialog, "rulesLater"), LEFT)

    dialogs.answer(later)
    login(qtbot, env, "clerk1")
    qtbot.waitUntil(lambda: len(dialogs.seen) == 1, timeout=WAIT_MS)
    assert rules.pending_rules(uow, actor(uow, "clerk1")) is not None


def test_a_report_sent_anonymously_handled_and_followed(qtbot, env, dialogs, tmp_path):
    uow = env.uow
    photo = tmp_path / "evidence.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    shell = make_shell(qtbot, env, actor(uow, "staff1"))
    menu = shell.integrity_menu.actions()
    for a in (shell.act_misuse_report, shell.act_misuse_track, shell.act_rules):
        assert a in menu and a.isEnabled()  # the ความโปร่งใส menu, for everyone
    assert "openLoanSituation" in shell.buttons
    assert "openMisuseCases" not in shell.buttons  # staff do not handle cases

    def fill(dialog):
        type_thai(dialog.findChild(QPlainTextEdit, "misuseText"), "เห็นนำเครื่องฉายไปใช้งานส่วนตัว")
        click_check(qtbot, dialog.findChild(QCheckBox, "misuseAnonymous"))
        dialogs.files.append(str(photo))
        qtbot.mouseClick(button(dialog, "misuseAttach"), LEFT)
        assert dialog.findChild(QListWidget, "misuseAttachments").count() == 1
        qtbot.mouseClick(button(dialog, "misuseSend"), LEFT)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)

    dialogs.answer(fill)
    shell.act_misuse_report.trigger()
    qtbot.waitUntil(lambda: any("รหัสติดตาม" in m for _, m in dialogs.messages), timeout=WAIT_MS)
    text = next(m for _, m in dialogs.messages if "รหัสติดตาม" in m)
    code = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", text).group(0)
    director = actor(uow, "director")
    [case] = misuse.list_cases(uow, director)
    assert case.anonymous and case.reporter is None and len(case.attachments) == 1

    # The director handles it in the handler's window.
    head = make_shell(qtbot, env, director)
    qtbot.mouseClick(head.buttons["openMisuseCases"], LEFT)
    qtbot.waitUntil(lambda: isinstance(head.current_page(), MisuseCasesWindow), timeout=WAIT_MS)
    window = head.current_page()
    assert opened(env, MisuseCasesWindow) == [window]
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    rect = window.table.visualRect(window.model.index(0, 0))
    qtbot.mouseClick(window.table.viewport(), LEFT, pos=rect.center())
    qtbot.waitUntil(lambda: window.current is not None, timeout=WAIT_MS)
    assert "ไม่ระบุตัวตน" in window.detail.toPlainText()
    combo = window.findChild(QComboBox, "misuseStatus")
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "investigating"
    type_thai(window.findChild(QPlainTextEdit, "misuseNote"), "มอบนิติกรตรวจสอบข้อเท็จจริง")
    qtbot.mouseClick(button(window, "misuseRecord"), LEFT)
    qtbot.waitUntil(lambda: misuse.track_case(uow, code).status == "investigating",
                    timeout=WAIT_MS)  # fmt: skip
    qtbot.waitUntil(lambda: "มอบนิติกร" in window.detail.toPlainText(), timeout=WAIT_MS)

    # The reporter follows it by the code.
    def follow(dialog):
        qtbot.keyClicks(dialog.findChild(type(dialog.code), "trackCode"), code.lower())
        qtbot.mouseClick(button(dialog, "trackGo"), LEFT)
        result = dialog.findChild(QTextBrowser, "trackResult")
        qtbot.waitUntil(lambda: "มอบนิติกร" in result.toPlainText(), timeout=WAIT_MS)
        assert "อยู่ระหว่างตรวจสอบ" in result.toPlainText()
        qtbot.mouseClick(button(dialog, "trackClose"), LEFT)

    dialogs.answer(follow)
    shell.act_misuse_track.trigger()
    assert not dialogs.handlers


def test_the_heads_summary_at_login_opens_each_thing(qtbot, env, dialogs, clock):
    uow = env.uow
    staff, admin = actor(uow, "staff1"), actor(uow, "admin")
    loan = request(uow, staff)  # 208(3): the director decides
    settings.set_setting(uow, admin, "misuse.response_days", "1")
    case = misuse.report_misuse(uow, staff, "ใช้รถส่วนกลางไปธุระส่วนตัว", anonymous=True).case
    login(qtbot, env, "director")
    qtbot.waitUntil(lambda: bool(opened(env, SupervisionWindow)), timeout=WAIT_MS)
    summary = opened(env, SupervisionWindow)[0]
    qtbot.waitUntil(lambda: summary.summary is not None, timeout=WAIT_MS)
    pending = summary.lists["pending_approval"]
    assert loan.loan_no in pending.item(0).text()
    cases = summary.lists["misuse_near_deadline"]
    assert case in cases.item(0).text()
    assert summary.lists["past_211"].item(0).text() == "ไม่มี"

    activate(qtbot, pending, 0)
    qtbot.waitUntil(lambda: bool(opened(env, LoanInboxWindow)), timeout=WAIT_MS)
    inbox = opened(env, LoanInboxWindow)[0]
    qtbot.waitUntil(lambda: inbox.decision is not None, timeout=WAIT_MS)
    assert inbox.decision.loan.loan_no == loan.loan_no

    activate(qtbot, cases, 0)
    qtbot.waitUntil(lambda: bool(opened(env, MisuseCasesWindow)), timeout=WAIT_MS)
    window = opened(env, MisuseCasesWindow)[0]
    qtbot.waitUntil(lambda: window.current is not None, timeout=WAIT_MS)
    assert window.current.case == case


def test_only_heads_get_the_summary_and_the_cases(qtbot, env):
    heads = {"openMisuseCases", "openSupervision", "openCustodian", "openRules"}
    for username, extra in (("staff1", set()), ("supply", {"openCustodian"}),
                            ("supplyhead", {"openCustodian", "openRules"}),
                            ("director", heads), ("admin", heads)):  # fmt: skip
        shell = Shell(env, actor(env.uow, username))
        env.keep(shell)
        mine = set(shell.buttons) & INTEGRITY_BUTTONS
        assert mine == {"openLoanSituation"} | extra, username
        # The guideline, the report and its tracking: the ความโปร่งใส menu, for everyone.
        menu = shell.integrity_menu.actions()
        for a in (shell.act_rules, shell.act_misuse_report, shell.act_misuse_track):
            assert a in menu and a.isEnabled(), username
        qtbot.waitUntil(lambda s=shell: not s.ops.busy, timeout=WAIT_MS)
        shell.close()


def test_the_loan_situation_reloads_live_and_filters(qtbot, env):
    uow = env.uow
    staff, director, supply = actor(uow, "staff1"), actor(uow, "director"), actor(uow, "supply")
    window = open_loan_situation(env, staff)
    assert isinstance(window, LoanSituationWindow)
    qtbot.waitUntil(lambda: window.situation is not None, timeout=WAIT_MS)
    assert window.model.rowCount() == 0
    loan = request(uow, staff)
    loans.approve_loan(uow, director, loan.loan_no)
    loans.hand_over(uow, supply, loan.loan_no)  # elsewhere: the live poll notices
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    assert "ยืมอยู่ 1 รายการ" in window.summary.text()
    click_check(qtbot, window.overdue)  # nothing is overdue yet
    assert window.model.rowCount() == 0
    click_check(qtbot, window.overdue)
    qtbot.keyClicks(window.search, "ZZZ-no-such")
    assert window.model.rowCount() == 0


def test_the_custodian_submits_and_the_head_signs_off(qtbot, env):
    uow = env.uow
    window = open_custodian(env, actor(uow, "supply"))
    assert isinstance(window, CustodianWindow)
    qtbot.waitUntil(lambda: window.view is not None, timeout=WAIT_MS)
    assert not window.sign.isVisible()  # the custodian does not sign their own report
    type_thai(window.checks, "ตรวจนับครุภัณฑ์ครบทุกรายการ")
    qtbot.mouseClick(window.submit, LEFT)
    year, month = window._month_key
    qtbot.waitUntil(lambda: custodian.custodian_report(uow, year, month).status == "submitted",
                    timeout=WAIT_MS)  # fmt: skip
    head = open_custodian(env, actor(uow, "director"))
    qtbot.waitUntil(lambda: head.view is not None and head.view.status == "submitted",
                    timeout=WAIT_MS)  # fmt: skip
    qtbot.mouseClick(head.sign, LEFT)
    qtbot.waitUntil(lambda: custodian.custodian_report(uow, year, month).status == "signed",
                    timeout=WAIT_MS)  # fmt: skip
    assert custodian.custodian_report(uow, year, month).signed_by == "director"


def test_the_statistics_window_makes_the_ita_pack(qtbot, env, tmp_path):
    import json

    from desktop_app.ui.stats_window import StatsWindow

    window = StatsWindow(env, actor(env.uow, "director"))
    qtbot.addWidget(window)
    env.windows.append(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded is not None, timeout=WAIT_MS)
    asked: list[int] = []
    window.choose_folder = lambda fy: asked.append(fy) or str(tmp_path)
    qtbot.mouseClick(button(window, "export_ita"), LEFT)
    qtbot.waitUntil(lambda: getattr(window, "last_ita", None) is not None, timeout=WAIT_MS * 3)
    assert asked == [2570]  # the test clock's November 2026 is in fiscal year 2570
    index = json.loads((tmp_path / "ita-2570" / "index.json").read_text(encoding="utf-8"))
    assert all((tmp_path / "ita-2570" / f["file"]).is_file() for f in index["files"])
    assert "ita-2570" in window.message.text()
    other = StatsWindow(env, actor(env.uow, "supplyhead"))  # sees statistics, not the pack
    qtbot.addWidget(other)
    assert not button(other, "export_ita").isVisibleTo(other)


def test_a_head_publishes_a_version_and_sees_who_acknowledged_it(qtbot, env, dialogs, tmp_path):
    from desktop_app.ui.integrity import RulesWindow

    uow = env.uow
    guideline = tmp_path / "guideline.md"
    guideline.write_text("# แนวทาง\n\n- ห้ามใช้ส่วนตัว\n", encoding="utf-8")
    head = make_shell(qtbot, env, actor(uow, "director"))
    qtbot.mouseClick(head.buttons["openRules"], LEFT)
    qtbot.waitUntil(lambda: isinstance(head.current_page(), RulesWindow), timeout=WAIT_MS)
    window = head.current_page()
    assert opened(env, RulesWindow) == [window]
    qtbot.waitUntil(lambda: window.status is not None, timeout=WAIT_MS)
    assert not window.notice.isEnabled()  # nothing published yet
    type_thai(window.title, "แนวทางการยืมพัสดุ ฉบับทดสอบ")
    dialogs.files.append(str(guideline))
    qtbot.mouseClick(window.publish, LEFT)
    qtbot.waitUntil(lambda: window.status is not None and window.status.version == 1,
                    timeout=WAIT_MS)  # fmt: skip
    assert rules.current_rules(uow).info.title == "แนวทางการยืมพัสดุ ฉบับทดสอบ"
    rules.acknowledge_rules(uow, actor(uow, "clerk1"))  # elsewhere: the window follows
    qtbot.waitUntil(lambda: "clerk1" in window.status.acknowledged, timeout=WAIT_MS)
    units = {u.unit: u for u in window.model.rows}
    assert units["ฝ่ายทะเบียน"].pending == ("clerk2",)
    assert "รับทราบแล้ว 1 คน" in window.current.text()


def test_a_pdf_guideline_is_shown_in_the_pdf_viewer(qtbot, env, dialogs):
    from PySide6.QtPdf import QPdfDocument

    uow = env.uow
    director = actor(uow, "director")
    rules.publish_rules(uow, director, "ฉบับ Markdown", "r.md", b"# rules\n")
    pdf = rules.rules_notice_pdf(uow)  # a real PDF to publish as the next version
    rules.publish_rules(uow, director, "ฉบับ PDF", "rules.pdf", pdf)
    pages: list[int] = []

    def look(dialog):
        assert dialog.pdf_document is not None
        assert dialog.pdf_document.status() == QPdfDocument.Status.Ready
        pages.append(dialog.pdf_document.pageCount())
        click_check(qtbot, dialog.read)
        qtbot.mouseClick(dialog.ack, LEFT)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)

    dialogs.answer(look)
    login(qtbot, env, "staff1")
    qtbot.waitUntil(lambda: bool(pages), timeout=WAIT_MS)
    assert pages == [1]
    qtbot.waitUntil(lambda: "staff1" in rules.rules_status(uow).acknowledged, timeout=WAIT_MS)


def test_a_counter_login_asks_too(qtbot, env, dialogs):
    from desktop_app.ui.counter import CounterWindow

    uow = env.uow
    rules.publish_rules(uow, actor(uow, "director"), "แนวทาง", "r.md", b"# rules\n")
    asked: list[str] = []

    def later(dialog):
        asked.append(dialog.objectName())
        qtbot.mouseClick(button(dialog, "rulesLater"), LEFT)

    dialogs.answer(later)
    startup = Startup(env, "counter", 1, quit=lambda: None)
    env.keep_startup = startup
    startup.begin()
    qtbot.waitUntil(lambda: bool(opened(env, LoginDialog)), timeout=WAIT_MS)
    dialog = opened(env, LoginDialog)[-1]
    qtbot.keyClicks(dialog.findChild(type(dialog.user), "loginUser"), "clerk1")
    qtbot.keyClicks(dialog.findChild(type(dialog.user), "loginPassword"), "demo")
    qtbot.mouseClick(button(dialog, "loginButton"), LEFT)
    qtbot.waitUntil(lambda: bool(opened(env, CounterWindow)) and bool(asked), timeout=WAIT_MS)
    assert asked == ["rulesDialog"]


def test_the_integrity_settings_are_on_the_office_page(qtbot, env):
    from PySide6.QtWidgets import QLineEdit

    from desktop_app.services.settings import get_setting
    from desktop_app.ui.admin import SettingsWindow

    window = SettingsWindow(env, actor(env.uow, "admin"))
    qtbot.addWidget(window)
    env.windows.append(window)
    window.show()
    required = window.findChild(QComboBox, "rulesRequiredForLoans")
    days = window.findChild(QLineEdit, "misuseResponseDays")
    qtbot.waitUntil(lambda: days.text() != "", timeout=WAIT_MS)  # the page has loaded
    assert required.currentData() == "off" and days.text() == "15"  # the defaults
    qtbot.keyClick(required, Qt.Key.Key_Down)
    days.selectAll()
    qtbot.keyClick(days, Qt.Key.Key_Delete)
    qtbot.keyClicks(days, "7")
    qtbot.keyClicks(window.findChild(QLineEdit, "misuseHandlers"), "clerk2")
    qtbot.mouseClick(button(window, "officeSave"), LEFT)
    qtbot.waitUntil(lambda: get_setting(env.uow, "misuse.response_days").value == "7",
                    timeout=WAIT_MS)  # fmt: skip
    assert get_setting(env.uow, "rules.required_for_loans").value == "on"
    assert get_setting(env.uow, "misuse.handlers").value == "clerk2"
