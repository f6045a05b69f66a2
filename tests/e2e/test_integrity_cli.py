"""Integrity and transparency through the real `khetdesk` program (CLI.md, "Integrity and
transparency"), on SQLite and PostgreSQL: the guideline published, acknowledged and reported
on; a loan request refused until it is acknowledged when the office says so; misuse reports
followed by tracking code without a login and handled by the head; the ITA evidence pack
with every file and its index; every refusal with its exit code and an unchanged database."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine

from desktop_app.domain.thai_time import business_date, utc_now
from tests.e2e.runner import (
    AUTH,
    FORBIDDEN,
    INVALID,
    NOT_FOUND,
    RULE,
    USAGE,
    Case,
    check_refusals,
    ok_json,
    run,
)
from tests.support.loans import LAPTOP

PW = "demo"
DEMO_USERS = ["admin", "clerk1", "clerk2", "director", "staff1", "supply", "supplyhead"]
GUIDELINE = "# แนวทางการยืมพัสดุ\n\n1. ยื่นคำขอในโปรแกรม\n2. ส่งคืนตามกำหนด\n"
ITA_INDICATORS = {"IIT 20", "IIT 21", "IIT 22", "IIT 23", "IIT 24", "IIT 30", "EIT 7"}


def as_(url: str, user: str | None, *args: str):
    return run(url, *args, as_user=user, password=PW if user else None)


def _guideline(tmp_path: Path, text: str = GUIDELINE, name: str = "rules.md") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_rules_published_acknowledged_and_reported(office_url: str, tmp_path: Path) -> None:
    url = office_url
    none = ok_json(run(url, "rules", "status"))
    assert none["version"] is None and none["acknowledged"] == []
    assert none["pending"] == DEMO_USERS

    v1 = ok_json(as_(url, "director", "rules", "publish", "--title", "แนวทาง ๒๕๖๙",
                     "--file", _guideline(tmp_path)))  # fmt: skip
    assert v1["version"] == 1
    shown = ok_json(run(url, "rules", "show"))
    assert (shown["version"], shown["title"], shown["format"]) == (1, "แนวทาง ๒๕๖๙", "md")
    assert shown["text"] == GUIDELINE

    first = ok_json(as_(url, "staff1", "rules", "ack"))
    again = ok_json(as_(url, "staff1", "rules", "ack"))  # again: no change, exit 0
    assert (first["version"], first["already"], again["already"]) == (1, False, True)
    assert again["acknowledged_at"] == first["acknowledged_at"]
    ok_json(as_(url, "clerk1", "rules", "ack"))
    status = ok_json(run(url, "rules", "status"))
    assert status["version"] == 1
    assert status["acknowledged"] == ["clerk1", "staff1"]
    assert status["pending"] == [u for u in DEMO_USERS if u not in ("clerk1", "staff1")]
    by_unit = {u["unit"]: u for u in status["units"]}
    assert by_unit["ฝ่ายทะเบียน"]["acknowledged"] == 1
    assert by_unit["ฝ่ายทะเบียน"]["pending"] == ["clerk2"]

    # A new version makes everyone pending again; a PDF is a version too.
    pdf = tmp_path / "rules.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    v2 = ok_json(as_(url, "supplyhead", "rules", "publish", "--title", "ฉบับ PDF",
                     "--file", str(pdf)))  # fmt: skip
    assert v2["version"] == 2
    status = ok_json(run(url, "rules", "status"))
    assert (status["version"], status["acknowledged"], status["pending"]) == (2, [], DEMO_USERS)
    saved = tmp_path / "saved.pdf"
    assert ok_json(run(url, "rules", "show", "--out", str(saved)))["format"] == "pdf"
    assert saved.read_bytes() == pdf.read_bytes()
    notice = tmp_path / "notice.pdf"
    ok_json(run(url, "rules", "notice", "--out", str(notice)))
    assert notice.read_bytes().startswith(b"%PDF")


def test_a_loan_request_waits_for_the_acknowledgement_when_the_office_requires_it(
    office_url: str, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    url = office_url
    due = (business_date(utc_now()) + dt.timedelta(days=3)).isoformat()
    request = ("loan", "request", "--borrower-type", "person", "--borrower", "กนกพร ทองดี",
               "--borrower-user", "staff1", "--purpose", "อบรมอาสาสมัคร", "--official-use",
               "--place", "off_premises", "--due", due, "--item", LAPTOP)  # fmt: skip
    ok_json(as_(url, "director", "rules", "publish", "--title", "แนวทาง",
                "--file", _guideline(tmp_path)))  # fmt: skip
    # Off by default: the request goes through without an acknowledgement.
    assert (
        ok_json(as_(url, "admin", "settings", "get", "rules.required_for_loans"))["value"] == "off"
    )
    first = ok_json(as_(url, "staff1", *request))
    ok_json(as_(url, "staff1", "loan", "cancel", first["loan_no"]))
    ok_json(as_(url, "admin", "settings", "set", "rules.required_for_loans", "on"))
    check_refusals(engine, url, [("staff1", request, RULE)])
    refused = as_(url, "staff1", *request)
    assert "rules ack" in json.loads(refused.err)["message"]
    ok_json(as_(url, "staff1", "rules", "ack"))
    assert ok_json(as_(url, "staff1", *request))["status"] == "submitted"


def test_a_misuse_report_is_followed_by_its_code_and_handled_by_the_head(
    office_url: str, tmp_path: Path
) -> None:
    url = office_url
    photo = tmp_path / "IMG_somchai.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    r = ok_json(as_(url, "staff1", "misuse", "report", "--text", "นำเต็นท์ไปใช้งานส่วนตัว",
                    "--asset", LAPTOP, "--anonymous", "--attach", str(photo)))  # fmt: skip
    assert set(r) >= {"case", "tracking"} and isinstance(r["case"], str)
    code = r["tracking"]

    tracked = ok_json(run(url, "misuse", "track", code))  # no login
    assert set(tracked) >= {"case", "status", "updates"}
    assert (tracked["case"], tracked["status"]) == (r["case"], "received")
    assert all(set(u) >= {"at", "status", "note"} for u in tracked["updates"])
    # Typed as it is read from paper: lower case, spaces instead of dashes.
    assert ok_json(run(url, "misuse", "track", code.lower().replace("-", " ")))["case"] == r["case"]

    listed = ok_json(as_(url, "director", "misuse", "list"))["cases"]
    assert [c["case"] for c in listed] == [r["case"]]
    case = listed[0]
    assert case["anonymous"] is True and case["reporter"] is None
    assert case["asset"] == LAPTOP and case["flagged"] is False
    assert case["attachments"][0]["name"] == "attachment-1.png"  # not IMG_somchai.png
    assert len(case["attachments"][0]["sha256"]) == 64

    updated = ok_json(as_(url, "director", "misuse", "update", r["case"], "--status",
                          "investigating", "--note", "มอบนิติกรตรวจสอบ"))  # fmt: skip
    assert updated["status"] == "investigating" and updated["handler"] == "director"
    ok_json(as_(url, "admin", "misuse", "update", r["case"], "--status", "resolved",
                "--note", "ตักเตือนและบันทึกการยืมย้อนหลัง"))  # fmt: skip
    tracked = ok_json(run(url, "misuse", "track", code))
    assert tracked["status"] == "resolved"
    assert [(u["status"], u["note"]) for u in tracked["updates"]][1:] == [
        ("investigating", "มอบนิติกรตรวจสอบ"),
        ("resolved", "ตักเตือนและบันทึกการยืมย้อนหลัง"),
    ]

    named = ok_json(as_(url, "clerk1", "misuse", "report", "--text", "ใช้รถส่วนกลางไปธุระส่วนตัว"))
    assert named["case"] != r["case"]
    cases = {c["case"]: c for c in ok_json(as_(url, "admin", "misuse", "list"))["cases"]}
    assert cases[named["case"]]["reporter"] == "clerk1"
    assert cases[named["case"]]["anonymous"] is False


def test_the_ita_pack_writes_every_file_even_when_the_year_is_empty(
    office_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "ita" / "2570"  # created, parents too
    result = ok_json(as_(office_url, "director", "report", "ita", "--fy", "2570",
                         "--out", str(out)))  # fmt: skip
    assert (result["date_from"], result["date_to"]) == ("2026-10-01", "2027-09-30")
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    files = index["files"]
    assert all(set(f) >= {"file", "indicator", "title"} for f in files)
    written = {p.name for p in out.iterdir()} - {"index.json"}
    assert {f["file"] for f in files} == written
    assert {f["indicator"] for f in files} == ITA_INDICATORS
    assert all(f["title"] and "\n" not in f["title"] for f in files)
    names = {f["file"] for f in files}
    for wanted in ("queue-statistics.xlsx", "queue-statistics.pdf", "loan-register.pdf",
                   "asset-use.pdf", "rules-acknowledgements.pdf", "misuse-cases.pdf",
                   "custodian-signoffs.pdf", "cover.pdf"):  # fmt: skip
        assert wanted in names
    for f in files:
        data = (out / f["file"]).read_bytes()
        if f["file"].endswith(".pdf"):
            assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
        else:
            load_workbook(out / f["file"], read_only=True).close()
    # A second run replaces the files; the admin may make it too.
    ok_json(as_(office_url, "admin", "report", "ita", "--fy", "2570", "--out", str(out)))


def test_refusals_change_nothing(shared_office: str, shared_engine: Engine, tmp_path: Path) -> None:
    url = shared_office
    txt = tmp_path / "rules.txt"
    txt.write_text("text", encoding="utf-8")
    md = _guideline(tmp_path)
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * (10 * 1024 * 1024))
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ\x90\x00")
    report = ("misuse", "report", "--text", "เห็นการใช้รถส่วนตัว")
    cases: list[Case] = [
        ("staff1", ("rules", "ack"), NOT_FOUND),  # nothing published
        (None, ("rules", "show"), NOT_FOUND),
        (None, ("rules", "ack"), AUTH),
        ("staff1", ("rules", "publish", "--title", "x", "--file", md), FORBIDDEN),
        ("clerk1", ("rules", "publish", "--title", "x", "--file", md), FORBIDDEN),
        ("director", ("rules", "publish", "--title", "x", "--file", str(txt)), INVALID),
        ("director", ("rules", "publish", "--title", "x", "--file", str(tmp_path / "no.md")),
         INVALID),
        ("director", ("rules", "publish", "--title", " ", "--file", md), INVALID),
        (None, ("misuse", "track", "AAAA-BBBB-CCCC"), NOT_FOUND),
        (None, ("misuse", "track", "not a code"), NOT_FOUND),
        (None, ("misuse", "track", ""), NOT_FOUND),
        (None, ("misuse", "list"), AUTH),
        ("staff1", ("misuse", "list"), FORBIDDEN),
        ("supply", ("misuse", "list"), FORBIDDEN),
        ("supplyhead", ("misuse", "update", "MU-2570-0001", "--status", "resolved",
                        "--note", "x"), FORBIDDEN),
        ("clerk1", ("misuse", "update", "MU-2570-0001", "--status", "resolved", "--note", ""),
         FORBIDDEN),
        ("director", ("misuse", "update", "MU-2570-0001", "--status", "resolved",
                      "--note", "x"), NOT_FOUND),
        ("director", ("misuse", "update", "MU-1", "--status", "closed", "--note", "x"), USAGE),
        (None, report, AUTH),
        ("staff1", ("misuse", "report", "--text", "  "), INVALID),
        ("staff1", (*report, "--asset", "NO-SUCH"), NOT_FOUND),
        ("staff1", (*report, "--loan", "ยม.9999/2570"), NOT_FOUND),
        ("staff1", (*report, "--anonymous", "--attach", str(big)), INVALID),
        ("staff1", (*report, "--attach", str(exe)), INVALID),
        ("staff1", (*report, "--attach", str(tmp_path / "missing.png")), INVALID),
        ("staff1", ("report", "ita", "--fy", "2570", "--out", str(tmp_path / "a")), FORBIDDEN),
        ("supplyhead", ("report", "ita", "--fy", "2570", "--out", str(tmp_path / "b")),
         FORBIDDEN),
        ("director", ("report", "ita", "--fy", "70", "--out", str(tmp_path / "c")), USAGE),
        ("director", ("report", "ita", "--fy", "2026", "--out", str(tmp_path / "d")), INVALID),
        ("director", ("report", "ita", "--fy", "2570", "--out", str(txt)), INVALID),
        ("staff1", ("custodian", "submit", "--month", "2026-11", "--checks", "x"), FORBIDDEN),
        ("director", ("custodian", "signoff", "--month", "2026-11"), NOT_FOUND),
    ]  # fmt: skip
    check_refusals(shared_engine, url, cases)
    for name in "abcd":
        assert not (tmp_path / name).exists()


@pytest.mark.parametrize("value", ["on", "true", "1", "off", "no"])
def test_the_switch_reads_like_a_switch(value: str) -> None:
    from desktop_app.domain.settings_registry import spec

    assert spec("rules.required_for_loans").validate(value) in ("on", "off")
