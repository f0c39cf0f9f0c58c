"""Plain data types for a parsed job posting; nothing here knows about storage or Rasa."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Fact:
    """A piece of posting text answering one question, with the section it came from."""

    text: str
    section: str


@dataclass(frozen=True)
class Contact:
    """An email address, phone number or web address found in a posting."""

    kind: str  # "email" | "phone" | "url"
    value: str
    purpose: str  # see knowledge.contacts.PURPOSES
    context: str  # the sentence it appears in
    section: str


@dataclass(frozen=True)
class Section:
    """A heading and the text under it, in posting order."""

    heading: str
    body: str


@dataclass(frozen=True)
class Salary:
    """A salary range as stated, with its period (annually, monthly, hourly, ...)."""

    low: float
    high: float | None
    period: str | None
    text: str
    section: str


@dataclass(frozen=True)
class Posting:
    """Everything extracted from one posting text."""

    posting_id: str
    title: str | None
    organisation: str | None
    acronym: str | None
    facts: dict[str, Fact]
    sections: tuple[Section, ...]
    contacts: tuple[Contact, ...]
    supplemental_questions: tuple[str, ...] = ()
    salary: Salary | None = None
    opening_date: date | None = None
    closing_date: date | None = None
    first_consideration_date: date | None = None
    open_continuous: bool = False
    may_close_any_time: bool = False
    aliases: tuple[str, ...] = field(default=())

    @property
    def display_name(self) -> str:
        """Title and organisation, as a person would name the posting."""
        parts = [p for p in (self.title, self.organisation) if p]
        return " — ".join(parts) if parts else self.posting_id

    def fact(self, key: str) -> Fact | None:
        """The fact stored under `key`, if the posting states it."""
        return self.facts.get(key)

    def contacts_for(self, *purposes: str) -> tuple[Contact, ...]:
        """Contacts whose purpose is one of `purposes`, in posting order."""
        return tuple(c for c in self.contacts if c.purpose in purposes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (dates as ISO strings)."""
        data = asdict(self)
        for key in ("opening_date", "closing_date", "first_consideration_date"):
            value = getattr(self, key)
            data[key] = value.isoformat() if value else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Posting:
        """Rebuild a posting from `to_dict` output."""

        def _date(value: str | None) -> date | None:
            return date.fromisoformat(value) if value else None

        salary = data.get("salary")
        return cls(
            posting_id=data["posting_id"],
            title=data.get("title"),
            organisation=data.get("organisation"),
            acronym=data.get("acronym"),
            facts={k: Fact(**v) for k, v in data.get("facts", {}).items()},
            sections=tuple(Section(**s) for s in data.get("sections", [])),
            contacts=tuple(Contact(**c) for c in data.get("contacts", [])),
            supplemental_questions=tuple(data.get("supplemental_questions", [])),
            salary=Salary(**salary) if salary else None,
            opening_date=_date(data.get("opening_date")),
            closing_date=_date(data.get("closing_date")),
            first_consideration_date=_date(data.get("first_consideration_date")),
            open_continuous=bool(data.get("open_continuous")),
            may_close_any_time=bool(data.get("may_close_any_time")),
            aliases=tuple(data.get("aliases", [])),
        )
