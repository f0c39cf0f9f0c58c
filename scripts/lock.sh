#!/usr/bin/env bash
# Regenerate requirements.lock from pyproject.toml: every package, the dev and test tools included,
# for Python 3.10 on Linux x86-64, with hashes.
set -euo pipefail
uv=${UV:-}
[ -z "$uv" ] && [ -x .venv/bin/uv ] && uv=.venv/bin/uv
[ -z "$uv" ] && command -v uv >/dev/null 2>&1 && uv=$(command -v uv)
if [ -z "$uv" ]; then
  python=$(scripts/find-python.sh)
  tools=$(mktemp -d)
  "$python" -m venv "$tools" && "$tools/bin/python" -m pip install --quiet uv
  uv="$tools/bin/uv"
fi
"$uv" pip compile pyproject.toml --extra dev --python-version 3.10 --python-platform x86_64-manylinux_2_28 \
  --generate-hashes --quiet --custom-compile-command "make lock" -o requirements.lock
echo "requirements.lock: $(grep -c '^[A-Za-z0-9]' requirements.lock) packages pinned"
