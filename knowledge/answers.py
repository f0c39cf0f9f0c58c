"""Compose an answer on one topic for one posting, from that posting's text alone."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from knowledge.model import Contact, Fact, Posting
from knowledge.text import sentences
from knowledge.topics import TOPICS

# The sentences and labels answers compose around what they quote, by name. They are English, as the
# postings are, and the search reads them; a reply in another language renders them from its own
# catalog by these names (actions.answer_language). {date} and {today} are dates (`format_date`).
PHRASES: dict[str, str] = {
    "filing_period": "Filing period: {text}",
    "closes_on": "Applications close on {date}.",
    "opening_date": "Opening date: {date}.",
    "not_open_yet": "As of today ({today}), the filing period has not opened yet.",
    "ended": "As of today ({today}), that filing period has ended.",
    "open_last_day": "As of today ({today}), the filing period is open (today is the last day).",
    "open_one_day_left": "As of today ({today}), the filing period is open (1 day left).",
    "open_days_left": "As of today ({today}), the filing period is open ({days} days left).",
    "open_until_closed": "As of today ({today}), the posting gives no closing date: it stays open until it is closed.",
    "open_until_closed_first_passed": (
        "As of today ({today}), the posting gives no closing date: it stays open until it is closed, "
        "and the first-consideration date ({date}) has passed."
    ),
    "no_closing_date": "The posting does not give a closing date.",
    "salary": "Salary: {text}",
    "location": "Location: {text}",
    "department": "Department: {text}",
    "division": "Division: {text}",
    "site": "Site: {text}",
    "job_type": "Job type: {text}",
    "job_number": "Job number: {text}",
    "supplemental_questions": "The application asks these supplemental questions:",
    "contact_selection": "Questions about the selection process: {text}",
    "contact_technical": "Technical help with the online application: {text}",
    "contact_it_help": "VPN / IT help: {text}",
    "contact_accommodation": "Reasonable accommodations: {text}",
    "contact_extension": "Deadline extensions: {text}",
    "contact_evaluation": "Approved foreign transcript evaluators: {text}",
    "contact_equal_opportunity": "Equal opportunity inquiries: {text}",
    "contact_general": "General: {text}",
    "contact_other": "Contact: {text}",
}


def phrase(name: str, **values: str) -> str:
    """One of the `PHRASES`, filled in."""
    return PHRASES[name].format(**values)
_CONTACT_PREFERENCE = ("selection", "general", "technical", "accommodation", "it_help")


@dataclass(frozen=True)
class Answer:
    """An answer's text, the posting sections it quotes, and whether the posting states it."""

    text: str
    sections: tuple[str, ...]
    stated: bool


def format_date(day: date) -> str:
    """`2025-12-11` -> `December 11, 2025`."""
    return f"{day:%B} {day.day}, {day.year}"


def _answer(parts: Iterable[tuple[str, str | None]]) -> Answer:
    """Join (text, section) parts, dropping repeated sentences; no parts means not stated."""
    texts: list[str] = []
    sections: list[str] = []
    seen: set[str] = set()
    for text, section in parts:
        kept = [s for s in _sentences_of(text) if s not in seen]
        seen.update(kept)
        if not kept:
            continue
        texts.append(" ".join(kept) if "\n" not in text else text)
        if section and section not in sections:
            sections.append(section)
    return Answer("\n".join(texts), tuple(sections), bool(texts))


def _sentences_of(text: str) -> list[str]:
    return [s for line in text.split("\n") for s in (sentences(line) or [line]) if s.strip()]


def _facts(posting: Posting, *keys: str) -> list[tuple[str, str | None]]:
    found = [posting.fact(k) for k in keys]
    return [(f.text, f.section) for f in found if f is not None]


def _contact_lines(
    contacts: Iterable[Contact], already: Iterable[tuple[str, str | None]] = ()
) -> list[tuple[str, str | None]]:
    """A line per contact, leaving out those the quoted text already gives."""
    said = " ".join(text for text, _ in already)
    return [(phrase(_contact_phrase(c.purpose), text=c.value), c.section) for c in contacts if c.value not in said]


def _contact_phrase(purpose: str) -> str:
    return f"contact_{purpose}" if f"contact_{purpose}" in PHRASES else "contact_other"


def _with_contacts(posting: Posting, fact_keys: tuple[str, ...], *purposes: str) -> Answer:
    facts = _facts(posting, *fact_keys)
    return _answer(facts + _contact_lines(posting.contacts_for(*purposes), facts))


