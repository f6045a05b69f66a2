"""`khetdesk init`: create or upgrade the schema, the first admin, and the demo office."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, inspect, select

from db import migrate
from db.models import User
from db.uow import Transaction, UnitOfWork
from desktop_app.domain.errors import AuthError
from desktop_app.domain.passwords import check_new_password
from desktop_app.domain.roles import require
from desktop_app.services.assets import AssetInput, add_asset, add_category
from desktop_app.services.auth import SYSTEM, Actor
from desktop_app.services.office import create_counter, create_service
from desktop_app.services.settings import write_setting
from desktop_app.services.users import create_user, mark_demo_office

DEMO_PASSWORD = "demo"  # exempt from the password policy in this demo office only

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

# The demo register, held by ฝ่ายการคลัง (the demo supply head's unit). Asset numbers follow
# the usual pattern: federal supply class - type - running number / BE year acquired.
# (asset_no, name, kind, category, price, acquired, qty, unit, min_stock, location)
DEMO_HOLDER = "ฝ่ายการคลัง"
DEMO_ASSETS = (
    ("7440-001-0001/2566", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก Lenovo ThinkPad E14", "durable", "computer",
     "25000.00", "2023-07-15", 1, "เครื่อง", 0, "ห้องพัสดุ ชั้น 2"),
    ("7440-001-0002/2566", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก Lenovo ThinkPad E14", "durable", "computer",
     "25000.00", "2023-07-15", 1, "เครื่อง", 0, "ห้องพัสดุ ชั้น 2"),
    ("6730-002-0001/2565", "เครื่องฉายภาพโปรเจคเตอร์ Epson EB-X51", "durable", "advertising",
     "18900.00", "2022-03-08", 1, "เครื่อง", 0, "ห้องประชุมชั้น 3"),
    ("8340-001-0001/2564", "เต็นท์ผ้าใบโครงเหล็ก ขนาด 4 x 8 เมตร", "durable", "office",
     "16500.00", "2021-01-20", 1, "หลัง", 0, "โรงเก็บพัสดุ"),
    ("7110-006-0001/2567", "เก้าอี้พลาสติกพนักพิง", "durable", "office",
     "350.00", "2024-02-12", 1, "ตัว", 0, "โรงเก็บพัสดุ"),
    ("7110-006-0002/2567", "เก้าอี้พลาสติกพนักพิง", "durable", "office",
     "350.00", "2024-02-12", 1, "ตัว", 0, "โรงเก็บพัสดุ"),
    ("7110-006-0003/2567", "เก้าอี้พลาสติกพนักพิง", "durable", "office",
     "350.00", "2024-02-12", 1, "ตัว", 0, "โรงเก็บพัสดุ"),
    ("2310-001-0001/2563", "รถยนต์กระบะ 4 ประตู Toyota Hilux Revo", "durable", "vehicle",
     "850000.00", "2020-06-30", 1, "คัน", 0, "ลานจอดรถสำนักงานเขต"),
    ("7530-001-0001", "กระดาษถ่ายเอกสาร A4 80 แกรม", "consumable", "office-supplies",
     "115.00", "2026-10-05", 200, "รีม", 20, "ห้องพัสดุ ชั้น 2"),
    ("7510-002-0001", "ผงหมึกเครื่องพิมพ์เลเซอร์ HP 85A", "consumable", "computer-supplies",
     "2900.00", "2026-10-05", 12, "กล่อง", 2, "ห้องพัสดุ ชั้น 2"),
)  # fmt: skip
DEMO_CATEGORY_NAMES = {
    "computer": "ครุภัณฑ์คอมพิวเตอร์",
    "advertising": "ครุภัณฑ์โฆษณาและเผยแพร่",
    "office": "ครุภัณฑ์สำนักงาน",
    "office-supplies": "วัสดุสำนักงาน",
    "computer-supplies": "วัสดุคอมพิวเตอร์",
}


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
    if admin and not inspect(engine).has_table("users"):
        # A new database: a password the policy refuses is refused before the schema is
        # made, so that the refused init leaves nothing behind. (On an existing database
        # it is checked where the user is created, and only if it is.)
        check_new_password(admin_password or "", username=admin.strip().lower(), demo_office=demo)
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
        if add_demo:
            # First, so that an admin named on the same command joins a demo office too.
            mark_demo_office(tx, SYSTEM)
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
    for code, category_name in DEMO_CATEGORY_NAMES.items():
        add_category(tx, SYSTEM, code, category_name)
    for asset_no, name, kind, category, price, acquired, qty, unit, min_stock, where in DEMO_ASSETS:
        inp = AssetInput.parse(
            asset_no=asset_no, name=name, kind=kind, category=category, price=price,
            acquired=acquired, qty=qty, unit=unit, min_stock=min_stock, unit_holder=DEMO_HOLDER,
            location=where,
        )  # fmt: skip
        add_asset(tx, SYSTEM, inp)
