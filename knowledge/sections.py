"""Split a posting into headed sections by the shape of its lines.

Two common styles are understood: upper-case headings (`MINIMUM REQUIREMENTS`) and the
title-case headings of NEOGOV/GovernmentJobs postings (`Essential Functions`), whose text often
repeats its header block; repeated lines are kept once and same-named sections are merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.model import Section

HEADER_SECTION = "Posting header"
QUESTIONS_SECTION = "Supplemental Questions"

KEY_VALUE_RE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z /#&().-]{0,40}?)\s*:\s*(?P<value>\S.*)$")
# Header fields (`Job Number: 26-039`) by what they state, each with the labels postings use for it.
HEADER_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("job title", "position title", "title", "position"),
    "organisation": ("company", "agency", "employer", "organization", "organisation"),
    "salary": ("salary", "salary range", "pay range", "compensation"),
    "location": ("location", "work location"),
    "department": ("department",),
    "division": ("division",),
    "job_number": (
        "job number",
        "bulletin number",
        "recruitment number",
        "exam number",
        "class code",
        "job code",
        "job id",
    ),
    "job_type": ("job type", "employment type", "schedule", "work schedule"),
    "published_date": ("published date", "posting date", "posted date"),
    "opening_date": ("opening date", "open date"),
    "closing_date": ("closing date", "closing date/time", "close date", "filing deadline", "application deadline"),
    "bargaining_unit": ("bargaining unit",),
}
FIELD_KEYS = frozenset(label for labels in HEADER_FIELDS.values() for label in labels)
# Title-case headings of NEOGOV/GovernmentJobs postings, headings even when a sub-heading follows.
KNOWN_HEADINGS = frozenset(
    {
        "essential functions",
        "qualification guidelines",
        "minimum qualifications",
        "supplemental information",
        "examples of duties",
        "typical duties",
        "duties",
        "benefits",
        "selection process",
        "description",
        "supplemental questions",
        "job description",
        "minimum requirements",
        "knowledge, skills and abilities",
        "special requirements",
        "desirable qualifications",
        "application process",
        "how to apply",
    }
)
_STATUS_WORDS = re.compile(r"until filled|continuous|open until", re.IGNORECASE)
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "to", "or", "in", "a", "an", "&", "/", "-"})
_QUESTION_NUMBER_RE = re.compile(r"^0?\d{1,2}$")


def key_value(line: str) -> tuple[str, str] | None:
    """`Job Number: 26-039` -> ("job number", "26-039") for a known header field, else None."""
    match = KEY_VALUE_RE.match(line)
    if not match:
        return None
    key = re.sub(r"\s+", " ", match.group("key").strip().lower())
    return (key, match.group("value").strip()) if key in FIELD_KEYS else None


def is_heading(line: str, next_line: str | None) -> bool:
    """Whether `line` is a section heading: upper case, or a short title-case label."""
    text = line.strip().rstrip(":").strip()
    if not text or len(text) > 90 or text.startswith(("-", "•", "*")) or key_value(line):
        return False
    if text.endswith((".", ",", ";")) or not re.search(r"[A-Za-z]{2}", text):
        return False
    if _STATUS_WORDS.search(text):
        return False
    if not re.search(r"[a-z]", text):
        return len(re.findall(r"[A-Z]", text)) >= 3 and len(text.split()) <= 14
    if text.lower() in KNOWN_HEADINGS:
        return True
    words = text.split()
    if len(words) > 5 or "," in text or re.search(r"\d", text) or text.endswith("?"):
        return False
    titled = all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)
    return titled and next_line is not None and bool(next_line.strip()) and not is_heading(next_line, None)


def _next_text(lines: list[str], i: int) -> str | None:
    """The next non-blank line after line `i`."""
    return next((line for line in lines[i + 1 :] if line.strip()), None)


def _starts_questions(lines: list[str], i: int) -> bool:
    """A NEOGOV supplemental-question block starts with `01` followed by the question."""
    following = _next_text(lines, i)
    return (
        lines[i].strip() in {"01", "1"}
        and following is not None
        and bool(re.search(r"[A-Za-z]", following))
        and not is_heading(following, None)
    )


@dataclass
class _Draft:
    heading: str
    lines: list[str] = field(default_factory=list)


def split_sections(text: str) -> list[Section]:
    """Split normalised posting text into sections; the first line (the title) is the header's."""
    lines = text.split("\n")
    drafts: list[_Draft] = [_Draft(HEADER_SECTION)]
    in_questions = False
    for i, raw in enumerate(lines):
        line = raw.strip()
        nxt = _next_text(lines, i)
        if not line or line.lower() == "required question":
            continue
        if i > 0 and _starts_questions(lines, i):
            drafts.append(_Draft(QUESTIONS_SECTION))
            in_questions = True
        elif in_questions and key_value(line):
            drafts.append(_Draft(HEADER_SECTION))
            in_questions = False
        elif i > 0 and is_heading(line, nxt) and not (in_questions and re.search(r"[a-z]", line)):
            drafts.append(_Draft(line.rstrip(":").strip()))
            in_questions = False
            continue
        drafts[-1].lines.append(line)
    return _dedupe_lines(_merge_same_headings(drafts))


def _merge_same_headings(drafts: list[_Draft]) -> list[_Draft]:
    """Merge drafts that share a heading; a fuller repeat of a section replaces the shorter."""
    merged: dict[str, _Draft] = {}
    for draft in drafts:
        key = draft.heading.lower()
        kept = merged.get(key)
        if kept is None:
            merged[key] = _Draft(draft.heading, list(draft.lines))
        elif set(draft.lines) >= set(kept.lines):
            kept.lines = list(draft.lines)
        else:
            kept.lines.extend(line for line in draft.lines if line not in kept.lines)
    return list(merged.values())


def _dedupe_lines(drafts: list[_Draft]) -> list[Section]:
    """Keep each long line (a repeated header block) only where it first appears."""
    seen: set[str] = set()
    sections: list[Section] = []
    for draft in drafts:
        body: list[str] = []
        for line in draft.lines:
            is_long = len(line) >= 25 or key_value(line) is not None
            if is_long and line.lower() in seen:
                continue
            if is_long:
                seen.add(line.lower())
            body.append(line)
        sections.append(Section(draft.heading, "\n".join(body)))
    return sections
