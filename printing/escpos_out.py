"""Sending a raster to this PC's ESC/POS printer with python-escpos.

The job is built once in memory (``ESC @``, one ``GS v 0`` raster, then a cut, or a feed
where the profile has no cutter), so its size is known and it goes out in one write. Every
step runs against one deadline (``printer.timeout_s``): a dead printer never holds the next
ticket up for longer than that.

What each connection can tell about the printer:

* ``network://HOST:PORT`` (TCP, port 9100 if none is given) is two-way. Before the job the
  printer is asked for its paper sensor (``DLE EOT 4``); an empty roll refuses the job (a
  roll near its end still prints). A printer that answered is asked again after the job: its
  answer proves it has read every byte (and shows paper that ran out while printing). One
  that never answers (within 0.5 s) is printed to without the check. The send buffer is
  kept small, so "sent" means the printer took the bytes, not that the PC's kernel queued
  them.
* ``usb://VID:PID`` and ``serial://DEVICE?baudrate=N`` are two-way as well and get the same
  paper check, when the printer answers.
* ``file://PATH``, ``win32://PRINTER NAME`` (the Windows spooler) and ``cups://QUEUE`` are
  one-way: the data is handed over, the paper cannot be asked about. CUPS through pycups
  refuses a stopped queue.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar
from urllib.parse import parse_qs, unquote, urlsplit

from printing.raster import MAX_RASTER_HEIGHT, Raster

DEFAULT_PORT = 9100
STATUS_WAIT_S = 0.5  # how long a printer may take to answer DLE EOT before it counts as mute
SEND_BUFFER = 8192  # bytes the PC may hold back; the rest must have reached the printer
FEED_LINES_WITHOUT_CUTTER = 4  # about 17 mm: past the tear bar of common 58 mm printers

DLE_EOT_PAPER = b"\x10\x04\x04"  # real-time request: paper roll sensor status

_T = TypeVar("_T")
_import_lock = threading.Lock()


def _load_escpos() -> Any:
    """Import python-escpos without its side effects. At import it calls ``mkdtemp()`` (even
    when told where its cache goes) and writes its capabilities cache there, leaving one
    folder in the temp directory per process; and it calls ``logging.basicConfig()``, which
    would put its log lines on the CLI's stderr. Here the cache goes into one private folder,
    removed at exit, and the logging setup is undone."""
    with _import_lock:
        if "escpos.printer" in sys.modules:
            return sys.modules["escpos.printer"]
        cache = tempfile.mkdtemp(prefix="khetdesk-escpos-")
        atexit.register(shutil.rmtree, cache, True)
        os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", cache)
        root = logging.getLogger()
        handlers = list(root.handlers)
        real_mkdtemp = tempfile.mkdtemp
        tempfile.mkdtemp = lambda *args, **kwargs: cache  # type: ignore[assignment]
        try:
            import escpos.printer
        finally:
            tempfile.mkdtemp = real_mkdtemp
            for handler in root.handlers[:]:
                if handler not in handlers:
                    root.removeHandler(handler)
        return escpos.printer


class Failure(StrEnum):
    NOT_CONFIGURED = "not_configured"
    SETUP = "setup"  # profile, width, URL: fix the settings
    DRIVER = "driver"  # a package this connection needs is missing
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    USB_MISSING = "usb_missing"
    PAPER_OUT = "paper_out"
    IO = "io"


class PrinterError(Exception):
    """A print that did not happen, with the reason in Thai and in English."""

    def __init__(self, kind: Failure, thai: str, english: str) -> None:
        super().__init__(f"{thai} ({english})")
        self.kind = kind
        self.thai = thai
        self.english = english


@dataclass(frozen=True)
class PrinterSetup:
    connection: str  # as in the printer.connection setting
    profile: str = "default"  # a python-escpos profile name
    width: int = 576
    timeout_s: float = 3.0


@dataclass(frozen=True)
class PrintResult:
    bytes_sent: int
    paper: str | None  # "ok", "near_end", or None when the connection cannot tell
    confirmed: bool  # the printer answered after the job: it has every byte


# ---------------------------------------------------------------- the job


def _profile(name: str, width: int) -> Any:
    _load_escpos()
    from escpos.capabilities import get_profile

    try:
        profile = get_profile(name)
    except KeyError:
        raise PrinterError(
            Failure.SETUP,
            f"ไม่รู้จักรุ่นเครื่องพิมพ์ '{name[:40]}' ใน printer.profile",
            f"unknown python-escpos profile '{name[:40]}'; try default, TM-T20II, NT-5890K",
        ) from None
    if not profile.supports("bitImageRaster"):
        raise PrinterError(
            Failure.SETUP,
            f"เครื่องพิมพ์รุ่น {name} พิมพ์ภาพแบบ raster ไม่ได้",
            f"profile {name} cannot print raster images (GS v 0)",
        )
    data = dict(profile.profile_data)
    media = dict(data.get("media") or {})
    size = dict(media.get("width") or {})
    pixels = size.get("pixels")
    if isinstance(pixels, int) and width > pixels:
        raise PrinterError(
            Failure.SETUP,
            f"printer.width_dots {width} กว้างกว่าเครื่องพิมพ์รุ่น {name} ({pixels} จุด)",
            f"printer.width_dots {width} is wider than profile {name}'s {pixels} dots",
        )
    if not isinstance(pixels, int):
        # python-escpos prints a warning on stdout for profiles of unknown width; the width
        # is known here, from the settings.
        size["pixels"] = width
        media["width"] = size
        data["media"] = media
        profile.profile_data = data
    return profile


def build_job(raster: Raster, profile_name: str) -> bytes:
    """``ESC @``, the raster as one ``GS v 0`` image, then ``GS V B 0`` (feed to the cutter and
    cut) where the profile has a cutter, else ``ESC d 4`` (feed past the tear bar)."""
    if raster.height > MAX_RASTER_HEIGHT:
        raise PrinterError(Failure.SETUP, "ภาพสูงเกินไป", f"raster taller than {MAX_RASTER_HEIGHT}")
    printer = _load_escpos()
    profile = _profile(profile_name, raster.width)
    job = printer.Dummy(profile=profile_name)
    job.profile = profile  # with the width filled in
    job.hw("INIT")
    # The raster's own GS v 0 bytes, which are what python-escpos's image(impl=
    # "bitImageRaster") sends for it (tests/unit/test_ticket_escpos.py compares the two):
    # its image() converts and inverts the picture through Pillow again, 2 ms of a 58 mm
    # ticket's 8, for bits the raster already holds in the printer's order.
    job._raw(raster.gs_v0())
    if profile.supports("paperFullCut") or profile.supports("paperPartCut"):
        # feed=False sends GS V 66 0: the printer itself feeds to its cutter, then cuts;
        # feed=True would first add ESC d 6 (25 mm of blank paper on every ticket).
        job.cut(feed=False)
    else:
        job.print_and_feed(FEED_LINES_WITHOUT_CUTTER)
    return bytes(job.output)


# ---------------------------------------------------------------- connections


@dataclass(frozen=True)
class Connection:
    scheme: str
    target: str  # host, device path, queue or printer name
    port: int = 0
    vendor: int = 0
    product: int = 0
    baudrate: int = 9600

    def describe(self) -> str:
        if self.scheme == "network":
            return f"{self.target}:{self.port}"
        if self.scheme == "usb":
            return f"USB {self.vendor:04x}:{self.product:04x}"
        return self.target


def parse_connection(url: str) -> Connection:
    url = url.strip()
    if url in ("", "none"):
        raise PrinterError(
            Failure.NOT_CONFIGURED,
            "ยังไม่ได้ตั้งค่าเครื่องพิมพ์ (printer.connection)",
            "no printer configured: settings set printer.connection network://HOST:9100",
        )
    try:
        parts = urlsplit(url)
        if parts.scheme == "network":
            if not parts.hostname:
                raise ValueError("no host")
            return Connection("network", parts.hostname, port=parts.port or DEFAULT_PORT)
        if parts.scheme == "usb":
            vid, pid = parts.netloc.split(":")
            return Connection("usb", parts.netloc, vendor=int(vid, 16), product=int(pid, 16))
        if parts.scheme == "serial":
            device = unquote(parts.netloc + parts.path)
            baud = int(parse_qs(parts.query).get("baudrate", ["9600"])[0])
            return Connection("serial", device, baudrate=baud)
        if parts.scheme == "file":
            path = unquote(parts.path)
            if parts.netloc:  # file://server/share/… : a Windows share
                path = f"//{parts.netloc}{path}"
            elif len(path) > 2 and path[0] == "/" and path[2] == ":":  # file:///C:/…
                path = path[1:]
            return Connection("file", path)
        if parts.scheme in ("win32", "cups"):
            name = unquote(parts.netloc + parts.path)
            return Connection(parts.scheme, name)
    except ValueError:
        pass
    raise PrinterError(
        Failure.SETUP,
        f"การเชื่อมต่อเครื่องพิมพ์ '{url[:60]}' ใช้ไม่ได้",
        f"cannot use printer connection '{url[:60]}'",
    )


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def timeout(self, what_th: str, what_en: str) -> PrinterError:
        s = f"{self.seconds:g}"
        return PrinterError(
            Failure.TIMEOUT,
            f"เครื่องพิมพ์ไม่ตอบภายใน {s} วินาที ({what_th})",
            f"the printer did not answer within {s} s while {what_en}",
        )


def _within(deadline: _Deadline, what_th: str, what_en: str, work: Callable[[], _T]) -> _T:
    """Run a call that has no timeout of its own (opening a device file, a spooler, a USB
    transfer) on a helper thread, and give up on it at the deadline. A call that is still
    stuck keeps its daemon thread, which ends with it or with the program."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as e:  # handed to the caller below
            outcome["error"] = e

    worker = threading.Thread(target=run, name="khetdesk-printer", daemon=True)
    worker.start()
    worker.join(deadline.left())
    if worker.is_alive():
        raise deadline.timeout(what_th, what_en)
    if "error" in outcome:
        raise outcome["error"]
    value: _T = outcome["value"]
    return value


