"""Sentence search inside one posting: which of its sentences answer a question, and how surely.

Each sentence (a list item, a header field) is scored by how much of the question's subject it
covers, each term weighted by how rare it is in the posting (IDF), and by TF-IDF cosine
similarity; a sentence without the kind of fact asked for (a count, a date, a phone number)
scores less. Scores are 0 to 1, so one threshold decides between answering and "not stated".
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

from knowledge.model import Posting
from knowledge.question import Question
from knowledge.sections import HEADER_SECTION, QUESTIONS_SECTION, key_value
from knowledge.text import sentences
from knowledge.vocabulary import has_shape, stem, terms, words

_MIN_WORDS = 3
_LABEL_RE = re.compile(r"^(?P<label>[A-Z][A-Za-z /&-]{2,30}):\s+\S")
# How much less a sentence scores when it lacks the kind of fact asked for.
KIND_PENALTY = {"who": 0.75}
DEFAULT_KIND_PENALTY = 0.5
UNLABELLED_MATCH_PENALTY = 0.7  # `Vacation: Full-time employees ...` does not answer "is it full time?"
CONCEPT_BONUS = 0.2
_SHARED_PREFIX = 7  # `considered` and `consideration` are one word; `competitive` and `competency` are not
COMMON_SHARE = 0.12  # a term in more of the posting's sentences than this narrows nothing down ...
COMMON_MIN_SENTENCES = 4  # ... nor one in more than this many
HEADING_WEIGHT = 0.6  # a term only the section heading holds counts for this much


@dataclass(frozen=True)
class Unit:
    """One sentence (or list item, or header field) of a posting, with what it is about."""

    text: str
    section: str
    position: int
    terms: frozenset[str]
    heading_terms: frozenset[str]
    label_terms: frozenset[str]
    paragraph: int = -1  # units of one paragraph share it; header fields and list items stand alone
    last: int = -1  # the position of the last sentence a window of two sentences holds
    parts: tuple[frozenset[str], ...] = ()  # a window's sentences' terms

    @property
    def span(self) -> range:
        """The positions of the sentences this unit holds."""
        return range(self.position, max(self.position, self.last) + 1)


@dataclass(frozen=True)
class Hit:
    """A sentence and how well it answers the question (0 to 1)."""

    unit: Unit
    score: float
    coverage: float
    similarity: float


def units_of(posting: Posting) -> list[Unit]:
    """The posting's sentences, list items and header fields, in order, each once."""
    found: list[Unit] = []
    seen: set[tuple[str, str]] = set()
    for section in posting.sections:
        heading_terms = frozenset(terms(section.heading)) if section.heading != HEADER_SECTION else frozenset()
        for paragraph, text in _pieces(section.heading, section.body):
            if (section.heading, text) in seen:
                continue
            seen.add((section.heading, text))
            label = _LABEL_RE.match(text) if not key_value(text) else None
            found.append(
                Unit(
                    text=text,
                    section=section.heading,
                    position=len(found),
                    terms=frozenset(terms(text)),
                    heading_terms=heading_terms,
                    label_terms=frozenset(terms(label.group("label"))) if label else frozenset(),
                    paragraph=paragraph,
                )
            )
    return found


def windows_of(units: Sequence[Unit]) -> list[Unit]:
    """Each two neighbouring sentences of one paragraph, as one unit: "... testing are available to
    individuals with disabilities. Please call (213) ... for more information." answers together."""
    return [
        Unit(
            text=f"{a.text} {b.text}",
            section=a.section,
            position=a.position,
            terms=a.terms | b.terms,
            heading_terms=a.heading_terms,
            label_terms=a.label_terms,
            paragraph=a.paragraph,
            last=b.position,
            parts=(a.terms, b.terms),
        )
        for a, b in itertools.pairwise(units)
        if a.paragraph == b.paragraph and a.section == b.section and a.paragraph >= 0
    ]


def _pieces(heading: str, body: str) -> Iterable[tuple[int, str]]:
    """(paragraph number, text) of each unit; -1 for units that stand alone."""
    for number, paragraph in enumerate(body.split("\n")):
        if key_value(paragraph) or paragraph.startswith("-"):  # a header field or list item stands alone
            if not (heading == QUESTIONS_SECTION and paragraph.startswith("-")):  # not an answer option
                yield -1, paragraph
            continue
        for sentence in sentences(paragraph) or [paragraph]:
            if len(re.findall(r"[A-Za-z]+", sentence)) >= _MIN_WORDS:
                yield number, sentence


def _identity(items: list[str]) -> list[str]:
    return items


