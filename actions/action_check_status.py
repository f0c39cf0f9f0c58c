"""Look up the verified applicant's application and tell them where it stands."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import names
from actions.conversation import in_group_conversation, speaking
from actions.messages import say, text
from actions.replies import contact_line
from actions.status_reply import compose_status
from applications.lookup import verify
from base.settings import get_settings
from knowledge.catalog import get_catalog

ACTION_NAME = "action_check_status"
logger = logging.getLogger(__name__)


def status_contact(tracker: Tracker) -> str:
    """Whom to ask instead: the configured helpdesk, else the posting in question's contact."""
    configured = get_settings().status_contact
    if configured:
        return text(names.PIECE_STATUS_CONTACT, contact=configured)
    posting = get_catalog().get(tracker.get_slot(names.SLOT_POSTING))
    if posting:
        return contact_line(posting)
    return text(names.PIECE_STATUS_NO_CONTACT)


def forget_details() -> list[EventType]:
    """Verification is not remembered: the id and email leave the slots after every look-up."""
    return [SlotSet(names.SLOT_APPLICATION_ID, None), SlotSet(names.SLOT_APPLICANT_EMAIL, None)]


class ActionCheckStatus(Action):
    """Both the id and the email must match; failures look the same whatever went wrong."""

    def name(self) -> str:
        return ACTION_NAME

    @speaking
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if in_group_conversation(tracker):
            say(dispatcher, names.REPLY_STATUS_PERSONAL_ONLY)
            return forget_details()
        failures = int(tracker.get_slot(names.SLOT_STATUS_FAILURES) or 0)
        application_id = tracker.get_slot(names.SLOT_APPLICATION_ID)
        email = tracker.get_slot(names.SLOT_APPLICANT_EMAIL)
        if failures >= names.MAX_CONVERSATION_FAILURES or not application_id or not email:
            say(dispatcher, names.REPLY_STATUS_GIVE_UP, contact=status_contact(tracker))
            return forget_details()
        try:
            result = verify(application_id, email, conversation_id=tracker.sender_id)
            posting = get_catalog().get(result.application.posting_id) if result.application else None
        except SQLAlchemyError as exc:
            logger.error("status look-up failed: database error (%s)", exc.__class__.__name__)
            say(dispatcher, names.REPLY_STATUS_UNAVAILABLE, contact=status_contact(tracker))
            return forget_details()
        if result.application:
            say(dispatcher, names.REPLY_STATUS, status=compose_status(result.application, posting))
            return forget_details()
        failures += 1
        if failures >= names.MAX_CONVERSATION_FAILURES:
            say(dispatcher, names.REPLY_STATUS_GIVE_UP, contact=status_contact(tracker))
        else:
            say(dispatcher, names.REPLY_STATUS_FAILED)
        return [*forget_details(), SlotSet(names.SLOT_STATUS_FAILURES, float(failures))]