def _paper(status: bytes) -> str | None:
    """The answer to DLE EOT 4: "ok", "near_end", "out", or None if it is not one."""
    if len(status) < 1 or status[0] & 0x93 != 0x12:  # bits 1 and 4 set, 0 and 7 clear
        return None
    if status[0] & 0x60:
        return "out"
    return "near_end" if status[0] & 0x0C else "ok"


def _paper_out(where: str) -> PrinterError:
    return PrinterError(
        Failure.PAPER_OUT,
        f"กระดาษในเครื่องพิมพ์หมด{where}",
        "the printer is out of paper" + (" (it ran out while printing)" if where else ""),
    )


def send(job: bytes, setup: PrinterSetup) -> PrintResult:
    """Hand a job to the printer within ``setup.timeout_s`` seconds, or raise PrinterError."""
    conn = parse_connection(setup.connection)
    deadline = _Deadline(setup.timeout_s)
    printer = _load_escpos()
    if conn.scheme == "network":
        return _send_network(job, conn, deadline, printer)
    if conn.scheme == "usb":
        return _send_usb(job, conn, deadline, printer)
    if conn.scheme == "serial":
        return _send_serial(job, conn, deadline, printer)
    if conn.scheme == "file":
        return _send_file(job, conn, deadline, printer)
    if conn.scheme == "win32":
        return _send_win32(job, conn, deadline, printer)
    return _send_cups(job, conn, deadline, printer)


