"""Device tokens through the real program (CLI.md "Devices", issue 17 item 4): `device add`
shows the token once and keeps only its hash; `--device-token` (or $KHETDESK_DEVICE_TOKEN)
acts as that kiosk or board, in the trail as ``device:NAME``, and may do only what its kind
may; an unknown, malformed or revoked token is exit 4; refusals change nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from sqlalchemy import Engine, select

from db.engine import make_engine
from db.models import AuditEntry
from tests.e2e.runner import (
    AUTH,
    CONFLICT,
    FORBIDDEN,
    NOT_FOUND,
    REPO,
    USAGE,
    admin,
    check_refusals,
    ok_json,
    run,
)
from tests.support.db import snapshot


def _add(url: str, name: str, kind: str) -> str:
    answer = ok_json(admin(url, "device", "add", name, "--kind", kind))
    assert answer["device"] == name and answer["kind"] == kind
    return str(answer["token"])


def _last_entry(url: str) -> AuditEntry:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
        return row  # type: ignore[return-value]
    finally:
        engine.dispose()


def test_a_kiosk_token_issues_and_reprints_in_its_own_name(office_url: str, engine: Engine) -> None:
    token = _add(office_url, "kiosk-1", "kiosk")
    assert token.startswith("kd1_")
    # Never in the list, nor anywhere in the database.
    listed = ok_json(admin(office_url, "device", "list"))
    assert listed["devices"][0]["device"] == "kiosk-1"
    assert listed["devices"][0]["revoked"] is False
    assert token not in json.dumps(listed)
    assert token not in repr(snapshot(engine))

    issued = ok_json(run(office_url, "--device-token", token, "ticket", "issue", "A"))
    assert issued["code"] == "A001"
    entry = _last_entry(office_url)
    assert (entry.actor, entry.action) == ("device:kiosk-1", "ticket.issue")
    reprinted = run(office_url, "--device-token", token, "ticket", "reprint", "A001")
    assert reprinted.code in (0, 7), reprinted.err  # 7: no printer on this test PC
    assert ok_json(run(office_url, "--device-token", token, "queue", "status"))["services"]
    assert ok_json(run(office_url, "--device-token", token, "ticket", "show", "A001"))

    # The same through the environment, as a kiosk's shortcut would set it.
    env = {**os.environ, "KHETDESK_DEVICE_TOKEN": token, "KHETDESK_PC": "test-pc"}
    env.pop("KHETDESK_PASSWORD", None)
    proc = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", office_url, "--json", "ticket", "issue",
         "B"],
        env=env, cwd=REPO, stdin=subprocess.DEVNULL, capture_output=True, encoding="utf-8",
        timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["code"] == "B001"
    assert _last_entry(office_url).actor == "device:kiosk-1"


def test_least_privilege_bad_tokens_and_conflicts_are_refused_and_change_nothing(
    office_url: str, engine: Engine
) -> None:
    kiosk = _add(office_url, "kiosk-1", "kiosk")
    board = _add(office_url, "tv-1", "board")
    revoked = _add(office_url, "old-kiosk", "kiosk")
    ok_json(admin(office_url, "device", "revoke", "old-kiosk"))
    assert ok_json(run(office_url, "--device-token", board, "queue", "status"))["counters"]
    unknown = "kd1_" + "Q" * 43

    def as_device(token: str, *args: str) -> tuple[str, ...]:
        return ("--device-token", token, *args)

    check_refusals(
        engine,
        office_url,
        [
            # A kiosk issues and reprints; it does not call, administer or read loans.
            (None, as_device(kiosk, "ticket", "call", "--counter", "1"), FORBIDDEN),
            (
                None,
                as_device(kiosk, "ticket", "pick", "A001", "--counter", "1", "--reason", "x"),
                FORBIDDEN,
            ),
            (
                None,
                as_device(
                    kiosk,
                    "user",
                    "add",
                    "x1",
                    "--role",
                    "admin",
                    "--name",
                    "X",
                    "--password",
                    "long-enough-pw",
                ),
                FORBIDDEN,
            ),
            (None, as_device(kiosk, "device", "add", "k9", "--kind", "kiosk"), FORBIDDEN),
            (None, as_device(kiosk, "settings", "set", "office.name", "x"), FORBIDDEN),
            (None, as_device(kiosk, "loan", "list"), FORBIDDEN),
            (None, as_device(kiosk, "user", "list"), FORBIDDEN),
            (None, as_device(kiosk, "restore", "/tmp/x.khetdesk"), FORBIDDEN),
            # A board only reads the queue.
            (None, as_device(board, "ticket", "issue", "A"), FORBIDDEN),
            (None, as_device(board, "ticket", "reprint", "A001"), FORBIDDEN),
            (None, as_device(board, "asset", "list"), FORBIDDEN),
            # Unknown, malformed and revoked tokens: exit 4 even for a read.
            (None, as_device(unknown, "queue", "status"), AUTH),
            (None, as_device("not-a-token", "ticket", "issue", "A"), AUTH),
            (None, as_device(kiosk[:-2], "ticket", "issue", "A"), AUTH),
            (None, as_device(revoked, "ticket", "issue", "A"), AUTH),
            (None, as_device(revoked, "queue", "status"), AUTH),
            # A person and a device at once: refused, not guessed.
            ("admin", as_device(kiosk, "ticket", "issue", "A"), AUTH),
            # Managing devices: admins only; names are unique; unknown names are not found.
            ("clerk1", ("device", "add", "k2", "--kind", "kiosk"), FORBIDDEN),
            ("clerk1", ("device", "revoke", "kiosk-1"), FORBIDDEN),
            ("clerk1", ("device", "list"), FORBIDDEN),
            (None, ("device", "list"), AUTH),
            ("admin", ("device", "add", "kiosk-1", "--kind", "board"), CONFLICT),
            ("admin", ("device", "add", "old-kiosk", "--kind", "kiosk"), CONFLICT),
            ("admin", ("device", "revoke", "old-kiosk"), CONFLICT),
            ("admin", ("device", "revoke", "nobody"), NOT_FOUND),
            ("admin", ("device", "add", "k3", "--kind", "printer"), USAGE),
        ],
    )
