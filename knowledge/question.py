"""What an applicant's question asks: its subject terms, the kind of fact, whole topic or one fact."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.model import Posting
from knowledge.spanish import in_english
from knowledge.vocabulary import (
    ASKED_KINDS,
    GENERIC_WORDS,
    asked_kinds,
    asks_for_everything,
    concept_stems,
    concepts,
    content_terms,
    stem,
    words,
)

# "and the second one?", "what about them?", "their number?": a question about what was just said.
_REFERS_BACK = re.compile(
    r"^\s*(?:and|also|so|what about|how about)\b|\b(?:them|they|their|theirs|those|these|he|she|him|her|his"
    r"|that one|this one|the same)\b",
    re.IGNORECASE,
)
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9,
    "tenth": 10, "10th": 10, "last": -1,
}
_ORDINAL = re.compile(
    r"\b(?:the\s+)?(" + "|".join(_ORDINALS) + r")(?:\s+(?:one|item|question|point|line|step|part|bit))?\b"
    r"|(?:\bnumber|\bno\.?|#)\s*(\d{1,2})\b",
    re.IGNORECASE,
)
# Words that only say what kind of fact is wanted; the kind itself is checked instead.
_KIND_WORDS = frozenset(
    stem(w) for w in ("number", "phone", "call", "email", "mail", "website", "link", "url", "page", "date", "day")
) | {"long", "soon"}
MAX_FOLLOW_UP_WORDS = 10
_MAX_SUBJECT_PHRASE = 6  # words of the applicant's phrase quoted as the subject
_MAX_SUBJECT_GAP = 2  # ... with at most this many words between its subject words ("my", "to")
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?")  # a word as the applicant wrote it, accents and all


@dataclass(frozen=True)
class Question:
    """An analysed question: subject terms, the fact kinds it wants, and how it relates to the last answer.

    `text` is the question in English words (a Spanish question read with `knowledge.spanish`);
    `subject` keeps the applicant's own words.
    """

    text: str
    terms: tuple[str, ...]
    subject: tuple[str, ...]
    kinds: frozenset[str]
    wants_everything: bool
    refers_back: bool
    ordinal: int | None

    @property
    def has_subject(self) -> bool:
        """Whether the question names anything beyond the kind of fact it wants."""
        return bool(self.terms)


def name_stems(posting: Posting) -> frozenset[str]:
    """Stems of the words that name the posting (title, employer, acronym): they say which, not what."""
    return _name_stems(" ".join(n for n in (posting.title, posting.organisation, *posting.aliases) if n))


@lru_cache(maxsize=1024)
def _name_stems(names: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(names))


def _names_posting(word: str, ignore: frozenset[str]) -> bool:
    """A word of the posting's name, or its short form (`tech` for `technician`, `acct`)."""
    return stem(word) in ignore or (len(word) >= 4 and any(n.startswith(word) for n in ignore))


def analyse(said: str, posting: Posting | None = None) -> Question:
    """Analyse what the applicant said, in English or Spanish, ignoring the words that name `posting`."""
    text = in_english(said)
    ignore = name_stems(posting) if posting else frozenset()
    kinds = frozenset(asked_kinds(text))
    found = concepts(text)
    absorbed = frozenset().union(*(concept_stems()[c] for c in found)) if found else frozenset()
    dropped = absorbed | ignore | (_KIND_WORDS if kinds - {"who"} else frozenset())
    stems = [s for s in content_terms(text) if s not in dropped and not _names_posting(s, ignore)]
    kind_concepts = {f"@{k}" for k in kinds if f"@{k}" in concept_stems()}
    subject_concepts = sorted(c for c in found if c not in kind_concepts)
    return Question(
        text=text,
        terms=tuple(stems + subject_concepts),
        subject=_subject_words(said, ignore),
        kinds=kinds,
        wants_everything=asks_for_everything(text),
        refers_back=_refers_back(text),
        ordinal=_ordinal(text),
    )


def _subject_words(said: str, ignore: frozenset[str]) -> tuple[str, ...]:
    """The question's own words for its subject ("remote work", "estacionamiento"), to say what the posting
    does not state: the words whose English reading carries a subject, as one phrase when they stand
    close together ("bring my dog to work", not "bring dog work")."""
    tokens = [t.lower().removesuffix("'s") for t in _TOKEN.findall(said.replace("’", "'"))]
    plain = ["".join(words(t)) for t in tokens]
    names_posting = [bool(w) and _names_posting(w, ignore) for w in plain]
    kept = [i for i, w in enumerate(plain) if w and not names_posting[i] and not w.isdigit() and _carries_subject(w)]
    if not kept:
        return ()
    span = range(kept[0], kept[-1] + 1)
    close = all(b - a <= _MAX_SUBJECT_GAP + 1 for a, b in itertools.pairwise(kept))
    if len(kept) > 1 and close and len(span) <= _MAX_SUBJECT_PHRASE and not any(names_posting[i] for i in span):
        return (" ".join(tokens[i] for i in span),)
    return tuple(dict.fromkeys(tokens[i] for i in kept))[:4]


def _carries_subject(word: str) -> bool:
    read = words(in_english(word))
    return any(w not in GENERIC_WORDS and not any(p.fullmatch(w) for p in ASKED_KINDS.values()) for w in read)


def _refers_back(text: str) -> bool:
    return len(words(text)) <= MAX_FOLLOW_UP_WORDS and bool(_REFERS_BACK.search(text))


def _ordinal(text: str) -> int | None:
    """`the second one` -> 2, `#3` -> 3, `the last one` -> -1; only in short follow-ups."""
    if len(words(text)) > MAX_FOLLOW_UP_WORDS:
        return None
    match = _ORDINAL.search(text)
    if not match:
        return None
    return _ORDINALS[match.group(1).lower()] if match.group(1) else int(match.group(2))
