"""Passage search inside one posting (TF-IDF, cosine similarity), for questions no topic covers."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

from knowledge.model import Posting
from knowledge.sections import QUESTIONS_SECTION, key_value
from knowledge.text import sentences

_STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {
    "job",
    "position",
    "posting",
    "does",
    "did",
    "need",
    "know",
    "tell",
    "want",
    "question",
    "please",
    "hi",
    "hello",
    "thanks",
    "ok",
    "okay",
    "hey",
    "apply",
    "applying",
    "applied",
}
_SUFFIXES = ("ies", "ing", "ed", "es", "s")
_MAX_PASSAGE_SENTENCES = 3
_MIN_PASSAGE_WORDS = 5


@dataclass(frozen=True)
class Passage:
    """A few sentences of one section."""

    text: str
    section: str


@dataclass(frozen=True)
class Hit:
    """A passage and how well it matches the question (cosine similarity, 0 to 1)."""

    passage: Passage
    score: float


def _stem(token: str) -> str:
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            return token[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return token


_COMPOUNDS = re.compile(r"\b(full|part)[\s-]+time\b|\bon[\s-]+line\b|\be[\s-]+mail\b")


def _join_compounds(text: str) -> str:
    """`full time`, `full-time` and `fulltime` are one word; so are `on-line`/`online`, `e-mail`/`email`."""
    return _COMPOUNDS.sub(lambda m: m.group(0).replace("-", "").replace(" ", ""), text)


def analyse(text: str, ignore: frozenset[str] = frozenset()) -> list[str]:
    """Lower-case, drop stop words (and `ignore`), crudely stem; unigrams and bigrams."""
    text = _join_compounds(text.lower())
    words = (t for t in re.findall(r"[a-z0-9]+", text) if t not in _STOP_WORDS)
    tokens = [stem for stem in map(_stem, words) if stem not in ignore]
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


def _already_analysed(terms: list[str]) -> list[str]:
    return terms


def _name_words(posting: Posting) -> frozenset[str]:
    """Words that name the posting (title, organisation, acronym): they say which, not what."""
    names = " ".join(n for n in (posting.title, posting.organisation, *posting.aliases) if n)
    return frozenset(_stem(word) for word in re.findall(r"[a-z0-9]+", names.lower()))


def passages_of(posting: Posting) -> list[Passage]:
    """The posting's searchable passages: each paragraph, long ones cut into a few sentences."""
    found: list[Passage] = []
    for section in posting.sections:
        for paragraph in section.body.split("\n"):
            if key_value(paragraph):  # a header field (`Job Type: ...`) is a passage of its own
                found.append(Passage(paragraph, section.heading))
                continue
            if section.heading == QUESTIONS_SECTION and paragraph.startswith("-"):
                continue  # an answer option of a supplemental question says nothing about the job
            parts = sentences(paragraph)
            for start in range(0, len(parts), _MAX_PASSAGE_SENTENCES):
                text = " ".join(parts[start : start + _MAX_PASSAGE_SENTENCES]).strip()
                if len(re.findall(r"[A-Za-z]+", text)) >= _MIN_PASSAGE_WORDS:
                    found.append(Passage(text, section.heading))
    return found


class PostingIndex:
    """A TF-IDF index over one posting's passages; never mixes postings."""

    def __init__(self, posting: Posting) -> None:
        self.posting_id = posting.posting_id
        self.passages = passages_of(posting)
        self._name_words = _name_words(posting)
        self._vectorizer = TfidfVectorizer(analyzer=_already_analysed, sublinear_tf=True)
        documents = [analyse(f"{p.section} {p.text}") for p in self.passages] or [["empty"]]
        self._matrix = self._vectorizer.fit_transform(documents)

    def search(self, question: str, *, limit: int = 3) -> list[Hit]:
        """The best passages for `question`, best first, with scores above zero."""
        terms = analyse(question, self._name_words)
        if not self.passages or not terms:
            return []
        query = self._vectorizer.transform([terms])
        scores = linear_kernel(query, self._matrix).ravel()
        ranked = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)[:limit]
        return [Hit(self.passages[i], float(scores[i])) for i in ranked if scores[i] > 0]
