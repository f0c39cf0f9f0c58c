"""Answer a topic question (deadline, salary, VPN, ...) for the posting in question."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.conversation import is_employee, latest_intent, latest_text
from actions.replies import confident_hit, posting_or_ask, send_answer, send_employee_vpn, send_passage
from bot.settings import get_settings
from knowledge.answers import answer
from knowledge.catalog import get_catalog
from knowledge.topics import topic_of_intent

ACTION_NAME = "action_answer_topic"
# Topics on which an employee (Teams) first hears the posting's VPN guidance, when it has some.
EMPLOYEE_VPN_TOPICS = frozenset({"deadline", "technical_help", "confirmation_email", "contact"})


class ActionAnswerTopic(Action):
    """Topic intent -> the posting's answer with its source, or 'the posting does not say'."""

    def name(self) -> str:
        return ACTION_NAME

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        topic = topic_of_intent(latest_intent(tracker))
        if topic is None:
            return []
        catalog = get_catalog()
        posting, waiting = posting_or_ask(
            dispatcher, tracker, catalog, pending_topic=topic, pending_question=latest_text(tracker)
        )
        if posting is None:
            return waiting
        settings = get_settings()
        reply = answer(topic, posting, settings.today())
        hit = (
            None
            if reply.stated
            else confident_hit(catalog.index(posting), latest_text(tracker), settings.search_min_score * 1.5)
        )
        if is_employee(tracker) and topic in EMPLOYEE_VPN_TOPICS:
            send_employee_vpn(dispatcher, posting)
        if hit:
            send_passage(dispatcher, posting, hit)
        else:
            send_answer(dispatcher, posting, topic, reply)
        return [
            SlotSet(names.SLOT_POSTING, posting.posting_id),
            SlotSet(names.SLOT_LAST_TOPIC, topic),
            SlotSet(names.SLOT_PENDING_TOPIC, None),
            SlotSet(names.SLOT_PENDING_QUESTION, None),
        ]
