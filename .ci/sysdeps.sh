#!/usr/bin/env bash
# Installs the system packages the test suite needs, only those that are missing:
# Qt's runtime libraries (PySide6 offscreen) and a PostgreSQL server for the
# integration tests. Needs root or sudo; does nothing when everything is there.
set -euo pipefail
need=()
for pkg in libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 postgresql; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null || { echo "missing system packages: ${need[*]} (no apt-get here: install them by hand)" >&2; exit 1; }
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing system packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
# Debian's package starts a cluster of its own; the tests start their own throwaway one.
