"""Decide what to answer: the topic's answer, the sentences that answer the question, or "not stated".

The question decides, the topic only hints. A topic's answer is sent when it holds what was
asked; a narrow question gets the few sentences that answer it; a question the posting does
not answer gets an honest "the posting doesn't say". Follow-ups ("who evaluates them?", "and
the second one?") are answered about the last reply, more specifically, never with it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from knowledge.answers import Answer, answer, empty_section
from knowledge.model import Posting
from knowledge.question import Question, analyse
from knowledge.search import Hit, PostingIndex, Unit
from knowledge.text import sentences
from knowledge.topics import TOPIC_WORDS, TOPICS
from knowledge.vocabulary import terms


@dataclass(frozen=True)
class Thresholds:
    """Where answering stops and "not stated" starts (tuned on the benchmark's development questions)."""

    answer_min_score: float = 0.75  # a sentence must cover this share of the question's subject
    answer_min_similarity: float = 0.1  # ... and be this similar to it (TF-IDF cosine)
    topic_min_coverage: float = 0.75  # a topic's answer must cover this share to be sent
    short_answer_chars: int = 350  # a topic answer this short is sent whole
    max_sentences: int = 3
    close_to_best: float = 0.85  # further sentences are sent when they score this close to the best


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Context:
    """What the conversation was just about: the last reply's pieces, sections and subject terms."""

    items: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reply:
    """What to say: the text quoted from the posting and its sections, or what the posting does not state.

    `whole` names what the text is a part of (`topic:benefits`, `section:BENEFITS`), for a
    "show the whole section" choice; `items` are the pieces sent, for follow-ups.
    """

    text: str
    sections: tuple[str, ...]
    stated: bool
    topic: str | None = None
    items: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    whole: str | None = None
    subject: str = ""
    empty_heading: str | None = None
    understood: bool = True
    hits: tuple[Hit, ...] = field(default=(), compare=False)


@cache
def topic_terms(topic: str) -> frozenset[str]:
    """The terms that ask for a topic as a whole."""
    return frozenset(terms(f"{TOPIC_WORDS.get(topic, '')} {topic.replace('_', ' ')}"))


def respond(
    text: str,
    posting: Posting,
    index: PostingIndex,
    *,
    today: date,
    topic: str | None = None,
    context: Context = Context(),
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Reply:
    """The reply to `text` about `posting`; `topic` is the classifier's guess, a hint only."""
    question = analyse(text, posting)
    if context.items and question.ordinal and (question.refers_back or not question.terms):
        return _nth_item(context, question.ordinal)
    follow_up = bool(context.terms) and (question.refers_back or not question.terms)
    context_terms = context.terms if follow_up else ()
    if topic in TOPICS and not follow_up:
        reply = _topic_reply(question, posting, index, topic, today, thresholds)
        if reply is not None:
            return reply
    if not question.has_subject and not question.kinds and not context_terms:
        return Reply("", (), False, topic=topic, understood=False)
    return _search_reply(question, index, context, context_terms, thresholds, topic)


def whole(posting: Posting, index: PostingIndex, key: str, today: date) -> Reply:
    """The whole of what a shortened reply was part of: `topic:<topic>` or `section:<heading>`."""
    kind, _, name = key.partition(":")
    if kind == "topic" and name in TOPICS:
        return _full(answer(name, posting, today), name)
    units = [u for u in index.units if u.section == name]
    if kind == "section" and units:
        return _from_units(units, topic=None)
    return Reply("", (), False, understood=False)


def _topic_reply(
    question: Question, posting: Posting, index: PostingIndex, topic: str, today: date, thresholds: Thresholds
) -> Reply | None:
    """The topic's answer (whole or its answering sentences) when it holds what was asked, else None."""
    composed = answer(topic, posting, today)
    general = topic_terms(topic)
    specific = [t for t in question.terms if t not in general]
    if not composed.stated:
        if specific:
            return None
        return Reply("", (), False, topic=topic, subject=TOPICS[topic], empty_heading=empty_section(posting, topic))
    units = _answer_units(composed, index)
    held = frozenset().union(*(u.terms for u in units)) | general
    if question.terms and index.coverage(question.terms, held, {}) < thresholds.topic_min_coverage:
        return None
    if question.wants_everything or len(composed.text) <= thresholds.short_answer_chars or not specific:
        return _full(composed, topic, question)
    hits = index.search(question, within=units)
    if not hits or hits[0].score < thresholds.answer_min_score:
        return _full(composed, topic, question)
    chosen = _best_of(hits, thresholds)
    reply = _from_units(chosen, topic=topic, question=question, hits=hits)
    return replace(reply, whole=f"topic:{topic}") if len(chosen) < len(units) else reply


def _search_reply(
    question: Question,
    index: PostingIndex,
    context: Context,
    context_terms: Sequence[str],
    thresholds: Thresholds,
    topic: str | None,
) -> Reply:
    """The posting's sentences that answer the question, or "not stated"."""
    hits = index.search(question, context_terms=context_terms, limit=8)
    if context_terms:  # a follow-up is answered more specifically, never with the last reply again
        hits = [h for h in hits if (h.unit.text,) != context.items and h.unit.text not in context.items] or [
            h for h in hits if (h.unit.text,) != context.items
        ]
    confident = [
        h for h in hits if h.score >= thresholds.answer_min_score and h.similarity >= thresholds.answer_min_similarity
    ]
    if not confident:
        subject = " ".join(question.subject) if question.subject else ""
        return Reply("", (), False, topic=topic, subject=subject, terms=question.terms, hits=tuple(hits))
    limit = 1 if context_terms else thresholds.max_sentences
    chosen = _best_of(confident, thresholds)[:limit]
    reply = _from_units(chosen, topic=None, question=question, hits=hits)
    section_size = sum(1 for u in index.units if u.section == chosen[0].section)
    return replace(reply, whole=f"section:{chosen[0].section}") if section_size > len(chosen) else reply


def _best_of(hits: Sequence[Hit], thresholds: Thresholds) -> list[Unit]:
    """The best unit and those close to it (at most `max_sentences`), in posting order."""
    best = hits[0].score
    close = [h.unit for h in hits if h.score >= best * thresholds.close_to_best][: thresholds.max_sentences]
    return sorted(close, key=lambda u: u.position)


def _answer_units(composed: Answer, index: PostingIndex) -> list[Unit]:
    """A topic answer's sentences as units (the posting's own where it quotes them)."""
    by_text = {u.text: u for u in index.units}
    default_section = composed.sections[0] if composed.sections else ""
    units: list[Unit] = []
    for line in composed.text.split("\n"):
        for sentence in sentences(line) or [line]:
            unit = by_text.get(sentence) or Unit(
                text=sentence,
                section=default_section,
                position=10_000 + len(units),
                terms=frozenset(terms(sentence)),
                heading_terms=frozenset(),
                label_terms=frozenset(),
            )
            units.append(unit)
    return units


def _full(composed: Answer, topic: str, question: Question | None = None) -> Reply:
    items = tuple(line for line in composed.text.split("\n") if line.strip())
    return Reply(
        composed.text,
        composed.sections,
        composed.stated,
        topic=topic,
        items=items,
        terms=tuple(question.terms) if question else tuple(sorted(topic_terms(topic))),
    )


def _from_units(
    units: Sequence[Unit], *, topic: str | None, question: Question | None = None, hits: Sequence[Hit] = ()
) -> Reply:
    sections = tuple(dict.fromkeys(u.section for u in units if u.section))
    return Reply(
        "\n".join(u.text for u in units),
        sections,
        True,
        topic=topic,
        items=tuple(u.text for u in units),
        terms=tuple(question.terms) if question else (),
        hits=tuple(hits),
    )


def _nth_item(context: Context, ordinal: int) -> Reply:
    """`the second one`: that piece of the last reply."""
    items = context.items
    if ordinal > len(items) or ordinal == 0:
        return Reply("", context.sections, False, subject=f"a number {ordinal} in my last answer", terms=context.terms)
    item = items[ordinal - 1] if ordinal > 0 else items[-1]
    return Reply(item, context.sections, True, items=(item,), terms=context.terms)
