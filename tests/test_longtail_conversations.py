"""End-to-end: questions outside the topics, narrow questions, follow-ups, one-message status and
postings of one employer, over REST to the running servers with the trained model."""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.applications.conftest import GOOD_ROWS, write_csv
from tests.conftest import SERVER_TODAY
from tests.servers import SEED_POSTINGS, Assistant, make_assistant

pytestmark = pytest.mark.server

LAUSD = {"posting_id": "lausd-accounting-technician-ii"}
PASADENA = {"posting_id": "pasadena-accounting-technician"}
SAME_EMPLOYERS = Path(__file__).parent / "knowledge" / "postings"
NOT_STATED = re.compile(r"does not state", re.IGNORECASE)


def postings_folder(root: Path) -> Path:
    """The seed postings, and one more posting from each of their employers under another title."""
    folder = root / "postings-source"
    shutil.copytree(SEED_POSTINGS, folder)
    for name in ("lausd-payroll-technician.txt", "pasadena-human-resources-analyst.txt"):
        shutil.copy(SAME_EMPLOYERS / name, folder / name)
    return folder


def start(root: Path, database_url: str | None = None) -> Assistant:
    assistant = make_assistant(root, SERVER_TODAY, postings_folder(root))
    if database_url:
        assistant.env["HELPBOT_DATABASE_URL"] = database_url
        result = assistant.ingest()
        assert result.returncode == 0, result.stderr
    result = assistant.cli("applications", "import", str(write_csv(root, GOOD_ROWS)))
    assert result.returncode == 0, result.stderr
    assistant.start()
    return assistant


@pytest.fixture(scope="module")
def helpbot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    running = start(tmp_path_factory.mktemp("longtail"))
    yield running
    running.stop()


def _database_kinds() -> list[str]:
    return ["sqlite", "postgresql"] if os.environ.get("HELPBOT_TEST_DATABASE_URL") else ["sqlite"]


@pytest.fixture(scope="module", params=_database_kinds())
def status_helpbot(
    request: pytest.FixtureRequest, helpbot: Assistant, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Assistant]:
    """The assistant on SQLite, and again on the PostgreSQL server when one is configured."""
    if request.param == "sqlite":
        yield helpbot
        return
    from base.database import make_engine, metadata

    url = os.environ["HELPBOT_TEST_DATABASE_URL"]
    engine = make_engine(url)
    metadata.drop_all(engine)
    running = start(tmp_path_factory.mktemp("longtail-postgresql"), url)
    yield running
    running.stop()
    metadata.drop_all(engine)
    engine.dispose()


def conversation() -> str:
    return f"longtail-{uuid.uuid4().hex[:12]}"


def answer_text(reply: str) -> str:
    return reply.split("\n\nFrom the posting:")[0]


def test_a_question_outside_the_topics_gets_the_sentence_that_answers_it(helpbot: Assistant) -> None:
    reply = helpbot.reply(conversation(), "how many spots are they filling for this one?", PASADENA)
    assert "There is one vacancy in the Finance department" in reply
    assert reply.endswith("From the posting: Vacancies")  # the citation


@pytest.mark.parametrize(
    "question",
    [
        "could I do this job remotely a couple of days a week?",
        "can I work from home?",
        "is the position represented by a union?",
    ],
)
def test_what_the_posting_does_not_say_is_declined_with_a_contact(helpbot: Assistant, question: str) -> None:
    reply = helpbot.reply(conversation(), question, LAUSD)
    assert NOT_STATED.search(reply), reply
    assert "jessica.mejia1@lausd.net" in reply or "@lausd.net" in reply or "(213)" in reply


def test_the_same_question_is_answered_where_the_posting_says_and_declined_where_not(helpbot: Assistant) -> None:
    question = "how many hours a week would I work?"
    assert "40+ HRS A WK" in helpbot.reply(conversation(), question, PASADENA)
    assert NOT_STATED.search(helpbot.reply(conversation(), question, LAUSD))


def test_a_narrow_question_gets_a_short_answer_and_the_whole_section_on_request(helpbot: Assistant) -> None:
    who = conversation()
    messages = helpbot.ask(who, "what's actually on the assessment?", LAUSD)
    assert len(messages) == 1
    text = messages[0]["text"]
    assert "Multiple-Choice test" in text and "Microsoft 2016 Excel" in text
    assert len(answer_text(text).split("\n")) <= 3 and "supplemental questionnaire" not in text
    (button,) = messages[0]["buttons"]
    assert button["title"] == "Show the whole section"
    whole = helpbot.reply(who, button["payload"], LAUSD)
    assert "supplemental questionnaire" in whole and "Multiple-Choice test" in whole
    assert len(answer_text(whole)) > 2 * len(answer_text(text))


@pytest.mark.parametrize(
    "opener",
    ["I studied in Mexico, what do I do about my transcripts?", "my degree is from Peru, what about transcripts?"],
)
def test_a_follow_up_is_answered_about_what_was_just_discussed(helpbot: Assistant, opener: str) -> None:
    who = conversation()
    first = helpbot.reply(who, opener, LAUSD)
    assert "foreign transcripts" in first
    evaluators = helpbot.reply(who, "who evaluates them?", LAUSD)
    assert "ctc.ca.gov" in evaluators
    assert answer_text(evaluators) != answer_text(first) and len(answer_text(evaluators)) < len(answer_text(first))


def test_the_second_one_is_the_second_item_of_the_last_answer(helpbot: Assistant) -> None:
    who = conversation()
    questions = helpbot.reply(who, "what supplemental questions will I have to answer?", PASADENA)
    assert "2. Did you graduate from a degree program in Accounting or Bookkeeping?" in questions
    second = helpbot.reply(who, "and the second one?", PASADENA)
    assert "Did you graduate from a degree program in Accounting or Bookkeeping?" in second
    assert "highest level of education" not in second


def test_a_question_inside_a_greeting_is_answered(helpbot: Assistant) -> None:
    reply = helpbot.reply(conversation(), "hi there! is there parking for employees?", PASADENA)
    assert NOT_STATED.search(reply) and "parking" in reply


def test_an_id_and_an_email_in_the_first_message_go_straight_to_the_status(status_helpbot: Assistant) -> None:
    reply = status_helpbot.reply(conversation(), "A-1001, Jane.Doe@Example.com - where is my application at?")
    assert "Accounting Technician II — Los Angeles Unified School District" in reply
    assert "eligibility (hiring) list" in reply
    assert "jane.doe" not in reply.lower() and "Which posting" not in reply


def test_a_wrong_email_in_one_message_gets_the_usual_failure(status_helpbot: Assistant) -> None:
    reply = status_helpbot.reply(conversation(), "A-1001 nobody@example.com what's my application status?")
    assert "couldn't find an application with that application ID and email address" in reply


@pytest.mark.parametrize(
    ("question", "page", "expected", "not_expected"),
    [
        ("when does the district's payroll opening close?", {}, "December 19, 2025", "December 11, 2025"),
        ("deadline for the LAUSD payroll technician job?", LAUSD, "December 19, 2025", "December 11, 2025"),
        ("what's the last day to apply for the HR analyst job at the city?", {}, "January 30, 2026", "26-039"),
        ("when does the LAUSD accounting technician II job close?", {}, "December 11, 2025", "December 19"),
    ],
)
def test_the_title_picks_the_posting_among_one_employer_s(
    helpbot: Assistant, question: str, page: dict[str, Any], expected: str, not_expected: str
) -> None:
    reply = helpbot.reply(conversation(), question, page)
    assert expected in reply and not_expected not in reply
    assert "Which posting" not in reply
