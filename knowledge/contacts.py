"""Find every email address, phone number and web address in a posting, with what it is for."""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.model import Contact, Section
from knowledge.text import sentences

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE_RE = re.compile(r"(?<![\d-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]\d{4}(?![\d-])")
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)

# Purpose -> (pattern on the sentence, pattern on the section heading); first match wins.
PURPOSES: tuple[tuple[str, str, str], ...] = (
    ("accommodation", r"accommodat|disabilit", r"accommodat"),
    ("it_help", r"\bVPN\b|virtual (?:private )?network|information technology|help ?desk|install", r"\bVPN\b"),
    ("evaluation", r"evaluat\w* (?:organi[sz]ation|agenc|service)|foreign transcript", r"$^"),
    ("extension", r"extended|extension", r"$^"),
    (
        "technical",
        r"technical (?:assistance|support|help)|on-?line application|application (?:portal|system)",
        r"technical|on-?line application",
    ),
    ("selection", r"selection|assessment|examination|exam\b|interview|recruit", r"selection|exam"),
    ("equal_opportunity", r"discriminat|harass|equal (?:employment )?opportunit|complaint", r"$^"),
    ("class_description", r"class (?:description|specification)|job description", r"$^"),
    ("social", r"facebook|twitter|linkedin|instagram|follow us", r"follow us"),
)


def _purpose_in(sentence: str) -> str | None:
    for purpose, sentence_pattern, _ in PURPOSES:
        if re.search(sentence_pattern, sentence, re.IGNORECASE):
            return purpose
    return None


def purpose_of(sentence: str, heading: str, previous: str = "") -> str:
    """Classify what a contact is for: its sentence, the sentence before, then the heading."""
    found = _purpose_in(sentence) or (_purpose_in(previous) if previous else None)
    if found:
        return found
    for purpose, _, heading_pattern in PURPOSES:
        if re.search(heading_pattern, heading, re.IGNORECASE):
            return purpose
    return "general"


def _clean_url(url: str) -> str:
    url = url.rstrip(".,;:")
    return url[:-1] if url.endswith(")") and url.count("(") < url.count(")") else url


def _found_in(sentence: str) -> Iterable[tuple[str, str]]:
    for match in EMAIL_RE.finditer(sentence):
        yield "email", match.group(0)
    without_urls = URL_RE.sub(" ", sentence)
    for match in PHONE_RE.finditer(without_urls):
        yield "phone", match.group(0).strip()
    for match in URL_RE.finditer(sentence):
        yield "url", _clean_url(match.group(0))


def extract_contacts(sections: Iterable[Section]) -> tuple[Contact, ...]:
    """Every contact in posting order, each once (first mention wins)."""
    seen: set[tuple[str, str]] = set()
    found: list[Contact] = []
    for section in sections:
        for paragraph in section.body.split("\n"):
            previous = ""
            for sentence in sentences(paragraph):
                for kind, value in _found_in(sentence):
                    if (kind, value.lower()) in seen:
                        continue
                    seen.add((kind, value.lower()))
                    purpose = purpose_of(sentence, section.heading, previous)
                    context = sentence if _purpose_in(sentence) or not previous else f"{previous} {sentence}"
                    found.append(Contact(kind, value, purpose, context, section.heading))
                previous = sentence
    return tuple(found)
