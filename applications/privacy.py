"""Keyed hashes for the audit trail, so no email, application id or conversation id is kept in clear."""

from __future__ import annotations

import hashlib
import hmac

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