def _network_failure(conn: Connection, error: BaseException | None) -> PrinterError:
    where = conn.describe()
    if isinstance(error, TimeoutError):
        return PrinterError(
            Failure.TIMEOUT,
            f"เครื่องพิมพ์ {where} ไม่ตอบ (หมดเวลารอ)",
            f"no answer from the printer at {where} (timed out)",
        )
    if isinstance(error, ConnectionRefusedError):
        return PrinterError(
            Failure.UNREACHABLE,
            f"เครื่องพิมพ์ {where} ไม่รับการเชื่อมต่อ: ปิดเครื่องอยู่หรือพอร์ตไม่ถูกต้อง",
            f"the printer at {where} refused the connection: switched off or wrong port",
        )
    if isinstance(error, socket.gaierror):
        return PrinterError(
            Failure.UNREACHABLE,
            f"ไม่รู้จักชื่อเครื่องพิมพ์ {conn.target[:60]}",
            f"unknown printer host name {conn.target[:60]}",
        )
    reason = (getattr(error, "strerror", None) or type(error).__name__) if error else "?"
    return PrinterError(
        Failure.UNREACHABLE,
        f"ติดต่อเครื่องพิมพ์ {where} ไม่ได้",
        f"cannot reach the printer at {where}: {reason}",
    )


