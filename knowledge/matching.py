"""Which postings a message names: organisations, acronyms, job numbers, titles; typos allowed."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from knowledge.model import Posting
from knowledge.spanish import in_english, plain
from knowledge.vocabulary import GENERIC_WORDS

_WORD_CUTOFF = 85.0
_PHRASE_CUTOFF = 88.0
_TITLE_CUTOFF = 90.0


_ROMAN = {"ii": "2", "iii": "3", "iv": "4", "v": "5"}

# "the district", "the city's": the employer named by its kind, matched against the employer's name.
_KINDS = r"(district|city|county|college|university)"
_EMPLOYER_KIND = re.compile(
    rf"\b(?:the|this|that) {_KINDS}\b"
    rf"|\b{_KINDS}(?: s)? (?:employees?|staff|workers?|jobs?|postings?|openings?|positions?|departments?|hr|recruiters?"
    r"|e ?mails?|messages?|letters?|websites?|web ?site|portal)\b"
)


def _plain(text: str) -> str:
    """Lower-case words and digits only, without accents; roman numerals as digits (`II` and `2` are one title)."""
    words = re.sub(r"[^a-z0-9]+", " ", plain(text)).split()
    return " ".join(_ROMAN.get(w, w) for w in words)


# Postings' names, ids and titles recur every message; users' messages are never cached.
_plain_name = lru_cache(maxsize=8192)(_plain)


def _names_alias(alias: str, text: str, tokens: list[str]) -> float:
    """How surely `text` names `alias` (0-100): exact for acronyms, fuzzy for names."""
    plain = _plain_name(alias)
    if not plain:
        return 0.0
    if alias.isupper() and " " not in alias:
        return 100.0 if any(t in (plain, f"{plain}s") for t in tokens) else 0.0
    if " " not in plain:
        if len(plain) < 4:
            return 0.0
        best = max((fuzz.ratio(plain, t) for t in tokens if abs(len(t) - len(plain)) <= 2), default=0.0)
        return best if best >= _WORD_CUTOFF else 0.0
    score = _contained_ratio(plain, " ".join(tokens))
    return score if score >= _PHRASE_CUTOFF else 0.0


def _contained_ratio(phrase: str, text: str) -> float:
    """How well the whole of `phrase` appears somewhere in `text` (0-100)."""
    if len(text) < len(phrase):
        return float(fuzz.ratio(phrase, text))
    return float(fuzz.partial_ratio(phrase, text))


def _strong_score(posting: Posting, text: str, tokens: list[str], alias_scores: dict[str, float]) -> float:
    """How surely the text names this posting by id, job number or an alias; `alias_scores` caches
    each alias's score for this text (postings of one employer share their aliases)."""
    plain_text = " ".join(tokens)
    ids = [posting.posting_id]
    job_number = posting.fact("job_number")
    if job_number:
        ids.append(job_number.text)
    if any(_plain_name(i) and f" {_plain_name(i)} " in f" {plain_text} " for i in ids):
        return 100.0
    best = 0.0
    for alias in posting.aliases:
        if alias not in alias_scores:
            alias_scores[alias] = _names_alias(alias, text, tokens)
        best = max(best, alias_scores[alias])
    return best


def _title_matches(postings: Sequence[Posting], tokens: list[str]) -> list[Posting]:
    """Postings whose title the text names; a title contained in a longer named one drops out."""
    text = f" {' '.join(tokens)} "
    titled = [(p, _plain_name(p.title)) for p in postings if p.title and _plain_name(p.title)]
    title_found: dict[str, bool] = {}
    for _, title in titled:
        if title not in title_found:
            title_found[title] = _contained_ratio(title, text.strip()) >= _TITLE_CUTOFF
    found = [(p, t) for p, t in titled if title_found[t]]
    named_in_full = [t for _, t in found if f" {t} " in text]
    return [p for p, t in found if not any(t != longer and t in longer for longer in named_in_full)]


def mentioned_postings(text: str, postings: Sequence[Posting]) -> list[Posting]:
    """The postings `text` names, best first: the organisation decides, the title narrows.

    Among postings of one employer (named, or named by its kind: "the district's payroll
    opening"), the words of one title that the others' titles lack pick that posting. Empty
    when none is named; several when the text fits them equally (a title two postings share).
    """
    tokens = _plain(text).split()
    if not tokens:
        return []
    alias_scores: dict[str, float] = {}
    scored = [(_strong_score(p, text, tokens, alias_scores), p) for p in postings]
    best = max((s for s, _ in scored), default=0.0)
    if best > 0:
        return narrow_by_title([p for s, p in scored if s == best], tokens)
    of_kind = postings_of_named_kind(text, postings)
    by_title = narrow_by_title(of_kind, tokens)
    if of_kind and len(by_title) < len(of_kind):
        return by_title
    return _title_matches(postings, tokens)


def narrow_by_title(candidates: Sequence[Posting], tokens: list[str]) -> list[Posting]:
    """The candidates whose title's own words (those the other titles lack) the text uses most.

    `hr` stands for `Human Resources`; typos within a letter or two are allowed. All candidates
    when no title word decides.
    """
    if len(candidates) < 2:
        return list(candidates)
    titles = [_plain_name(p.title or "").split() for p in candidates]
    shared = set.intersection(*(set(t) for t in titles))
    hits = [_title_word_hits(title, shared, tokens) for title in titles]
    most = max(hits)
    return [p for p, h in zip(candidates, hits, strict=True) if h == most] if most else list(candidates)


def _title_word_hits(title: list[str], shared: set[str], tokens: list[str]) -> int:
    own = [w for w in title if w not in shared and len(w) > 1 and not w.isdigit()]
    hits = sum(1 for w in own if any(fuzz.ratio(w, t) >= _WORD_CUTOFF for t in tokens if abs(len(t) - len(w)) <= 2))
    initials = {f"{a[0]}{b[0]}" for a, b in itertools.pairwise(title) if a not in shared or b not in shared}
    return hits + sum(1 for t in tokens if t in initials and t not in GENERIC_WORDS)  # `hr`, never `at`


def postings_of_named_kind(text: str, postings: Sequence[Posting]) -> list[Posting]:
    """Postings whose employer is of the kind the text names ("the district", "the city's").

    A weak hint, for when no posting is named, on the page or under discussion: "is it in the
    city?" on one posting's page must not switch to another. Spanish says it too: "el del distrito".
    """
    kinds = {kind for match in _EMPLOYER_KIND.findall(_plain(in_english(text))) for kind in match if kind}
    if not kinds:
        return []
    return [p for p in postings if p.aliases and kinds & set(_plain_name(p.aliases[0]).split())]
