"""Replies several actions send: answers citing their sections, not-stated, which posting?"""

from __future__ import annotations

import json
from collections.abc import Sequence

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.answer_message import PART_ANSWER, PART_NOTE, Part, send_answer
from actions.conversation import resolve
from actions.localize import answer_in
from actions.messages import say, spoken, text
from knowledge.answers import best_contact, vpn_note
from knowledge.catalog import Catalog
from knowledge.model import Contact, Fact, Posting
from knowledge.responder import Context, Reply
from knowledge.section_links import section_title
from knowledge.sections import HEADER_SECTION
from knowledge.topics import TOPICS


def section_label(heading: str, posting: Posting, *, language: str | None = None) -> str:
    """A section's title as the posting writes it (`Application filing dates`); helpbot's own name for the
    posting's header block in the spoken language."""
    if heading == HEADER_SECTION:
        return text(names.PIECE_OVERVIEW, language=language)
    return section_title(heading, posting)


def contact_line(posting: Posting, topic: str | None = None, *, language: str | None = None) -> str:
    """Whom to ask when the posting does not say: its contact for that kind of question, or honest advice."""
    return _contact_line(posting, best_contact(posting, topic), language=language, cited=False)


def _contact_line(posting: Posting, found: Contact | None, *, language: str | None, cited: bool) -> str:
    """The line for `found`; it names the contact's section unless the reply's citation (`cited`) already does."""
    if found and cited:
        return text(names.PIECE_CITED_CONTACT, contact=found.value, language=language)
    if found:
        where = section_label(found.section, posting, language=language)
        return text(names.PIECE_CONTACT, contact=found.value, section=where, language=language)
    organisation = posting.organisation or text(names.PIECE_THE_EMPLOYER, language=language)
    return text(names.PIECE_NO_CONTACT, organisation=organisation, language=language)


def quoted(answer: str) -> str:
    """An answer from the posting, its composed lines in the spoken language; quotes introduced when the posting's
    language is not the one spoken ("La convocatoria dice (en inglés): …")."""
    intro = text(names.PIECE_QUOTE_INTRO)
    shown = answer_in(spoken(), answer)
    return f"{intro}\n{shown}" if intro else shown


def send_reply(
    dispatcher: CollectingDispatcher,
    posting: Posting,
    reply: Reply,
    *,
    out_of_scope: bool = False,
    note: Fact | None = None,
) -> None:
    """Send what the posting says, citing its sections, or say plainly that it does not say.

    A `note` (the employee VPN note) comes first, in the same message.
    """
    if reply.stated:
        name = names.REPLY_TOPIC_ANSWER if reply.topic else names.REPLY_SEARCH_ANSWER
        buttons = [whole_button(reply.whole)] if reply.whole else None
        parts = [*_note_parts(note), Part(PART_ANSWER, text(name, answer=quoted(reply.text)))]
        sections = [*_note_sections(note), *reply.sections]
        send_answer(dispatcher, name, posting, parts, sections, stated=True, buttons=buttons)
    elif out_of_scope:
        say(dispatcher, names.REPLY_OUT_OF_SCOPE)
    elif not reply.understood:
        say(dispatcher, names.REPLY_ASK_REPHRASE, posting=posting.display_name)
    else:
        send_not_stated(dispatcher, posting, not_stated_label(reply), reply.empty_heading, topic=reply.topic, note=note)


def _note_parts(note: Fact | None) -> list[Part]:
    return [Part(PART_NOTE, note.text)] if note else []


def _note_sections(note: Fact | None) -> list[str]:
    return [note.section] if note else []


def not_stated_label(reply: Reply) -> str:
    """What the posting does not state: the topic, the applicant's own words, or the item asked for."""
    if reply.missing_item is not None:
        return text(names.PIECE_NTH_ITEM, number=reply.missing_item)
    if reply.topic and reply.subject == TOPICS.get(reply.topic):
        return text(names.TOPIC_LABEL.format(topic=reply.topic))
    return text(names.PIECE_ABOUT, subject=reply.subject) if reply.subject else text(names.PIECE_AN_ANSWER)


def whole_button(whole: str) -> dict[str, str]:
    """A quick reply that shows the whole section (or topic answer) a short reply was part of."""
    entities = json.dumps({names.ENTITY_WHOLE: whole}, ensure_ascii=False)
    return {"title": text(names.BUTTON_SHOW_WHOLE), "payload": f"/{names.INTENT_SHOW_WHOLE}{entities}"}


