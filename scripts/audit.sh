#!/usr/bin/env bash
# Check every locked package against known vulnerabilities with pip-audit (run in its own environment:
# its dependencies conflict with Rasa's pins). It needs a vulnerability service: PyPI's JSON API or OSV.
set -uo pipefail
service=${HELPBOT_AUDIT_SERVICE:-pypi}
report=$(mktemp)
trap 'rm -f "$report"' EXIT
.venv/bin/uv tool run --quiet --from 'pip-audit==2.10.1' pip-audit --requirement requirements.lock \
  --require-hashes --disable-pip --no-deps --vulnerability-service "$service" --progress-spinner off \
  --strict >"$report" 2>&1
status=$?
if grep -q -e "No known vulnerabilities found" -e "known vulnerabilit" "$report"; then
  cat "$report"
  exit $status
fi
echo "error: the locked packages could not be audited: the '$service' vulnerability service did not answer." >&2
echo "  pip-audit said: $(grep -v '^\s' "$report" | tail -1)" >&2
echo "  It needs https://pypi.org/pypi/<name>/<version>/json (HELPBOT_AUDIT_SERVICE=pypi, the default)" >&2
echo "  or https://api.osv.dev (HELPBOT_AUDIT_SERVICE=osv). No result is not a clean result." >&2
exit 2
