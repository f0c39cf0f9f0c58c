"""The user names (or clicks) a posting: switch to it and answer what was pending."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.conversation import entity_posting_id, latest_text
from actions.messages import say
from actions.replies import (
    ask_which_posting,
    confident_hit,
    send_answer,
    send_not_stated,
    send_passage,
)
from bot.settings import get_settings
from knowledge.answers import answer
from knowledge.catalog import get_catalog
from knowledge.matching import mentioned_postings
from knowledge.topics import TOPICS

ACTION_NAME = "action_select_posting"


class ActionSelectPosting(Action):
    """`the Pasadena one` / a posting button: answer the pending or last topic for that posting."""

    def name(self) -> str:
        return ACTION_NAME

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        catalog = get_catalog()
        postings = catalog.postings()
        if not postings:
            say(dispatcher, names.REPLY_KB_EMPTY)
            return []
        chosen = catalog.get(entity_posting_id(tracker))
        named = [chosen] if chosen else mentioned_postings(latest_text(tracker), postings)
        if len(named) != 1:
            ask_which_posting(dispatcher, named or postings)
            return []
        posting = named[0]
        pending = tracker.get_slot(names.SLOT_PENDING_TOPIC)
        topic = pending or tracker.get_slot(names.SLOT_LAST_TOPIC)
        settings = get_settings()
        if topic == names.PENDING_SEARCH:
            question = tracker.get_slot(names.SLOT_PENDING_QUESTION) or ""
            hit = confident_hit(catalog.index(posting), question, settings.search_min_score)
            if hit:
                send_passage(dispatcher, posting, hit)
            else:
                send_not_stated(dispatcher, posting, "an answer to that")
        elif topic in TOPICS:
            send_answer(dispatcher, posting, topic, answer(topic, posting, settings.today()))
        else:
            say(dispatcher, names.REPLY_POSTING_SELECTED, posting=posting.display_name)
        return [
            SlotSet(names.SLOT_POSTING, posting.posting_id),
            SlotSet(names.SLOT_LAST_TOPIC, topic if topic in TOPICS else None),
            SlotSet(names.SLOT_PENDING_TOPIC, None),
            SlotSet(names.SLOT_PENDING_QUESTION, None),
        ]
