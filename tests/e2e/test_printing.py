"""Printing through the real `khetdesk` program, to a fake network printer on 127.0.0.1: what
arrives is ESC @, one GS v 0 raster of the configured width and a cut; that raster is the
preview PNG dot for dot, and its QR code scans to the configured content. A printer that is
not there costs exit 7 and nothing else: the ticket stands and reprints later."""

from __future__ import annotations

import json
from pathlib import Path

import zxingcpp

from printing.raster import load_png
from tests.e2e.runner import (
    BAD_INPUT,
    INVALID,
    NOT_FOUND,
    USAGE,
    admin,
    check_refusals,
    clerk,
    lines,
    ok_json,
    run,
)
from tests.support.printer_fake import closed_port, fake_printer, job_commands, parse

QR_TEMPLATE = "https://bangrak.example/queue?date={date}&code={code}"


def test_issue_print_sends_the_preview_raster_with_its_qr(office_url: str, tmp_path: Path):
    assert ok_json(admin(office_url, "settings", "set", "printer.width_dots", "384"))
    assert ok_json(admin(office_url, "settings", "set", "ticket.qr_template", QR_TEMPLATE))
    with fake_printer() as fp:
        assert ok_json(admin(office_url, "settings", "set", "printer.connection", fp.url))
        ticket = ok_json(clerk(office_url, "ticket", "issue", "A", "--print"))
        [job] = fp.wait_for_jobs(1)
    assert ticket["printed"] is True and ticket["code"] == "A001"

    commands = parse(job)
    job_only = job_commands(job)
    # Status questions (DLE EOT 4) around the job; the job itself is exactly three commands.
    assert {c.name for c in commands} - {c.name for c in job_only} <= {"status"}
    assert [c.name for c in job_only] == ["init", "raster", "cut"]
    assert job_only[0].raw == b"\x1b@"
    assert job_only[2].raw[:2] == b"\x1dV"
    raster = job_only[1].raster
    assert raster is not None and raster.width == 384 and raster.height % 48 != 0

    out = tmp_path / "preview.png"
    preview = ok_json(run(office_url, "ticket", "preview", "A001", "--out", str(out)))
    assert preview == {"code": "A001", "file": str(out), "width": 384,
                       "height": raster.height, "raster_bytes": 48 * raster.height}  # fmt: skip
    assert load_png(out) == raster  # pixel for pixel

    expected = QR_TEMPLATE.format(date=ticket["business_date"], code="A001")
    found = zxingcpp.read_barcodes(raster.to_pil().convert("L"))
    assert [(f.format.name, f.text) for f in found] == [("QRCode", expected)]

    shown = ok_json(run(office_url, "ticket", "show", "A001"))
    assert shown["printed"] is True


def test_no_printer_listening_exit_7_then_reprint_succeeds(office_url: str):
    url = f"network://127.0.0.1:{closed_port()}"
    assert ok_json(admin(office_url, "settings", "set", "printer.connection", url))
    issued = clerk(office_url, "ticket", "issue", "B", "--print")
    assert issued.code == 7, issued.err
    [out] = lines(issued.out)
    ticket = json.loads(out)
    assert (ticket["code"], ticket["printed"]) == ("B001", False)
    [err] = lines(issued.err)
    error = json.loads(err)
    assert error["error"] == "device"
    assert "B001" in error["message"] and "refused" in error["message"]

    shown = ok_json(run(office_url, "ticket", "show", "B001"))
    assert (shown["status"], shown["printed"]) == ("waiting", False)

    with fake_printer() as fp:
        assert ok_json(admin(office_url, "settings", "set", "printer.connection", fp.url))
        reprinted = ok_json(clerk(office_url, "ticket", "reprint", "B001"))
        [job] = fp.wait_for_jobs(1)
    assert (reprinted["code"], reprinted["printed"]) == ("B001", True)
    assert [c.name for c in job_commands(job)] == ["init", "raster", "cut"]
    assert ok_json(run(office_url, "ticket", "show", "B001"))["printed"] is True


def test_printer_test_page(office_url: str):
    with fake_printer() as fp:
        assert ok_json(admin(office_url, "settings", "set", "printer.connection", fp.url))
        result = ok_json(run(office_url, "printer", "test"))
        [job] = fp.wait_for_jobs(1)
    assert result["printed"] is True and result["connection"] == fp.url
    assert result["width_dots"] == 576 and result["bytes"] == len(job) - 6
    raster = job_commands(job)[1].raster
    assert raster is not None and raster.width == 576


def test_human_output_of_a_failed_print(office_url: str):
    url = f"network://127.0.0.1:{closed_port()}"
    assert ok_json(admin(office_url, "settings", "set", "printer.connection", url))
    result = clerk(office_url, "ticket", "issue", "A", "--print", json=False)
    assert result.code == 7
    assert "A001" in result.out and "Traceback" not in result.err
    assert result.err.startswith("khetdesk: พิมพ์บัตรคิว A001 ไม่ได้")


def test_preview_refusals(shared_engine, shared_office: str, tmp_path: Path):
    cases = [
        (None, ("ticket", "preview", "Z999", "--out", str(tmp_path / "x.png")), NOT_FOUND),
        (None, ("ticket", "preview", "A002", "--out", str(tmp_path / "no" / "x.png")), INVALID),
        (None, ("ticket", "preview", "A002"), USAGE),
        (None, ("ticket", "preview", "A002", "--date", "2026-13-01", "--out", "x.png"),
         BAD_INPUT),
    ]  # fmt: skip
    check_refusals(shared_engine, shared_office, cases)
    assert not (tmp_path / "x.png").exists()
