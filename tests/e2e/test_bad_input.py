"""Bad input through the real program: unknown names, empty and whitespace-only text,
10,000-character strings, SQL-looking text, Thai and emoji everywhere, control characters,
bytes that are not UTF-8, numbers out of range. Each is refused with a clear message
(exit 3, 4 or 5 — never 1), no traceback and no row changed; text that is valid (Thai
names, SQL-looking names) is stored and comes back exactly."""

from __future__ import annotations

import unicodedata

from sqlalchemy import Engine, inspect

from db.models import Base
from tests.e2e.runner import (
    AUTH,
    BAD_INPUT,
    INVALID,
    NOT_FOUND,
    Case,
    all_json,
    check_refusals,
)

LONG_TEXT = "ก" * 10_000  # Thai, three bytes a character in UTF-8
LONG_CODE = "X" * 10_000
DROP = "'; DROP TABLE tickets; --"
ALWAYS_TRUE = "A' OR '1'='1"
QUOTES = '" OR ""="'
NOT_UTF8 = "\udcff"  # passed to the program as the byte 0xFF (surrogateescape)


def user_add(
    username: str, *, role: str = "clerk", name: str = "Bob", **extra: str
) -> tuple[str, ...]:
    args = ["user", "add", username, "--role", role, "--name", name]
    for option, value in extra.items():
        args += [f"--{option}", value]
    if "password" not in extra:
        args += ["--password", "bob-pw-2026"]
    return tuple(args)


def service_add(code: str, name: str = "บริการใหม่", *more: str) -> tuple[str, ...]:
    return ("service", "add", code, "--name", name, *more)


def setting(key: str, value: str) -> Case:
    return ("admin", ("settings", "set", key, value), INVALID)


def pick(code: str = "A002", reason: str = "ด่วน", counter: str = "1") -> tuple[str, ...]:
    return ("ticket", "pick", code, "--counter", counter, "--reason", reason)


def test_ten_thousand_character_strings_get_a_short_clear_refusal(
    shared_engine: Engine, shared_office: str
) -> None:
    cases: list[Case] = [
        ("admin", service_add("NEW", LONG_TEXT), INVALID),  # a name
        ("admin", service_add(LONG_CODE), INVALID),  # a service code
        ("clerk1", ("ticket", "issue", LONG_CODE), BAD_INPUT),
        ("clerk1", pick(reason=LONG_TEXT), INVALID),  # a reason
        (None, ("ticket", "show", LONG_CODE), BAD_INPUT),  # a ticket code
        ("clerk1", ("ticket", "transfer", LONG_CODE, "--to", "B"), BAD_INPUT),
        ("admin", user_add(LONG_CODE.lower()), INVALID),  # a username
        ("admin", user_add("bob", name=LONG_TEXT), INVALID),
        ("admin", user_add("bob", unit=LONG_TEXT), INVALID),
        ("admin", user_add("bob", password=LONG_CODE), INVALID),
        ("admin", user_add("bob", role=LONG_CODE), INVALID),
        ((LONG_CODE.lower(), "demo"), ("ticket", "issue", "A"), AUTH),
        (None, ("settings", "get", LONG_CODE), NOT_FOUND),
        ("admin", ("settings", "set", "office.name", LONG_TEXT), INVALID),
        (None, ("ticket", "show", "A001", "--date", LONG_CODE), INVALID),
    ]
    check_refusals(shared_engine, shared_office, cases)


def test_sql_looking_text_is_refused_and_never_executed(
    shared_engine: Engine, shared_office: str
) -> None:
    cases: list[Case] = [
        ("admin", service_add(DROP), INVALID),  # as a service code
        ("clerk1", ("ticket", "issue", DROP), BAD_INPUT),
        ("clerk1", ("ticket", "issue", ALWAYS_TRUE), BAD_INPUT),  # must not issue a A ticket
        (None, ("ticket", "show", "A001' OR '1'='1"), BAD_INPUT),  # as a ticket code
        ("clerk1", pick(code=DROP, reason=DROP), BAD_INPUT),  # and as a reason
        ("clerk1", ("ticket", "transfer", "A002", "--to", QUOTES), BAD_INPUT),
        ("admin", user_add(DROP), INVALID),  # as a username
        ("admin", user_add("bob", role=DROP), INVALID),
        (("admin' --", "demo"), ("ticket", "issue", "A"), AUTH),  # no way around the password
        (("clerk1", "' OR '1'='1"), ("ticket", "issue", "A"), AUTH),
        (None, ("settings", "get", DROP), NOT_FOUND),
        (None, ("ticket", "show", "A001", "--date", DROP), INVALID),
    ]
    check_refusals(shared_engine, shared_office, cases)
    assert set(Base.metadata.tables) <= set(inspect(shared_engine).get_table_names())


