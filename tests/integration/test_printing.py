"""Printing tickets through the service layer, on SQLite and PostgreSQL, to a fake network
printer on 127.0.0.1 and to files: the printed flag and its audit entry, faults that leave
the committed ticket alone, and time limits that hold."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, QThreadPool
from sqlalchemy import select

from db.models import AuditEntry, Ticket
from db.uow import UnitOfWork
from desktop_app.domain.errors import DeviceError
from desktop_app.services import printer, settings, tickets
from desktop_app.services.tickets import TicketView
from printing.escpos_out import build_job
from printing.raster import Raster
from tests.support.db import actor, snapshot
from tests.support.printer_fake import closed_port, fake_printer, job_commands

pytestmark = pytest.mark.gui  # rendering needs the QApplication of pytest-qt

MARGIN_S = 1.5  # a loaded CI machine's slack on top of the configured timeout
LONG_TIMEOUT_S = 20  # where a test shows that something did NOT wait for the timeout


def configure(uow: UnitOfWork, **values: str) -> None:
    admin = actor(uow, "admin")
    for key, value in values.items():
        settings.set_setting(uow, admin, key.replace("_", ".", 1), value)


def issue(uow: UnitOfWork, service: str = "A", priority: str | None = None) -> TicketView:
    return tickets.issue_ticket(uow, actor(uow, "clerk1"), service, priority)


def printed_flag(uow: UnitOfWork, code: str) -> bool:
    with uow.read() as tx:
        return bool(tx.session.scalar(select(Ticket.printed).where(Ticket.code == code)))


def audit_actions(uow: UnitOfWork, entity_id_suffix: str) -> list[AuditEntry]:
    with uow.read() as tx:
        rows = tx.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        return [r for r in rows if r.entity_id.endswith(entity_id_suffix)]


@contextlib.contextmanager
def unanswered_port() -> Iterator[int]:
    """A listener whose accept queue is full: the kernel drops further SYNs, so a connect
    hangs until its timeout, as with a printer that is switched off on another subnet."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    filler = socket.create_connection(server.getsockname(), timeout=1)
    try:
        yield int(server.getsockname()[1])
    finally:
        filler.close()
        server.close()


def test_printed_ticket_is_flagged_and_audited(qapp, office) -> None:
    configure(office, printer_width_dots="384")
    ticket = issue(office, priority="elderly")
    with fake_printer() as fp:
        configure(office, printer_connection=fp.url)
        done = printer.print_ticket(office, actor(office, "clerk1"), ticket)
        [job] = fp.wait_for_jobs(1)
    assert done.printed and done.code == ticket.code
    assert printed_flag(office, ticket.code)
    commands = job_commands(job)
    assert [c.name for c in commands] == ["init", "raster", "cut"]
    sent = commands[1].raster
    assert sent is not None and sent.width == 384
    # The raster printed is the preview of the same ticket.
    assert sent == printer.ticket_raster(office, tickets.show(office, ticket.code))
    entry = audit_actions(office, ticket.code)[-1]
    assert (entry.action, entry.actor) == ("ticket.print", "clerk1")
    after = json.loads(entry.after_json)
    assert after["bytes"] == len(job) - 6  # the job, without the two status requests
    assert after["confirmed"] is True and after["paper"] == "ok" and after["printed"] is True
    assert json.loads(entry.before_json) == {"printed": False}


def test_reprint_is_audited_as_a_reprint(qapp, office) -> None:
    ticket = issue(office)
    with fake_printer() as fp:
        configure(office, printer_connection=fp.url)
        clerk = actor(office, "clerk1")
        printer.print_ticket(office, clerk, ticket)
        again = tickets.reprint(office, clerk, ticket.code)
        printer.print_ticket(office, clerk, again, reprint=True)
        assert len(fp.wait_for_jobs(2)) == 2
    assert [e.action for e in audit_actions(office, ticket.code)] == [
        "ticket.issue", "ticket.print", "ticket.reprint"
    ]  # fmt: skip


