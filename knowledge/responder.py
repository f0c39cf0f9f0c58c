"""Decide what to answer: the topic's answer, the sentences that answer the question, or "not stated".

The question decides, the topic only hints. A topic's answer is sent when it holds what was
asked; a narrow question gets the few sentences that answer it; a question the posting does
not answer gets an honest "the posting doesn't say". Follow-ups ("who evaluates them?", "and
the second one?") are answered about the last reply, more specifically, never with it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from knowledge.answers import Answer, answer, empty_section
from knowledge.model import Posting
from knowledge.question import Question, analyse
from knowledge.search import Hit, PostingIndex, Unit, windows_of
from knowledge.text import sentences
from knowledge.topics import TOPIC_WORDS, TOPICS
from knowledge.vocabulary import has_shape, terms


@dataclass(frozen=True)
class Thresholds:
    """Where answering stops and "not stated" starts (tuned on the benchmark's development questions)."""

    answer_min_score: float = 0.55  # a sentence must cover this share of the question's subject
    answer_min_similarity: float = 0.15  # ... and be this similar to it (TF-IDF cosine)
    topic_min_coverage: float = 0.75  # a topic's answer must cover this share to be sent
    narrow_min_score: float = 0.3  # a long topic answer is narrowed to sentences scoring this much
    short_answer_chars: int = 350  # a topic answer this short is sent whole
    max_sentences: int = 3
    close_to_best: float = 0.85  # further sentences are sent when they score this close to the best
    trust_topic_confidence: float = 0.7  # a topic the classifier is this sure of is trusted when nothing conflicts


DEFAULT_THRESHOLDS = Thresholds()
MAX_LIST_ITEMS = 15
SOFT_KINDS = frozenset({"who", "duration"})  # asked for, but a topic answer without them may still answer


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
    missing_item: int | None = None  # "and the fifth one?" when the last answer had fewer


@cache
def topic_terms(topic: str) -> frozenset[str]:
    """The terms a question about the topic may use ("test" for the selection process)."""
    return frozenset(terms(f"{TOPIC_WORDS.get(topic, '')} {topic.replace('_', ' ')}")) | topic_name_terms(topic)


@cache
def topic_name_terms(topic: str) -> frozenset[str]:
    """The terms that only name the topic ("the selection process"): a question with no other asks for it all."""
    return frozenset(terms(f"{TOPICS.get(topic, '')} {topic.replace('_', ' ')}"))


def respond(
    text: str,
    posting: Posting,
    index: PostingIndex,
    *,
    today: date,
    topic: str | None = None,
    confidence: float = 1.0,
    context: Context = Context(),
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Reply:
    """The reply to `text` about `posting`.

    `topic` (with the classifier's `confidence`) is a hint: its answer is sent when it holds what
    was asked, or when the classifier is sure and the question names no subject (concept) or kind
    of fact that the answer lacks.
    """
    question = analyse(text, posting)
    question = replace(question, terms=index.align(question))
    if context.items and question.ordinal and (question.refers_back or not question.terms):
        return _nth_item(context, question.ordinal)
    follow_up = bool(context.terms) and (question.refers_back or not question.terms)
    context_terms = context.terms if follow_up else ()
    fit = None
    if topic in TOPICS and (question.terms or not follow_up):  # "who evaluates them?" may still be a topic
        fit = _TopicFit.of(question, posting, index, topic, today)
    if fit and _sends_topic(fit, question, confidence, thresholds):
        reply = _topic_reply(question, index, fit, thresholds)
        if not (follow_up and any(item in reply.text for item in context.items)):  # never the same again
            return reply
    if not question.has_subject and not question.kinds and not context_terms:
        return Reply("", (), False, topic=topic, understood=False)
    found = _search_reply(question, index, context, context_terms, thresholds)
    if found is not None:
        return found
    return Reply("", (), False, topic=topic, subject=" ".join(question.subject), terms=question.terms)


def _sends_topic(fit: _TopicFit, question: Question, confidence: float, thresholds: Thresholds) -> bool:
    """Whether the topic's answer (or its "not stated") is the reply, before any sentence search.

    It is when it holds what was asked; when the posting states nothing on the topic and the
    question asks nothing beyond the topic; or when the classifier is sure and the question names
    no subject (concept) or kind of fact that the answer lacks: a topic is a hint, not the answer.
    """
    if not fit.composed.stated:
        return not [t for t in question.terms if t not in topic_terms(fit.topic)]
    if fit.coverage >= thresholds.topic_min_coverage:
        return True
    return confidence >= thresholds.trust_topic_confidence and not fit.conflicts


@dataclass(frozen=True)
class _TopicFit:
    """How well a topic's answer holds what the question asks."""

    topic: str
    composed: Answer
    units: tuple[Unit, ...]
    coverage: float  # IDF-weighted share of the question's terms the answer (or the topic's words) holds
    conflicts: tuple[str, ...]  # subjects (concepts) and kinds of fact asked for that the answer lacks
    empty_heading: str | None

    @classmethod
    def of(
        cls,
        question: Question,
        posting: Posting,
        index: PostingIndex,
        topic: str,
        today: date,
    ) -> _TopicFit:
        composed = answer(topic, posting, today)
        units = tuple(_answer_units(composed, index)) if composed.stated else ()
        held = frozenset().union(*(u.terms for u in units)) | topic_terms(topic)
        coverage = index.coverage(question.terms, held, {}) if question.terms else 1.0
        concepts = [t for t in question.terms if t.startswith("@")]
        conflicts = [t for t in concepts if t not in held] if not set(concepts) & held else []
        conflicts += [k for k in sorted(question.kinds - SOFT_KINDS) if not has_shape(composed.text, k)]
        if conflicts:
            coverage *= 0.5
        return cls(topic, composed, units, coverage, tuple(conflicts), empty_section(posting, topic))


def whole(posting: Posting, index: PostingIndex, key: str, today: date) -> Reply:
    """The whole of what a shortened reply was part of: `topic:<topic>` or `section:<heading>`."""
    kind, _, name = key.partition(":")
    if kind == "topic" and name in TOPICS:
        return _full(answer(name, posting, today), name)
    units = [u for u in index.units if u.section == name]
    if kind == "section" and units:
        return _from_units(units, topic=None)
    return Reply("", (), False, understood=False)


def _topic_reply(question: Question, index: PostingIndex, fit: _TopicFit, thresholds: Thresholds) -> Reply:
    """The topic's answer: whole when short or asked for, else the sentences that answer the question."""
    topic, composed = fit.topic, fit.composed
    if not composed.stated:
        return Reply("", (), False, topic=topic, subject=TOPICS[topic], empty_heading=fit.empty_heading)
    specific = [t for t in question.terms if t not in topic_name_terms(topic) and not index.is_common(t)]
    kinds = question.kinds - SOFT_KINDS
    short = len(composed.text) <= thresholds.short_answer_chars
    if question.wants_everything or short or not (specific or kinds):
        return _full(composed, topic, question)
    hits = index.search(question, within=[*fit.units, *windows_of(fit.units)])
    hits = [h for h in hits if _holds_specific(h.unit, specific, question)]
    if not hits or hits[0].score < thresholds.narrow_min_score:
        return _full(composed, topic, question)  # nothing narrower answers it: "how do I handle transcripts?"
    chosen = _best_of(hits, thresholds, fit.units)
    reply = _from_units(chosen, topic=topic, question=question)
    return replace(reply, whole=f"topic:{topic}") if len(chosen) < len(fit.units) else reply


def _holds_specific(unit: Unit, specific: Sequence[str], question: Question) -> bool:
    """Whether a sentence holds what the question asks beyond the topic's name, or the kind of fact."""
    return bool(set(specific) & unit.terms) or any(has_shape(unit.text, k) for k in question.kinds - SOFT_KINDS)


def _search_reply(
    question: Question,
    index: PostingIndex,
    context: Context,
    context_terms: Sequence[str],
    thresholds: Thresholds,
) -> Reply | None:
    """The posting's sentences that answer the question, when some answer it confidently."""
    within, follow_up = None, bool(context_terms)
    if context_terms and not question.terms:  # "what's their number?": in the last answer's sections
        units = [u for u in index.units if u.section in context.sections]
        within, context_terms = [*units, *windows_of(units)], ()
    hits = index.search(question, context_terms=context_terms, within=within, limit=8)
    if follow_up:  # a follow-up is answered more specifically, never with the last reply again
        last = "\n".join(context.items)
        hits = [h for h in hits if h.unit.text not in (last, " ".join(context.items))]
    min_similarity = thresholds.answer_min_similarity if question.terms else 0.0  # "their number?" has no words
    confident = [h for h in hits if h.score >= thresholds.answer_min_score and h.similarity >= min_similarity]
    if not confident:
        return None
    chosen = _best_of(confident[:1] if follow_up else confident, thresholds, index.units)
    reply = _from_units(chosen, topic=None, question=question)
    section_size = sum(1 for u in index.units if u.section == chosen[0].section)
    return replace(reply, whole=f"section:{chosen[0].section}") if section_size > len(chosen) else reply


def _best_of(hits: Sequence[Hit], thresholds: Thresholds, units: Sequence[Unit]) -> list[Unit]:
    """The best unit and those close to it (at most `max_sentences` sentences, none twice), in order.

    A sentence that introduces a list ("... include:") brings the list (from `units`) with it.
    """
    best = hits[0].score
    chosen: list[Unit] = []
    for hit in hits:
        if hit.score < best * thresholds.close_to_best:
            break
        sentences_so_far = sum(len(c.span) for c in chosen)
        fits = not chosen or sentences_so_far + len(hit.unit.span) <= thresholds.max_sentences
        if fits and not any(set(hit.unit.span) & set(c.span) for c in chosen):
            chosen.append(hit.unit)
    chosen.sort(key=lambda u: u.position)
    if chosen[-1].text.endswith(":"):
        chosen += _list_after(chosen[-1], units)
    return chosen


def _list_after(intro: Unit, units: Sequence[Unit]) -> list[Unit]:
    """The items that follow a sentence ending in a colon, up to the next such sentence."""
    items: list[Unit] = []
    for unit in units[intro.span[-1] + 1 :]:
        if unit.section != intro.section or len(items) >= MAX_LIST_ITEMS:
            break
        items.append(unit)
        if unit.text.endswith(":"):
            break
    return items


def _answer_units(composed: Answer, index: PostingIndex) -> list[Unit]:
    """A topic answer's sentences as units (the posting's own where it quotes them), a paragraph a line."""
    by_text = {u.text: u for u in index.units}
    default_section = composed.sections[0] if composed.sections else ""
    units: list[Unit] = []
    for number, line in enumerate(composed.text.split("\n")):
        for sentence in sentences(line) or [line]:
            quoted = by_text.get(sentence)
            units.append(
                Unit(
                    text=sentence,
                    section=quoted.section if quoted else default_section,
                    position=len(units),
                    terms=quoted.terms if quoted else frozenset(terms(sentence)),
                    heading_terms=quoted.heading_terms if quoted else frozenset(),
                    label_terms=quoted.label_terms if quoted else frozenset(),
                    paragraph=number,
                )
            )
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
    units: Sequence[Unit], *, topic: str | None, question: Question | None = None
) -> Reply:
    sections = tuple(dict.fromkeys(u.section for u in units if u.section))
    return Reply(
        "\n".join(u.text for u in units),
        sections,
        True,
        topic=topic,
        items=tuple(u.text for u in units),
        terms=tuple(question.terms) if question else (),
    )


def _nth_item(context: Context, ordinal: int) -> Reply:
    """`the second one`: that piece of the last reply (a line introducing a list is not one)."""
    items = tuple(item for item in context.items if not item.endswith(":"))
    if ordinal > len(items) or ordinal == 0:
        return Reply("", context.sections, False, terms=context.terms, missing_item=ordinal)
    item = items[ordinal - 1] if ordinal > 0 else items[-1]
    return Reply(item, context.sections, True, items=(item,), terms=context.terms)
