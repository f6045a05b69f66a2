"""An older database met at start-up, after a program update: instead of "run khetdesk
init", the windows offer the upgrade. A backup is taken first and verified (SQLite's
integrity check on the copy, and every table's row count equal to the original's), then the
schema is migrated one revision at a time with a progress bar, then the program opens. A
database newer than the program is still refused (db.migrate), and so is anything that is
not a KhetDesk database.

PostgreSQL is upgraded by IT with its own tools (``pg_dump``, then ``khetdesk init``): this
program's backup of a server copies rows through the current models, which an older schema
does not have yet; the dialog says so instead of offering the upgrade.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout
from sqlalchemy import Engine

from desktop_app.domain.errors import DatabaseError, KhetDeskError
from desktop_app.ui.operations import Operations


def pending_revisions(engine: Engine) -> list[str] | None:
    """The revisions from the database's schema to this program's, oldest first; None when
    the database is not an older KhetDesk database."""
    from alembic.script import ScriptDirectory

    from db import migrate

    current = migrate.current_revision(engine)
    head = migrate.head_revision()
    if current is None or current == head or not migrate._known(current):
        return None
    script = ScriptDirectory.from_config(migrate._config())
    steps = [r.revision for r in script.iterate_revisions(head, current)]
    return [r for r in reversed(steps) if r != current]


def backup_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("KhetDesk", appauthor=False)) / "backups"


def verified_backup(engine: Engine, folder: Path) -> Path:
    """A copy of an SQLite database, checked before anything is changed."""
    from db.engine import sqlite_path

    source = sqlite_path(str(engine.url))
    if source is None:
        raise DatabaseError(
            "ฐานข้อมูลบนเซิร์ฟเวอร์เป็นรุ่นเก่า: ให้ผู้ดูแลสำรองด้วย pg_dump แล้วเรียก khetdesk init "
            "(the server's database is older than this program: back it up with pg_dump, "
            "then run 'khetdesk init')"
        )
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = folder / f"before-upgrade-{stamp}.db"
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(dest)) as dst:
        src.backup(dst)
    with closing(sqlite3.connect(source)) as a, closing(sqlite3.connect(dest)) as b:
        ok = b.execute("PRAGMA integrity_check").fetchone()[0]
        tables = [r[0] for r in a.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        differ = [t for t in tables
                  if a.execute(f'SELECT count(*) FROM "{t}"').fetchone()
                  != b.execute(f'SELECT count(*) FROM "{t}"').fetchone()]  # fmt: skip
    if ok != "ok" or differ:
        dest.unlink(missing_ok=True)
        raise DatabaseError(
            "สำรองข้อมูลก่อนปรับรุ่นไม่สำเร็จ ไม่ได้เปลี่ยนแปลงฐานข้อมูล "
            f"(the backup before the upgrade did not verify: {ok}, {differ}; nothing changed)"
        )
    return dest


def upgrade_to(engine: Engine, revision: str) -> None:
    from alembic import command

    from db import migrate

    with engine.begin() as conn:
        cfg = migrate._config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


class UpgradeDialog(QDialog):
    """Back up, then migrate revision by revision; ``accepted`` once the database is at this
    program's schema, ``rejected`` when the person declines (the program then ends)."""

    def __init__(self, engine: Engine, revisions: list[str], current: str) -> None:
        super().__init__()
        self.setObjectName("upgrade")
        self.engine, self.revisions = engine, revisions
        self.ops = Operations(self)
        self.backup: Path | None = None
        self.done_steps = 0
        self.setWindowTitle(self.tr("ปรับรุ่นฐานข้อมูล"))
        self.text = QLabel(objectName="upgradeText")
        self.text.setWordWrap(True)
        self.text.setText(
            self.tr(
                "ฐานข้อมูลนี้เป็นรุ่นเก่า (%1) โปรแกรมจะสำรองข้อมูลและตรวจสำเนาก่อน แล้วจึงปรับรุ่นฐานข้อมูล %2 ขั้น"
            )
            .replace("%1", current)
            .replace("%2", str(len(revisions)))
        )
        self.progress = QProgressBar(objectName="upgradeProgress")
        self.progress.setRange(0, len(revisions) + 1)
        self.progress.setValue(0)
        self.status = QLabel(objectName="upgradeStatus")
        self.status.setWordWrap(True)
        self.start_button = QPushButton(self.tr("สำรองข้อมูลและปรับรุ่น"), objectName="upgradeStart")
        self.start_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("ออกจากโปรแกรม"), objectName="upgradeQuit")
        self.start_button.clicked.connect(self.start)
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)

    def start(self) -> None:
        self.start_button.setEnabled(False)
        self.quit_button.setEnabled(False)
        self.status.setText(self.tr("กำลังสำรองข้อมูลและตรวจสำเนา…"))
        engine, folder = self.engine, backup_folder()
        self.ops.run(lambda: verified_backup(engine, folder), self._backed_up, self._failed)

    def _backed_up(self, path: Path) -> None:
        self.backup = path
        self.progress.setValue(1)
        self._next()

    def _next(self) -> None:
        if self.done_steps == len(self.revisions):
            self.status.setText(
                self.tr("ปรับรุ่นแล้ว สำเนาก่อนปรับรุ่น: %1").replace("%1", str(self.backup))
            )
            self.accept()
            return
        revision, engine = self.revisions[self.done_steps], self.engine
        self.status.setText(self.tr("กำลังปรับรุ่นเป็น %1…").replace("%1", revision))
        self.ops.run(lambda: upgrade_to(engine, revision), lambda _r: self._stepped(), self._failed)

    def _stepped(self) -> None:
        self.done_steps += 1
        self.progress.setValue(self.done_steps + 1)
        self._next()

    def _failed(self, error: Exception) -> None:
        self.quit_button.setEnabled(True)
        text = (
            error.message
            if isinstance(error, KhetDeskError)
            else f"{type(error).__name__}: {error}"
        )
        self.status.setText(text)
        self.status.setStyleSheet("color: #b91c1c;")