def send_not_stated(
    dispatcher: CollectingDispatcher,
    posting: Posting,
    label: str,
    empty_heading: str | None = None,
    *,
    topic: str | None = None,
    note: Fact | None = None,
) -> None:
    """The posting does not say; point to its contact, citing the section that gives it."""
    found = best_contact(posting, topic)
    empty = text(names.PIECE_EMPTY_SECTION, section=section_label(empty_heading, posting)) if empty_heading else ""
    said = text(
        names.REPLY_NOT_STATED,
        posting=posting.display_name,
        topic=label,
        note=empty,
        contact=_contact_line(posting, found, language=None, cited=True),
    )
    sections = [*_note_sections(note), *([found.section] if found else [])]
    parts = [*_note_parts(note), Part(PART_ANSWER, said)]
    send_answer(dispatcher, names.REPLY_NOT_STATED, posting, parts, sections, stated=False)


def reply_events(posting: Posting, reply: Reply) -> list[EventType]:
    """Remember the posting and what the reply was about, for follow-ups."""
    return [
        SlotSet(names.SLOT_POSTING, posting.posting_id),
        SlotSet(names.SLOT_LAST_TOPIC, reply.topic),
        SlotSet(names.SLOT_LAST_ITEMS, list(reply.items) or None),
        SlotSet(names.SLOT_LAST_SECTIONS, list(reply.sections) or None),
        SlotSet(names.SLOT_LAST_TERMS, list(reply.terms) or None),
        SlotSet(names.SLOT_PENDING_TOPIC, None),
        SlotSet(names.SLOT_PENDING_QUESTION, None),
    ]


def context_of(tracker: Tracker, posting: Posting) -> Context:
    """What the conversation was just about, when it was about this posting."""
    if tracker.get_slot(names.SLOT_POSTING) != posting.posting_id:
        return Context()
    return Context(
        items=tuple(tracker.get_slot(names.SLOT_LAST_ITEMS) or ()),
        sections=tuple(tracker.get_slot(names.SLOT_LAST_SECTIONS) or ()),
        terms=tuple(tracker.get_slot(names.SLOT_LAST_TERMS) or ()),
    )


MAX_POSTING_BUTTONS = 8  # more buttons than this is a wall, not a choice


def ask_which_posting(dispatcher: CollectingDispatcher, candidates: Sequence[Posting]) -> None:
    """Ask the user to choose, with a button per posting (at most `MAX_POSTING_BUTTONS`)."""
    shown = candidates[:MAX_POSTING_BUTTONS]
    buttons = [
        {
            "title": p.display_name,
            "payload": f'/{names.INTENT_SELECT_POSTING}{{"{names.ENTITY_POSTING}": "{p.posting_id}"}}',
        }
        for p in shown
    ]
    if len(candidates) > len(shown):
        count, number_shown = str(len(candidates)), str(len(shown))
        say(dispatcher, names.REPLY_ASK_WHICH_OF_MANY_POSTINGS, count=count, shown=number_shown, buttons=buttons)
    else:
        say(dispatcher, names.REPLY_ASK_WHICH_POSTING, buttons=buttons)


def employee_vpn_note(posting: Posting) -> Fact | None:
    """For employees: the posting's VPN guidance as one short line, when it gives any."""
    found = vpn_note(posting)
    return Fact(text(names.REPLY_EMPLOYEE_VPN, vpn=quoted(found.text)), found.section) if found else None


def posting_or_ask(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    catalog: Catalog,
    *,
    pending_topic: str,
    pending_question: str | None = None,
) -> tuple[Posting | None, list[EventType]]:
    """The posting in question; or, having said there are none or asked which, None and the events to keep.

    When the user is asked, the topic (and question) they asked about wait in slots for their choice.
    """
    if not catalog.postings():
        say(dispatcher, names.REPLY_KB_EMPTY)
        return None, []
    resolution = resolve(tracker, catalog)
    if resolution.posting is not None:
        return resolution.posting, []
    ask_which_posting(dispatcher, resolution.candidates)
    return None, [
        SlotSet(names.SLOT_PENDING_TOPIC, pending_topic),
        SlotSet(names.SLOT_PENDING_QUESTION, pending_question or None),
    ]
