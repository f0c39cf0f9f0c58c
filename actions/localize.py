"""What an answer composes around its quotes, in the conversation's language: labels, sentences, dates.

The answers are composed in English (knowledge.answers.PHRASES), which the search reads; a Spanish reply
renders each composed line from the Spanish catalog instead, and writes its dates the Spanish way
("11 de diciembre de 2025"). Lines quoted from the posting stay as the posting has them.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from actions.catalog import CATALOGS
from actions.language import ENGLISH
from knowledge.answers import PHRASES, format_date

SPANISH_MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
_DATE = r"[A-Z][a-z]+ \d{1,2}, \d{4}"
_BLANKS = {"date": _DATE, "today": _DATE, "days": r"\d+", "text": r".+"}


def date_in(language: str, day: date) -> str:
    """`2025-12-11` -> `December 11, 2025` in English, `11 de diciembre de 2025` in Spanish."""
    if language == ENGLISH:
        return format_date(day)
    return f"{day.day} de {SPANISH_MONTHS[day.month - 1]} de {day.year}"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Each English phrase as a pattern that gives back its blanks."""
    found = {}
    for name, phrase in PHRASES.items():
        pattern = re.sub(r"\\\{(\w+)\\\}", lambda m: f"(?P<{m.group(1)}>{_BLANKS[m.group(1)]})", re.escape(phrase))
        found[name] = re.compile(pattern)
    return found


def _line_in(language: str, line: str) -> str:
    for name, pattern in _patterns().items():
        match = pattern.fullmatch(line)
        if match:
            values = {key: _value_in(language, key, value) for key, value in match.groupdict().items()}
            return CATALOGS[language][f"phrase_{name}"].format(**values)
    return line


def _value_in(language: str, blank: str, value: str) -> str:
    return date_in(language, datetime.strptime(value, "%B %d, %Y").date()) if blank in ("date", "today") else value


def answer_in(language: str, answer: str) -> str:
    """An answer composed in English, with its composed lines in `language` (quotes as they are)."""
    if language == ENGLISH:
        return answer
    return "\n".join(_line_in(language, line) for line in answer.split("\n"))
