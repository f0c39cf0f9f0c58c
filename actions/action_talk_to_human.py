"""'Talk to a person': a hand-off for the helpdesk (with the conversation so far), and the posting's contacts."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import names
from actions.answer_message import PART_ANSWER, PART_NOTE, Part, send_answer
from actions.conversation import resolve, speaking
from actions.conversation_history import session_events
from actions.handoff_conversation import conversation_turns
from actions.localize import answer_in
from actions.messages import say, spoken, text
from actions.replies import contact_line, posting_or_ask
from base.settings import get_settings
from helpdesk import handoffs
from knowledge.answers import answer
from knowledge.catalog import get_catalog

ACTION_NAME = "action_talk_to_human"
logger = logging.getLogger(__name__)


def hand_off(tracker: Tracker, posting_id: str | None) -> tuple[str, list[EventType]]:
    """Create (or bring up to date) the conversation's hand-off: what to tell the applicant, and the slot."""
    channel = tracker.get_latest_input_channel() or "unknown"
    try:
        handoff_id = handoffs.create(
            posting_id=posting_id,
            channel=channel,
            conversation_id=tracker.sender_id,
            turns=conversation_turns(session_events(tracker)),
        )
    except SQLAlchemyError:
        logger.exception("could not store a hand-off")
        return text(names.REPLY_HANDOFF_UNAVAILABLE), []
    live = channel in handoffs.LIVE_CHANNELS
    notice = text(names.REPLY_HANDOFF_CREATED_LIVE if live else names.REPLY_HANDOFF_CREATED)
    return notice, [SlotSet(names.SLOT_HANDOFF, str(handoff_id))]


class ActionTalkToHuman(Action):
    """Hand the conversation to the helpdesk and, in the same message, give the posting's contacts."""

    def name(self) -> str:
        return ACTION_NAME

    @speaking
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        catalog = get_catalog()
        known = resolve(tracker, catalog).posting if catalog.postings() else None
        notice, events = hand_off(tracker, known.posting_id if known else None)
        if known is None:
            dispatcher.utter_message(text=notice, message_name=names.REPLY_HANDOFF_CREATED)
            _, waiting = posting_or_ask(dispatcher, tracker, catalog, pending_topic="contact")
            return events + waiting
        contacts = answer("contact", known, get_settings().today())
        if contacts.stated:
            parts = [
                Part(PART_NOTE, notice),
                Part(PART_ANSWER, text(names.REPLY_HUMAN_CONTACTS, contacts=answer_in(spoken(), contacts.text))),
            ]
            send_answer(dispatcher, names.REPLY_HUMAN_CONTACTS, known, parts, contacts.sections, stated=True)
        else:
            say(dispatcher, names.REPLY_NO_CONTACTS, handoff=notice, contact=contact_line(known))
        return [*events, SlotSet(names.SLOT_POSTING, known.posting_id)]
