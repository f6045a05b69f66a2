"""`khetdesk init`: create or upgrade the schema, the first admin, and the demo office."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

from db import migrate
from db.models import Counter, Service, User
from db.uow import UnitOfWork
from desktop_app.services.auth import SYSTEM
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


def init_database(
    engine: Engine,
    *,
    demo: bool = False,
    admin: str | None = None,
    admin_password: str | None = None,
) -> InitResult:
    before, after = migrate.upgrade(engine)
    uow = UnitOfWork(engine)
    created_admin = demo_added = False
    with uow.write() as tx:
        s = tx.session
        admin_exists = bool(
            admin
            and s.execute(select(User.id).where(User.username == admin.strip().lower())).first()
        )
        if admin and not admin_exists:
            create_user(tx, SYSTEM, admin, "admin", "ผู้ดูแลระบบ", admin_password or "")
            created_admin = True
        if demo and s.execute(select(Service.id)).first() is None:
            write_setting(tx, SYSTEM, "office.name", "สำนักงานเขตตลิ่งชัน")
            write_setting(tx, SYSTEM, "office.name_en", "Taling Chan District Office")
            for code, name, name_en, prefix, minutes in DEMO_SERVICES:
                create_service(tx, SYSTEM, code, name, name_en, prefix, minutes)
            for number, codes in DEMO_COUNTERS:
                if s.execute(select(Counter.id).where(Counter.number == number)).first() is None:
                    create_counter(tx, SYSTEM, number, list(codes))
            demo_added = True
        if demo:
            for username, role, name, position, unit in DEMO_USERS:
                if not s.execute(select(User.id).where(User.username == username)).first():
                    create_user(tx, SYSTEM, username, role, name, DEMO_PASSWORD, position, unit)
                    demo_added = True
        tx.commit()
    return InitResult(before, after, created_admin, demo_added)
