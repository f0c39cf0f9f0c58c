"""ActionTalkToHuman and ActionCapabilities."""

from __future__ import annotations

from actions import names
from actions.action_capabilities import ActionCapabilities
from actions.action_talk_to_human import ActionTalkToHuman
from knowledge.catalog import Catalog
from tests.actions.helpers import make_tracker, message_names, run_action

LAUSD = "lausd-accounting-technician-ii"
PASADENA = "pasadena-accounting-technician"


async def test_gives_every_contact_of_the_posting(catalog: Catalog) -> None:
    tracker = make_tracker(intent="request_human", text="human please", slots={names.SLOT_POSTING: LAUSD})
    messages, _ = await run_action(ActionTalkToHuman(), tracker)
    assert message_names(messages) == [names.REPLY_HUMAN_CONTACTS]
    text = messages[0]["text"]
    for contact in ("jessica.mejia1@lausd.net", "helpmeapply@lausd.net", "(213) 241-3455", "(213) 443-1300"):
        assert contact in text
    assert "facebook" not in text


async def test_posting_without_contacts_says_so(catalog: Catalog) -> None:
    tracker = make_tracker(intent="request_human", text="agent", metadata={"posting_id": PASADENA})
    messages, _ = await run_action(ActionTalkToHuman(), tracker)
    assert message_names(messages) == [names.REPLY_NO_CONTACTS]
    assert "City of Pasadena" in messages[0]["text"]


async def test_capabilities_list_the_postings(catalog: Catalog) -> None:
    messages, _ = await run_action(ActionCapabilities(), make_tracker(intent="ask_capabilities", text="help"))
    assert message_names(messages) == [names.REPLY_CAPABILITIES]
    assert "Accounting Technician II — Los Angeles Unified School District" in messages[0]["text"]
    assert "Accounting Technician — City of Pasadena, CA" in messages[0]["text"]
