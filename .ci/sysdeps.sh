#!/usr/bin/env bash
# Installs the system packages KhetDesk needs, only those that are missing.
#   sysdeps.sh run   Qt's runtime libraries (PySide6; libpulse0 for QtMultimedia's chime) and
#                    Python's venv module
#   sysdeps.sh test  the same, plus a PostgreSQL server for the integration tests and
#                    chromium with chromium-driver for the web page test
# Needs root or sudo only when something is missing; does nothing otherwise.
set -euo pipefail
purpose="${1:-test}"
python="${PYTHON:-python3}"
need=()
for pkg in libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 libpulse0; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
"$python" -c "import ensurepip, venv" 2>/dev/null || need+=(python3-venv)
if [ "$purpose" = test ]; then
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
