"""The long tail: answer from the posting's sentences that answer the question, or say it does not say."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.applicant_input import application_id_in, find_email
from actions.conversation import latest_intent, latest_text, resolve, speaking, topic_hint
from actions.messages import say
from actions.replies import ask_which_posting, context_of, reply_events, send_reply
from actions.unanswered_questions import note_unanswered
from base.settings import get_settings
from knowledge.catalog import get_catalog
from knowledge.responder import respond
from knowledge.vocabulary import about_work

ACTION_NAME = "action_search_posting"


def looks_like_status_details(intent: str | None, text: str) -> bool:
    """An application id or email typed on its own, outside the status check."""
    short = len(text.split()) <= 6
    return intent == names.INTENT_INFORM and short and bool(application_id_in(text) or find_email(text))


def gives_status_details(text: str) -> bool:
    """Both an application id and an email in one message: the applicant wants the status look-up."""
    return bool(application_id_in(text) and find_email(text))


class ActionSearchPosting(Action):
    """Questions no topic covers (and out-of-scope requests) are answered from the posting's sentences."""

    def name(self) -> str:
        return ACTION_NAME

    @speaking
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        catalog = get_catalog()
        question = latest_text(tracker)
        if gives_status_details(question):
            return [FollowupAction(names.FORM_STATUS)]
        if looks_like_status_details(latest_intent(tracker), question):
            say(dispatcher, names.REPLY_STATUS_HINT)
            return []
        # "is there a lunch break?" may be out of the posting's scope, never out of its employer's.
        out_of_scope = latest_intent(tracker) == names.INTENT_OUT_OF_SCOPE and not about_work(question)
        if not catalog.postings():
            say(dispatcher, names.REPLY_OUT_OF_SCOPE if out_of_scope else names.REPLY_KB_EMPTY)
            return []
        resolution = resolve(tracker, catalog)
        if resolution.posting is None:
            if out_of_scope:
                say(dispatcher, names.REPLY_OUT_OF_SCOPE)
                return []
            ask_which_posting(dispatcher, resolution.candidates)
            return [
                SlotSet(names.SLOT_PENDING_TOPIC, names.PENDING_SEARCH),
                SlotSet(names.SLOT_PENDING_QUESTION, question or None),
            ]
        posting = resolution.posting
        topic, confidence = topic_hint(tracker)
        reply = respond(
            question,
            posting,
            catalog.index(posting),
            today=get_settings().today(),
            topic=topic,
            confidence=confidence,
            context=context_of(tracker, posting),
        )
        send_reply(dispatcher, posting, reply, out_of_scope=out_of_scope)
        if not (out_of_scope and not reply.stated):  # a question for no job posting teaches nothing
            note_unanswered(tracker, posting.posting_id, reply)
        return reply_events(posting, reply)