def failed_print(uow: UnitOfWork, ticket: TicketView) -> tuple[DeviceError, float]:
    before = snapshot(uow.engine)
    started = time.monotonic()
    with pytest.raises(DeviceError) as caught:
        printer.print_ticket(uow, actor(uow, "clerk1"), ticket)
    elapsed = time.monotonic() - started
    assert snapshot(uow.engine) == before, "a failed print changed the database"
    assert caught.value.result == ticket  # the committed ticket, for the CLI to show
    assert ticket.code in caught.value.message and "reprint" in caught.value.message
    return caught.value, elapsed


def test_refused_connection_leaves_the_ticket_as_it_was(qapp, office) -> None:
    ticket = issue(office)
    # A long timeout, so that "answered at once, not after the timeout" has seconds of slack
    # for a loaded machine (a refusal takes milliseconds; waiting would take 20 s).
    configure(office, printer_connection=f"network://127.0.0.1:{closed_port()}",
              printer_timeout_s=str(LONG_TIMEOUT_S))  # fmt: skip
    error, elapsed = failed_print(office, ticket)
    assert error.details["reason"] == "unreachable"
    assert "refused" in error.message and elapsed < LONG_TIMEOUT_S / 2, elapsed
    assert not printed_flag(office, ticket.code)


def test_a_printer_that_never_reads_costs_the_timeout_and_no_more(qapp, office) -> None:
    ticket = issue(office)
    with fake_printer("stuck") as fp:
        configure(office, printer_connection=fp.url, printer_timeout_s="1")
        error, elapsed = failed_print(office, ticket)
    assert error.details["reason"] == "timeout"
    assert 0.9 <= elapsed < 1 + MARGIN_S, elapsed


def test_an_unanswered_connect_costs_the_timeout_and_no_more(qapp, office) -> None:
    ticket = issue(office)
    with unanswered_port() as port:
        configure(office, printer_connection=f"network://127.0.0.1:{port}",
                  printer_timeout_s="1")  # fmt: skip
        error, elapsed = failed_print(office, ticket)
    assert error.details["reason"] == "timeout"
    assert 0.9 <= elapsed < 1 + MARGIN_S, elapsed


def test_paper_out_is_reported_and_nothing_is_sent(qapp, office) -> None:
    ticket = issue(office)
    with fake_printer("paper_out") as fp:
        configure(office, printer_connection=fp.url)
        error, _ = failed_print(office, ticket)
        [job] = fp.wait_for_jobs(1)
    assert error.details["reason"] == "paper_out"
    assert "out of paper" in error.message and "กระดาษ" in error.message
    assert job == b"\x10\x04\x04"  # the question only, no ticket queued behind it


def test_a_printer_without_status_replies_still_prints(qapp, office) -> None:
    ticket = issue(office)
    with fake_printer("mute") as fp:
        configure(office, printer_connection=fp.url, printer_timeout_s=str(LONG_TIMEOUT_S))
        started = time.monotonic()
        printer.print_ticket(office, actor(office, "clerk1"), ticket)
        elapsed = time.monotonic() - started
        [job] = fp.wait_for_jobs(1)
    assert [c.name for c in job_commands(job)] == ["init", "raster", "cut"]
    assert printed_flag(office, ticket.code)
    after = json.loads(audit_actions(office, ticket.code)[-1].after_json)
    assert after["confirmed"] is False and after["paper"] is None
    # One unanswered question (0.5 s), not the whole timeout (20 s).
    assert elapsed < LONG_TIMEOUT_S / 2, elapsed


def test_profile_without_cutter_gets_a_feed_and_no_cut(qapp, office) -> None:
    ticket = issue(office)
    with fake_printer() as fp:
        configure(office, printer_connection=fp.url, printer_profile="NT-5890K",
                  printer_width_dots="384")  # fmt: skip
        printer.print_ticket(office, actor(office, "clerk1"), ticket)
        [job] = fp.wait_for_jobs(1)
    commands = job_commands(job)
    assert [c.name for c in commands] == ["init", "raster", "feed"]
    assert b"\x1dV" not in b"".join(c.raw for c in commands if c.name != "raster")