class PostingIndex:
    """Sentence search over one posting; never mixes postings."""

    def __init__(self, posting: Posting) -> None:
        self.posting_id = posting.posting_id
        self.units = units_of(posting)
        self.windows = windows_of(self.units)
        documents = [_document(u) for u in self.units] or [["<empty>"]]
        self._vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True).fit(documents)
        self._candidates = [*self.units, *self.windows]
        self._matrix = self._vectorizer.transform([_document(u) for u in self._candidates] or [["<empty>"]])
        counts = Counter(t for u in self.units for t in u.terms | u.heading_terms)
        self._count = len(self.units)
        self._document_frequency = counts
        self.vocabulary = frozenset(counts)
        self._surface = {w: stem(w) for u in self.units for w in words(u.text) if len(w) >= _SHARED_PREFIX}

    def align(self, question: Question) -> tuple[str, ...]:
        """The question's terms, each one the posting never uses replaced by the posting's form of the
        same word when the stemmer split them (`considered` -> `consid`, `consideration` -> `consider`)."""
        forms = {stem(w): self._posting_form(w) for w in words(question.text)}
        return tuple(dict.fromkeys(forms.get(t) or t for t in question.terms))

    def _posting_form(self, word: str) -> str | None:
        """The stem of a posting word that shares a long prefix with `word`, when `word`'s own stem is not used."""
        if stem(word) in self.vocabulary or len(word) < _SHARED_PREFIX:
            return None
        prefix = word[:_SHARED_PREFIX]
        return min((s for w, s in self._surface.items() if w.startswith(prefix)), default=None)

    def is_common(self, term: str) -> bool:
        """Whether the posting uses a term in many of its sentences (`application` in an application guide)."""
        return self._document_frequency.get(term, 0) > max(COMMON_MIN_SENTENCES, COMMON_SHARE * self._count)

    def idf(self, term: str) -> float:
        """How rare a term is in this posting; a term it never uses weighs the most."""
        return math.log((self._count + 1) / (self._document_frequency.get(term, 0) + 1)) + 1.0

    def coverage(self, question_terms: Sequence[str], held: frozenset[str], weights: dict[str, float]) -> float:
        """The IDF-weighted share of the question's terms that `held` contains."""
        return _share(self._weighted(question_terms, weights), held)

    def _weighted(self, question_terms: Sequence[str], weights: dict[str, float]) -> dict[str, float]:
        """Each question term's IDF times its weight (context terms weigh less)."""
        return {t: self.idf(t) * weights.get(t, 1.0) for t in question_terms}

    def search(
        self,
        question: Question,
        *,
        context_terms: Sequence[str] = (),
        within: Sequence[Unit] | None = None,
        limit: int = 5,
    ) -> list[Hit]:
        """The best units for `question`, best first (only units with some score).

        `context_terms` (what the conversation was just about) count for a fifth of a question
        term; `within` limits the search to some units (a topic's answer, the last reply).
        """
        question_terms = list(dict.fromkeys([*question.terms, *context_terms]))
        weights = {t: 0.2 for t in context_terms if t not in question.terms}
        candidates = list(within) if within is not None else self._candidates
        if not candidates or (not question_terms and not question.kinds):
            return []
        similarities = self._similarities(question_terms, candidates, precomputed=within is None)
        weighted = self._weighted(question_terms, weights)
        hits = []
        for unit, similarity in zip(candidates, similarities, strict=True):
            coverage = _unit_coverage(weighted, unit) if question_terms else 1.0
            factor = _kind_factor(question, unit) * _label_factor(question, unit) * _window_factor(question, unit)
            score = _concept_anchored(question, unit, coverage) * factor
            if score > 0:
                hits.append(Hit(unit, round(score, 4), round(coverage, 4), round(similarity, 4)))
        hits.sort(key=lambda h: (h.score, len(h.unit.span), h.similarity), reverse=True)  # ties: more context
        return hits[:limit]

    def _similarities(self, question_terms: list[str], candidates: Sequence[Unit], *, precomputed: bool) -> list[float]:
        """TF-IDF cosine of the question with each candidate (the index's own units are vectorised once)."""
        if not question_terms:
            return [0.0] * len(candidates)
        matrix = self._matrix if precomputed else self._vectorizer.transform([_document(u) for u in candidates])
        scores = linear_kernel(self._vectorizer.transform([question_terms]), matrix)
        return [float(s) for s in scores.ravel()[: len(candidates)]]


def _document(unit: Unit) -> list[str]:
    return sorted(unit.terms | unit.heading_terms) or ["<empty>"]


def _share(weighted: dict[str, float], held: frozenset[str]) -> float:
    total = sum(weighted.values())
    return sum(w for t, w in weighted.items() if t in held) / total if total else 0.0


def _unit_coverage(weighted: dict[str, float], unit: Unit) -> float:
    """The share of the question a unit's text holds, plus a part of what only its heading holds."""
    in_text = _share(weighted, unit.terms)
    in_heading = _share({t: w for t, w in weighted.items() if t not in unit.terms}, unit.heading_terms)
    return min(1.0, in_text + HEADING_WEIGHT * in_heading)


def _kind_factor(question: Question, unit: Unit) -> float:
    """Lower the score of a unit without any kind of fact the question asks for."""
    if not question.kinds or any(has_shape(unit.text, kind) for kind in question.kinds):
        return 1.0
    return min(KIND_PENALTY.get(kind, DEFAULT_KIND_PENALTY) for kind in question.kinds)


def _concept_anchored(question: Question, unit: Unit, coverage: float) -> float:
    """A sentence holding every subject (concept) the question names is surer than its words alone say."""
    concepts = {t for t in question.terms if t.startswith("@")}
    if concepts and concepts <= unit.terms | unit.heading_terms:
        return coverage + CONCEPT_BONUS * (1 - coverage)
    return coverage


def _window_factor(question: Question, unit: Unit) -> float:
    """Two sentences beat one only when each holds something the question asks about."""
    asked = set(question.terms)
    return 0.99 if unit.parts and asked and not all(part & asked for part in unit.parts) else 1.0


def _label_factor(question: Question, unit: Unit) -> float:
    """`Vacation: ...` is about vacation: matched only in its value, it answers something else."""
    if unit.label_terms and not unit.label_terms & set(question.terms):
        return UNLABELLED_MATCH_PENALTY
    return 1.0
