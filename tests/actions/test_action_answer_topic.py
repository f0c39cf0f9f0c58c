"""ActionAnswerTopic: which posting, what it answers, what it remembers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from actions import names
from actions.action_answer_topic import ActionAnswerTopic
from actions.replies import MAX_POSTING_BUTTONS
from base.database import make_engine
from knowledge.catalog import Catalog
from knowledge.ingest import ingest_folder
from tests.actions.helpers import make_tracker, message_names, run_action, slot_events
from tests.servers import SEED_POSTINGS

LAUSD = "lausd-accounting-technician-ii"
PASADENA = "pasadena-accounting-technician"


async def test_answers_for_the_posting_named_in_the_text(catalog: Catalog) -> None:
    tracker = make_tracker(intent="ask_deadline", text="when is the LAUSD deadline?")
    messages, events = await run_action(ActionAnswerTopic(), tracker)
    assert message_names(messages) == [names.REPLY_TOPIC_ANSWER]
    assert "December 11, 2025" in messages[0]["text"]
    custom = messages[0]["custom"]
    assert custom["posting_id"] == LAUSD and custom["stated"] is True
    assert custom["citations"][0]["section"] == "APPLICATION FILING DATES"
    assert messages[0]["text"].endswith(custom["caption"])
    assert slot_events(events)[names.SLOT_POSTING] == LAUSD
    assert slot_events(events)[names.SLOT_LAST_TOPIC] == "deadline"


async def test_page_metadata_beats_the_conversation_posting(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent="ask_salary",
        text="what does it pay?",
        metadata={"posting_id": PASADENA},
        slots={names.SLOT_POSTING: LAUSD},
    )
    messages, events = await run_action(ActionAnswerTopic(), tracker)
    assert "$57,946.10 - $68,821.79 Annually" in messages[0]["text"]
    assert slot_events(events)[names.SLOT_POSTING] == PASADENA


async def test_follow_up_uses_the_posting_under_discussion(catalog: Catalog) -> None:
    tracker = make_tracker(intent="ask_job_number", text="and the job number?", slots={names.SLOT_POSTING: PASADENA})
    messages, _ = await run_action(ActionAnswerTopic(), tracker)
    assert "26-039" in messages[0]["text"]


async def test_a_named_posting_switches_away_from_the_current_one(catalog: Catalog) -> None:
    tracker = make_tracker(intent="ask_salary", text="what does Pasadena pay?", slots={names.SLOT_POSTING: LAUSD})
    messages, events = await run_action(ActionAnswerTopic(), tracker)
    assert "$57,946.10" in messages[0]["text"]
    assert slot_events(events)[names.SLOT_POSTING] == PASADENA


async def test_unknown_page_posting_is_ignored(catalog: Catalog) -> None:
    tracker = make_tracker(intent="ask_salary", text="salary?", metadata={"posting_id": "no-such-posting"})
    messages, events = await run_action(ActionAnswerTopic(), tracker)
    assert message_names(messages) == [names.REPLY_ASK_WHICH_POSTING]
    assert slot_events(events)[names.SLOT_PENDING_TOPIC] == "salary"


async def test_asks_with_a_button_per_posting_when_unsure(catalog: Catalog) -> None:
    messages, events = await run_action(ActionAnswerTopic(), make_tracker(intent="ask_deadline", text="deadline?"))
    assert message_names(messages) == [names.REPLY_ASK_WHICH_POSTING]
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert payloads == [
        f'/select_posting{{"posting_id": "{LAUSD}"}}',
        f'/select_posting{{"posting_id": "{PASADENA}"}}',
    ]
    assert slot_events(events)[names.SLOT_PENDING_TOPIC] == "deadline"
    assert names.SLOT_POSTING not in slot_events(events)


async def test_not_stated_says_so_with_the_postings_contact(catalog: Catalog) -> None:
    tracker = make_tracker(intent="ask_salary", text="what is the salary?", slots={names.SLOT_POSTING: LAUSD})
    messages, _ = await run_action(ActionAnswerTopic(), tracker)
    assert message_names(messages) == [names.REPLY_NOT_STATED]
    assert "its “Salary details” section is empty" in messages[0]["text"]
    assert "jessica.mejia1@lausd.net" in messages[0]["text"]
    custom = messages[0]["custom"]
    assert custom["stated"] is False
    assert [c["section"] for c in custom["citations"]] == ["EMPLOYMENT SELECTION PROCESS"]  # where the contact is
    assert messages[0]["text"].count("Employment selection process") == 1  # in the citation, not twice


async def test_an_employee_hears_the_vpn_note_first_in_the_same_message(catalog: Catalog) -> None:
    tracker = make_tracker(intent="ask_deadline", text="when is the LAUSD deadline?", metadata={"employee": True})
    messages, _ = await run_action(ActionAnswerTopic(), tracker)
    assert message_names(messages) == [names.REPLY_TOPIC_ANSWER]
    (note, answer) = messages[0]["custom"]["parts"]
    assert note["kind"] == "note" and "GlobalProtect" in note["text"]
    assert "\n" not in note["text"] and len(note["text"]) < 250  # one short line, not the whole paragraph
    assert answer["kind"] == "answer" and "December 11, 2025" in answer["text"]
    sections = [c["section"] for c in messages[0]["custom"]["citations"]]
    assert sections[:2] == ["INFORMATION ABOUT LAUSD", "APPLICATION FILING DATES"]
    text = messages[0]["text"]
    assert text.index("GlobalProtect") < text.index("December 11, 2025") < text.index("From the posting:")


@pytest.mark.parametrize(
    ("intent", "text", "metadata"),
    [
        ("ask_salary", "what does the LAUSD job pay?", {"employee": True}),
        ("ask_contact", "who do I contact at LAUSD?", {"employee": True}),
        ("ask_deadline", "when is the LAUSD deadline?", {}),
    ],
)
async def test_the_vpn_note_only_for_employees_asking_about_deadlines_confirmation_or_technical_help(
    catalog: Catalog, intent: str, text: str, metadata: dict[str, object]
) -> None:
    messages, _ = await run_action(ActionAnswerTopic(), make_tracker(intent=intent, text=text, metadata=metadata))
    assert [p["kind"] for p in messages[0]["custom"]["parts"]] == ["answer"]
    assert "GlobalProtect" not in messages[0]["text"]


async def test_not_stated_without_contacts_is_honest(catalog: Catalog) -> None:
    tracker = make_tracker(intent="ask_vpn", text="vpn?", slots={names.SLOT_POSTING: PASADENA})
    messages, _ = await run_action(ActionAnswerTopic(), tracker)
    assert message_names(messages) == [names.REPLY_NOT_STATED]
    assert "no email address or phone number" in messages[0]["text"]
    assert "lausd" not in messages[0]["text"].lower()


async def test_empty_knowledge_base_gets_a_polite_reply(empty_catalog: Catalog) -> None:
    messages, events = await run_action(ActionAnswerTopic(), make_tracker(intent="ask_deadline", text="deadline?"))
    assert message_names(messages) == [names.REPLY_KB_EMPTY]
    assert events == []


async def test_many_fitting_postings_get_a_few_buttons_and_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(6):
        for seed in SEED_POSTINGS.glob("*.txt"):
            shutil.copyfile(seed, folder / f"{seed.stem}-{number}.txt")
    engine = make_engine(f"sqlite:///{tmp_path / 'many.db'}")
    ingest_folder(folder, engine=engine)
    many = Catalog(engine)
    monkeypatch.setattr("actions.action_answer_topic.get_catalog", lambda: many)

    messages, _ = await run_action(ActionAnswerTopic(), make_tracker(intent="ask_deadline", text="deadline?"))

    assert message_names(messages) == [names.REPLY_ASK_WHICH_OF_MANY_POSTINGS]
    assert len(messages[0]["buttons"]) == MAX_POSTING_BUTTONS < 12
    assert "12 postings fit" in messages[0]["text"]