def test_empty_and_whitespace_only_text_is_refused(
    shared_engine: Engine, shared_office: str
) -> None:
    cases: list[Case] = [
        ("admin", service_add("NEW", "   "), INVALID),
        ("admin", service_add("NEW", "\t \u3000"), INVALID),  # tab, ideographic space
        ("admin", service_add("   "), INVALID),
        ("admin", user_add("bob", name=""), INVALID),
        ("admin", user_add("bob", name="  \t "), INVALID),
        ("admin", user_add(""), INVALID),
        ("admin", user_add("bob", role=""), INVALID),
        ("clerk1", ("ticket", "issue", "   "), BAD_INPUT),
        (None, ("ticket", "show", ""), BAD_INPUT),
        ("clerk1", pick(reason="\t"), INVALID),
        ("admin", ("counter", "add", "9", "--services", " , "), INVALID),
        (("", "demo"), ("ticket", "issue", "A"), AUTH),
    ]
    check_refusals(shared_engine, shared_office, cases)


def test_thai_and_emoji_are_refused_in_codes_and_usernames(
    shared_engine: Engine, shared_office: str
) -> None:
    cases: list[Case] = [
        ("admin", service_add("ทะเบียน"), INVALID),
        ("admin", service_add("A😀"), INVALID),
        ("admin", service_add("๑๒๓"), INVALID),  # Thai digits
        ("admin", service_add("ＲＥＧ２"), INVALID),  # full-width letters
        ("admin", service_add("NEW", "ใหม่", "--prefix", "ก"), INVALID),
        ("admin", user_add("สมชาย"), INVALID),
        ("admin", user_add("bob😀"), INVALID),
        ("admin", user_add("josé"), INVALID),
        ("admin", user_add("bob", role="ผู้ดูแลระบบ"), INVALID),
        ("clerk1", ("ticket", "issue", "ทะเบียน"), BAD_INPUT),
        ("clerk1", ("ticket", "issue", "😀"), BAD_INPUT),
        (None, ("ticket", "show", "ก001"), BAD_INPUT),
        (("สมใจ", "demo"), ("ticket", "issue", "A"), AUTH),
        (None, ("ticket", "show", "A001", "--date", "๒๕๖๙-๑๑-๒๔"), INVALID),
    ]
    check_refusals(shared_engine, shared_office, cases)


def test_thai_emoji_and_sql_looking_text_round_trip_exactly(
    engine: Engine, office_url: str
) -> None:
    """Names, reasons and settings are free text: Thai with its tone marks, emoji and
    SQL-looking text are stored as typed and come back exactly, and nothing is executed."""
    name = "หนังสือเดินทาง ผู้สูงอายุ น้ำใจ กุ้ง ฯลฯ ๑๒๓"
    name_en = "Passports 🛂 — Ünïcödé"
    person = ("นางสาวกัลยาณี ศรีสุข", "เจ้าพนักงานปกครองชำนาญงาน", "ฝ่ายทะเบียน (งานบัตร)")
    reason = "ผู้สูงอายุนั่งรถเข็น มาก่อนเวลานัด"
    for text in (name, name_en, *person, reason):
        assert unicodedata.is_normalized("NFC", text)

    added, *_ = all_json(office_url, [
        ("admin", service_add("PASS", name, "--name-en", name_en)),
        ("admin", service_add("SQLI", DROP, "--name-en", QUOTES, "--prefix", "Q")),
        ("admin", user_add("kanlaya", name=person[0], position=person[1], unit=person[2])),
        ("admin", user_add("bobby", name=DROP, unit=ALWAYS_TRUE)),
        ("admin", ("settings", "set", "office.name", "สำนักงานเขตตลิ่งชัน 🏛")),
        ("admin", ("settings", "set", "ticket.footer", DROP)),
    ])  # fmt: skip
    assert (added["name"], added["name_en"], added["prefix"]) == (name, name_en, "P")
    issued = all_json(office_url, [
        ("admin", ("counter", "add", "5", "--services", "PASS", "--name", "ช่อง ๕ 🛂")),
        ("admin", ("counter", "add", "6", "--services", "SQLI,PASS")),
        ("clerk1", ("ticket", "issue", "PASS")),
        ("clerk1", ("ticket", "issue", "PASS")),
        ("clerk1", ("ticket", "issue", "SQLI")),
    ])[2:]  # fmt: skip
    assert sorted(t["code"] for t in issued) == ["P001", "P002", "Q001"]
    picked = all_json(office_url, [
        ("clerk1", pick(code="P002", reason=reason, counter="5")),
        ("clerk1", pick(code="Q001", reason=DROP, counter="6")),
    ])  # fmt: skip
    assert [p["ticket"]["code"] for p in picked] == ["P002", "Q001"]

    services, users, counters, office, footer, p002, q001, p001, audit = all_json(office_url, [
        (None, ("service", "list")),
        (None, ("user", "list")),
        (None, ("counter", "list")),
        (None, ("settings", "get", "office.name")),
        (None, ("settings", "get", "ticket.footer")),
        (None, ("ticket", "show", "P002")),
        (None, ("ticket", "show", "Q001")),
        (None, ("ticket", "show", "p001")),  # a lower-case code finds the same ticket
        (None, ("audit", "verify")),
    ])  # fmt: skip
    by_code = {s["code"]: s for s in services["services"]}
    assert (by_code["PASS"]["name"], by_code["PASS"]["name_en"]) == (name, name_en)
    assert (by_code["SQLI"]["name"], by_code["SQLI"]["name_en"]) == (DROP, QUOTES)
    by_name = {u["username"]: u for u in users["users"]}
    assert (by_name["kanlaya"]["name"], by_name["kanlaya"]["unit"]) == (person[0], person[2])
    assert (by_name["bobby"]["name"], by_name["bobby"]["unit"]) == (DROP, ALWAYS_TRUE)
    by_number = {c["number"]: c for c in counters["counters"]}
    assert (by_number[5]["name"], by_number[5]["services"]) == ("ช่อง ๕ 🛂", ["PASS"])
    assert (office["value"], footer["value"]) == ("สำนักงานเขตตลิ่งชัน 🏛", DROP)
    assert (p002["pick_reason"], q001["pick_reason"]) == (reason, DROP)
    assert (p001["code"], p001["status"]) == ("P001", "waiting")
    assert audit["ok"] is True
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())


