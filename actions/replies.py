"""Replies several actions send: answers with their source, not-stated, which posting?"""

from __future__ import annotations

from collections.abc import Sequence

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.conversation import resolve
from actions.messages import say
from knowledge.answers import Answer, best_contact, empty_section
from knowledge.catalog import Catalog
from knowledge.model import Contact, Posting
from knowledge.search import Hit, PostingIndex
from knowledge.topics import TOPICS


def source_line(posting: Posting, sections: Sequence[str]) -> str:
    """`the Accounting Technician II posting (Los Angeles ...), section "BENEFITS"`."""
    where = ", ".join(f"“{s}”" for s in sections)
    noun = "section" if len(sections) == 1 else "sections"
    return f"{posting.display_name} posting, {noun} {where}" if sections else f"{posting.display_name} posting"


def contact_line(posting: Posting) -> str:
    """Whom to ask when the posting does not say: its best contact, or honest advice."""
    found: Contact | None = best_contact(posting)
    if found:
        return f"For more, you can contact {found.value} (given in the posting's “{found.section}” section)."
    organisation = posting.organisation or "the employer"
    return (
        f"The posting lists no email address or phone number, so please contact {organisation}'s "
        "human resources office through the job listing where you found the posting."
    )


def send_answer(dispatcher: CollectingDispatcher, posting: Posting, topic: str, answer: Answer) -> None:
    """Send a topic's answer with its source, or say plainly that the posting does not state it."""
    if answer.stated:
        say(dispatcher, names.REPLY_TOPIC_ANSWER, answer=answer.text, source=source_line(posting, answer.sections))
        return
    send_not_stated(dispatcher, posting, TOPICS.get(topic, "that"), empty_section(posting, topic))


def send_not_stated(
    dispatcher: CollectingDispatcher, posting: Posting, label: str, empty_heading: str | None = None
) -> None:
    """The posting does not say; point to its contact."""
    note = f" (its “{empty_heading}” section is empty)" if empty_heading else ""
    say(
        dispatcher,
        names.REPLY_NOT_STATED,
        posting=posting.display_name,
        topic=label,
        note=note,
        contact=contact_line(posting),
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


def send_passage(dispatcher: CollectingDispatcher, posting: Posting, hit: Hit) -> None:
    """Answer with the posting's best-matching passage, naming its section."""
    say(
        dispatcher,
        names.REPLY_SEARCH_ANSWER,
        passage=hit.passage.text,
        source=source_line(posting, [hit.passage.section]),
    )


def confident_hit(index: PostingIndex, question: str, min_score: float) -> Hit | None:
    """The best passage for `question` when it scores at least `min_score`."""
    hits = index.search(question, limit=1) if question.strip() else []
    return hits[0] if hits and hits[0].score >= min_score else None


def send_employee_vpn(dispatcher: CollectingDispatcher, posting: Posting) -> None:
    """For employees: the posting's VPN guidance, first, when it gives any."""
    vpn = posting.fact("vpn")
    if vpn:
        say(dispatcher, names.REPLY_EMPLOYEE_VPN, vpn=vpn.text, source=source_line(posting, [vpn.section]))


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
