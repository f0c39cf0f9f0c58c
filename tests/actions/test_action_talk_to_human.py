"""ActionTalkToHuman (a hand-off with the conversation so far), ActionLeaveHandoffEmail and ActionCapabilities."""

from __future__ import annotations

from typing import Any

from actions import names
from actions.action_capabilities import ActionCapabilities
from actions.action_leave_handoff_email import ActionLeaveHandoffEmail
from actions.action_talk_to_human import ActionTalkToHuman
from helpdesk import handoffs
from knowledge.catalog import Catalog
from tests.actions.helpers import make_tracker, message_names, run_action, slot_events

LAUSD = "lausd-accounting-technician-ii"
PASADENA = "pasadena-accounting-technician"


def user(text: str, channel: str = "socketio", at: float = 1764547200.0) -> dict[str, Any]:
    return {"event": "user", "text": text, "input_channel": channel, "timestamp": at}


def bot(text: str) -> dict[str, Any]:
    return {"event": "bot", "text": text, "timestamp": 1764547201.0}


async def test_gives_every_contact_of_the_posting(catalog: Catalog) -> None:
    tracker = make_tracker(intent="request_human", text="human please", slots={names.SLOT_POSTING: LAUSD})
    messages, _ = await run_action(ActionTalkToHuman(), tracker)
    assert message_names(messages) == [names.REPLY_HUMAN_CONTACTS]  # one message: the hand-off, then the contacts
    text = messages[0]["text"]
    assert text.startswith("I've passed this conversation to the helpdesk")
    assert [p["kind"] for p in messages[0]["custom"]["parts"]] == ["note", "answer"]
    for contact in ("jessica.mejia1@lausd.net", "helpmeapply@lausd.net", "(213) 241-3455", "(213) 443-1300"):
        assert contact in text
    assert "facebook" not in text


async def test_posting_without_contacts_says_so(catalog: Catalog) -> None:
    tracker = make_tracker(intent="request_human", text="agent", metadata={"posting_id": PASADENA})
    messages, _ = await run_action(ActionTalkToHuman(), tracker)
    assert message_names(messages) == [names.REPLY_NO_CONTACTS]
    assert "passed this conversation to the helpdesk" in messages[0]["text"]
    assert "City of Pasadena" in messages[0]["text"]


async def test_a_hand_off_keeps_the_posting_channel_and_conversation_without_personal_details(
    catalog: Catalog,
) -> None:
    events = [
        user("when is the deadline? write to me at jo.doe@example.com"),
        bot("Filing period: November 26, 2025 - December 11, 2025"),
        user("what's my status?"),
        {"event": "active_loop", "name": names.FORM_STATUS},
        bot("First, what is your application ID?"),
        user("it's 4471"),
        bot("Thanks. And the email address you applied with?"),
        user("jo.doe@example.com"),
        {"event": "active_loop", "name": None},
        user("my id A-1002 did not work"),
        user("/request_human"),
    ]
    tracker = make_tracker(
        intent="request_human", text="/request_human", metadata={"posting_id": LAUSD}, events=events, sender_id="s-1"
    )
    messages, returned = await run_action(ActionTalkToHuman(), tracker)
    assert "their answer appears here" in messages[0]["text"]  # the widget: a reply can come back live
    handoff_id = int(slot_events(returned)[names.SLOT_HANDOFF])
    found = handoffs.get(handoff_id)
    assert found is not None and found.posting_id == LAUSD and found.channel == "socketio" and found.live
    said = [(t.speaker, t.text) for t in found.turns]
    assert said[0] == ("applicant", "when is the deadline? write to me at [email]")
    assert ("applicant", "(an answer to the status check, not kept)") in said
    assert ("applicant", "my id [id] did not work") in said
    assert said[-1] == ("applicant", "(pressed a button: request_human)")
    assert "4471" not in str(said) and "jo.doe" not in str(said) and "A-1002" not in str(said)
    await run_action(ActionTalkToHuman(), tracker)  # asked again: the same open hand-off
    assert [h.id for h in handoffs.queue()] == [handoff_id]


async def test_an_email_after_the_hand_off_is_kept_on_it_only(catalog: Catalog) -> None:
    tracker = make_tracker(intent="request_human", text="agent", metadata={"posting_id": LAUSD}, sender_id="s-2")
    _, returned = await run_action(ActionTalkToHuman(), tracker)
    handoff_id = slot_events(returned)[names.SLOT_HANDOFF]
    reply = make_tracker(
        intent="inform", text="my email is Jo.Doe@Example.com", slots={names.SLOT_HANDOFF: handoff_id}, sender_id="s-2"
    )
    messages, events = await run_action(ActionLeaveHandoffEmail(), reply)
    assert message_names(messages) == [names.REPLY_HANDOFF_EMAIL_SAVED]
    assert "Jo.Doe" not in messages[0]["text"]
    assert slot_events(events) == {names.SLOT_HANDOFF: None}
    found = handoffs.get(int(handoff_id))
    assert found is not None and found.email == "Jo.Doe@Example.com"


async def test_an_email_for_another_conversations_hand_off_is_refused(catalog: Catalog) -> None:
    tracker = make_tracker(intent="request_human", text="agent", metadata={"posting_id": LAUSD}, sender_id="owner")
    _, returned = await run_action(ActionTalkToHuman(), tracker)
    handoff_id = slot_events(returned)[names.SLOT_HANDOFF]
    other = make_tracker(
        intent="inform", text="x@example.org", slots={names.SLOT_HANDOFF: handoff_id}, sender_id="intruder"
    )
    messages, events = await run_action(ActionLeaveHandoffEmail(), other)
    assert messages == [] and [(e["event"], e["name"]) for e in events] == [("followup", names.ACTION_SEARCH_POSTING)]
    found = handoffs.get(int(handoff_id))
    assert found is not None and found.email is None


async def test_no_email_means_the_usual_answer(catalog: Catalog) -> None:
    tracker = make_tracker(intent="inform", text="A-10234", slots={names.SLOT_HANDOFF: "1"})
    messages, events = await run_action(ActionLeaveHandoffEmail(), tracker)
    assert messages == [] and [(e["event"], e["name"]) for e in events] == [("followup", names.ACTION_SEARCH_POSTING)]


async def test_capabilities_list_the_postings(catalog: Catalog) -> None:
    messages, _ = await run_action(ActionCapabilities(), make_tracker(intent="ask_capabilities", text="help"))
    assert message_names(messages) == [names.REPLY_CAPABILITIES]
    assert "Accounting Technician II — Los Angeles Unified School District" in messages[0]["text"]
    assert "Accounting Technician — City of Pasadena, CA" in messages[0]["text"]