def deadline(posting: Posting, today: date) -> Answer:
    """Filing period, opening date, open or closed as of today, and where extensions are posted."""
    parts = [(phrase("filing_period", text=text), section) for text, section in _facts(posting, "filing_period")]
    if not parts and posting.closing_date:
        closes = phrase("closes_on", date=format_date(posting.closing_date))
        parts.append((closes, _section(posting, "closing_date")))
    if posting.opening_date and not _mentions_date(parts, posting.opening_date):
        opens = phrase("opening_date", date=format_date(posting.opening_date))
        parts.append((opens, _section(posting, "opening_date", "published_date")))
    parts += _facts(posting, "first_consideration", "continuous")
    status = _filing_status(posting, today)
    if not parts:
        return Answer("", (), False)
    parts.append((status, None))
    extension = posting.fact("deadline_extension")
    if extension:
        parts.append((extension.text, extension.section))
    return _answer(parts)


def _mentions_date(parts: list[tuple[str, str | None]], day: date) -> bool:
    return any(
        str(day.year) in text and (day.strftime("%B") in text or f"{day.month:02d}/" in text) for text, _ in parts
    )


def _section(posting: Posting, *keys: str) -> str | None:
    return next((f.section for f in (posting.fact(k) for k in keys) if f), None)


def _filing_status(posting: Posting, today: date) -> str:
    as_of = format_date(today)
    if posting.opening_date and today < posting.opening_date:
        return phrase("not_open_yet", today=as_of)
    if posting.closing_date:
        if today > posting.closing_date:
            return phrase("ended", today=as_of)
        days = (posting.closing_date - today).days
        if days <= 1:
            return phrase("open_last_day" if days == 0 else "open_one_day_left", today=as_of)
        return phrase("open_days_left", today=as_of, days=str(days))
    if posting.open_continuous or posting.may_close_any_time:
        first = posting.first_consideration_date
        if first and today > first:
            return phrase("open_until_closed_first_passed", today=as_of, date=format_date(first))
        return phrase("open_until_closed", today=as_of)
    return phrase("no_closing_date")


def salary(posting: Posting, today: date) -> Answer:
    """The salary range as stated."""
    if posting.salary:
        pay = posting.salary
        return _answer([(phrase("salary", text=pay.text), pay.section)])
    return _answer(_facts(posting, "salary"))


def vpn(posting: Posting, today: date) -> Answer:
    """VPN instructions with the IT help contacts."""
    return _answer(_facts(posting, "vpn", "it_help"))


_VPN_RE = re.compile(r"\bVPN\b|virtual (?:private )?network", re.IGNORECASE)
_LABEL_LEAD = re.compile(r"^[^:.]{1,40}:\s+(?=\S)")
_NOTICE_LEAD = re.compile(r"^please (?:be advised|note|be aware)(?: that)?,?\s+", re.IGNORECASE)


def vpn_note(posting: Posting) -> Fact | None:
    """The posting's VPN guidance in one sentence (the one naming the VPN), without its preamble.

    `LAUSD Employees: Please be advised that all LAUSD employees must sign in to the ... VPN in
    order to submit ...` -> `All LAUSD employees must sign in to the ... VPN to submit ...`.
    """
    fact = posting.fact("vpn")
    if fact is None:
        return None
    found = _sentences_of(fact.text)
    sentence = next((s for s in found if _VPN_RE.search(s)), found[0] if found else "")
    short = _NOTICE_LEAD.sub("", _LABEL_LEAD.sub("", sentence.strip()))
    short = re.sub(r"\bin order to\b", "to", short)
    return Fact(short[:1].upper() + short[1:], fact.section) if short else None


def transcripts(posting: Posting, today: date) -> Answer:
    """When to present transcripts, foreign evaluation, the DETAILED report, approved evaluators."""
    return _answer(_facts(posting, "transcripts", "foreign_evaluation", "detailed_report", "evaluators_link"))


def accommodation(posting: Posting, today: date) -> Answer:
    """How to request a reasonable accommodation."""
    return _with_contacts(posting, ("accommodation",), "accommodation")


def requirements(posting: Posting, today: date) -> Answer:
    """Education, experience, substitutions, and by when they must be met."""
    return _answer(_facts(posting, "requirements", "substitution", "requirements_deadline"))


def selection_process(posting: Posting, today: date) -> Answer:
    """The selection process, with who answers questions about it."""
    return _with_contacts(posting, ("selection_process",), "selection")


def eligibility_list(posting: Posting, today: date) -> Answer:
    """Who gets offers from the eligibility list and how long it lasts."""
    return _answer(_facts(posting, "eligibility_list"))


