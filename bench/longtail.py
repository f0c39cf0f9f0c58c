"""Long-tail questions (bench/longtail.yml): the right sentence, briefly, or an honest "not stated".

Half the questions are answerable from one sentence outside the 18 topics or inside a long
section; half are common applicant questions the posting does not answer. The answer thresholds
are tuned on the `dev` half (`python -m bench.tune`); the report's headline is the `heldout` half.
"""

from __future__ import annotations

import re
import statistics
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from actions import names
from actions.catalog import CATALOGS
from bench.questions import NOT_STATED, Replier, normalize, page_metadata

LONGTAIL_FILE = Path(__file__).with_name("longtail.yml")
# "From the posting:", "De la convocatoria:"
CITATION_PREFIXES = tuple(texts[names.CAPTION_FROM_POSTING].split("{")[0].strip() for texts in CATALOGS.values())
SPLITS = ("dev", "heldout")
# A decline points somewhere: an email address, a phone number, or the employer's HR office.
_POINTS_TO_CONTACT = re.compile(
    r"@|\(\d{3}\)|\d{3}-\d{4}|https?://|human resources office|oficina de recursos humanos", re.IGNORECASE
)


@dataclass(frozen=True)
class LongtailQuestion:
    """One question, answerable (with strings the right sentence holds) or not, in one split."""

    text: str
    posting: str
    named: bool
    kind: str
    answerable: bool
    split: str
    expect: tuple[str, ...] = field(default_factory=tuple)
    broad: bool = False
    trap: bool = False

    @property
    def page_metadata(self) -> dict[str, Any]:
        """What the careers page sends with the message: the posting, unless the text names it."""
        return page_metadata(self.posting, named=self.named)


@lru_cache(maxsize=1)
def load_longtail(path: Path = LONGTAIL_FILE) -> tuple[LongtailQuestion, ...]:
    """Every long-tail question, in file order."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    return tuple(
        LongtailQuestion(
            text=e["text"],
            posting=e["posting"],
            named=bool(e["named"]),
            kind=e["kind"],
            answerable=bool(e["answerable"]),
            split=e["split"],
            expect=tuple(e.get("expect") or ()),
            broad=bool(e.get("broad", False)),
            trap=bool(e.get("trap", False)),
        )
        for e in entries
    )


def declines(reply: str) -> bool:
    """The reply says the posting does not say, and points to someone to ask."""
    return bool(NOT_STATED.search(reply)) and bool(_POINTS_TO_CONTACT.search(reply))


def quotes(reply: str, expect: tuple[str, ...]) -> bool:
    """The reply answers (does not decline) and holds every expected string."""
    flat = normalize(reply)
    return not NOT_STATED.search(reply) and all(normalize(fact) in flat for fact in expect)


def answer_length(reply: str) -> int:
    """Characters of the answer itself, without its citation line."""
    for prefix in CITATION_PREFIXES:
        reply = reply.split(f"\n\n{prefix}")[0]
    return len(reply.strip())


def judge(question: LongtailQuestion, reply: str) -> dict[str, Any]:
    """Whether the reply is right, and how it went wrong when it is not."""
    declined = declines(reply)
    right = quotes(reply, question.expect) if question.answerable else declined
    return {"right": right, "declined": declined, "length": answer_length(reply)}


def score(outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    """The issue's metrics over some outcomes."""
    answerable = [o for o in outcomes if o["question"].answerable]
    unanswerable = [o for o in outcomes if not o["question"].answerable]
    declined = [o for o in outcomes if o["declined"]]
    narrow = [o["length"] for o in answerable if o["right"] and not o["question"].broad]
    lengths = [o["length"] for o in outcomes if not o["declined"]]
    return {
        "asked": len(outcomes),
        "answerable": len(answerable),
        "answerable_right": _share(sum(o["right"] for o in answerable), len(answerable)),
        "unanswerable": len(unanswerable),
        "declined_right": _share(sum(o["declined"] for o in unanswerable), len(unanswerable)),
        "wrongly_declined": _share(sum(o["declined"] for o in answerable), len(answerable)),
        "not_stated_precision": _share(sum(not o["question"].answerable for o in declined), len(declined)),
        "not_stated_recall": _share(sum(o["declined"] for o in unanswerable), len(unanswerable)),
        "narrow_median_chars": statistics.median(narrow) if narrow else None,
        "reply_p50_chars": _percentile(lengths, 50),
        "reply_p95_chars": _percentile(lengths, 95),
    }


def _share(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None


def _percentile(values: list[int], percent: int) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))])


def measure_longtail(assistant: Replier, progress: Any) -> dict[str, Any]:
    """Every question over REST in a new conversation; the metrics per split and per kind; the misses."""
    outcomes = []
    for question in load_longtail():
        reply = assistant.reply(f"longtail-{uuid.uuid4().hex}", question.text, question.page_metadata)
        outcomes.append({"question": question, "reply": reply, **judge(question, reply)})
        progress.update(1)
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for outcome in outcomes:
        if outcome["question"].split == "heldout":
            by_kind[outcome["question"].kind].append(outcome)
    return {
        "splits": {name: score([o for o in outcomes if o["question"].split == name]) for name in SPLITS},
        "heldout_by_kind": {kind: score(items) for kind, items in sorted(by_kind.items())},
        "misses": [
            {"question": o["question"].text, "posting": o["question"].posting, "split": o["question"].split,
             "kind": o["question"].kind,
             "expected": list(o["question"].expect) or "declines, naming a contact", "reply": o["reply"]}
            for o in outcomes if not o["right"] and o["question"].split == "heldout"
        ],
    }  # fmt: skip