def _send_network(job: bytes, conn: Connection, deadline: _Deadline, printer: Any) -> PrintResult:
    device = printer.Network(conn.target, conn.port, timeout=max(0.01, deadline.left()))
    # Connected here rather than by Network.open(), which leaves the socket of a failed
    # connect unclosed (a file descriptor lost per failed ticket) and hides the reason.
    try:
        sock = socket.create_connection((conn.target, conn.port), max(0.01, deadline.left()))
    except OSError as e:
        raise _network_failure(conn, e) from None
    device.device = sock
    try:
        # Linux lets a connected socket's buffer shrink: from now on sendall() returns only
        # when all but the last few kilobytes have reached the printer.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
        paper = _ask_paper_socket(sock, min(STATUS_WAIT_S, deadline.left()))
        if paper == "out":
            raise _paper_out("")
        sock.settimeout(max(0.01, deadline.left()))
        sock.sendall(job)
        confirmed = False
        if paper is not None:
            after = _ask_paper_socket(sock, deadline.left())
            if after is None:
                raise deadline.timeout("ยืนยันว่าได้รับข้อมูล", "confirming the job")
            if after == "out":
                raise _paper_out(" ระหว่างพิมพ์")
            paper, confirmed = after, True
    except TimeoutError:
        raise deadline.timeout("ส่งข้อมูล", "sending the ticket") from None
    except PrinterError:
        raise
    except OSError as e:
        raise _network_failure(conn, e) from None
    finally:
        device.close()
    return PrintResult(len(job), paper, confirmed)


def _ask_paper_socket(sock: socket.socket, wait: float) -> str | None:
    """DLE EOT 4 on a TCP connection; None when the printer does not answer in time."""
    if wait <= 0:
        return None
    sock.settimeout(wait)
    sock.sendall(DLE_EOT_PAPER)
    try:
        answer = sock.recv(1)
    except TimeoutError:
        return None
    if not answer:
        raise ConnectionResetError("the printer closed the connection")
    return _paper(answer)


def _missing(package: str, scheme: str) -> PrinterError:
    return PrinterError(
        Failure.DRIVER,
        f"การเชื่อมต่อแบบ {scheme}:// ต้องติดตั้งแพ็กเกจ {package}",
        f"{scheme}:// needs the {package} package: pip install {package}",
    )


@contextlib.contextmanager
def _quiet_escpos_logging() -> Iterator[None]:
    """python-escpos logs USB hiccups on the root logger, which with no handler set goes to
    stderr; keep them off the CLI's output while a device is opened."""
    root = logging.getLogger()
    handler = logging.NullHandler()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)


