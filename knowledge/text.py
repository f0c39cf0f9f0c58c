"""Text helpers for postings: normalising, splitting sentences, finding dates and money."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as date_parser

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DATE_PATTERN = (
    rf"(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})"
)
DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)
_DATE_NO_YEAR = rf"{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
DATE_RANGE_RE = re.compile(
    rf"({DATE_PATTERN}|{_DATE_NO_YEAR})\s*(?:-|–|—|to|through|thru|until)\s*({DATE_PATTERN})", re.IGNORECASE
)
MONEY_RANGE_RE = re.compile(
    r"\$\s?(?P<low>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s*(?:-|–|—|to)\s*\$?\s?(?P<high>\d[\d,]*(?:\.\d+)?))?"
    r"(?:\s*(?:per\s+|/\s*)?(?P<period>annually|annual|yearly|year|yr|monthly|month|mo|bi-?weekly"
    r"|weekly|week|hourly|hour|hr|daily|day)\b)?",
    re.IGNORECASE,
)
_PERIODS = {
    "annually": "annually",
    "annual": "annually",
    "yearly": "annually",
    "year": "annually",
    "yr": "annually",
    "monthly": "monthly",
    "month": "monthly",
    "mo": "monthly",
    "biweekly": "biweekly",
    "bi-weekly": "biweekly",
    "weekly": "weekly",
    "week": "weekly",
    "hourly": "hourly",
    "hour": "hourly",
    "hr": "hourly",
    "daily": "daily",
    "day": "daily",
}
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|St|Dr|Mr|Ms|Mrs|Jr|Sr|Inc|Co|vs"
    r"|approx|e\.g|i\.e|etc)|\bU\.S)\.$",
    re.IGNORECASE,
)
_ENUMERATOR = re.compile(r"\(?(?:\d{1,2}|[a-zA-Z])[.)]")  # `1.` or `a)` starts a list item, ends no sentence
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"“(\[]?[A-Z0-9])")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff"), None)


def normalise(text: str) -> str:
    """Unify line endings and spaces, drop trailing blanks and collapse runs of blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations such as `Dec.` intact."""
    parts = [p.strip() for p in _SENTENCE_BREAK.split(paragraph.strip()) if p.strip()]
    merged: list[str] = []
    for part in parts:
        if merged and (_ABBREVIATIONS.search(merged[-1]) or _ENUMERATOR.fullmatch(merged[-1])):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return merged


def parse_date(text: str) -> date | None:
    """Parse one date as postings write it (`November 26, 2025`, `09/11/2025`), or None."""
    try:
        parsed: datetime = date_parser.parse(text, dayfirst=False, fuzzy=False)
        return parsed.date()
    except (ValueError, OverflowError):
        return None


def parse_date_range(text: str) -> tuple[date, date] | None:
    """`January 5 - January 23, 2026` -> (2026-01-05, 2026-01-23); the year may be on the end only."""
    match = DATE_RANGE_RE.search(text)
    if not match:
        return None
    end = parse_date(match.group(2))
    if end is None:
        return None
    start_text = match.group(1)
    start = parse_date(start_text if re.search(r"\d{4}", start_text) else f"{start_text}, {end.year}")
    if start is None:
        return None
    if start > end and not re.search(r"\d{4}", start_text):
        start = start.replace(year=end.year - 1)
    return start, end


def first_date(text: str) -> date | None:
    """The first date written in `text`, or None."""
    match = DATE_RE.search(text)
    return parse_date(match.group(0)) if match else None


def normalise_period(word: str | None) -> str | None:
    """Map a salary period word (`Annually`, `per hour`, ...) to a canonical name."""
    return _PERIODS.get(word.lower().replace(" ", "")) if word else None


def to_number(amount: str) -> float:
    """`1,234.50` -> 1234.5."""
    return float(amount.replace(",", ""))
