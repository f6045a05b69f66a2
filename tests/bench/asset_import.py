"""Importing a 10,000-row XLSX asset register, against the floor of just reading the same
file with openpyxl in the same run.

    .venv/bin/python -m tests.bench.asset_import [--rows 10000] [--runs 3] [--no-pg]

Not part of `make test`. Each run imports into a fresh database; the figure is the whole
`asset import` use case (read, check every row, insert, one audit entry per asset).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services.asset_io import import_assets
from desktop_app.services.auth import authenticate
from desktop_app.services.setup import init_database


def make_register(path: Path, rows: int) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("ทะเบียน")
    ws.append(["เลขครุภัณฑ์", "ชื่อ", "ประเภท", "จำนวน", "หน่วยนับ", "ราคา", "วันที่ได้มา", "ฝ่าย",
               "สถานที่ตั้ง"])  # fmt: skip
    for i in range(rows):
        if i % 10 == 9:
            ws.append([f"7530-{i // 1000:03d}-{i:05d}/2567", f"กระดาษถ่ายเอกสาร A4 ล็อต {i}",
                       "วัสดุ", 40 + i % 7, "รีม", 125.5, dt.date(2024, 1, 1 + i % 28),
                       "ฝ่ายการคลัง", "ห้องพัสดุ"])  # fmt: skip
        else:
            ws.append([f"7440-{i // 1000:03d}-{i:05d}/2566", f"เครื่องคอมพิวเตอร์โน้ตบุ๊ก หมายเลข {i}",
                       "ครุภัณฑ์", 1, "เครื่อง", 25000 + i, dt.date(2020 + i % 5, 1 + i % 12, 1),
                       "ฝ่ายทะเบียน", "ชั้น 2"])  # fmt: skip
    wb.save(path)


def read_only_floor(path: Path) -> float:
    t0 = time.perf_counter()
    wb = load_workbook(path, read_only=True, data_only=True)
    sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    return time.perf_counter() - t0


def import_once(url: str, path: Path) -> tuple[float, int]:
    engine = make_engine(url, create=True)
    try:
        init_database(engine, demo=False, admin="admin", admin_password="bench-pw-1")
        uow = UnitOfWork(engine)
        admin = authenticate(uow, "admin", "bench-pw-1")
        ticks = 0

        def progress(done: int, total: int) -> None:
            nonlocal ticks
            ticks += 1

        t0 = time.perf_counter()
        result = import_assets(uow, admin, path, progress)
        elapsed = time.perf_counter() - t0
        assert result.imported == result.rows, result.errors[:3]
        return elapsed, ticks
    finally:
        engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-pg", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        register = Path(tmp) / "register.xlsx"
        make_register(register, args.rows)
        size = register.stat().st_size
        floor = statistics.median(read_only_floor(register) for _ in range(args.runs))
        print(f"{args.rows:,}-row XLSX ({size / 1024:.0f} KiB): openpyxl read alone "
              f"median {floor:.2f} s")  # fmt: skip
        targets = [("SQLite", lambda i: f"sqlite:///{tmp}/import-{i}.db")]
        pg = None
        if not args.no_pg:
            from tests.support.pg_server import PgServer

            pg = PgServer()
            pg.__enter__()
            targets.append(("PostgreSQL", lambda i: pg.create_database(f"import{i}")))
        try:
            for name, url_for in targets:
                runs = [import_once(url_for(i), register) for i in range(args.runs)]
                med = statistics.median(t for t, _ in runs)
                print(f"{name:<11} asset import median {med:.2f} s  "
                      f"({args.rows / med:,.0f} rows/s, ×{med / floor:.1f} of the read alone, "
                      f"{runs[0][1]} progress updates, runs={args.runs})")  # fmt: skip
        finally:
            if pg is not None:
                pg.__exit__(None, None, None)


if __name__ == "__main__":
    main()
