"""Filtering and sorting the asset register's table at 100,000 assets, against a bare
QSortFilterProxyModel doing the same over the same rows in the same run; and loading the
rows (services.asset_queries.asset_rows) against the raw SQL select of the same columns.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench --only asset_table
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.asset_table [--rows 100000]

The proxy's source is a QStandardItemModel (its cells live in C++, so the proxy never
calls back into Python: the fastest a stock proxy gets). Each filter run starts from the
unfiltered table and applies one search text, as a keystroke after the debounce does; the
view of each model is attached, as in the window.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import tempfile
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import insert, select

from db.engine import make_engine
from db.models import Asset, AssetCategory
from db.uow import UnitOfWork
from desktop_app.services.asset_queries import AssetRow, asset_rows
from desktop_app.services.setup import init_database
from desktop_app.ui.asset_table import NAME, AssetTableModel, prepare
from tests.bench.harness import Figure, timed_ms

QUERIES = ("โน้ตบุ๊ก", "7440-012", "ห้องพัสดุ ชั้น 3", "หมายเลข 4242", "ฝ่ายทะเบียน")
HOLDERS = ("ฝ่ายการคลัง", "ฝ่ายทะเบียน", "ฝ่ายปกครอง", "ฝ่ายโยธา", "ฝ่ายรักษาความสะอาด")
STATUSES = ("available", "available", "available", "on_loan", "reserved", "under_repair")
CATEGORIES = (("computer", "ครุภัณฑ์คอมพิวเตอร์"), ("office", "ครุภัณฑ์สำนักงาน"),
              ("office-supplies", "วัสดุสำนักงาน"))  # fmt: skip


def synthetic_rows(n: int) -> list[AssetRow]:
    out = []
    for i in range(n):
        cat, cat_name = CATEGORIES[i % 3]
        if cat == "office-supplies":
            out.append(AssetRow(f"7530-{i // 1000:03d}-{i:06d}", f"กระดาษถ่ายเอกสาร A4 ล็อต {i}",
                                "consumable", cat, cat_name, "available", 40 + i % 60, "รีม",
                                HOLDERS[i % 5], f"ห้องพัสดุ ชั้น {1 + i % 4}"))  # fmt: skip
        else:
            out.append(AssetRow(f"7440-{i // 1000:03d}-{i:06d}/2566",
                                f"เครื่องคอมพิวเตอร์โน้ตบุ๊ก หมายเลข {i}", "durable", cat, cat_name,
                                STATUSES[i % 6], 1, "เครื่อง", HOLDERS[i % 5],
                                f"ห้อง {100 + i % 40} ชั้น {1 + i % 4}"))  # fmt: skip
    return sorted(out, key=lambda r: r.asset_no)


def standard_model(rows: list[AssetRow]) -> QStandardItemModel:
    model = QStandardItemModel(len(rows), 9)
    for r, a in enumerate(rows):
        for c, value in enumerate((a.asset_no, a.name, a.kind, a.category_name, a.status,
                                   str(a.qty), a.unit, a.unit_holder, a.location)):  # fmt: skip
            model.setItem(r, c, QStandardItem(value))
    return model


def table_figures(n: int, runs: int) -> Iterator[Figure]:
    app = QApplication.instance() or QApplication([])
    assert app is not None
    rows = synthetic_rows(n)
    ours = AssetTableModel()
    ours.set_rows(rows)
    ours_view = QTableView()
    ours_view.setModel(ours)
    source = standard_model(rows)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy_view = QTableView()
    proxy_view.setModel(proxy)

    def ours_filter(q: str) -> float:
        ours.set_filter(text="")
        t0 = time.perf_counter()
        ours.set_filter(text=q)
        return (time.perf_counter() - t0) * 1000

    def proxy_filter(q: str) -> float:
        proxy.setFilterFixedString("")
        t0 = time.perf_counter()
        proxy.setFilterFixedString(q)
        proxy.rowCount()
        return (time.perf_counter() - t0) * 1000

    mine, base = [], []
    for k in range(runs):
        q = QUERIES[k % len(QUERIES)]
        mine.append(ours_filter(q))
        base.append(proxy_filter(q))
        app.processEvents()
    ours.set_filter(text="")
    proxy.setFilterFixedString("")
    label = f"{n:,}"
    yield Figure(
        f"asset table: filter {label} rows by typed text", "ms", tuple(mine),
        baseline=Figure(f"QSortFilterProxyModel filter {label} rows", "ms", tuple(base)),
        note="one search text from the full table (debounced keystroke); "
        f"queries: {', '.join(QUERIES)}",
    )  # fmt: skip

    def ours_sort() -> None:
        ours.sort(NAME, Qt.SortOrder.DescendingOrder)
        ours.sort(0, Qt.SortOrder.AscendingOrder)

    def proxy_sort() -> None:
        proxy.sort(NAME, Qt.SortOrder.DescendingOrder)
        proxy.sort(0, Qt.SortOrder.AscendingOrder)

    yield Figure(
        f"asset table: sort {label} rows by name and back", "ms", timed_ms(runs, ours_sort),
        baseline=Figure(f"QSortFilterProxyModel sort {label} rows", "ms",
                        timed_ms(runs, proxy_sort)),
    )  # fmt: skip
    status_runs = timed_ms(runs, lambda: (ours.set_filter(status="on_loan"),
                                          ours.set_filter(status="")))  # fmt: skip
    yield Figure(f"asset table: status filter on and off, {label} rows", "ms", status_runs)
    # What the UI thread pays when the live queue reloads the register: the same rows
    # (compared, nothing redrawn) or one asset changed (search texts rebuilt, model reset).
    same = [dataclasses.replace(r) for r in rows]  # equal rows, new objects (a real reload)
    changed = list(rows)
    changed[n // 2] = dataclasses.replace(changed[n // 2], status="under_repair")

    ready = [prepare(changed), prepare(rows)]  # the worker thread's part

    def replace_changed() -> None:
        ours.set_rows(ready[0])
        ready.reverse()

    prepared_same = prepare(same)
    yield Figure(f"asset table: reload, {label} rows unchanged (UI thread)", "ms",
                 timed_ms(runs, lambda: ours.set_rows(prepared_same)))  # fmt: skip
    yield Figure(f"asset table: reload, one of {label} rows changed (UI thread)", "ms",
                 timed_ms(runs, replace_changed))  # fmt: skip
    yield Figure(f"asset table: prepare {label} loaded rows (worker thread)", "ms",
                 timed_ms(max(runs // 2, 1), lambda: prepare(changed)))  # fmt: skip
    for v in (ours_view, proxy_view):
        v.deleteLater()


def load_figures(n: int, runs: int) -> Iterator[Figure]:
    """asset_rows() against the raw select of the same columns, on SQLite."""
    rows = synthetic_rows(n)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        try:
            init_database(engine, demo=False, admin="admin", admin_password="bench-pw-1")
            now = dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.UTC)
            with engine.begin() as conn:
                ids = {}
                for code, name in CATEGORIES:
                    existing = conn.execute(
                        select(AssetCategory.id).where(AssetCategory.code == code)
                    ).scalar()
                    if existing is None:
                        existing = conn.execute(
                            insert(AssetCategory).values(code=code, name=name,
                                                         depreciation="default")
                        ).inserted_primary_key[0]  # fmt: skip
                    ids[code] = existing
                conn.execute(insert(Asset), [
                    {"asset_no": r.asset_no, "name": r.name, "kind": r.kind,
                     "category_id": ids[r.category], "unit": r.unit, "qty_on_hand": r.qty,
                     "min_stock": 0, "price": Decimal("25000.00"),
                     "acquired_on": dt.date(2023, 7, 15), "unit_holder": r.unit_holder,
                     "location": r.location, "condition": "good", "lendable": True,
                     "written_off": False, "status": r.status, "note": "", "created_at": now}
                    for r in rows
                ])  # fmt: skip
            uow = UnitOfWork(engine)
            assert len(asset_rows(uow)) == n

            def raw() -> None:
                with engine.connect() as conn:
                    conn.exec_driver_sql(
                        "SELECT a.asset_no, a.name, a.kind, c.code, c.name, a.status, "
                        "a.qty_on_hand, a.unit, a.unit_holder, a.location FROM assets a "
                        "JOIN asset_categories c ON c.id = a.category_id ORDER BY a.asset_no"
                    ).fetchall()

            yield Figure(
                f"asset table: load {n:,} rows (asset_rows, SQLite)", "ms",
                timed_ms(runs, lambda: asset_rows(uow)),
                baseline=Figure(f"raw SQL select of {n:,} rows", "ms", timed_ms(runs, raw)),
                note="off the UI thread (Operations); the table shows the old rows meanwhile",
            )  # fmt: skip
        finally:
            engine.dispose()


def benchmarks(smoke: bool) -> Iterator[Figure]:
    n, runs = (1_000, 2) if smoke else (100_000, 10)
    yield from table_figures(n, runs)
    yield from load_figures(n, 2 if smoke else 5)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    for f in (*table_figures(args.rows, args.runs), *load_figures(args.rows, 5)):
        ratio = f" (baseline {f.baseline.median:.1f} ms, ratio {f.ratio:.3f})" if f.baseline else ""
        print(f"{f.name}: median {f.median:.1f} {f.unit}, p90 {f.p90:.1f}{ratio}")


if __name__ == "__main__":
    main()
