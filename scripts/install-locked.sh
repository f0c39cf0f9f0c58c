#!/usr/bin/env bash
# Install exactly the packages pinned (with hashes) in requirements.lock into the virtual env, then helpbot
# itself without its dependencies. uv does it when it installs (several times faster); pip otherwise.
set -euo pipefail
venv=${1:-.venv}
lock=${2:-requirements.lock}
python="$venv/bin/python"

# uv's own pin, with its hashes, is in the lock: install that one first with pip.
uv_requirement=$(awk '/^uv==/ {found = 1} found {print; if ($0 !~ /\\$/) exit}' "$lock")
if [ -n "$uv_requirement" ] && "$python" -m pip install --quiet --require-hashes --no-deps -r <(echo "$uv_requirement"); then
  echo "Installing the locked packages with uv"
  "$venv/bin/uv" pip sync --quiet --python "$python" --require-hashes "$lock"
  "$venv/bin/uv" pip install --quiet --python "$python" --no-deps --no-build-isolation -e .
else
  echo "uv did not install; installing the locked packages with pip"
  "$python" -m pip install --quiet --require-hashes -r "$lock"
  "$python" -m pip install --quiet --no-deps --no-build-isolation -e .
fi