def benefits(posting: Posting, today: date) -> Answer:
    """The benefits as stated."""
    return _answer(_facts(posting, "benefits"))


def contact(posting: Posting, today: date) -> Answer:
    """Every contact the posting gives, by what it is for."""
    useful = [c for c in posting.contacts if c.purpose not in ("social", "class_description")]
    return _answer(_contact_lines(useful))


def technical_help(posting: Posting, today: date) -> Answer:
    """Where to get help with the online application."""
    return _with_contacts(posting, ("technical_help",), "technical")


def confirmation_email(posting: Posting, today: date) -> Answer:
    """What the confirmation email means and whom to ask when it did not come."""
    if not posting.fact("confirmation_email"):
        return Answer("", (), False)
    return _with_contacts(posting, ("confirmation_email",), "technical")


def location(posting: Posting, today: date) -> Answer:
    """Location, department, division and site, as stated."""
    parts: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for key in ("location", "department", "division", "site", "job_type"):
        fact = posting.fact(key)
        if fact and fact.text not in seen:
            seen.add(fact.text)
            parts.append((fact.text if len(fact.text) > 60 else phrase(key, text=fact.text), fact.section))
    return _answer(parts)


def job_number(posting: Posting, today: date) -> Answer:
    """The job number."""
    fact = posting.fact("job_number")
    return _answer([(phrase("job_number", text=fact.text), fact.section)] if fact else [])


def duties(posting: Posting, today: date) -> Answer:
    """The duties, as listed."""
    return _answer(_facts(posting, "duties"))


def probation(posting: Posting, today: date) -> Answer:
    """The probationary period."""
    return _answer(_facts(posting, "probation"))


def background_check(posting: Posting, today: date) -> Answer:
    """Background checks, fingerprinting and the like."""
    return _answer(_facts(posting, "background_check"))


def supplemental_questions(posting: Posting, today: date) -> Answer:
    """The supplemental questions, numbered; else what the posting says of its questionnaire."""
    fact = posting.fact("supplemental_questions")
    if not fact:
        return _answer(_facts(posting, "supplemental_mention"))
    listed = "\n".join(f"{i}. {q}" for i, q in enumerate(posting.supplemental_questions, start=1))
    return Answer(f"{phrase('supplemental_questions')}\n{listed}", (fact.section,), True)


COMPOSERS: dict[str, Callable[[Posting, date], Answer]] = {
    "deadline": deadline,
    "vpn": vpn,
    "transcripts": transcripts,
    "accommodation": accommodation,
    "salary": salary,
    "requirements": requirements,
    "selection_process": selection_process,
    "eligibility_list": eligibility_list,
    "benefits": benefits,
    "contact": contact,
    "technical_help": technical_help,
    "confirmation_email": confirmation_email,
    "location": location,
    "job_number": job_number,
    "duties": duties,
    "probation": probation,
    "background_check": background_check,
    "supplemental_questions": supplemental_questions,
}
assert set(COMPOSERS) == set(TOPICS), "every topic needs a composer"


def answer(topic: str, posting: Posting, today: date) -> Answer:
    """Answer `topic` for `posting` as of `today`."""
    return COMPOSERS[topic](posting, today)


# topic -> the contacts that answer questions of that kind, before the general preference
_TOPIC_CONTACTS: dict[str, tuple[str, ...]] = {
    "accommodation": ("accommodation",),
    "technical_help": ("technical",),
    "confirmation_email": ("technical",),
    "vpn": ("it_help", "technical"),
    "deadline": ("extension",),
}


def best_contact(posting: Posting, topic: str | None = None) -> Contact | None:
    """The contact to point to when the posting does not answer a question (about `topic`, if known)."""
    for purpose in (*_TOPIC_CONTACTS.get(topic or "", ()), *_CONTACT_PREFERENCE):
        found = [c for c in posting.contacts_for(purpose) if c.kind in ("email", "phone")]
        if found:
            return found[0]
    return next((c for c in posting.contacts if c.kind in ("email", "phone")), None)


def empty_section(posting: Posting, topic: str) -> str | None:
    """A heading for `topic` that the posting has but left empty (for example SALARY DETAILS)."""
    patterns = {"salary": r"salary|compensation|pay", "benefits": r"benefit", "duties": r"dut(?:y|ies)"}
    pattern = patterns.get(topic)
    if not pattern:
        return None
    return next((s.heading for s in posting.sections if not s.body and re.search(pattern, s.heading, re.I)), None)


__all__ = ["PHRASES", "Answer", "Fact", "answer", "best_contact", "empty_section", "format_date", "phrase"]
