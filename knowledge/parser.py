"""Turn a posting's text into a `Posting`: header fields, dates, salary, topic facts, contacts.

Everything is found by the structure and wording common to public-sector postings, never by one
posting's exact text, so a new posting in the same styles parses without code changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from knowledge.contacts import EMAIL_RE, PHONE_RE, URL_RE, extract_contacts
from knowledge.model import Contact, Fact, Posting, Salary, Section
from knowledge.sections import HEADER_FIELDS, HEADER_SECTION, QUESTIONS_SECTION, key_value, split_sections
from knowledge.text import (
    DATE_RANGE_RE,
    DATE_RE,
    MONEY_RANGE_RE,
    first_date,
    normalise,
    normalise_period,
    parse_date_range,
    sentences,
    to_number,
)

# Every field `helpbot ingest` reports as found or missing.
FIELDS: tuple[str, ...] = (
    "title",
    "organisation",
    "location",
    "department",
    "division",
    "site",
    "job_number",
    "salary",
    "filing_period",
    "opening_date",
    "closing_date",
    "first_consideration",
    "continuous",
    "requirements",
    "education",
    "experience",
    "substitution",
    "requirements_deadline",
    "transcripts",
    "foreign_evaluation",
    "detailed_report",
    "evaluators_link",
    "vpn",
    "it_help",
    "accommodation",
    "selection_process",
    "eligibility_list",
    "benefits",
    "probation",
    "background_check",
    "duties",
    "supplemental_questions",
    "contacts",
)

_I = re.IGNORECASE
_FOLLOW_UP = re.compile(
    r"^(?:please (?:call|contact|email|visit)|call|contact|email|visit|for (?:more|assistance|a list|additional))", _I
)
_CONTINUOUS_RE = re.compile(r"continuous|until (?:\w+ )*filled", re.IGNORECASE)
_ORG_WORDS = frozenset({"of", "the", "and", "for", "ca", "california", "us", "usa", "inc"})
_GENERIC_ORG_WORDS = _ORG_WORDS | {
    "city",
    "county",
    "state",
    "district",
    "unified",
    "school",
    "schools",
    "department",
    "town",
    "village",
    "community",
    "college",
    "university",
    "authority",
    "public",
    "agency",
    "government",
    "office",
    "board",
}
_ORG_PATTERN = re.compile(
    r"\b(?:(?:City|County|State|Town|Village) of [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*"
    r"|(?:[A-Z][A-Za-z]+ ){1,5}(?:School District|County|Community College District|Authority))\b"
)


def parse_posting(text: str, posting_id: str) -> Posting:
    """Parse one posting's text. Raises ValueError when the text has no content."""
    clean = normalise(text)
    if not re.search(r"[A-Za-z]{3}", clean):
        raise ValueError("the posting has no readable text")
    sections = tuple(split_sections(clean))
    fields = _header_fields(clean)
    contacts = extract_contacts(sections)
    title, organisation = _title(clean, fields), _organisation(clean, fields)
    acronym = _acronym(organisation, clean)
    facts = _facts(sections, fields, contacts, title, organisation)
    opening, closing = _opening_and_closing(fields, facts)
    return Posting(
        posting_id=posting_id,
        title=title,
        organisation=organisation,
        acronym=acronym,
        facts=facts,
        sections=sections,
        contacts=contacts,
        supplemental_questions=_supplemental_questions(sections),
        salary=_salary(facts.get("salary")),
        opening_date=opening,
        closing_date=closing,
        first_consideration_date=_first_date_of(facts.get("first_consideration")),
        open_continuous=_states(facts.get("continuous"), _CONTINUOUS_RE.pattern),
        may_close_any_time=_states(facts.get("continuous"), r"may close"),
        aliases=_aliases(title, organisation, acronym, fields),
    )


def missing_fields(posting: Posting) -> list[str]:
    """The FIELDS this posting does not state."""
    present = set(posting.facts) | {k for k in ("title", "organisation") if getattr(posting, k)}
    derived = {
        "salary": posting.salary,
        "opening_date": posting.opening_date,
        "closing_date": posting.closing_date,
        "first_consideration": posting.first_consideration_date,
    }
    present = {k for k in present if k not in derived} | {k for k, v in derived.items() if v}
    if posting.supplemental_questions:
        present.add("supplemental_questions")
    if posting.contacts:
        present.add("contacts")
    return [f for f in FIELDS if f not in present]


