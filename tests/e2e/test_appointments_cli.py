"""CLI.md, "Appointments and calling policy", through the real program on both engines:
slots, bookings, check-in, the calling order with appointments, and `queue simulate`."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from sqlalchemy import Engine, text

from db.engine import make_engine
from desktop_app.domain.thai_time import BANGKOK, business_date, utc_now
from tests.e2e.runner import RULE, Result, admin, clerk, error_problems, ok_json, run
from tests.support.db import snapshot

CODE = re.compile(r"^[2-9A-HJKMNP-Z]{6}$")


def _tomorrow() -> dt.date:
    return business_date(utc_now()) + dt.timedelta(days=1)


def test_slots_bookings_cancel_and_a_full_slot(office_url):
    day = _tomorrow()
    out = ok_json(admin(office_url, "slot", "generate", "A", "--from", str(day), "--to",
                        str(day), "--weekdays", "mon,tue,wed,thu,fri,sat,sun", "--start",
                        "09:00", "--end", "10:00", "--every", "20", "--capacity", "1"))  # fmt: skip
    assert out == {"slots": 3}  # 09:00, 09:20, 09:40
    again = ok_json(
        admin(
            office_url,
            "slot",
            "generate",
            "A",
            "--from",
            str(day),
            "--to",
            str(day),
            "--weekdays",
            "mon,tue,wed,thu,fri,sat,sun",
            "--start",
            "09:00",
            "--end",
            "10:00",
            "--every",
            "20",
            "--capacity",
            "1",
        )
    )
    assert again == {"slots": 3}
    slots = ok_json(run(office_url, "slot", "list", "A", "--date", str(day)))["slots"]
    assert [(s["at"][11:16], s["capacity"], s["booked"]) for s in slots] == [
        ("09:00", 1, 0), ("09:20", 1, 0), ("09:40", 1, 0)]  # fmt: skip
    booked = ok_json(clerk(office_url, "appointment", "book", "A", "--at", f"{day} 09:20",
                           "--name", "สมชาย", "--phone", "0812345678"))  # fmt: skip
    assert CODE.match(booked["appointment"]) and booked["status"] == "booked"
    assert booked["service"] == "A" and booked["at"].startswith(f"{day}T09:20")
    engine = make_engine(office_url)
    before = snapshot(engine)
    full = clerk(office_url, "appointment", "book", "A", "--at", f"{day} 09:20")
    no_slot = clerk(office_url, "appointment", "book", "A", "--at", f"{day} 09:30")
    past = clerk(office_url, "appointment", "book", "A", "--at", "2020-01-06 09:00")
    for result, label in ((full, "full"), (no_slot, "no slot"), (past, "past")):
        assert error_problems(result, RULE, label) == []
    assert snapshot(engine) == before
    code = booked["appointment"]
    shown = ok_json(run(office_url, "appointment", "show", code.lower()))
    assert (shown["appointment"], shown["status"]) == (code, "booked")
    assert "สมชาย" not in json.dumps(shown, ensure_ascii=False)
    listed = ok_json(run(office_url, "appointment", "list", "--date", str(day), "--service", "A"))
    assert [a["appointment"] for a in listed["appointments"]] == [code]
    assert ok_json(clerk(office_url, "appointment", "cancel", code))["status"] == "cancelled"
    slots = ok_json(run(office_url, "slot", "list", "A", "--date", str(day)))["slots"]
    assert [s["booked"] for s in slots] == [0, 0, 0]  # a cancel frees the place
    assert clerk(office_url, "appointment", "checkin", code).code == 6
    assert run(office_url, "appointment", "show", "ABCDEF").code == 5
    engine.dispose()


def test_check_in_and_the_appointment_is_called_first_from_its_time(office_url):
    now = utc_now().astimezone(BANGKOK)
    # A slot 5 to 10 minutes ahead, on a whole five minutes: still ahead when the booking
    # is made, a few slow commands later (the next whole five minutes alone could pass).
    start = (now + dt.timedelta(minutes=10 - now.minute % 5)).replace(second=0, microsecond=0)
    if start.date() != now.date():
        return  # a minute before midnight: nothing sensible to book today
    day = start.date()
    ok_json(admin(office_url, "slot", "generate", "B", "--from", str(day), "--to", str(day),
                  "--weekdays", "mon,tue,wed,thu,fri,sat,sun", "--start",
                  start.strftime("%H:%M"), "--end", (start + dt.timedelta(minutes=5)).strftime(
                      "%H:%M") if start.hour < 23 or start.minute < 55 else "23:59",
                  "--every", "5", "--capacity", "3"))  # fmt: skip
    booked = ok_json(clerk(office_url, "appointment", "book", "B", "--at",
                           start.strftime("%Y-%m-%d %H:%M")))  # fmt: skip
    walk_in = ok_json(clerk(office_url, "ticket", "issue", "B"))
    checked = ok_json(clerk(office_url, "appointment", "checkin", booked["appointment"]))
    assert checked["appointment"] == booked["appointment"] and checked["late"] is False
    assert checked["service"] == "B" and checked["code"] == "B002"
    assert clerk(office_url, "appointment", "checkin", booked["appointment"]).code == 6
    # Not yet its time: the walk-in goes first; once the walk-in is called, nobody else
    # waits, so the appointment may be called early.
    first = ok_json(clerk(office_url, "ticket", "call", "--counter", "1"))["ticket"]
    assert first["code"] == walk_in["code"]
    second = ok_json(clerk(office_url, "ticket", "call", "--counter", "1"))["ticket"]
    assert second["code"] == "B002"
    status = ok_json(run(office_url, "appointment", "show", booked["appointment"]))
    assert status["status"] == "checked_in"


def test_queue_simulate_from_a_profile_and_from_history(office_url, tmp_path):
    profile = tmp_path / "day.csv"
    profile.write_text("service,hour,arrivals,priority_share,mean_service_min\n"
                       "A,9,30,0.3,6\nB,9,10,0,4\nA,10,20,0.5,6\n", encoding="utf-8")  # fmt: skip
    args = ("queue", "simulate", "--profile", str(profile), "--counters", "2", "--seed", "7")
    one = ok_json(run(office_url, *args))
    assert one == ok_json(run(office_url, *args))  # the same seed, the same answer
    assert one["tickets"] == 60 and set(one["groups"]) == {"priority", "ordinary", "appointment"}
    assert one["groups"]["priority"]["count"] == 9 + 0 + 10
    assert one["groups"]["appointment"] == {"count": 0, "wait_median_min": None,
                                            "wait_p90_min": None, "wait_max_min": None}  # fmt: skip
    capped = ok_json(run(office_url, *args, "--priority-run-max", "1"))
    assert capped["groups"]["ordinary"]["wait_median_min"] < one["groups"]["ordinary"][
        "wait_median_min"]  # fmt: skip
    # From the office's own tickets: nothing is written to its database.
    for service in ("A", "A", "B"):
        ok_json(clerk(office_url, "ticket", "issue", service))
    ok_json(clerk(office_url, "ticket", "call", "--counter", "1"))
    ok_json(clerk(office_url, "ticket", "complete", "--counter", "1"))
    engine = make_engine(office_url)
    before = snapshot(engine)
    today = business_date(utc_now())
    plot = tmp_path / "waits.png"
    hist = ok_json(
        run(
            office_url,
            "queue",
            "simulate",
            "--history-from",
            str(today),
            "--history-to",
            str(today),
            "--counters",
            "1",
            "--plot",
            str(plot),
        )
    )
    assert hist["tickets"] == 3
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert snapshot(engine) == before
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM tickets")).scalar() == 3
    engine.dispose()
    bad = tmp_path / "bad.csv"
    bad.write_text("service,hour\nA,9\n", encoding="utf-8")
    assert run(office_url, "queue", "simulate", "--profile", str(bad), "--counters", "2").code == 3
    both = run(office_url, "queue", "simulate", "--profile", str(profile), "--history-from",
               str(today), "--history-to", str(today), "--counters", "2")  # fmt: skip
    assert both.code == 2
    assert not Path(tmp_path / "nothing.png").exists()


def test_the_slip_carries_the_code_in_text_and_qr(office_url, tmp_path):
    import pypdf
    import zxingcpp
    from PIL import Image

    day = _tomorrow()
    ok_json(admin(office_url, "slot", "generate", "C", "--from", str(day), "--to", str(day),
                  "--weekdays", "mon,tue,wed,thu,fri,sat,sun", "--start", "13:00", "--end",
                  "14:00", "--every", "30", "--capacity", "5"))  # fmt: skip
    code = ok_json(clerk(office_url, "appointment", "book", "C", "--at", f"{day} 13:30"))[
        "appointment"
    ]
    png, pdf = tmp_path / "slip.png", tmp_path / "slip.pdf"
    ok_json(run(office_url, "appointment", "slip", code, "--out", str(png)))
    ok_json(run(office_url, "appointment", "slip", code, "--out", str(pdf)))
    found = zxingcpp.read_barcodes(Image.open(png).convert("L"))
    assert [b.text for b in found] == [code]
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert code in text and "ใบนัดหมาย" in text and "13:30" in text
    printed = clerk(office_url, "appointment", "book", "C", "--at", f"{day} 13:30", "--print")
    assert printed.code == 7  # no printer configured: the booking stands
    assert json.loads(printed.out)["status"] == "booked"


def test_the_holiday_list_imports_from_csv_once_and_a_bad_row_adds_nothing(office_url, tmp_path):
    engine = make_engine(office_url)
    try:
        _holidays(office_url, tmp_path, engine)
    finally:
        engine.dispose()


def _holidays(office_url: str, tmp_path: Path, engine: Engine) -> None:
    good = tmp_path / "holidays.csv"
    good.write_text("date,name\n2569-12-10,วันรัฐธรรมนูญ\n2026-12-31,วันสิ้นปี\n", "utf-8")
    first = ok_json(admin(office_url, "holiday", "import", str(good)))
    assert first == {"file": str(good), "rows": 2, "added": 2, "unchanged": 0}
    # The same file again changes nothing: not a row, not an audit entry.
    before = snapshot(engine)
    again = ok_json(admin(office_url, "holiday", "import", str(good)))
    assert again == {"file": str(good), "rows": 2, "added": 0, "unchanged": 2}
    assert snapshot(engine) == before
    listed = ok_json(run(office_url, "holiday", "list"))["holidays"]
    assert listed == [{"date": "2026-12-10", "name": "วันรัฐธรรมนูญ"},  # BE 2569 is CE 2026
                      {"date": "2026-12-31", "name": "วันสิ้นปี"}]  # fmt: skip
    # A bad date on line 3 refuses the whole file, naming the line; line 2 is not added.
    bad = tmp_path / "bad.csv"
    bad.write_text("date,name\n2027-01-01,ปีใหม่\n2027-02-30,ไม่มีวันนี้\n", "utf-8")
    _refused(admin(office_url, "holiday", "import", str(bad)), 3, "invalid", "แถว 3")
    header = tmp_path / "h.csv"
    header.write_text("day,name\n2027-01-01,x\n", "utf-8")
    _refused(admin(office_url, "holiday", "import", str(header)), 3, "invalid", "date,name")
    _refused(clerk(office_url, "holiday", "import", str(good)), 4, "forbidden", "slot.generate")
    assert snapshot(engine) == before
    removed = ok_json(admin(office_url, "holiday", "remove", "2026-12-31"))
    assert removed == {"removed": "2026-12-31"}
    _refused(admin(office_url, "holiday", "remove", "2026-12-31"), 5, "not_found", "2026-12-31")
    listed = ok_json(run(office_url, "holiday", "list"))["holidays"]
    assert [h["date"] for h in listed] == ["2026-12-10"]


def _refused(result: Result, code: int, error: str, says: str) -> None:
    assert result.code == code and result.out == "", result
    payload = json.loads(result.err)
    assert payload["error"] == error and says in payload["message"], payload