def test_control_characters_in_text_are_refused(shared_engine: Engine, shared_office: str) -> None:
    cases: list[Case] = [
        ("admin", service_add("NEW", "งาน\x07ใหม่"), INVALID),  # bell
        ("admin", service_add("NEW", "บรรทัดหนึ่ง\nบรรทัดสอง"), INVALID),
        ("admin", service_add("NEW", "ใหม่", "--name-en", "\x1b[31mred\x1b[0m"), INVALID),
        ("admin", service_add("NEW", "ใหม่\x85ค่ะ"), INVALID),  # C1 next line
        ("admin", user_add("bob", name="Bob\x7f"), INVALID),  # DEL
        ("admin", user_add("bob", unit="ฝ่าย\x07"), INVALID),
        ("clerk1", pick(reason="ด่วน\r\nมาก"), INVALID),
        ("admin", ("settings", "set", "ticket.footer", "ขอบคุณ\x1b[2J"), INVALID),
        ("admin", ("counter", "add", "9", "--services", "A", "--name", "ช่อง\x07"), INVALID),
    ]
    check_refusals(shared_engine, shared_office, cases)


def test_bad_setting_values_are_refused(shared_engine: Engine, shared_office: str) -> None:
    cases: list[Case] = [
        setting("printer.width_dots", "abc"),
        setting("printer.timeout_s", "nan"),
        setting("printer.timeout_s", "0"),
        setting("depreciation.rate.vehicle", "-0.1"),
        setting("depreciation.rate.default", "ten percent"),
        setting("ui.language", "fr"),
        setting("printer.connection", "lpt1://printer"),
        setting("printer.connection", "network://"),
        setting("printer.connection", "usb://printer"),
        setting("ticket.qr_template", "{code"),
        setting("ticket.qr_template", "{code.__class__}"),
        ("admin", ("settings", "set", DROP, "1"), NOT_FOUND),
    ]
    check_refusals(shared_engine, shared_office, cases)


def test_malformed_printer_connections_and_qr_templates_are_refused(
    shared_engine: Engine, shared_office: str
) -> None:
    cases: list[Case] = [
        setting("printer.connection", "network://[::1"),  # unbalanced IPv6 bracket
        setting("printer.connection", "network://printer:abc"),  # the port is not a number
        setting("printer.connection", "network://printer:9100\x07"),  # a control character
        setting("ticket.qr_template", "{code:{evil}}"),  # a third, nested placeholder
    ]
    check_refusals(shared_engine, shared_office, cases)


def test_counter_numbers_out_of_any_range_are_refused(
    shared_engine: Engine, shared_office: str
) -> None:
    huge = "99999999999999999999"  # more than 64 bits
    cases: list[Case] = [
        ("clerk1", ("ticket", "call", "--counter", "-1"), BAD_INPUT),
        ("admin", ("counter", "add", huge, "--services", "A"), INVALID),
        ("clerk1", ("ticket", "call", "--counter", "2147483648"), BAD_INPUT),  # > 32 bits
        ("clerk1", ("ticket", "call", "--counter", huge), BAD_INPUT),
        ("clerk1", ("ticket", "complete", "--counter", huge), BAD_INPUT),
        ("clerk1", pick(counter=huge), BAD_INPUT),
    ]
    check_refusals(shared_engine, shared_office, cases)


def test_arguments_that_are_not_utf8_are_refused(shared_engine: Engine, shared_office: str) -> None:
    # The program refuses any argument that is not UTF-8 before it parses the command line.
    cases: list[Case] = [
        ("admin", service_add("NEW", "งาน" + NOT_UTF8), INVALID),
        (None, ("settings", "get", NOT_UTF8), INVALID),
        (None, ("ticket", "show", "A00" + NOT_UTF8), INVALID),
        ("clerk1", ("ticket", "issue", NOT_UTF8), INVALID),
        ((NOT_UTF8, "demo"), ("ticket", "issue", "A"), INVALID),
    ]
    check_refusals(shared_engine, shared_office, cases)
