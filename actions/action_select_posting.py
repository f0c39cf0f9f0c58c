"""The user names (or clicks) a posting: switch to it and answer what was pending."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.action_search_posting import ActionSearchPosting
from actions.conversation import entity_posting_id, latest_text, resolve, speaking
from actions.messages import say
from actions.replies import ask_which_posting, context_of, reply_events, send_reply
from actions.unanswered_questions import note_unanswered
from base.settings import get_settings
from knowledge.catalog import get_catalog
from knowledge.matching import mentioned_postings
from knowledge.model import Posting
from knowledge.question import analyse
from knowledge.responder import respond
from knowledge.topics import TOPICS
from knowledge.vocabulary import stem

ACTION_NAME = "action_select_posting"
# Words that only choose or switch ("switch to the Pasadena one instead"): they ask nothing.
_CHOOSING = frozenset(
    stem(w)
    for w in [
        "switch",
        "change",
        "changing",
        "choose",
        "chose",
        "pick",
        "select",
        "selected",
        "go",
        "back",
        "instead",
        "rather",
        "other",
        "mean",
        "meant",
        "asking",
        "ask",
        "interested",
        "talking",
        "talk",
        "about",
        "prefer",
    ]
)


def asks_a_question(text: str, posting: Posting) -> bool:
    """Whether a message that names a posting also asks something about it ("is LA Unified the biggest district?")."""
    question = analyse(text, posting)
    return bool(question.kinds) or any(t not in _CHOOSING for t in question.terms)


class ActionSelectPosting(Action):
    """`the Pasadena one` / a posting button: answer the pending or last topic for that posting.

    `and the second one?` names no posting: it asks about the last answer, which is answered.
    """

    def name(self) -> str:
        return ACTION_NAME

    @speaking
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        catalog = get_catalog()
        postings = catalog.postings()
        if not postings:
            say(dispatcher, names.REPLY_KB_EMPTY)
            return []
        text = latest_text(tracker)
        chosen = catalog.get(entity_posting_id(tracker))
        named = [chosen] if chosen else mentioned_postings(text, postings)
        today = get_settings().today()
        if not named and tracker.get_slot(names.SLOT_LAST_ITEMS) and analyse(text).ordinal:
            current = resolve(tracker, catalog).posting
            if current is not None:
                index = catalog.index(current)
                reply = respond(text, current, index, today=today, context=context_of(tracker, current))
                send_reply(dispatcher, current, reply)
                note_unanswered(tracker, current.posting_id, reply)
                return reply_events(current, reply)
        pending = tracker.get_slot(names.SLOT_PENDING_TOPIC)
        about = named[0] if len(named) == 1 else resolve(tracker, catalog).posting
        if not chosen and not pending and about is not None and asks_a_question(text, about):
            return await ActionSearchPosting().run(dispatcher, tracker, domain)
        if len(named) != 1:
            ask_which_posting(dispatcher, named or postings)
            return []
        posting = named[0]
        topic = pending or tracker.get_slot(names.SLOT_LAST_TOPIC)
        if topic != names.PENDING_SEARCH and topic not in TOPICS:
            say(dispatcher, names.REPLY_POSTING_SELECTED, posting=posting.display_name)
            return [SlotSet(names.SLOT_POSTING, posting.posting_id), SlotSet(names.SLOT_LAST_TOPIC, None)]
        question = (tracker.get_slot(names.SLOT_PENDING_QUESTION) or "") if pending else ""
        reply = respond(
            question,
            posting,
            catalog.index(posting),
            today=today,
            topic=topic if topic in TOPICS else None,
        )
        send_reply(dispatcher, posting, reply)
        note_unanswered(tracker, posting.posting_id, reply, asked_before=question)
        return reply_events(posting, reply)