def _send_usb(job: bytes, conn: Connection, deadline: _Deadline, printer: Any) -> PrintResult:
    if not printer.Usb.is_usable():
        raise _missing("pyusb", "usb")
    missing = PrinterError(
        Failure.USB_MISSING,
        f"ไม่พบเครื่องพิมพ์ {conn.describe()}: สาย USB หลุดหรือปิดเครื่องอยู่",
        f"{conn.describe()} printer not found: unplugged or switched off",
    )
    timeout_ms = max(1, int(deadline.left() * 1000))
    device = printer.Usb(conn.vendor, conn.product, timeout=timeout_ms)

    def run() -> PrintResult:
        import usb.core

        try:
            with _quiet_escpos_logging():
                device.open()
        except Exception as e:  # DeviceNotFoundError, or pyusb's NoBackendError
            if type(e).__name__ == "NoBackendError":
                raise PrinterError(
                    Failure.DRIVER,
                    "การเชื่อมต่อแบบ usb:// ต้องมีไลบรารี libusb ในเครื่อง",
                    "usb:// needs the libusb library: apt install libusb-1.0-0 on Debian/Ubuntu; "
                    "on Windows, a WinUSB driver for the printer (Zadig)",
                ) from None
            raise missing from None
        try:
            paper = _ask_paper_device(
                lambda: device._raw(DLE_EOT_PAPER),
                lambda: bytes(device.device.read(device.in_ep, 1, int(STATUS_WAIT_S * 1000))),
                (usb.core.USBTimeoutError,),
            )
            if paper == "out":
                raise _paper_out("")
            device.device.write(device.out_ep, job, max(1, int(deadline.left() * 1000)))
        except usb.core.USBTimeoutError:
            raise deadline.timeout("ส่งข้อมูลทาง USB", "sending over USB") from None
        except usb.core.USBError:
            raise missing from None
        finally:
            with contextlib.suppress(Exception):
                device.close()
        return PrintResult(len(job), paper, False)

    return _within(deadline, "USB", "talking to the USB printer", run)


def _ask_paper_device(
    write: Callable[[], None], read: Callable[[], bytes], quiet: tuple[type[Exception], ...]
) -> str | None:
    try:
        write()
        return _paper(read())
    except quiet:
        return None


def _send_serial(job: bytes, conn: Connection, deadline: _Deadline, printer: Any) -> PrintResult:
    if not printer.Serial.is_usable():
        raise _missing("pyserial", "serial")
    device = printer.Serial(conn.target, baudrate=conn.baudrate, timeout=STATUS_WAIT_S)

    def run() -> PrintResult:
        import serial

        try:
            with _quiet_escpos_logging():
                device.open()
        except Exception:
            raise PrinterError(
                Failure.UNREACHABLE,
                f"เปิดพอร์ตอนุกรม {conn.target[:60]} ไม่ได้",
                f"cannot open serial port {conn.target[:60]}",
            ) from None
        port = device.device
        try:
            port.write_timeout = max(0.01, deadline.left())
            paper = _ask_paper_device(
                lambda: port.write(DLE_EOT_PAPER), lambda: bytes(port.read(1)), ()
            )
            if paper == "out":
                raise _paper_out("")
            port.write_timeout = max(0.01, deadline.left())
            port.write(job)
            port.flush()
        except serial.SerialTimeoutException:
            raise deadline.timeout("ส่งข้อมูลทางพอร์ตอนุกรม", "sending over serial") from None
        except serial.SerialException as e:
            raise PrinterError(
                Failure.IO, "ส่งข้อมูลทางพอร์ตอนุกรมไม่สำเร็จ", f"serial port error: {e}"[:200]
            ) from None
        finally:
            with contextlib.suppress(Exception):
                device.close()
        return PrintResult(len(job), paper, False)

    return _within(deadline, "พอร์ตอนุกรม", "talking to the serial printer", run)


def _send_file(job: bytes, conn: Connection, deadline: _Deadline, printer: Any) -> PrintResult:
    device = printer.File(conn.target, auto_flush=False)

    def run() -> PrintResult:
        try:
            device.open()
            device._raw(job)
            device.close()  # flushes
        except Exception as e:
            reason = getattr(e.__context__, "strerror", None) or getattr(e, "strerror", None)
            raise PrinterError(
                Failure.UNREACHABLE,
                f"เขียนไปยังเครื่องพิมพ์ {conn.target[:80]} ไม่ได้",
                f"cannot write to {conn.target[:80]}: {reason or type(e).__name__}",
            ) from None
        return PrintResult(len(job), None, False)

    return _within(deadline, "เขียนไฟล์อุปกรณ์", f"writing to {conn.target[:80]}", run)


