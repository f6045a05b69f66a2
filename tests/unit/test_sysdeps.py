"""Every library the real-display platform plugins need is on this machine, which after
``.ci/sysdeps.sh`` proves that its package list is complete: ``ldd`` of the xcb and Wayland
plugins and of the Qt libraries they load, no line "not found". The whole suite runs
offscreen, so without this a missing libxcb-* would only be met by a person at `make run`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="ldd is Linux's"
)

PLUGINS = [
    "plugins/platforms/libqxcb.so",
    "plugins/platforms/libqwayland.so",
    "plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "plugins/xcbglintegrations/libqxcb-egl-integration.so",
    "lib/libQt6XcbQpa.so.6",
    "lib/libQt6WaylandClient.so.6",
    "lib/libQt6Gui.so.6",
    "lib/libQt6Widgets.so.6",
    "lib/libQt6DBus.so.6",
    "lib/libQt6Multimedia.so.6",
]


def qt_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt"


def missing(library: Path) -> list[str]:
    out = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in out.splitlines() if "not found" in line]


@pytest.mark.parametrize("relative", PLUGINS)
def test_the_platform_plugins_find_every_library(relative):
    library = qt_dir() / relative
    assert library.exists(), f"PySide6 no longer ships {relative}: update this list"
    assert missing(library) == [], (
        f"{relative} needs libraries this machine lacks: add their packages to .ci/sysdeps.sh "
        "(dpkg -S on another machine, or apt-file search)"
    )


def test_the_sysdeps_list_names_the_xcb_libraries_qt_asks_for():
    """The ones the bug report met: Qt names libxcb-cursor0 at start, ldd then icccm and
    keysyms."""
    script = (Path(__file__).parents[2] / ".ci" / "sysdeps.sh").read_text()
    for pkg in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"):
        assert f" {pkg}" in script
