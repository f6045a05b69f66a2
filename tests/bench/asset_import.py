"""Importing a 10,000-row XLSX asset register, against the floor of just reading the same
file with openpyxl in the same run.

    .venv/bin/python -m tests.bench --only asset_import
    .venv/bin/python -m tests.bench.asset_import [--rows 10000] [--runs 3]   # the full size

Each run imports into a fresh database; the figure is the whole `asset import` use case
(read, check every row, insert, one audit entry per asset), with reading the same file
alone as its baseline. In `make bench` the register has 2,000 rows (3 runs per engine,
about a minute in all) to stay within its 10-minute budget; import time grows linearly with
the rows, so the 10,000-row figure is five times that (run the module with --rows 10000).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook, load_workbook

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services.asset_io import import_assets
from desktop_app.services.auth import authenticate
from desktop_app.services.setup import init_database
from tests.bench.harness import Figure
from tests.bench.pg import postgres_database


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


def figures(rows: int, runs: int) -> Iterator[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        register = Path(tmp) / "register.xlsx"
        make_register(register, rows)
        size = register.stat().st_size
        floor = Figure(f"openpyxl read alone, {rows:,}-row XLSX", "s",
                       tuple(read_only_floor(register) for _ in range(runs)),
                       extra={"file_bytes": size})  # fmt: skip
        for i_label, label in enumerate(("SQLite", "PostgreSQL")):
            times = []
            for i in range(runs):
                if i_label == 0:
                    times.append(import_once(f"sqlite:///{tmp}/import-{i}.db", register)[0])
                else:
                    with postgres_database("import") as url:
                        times.append(import_once(url, register)[0])
            median = sorted(times)[len(times) // 2]
            yield Figure(f"{label}: asset import, {rows:,}-row XLSX", "s", tuple(times),
                         baseline=floor, extra={"rows_per_s": round(rows / median)})  # fmt: skip


def benchmarks(smoke: bool) -> Iterator[Figure]:
    yield from figures(20, 1) if smoke else figures(2_000, 3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from tests.bench.__main__ import table

    print(table([("asset_import", f) for f in figures(args.rows, args.runs)]))


if __name__ == "__main__":
    main()