def _send_win32(job: bytes, conn: Connection, deadline: _Deadline, printer: Any) -> PrintResult:
    if not sys.platform.startswith("win"):
        raise PrinterError(
            Failure.SETUP, "win32:// ใช้ได้บน Windows เท่านั้น", "win32:// works on Windows only"
        )
    if not printer.Win32Raw.is_usable():
        raise _missing("pywin32", "win32")
    device = printer.Win32Raw(conn.target)

    def run() -> PrintResult:
        try:
            device.open(job_name="KhetDesk")
            device._raw(job)
            device.close()
        except Exception:
            raise PrinterError(
                Failure.UNREACHABLE,
                f"ส่งงานไปยังเครื่องพิมพ์ '{conn.target[:60]}' ไม่ได้",
                f"cannot print to the Windows printer '{conn.target[:60]}'",
            ) from None
        return PrintResult(len(job), None, False)

    return _within(deadline, "Windows spooler", "handing the job to Windows", run)


def _send_cups(job: bytes, conn: Connection, deadline: _Deadline, printer: Any) -> PrintResult:
    """Through pycups when it is installed (a stopped queue is refused), else through the
    ``lp`` command (python-escpos's LP printer)."""
    failed = PrinterError(
        Failure.UNREACHABLE,
        f"ส่งงานไปยังคิว CUPS '{conn.target[:60]}' ไม่ได้",
        f"cannot print to the CUPS queue '{conn.target[:60]}'",
    )
    if printer.CupsPrinter.is_usable():
        device = printer.CupsPrinter(conn.target)

        def run() -> PrintResult:
            try:
                device.open(job_name="KhetDesk")
                if device._read() != b"0":
                    raise PrinterError(
                        Failure.UNREACHABLE,
                        f"คิว CUPS '{conn.target[:60]}' หยุดอยู่",
                        f"the CUPS queue '{conn.target[:60]}' is stopped",
                    )
                device._raw(job)
                device.close()
            except PrinterError:
                raise
            except Exception:
                raise failed from None
            return PrintResult(len(job), None, False)

    elif printer.LP.is_usable() and shutil.which("lp") and shutil.which("lpstat"):
        device = printer.LP(conn.target)

        def run() -> PrintResult:
            try:
                device.open(job_name="KhetDesk")
                device._raw(job)
                device.close()
            except Exception:
                raise failed from None
            return PrintResult(len(job), None, False)

    else:
        raise _missing("pycups", "cups")
    return _within(deadline, "CUPS", "handing the job to CUPS", run)


def print_raster(raster: Raster, setup: PrinterSetup) -> PrintResult:
    """Build the job for the configured profile and send it."""
    if raster.width != setup.width:
        raise PrinterError(
            Failure.SETUP,
            f"ภาพกว้าง {raster.width} จุด แต่เครื่องพิมพ์ตั้งไว้ {setup.width} จุด",
            f"raster is {raster.width} dots wide, the printer {setup.width}",
        )
    return send(build_job(raster, setup.profile), setup)


def probe(setup: PrinterSetup) -> str | None:
    """Whether the printer can take a ticket now, without printing anything: the paper state
    ("ok", "near_end", or None when the connection cannot tell), or PrinterError. A network
    printer is connected to and asked for its paper (DLE EOT 4); a device file must exist and
    be writable; a USB, serial, Windows or CUPS printer is checked for its setup only (it
    tells more only when a ticket is sent)."""
    conn = parse_connection(setup.connection)
    deadline = _Deadline(setup.timeout_s)
    if conn.scheme == "network":
        try:
            sock = socket.create_connection((conn.target, conn.port), max(0.01, deadline.left()))
        except OSError as e:
            raise _network_failure(conn, e) from None
        try:
            paper = _ask_paper_socket(sock, min(STATUS_WAIT_S, deadline.left()))
        except OSError as e:
            raise _network_failure(conn, e) from None
        finally:
            sock.close()
        if paper == "out":
            raise _paper_out("")
        return paper
    if conn.scheme == "file":
        path = conn.target
        there = os.path.exists(path) or os.path.isdir(os.path.dirname(path) or ".")
        if not there or (os.path.exists(path) and not os.access(path, os.W_OK)):
            raise PrinterError(
                Failure.UNREACHABLE,
                f"เขียนไปยังเครื่องพิมพ์ {path[:80]} ไม่ได้",
                f"cannot write to {path[:80]}",
            )
    return None
