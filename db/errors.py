"""Turn driver errors into errors a user can act on: the environment's fault (locked,
unreadable, read-only, full, server unreachable). Anything else is our bug and stays one."""

from __future__ import annotations

import re

from sqlalchemy import exc as sa_exc

from desktop_app.domain.errors import DatabaseError, InvalidInput, KhetDeskError

_ENVIRONMENT = (
    ("database is locked", "ฐานข้อมูลถูกใช้งานอยู่นานเกินไป ลองใหม่อีกครั้ง (database is locked)"),
    ("file is not a database", "ไฟล์นี้ไม่ใช่ฐานข้อมูล KhetDesk (file is not a database)"),
    ("file is encrypted", "ไฟล์นี้ไม่ใช่ฐานข้อมูล KhetDesk (file is not a database)"),
    ("readonly database", "ฐานข้อมูลเป็นแบบอ่านอย่างเดียว (database is read-only)"),
    # PostgreSQL: default_transaction_read_only, or a hot standby (psycopg InternalError).
    ("read-only transaction", "ฐานข้อมูลเป็นแบบอ่านอย่างเดียว (database is read-only)"),
    ("recovery is in progress", "ฐานข้อมูลเป็นแบบอ่านอย่างเดียว (database is read-only)"),
    # PostgreSQL lock_timeout (db/engine.py): another PC held the write lock too long.
    ("lock timeout", "ฐานข้อมูลถูกใช้งานอยู่นานเกินไป ลองใหม่อีกครั้ง (database is locked)"),
    ("disk is full", "ดิสก์เต็ม ไม่ได้บันทึกรายการ (disk is full; nothing was saved)"),
    ("unable to open database", "เปิดไฟล์ฐานข้อมูลไม่ได้ (unable to open the database file)"),
    ("disk i/o error", "อ่านหรือเขียนดิสก์ไม่ได้ (disk I/O error; nothing was saved)"),
    ("connection refused", "ติดต่อเซิร์ฟเวอร์ฐานข้อมูลไม่ได้ (database server refused the connection)"),
    ("could not connect", "ติดต่อเซิร์ฟเวอร์ฐานข้อมูลไม่ได้ (could not connect to the database server)"),
    ("password authentication failed", "เข้าเซิร์ฟเวอร์ฐานข้อมูลไม่ได้ (database login failed)"),
    (r'database ".*" does not exist', "ไม่พบฐานข้อมูลบนเซิร์ฟเวอร์ (no such database on the server)"),
    (
        "no such table",
        "ฐานข้อมูลยังไม่ได้ตั้งค่า: เรียก khetdesk init ก่อน (database not initialised: run 'khetdesk init')",
    ),
    (
        "undefinedtable",
        "ฐานข้อมูลยังไม่ได้ตั้งค่า: เรียก khetdesk init ก่อน (database not initialised: run 'khetdesk init')",
    ),
)


def translate(error: BaseException) -> KhetDeskError | None:
    """A user-facing error for a database failure, or None when it is our bug."""
    if isinstance(error, sa_exc.DataError):
        return InvalidInput("ค่าที่ให้มาใช้กับฐานข้อมูลไม่ได้ (a value is out of range for the database)")
    # Any driver error class: a non-SQLite file fails while connecting as sqlite3's
    # DatabaseError, a read-only PostgreSQL as psycopg's InternalError.
    if isinstance(error, sa_exc.DBAPIError) and not isinstance(error, sa_exc.IntegrityError):
        text = str(error.orig if getattr(error, "orig", None) else error).lower()
        kind = type(getattr(error, "orig", error)).__name__.lower()
        for needle, message in _ENVIRONMENT:
            if re.search(needle, text) or needle in kind:
                return DatabaseError(message)
        if isinstance(error, sa_exc.OperationalError):
            first = text.splitlines()[0][:200] if text else ""
            return DatabaseError(f"ฐานข้อมูลใช้งานไม่ได้ (database unavailable: {first})")
    return None
