"""ActionCheckStatus and ActionCancelStatus: verified answers, identical failures, nothing kept."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from actions import names
from actions.action_cancel_status import ActionCancelStatus
from actions.action_check_status import ActionCheckStatus
from knowledge.catalog import Catalog
from tests.actions.helpers import make_tracker, message_names, run_action, slot_events


def status_tracker(application_id: str, email: str, failures: float = 0, sender_id: str = "conv-1"):  # type: ignore[no-untyped-def]
    return make_tracker(
        sender_id=sender_id,
        slots={
            names.SLOT_APPLICATION_ID: application_id,
            names.SLOT_APPLICANT_EMAIL: email,
            names.SLOT_STATUS_FAILURES: failures,
        },
    )


@pytest.mark.usefixtures("applications_db")
async def test_verified_applicant_hears_status_next_step_from_posting_and_rank() -> None:
    messages, events = await run_action(ActionCheckStatus(), status_tracker("a-1001", "Jane.Doe@example.com"))
    assert message_names(messages) == [names.REPLY_STATUS]
    text = messages[0]["text"]
    assert "Accounting Technician II — Los Angeles Unified School District" in text
    assert "eligibility (hiring) list" in text and "December 20, 2025" in text
    assert "Your rank on the list: 2." in text
    assert "top three ranks" in text and "12 months" in text  # from the posting's own text
    assert "jane.doe@example.com" not in text.lower()  # the email is never echoed
    slots = slot_events(events)
    assert slots[names.SLOT_APPLICATION_ID] is None and slots[names.SLOT_APPLICANT_EMAIL] is None


@pytest.mark.usefixtures("applications_db")
async def test_foreign_evaluation_pending_gets_the_postings_rules_and_next_step() -> None:
    messages, _ = await run_action(ActionCheckStatus(), status_tracker("A-1002", "sam.lee@example.org"))
    text = messages[0]["text"]
    assert "Accounting Technician — City of Pasadena, CA" in text
    assert "foreign transcript evaluation is pending" in text
    assert "Upload your evaluation report to your profile" in text
    assert "lausd" not in text.lower()  # never another posting's rules


@pytest.mark.usefixtures("applications_db")
async def test_unknown_id_and_wrong_email_get_the_same_reply() -> None:
    unknown, unknown_events = await run_action(ActionCheckStatus(), status_tracker("A-4040", "jane.doe@example.com"))
    wrong, wrong_events = await run_action(ActionCheckStatus(), status_tracker("A-1001", "x@example.com"))
    assert unknown == wrong
    assert message_names(unknown) == [names.REPLY_STATUS_FAILED]
    assert slot_events(unknown_events) == slot_events(wrong_events)
    assert slot_events(unknown_events)[names.SLOT_STATUS_FAILURES] == 1.0


@pytest.mark.usefixtures("applications_db")
async def test_third_failure_gives_up_with_a_contact() -> None:
    messages, events = await run_action(ActionCheckStatus(), status_tracker("A-1001", "x@example.com", failures=2))
    assert message_names(messages) == [names.REPLY_STATUS_GIVE_UP]
    assert "human resources" in messages[0]["text"] or "contact" in messages[0]["text"]
    assert slot_events(events)[names.SLOT_STATUS_FAILURES] == 3.0
    again, _ = await run_action(ActionCheckStatus(), status_tracker("A-1001", "jane.doe@example.com", failures=3))
    assert message_names(again) == [names.REPLY_STATUS_GIVE_UP]  # no more look-ups in this conversation


@pytest.mark.usefixtures("applications_db")
async def test_database_errors_get_a_polite_reply(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OperationalError("SELECT secret FROM applications", {}, Exception("connection refused"))

    monkeypatch.setattr("actions.action_check_status.verify", broken)
    messages, events = await run_action(ActionCheckStatus(), status_tracker("A-1001", "jane.doe@example.com"))
    assert message_names(messages) == [names.REPLY_STATUS_UNAVAILABLE]
    assert "SELECT" not in messages[0]["text"]
    assert slot_events(events)[names.SLOT_APPLICANT_EMAIL] is None


async def test_cancel_clears_the_form_and_its_slots() -> None:
    tracker = make_tracker(intent="cancel", text="never mind", slots={names.SLOT_APPLICATION_ID: "A-1"})
    tracker.active_loop = {"name": names.FORM_STATUS}
    messages, events = await run_action(ActionCancelStatus(), tracker)
    assert message_names(messages) == [names.REPLY_STATUS_CANCELLED]
    assert {"event": "active_loop", "name": None} in [{k: e.get(k) for k in ("event", "name")} for e in events]
    assert slot_events(events)[names.SLOT_APPLICATION_ID] is None


async def test_never_mind_with_nothing_to_cancel_says_so() -> None:
    messages, _ = await run_action(ActionCancelStatus(), make_tracker(intent="cancel", text="never mind, forget it"))
    assert message_names(messages) == [names.REPLY_NOTHING_TO_CANCEL]


async def test_a_question_taken_for_never_mind_is_answered(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent="cancel",
        text="so I don't miss their emails, which domains should I whitelist?",
        slots={names.SLOT_POSTING: "lausd-accounting-technician-ii"},
    )
    messages, _ = await run_action(ActionCancelStatus(), tracker)
    assert message_names(messages) == [names.REPLY_SEARCH_ANSWER]
    assert "successfactors.com" in messages[0]["text"]
