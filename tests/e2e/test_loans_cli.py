"""Assets and loans through the real `khetdesk` program (CLI.md, "Assets and loans"), on
SQLite and PostgreSQL: a loan from request to closing with the JSON keys scripts rely on,
the refusals with their exit codes, clause and an unchanged database, delegation, and the
asset register's commands."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from desktop_app.domain.fiscal import fiscal_year
from desktop_app.domain.thai_time import business_date, utc_now
from tests.e2e.runner import (
    CONFLICT,
    FORBIDDEN,
    INVALID,
    NOT_FOUND,
    RULE,
    USAGE,
    Case,
    check_refusals,
    lines,
    ok_json,
    run,
    run_all,
)
from tests.support.loans import LAPTOP, LAPTOP2, PAPER, PROJECTOR, TENT

PW = "demo"
REQUEST = ("loan", "request", "--borrower-type", "person", "--borrower", "กนกพร ทองดี",
           "--borrower-user", "staff1", "--purpose", "อบรมอาสาสมัคร", "--official-use",
           "--start", "2026-12-01", "--due", "2026-12-05")  # fmt: skip
AGENCY_PAPER = ("loan", "request", "--borrower-type", "agency", "--agency", "สำนักงานเขตบางพลัด",
                "--borrower", "นายวิทยา ผู้ประสาน", "--purpose", "จัดการเลือกตั้งด่วน",
                "--official-use", "--urgent", "--due", "2026-12-20",
                "--item", f"{PAPER}:40")  # fmt: skip


def as_(url: str, user: str, *args: str, json: bool = True):
    return run(url, *args, as_user=user, password=PW, json=json)


def this_fy() -> int:
    return fiscal_year(business_date(utc_now()))


def test_a_loan_from_request_to_closing(office_url: str) -> None:
    url = office_url
    v = ok_json(as_(url, "staff1", *REQUEST, "--place", "off_premises", "--item", LAPTOP))
    assert v["loan_no"] == f"ยม.0001/{this_fy()}"
    assert (v["status"], v["approver_role"], v["clause"]) == ("submitted", "agency_head", "208(3)")
    loan = v["loan_no"]

    # The wrong approver: exit 4, JSON error forbidden, the clause named.
    wrong = as_(url, "supplyhead", "loan", "approve", loan)
    assert wrong.code == 4 and wrong.out == ""
    err = json.loads(wrong.err)
    assert (err["error"], err["clause"]) == ("forbidden", "208(3)")
    assert err["message"].startswith("ข้อ 208(3):")
    own = json.loads(as_(url, "staff1", "loan", "approve", loan).err)
    assert (own["error"], own["clause"]) == ("forbidden", "208")

    a = ok_json(as_(url, "director", "loan", "approve", loan, "--note", "อนุมัติ"))
    assert (a["status"], a["approved_by"]) == ("approved", "director")
    h = ok_json(as_(url, "supply", "loan", "handover", loan))
    assert h["status"] == "on_loan"
    assert [(i["asset_no"], i["qty"], i["condition"]) for i in h["items"]] == [(LAPTOP, 1, "good")]

    overdue = ok_json(run(url, "loan", "overdue", "--as-of", "2026-12-15"))
    assert overdue == {"loans": [{**overdue["loans"][0], "loan_no": loan, "due": "2026-12-05",
                                  "overdue_days": 10, "followup_deadline": "2026-12-12",
                                  "followed_up": False, "deadline_missed": True}]}  # fmt: skip
    f = ok_json(as_(url, "supply", "loan", "followup", loan, "--note", "โทรติดตามแล้ว"))
    assert [x["note"] for x in f["followups"]] == ["โทรติดตามแล้ว"]

    r = ok_json(as_(url, "supply", "loan", "return", loan, "--item", f"{LAPTOP}:lost"))
    assert (r["status"], r["items"][0]["condition"]) == ("returned", "lost")
    comp = ok_json(run(url, "loan", "compensation", LAPTOP, "--as-of", "2026-12-01"))
    assert {k: comp[k] for k in ("asset_no", "price", "years", "rate", "depreciation", "floor",
                                 "amount")} == {
        "asset_no": LAPTOP, "price": "25000.00", "years": 3, "rate": "0.10",
        "depreciation": "7500.00", "floor": "6250.00", "amount": "17500.00",
    }  # fmt: skip
    s = ok_json(as_(url, "supply", "loan", "settle", loan, "--item", LAPTOP, "--method", "pay"))
    assert s["status"] == "closed"
    assert [(x["asset_no"], x["method"], x["amount"]) for x in s["settlements"]] == [
        (LAPTOP, "pay", "17500.00")
    ]
    shown, listed, asset, audit = (ok_json(r) for r in run_all(url, [
        (None, ("loan", "show", loan)),
        (None, ("loan", "list", "--status", "closed")),
        (None, ("asset", "show", LAPTOP)),
        (None, ("audit", "verify")),
    ]))  # fmt: skip
    for key in ("loan_no", "status", "items", "approver_role", "approved_by", "due",
                "overdue_days", "followups", "settlements"):  # fmt: skip
        assert key in shown, key
    assert (shown["status"], shown["due"], shown["overdue_days"]) == ("closed", "2026-12-05", 0)
    assert [(x["loan_no"], x["status"], x["borrower"], x["due"]) for x in listed["loans"]] == [
        (loan, "closed", "กนกพร ทองดี", "2026-12-05")
    ]
    assert (asset["status"], asset["kind"], asset["qty"]) == ("written_off", "durable", 1)
    assert [x["loan_no"] for x in asset["loans"]] == [loan]
    assert audit["ok"] is True
    human = run(url, "loan", "show", loan, json=False)
    assert human.code == 0
    assert "ข้อ 208(3) ผู้อนุมัติ หัวหน้าหน่วยงานของรัฐ (agency_head)" in human.out


def test_consumables_move_stock_and_a_person_asks_on_premises(office_url: str) -> None:
    url = office_url
    p = ok_json(as_(url, "supply", *AGENCY_PAPER))
    assert (p["clause"], p["approver_role"], p["borrower"]) == ("210", "agency_head",
                                                                 "สำนักงานเขตบางพลัด")  # fmt: skip
    ok_json(as_(url, "director", "loan", "approve", p["loan_no"]))
    ok_json(as_(url, "supply", "loan", "handover", p["loan_no"]))
    assert ok_json(run(url, "asset", "show", PAPER))["qty"] == 160
    back = ok_json(as_(url, "supply", "loan", "return", p["loan_no"], "--item", f"{PAPER}:good:40"))
    assert back["status"] == "closed"
    assert ok_json(run(url, "asset", "show", PAPER))["qty"] == 200

    on = ok_json(as_(url, "staff1", *REQUEST, "--place", "on_premises", "--item", PROJECTOR))
    assert (on["clause"], on["approver_role"]) == ("208(2)", "supply_head")
    refused = as_(url, "director", "loan", "approve", on["loan_no"])
    assert (refused.code, json.loads(refused.err)["clause"]) == (4, "208(2)")
    assert ok_json(as_(url, "supplyhead", "loan", "approve", on["loan_no"]))["status"] == "approved"
    cancelled = ok_json(as_(url, "staff1", "loan", "cancel", on["loan_no"]))
    assert cancelled["status"] == "cancelled"
    assert ok_json(run(url, "asset", "show", PROJECTOR))["status"] == "available"


def test_delegation_through_the_cli(office_url: str) -> None:
    url = office_url
    d = ok_json(as_(url, "director", "delegation", "add", "clerk1", "--role", "agency_head",
                    "--note", "รักษาราชการแทน"))  # fmt: skip
    assert (d["user"], d["role"], d["active"]) == ("clerk1", "agency_head", True)
    listed = ok_json(run(url, "delegation", "list"))
    assert [x["id"] for x in listed["delegations"]] == [d["id"]]
    v = ok_json(as_(url, "staff1", *REQUEST, "--place", "off_premises", "--item", LAPTOP2))
    a = ok_json(as_(url, "clerk1", "loan", "approve", v["loan_no"]))
    assert (a["approved_by"], a["on_behalf_of"], a["delegated_by"]) == (
        "clerk1", "agency_head", "director"
    )  # fmt: skip
    ok_json(as_(url, "director", "delegation", "revoke", str(d["id"])))
    assert ok_json(run(url, "delegation", "list"))["delegations"] == []
    w = ok_json(as_(url, "staff1", *REQUEST, "--place", "off_premises", "--item", TENT))
    assert as_(url, "clerk1", "loan", "approve", w["loan_no"]).code == 4


def test_the_register_commands(office_url: str, tmp_path: Path) -> None:
    url = office_url
    added = ok_json(as_(url, "supply", "asset", "add", "7730-001-0001/2569", "--name",
                        "เครื่องขยายเสียง", "--kind", "durable", "--price", "12,500.50",
                        "--acquired", "2026-01-15", "--category", "vehicle", "--unit-holder",
                        "ฝ่ายโยธา", "--location", "ห้องเก็บของ"))  # fmt: skip
    assert (added["asset_no"], added["status"], added["price"], added["category"]) == (
        "7730-001-0001/2569", "available", "12500.50", "vehicle"
    )  # fmt: skip
    toner = ok_json(as_(url, "supply", "asset", "add", "7510-009-0001", "--name", "หมึกพิมพ์",
                        "--kind", "consumable", "--qty", "8", "--unit", "ตลับ", "--price", "990",
                        "--acquired", "2026-10-01", "--min-stock", "2"))  # fmt: skip
    assert (toner["qty"], toner["min_stock"], toner["unit"]) == (8, 2, "ตลับ")
    listed, durable, shown, comp, cats = (ok_json(r) for r in run_all(url, [
        (None, ("asset", "list")),
        (None, ("asset", "list", "--kind", "durable", "--never-lent")),
        (None, ("asset", "show", "7730-001-0001/2569")),
        (None, ("loan", "compensation", "7730-001-0001/2569", "--as-of", "2028-02-01")),
        (None, ("asset", "categories")),
    ]))  # fmt: skip
    assert len(listed["assets"]) == 12
    assert all(a["kind"] == "durable" for a in durable["assets"])
    assert {"asset_no", "name", "kind", "status", "qty", "loans"} <= set(shown)
    assert (comp["rate"], comp["years"], comp["amount"]) == ("0.20", 2, "7500.30")
    assert {"default", "vehicle"} <= {c["code"] for c in cats["categories"]}

    human = run(url, "asset", "show", LAPTOP, json=False)
    assert human.code == 0 and "ประวัติการยืม" in human.out and "2566" in human.out

    pytest.importorskip("desktop_app.services.asset_io")
    out = tmp_path / "register.csv"
    exported = ok_json(run(url, "asset", "export", str(out)))
    assert exported["rows"] == 12 and out.exists()
    new = tmp_path / "new.csv"
    with new.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["asset_no", "name", "kind", "price", "acquired"])
        w.writerow(["7110-006-0009/2569", "โต๊ะพับ", "durable", "1900", "2026-03-01"])
    imported = ok_json(as_(url, "supply", "asset", "import", str(new)))
    assert imported["imported"] == 1
    assert ok_json(run(url, "asset", "show", "7110-006-0009/2569"))["status"] == "available"


@pytest.fixture(scope="module")
def shared_loans(shared_engine: Engine, shared_office: str) -> dict[str, str]:
    """On the shared office: one loan on loan (laptop), one approved (projector)."""
    url = shared_office
    lent = ok_json(as_(url, "staff1", *REQUEST, "--place", "off_premises", "--item", LAPTOP))
    ok_json(as_(url, "director", "loan", "approve", lent["loan_no"]))
    ok_json(as_(url, "supply", "loan", "handover", lent["loan_no"]))
    approved = ok_json(as_(url, "staff1", *REQUEST, "--place", "on_premises", "--item", PROJECTOR))
    ok_json(as_(url, "supplyhead", "loan", "approve", approved["loan_no"]))
    return {"lent": lent["loan_no"], "approved": approved["loan_no"]}


def test_refusals_exit_codes_and_an_unchanged_database(
    shared_engine: Engine, shared_office: str, shared_loans: dict[str, str], tmp_path: Path
) -> None:
    lent, approved = shared_loans["lent"], shared_loans["approved"]
    out = str(tmp_path / "document.pdf")
    laptop = ("--place", "off_premises", "--item", TENT)
    no_purpose = tuple(a for a in REQUEST if a not in ("--purpose", "อบรมอาสาสมัคร"))
    no_decl = tuple(a for a in REQUEST if a != "--official-use")
    no_due = tuple(a for a in REQUEST if a not in ("--due", "2026-12-05"))
    cases: list[Case] = [
        ("staff1", ("loan", "request", "--item", TENT), USAGE),  # --borrower-type
        ("staff1", (*REQUEST, "--place", "nowhere", "--item", TENT), USAGE),
        ("supply", ("loan", "settle", lent, "--item", LAPTOP, "--method", "burn"), USAGE),
        ("supply", ("asset", "add", "X-1", "--name", "x", "--kind", "gadget", "--price", "1",
                    "--acquired", "2024-01-01"), USAGE),
        ("supply", ("asset", "add", "X-1", "--name", "x", "--kind", "durable", "--price", "abc",
                    "--acquired", "2024-01-01"), INVALID),
        ("supply", ("asset", "add", "X 1", "--name", "x", "--kind", "durable", "--price", "1",
                    "--acquired", "2024-01-01"), INVALID),
        ("staff1", (*REQUEST, *laptop[:-1], f"{TENT}:0"), INVALID),
        ("staff1", (*REQUEST, "--place", "off_premises", "--item", TENT, "--item", f"{PAPER}:2"),
         INVALID),
        ("staff1", (*REQUEST, *laptop, "--due", "2026-02-30"), INVALID),
        (None, ("loan", "overdue", "--as-of", "tomorrow"), INVALID),
        ("staff1", (*no_purpose, *laptop), RULE),  # 207
        ("staff1", (*no_decl, *laptop), RULE),  # 207
        ("director", ("loan", "reject", approved), RULE),  # 207: no reason
        ("staff1", (*no_due, *laptop), RULE),  # 208
        ("staff1", (*REQUEST, *laptop, "--due", "2026-11-30"), RULE),  # 208: before start
        ("staff1", (*REQUEST, "--place", "off_premises", "--item", LAPTOP), RULE),  # 208: lent
        ("staff1", (*REQUEST, "--place", "on_premises", "--item", PROJECTOR), RULE),  # reserved
        ("staff1", (*REQUEST, "--place", "on_premises", "--item", f"{PAPER}:3"), RULE),  # 210
        ("supply", tuple(a for a in AGENCY_PAPER if a != "--urgent"), RULE),  # 210
        ("supply", (*AGENCY_PAPER[:-1], f"{PAPER}:181"), RULE),  # 210: minimum stock 20
        ("supply", ("loan", "followup", lent), RULE),  # 211: no note
        ("staff1", ("asset", "add", "X-1", "--name", "x", "--kind", "durable", "--price", "1",
                    "--acquired", "2024-01-01"), FORBIDDEN),
        ("staff1", ("loan", "handover", approved), FORBIDDEN),
        ("supplyhead", ("loan", "approve", approved), CONFLICT),
        ("supplyhead", ("loan", "approve", lent), FORBIDDEN),  # 208(3) needs the agency head
        ("staff1", ("loan", "approve", lent), FORBIDDEN),  # own loan
        ("clerk1", ("loan", "cancel", approved), FORBIDDEN),
        ("supply", ("loan", "handover", lent), CONFLICT),
        ("staff1", ("loan", "cancel", lent), CONFLICT),
        ("supply", ("loan", "settle", lent, "--item", LAPTOP, "--method", "pay"), CONFLICT),
        (None, ("loan", "show", "ยม.9999/2599"), NOT_FOUND),
        (None, ("asset", "show", "9999-999-9999/2599"), NOT_FOUND),
        ("staff1", (*REQUEST, "--place", "off_premises", "--item", "9999-999-9999/2599"),
         NOT_FOUND),
        (None, ("loan", "compensation", "9999"), NOT_FOUND),
        (None, ("loan", "print", approved, "--doc", "return", "--out", out), CONFLICT),
        (None, ("loan", "print", approved, "--doc", "followup", "--out", out), CONFLICT),
        (None, ("loan", "print", "ยม.9999/2599", "--out", out), NOT_FOUND),
        (None, ("loan", "print", lent, "--doc", "letter", "--out", out), USAGE),
        (None, ("asset", "labels", "--asset", "9999-999-9999/2599", "--out", out), NOT_FOUND),
        ("clerk1", ("asset", "label-print", LAPTOP), FORBIDDEN),
    ]  # fmt: skip
    check_refusals(shared_engine, shared_office, cases)
    assert list(tmp_path.iterdir()) == []  # no document, not even half of one


def test_rule_refusals_carry_their_clause(
    shared_engine: Engine, shared_office: str, shared_loans: dict[str, str], tmp_path: Path
) -> None:
    url, lent = shared_office, shared_loans["lent"]
    no_purpose = tuple(a for a in REQUEST if a not in ("--purpose", "อบรมอาสาสมัคร"))
    calls = [
        ("207", ("staff1", (*no_purpose, "--place", "off_premises", "--item", TENT))),
        ("208", ("staff1", (*REQUEST, "--place", "off_premises", "--item", LAPTOP))),
        ("210", ("staff1", (*REQUEST, "--place", "on_premises", "--item", f"{PAPER}:3"))),
        ("211", ("supply", ("loan", "followup", lent))),
    ]
    results = run_all(url, [(user, args) for _, (user, args) in calls])
    for (clause, _), result in zip(calls, results, strict=True):
        err = json.loads(lines(result.err)[0])
        assert (result.code, err["error"], err["clause"]) == (3, "rule", clause), result.err
        assert err["message"].startswith(f"ข้อ {clause}:")
    human = as_(url, "supply", "loan", "followup", lent, json=False)
    assert human.code == 3 and human.err.startswith("khetdesk: ข้อ 211:")
    # No follow-up letter before the due date has passed (211); no file is left behind.
    letter = tmp_path / "letter.pdf"
    printed = run(url, "loan", "print", lent, "--doc", "followup", "--as-of", "2026-12-05",
                  "--out", str(letter))  # fmt: skip
    err = json.loads(printed.err)
    assert (printed.code, err["error"], err["clause"]) == (3, "rule", "211"), printed.err
    assert printed.out == "" and list(tmp_path.iterdir()) == []


def test_overdue_out_and_stats(shared_office: str, shared_loans: dict[str, str]) -> None:
    url = shared_office
    overdue, out, stats, before = (ok_json(r) for r in run_all(url, [
        (None, ("loan", "overdue", "--as-of", "2026-12-13")),
        (None, ("loan", "out")),
        (None, ("loan", "stats", "--by", "month")),
        (None, ("loan", "overdue", "--as-of", "2026-12-05")),
    ]))  # fmt: skip
    [row] = overdue["loans"]
    assert {k: row[k] for k in ("loan_no", "due", "overdue_days", "followup_deadline",
                                "followed_up", "deadline_missed")} == {
        "loan_no": shared_loans["lent"], "due": "2026-12-05", "overdue_days": 8,
        "followup_deadline": "2026-12-12", "followed_up": False, "deadline_missed": True,
    }  # fmt: skip
    assert before == {"loans": []}
    assert [(i["asset_no"], i["borrower"]) for i in out["items"]] == [(LAPTOP, "กนกพร ทองดี")]
    assert [(g["group"], g["requests"], g["lent"]) for g in stats["groups"]] == [("2026-12", 2, 1)]
    assert dt.date.fromisoformat(row["due"]) == dt.date(2026, 12, 5)


def test_a_bad_register_file_is_refused_row_by_row_and_nothing_is_imported(
    shared_engine: Engine, shared_office: str, tmp_path: Path
) -> None:
    """`asset import` of a file with bad rows: exit 3, one JSON error line whose `errors`
    name each bad row (the header is line 1), nothing imported; `--only-valid` then takes
    the good rows only."""
    url = shared_office
    bad = tmp_path / "register.csv"
    with bad.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["เลขครุภัณฑ์", "ชื่อ", "ประเภท", "ราคา", "วันที่ได้มา"])
        w.writerow(["7110-006-0101/2569", "โต๊ะพับ", "ครุภัณฑ์", "1,900", "01/03/2569"])
        w.writerow(["7110-006-0102/2569", "โต๊ะพับ", "ครุภัณฑ์", "ไม่ทราบ", "01/03/2569"])
        w.writerow([LAPTOP, "ซ้ำกับทะเบียน", "ครุภัณฑ์", "100", "01/03/2569"])
    check_refusals(shared_engine, url, [("supply", ("asset", "import", str(bad)), INVALID)])
    refused = as_(url, "supply", "asset", "import", str(bad))
    err = json.loads(lines(refused.err)[0])
    assert (refused.code, err["error"]) == (3, "invalid")
    assert [e["line"] for e in err["errors"]] == [3, 4]
    assert all(e["message"] for e in err["errors"])
    human = as_(url, "supply", "asset", "import", str(bad), json=False)
    assert human.code == 3 and "แถว 3" in human.err and "แถว 4" in human.err

    taken = ok_json(as_(url, "supply", "asset", "import", str(bad), "--only-valid"))
    assert (taken["imported"], taken["rows"]) == (1, 3)
    assert [e["line"] for e in taken["errors"]] == [3, 4]
    assert ok_json(run(url, "asset", "show", "7110-006-0101/2569"))["price"] == "1900.00"
