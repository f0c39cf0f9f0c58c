#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa 3.6 needs 3.10), or explain and fail.
# Looks at $PYTHON, then python3.10 on PATH, then pyenv's installed versions.
set -u

is_310() { [ -n "$1" ] && "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; }

candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root 2>/dev/null)
  for dir in $(ls -d "$root"/versions/3.10* 2>/dev/null | sort -rV); do
    candidates+=("$dir/bin/python3.10")
  done
fi
candidates+=("$HOME/.pyenv/versions/3.10/bin/python3.10" /usr/local/bin/python3.10 /usr/bin/python3.10)

for candidate in "${candidates[@]}"; do
  if is_310 "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done

cat >&2 <<'MSG'
error: Python 3.10 was not found, and Rasa 3.6 needs it.
  Install it (for example `pyenv install 3.10`) or point PYTHON at it:
    make run PYTHON=/path/to/python3.10
MSG
exit 1
