"""The long tail: answer from the posting's best passage, or say the posting does not say."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.applicant_input import find_application_id, find_email
from actions.conversation import latest_intent, latest_text, resolve
from actions.messages import say
from actions.replies import ask_which_posting, confident_hit, send_not_stated, send_passage
from bot.settings import get_settings
from knowledge.catalog import get_catalog

ACTION_NAME = "action_search_posting"


def looks_like_status_details(intent: str | None, text: str) -> bool:
    """An application id or email typed on its own, outside the status check."""
    short = len(text.split()) <= 6
    return intent == names.INTENT_INFORM and short and bool(find_application_id(text) or find_email(text))


class ActionSearchPosting(Action):
    """Questions no topic covers (and out-of-scope requests) are searched in the posting."""

    def name(self) -> str:
        return ACTION_NAME

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        catalog = get_catalog()
        question = latest_text(tracker)
        if looks_like_status_details(latest_intent(tracker), question):
            say(dispatcher, names.REPLY_STATUS_HINT)
            return []
        out_of_scope = latest_intent(tracker) == names.INTENT_OUT_OF_SCOPE
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
        min_score = get_settings().search_min_score * (1.5 if out_of_scope else 1.0)
        hit = confident_hit(catalog.index(posting), question, min_score)
        if hit:
            send_passage(dispatcher, posting, hit)
        elif out_of_scope:
            say(dispatcher, names.REPLY_OUT_OF_SCOPE)
        else:
            send_not_stated(dispatcher, posting, "an answer to that")
        return [SlotSet(names.SLOT_POSTING, posting.posting_id)]