def test_file_connection_gets_the_whole_job(qapp, office, tmp_path: Path) -> None:
    out = tmp_path / "printer.bin"
    configure(office, printer_connection=f"file://{out}", printer_width_dots="512")
    ticket = issue(office)
    printer.print_ticket(office, actor(office, "clerk1"), ticket)
    raster = printer.ticket_raster(office, tickets.show(office, ticket.code))
    assert raster.width == 512
    assert out.read_bytes() == build_job(raster, "default")
    assert printed_flag(office, ticket.code)


def test_a_device_file_that_blocks_costs_the_timeout(qapp, office, tmp_path: Path) -> None:
    """A FIFO with no reader blocks open() forever, like a parallel port whose printer is off."""
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    ticket = issue(office)
    configure(office, printer_connection=f"file://{fifo}", printer_timeout_s="1")
    try:
        error, elapsed = failed_print(office, ticket)
    finally:
        # Let the abandoned writer thread finish: open the other end and drain it.
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            with contextlib.suppress(BlockingIOError):
                if os.read(reader, 65536) == b"":
                    break
            time.sleep(0.01)
        os.close(reader)
    assert error.details["reason"] == "timeout"
    assert elapsed < 1 + MARGIN_S


def test_missing_file_path_is_unreachable(qapp, office, tmp_path: Path) -> None:
    ticket = issue(office)
    configure(office, printer_connection=f"file://{tmp_path}/no/such/dir/lp0")
    error, _ = failed_print(office, ticket)
    assert error.details["reason"] == "unreachable"


@pytest.mark.parametrize(
    ("url", "reasons"),
    [
        # pyusb missing, libusb missing, or no such device: each said plainly.
        ("usb://04b8:0e15", {"driver", "usb_missing"}),
        ("serial:///dev/khetdesk-no-such-port", {"driver", "unreachable"}),
        ("cups://KhetDeskNoSuchQueue", {"driver", "unreachable"}),
    ],
)
def test_devices_that_are_not_there(qapp, office, url: str, reasons: set[str]) -> None:
    ticket = issue(office)
    configure(office, printer_connection=url, printer_timeout_s="2")
    error, elapsed = failed_print(office, ticket)
    assert error.details["reason"] in reasons, error.message
    assert elapsed < 2 + MARGIN_S


def test_width_wider_than_the_profile_is_a_setup_error(qapp, office) -> None:
    ticket = issue(office)
    with fake_printer() as fp:
        configure(office, printer_connection=fp.url, printer_profile="TM-T88V")
        error, _ = failed_print(office, ticket)
        assert fp.status_requests == 0  # refused before the printer was bothered
    assert error.details["reason"] == "setup" and "512" in error.message


def test_printing_from_a_worker_thread(qapp, qtbot, office) -> None:
    """The kiosk prints off the UI thread while the QApplication lives on the main one."""
    ticket = issue(office)
    outcome: dict[str, object] = {}

    class Job(QRunnable):
        def run(self) -> None:
            try:
                outcome["ticket"] = printer.print_ticket(office, actor(office, "clerk1"), ticket)
            except BaseException as e:
                outcome["error"] = e

    with fake_printer() as fp:
        configure(office, printer_connection=fp.url)
        pool = QThreadPool()
        pool.start(Job())
        qtbot.waitUntil(lambda: bool(outcome), timeout=10000)
        pool.waitForDone()
        [job] = fp.wait_for_jobs(1)
    assert "error" not in outcome, outcome
    sent: Raster | None = job_commands(job)[1].raster
    assert sent == printer.ticket_raster(office, tickets.show(office, ticket.code))


def test_test_page(qapp, office) -> None:
    with fake_printer() as fp:
        configure(office, printer_connection=fp.url, printer_width_dots="384")
        result = printer.print_test_page(office)
        [job] = fp.wait_for_jobs(1)
    assert result.printed and result.width_dots == 384 and result.paper == "ok"
    commands = job_commands(job)
    assert [c.name for c in commands] == ["init", "raster", "cut"]
    assert result.bytes == len(job) - 6


def test_no_printer_configured(qapp, office) -> None:
    ticket = issue(office)
    error, _ = failed_print(office, ticket)
    assert error.details["reason"] == "not_configured"
    with pytest.raises(DeviceError):
        printer.print_test_page(office)
