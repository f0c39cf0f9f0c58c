"""Find an application id or an email address in what the applicant typed."""

from __future__ import annotations

import re
from collections.abc import Collection

from applications.privacy import EMAIL_RE
from knowledge.catalog import get_catalog

# A whole code: letters, an optional dash, digits in dash-separated groups ("77-120", never "-120" of it).
APPLICATION_ID_RE = re.compile(r"(?<![\w-])[A-Za-z]{0,5}-?\d+(?:-\d{1,8})*(?![\w-])")
_MIN_DIGITS = 3
# "job 26-039", "posting #4471", "recruitment no. 2025-11": a code that names a posting, not an application.
_NAMES_POSTING = re.compile(
    r"\b(?:job|posting|recruitment|position|bulletin|requisition|req|vacancy|opening|exam)s?"
    r"(?:\s+(?:no\.?|number|num|#|id|code))?\s*[:#]?\s*$",
    re.IGNORECASE,
)


def find_email(text: str) -> str | None:
    """The first email address in `text`."""
    match = EMAIL_RE.search(text)
    return match.group(0) if match else None


def application_id_in(text: str) -> str | None:
    """The applicant's application id in `text`, never one of the knowledge base's job numbers."""
    return find_application_id(text, posting_numbers=get_catalog().job_numbers())


def find_application_id(text: str, *, posting_numbers: Collection[str] = ()) -> str | None:
    """The first application-id-like code (letters, optional dash, at least three digits) outside emails.

    A code that is one of `posting_numbers` (the postings' job numbers), or that follows a word
    naming a posting ("job 26-039"), is the posting's number, not the applicant's id.
    """
    cleaned = EMAIL_RE.sub(" ", text)
    known = {number.casefold() for number in posting_numbers}
    for match in APPLICATION_ID_RE.finditer(cleaned):
        code = match.group(0)
        if sum(c.isdigit() for c in code) < _MIN_DIGITS:
            continue
        if code.casefold() not in known and not _NAMES_POSTING.search(cleaned[: match.start()]):
            return code
    return None
