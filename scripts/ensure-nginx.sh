#!/usr/bin/env bash
# Make sure Debian's nginx is installed for the production-profile tests. helpbot runs its own nginx
# in the foreground, on loopback, with a configuration in a folder of its own; the system's nginx
# service is never used. Installs the package with apt-get when missing and we are root, without
# letting the package start its service (a policy-rc.d that denies it, for the install only).
set -u
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's nginx for the production-profile tests (its service is not started)..."
  export DEBIAN_FRONTEND=noninteractive
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  apt-get update -qq && apt-get install -y -qq nginx >/dev/null && exit 0
fi
echo "warning: nginx is not installed and could not be (apt-get install nginx as root);" >&2
echo "         the tests that need it are skipped." >&2
exit 0
