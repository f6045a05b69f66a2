"""Pictures of the statistics for the README: the statistics window over a month of a demo
office's queue (docs/stats-window.png) and the first page of the PDF summary rendered with
pypdfium2 (docs/stats-summary.png).

    QT_QPA_PLATFORM=offscreen python -m desktop_app.ui.stats_shots [--out docs]

``stats_screenshots(out_dir)`` is what desktop_app.ui.screenshots may call. The month is
November 2569 with fixed, seeded times, so the pictures only change when the code does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.domain.errors import KhetDeskError
from desktop_app.domain.thai_time import BANGKOK
from desktop_app.services import loans, tickets
from desktop_app.services.auth import authenticate
from desktop_app.services.setup import init_database
from desktop_app.services.stats_export import export_queue
from desktop_app.ui.app import make_env
from desktop_app.ui.env import LocalSettings
from desktop_app.ui.fonts import load_fonts
from desktop_app.ui.screenshots import Clock, settle
from desktop_app.ui.stats_window import StatsWindow

FIRST = dt.date(2026, 11, 2)
LAST = dt.date(2026, 11, 24)
REASONS = ("ผู้ป่วยนั่งรถเข็น", "เอกสารต่อเนื่องจากคิวก่อนหน้า", "ผู้สูงอายุมาโดยไม่ได้กดคิวพิเศษ")


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BANGKOK).astimezone(
        dt.UTC
    )


def fill_month(uow: UnitOfWork, clock: Clock, seed: int = 7) -> None:
    """Working days of November 2569: a morning rush, quieter afternoons; most citizens
    served, a few not there, now and then a call out of order or a transfer."""
    rnd = random.Random(seed)
    clerks = [authenticate(uow, u, "demo") for u in ("clerk1", "clerk2")]
    day = FIRST
    while day <= LAST:
        if day.weekday() < 5:
            clock.now = _at(day, 8, 30)
            for _ in range(rnd.randint(26, 40)):
                clock.now += dt.timedelta(minutes=rnd.choice((2, 4, 6, 9, 12)))
                prio = rnd.choice((None,) * 8 + ("elderly", "disabled", "monk", "pregnant"))
                who = clerks[0]
                try:
                    tickets.issue_ticket(uow, who, rnd.choice("AAABBCCD"), prio)
                    for counter in rnd.sample((1, 2, 3, 4), 2):
                        clock.now += dt.timedelta(minutes=rnd.randint(1, 5))
                        r = rnd.random()
                        if r < 0.05:
                            q = tickets.counter_queue(uow, counter)
                            if q.waiting:
                                tickets.pick(
                                    uow, who, q.waiting[-1].code, counter, rnd.choice(REASONS)
                                )
                                continue
                        if r < 0.09:
                            tickets.no_show(uow, who, counter)
                        tickets.call_next(uow, clerks[counter % 2], counter)
                except KhetDeskError:
                    pass  # nobody at the counter: the next one
            for counter in (1, 2, 3, 4):  # the end of the day
                clock.now += dt.timedelta(minutes=7)
                try:
                    tickets.call_next(uow, clerks[0], counter)
                    tickets.complete(uow, clerks[0], counter)
                except KhetDeskError:
                    pass
        day += dt.timedelta(days=1)


def add_loans(uow: UnitOfWork, clock: Clock) -> None:
    staff, supply, director = (
        authenticate(uow, u, "demo") for u in ("staff1", "supply", "director")
    )
    me = {
        "borrower_type": "person",
        "borrower_user": "staff1",
        "borrower": "กนกพร ทองดี",
        "purpose": "ใช้ในการอบรมอาสาสมัครชุมชน",
        "official_use": True,
    }
    plan = (
        ("7440-001-0001/2566", dt.date(2026, 10, 5), 3, 2),
        ("7440-001-0002/2566", dt.date(2026, 10, 20), 2, 5),
        ("6730-002-0001/2565", dt.date(2026, 11, 3), 2, 0),
        ("8340-001-0001/2564", dt.date(2026, 11, 10), 4, 9),
    )
    for asset, start, days, late in plan:
        clock.now = _at(start, 8)
        v = loans.request_loan(
            uow,
            staff,
            place="off_premises",
            items=[asset],
            start=start,
            due=start + dt.timedelta(days=days),
            **me,
        )
        loans.approve_loan(uow, director, v.loan_no)
        loans.hand_over(uow, supply, v.loan_no)
        clock.now = _at(start + dt.timedelta(days=days + late), 15)
        loans.return_items(uow, supply, v.loan_no, [f"{asset}:good"])
    clock.now = _at(LAST, 16)


def stats_screenshots(out_dir: Path, size: tuple[int, int] = (1366, 768)) -> list[Path]:
    """docs/stats-window.png and docs/stats-summary.png (made in a temporary database)."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_fonts(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/stats.db")
        init_database(engine, demo=True)
        clock = Clock(_at(FIRST, 8))
        uow = UnitOfWork(engine, clock=clock)
        fill_month(uow, clock)
        add_loans(uow, clock)
        local = LocalSettings(QSettings(f"{tmp}/local.ini", QSettings.Format.IniFormat))
        local.board_sound = False
        env = make_env(app, uow, local=local, clock=clock)
        window = StatsWindow(env, authenticate(uow, "director", "demo"))
        window.resize(*size)
        window.show()
        settle(app, lambda: window.loaded is not None, timeout_s=20)
        path = out_dir / "stats-window.png"
        window.grab().save(str(path))
        made.append(path)
        window.resize(1920, 1080)  # the director's desk screen
        settle(app, lambda: True)
        path = out_dir / "stats-window-1920x1080.png"
        window.grab().save(str(path))
        made.append(path)
        window.close()

        pdf = Path(tmp) / "summary.pdf"
        export_queue(uow, dt.date(2026, 11, 1), dt.date(2026, 11, 30), pdf, "pdf")
        import pypdfium2 as pdfium  # a test dependency: pictures are made by developers

        doc = pdfium.PdfDocument(str(pdf))
        try:
            page = doc[0]
            image = page.render(scale=1.6).to_pil()
            path = out_dir / "stats-summary.png"
            image.save(path)
            made.append(path)
        finally:
            doc.close()
        env.live.stop()
        engine.dispose()
    return made


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m desktop_app.ui.stats_shots")
    p.add_argument("--out", default="docs", type=Path)
    for path in stats_screenshots(p.parse_args().out):
        print(path)


if __name__ == "__main__":
    main()
