"""'Talk to a person': the posting's real contacts, since the bot cannot hand over a chat."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.answer_message import PART_ANSWER, Part, send_answer
from actions.conversation import speaking
from actions.localize import answer_in
from actions.messages import say, spoken, text
from actions.replies import contact_line, posting_or_ask
from base.settings import get_settings
from knowledge.answers import answer
from knowledge.catalog import get_catalog

ACTION_NAME = "action_talk_to_human"


class ActionTalkToHuman(Action):
    """Give the people to contact for the posting in question."""

    def name(self) -> str:
        return ACTION_NAME

    @speaking
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        posting, waiting = posting_or_ask(dispatcher, tracker, get_catalog(), pending_topic="contact")
        if posting is None:
            return waiting
        contacts = answer("contact", posting, get_settings().today())
        if contacts.stated:
            said = text(names.REPLY_HUMAN_CONTACTS, contacts=answer_in(spoken(), contacts.text))
            parts = [Part(PART_ANSWER, said)]
            send_answer(dispatcher, names.REPLY_HUMAN_CONTACTS, posting, parts, contacts.sections, stated=True)
        else:
            say(dispatcher, names.REPLY_NO_CONTACTS, contact=contact_line(posting))
        return [SlotSet(names.SLOT_POSTING, posting.posting_id)]
