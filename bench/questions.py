"""The benchmark's applicant questions (bench/questions.yml, and in Spanish bench/questions_es.yml) and how a
reply to one is judged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import yaml

QUESTIONS_FILE = Path(__file__).with_name("questions.yml")
SPANISH_QUESTIONS_FILE = Path(__file__).with_name("questions_es.yml")
NOT_STATED = re.compile(r"\bdoes not (?:state|say)\b|\bdoesn't (?:state|say)\b|\bno (?:indica|dice)\b", re.IGNORECASE)



class Replier(Protocol):
    """A running assistant the question sets are asked of (a `helpbot serve` stack, or the tests' servers)."""

    def reply(self, sender: str, message: str, metadata: dict[str, Any] | None = None) -> str:
        """The bot's reply texts to one message, joined."""

@dataclass(frozen=True)
class Question:
    """One applicant question about one posting and topic, with the facts a right reply contains."""

    text: str
    posting: str
    topic: str
    named: bool
    expect: tuple[str, ...] = field(default_factory=tuple)
    not_stated: bool = False

    @property
    def page_metadata(self) -> dict[str, Any]:
        """What the careers page sends with the message: the posting, unless the text names it."""
        return page_metadata(self.posting, named=self.named)

    def is_answered_by(self, reply: str) -> bool:
        """True when `reply` holds every expected fact, or says the posting does not state the topic."""
        if self.not_stated:
            return bool(NOT_STATED.search(reply))
        flat = normalize(reply)
        return all(normalize(fact) in flat for fact in self.expect)


def page_metadata(posting: str, *, named: bool) -> dict[str, Any]:
    """The careers page sends its posting with every message; a question that names one goes without."""
    return {} if named else {"posting_id": posting}


def normalize(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).casefold()


@lru_cache(maxsize=2)
def load_questions(path: Path = QUESTIONS_FILE) -> tuple[Question, ...]:
    """Every question in the file, in file order."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    return tuple(
        Question(
            text=entry["text"],
            posting=entry["posting"],
            topic=entry["topic"],
            named=bool(entry["named"]),
            expect=tuple(entry.get("expect") or ()),
            not_stated=bool(entry.get("not_stated", False)),
        )
        for entry in entries
    )
