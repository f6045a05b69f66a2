"""`khetdesk init`: create or upgrade the schema, the first admin, and the demo office."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, select

from db import migrate
from db.models import User
from db.uow import Transaction, UnitOfWork
from desktop_app.domain.errors import AuthError
from desktop_app.domain.roles import require
from desktop_app.services.auth import SYSTEM, Actor
from desktop_app.services.office import create_counter, create_service
from desktop_app.services.settings import write_setting
from desktop_app.services.users import create_user

DEMO_PASSWORD = "demo"

# (code, Thai name, English name, prefix, standard minutes): services a district office
# publishes in its service manual under the Licensing Facilitation Act. The code is the
# ticket letter, as in CLI.md's example (`ticket issue A` → A001), so clerks type one key.
DEMO_SERVICES = (
    ("A", "งานทะเบียนราษฎร", "Civil registration", "A", 15),
    ("B", "บัตรประจำตัวประชาชน", "National ID card", "B", 10),
    ("C", "ชำระภาษีและค่าธรรมเนียม", "Taxes and fees", "C", 10),
    ("D", "ทะเบียนพาณิชย์", "Commercial registration", "D", 20),
)
DEMO_COUNTERS = ((1, ("A", "B")), (2, ("A", "B")), (3, ("C",)), (4, ("D", "C")))
DEMO_USERS = (
    ("admin", "admin", "ผู้ดูแลระบบ", "นักวิชาการคอมพิวเตอร์", "ฝ่ายปกครอง"),
    ("clerk1", "clerk", "สมใจ ใจดี", "เจ้าพนักงานปกครอง", "ฝ่ายทะเบียน"),
    ("clerk2", "clerk", "สมศักดิ์ รักงาน", "เจ้าพนักงานธุรการ", "ฝ่ายทะเบียน"),
    ("supply", "supply_officer", "วิไล พัสดุดี", "เจ้าพนักงานพัสดุ", "ฝ่ายการคลัง"),
    ("supplyhead", "supply_head", "ประเสริฐ มั่นคง", "หัวหน้าฝ่ายการคลัง", "ฝ่ายการคลัง"),
    ("director", "agency_head", "ธนพล ศรีสุข", "ผู้อำนวยการเขต", "สำนักงานเขต"),
    ("staff1", "staff", "กนกพร ทองดี", "นักพัฒนาชุมชน", "ฝ่ายพัฒนาชุมชน"),
)


@dataclass(frozen=True)
class InitResult:
    revision_before: str | None
    revision: str
    created_admin: bool
    demo_added: bool
    demo_skipped: bool  # --demo on a database that already had users: nothing added


def init_database(
    engine: Engine,
    *,
    demo: bool = False,
    admin: str | None = None,
    admin_password: str | None = None,
    login: Callable[[], Actor] | None = None,
) -> InitResult:
    """Create or upgrade the schema. On a database without users, ``admin`` becomes the
    first administrator and ``demo`` fills in the demo office. Once there are users,
    init never adds demo data, and adding an admin needs an administrator's ``login``:
    `init` must not be a way round the login."""
    before, after = migrate.upgrade(engine)
    uow = UnitOfWork(engine)
    with uow.read() as tx:
        s = tx.session
        had_users = s.execute(select(User.id).limit(1)).first() is not None
        admin_exists = bool(
            admin
            and s.execute(select(User.id).where(User.username == admin.strip().lower())).first()
        )
    creator = SYSTEM
    if admin and not admin_exists and had_users:
        if login is None:
            raise AuthError(
                "ฐานข้อมูลนี้มีผู้ใช้แล้ว: เข้าสู่ระบบเป็นผู้ดูแลระบบ (--as) เพื่อเพิ่มผู้ดูแล "
                "(the database already has users: log in as an admin with --as to add one)"
            )
        creator = login()
        require(creator.role, "user.add")
    add_demo = demo and not had_users
    with uow.write() as tx:
        if admin and not admin_exists:
            create_user(tx, creator, admin, "admin", "ผู้ดูแลระบบ", admin_password or "")
        if add_demo:
            _add_demo_office(tx)
        tx.commit()
    return InitResult(before, after, bool(admin and not admin_exists), add_demo, demo and had_users)


def _add_demo_office(tx: Transaction) -> None:
    write_setting(tx, SYSTEM, "office.name", "สำนักงานเขตตลิ่งชัน")
    write_setting(tx, SYSTEM, "office.name_en", "Taling Chan District Office")
    for code, name, name_en, prefix, minutes in DEMO_SERVICES:
        create_service(tx, SYSTEM, code, name, name_en, prefix, minutes)
    for number, codes in DEMO_COUNTERS:
        create_counter(tx, SYSTEM, number, list(codes))
    for username, role, name, position, unit in DEMO_USERS:
        create_user(tx, SYSTEM, username, role, name, DEMO_PASSWORD, position, unit)
