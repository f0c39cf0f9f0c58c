"""ValidateStatusForm: ids and emails come from what was typed; other questions step aside."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.validate_status_form import ValidateStatusForm
from knowledge.catalog import Catalog
from tests.actions.helpers import make_tracker, message_names

pytestmark = pytest.mark.usefixtures("catalog")  # job numbers come from the knowledge base


def asking(slot: str, text: str, intent: str = "inform", **slots: object):  # type: ignore[no-untyped-def]
    return make_tracker(intent=intent, text=text, slots={"requested_slot": slot, **slots})


async def test_application_id_is_found_in_a_sentence() -> None:
    dispatcher = CollectingDispatcher()
    found = await ValidateStatusForm().extract_application_id(
        dispatcher, asking("application_id", "it's APP-2025-0042 I think"), {}
    )
    assert found == {names.SLOT_APPLICATION_ID: "APP-2025-0042"}
    assert dispatcher.messages == []


async def test_a_postings_job_number_is_not_taken_for_the_application_id(catalog: Catalog) -> None:
    job_numbers = sorted(catalog.job_numbers())
    assert job_numbers, "the seed postings state job numbers"
    dispatcher = CollectingDispatcher()
    for number in job_numbers:
        tracker = asking("application_id", f"I applied for {number}, it's APP-2025-0042")
        found = await ValidateStatusForm().extract_application_id(dispatcher, tracker, {})
        assert found == {names.SLOT_APPLICATION_ID: "APP-2025-0042"}
        starting = make_tracker(intent="check_status", text=f"what's the status of {number}?", slots={})
        assert await ValidateStatusForm().extract_application_id(dispatcher, starting, {}) == {}
    assert dispatcher.messages == []


async def test_email_is_found_and_not_mistaken_for_an_id() -> None:
    dispatcher = CollectingDispatcher()
    tracker = asking("applicant_email", "my email is jane2024@example.com", application_id="A-1")
    assert await ValidateStatusForm().extract_applicant_email(dispatcher, tracker, {}) == {
        names.SLOT_APPLICANT_EMAIL: "jane2024@example.com"
    }
    id_tracker = asking("application_id", "jane2024@example.com")
    assert await ValidateStatusForm().extract_application_id(dispatcher, id_tracker, {}) == {
        names.SLOT_APPLICATION_ID: None
    }
    assert message_names(dispatcher.messages) == [names.REPLY_NOT_AN_ID]


async def test_another_question_fills_nothing_so_the_rules_answer_it() -> None:
    dispatcher = CollectingDispatcher()
    tracker = asking("application_id", "when is the deadline?", intent="ask_deadline")
    assert await ValidateStatusForm().extract_application_id(dispatcher, tracker, {}) == {}
    assert dispatcher.messages == []


async def test_after_three_failures_nothing_is_asked() -> None:
    tracker = make_tracker(intent="check_status", text="status?", slots={names.SLOT_STATUS_FAILURES: 3.0})
    slots = await ValidateStatusForm().required_slots(
        ["application_id", "applicant_email"], CollectingDispatcher(), tracker, {}
    )
    assert slots == []
