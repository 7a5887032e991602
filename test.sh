#!/usr/bin/env bash
# README's test command: installs what the tests need on a fresh machine when it is missing, then runs every test.
#   ./test.sh                  every test of FaceCompliance.sln
#   ./test.sh ARGS...          passes ARGS to `dotnet test FaceCompliance.sln` (e.g. --filter ...)
# Needs the .NET 10 SDK and Node.js/npm (the build fetches the face models with npm). Installs with apt-get, as root
# or through sudo: Chromium and its driver (the browser test drives them) and a Chinese font (readable zh-CN
# screenshots). Set FACECOMPLIANCE_NO_INSTALL=1 to install nothing and only check.
set -euo pipefail
cd "$(dirname "$0")"

missing() { echo "test.sh: $*" >&2; exit 1; }
command -v dotnet >/dev/null 2>&1 || missing "the .NET SDK is not on PATH: install the .NET 10 SDK (https://dot.net)."
command -v npm >/dev/null 2>&1 || missing "npm is not on PATH: install Node.js with npm; the build fetches the face models with it."

apt_updated=0
apt_install() {
  if [ "${FACECOMPLIANCE_NO_INSTALL:-0}" = "1" ]; then
    missing "missing $* (FACECOMPLIANCE_NO_INSTALL=1, so nothing is installed)."
  fi
  command -v apt-get >/dev/null 2>&1 || missing "missing $*, and this machine has no apt-get: install them by hand."
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || missing "need root or sudo to apt-get install $*."
    sudo=(sudo)
  fi
  if [ "$apt_updated" -eq 0 ]; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# tests/FaceCompliance.Browser.Tests drives Debian's Chromium through its chromedriver; it fails (not skips) without them.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "test.sh: installing chromium and chromium-driver for the browser test"
  apt_install chromium chromium-driver
fi

# A Chinese font, so that the zh-CN notice in the browser test's screenshots is readable (the test itself compares text).
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  echo "test.sh: installing fonts-wqy-microhei for readable zh-CN screenshots"
  apt_install fonts-wqy-microhei || echo "test.sh: warning: no Chinese font installed; zh-CN screenshots will show boxes" >&2
fi

exec dotnet test FaceCompliance.sln "$@"
