"""Keyed hashes for the audit trail, so no email, application id or conversation id is kept in clear."""

from __future__ import annotations

import hashlib
import hmac
import re

from base.settings import get_settings


def keyed_hash(value: str, *, purpose: str) -> str:
    """HMAC-SHA256 of `value` under the installation's secret key, separated by `purpose`."""
    key = get_settings().secret_key.encode()
    message = f"{purpose}:{value}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def normalise_email(email: str) -> str:
    """Emails compare trimmed and case-insensitively."""
    return email.strip().lower()


def normalise_application_id(application_id: str) -> str:
    """Application ids compare trimmed and case-insensitively."""
    return application_id.strip().upper()


EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Application ids as applicants type them: A-10234, APP-2025-00123, b20931, 2025-004471, 7734102.
# Four- and five-digit numbers alone (years, salaries) are left as they are.
_CODE_RE = re.compile(r"\b(?:[A-Za-z]{1,5}-?\d{3,}(?:-\d{1,8})*|\d{3,}(?:-\d{1,8})+|\d{6,})\b")
EMAIL_MARK = "[email]"
CODE_MARK = "[id]"


def redact_personal(text: str) -> str:
    """`text` with email addresses and application-id-like codes replaced by marks, for staff to read."""
    return _CODE_RE.sub(CODE_MARK, EMAIL_RE.sub(EMAIL_MARK, text))
