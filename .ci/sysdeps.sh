#!/usr/bin/env bash
# Installs the system packages KhetDesk needs, only those that are missing.
#   sysdeps.sh run   what the windows need on a real display: the libraries of PySide6's xcb
#                    platform plugin (libqxcb.so → libQt6XcbQpa.so.6, libQt6Gui, libQt6DBus)
#                    and of its Wayland plugin, QtMultimedia's sound (libpulse0), and Python's
#                    venv module
#   sysdeps.sh test  the same, plus a PostgreSQL server for the integration tests, an X
#                    server with key events and screenshots for the real-display test (Xvfb,
#                    xdotool, xwd), and chromium with chromium-driver for the web page test
#   sysdeps.sh dist  the same as test (make dist-check runs the bundle on Xvfb)
# Needs root or sudo only when something is missing; does nothing otherwise.
#
# The run list is what `ldd` of the plugins and their Qt libraries resolves outside the wheel
# (PySide6 6.11, Debian 12), taken to packages with `dpkg -S`, without what those packages
# pull in themselves. tests/unit/test_sysdeps.py runs ldd again and fails on any "not found",
# so a new PySide6 that needs one more library is noticed by `make test`, not by a user.
set -euo pipefail
purpose="${1:-test}"
python="${PYTHON:-python3}"
run_pkgs=(
  # OpenGL/EGL and fonts (libQt6Gui)
  libegl1 libgl1 libfontconfig1 libfreetype6
  # the keyboard (libQt6Gui, libQt6XcbQpa)
  libxkbcommon0 libxkbcommon-x11-0
  # D-Bus and GLib (libQt6DBus, libQt6Core's event loop)
  libdbus-1-3 libglib2.0-0
  # the xcb platform plugin (libQt6XcbQpa.so.6); libxcb-cursor0 is the one Qt ≥ 6.5 names
  # at start-up, icccm and keysyms are the ones ldd found missing next
  libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-xfixes0 libxcb-xkb1 libxcb-glx0 libxcb-util1
  # the Wayland platform plugin (libqwayland.so), for a Wayland desktop session
  libwayland-client0 libwayland-cursor0 libwayland-egl1
  # QtMultimedia's chime on the board
  libpulse0
)
test_pkgs=(xvfb xdotool x11-apps openbox)
pkgs=("${run_pkgs[@]}")
[ "$purpose" = run ] || pkgs+=("${test_pkgs[@]}")
need=()
for pkg in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
"$python" -c "import ensurepip, venv" 2>/dev/null || need+=(python3-venv)
if [ "$purpose" != run ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || need+=(postgresql)
  # tests/web/test_browser.py: Debian's headless chromium through chromium-driver (Selenium)
  for pkg in chromium chromium-driver; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
  done
fi
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "missing system packages: ${need[*]} (no apt-get here: install them by hand)" >&2
  exit 1
fi
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing system packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
# Debian's postgresql package starts a cluster of its own; the tests start a throwaway one.
