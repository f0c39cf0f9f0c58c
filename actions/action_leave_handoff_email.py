"""Right after "talk to a person": an email address typed is where the helpdesk may answer."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.applicant_input import find_email
from actions.conversation import latest_text, speaking
from actions.messages import say
from helpdesk import handoffs

ACTION_NAME = "action_leave_handoff_email"


class ActionLeaveHandoffEmail(Action):
    """Keep the email on the conversation's hand-off only (never in a slot, never repeated back)."""

    def name(self) -> str:
        return ACTION_NAME

    @speaking
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        email = find_email(latest_text(tracker))
        handoff_id = str(tracker.get_slot(names.SLOT_HANDOFF) or "")
        if email is None or not handoff_id.isdigit():
            return [FollowupAction(names.ACTION_SEARCH_POSTING)]  # not an email for us: the usual answer
        if not handoffs.leave_email(int(handoff_id), tracker.sender_id, email):
            return [FollowupAction(names.ACTION_SEARCH_POSTING)]
        say(dispatcher, names.REPLY_HANDOFF_EMAIL_SAVED)
        return [SlotSet(names.SLOT_HANDOFF, None)]
