"""The real program on a real X display, as `make run` starts it: Xvfb, QT_QPA_PLATFORM
unset so that Qt loads its xcb platform plugin (the rest of the suite runs offscreen and
would never notice a missing libxcb-*), real key events from xdotool, and screenshots of
the whole screen taken by xwd.

- `gui`: the login; clerk1 logs in with typed keys; Ctrl+1 opens the counter workspace;
  Return picks counter 1 — the shell fills the screen and shows the counter console.
- `gui --kiosk` and `gui --display` fill the 1366×768 screen, with no window manager (a TV
  box run as `xinit` and one program) and under openbox.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.xdisplay import (
    HEIGHT,
    WIDTH,
    Display,
    colour_share,
    distinct_colours,
    missing_tools,
    xvfb,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 under Xvfb"),
]
REPO = Path(__file__).resolve().parents[2]
LOGIN = "เข้าสู่ระบบ KhetDesk"
NAVY = (15, 59, 95)  # the shell's side bar, the kiosk's and the board's header
TEAL = (15, 118, 110)  # the counter's "call next" button, the kiosk's first service
SCREEN = (0, 0, WIDTH, HEIGHT)


@pytest.fixture(scope="module", autouse=True)
def _tools() -> None:
    lacking = missing_tools()
    if lacking and os.environ.get("KHETDESK_REQUIRE_DISPLAY"):
        pytest.fail(f"missing {lacking}: .ci/sysdeps.sh test installs them")
    if lacking:
        pytest.skip(f"missing {lacking} (make test installs them)")


@pytest.fixture
def office(tmp_path, sqlite_template) -> str:
    path = tmp_path / "office.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    from db.engine import make_engine
    from desktop_app.services.setup import init_database

    engine = make_engine(url)
    init_database(engine, demo=True)
    engine.dispose()
    return url


@pytest.fixture
def program(tmp_path) -> Iterator:
    started: list[subprocess.Popen[bytes]] = []

    def start(display: Display, url: str, *args: str, **env: str) -> subprocess.Popen[bytes]:
        home = tmp_path / "home"
        extra = {f"XDG_{k}_HOME": str(home / k.lower()) for k in ("CONFIG", "DATA", "STATE",
                                                                  "CACHE")}  # fmt: skip
        with open(tmp_path / "gui.log", "ab") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "desktop_app", "--db", url, "gui", *args],
                cwd=REPO,
                env=display.env(**extra, KHETDESK_PC="display-test", **env),
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        started.append(proc)
        return proc

    yield start
    for proc in started:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _log(tmp_path: Path) -> str:
    log = tmp_path / "gui.log"
    return log.read_text(errors="replace")[-3000:] if log.exists() else ""


def test_log_in_and_reach_the_counter_console(tmp_path, office, program):
    with xvfb() as display:
        program(display, office)
        try:
            _x, _y, w, h = display.wait_window(LOGIN)
        except AssertionError:
            raise AssertionError(_log(tmp_path)) from None
        login = display.screenshot(tmp_path / "login.png")
        assert w < WIDTH and h < HEIGHT  # a dialog, not the shell
        assert colour_share(login, NAVY, (0, 0, 230, HEIGHT)) < 0.05, "no side bar yet"

        display.focus(LOGIN)
        display.type("clerk1")
        display.key("Tab")
        display.type("demo")
        display.key("Return")
        display.wait_gone(LOGIN)
        geometry = display.wait_window("KhetDesk")
        assert geometry[2:] == (WIDTH, HEIGHT), "the shell fills the screen, no window manager"

        display.focus("KhetDesk")
        display.key("ctrl+1")  # the first workspace of a clerk: the counter
        display.wait_window("เลือกช่องบริการ")
        display.focus("เลือกช่องบริการ")
        display.key("Return")  # counter 1, the first in the list
        display.wait_window("KhetDesk — ช่องบริการ 1")
        shot = display.wait_screen(
            lambda s: colour_share(s, TEAL, (230, 0, 700, HEIGHT)) > 0.02, tmp_path / "counter.png"
        )
    # What a person sees: the shell's navy side bar on the left, the counter's teal "call
    # next" button, and a full screen of detail — not the login, not a blank screen.
    assert colour_share(shot, NAVY, (0, 40, 230, HEIGHT - 40)) > 0.8
    assert colour_share(shot, TEAL, (230, 0, 700, HEIGHT)) > 0.02
    assert distinct_colours(shot) > 200


@pytest.mark.parametrize("window_manager", [False, True], ids=["no-wm", "openbox"])
@pytest.mark.parametrize("mode", ["--kiosk", "--display"])
def test_kiosk_and_board_fill_the_screen(tmp_path, office, program, mode, window_manager):
    if window_manager and shutil.which("openbox") is None:
        pytest.skip("openbox is not installed")
    with xvfb(window_manager) as display:
        program(display, office, mode, KHETDESK_DEVICE_USER="clerk2",
                KHETDESK_DEVICE_PASSWORD="demo")  # fmt: skip
        try:
            geometry = display.wait_window("KhetDesk")
        except AssertionError:
            raise AssertionError(_log(tmp_path)) from None

        # Painted with the database's data: the header, and the kiosk's service tiles.
        def painted(shot) -> bool:
            header = colour_share(shot, NAVY, (0, 0, WIDTH, 60)) > 0.5
            tiles = mode != "--kiosk" or colour_share(shot, TEAL, SCREEN) > 0.05
            return header and tiles and distinct_colours(shot) > 100

        shot = display.wait_screen(painted)
        shot.save(tmp_path / "screen.png")
    assert geometry == (0, 0, WIDTH, HEIGHT)
    assert colour_share(shot, NAVY, (0, 0, WIDTH, 60)) > 0.5, "its header across the top"
    assert colour_share(shot, (0, 0, 0), SCREEN, tolerance=0) < 0.02, "no bare root window"
    if mode == "--kiosk":
        assert colour_share(shot, TEAL, SCREEN) > 0.05  # the first service's tile
