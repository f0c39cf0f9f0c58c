"""The status form's slots: the application id, then the email it was filed with."""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.applicant_input import application_id_in, find_email
from actions.conversation import in_group_conversation, latest_intent, latest_text, speak_language_of
from actions.messages import say

ACTION_NAME = "validate_status_form"


def _failures(tracker: Tracker) -> int:
    return int(tracker.get_slot(names.SLOT_STATUS_FAILURES) or 0)


def _extract(tracker: Tracker, dispatcher: CollectingDispatcher, slot: str, finder: Any, hint: str) -> dict[str, Any]:
    """Fill `slot` from the message when it is the one asked for; hint when the message is no answer.

    A message that is another question (a topic, cancel, ...) fills nothing, so the form steps aside
    and the rules answer it; the form then asks again.
    """
    speak_language_of(tracker)
    requested = tracker.get_slot("requested_slot")
    if requested not in (slot, None) or tracker.get_slot(slot):
        return {}
    found = finder(latest_text(tracker))
    if found:
        return {slot: found}
    if requested is None:  # the form is starting: take what the first message gave, ask for the rest
        return {}
    if latest_intent(tracker) in (names.INTENT_INFORM, names.INTENT_CHECK_STATUS, names.INTENT_FALLBACK, None):
        say(dispatcher, hint)
        return {slot: None}
    return {}


class ValidateStatusForm(FormValidationAction):
    """Extracts the id and email with patterns (never echoing them), and skips the form after 3 failures."""

    def name(self) -> str:
        return ACTION_NAME

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[str]:
        if _failures(tracker) >= names.MAX_CONVERSATION_FAILURES or in_group_conversation(tracker):
            return []
        return list(domain_slots)

    async def extract_application_id(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return _extract(tracker, dispatcher, names.SLOT_APPLICATION_ID, application_id_in, names.REPLY_NOT_AN_ID)

    async def extract_applicant_email(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return _extract(tracker, dispatcher, names.SLOT_APPLICANT_EMAIL, find_email, names.REPLY_NOT_AN_EMAIL)
