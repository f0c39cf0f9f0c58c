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
from actions.messages import say, text
from knowledge.answers import best_contact, vpn_note
from knowledge.catalog import Catalog
from knowledge.model import Contact, Fact, Posting
from knowledge.responder import Context, Reply
from knowledge.section_links import section_title
from knowledge.topics import TOPICS


def contact_line(posting: Posting, topic: str | None = None) -> str:
    """Whom to ask when the posting does not say: its contact for that kind of question, or honest advice."""
    found: Contact | None = best_contact(posting, topic)
    if found:
        where = section_title(found.section, posting)
        return f"For more, you can contact {found.value} (given in the posting's “{where}” section)."
    organisation = posting.organisation or "the employer"
    return (
        f"The posting lists no email address or phone number, so please contact {organisation}'s "
        "human resources office through the job listing where you found the posting."
    )


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
        parts = [*_note_parts(note), Part(PART_ANSWER, text(name, answer=reply.text))]
        sections = [*_note_sections(note), *reply.sections]
        send_answer(dispatcher, name, posting, parts, sections, stated=True, buttons=buttons)
    elif out_of_scope:
        say(dispatcher, names.REPLY_OUT_OF_SCOPE)
    elif not reply.understood:
        say(dispatcher, names.REPLY_ASK_REPHRASE, posting=posting.display_name)
    else:
        label = reply.subject if reply.topic and reply.subject == TOPICS.get(reply.topic) else _about(reply.subject)
        send_not_stated(dispatcher, posting, label, reply.empty_heading, topic=reply.topic, note=note)


def _note_parts(note: Fact | None) -> list[Part]:
    return [Part(PART_NOTE, note.text)] if note else []


def _note_sections(note: Fact | None) -> list[str]:
    return [note.section] if note else []


def _about(subject: str) -> str:
    return f"anything about “{subject}”" if subject else "an answer to that"


def whole_button(whole: str) -> dict[str, str]:
    """A quick reply that shows the whole section (or topic answer) a short reply was part of."""
    entities = json.dumps({names.ENTITY_WHOLE: whole}, ensure_ascii=False)
    return {"title": "Show the whole section", "payload": f"/{names.INTENT_SHOW_WHOLE}{entities}"}


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
    empty = f" (its “{section_title(empty_heading, posting)}” section is empty)" if empty_heading else ""
    said = text(
        names.REPLY_NOT_STATED,
        posting=posting.display_name,
        topic=label,
        note=empty,
        contact=contact_line(posting, topic),
    )
    found = best_contact(posting, topic)
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
    return Fact(text(names.REPLY_EMPLOYEE_VPN, vpn=found.text), found.section) if found else None


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
