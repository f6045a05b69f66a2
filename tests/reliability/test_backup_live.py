"""A backup taken while another process issues tickets as fast as it can (SQLite's online
backup API; PostgreSQL's REPEATABLE READ snapshot) is a consistent database: restored onto
a fresh database of the same engine, `audit verify` is ok, every day's numbers run 1..max
with no gap, and it holds exactly the tickets of one moment — every ticket the issuer had
confirmed before the backup started, none it issued after the backup ended. Every other
backup is a `backup run` (verified, kept by retention): the restore drill of issue 17.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.engine import make_engine
from db.models import Ticket
from db.uow import UnitOfWork
from desktop_app.services import backup as backup_service
from desktop_app.services.setup import init_database
from tests.conftest import PG_TEMPLATE
from tests.integration.test_concurrency import assert_consistent, demo_office, open_uow
from tests.support.db import OPENING, actor
from tests.support.pg_server import PgServer
from tests.support.procs import Proc, proc_pool

BACKUPS = 4


def _fresh_target(db_url: str, tmp_path: Path, pg_server: PgServer | None, i: int) -> str:
    if db_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / f'restored-{i}.db'}"
    else:
        assert pg_server is not None
        url = pg_server.create_database(f"r_{uuid.uuid4().hex[:12]}", template=PG_TEMPLATE)
    engine = make_engine(url)
    init_database(engine, admin="admin", admin_password="restore-pw")
    engine.dispose()
    return url


@pytest.mark.slow
def test_a_backup_taken_while_tickets_are_issued_restores_to_a_consistent_database(
    db_url: str, tmp_path: Path, pg_server: PgServer | None
) -> None:
    demo_office(db_url)
    taken: list[tuple[Path, set[str], int]] = []
    with proc_pool() as pool:
        issuer = Proc(tmp_path, "issuer", "tests.support.workers", "issue", "--url", db_url,
                      "--base", OPENING.isoformat(), "--epoch", repr(time.time()),
                      "--services", "A,B,C,D")  # fmt: skip
        pool.append(issuer)
        issuer.wait_for("ready")
        with open_uow(db_url) as uow:
            for i in range(BACKUPS):
                time.sleep(0.3)
                confirmed = {e["code"] for e in issuer.events("issued")}
                if i % 2 == 0:  # `backup FILE`
                    path = tmp_path / f"backup-{i}.db"
                    result = backup_service.backup(uow, path)
                    tickets = result.tickets
                else:  # `backup run`: the restore drill of the verified automatic backups
                    run = backup_service.run_backup(uow, actor(uow, "admin"),
                                                    tmp_path / "auto",
                                                    now=OPENING + dt.timedelta(days=i))  # fmt: skip
                    assert run.verified and backup_service.verify_backup(Path(run.file)).ok
                    path, tickets = Path(run.file), run.tickets
                after = len(issuer.events("issued"))
                taken.append((path, confirmed, after))
                assert tickets >= len(confirmed)
        assert issuer.proc.poll() is None, f"the issuer stopped:\n{issuer.stderr()}"
    assert len(issuer.events("issued")) > len(taken[-1][1]), "nothing issued meanwhile"

    for i, (path, confirmed, issued_by_end) in enumerate(taken):
        numbers = assert_consistent(f"sqlite:///{path}")  # the backup file itself
        target = _fresh_target(db_url, tmp_path, pg_server, i)
        engine = make_engine(target)
        try:
            uow = UnitOfWork(engine)
            backup_service.restore(uow, actor(uow, "admin"), path)
            assert assert_consistent(target) == numbers
            with uow.read() as tx:
                codes = set(tx.session.execute(select(Ticket.code)).scalars())
                count = tx.session.scalar(select(func.count()).select_from(Ticket))
            assert confirmed <= codes, "a ticket confirmed before the backup is missing"
            assert count <= issued_by_end + 1, "the backup holds tickets issued after it"
        finally:
            engine.dispose()
            if pg_server is not None and not target.startswith("sqlite"):
                pg_server.drop_database(target.rsplit("/", 1)[1])
