"""The share of the benchmark's applicant questions whose reply holds the right fact, in English and in Spanish.

Each question goes to the running assistant over REST in a new conversation, with the page's
posting as metadata when the text does not name one (as the careers page sends it).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from bench.questions import Question, Replier, load_questions


def ask_all(assistant: Replier, questions: tuple[Question, ...], progress: Any) -> list[dict[str, Any]]:
    """Every question's reply and whether it is right."""
    outcomes = []
    for question in questions:
        reply = assistant.reply(f"answers-{uuid.uuid4().hex}", question.text, question.page_metadata)
        outcomes.append({"question": question, "reply": reply, "right": question.is_answered_by(reply)})
        progress.update(1)
    return outcomes


def share(outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    right = sum(1 for outcome in outcomes if outcome["right"])
    return {"right": right, "asked": len(outcomes), "share": round(right / len(outcomes), 4)}


def measure_answers(
    assistant: Replier, progress: Any, questions: tuple[Question, ...] | None = None
) -> dict[str, Any]:
    """Overall share, and by posting, by topic and by whether the text named the posting; the misses."""
    outcomes = ask_all(assistant, load_questions() if questions is None else questions, progress)
    groups: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for outcome in outcomes:
        question: Question = outcome["question"]
        groups["by_posting"][question.posting].append(outcome)
        groups["by_topic"][question.topic].append(outcome)
        groups["by_naming"]["named in the text" if question.named else "from the page"].append(outcome)
    return {
        **share(outcomes),
        **{group: {key: share(items) for key, items in sorted(members.items())} for group, members in groups.items()},
        "misses": [
            {"question": o["question"].text, "posting": o["question"].posting, "topic": o["question"].topic,
             "expected": list(o["question"].expect) or "says the posting does not state it", "reply": o["reply"]}
            for o in outcomes if not o["right"]
        ],
    }  # fmt: skip
