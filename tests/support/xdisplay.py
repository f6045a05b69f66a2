"""A real X display for tests: Xvfb (with or without a window manager), key events with
xdotool, screenshots with xwd read into a Pillow image. Used by tests/display and by
`make dist-check`, which run the real program with the xcb platform plugin — not offscreen.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

TOOLS = ("Xvfb", "xdotool", "xwd")
WIDTH, HEIGHT = 1366, 768


def missing_tools() -> list[str]:
    return [t for t in TOOLS if shutil.which(t) is None]


@dataclass
class Display:
    name: str  # ":42"
    wm: bool = False  # a window manager runs

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a program on this display, as `make run` starts it:
        QT_QPA_PLATFORM unset, so that Qt loads its xcb plugin."""
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env.update(DISPLAY=self.name, **extra)
        return env

    def xdotool(self, *args: str, timeout: float = 30) -> str:
        out = subprocess.run(
            ["xdotool", *args],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        return out.stdout

    def windows(self) -> dict[str, tuple[int, int, int, int]]:
        """Visible windows by name: (x, y, width, height)."""
        ids = self.xdotool("search", "--onlyvisible", "--name", ".").split()
        found: dict[str, tuple[int, int, int, int]] = {}
        for wid in ids:
            name = self.xdotool("getwindowname", wid).strip()
            geo = self.xdotool("getwindowgeometry", "--shell", wid)
            v = dict(line.split("=", 1) for line in geo.split() if "=" in line)
            if name and {"X", "Y", "WIDTH", "HEIGHT"} <= set(v):
                found[name] = (int(v["X"]), int(v["Y"]), int(v["WIDTH"]), int(v["HEIGHT"]))
        return found

    def window_id(self, name: str) -> str | None:
        ids = self.xdotool("search", "--onlyvisible", "--name", f"^{name}$").split()
        return ids[0] if ids else None

    def wait_window(self, name: str, timeout: float = 60) -> tuple[int, int, int, int]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            found = self.windows()
            if name in found:
                return found[name]
            time.sleep(0.25)
        raise AssertionError(f"no window {name!r} within {timeout} s; visible: {self.windows()}")

    def wait_gone(self, name: str, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if name not in self.windows():
                return
            time.sleep(0.25)
        raise AssertionError(f"window {name!r} still there after {timeout} s")

    def focus(self, name: str) -> None:
        wid = self.window_id(name)
        assert wid is not None, f"no window {name!r}"
        if self.wm:
            self.xdotool("windowactivate", "--sync", wid)
        self.xdotool("windowfocus", "--sync", wid)
        time.sleep(0.2)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "40", text)

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--delay", "60", *keys)

    def wait_screen(
        self, ready: Callable[[Image.Image], bool], png: Path | None = None, timeout: float = 45
    ) -> Image.Image:
        """Screenshots until ``ready`` holds (the windows load their data off the UI thread,
        slowly on a busy machine), or the last one after ``timeout``."""
        end = time.monotonic() + timeout
        shot = self.screenshot()
        while not ready(shot) and time.monotonic() < end:
            time.sleep(0.3)
            shot = self.screenshot()
        if png is not None:
            shot.save(png)
        return shot

    def screenshot(self, png: Path | None = None) -> Image.Image:
        raw = subprocess.run(
            ["xwd", "-root", "-silent"], env=self.env(), capture_output=True, check=True
        ).stdout
        image = read_xwd(raw)
        if png is not None:
            image.save(png)
        return image


def read_xwd(data: bytes) -> Image.Image:
    """An xwd dump of a 24/32-bit TrueColor screen (what Xvfb gives) as an RGB image."""
    fields = struct.unpack(">25I", data[:100])
    header_size, _version, _format, depth, width, height = fields[:6]
    byte_order, bits_per_pixel, bytes_per_line = fields[7], fields[11], fields[12]
    ncolors = fields[19]
    assert bits_per_pixel in (24, 32) and depth in (24, 32), (depth, bits_per_pixel)
    start = header_size + ncolors * 12
    pixels = data[start : start + bytes_per_line * height]
    if bits_per_pixel == 24:
        raw_mode = "BGR" if byte_order == 0 else "RGB"
    else:
        raw_mode = "BGRX" if byte_order == 0 else "XRGB"
    return Image.frombuffer("RGB", (width, height), pixels, "raw", raw_mode, bytes_per_line, 1)


@contextmanager
def xvfb(window_manager: bool = False) -> Iterator[Display]:
    """Xvfb on a display number it picks itself (-displayfd), 1366×768×24, and openbox
    when asked."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten",
         "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    wm: subprocess.Popen[bytes] | None = None
    try:
        with os.fdopen(read) as f:
            number = f.readline().strip()
        assert number, "Xvfb did not start"
        display = Display(f":{number}", wm=window_manager)
        if window_manager:
            wm = subprocess.Popen(
                ["openbox"], env=display.env(), stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )  # fmt: skip
            time.sleep(1.0)
        yield display
    finally:
        for proc in (wm, server):
            if proc is not None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()


def colour_share(image: Image.Image, rgb: tuple[int, int, int], box: tuple[int, ...] | None = None,
                 tolerance: int = 6) -> float:  # fmt: skip
    """The share of pixels (in ``box``) within ``tolerance`` of ``rgb``."""
    part = image.crop(box) if box else image
    hits = total = 0
    for count, colour in part.getcolors(maxcolors=1 << 24) or []:
        total += count
        if all(abs(a - b) <= tolerance for a, b in zip(colour, rgb, strict=True)):
            hits += count
    return hits / total if total else 0.0


def distinct_colours(image: Image.Image) -> int:
    return len(image.getcolors(maxcolors=1 << 24) or [])
