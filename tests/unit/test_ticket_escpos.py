"""The raster format and the ESC/POS job: GS v 0 round trips, profiles, cut or feed,
connection URLs. No printer and no Qt needed."""

from __future__ import annotations

import pytest
from PIL import Image

from printing import escpos_out
from printing.escpos_out import Failure, PrinterError, build_job, parse_connection
from printing.raster import Raster, decode_gs_v0, from_gray, from_image, iter_gs_v0
from tests.support.printer_fake import job_commands, parse


def sample_raster(width: int = 384, height: int = 101) -> Raster:
    """A diagonal pattern with every bit position used, and the raster-like bytes
    10 04 04 (DLE EOT 4) inside it, which must stay picture."""
    rows = bytearray()
    for y in range(height):
        row = bytearray((y * 7 + x * 13) & 0xFF for x in range(width // 8))
        rows += row
    rows[5:8] = b"\x10\x04\x04"
    return Raster(width, height, bytes(rows))


def test_gs_v0_round_trip() -> None:
    raster = sample_raster()
    encoded = raster.gs_v0()
    assert encoded[:8] == b"\x1dv0\x00" + bytes((48, 0, 101, 0))
    decoded, end = decode_gs_v0(encoded)
    assert decoded == raster and end == len(encoded)


def test_png_round_trip_is_exact(tmp_path) -> None:
    raster = sample_raster(576, 333)
    raster.save_png(tmp_path / "r.png")
    with Image.open(tmp_path / "r.png") as image:
        assert image.mode == "1"  # a 1-bit PNG
        assert from_image(image) == raster


def test_threshold_has_no_dithering() -> None:
    """A grey ramp becomes one clean edge at mid-grey: no scattered dots."""
    width, height = 256, 8
    gray = bytes(x for _ in range(height) for x in range(width))
    raster = from_gray(width, height, gray)
    for y in range(height):
        bits = "".join(f"{b:08b}" for b in raster.row(y))
        assert bits == "1" * 128 + "0" * 128


@pytest.mark.parametrize("bad", [(0, 1, b""), (383, 1, b"\x00" * 48), (384, 2, b"\x00" * 48)])
def test_malformed_rasters_are_refused(bad: tuple[int, int, bytes]) -> None:
    with pytest.raises(ValueError):
        Raster(*bad)


def test_job_for_a_profile_with_a_cutter(capsys) -> None:
    raster = sample_raster()
    job = build_job(raster, "default")
    names = [c.name for c in job_commands(job)]
    assert names == ["init", "raster", "cut"]
    assert job.startswith(b"\x1b@")
    assert job.endswith(b"\x1dVB\x00")  # feed to the cutter, then cut
    [(_, sent)] = list(iter_gs_v0(job))
    assert sent == raster
    assert raster.gs_v0() in job  # exactly the command the raster encodes to
    # python-escpos warns on stdout about profiles of unknown width: not here.
    assert capsys.readouterr().out == ""


def test_job_for_a_profile_without_a_cutter_only_feeds() -> None:
    job = build_job(sample_raster(), "NT-5890K")
    commands = job_commands(job)
    assert [c.name for c in commands] == ["init", "raster", "feed"]
    assert b"\x1dV" not in job[-8:]
    assert commands[-1].raw == b"\x1bd\x04"


def test_tall_raster_stays_one_gs_v0_command() -> None:
    """python-escpos splits images taller than 960 rows; a ticket goes as one raster."""
    job = build_job(sample_raster(576, 1201), "TM-T20II")
    assert [c.name for c in job_commands(job)] == ["init", "raster", "cut"]


def _escpos_own_job(raster: Raster, profile: str) -> bytes:
    """The job as python-escpos writes it with its own image(): the oracle for build_job,
    which sends the raster's GS v 0 bytes without going through Pillow again."""
    printer = escpos_out._load_escpos()
    job = printer.Dummy(profile=profile)
    job.profile = escpos_out._profile(profile, raster.width)
    job.hw("INIT")
    job.image(raster.to_pil(), impl="bitImageRaster", fragment_height=2303)
    if job.profile.supports("paperFullCut") or job.profile.supports("paperPartCut"):
        job.cut(feed=False)
    else:
        job.print_and_feed(escpos_out.FEED_LINES_WITHOUT_CUTTER)
    return bytes(job.output)


@pytest.mark.parametrize(
    ("profile", "width", "height"),
    [("default", 384, 101), ("default", 576, 1201), ("NT-5890K", 384, 48 * 7 + 1),
     ("TM-T20II", 512, 3), ("TM-T20II", 576, 2303)],
)  # fmt: skip
def test_job_is_byte_for_byte_what_python_escpos_writes(
    profile: str, width: int, height: int
) -> None:
    raster = sample_raster(width, height)
    assert build_job(raster, profile) == _escpos_own_job(raster, profile)


def test_a_drawn_ticket_job_is_what_python_escpos_writes(qapp) -> None:
    from printing.ticket_render import TicketContent, render_ticket

    content = TicketContent(
        "สำนักงานเขตตลิ่งชัน", "งานทะเบียนราษฎร", "A042", "24/11/2569 09:41",
        "khetdesk:ticket:2026-11-24:A042", ahead=7, wait_minutes=35,
    )  # fmt: skip
    for width in (384, 576):
        raster = render_ticket(content, width)
        assert build_job(raster, "default") == _escpos_own_job(raster, "default")


@pytest.mark.parametrize(
    ("profile", "width", "words"),
    [
        ("no-such-printer", 576, "unknown python-escpos profile"),
        ("TM-T88V", 576, "wider than profile TM-T88V's 512 dots"),
        ("TM-U220", 384, "cannot print raster"),
    ],
)
def test_profiles_that_cannot_print_the_ticket(profile: str, width: int, words: str) -> None:
    with pytest.raises(PrinterError) as caught:
        build_job(sample_raster(width), profile)
    assert caught.value.kind is Failure.SETUP
    assert words in caught.value.english and caught.value.thai


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("network://10.0.0.5:9100", ("network", "10.0.0.5", 9100)),
        ("network://printer.local", ("network", "printer.local", 9100)),
        ("usb://04b8:0e15", ("usb", 0x04B8, 0x0E15)),
        ("serial:///dev/ttyS0?baudrate=19200", ("serial", "/dev/ttyS0", 19200)),
        ("serial://COM3", ("serial", "COM3", 9600)),
        ("file:///dev/usb/lp0", ("file", "/dev/usb/lp0")),
        ("file:///C:/tickets/out.bin", ("file", "C:/tickets/out.bin")),
        ("win32://EPSON TM-T20II Receipt", ("win32", "EPSON TM-T20II Receipt")),
        ("cups://Thermal_58", ("cups", "Thermal_58")),
    ],
)
def test_connection_urls(url: str, expected: tuple[object, ...]) -> None:
    c = parse_connection(url)
    fields = {
        "network": (c.scheme, c.target, c.port),
        "usb": (c.scheme, c.vendor, c.product),
        "serial": (c.scheme, c.target, c.baudrate),
    }.get(c.scheme, (c.scheme, c.target))
    assert fields == expected


