"""Answer a topic question (deadline, salary, VPN, ...) for the posting in question."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import is_employee, latest_confidence, latest_intent, latest_text, speaking
from actions.replies import context_of, employee_vpn_note, posting_or_ask, reply_events, send_reply
from actions.unanswered_questions import note_unanswered
from base.settings import get_settings
from knowledge.catalog import get_catalog
from knowledge.responder import respond
from knowledge.topics import topic_of_intent

ACTION_NAME = "action_answer_topic"
# Topics on which an employee (Teams) also hears the posting's VPN guidance, first, when it has some.
EMPLOYEE_VPN_TOPICS = frozenset({"deadline", "technical_help", "confirmation_email"})


class ActionAnswerTopic(Action):
    """Topic intent -> what the posting says that answers the question, or 'the posting does not say'.

    The topic is the classifier's guess: the reply is checked against the question itself.
    """

    def name(self) -> str:
        return ACTION_NAME

    @speaking
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        topic = topic_of_intent(latest_intent(tracker))
        if topic is None:
            return []
        catalog = get_catalog()
        question = latest_text(tracker)
        posting, waiting = posting_or_ask(dispatcher, tracker, catalog, pending_topic=topic, pending_question=question)
        if posting is None:
            return waiting
        reply = respond(
            question,
            posting,
            catalog.index(posting),
            today=get_settings().today(),
            topic=topic,
            confidence=latest_confidence(tracker),
            context=context_of(tracker, posting),
        )
        note = employee_vpn_note(posting) if is_employee(tracker) and reply.topic in EMPLOYEE_VPN_TOPICS else None
        send_reply(dispatcher, posting, reply, note=note)
        note_unanswered(tracker, posting.posting_id, reply)
        return reply_events(posting, reply)
