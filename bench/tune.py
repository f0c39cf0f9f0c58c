"""`python -m bench.tune`: choose the answer thresholds on the long-tail `dev` half.

Each dev question (and each topic question of bench/questions.yml, so that tuning for the long
tail cannot quietly cost the topics) is classified once by the trained model, then answered in
process by `knowledge.responder.respond` under every combination of thresholds in the grid. The
combination with the most right answers wins; the held-out half is never read here.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

import click

from base.settings import PROJECT_ROOT, get_settings
from bench.longtail import load_longtail
from bench.questions import load_questions, normalize
from knowledge.model import Posting
from knowledge.parser import parse_posting
from knowledge.responder import DEFAULT_THRESHOLDS, Thresholds, respond
from knowledge.search import PostingIndex
from knowledge.topics import OUTSIDE_TOPICS_TRUST, likeliest_topic, topic_of_intent
from tests.servers import SEED_POSTINGS

MODEL = PROJECT_ROOT / "models" / "helpbot.tar.gz"
GRID: dict[str, tuple[float, ...]] = {
    "answer_min_score": (0.45, 0.55, 0.65, 0.75),
    "answer_min_similarity": (0.1, 0.15, 0.25),
    "trust_topic_confidence": (0.5, 0.6, 0.7, 0.8, 0.9),
    "topic_min_coverage": (0.6, 0.75, 0.9),
}
# How far the likeliest topic is trusted for a question the classifier put outside the topics (at the
# default thresholds).
TRUST_GRID = (0.6, 0.7, 0.8, 0.85, 0.9, 1.0)


@dataclass(frozen=True)
class Case:
    """A question with its posting, the classifier's guess, and what a right reply holds."""

    text: str
    posting: str
    intent: str | None
    confidence: float
    ranking: tuple[tuple[str, float], ...]
    answerable: bool
    expect: tuple[str, ...]
    long_tail: bool


Classified = tuple[str | None, float, tuple[tuple[str, float], ...]]


def classify(texts: list[str]) -> dict[str, Classified]:
    """Each text's intent, confidence and intent ranking from the trained model."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(MODEL))

    async def parse_all() -> dict[str, Classified]:
        found = {}
        for text in texts:
            parsed: dict[str, Any] = await agent.parse_message(text)
            ranking = tuple((str(r["name"]), float(r["confidence"])) for r in parsed.get("intent_ranking") or [])
            found[text] = (parsed["intent"].get("name"), float(parsed["intent"].get("confidence") or 0.0), ranking)
        return found

    return asyncio.run(parse_all())


def cases() -> list[Case]:
    """The dev half of the long tail and the topic questions, classified."""
    dev = [q for q in load_longtail() if q.split == "dev"]
    topics = load_questions()
    intents = classify([q.text for q in dev] + [q.text for q in topics])
    found = [Case(q.text, q.posting, *intents[q.text], q.answerable, q.expect, True) for q in dev]
    found += [Case(q.text, q.posting, *intents[q.text], not q.not_stated, q.expect, False) for q in topics]
    return found


def right(
    case: Case,
    thresholds: Thresholds,
    postings: dict[str, tuple[Posting, PostingIndex]],
    today: date,
    trust: float = OUTSIDE_TOPICS_TRUST,
) -> bool:
    """Whether `respond` gets this case right under these thresholds."""
    posting, index = postings[case.posting]
    topic, confidence = topic_of_intent(case.intent), case.confidence
    if topic is None:  # the hint actions.conversation.topic_hint gives
        topic, confidence = likeliest_topic(case.intent, case.ranking, trust)
    reply = respond(case.text, posting, index, today=today, topic=topic, confidence=confidence, thresholds=thresholds)
    if not case.answerable:
        return not reply.stated
    return reply.stated and all(normalize(fact) in normalize(reply.text) for fact in case.expect)


def _shares(
    classified: list[Case],
    thresholds: Thresholds,
    postings: dict[str, tuple[Posting, PostingIndex]],
    today: date,
    trust: float = OUTSIDE_TOPICS_TRUST,
) -> tuple[float, float]:
    """The share of long-tail (dev) cases and of topic cases `respond` gets right with these settings."""
    outcomes = [(case, right(case, thresholds, postings, today, trust)) for case in classified]
    long_tail = [ok for case, ok in outcomes if case.long_tail]
    topics = [ok for case, ok in outcomes if not case.long_tail]
    return sum(long_tail) / len(long_tail), sum(topics) / len(topics)


@click.command()
def main() -> None:
    """Print the best thresholds on the dev half, with their scores."""
    logging.disable(logging.WARNING)
    parsed = [parse_posting(p.read_text(encoding="utf-8"), p.stem) for p in SEED_POSTINGS.glob("*.txt")]
    postings = {p.posting_id: (p, PostingIndex(p)) for p in parsed}
    today = get_settings().today()
    classified = cases()
    results = []
    for values in itertools.product(*GRID.values()):
        score, similarity, confidence, coverage = values
        thresholds = Thresholds(
            answer_min_score=score,
            answer_min_similarity=similarity,
            trust_topic_confidence=confidence,
            topic_min_coverage=coverage,
        )
        results.append((*_shares(classified, thresholds, postings, today), values))
    results.sort(key=lambda r: r[0] + r[1], reverse=True)
    click.echo(" | ".join([*GRID, "long tail (dev)", "topic questions"]))
    for long_tail_share, topic_share, values in results[:10]:
        click.echo(" | ".join([*(str(v) for v in values), f"{long_tail_share:.3f}", f"{topic_share:.3f}"]))
    click.echo("\noutside_topics_trust | long tail (dev) | topic questions")
    for trust in TRUST_GRID:
        long_tail_share, topic_share = _shares(classified, DEFAULT_THRESHOLDS, postings, today, trust)
        click.echo(f"{trust} | {long_tail_share:.3f} | {topic_share:.3f}")


if __name__ == "__main__":
    main()