# --- header -------------------------------------------------------------------------------


def _header_fields(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in text.split("\n"):
        pair = key_value(line)
        if pair and pair[0] not in fields:
            fields[pair[0]] = pair[1]
    return fields


def _first_field(fields: dict[str, str], *keys: str) -> str | None:
    return next((fields[k] for k in keys if fields.get(k)), None)


def _title(text: str, fields: dict[str, str]) -> str | None:
    named = _first_field(fields, *HEADER_FIELDS["title"])
    if named:
        return named
    hiring = re.search(r"is hiring:\s*(.+?)(?:\s+in\s+[A-Z][^\n]*)?$", text, re.MULTILINE)
    if hiring:
        return hiring.group(1).strip()
    first = text.split("\n", 1)[0].strip()
    return first if first and not key_value(first) and not _ORG_PATTERN.fullmatch(first) else None


def _organisation(text: str, fields: dict[str, str]) -> str | None:
    named = _first_field(fields, *HEADER_FIELDS["organisation"])
    if named:
        return named
    hiring = re.search(r"^(.+?) is hiring\b", text, re.MULTILINE)
    if hiring:
        return hiring.group(1).strip()
    found = _ORG_PATTERN.search(text)
    return found.group(0) if found else None


def _acronym(organisation: str | None, text: str) -> str | None:
    """Initials of the organisation (`LAUSD`), kept only when the posting itself uses them."""
    if not organisation:
        return None
    words = [w for w in re.findall(r"[A-Za-z]+", organisation) if w.lower() not in _ORG_WORDS]
    initials = "".join(w[0] for w in words).upper()
    return initials if len(initials) >= 3 and re.search(rf"\b{initials}\b", text) else None


def _aliases(
    title: str | None, organisation: str | None, acronym: str | None, fields: dict[str, str]
) -> tuple[str, ...]:
    """Names a person may use for the organisation: full name, acronym, distinctive words."""
    aliases: list[str] = []
    if organisation:
        aliases.append(re.sub(r",\s*[A-Z]{2}$", "", organisation))
        words = re.findall(r"[A-Za-z]+", organisation)
        core = [w for w in words if w.lower() not in _GENERIC_ORG_WORDS]
        if len(" ".join(core)) >= 4:
            aliases.append(" ".join(core))
        aliases.extend(_short_forms(words, core))
    if acronym:
        aliases.append(acronym)
    return tuple(dict.fromkeys(a for a in aliases if a))


def _short_forms(words: list[str], core: list[str]) -> list[str]:
    """`LA Unified`, `LA County`: a place of several words by its initials, with the kind of employer."""
    start = words.index(core[0]) if core else 0
    if len(core) < 2 or words[start : start + len(core)] != core:  # one place name, in one piece
        return []
    after, before = words[start + len(core) : start + len(core) + 1], words[: max(0, start - 1)]
    kind = (after or before or [""])[0]
    initials = "".join(w[0] for w in core).upper()
    return [f"{initials} {kind}"] if kind and kind.lower() not in _ORG_WORDS else []


# --- facts --------------------------------------------------------------------------------


def _facts(
    sections: tuple[Section, ...],
    fields: dict[str, str],
    contacts: tuple[Contact, ...],
    title: str | None,
    organisation: str | None,
) -> dict[str, Fact]:
    facts: dict[str, Fact | None] = {}
    header = HEADER_SECTION
    if title:
        facts["title"] = Fact(title, header)
    if organisation:
        facts["organisation"] = Fact(organisation, header)
    for key in (
        "location",
        "department",
        "division",
        "job_number",
        "job_type",
        "published_date",
        "opening_date",
        "closing_date",
    ):
        value = _first_field(fields, *HEADER_FIELDS[key])
        if value:
            facts[key] = Fact(value, header)
    salary_field = _first_field(fields, *HEADER_FIELDS["salary"])
    facts["salary"] = (
        Fact(salary_field, header)
        if salary_field
        else _section_fact(sections, r"salary|compensation|pay (?:range|rate)|wage")
    )
    facts["site"] = _section_fact(sections, r"site|work location|assignment|^location")
    if "department" not in facts and re.search(r"department", _heading_of(facts["site"]), _I):
        facts["department"] = facts["site"]
    facts["filing_period"] = _filing_period(sections)
    facts["first_consideration"] = _sentence_fact(sections, r"first consideration")
    facts["continuous"] = _continuous_statement(sections, fields) or _sentence_fact(
        sections,
        r"open[- ]continuous|continuous (?:recruitment|filing|basis)|until (?:the )?"
        r"(?:position is |positions are |vacancy is |vacancies are )?filled|may close (?:at any time|without)",
    )
    facts["deadline_extension"] = _sentence_fact(
        sections, r"deadline[^.]{0,60}extended|extension of the (?:filing|deadline)"
    )
    requirement_sections = _section_group(
        sections,
        r"minimum (?:requirements|qualifications)|qualification guidelines|^requirements|"
        r"entrance requirements|^(?:required |employment )?qualifications$",
        r"education|experience|training|licen[cs]|certific|special requirement|minimum",
    )
    facts["requirements"] = _join_sections(
        requirement_sections, exclude=r"transcript|foreign|evaluation|detailed report|upload|attachment"
    )
    facts["education"] = _sentence_fact(
        requirement_sections,
        r"graduat|degree|diploma|high school|educat|college|course",
        follow=False,
        exclude=r"substitut|in lieu|transcript|foreign|requirements must",
    )
    facts["experience"] = _sentence_fact(
        requirement_sections, r"experience", follow=False, exclude=r"substitut|in lieu|preferred|desired"
    )
    facts["substitution"] = _sentence_fact(
        requirement_sections or sections, r"substitut|in lieu of|equivalent combination"
    )
    facts["requirements_deadline"] = _sentence_fact(
        sections,
        r"requirements must be met|must (?:be met|meet [^.]{0,60}) by|by the (?:end|close|last day) of the filing",
    )
    facts["desirable"] = _section_fact(sections, r"desirable|ideal candidate|preferred")
    facts["transcripts"] = _sentence_fact(
        sections, r"\btranscripts?\b|\bdiplomas?\b|upload[^.]{0,40}attachment|attach[^.]{0,30}(?:transcript|diploma)"
    )
    facts["foreign_evaluation"] = _sentence_fact(
        sections,
        r"foreign (?:transcript|degree|education|coursework)|country other than the United States|"
        r"outside (?:of )?the (?:United States|U\.S\.)",
        follow=True,
    )
    facts["detailed_report"] = _sentence_fact(
        sections, r"\bdetailed\b[^.]{0,40}\breport|course[- ]by[- ]course", follow=False
    )
    facts["evaluators_link"] = _contact_fact(contacts, "evaluation", kind="url")
    facts["vpn"] = _sentence_fact(sections, r"\bVPN\b|virtual (?:private )?network|external network|remote access")
    facts["it_help"] = _contact_fact(contacts, "it_help")
    facts["accommodation"] = _sentence_fact(sections, r"accommodat")
    facts["selection_process"] = _join_sections(
        _section_group(sections, r"selection|examination|exam plan|testing|assessment process|interview process", r"$^")
    ) or _sentence_fact(sections, r"selection process|written (?:test|exam)|oral (?:appraisal|interview|board)")
    facts["eligibility_list"] = _sentence_fact(
        sections,
        r"(?:eligib\w*|hiring)\s+(?:\(\w+\)\s+)?list|eligibility (?:typically |will |shall )?"
        r"(?:last|remain|expire)|top (?:\w+) ranks|ranks? of the (?:hiring|eligib)",
        follow=False,
    )
    facts["benefits"] = _join_sections(_section_group(sections, r"benefit", r"$^")) or _sentence_fact(
        sections, r"\bbenefits?\b|CalPERS|retirement|pension|health insurance|paid (?:vacation|holidays)", follow=False
    )
    facts["probation"] = _sentence_fact(sections, r"probation", follow=False)
    facts["background_check"] = _sentence_fact(
        sections,
        r"background (?:check|screening|investigation)|fingerprint|live ?scan|credit check|"
        r"criminal (?:history|record|background)",
        follow=False,
    )
    facts["duties"] = _join_sections(
        _section_group(
            sections,
            r"dut(?:y|ies)|responsibilit|essential functions|examples of (?:work|duties)|job summary|"
            r"position summary|the position",
            r"typical|examples",
        )
    )
    facts["confirmation_email"] = _sentence_fact(
        sections,
        r"(?:email|e-mail)[^.]{0,40}confirm|confirm\w*[^.]{0,60}(?:email|e-mail|message)|"
        r"(?:do not|did not|don't|didn't) receive|spam|junk folder|approved senders",
        follow=False,
    )
    facts["technical_help"] = _first_paragraph(
        _section_fact(sections, r"technical (?:assistance|help|support)|on-?line application")
    ) or _sentence_fact(sections, r"technical (?:assistance|support|help)")
    facts["vacancies"] = _section_fact(sections, r"vacanc") or _sentence_fact(
        sections, r"\bvacanc(?:y|ies)\b", follow=False
    )
    questions = _supplemental_questions(sections)
    if questions:
        facts["supplemental_questions"] = Fact("\n".join(questions), QUESTIONS_SECTION)
    else:  # the questions are not listed, but the posting may still say there is a questionnaire
        facts["supplemental_mention"] = _sentence_fact(
            sections, r"supplemental (?:questionnaire|questions|application)", follow=False
        )
    return {k: v for k, v in facts.items() if v is not None}


def _first_paragraph(fact: Fact | None) -> Fact | None:
    return Fact(fact.text.split("\n", 1)[0], fact.section) if fact else None


def _heading_of(fact: Fact | None) -> str:
    return fact.section if fact else ""


def _searchable(sections: Iterable[Section]) -> Iterator[Section]:
    return (s for s in sections if s.heading != QUESTIONS_SECTION)


def _section_fact(sections: Iterable[Section], heading_pattern: str) -> Fact | None:
    """The body of the first non-empty section whose heading matches."""
    for section in _searchable(sections):
        if section.body and re.search(heading_pattern, section.heading, _I):
            return Fact(section.body, section.heading)
    return None


def _section_group(sections: tuple[Section, ...], heading_pattern: str, continue_pattern: str) -> tuple[Section, ...]:
    """The first section whose heading matches, with the sub-sections that follow it."""
    for i, section in enumerate(sections):
        if section.heading != HEADER_SECTION and re.search(heading_pattern, section.heading, _I):
            group = [section]
            for following in sections[i + 1 :]:
                if not re.search(continue_pattern, following.heading, _I):
                    break
                group.append(following)
            return tuple(group)
    return ()


def _join_sections(group: Iterable[Section], exclude: str | None = None) -> Fact | None:
    """One fact from a group of sections, named after the first; sub-headings become labels."""
    group = list(group)
    label = group[0].heading if group else ""
    group = [s for s in group if s.body]
    if not group:
        return None
    parts: list[str] = []
    for section in group:
        lines = section.body.split("\n")
        if exclude:
            lines = [" ".join(s for s in sentences(line) if not re.search(exclude, s, _I)) for line in lines]
        body = "\n".join(line for line in lines if line.strip())
        if body:
            parts.append(f"{section.heading}: {body}" if len(group) > 1 else body)
    return Fact("\n".join(parts), label) if parts else None


def _sentence_fact(
    sections: Iterable[Section], pattern: str, *, follow: bool = True, exclude: str | None = None
) -> Fact | None:
    """The sentences matching `pattern`, in posting order, with a contact sentence that follows."""
    picked: list[str] = []
    headings: list[str] = []
    for section in _searchable(sections):
        for paragraph in section.body.split("\n"):
            parts = sentences(paragraph)
            for i, sentence in enumerate(parts):
                if not re.search(pattern, sentence, _I) or (exclude and re.search(exclude, sentence, _I)):
                    continue
                chosen = [sentence]
                if follow and i + 1 < len(parts) and _is_follow_up(parts[i + 1]):
                    chosen.append(parts[i + 1])
                for s in chosen:
                    if s not in picked:
                        picked.append(s)
                if section.heading not in headings:
                    headings.append(section.heading)
    return Fact(" ".join(picked), headings[0]) if picked else None


def _is_follow_up(sentence: str) -> bool:
    has_contact = bool(EMAIL_RE.search(sentence) or PHONE_RE.search(sentence) or URL_RE.search(sentence))
    return has_contact or bool(_FOLLOW_UP.match(sentence))


def _contact_fact(contacts: tuple[Contact, ...], purpose: str, kind: str | None = None) -> Fact | None:
    found = [c for c in contacts if c.purpose == purpose and (kind is None or c.kind == kind)]
    if not found:
        return None
    return Fact(found[0].context, found[0].section)


# --- dates, salary, questions -------------------------------------------------------------


def _continuous_statement(sections: tuple[Section, ...], fields: dict[str, str]) -> Fact | None:
    """`Closing Date: Continuous`, or a filing-dates section that just says `Open Until Filled`."""
    closing = _first_field(fields, *HEADER_FIELDS["closing_date"])
    if closing and _CONTINUOUS_RE.search(closing):
        return Fact(closing, HEADER_SECTION)
    for section in _filing_sections(sections):
        if _CONTINUOUS_RE.search(section.body) and len(section.body) < 120:
            return Fact(section.body, section.heading)
    return None


def _filing_sections(sections: tuple[Section, ...]) -> Iterator[Section]:
    """Sections headed as filing dates, application period, deadline or closing."""
    pattern = r"filing|application (?:period|dates|deadline)|closing|deadline"
    return (s for s in _searchable(sections) if re.search(pattern, s.heading, _I))


def _filing_period(sections: tuple[Section, ...]) -> Fact | None:
    for section in _filing_sections(sections):
        match = DATE_RANGE_RE.search(section.body)
        if match:
            return Fact(match.group(0), section.heading)
    return _sentence_fact(sections, rf"(?:fil|appl|accept)\w*[^.]{{0,80}}{DATE_RANGE_RE.pattern}", follow=False)


def _opening_and_closing(fields: dict[str, str], facts: dict[str, Fact]) -> tuple[date | None, date | None]:
    opening = _first_date_of(facts.get("opening_date"))
    closing = _first_date_of(facts.get("closing_date"))
    period = facts.get("filing_period")
    dates = parse_date_range(period.text) if period else None
    if dates:
        opening, closing = opening or dates[0], closing or dates[1]
    if opening is None:
        opening = _first_date_of(facts.get("published_date"))
    return opening, closing


def _first_date_of(fact: Fact | None) -> date | None:
    return first_date(fact.text) if fact else None


def _states(fact: Fact | None, pattern: str) -> bool:
    return bool(fact and re.search(pattern, fact.text, _I))


def _salary(fact: Fact | None) -> Salary | None:
    if fact is None:
        return None
    match = MONEY_RANGE_RE.search(fact.text)
    if not match:
        return None
    period = normalise_period(match.group("period"))
    if period is None:
        later = re.search(r"\b(annually|yearly|monthly|bi-?weekly|hourly|per (?:year|month|hour))\b", fact.text, _I)
        period = normalise_period(later.group(1).replace("per ", "")) if later else None
    high = match.group("high")
    return Salary(
        low=to_number(match.group("low")),
        high=to_number(high) if high else None,
        period=period,
        text=fact.text,
        section=fact.section,
    )


def _supplemental_questions(sections: Iterable[Section]) -> tuple[str, ...]:
    """Numbered NEOGOV questions (`01` then the question), or the lines of a questions section."""
    for section in sections:
        if section.heading == QUESTIONS_SECTION:
            return tuple(_numbered_questions(section.body.split("\n")))
        if re.search(r"supplemental question|questionnaire", section.heading, _I) and section.body:
            return tuple(line.lstrip("-•* ").strip() for line in section.body.split("\n") if line.strip())
    return ()


def _numbered_questions(lines: list[str]) -> list[str]:
    questions: list[str] = []
    expecting = False
    for line in lines:
        if re.fullmatch(r"0?\d{1,2}", line):
            expecting = True
        elif expecting:
            questions.append(line)
            expecting = False
    return list(dict.fromkeys(questions))


__all__ = ["DATE_RE", "FIELDS", "missing_fields", "parse_posting"]
