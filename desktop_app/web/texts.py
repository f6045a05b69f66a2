"""The pages' words, Thai first and English second. The browser's JavaScript gets the same
table (embedded as JSON), so a live update says exactly what a fresh page would."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.thai_time import thai_date

LANGS = ("th", "en")

TEXTS: dict[str, dict[str, str]] = {
    "th": {
        "lang_name": "ไทย",
        "other_lang": "English",
        "title_ticket": "บัตรคิว",
        "title_board": "กำลังเรียกคิว",
        "your_ticket": "บัตรคิวของท่าน",
        "service": "บริการ",
        "status_waiting": "รอเรียก",
        "status_transferred": "ย้ายไปบริการ",
        "status_called": "ถึงคิวของท่านแล้ว",
        "status_served": "ให้บริการเรียบร้อยแล้ว",
        "status_no_show": "เรียกแล้วไม่พบท่าน",
        "ahead": "รอก่อนหน้า",
        "people": "คน",
        "wait": "ประมาณ",
        "minutes": "นาที",
        "next": "ท่านเป็นคิวถัดไป",
        "go_to_counter": "เชิญที่ช่องบริการ",
        "no_show_help": "หากท่านยังอยู่ที่สำนักงาน กรุณาติดต่อเจ้าหน้าที่ที่ช่องบริการ",
        "transferred_help": "คิวของท่านย้ายไปอีกบริการหนึ่ง โดยยังคงลำดับเดิม",
        "sound_on": "แตะเพื่อเปิดเสียงเตือนเมื่อถึงคิว",
        "sound_ready": "เปิดเสียงเตือนแล้ว",
        "live": "อัปเดตอัตโนมัติ",
        "offline": "ขาดการเชื่อมต่อ กำลังลองใหม่…",
        "rate_title": "ท่านพึงพอใจกับบริการเพียงใด",
        "rate_low": "ไม่พอใจ",
        "rate_high": "พอใจมาก",
        "comment": "ข้อเสนอแนะ (ไม่บังคับ)",
        "send": "ส่งความเห็น",
        "thanks": "ขอบคุณสำหรับความเห็นของท่าน",
        "rated_already": "บัตรคิวนี้ให้คะแนนแล้ว ขอบคุณครับ/ค่ะ",
        "rate_failed": "ส่งไม่สำเร็จ กรุณาลองใหม่",
        "rate_without_k": "สแกน QR บนบัตรคิวเพื่อให้คะแนนบริการ",
        "not_found": "ไม่พบบัตรคิวนี้",
        "not_found_help": "ตรวจสอบวันที่และหมายเลขบนบัตรคิว",
        "bad_request": "ที่อยู่ไม่ถูกต้อง",
        "unavailable": "ระบบขัดข้องชั่วคราว กรุณาลองใหม่",
        "board_calls": "คิวที่เรียกล่าสุด",
        "board_counter": "ช่อง",
        "board_waiting": "รอรับบริการ",
        "board_none": "ยังไม่มีการเรียกคิววันนี้",
        "board_mark_appointment": "นัดหมาย",
        "board_mark_aged": "รอนาน",
        "chime_on": "แตะเพื่อเปิดเสียงเรียก",
        "no_personal": "หน้านี้ไม่มีข้อมูลส่วนบุคคล",
    },
    "en": {
        "lang_name": "English",
        "other_lang": "ไทย",
        "title_ticket": "Queue ticket",
        "title_board": "Now serving",
        "your_ticket": "Your ticket",
        "service": "Service",
        "status_waiting": "Waiting",
        "status_transferred": "Moved to",
        "status_called": "It is your turn",
        "status_served": "Served",
        "status_no_show": "Called, you were not there",
        "ahead": "Ahead of you",
        "people": "people",
        "wait": "about",
        "minutes": "min",
        "next": "You are next",
        "go_to_counter": "Please go to counter",
        "no_show_help": "If you are still in the office, please ask at a counter",
        "transferred_help": "Your ticket moved to another service and kept its place",
        "sound_on": "Tap to hear a sound when called",
        "sound_ready": "Sound is on",
        "live": "Updates live",
        "offline": "Connection lost, retrying…",
        "rate_title": "How satisfied are you with the service?",
        "rate_low": "Unhappy",
        "rate_high": "Very happy",
        "comment": "Suggestion (optional)",
        "send": "Send",
        "thanks": "Thank you for your feedback",
        "rated_already": "This ticket is rated already. Thank you",
        "rate_failed": "Not sent, please try again",
        "rate_without_k": "Scan the QR code on your ticket to rate the service",
        "not_found": "No such ticket",
        "not_found_help": "Check the date and the number on your ticket",
        "bad_request": "Not a valid address",
        "unavailable": "Temporarily unavailable, please try again",
        "board_calls": "Latest calls",
        "board_counter": "Counter",
        "board_waiting": "Waiting",
        "board_none": "No calls yet today",
        "board_mark_appointment": "Appointment",
        "board_mark_aged": "Waited long",
        "chime_on": "Tap to turn the chime on",
        "no_personal": "This page holds no personal data",
    },
}

_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def date_text(day: dt.date, lang: str) -> str:
    """Thai: ``2 ธ.ค. 2569`` (พ.ศ.); English: ``2 Dec 2026``."""
    if lang == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return thai_date(day)


def choose_lang(query: str | None, cookie: str | None, accept_language: str | None) -> str:
    """``?lang=`` (the toggle), else the cookie it set, else the browser's first preference
    between Thai and English (Accept-Language, by q value), else Thai."""
    for v in (query, cookie):
        if v in LANGS:
            return v
    best, best_q = "th", -1.0
    for i, part in enumerate((accept_language or "")[:500].split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        lang = tag.strip().lower().split("-")[0]
        if lang not in LANGS:
            continue
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        q -= i * 1e-6  # the earlier of equal preferences wins
        if q > best_q:
            best, best_q = lang, q
    return best
