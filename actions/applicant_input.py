"""Find an application id or an email address in what the applicant typed."""

from __future__ import annotations

import re

from applications.privacy import EMAIL_RE

APPLICATION_ID_RE = re.compile(r"\b[A-Za-z]{0,5}-?\d{3,}(?:-\d{1,8})*\b")


def find_email(text: str) -> str | None:
    """The first email address in `text`."""
    match = EMAIL_RE.search(text)
    return match.group(0) if match else None


def find_application_id(text: str) -> str | None:
    """The first application-id-like code (letters, optional dash, at least three digits) outside emails."""
    match = APPLICATION_ID_RE.search(EMAIL_RE.sub(" ", text))
    return match.group(0) if match else None