@pytest.mark.parametrize("url", ["none", "", "usb://nothex:12", "serial:///dev/x?baudrate=fast"])
def test_unusable_connections(url: str) -> None:
    with pytest.raises(PrinterError) as caught:
        parse_connection(url)
    expected = Failure.NOT_CONFIGURED if url in ("none", "") else Failure.SETUP
    assert caught.value.kind is expected


def test_paper_status_bytes() -> None:
    assert escpos_out._paper(b"\x12") == "ok"
    assert escpos_out._paper(b"\x1e") == "near_end"
    assert escpos_out._paper(b"\x72") == "out"
    assert escpos_out._paper(b"\x7e") == "out"
    assert escpos_out._paper(b"") is None
    assert escpos_out._paper(b"A") is None  # not a status byte


def test_parser_refuses_unknown_bytes() -> None:
    with pytest.raises(ValueError, match="unknown command"):
        parse(b"\x1b@hello")
    with pytest.raises(ValueError, match="truncated"):
        parse(sample_raster().gs_v0()[:-1])


def test_probe_asks_a_network_printer_without_printing() -> None:
    from printing.escpos_out import PrinterSetup, probe
    from tests.support.printer_fake import closed_port, fake_printer

    with fake_printer("ok") as p:
        assert probe(PrinterSetup(p.url, timeout_s=2)) == "ok"
        jobs = p.wait_for_jobs(1)
        assert p.status_requests == 1 and all(len(j) <= 3 for j in jobs)  # DLE EOT 4 only
    with fake_printer("paper_out") as p, pytest.raises(PrinterError) as out:
        probe(PrinterSetup(p.url, timeout_s=2))
    assert out.value.kind is Failure.PAPER_OUT
    with pytest.raises(PrinterError) as off:
        probe(PrinterSetup(f"network://127.0.0.1:{closed_port()}", timeout_s=2))
    assert off.value.kind is Failure.UNREACHABLE
    with pytest.raises(PrinterError) as none:
        probe(PrinterSetup("none"))
    assert none.value.kind is Failure.NOT_CONFIGURED
