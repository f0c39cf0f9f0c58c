"""'Talk to a person': a hand-off for the helpdesk (with the conversation so far), and the posting's contacts."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import names
from actions.conversation import resolve
from actions.handoff_conversation import conversation_turns
from actions.messages import say
from actions.replies import contact_line, posting_or_ask, source_line
from base.settings import get_settings
from helpdesk import handoffs
from knowledge.answers import answer
from knowledge.catalog import get_catalog

ACTION_NAME = "action_talk_to_human"
logger = logging.getLogger(__name__)


def hand_off(dispatcher: CollectingDispatcher, tracker: Tracker, posting_id: str | None) -> list[EventType]:
    """Create (or bring up to date) the conversation's hand-off and tell the applicant what happens next."""
    channel = tracker.get_latest_input_channel() or "unknown"
    try:
        handoff_id = handoffs.create(
            posting_id=posting_id,
            channel=channel,
            conversation_id=tracker.sender_id,
            turns=conversation_turns(tracker),
        )
    except SQLAlchemyError:
        logger.exception("could not store a hand-off")
        say(dispatcher, names.REPLY_HANDOFF_UNAVAILABLE)
        return []
    live = channel in handoffs.LIVE_CHANNELS
    say(dispatcher, names.REPLY_HANDOFF_CREATED_LIVE if live else names.REPLY_HANDOFF_CREATED)
    return [SlotSet(names.SLOT_HANDOFF, str(handoff_id))]


class ActionTalkToHuman(Action):
    """Hand the conversation to the helpdesk, and give the people to contact for the posting in question."""

    def name(self) -> str:
        return ACTION_NAME

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        catalog = get_catalog()
        known = resolve(tracker, catalog).posting if catalog.postings() else None
        events = hand_off(dispatcher, tracker, known.posting_id if known else None)
        posting, waiting = posting_or_ask(dispatcher, tracker, catalog, pending_topic="contact")
        if posting is None:
            return events + waiting
        contacts = answer("contact", posting, get_settings().today())
        if contacts.stated:
            say(
                dispatcher,
                names.REPLY_HUMAN_CONTACTS,
                contacts=contacts.text,
                source=source_line(posting, contacts.sections),
            )
        else:
            say(dispatcher, names.REPLY_NO_CONTACTS, contact=contact_line(posting))
        return [*events, SlotSet(names.SLOT_POSTING, posting.posting_id)]
