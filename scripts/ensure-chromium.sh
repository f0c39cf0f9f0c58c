#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests (Playwright drives it; it cannot
# download its own browsers here). Installs it with apt-get when missing and we are root.
set -u
CHROMIUM="${HELPBOT_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "warning: no Chromium at $CHROMIUM and it could not be installed (apt-get install chromium as root);" >&2
echo "         the browser tests will fail." >&2
exit 0
