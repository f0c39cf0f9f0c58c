"""End-to-end: the application status form over REST, with an imported HR export."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.applications.conftest import GOOD_ROWS, write_csv
from tests.servers import Assistant

pytestmark = pytest.mark.server

ASKS_FOR_ID = "what is your application ID"
ASKS_FOR_EMAIL = "email address you applied with"
FAILED = "couldn't find an application with that application ID and email address"
EXTRA_ROWS = [
    "B-2001,lock.me@example.com,Lock,pasadena-accounting-technician,received,2025-11-01,not_required,,",
    "B-2002,three@example.com,Three,pasadena-accounting-technician,received,2025-11-01,not_required,,",
]


@pytest.fixture(scope="module")
def hr_imported(assistant: Assistant, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    path = write_csv(tmp_path_factory.mktemp("hr"), GOOD_ROWS + EXTRA_ROWS)
    result = assistant.cli("applications", "import", str(path))
    assert result.returncode == 0, result.stderr
    assert "5 inserted" in result.stdout
    return assistant


def sender() -> str:
    return f"status-{uuid.uuid4().hex[:10]}"


def check(
    assistant: Assistant,
    who: str,
    application_id: str,
    email: str,
    opener: str = "what's the status of my application?",
) -> str:
    assert ASKS_FOR_ID in assistant.reply(who, opener)
    assert ASKS_FOR_EMAIL in assistant.reply(who, application_id)
    return assistant.reply(who, email)


def test_verified_applicant_gets_status_rank_and_what_comes_next(hr_imported: Assistant) -> None:
    who = sender()
    reply = check(hr_imported, who, "A-1001", "Jane.Doe@Example.com ")
    assert "Accounting Technician II — Los Angeles Unified School District" in reply
    assert "eligibility (hiring) list" in reply and "December 20, 2025" in reply
    assert "Your rank on the list: 2." in reply and "top three ranks" in reply and "12 months" in reply
    assert "jane.doe" not in reply.lower()
    assert ASKS_FOR_ID in hr_imported.reply(who, "am I on the eligibility list?")  # verification is not remembered


def test_unknown_id_and_wrong_email_cannot_be_told_apart(hr_imported: Assistant) -> None:
    unknown = check(hr_imported, sender(), "A-4040", "jane.doe@example.com")
    wrong = check(hr_imported, sender(), "A-1001", "someone.else@example.com")
    assert FAILED in unknown
    assert unknown == wrong


def test_three_failures_stop_the_asking_and_give_a_contact(hr_imported: Assistant) -> None:
    who = sender()
    for attempt in range(2):
        assert FAILED in check(hr_imported, who, "B-2002", f"nope{attempt}@example.com")
    give_up = check(hr_imported, who, "B-2002", "nope2@example.com")
    assert "stop asking" in give_up and "contact" in give_up
    later = hr_imported.reply(who, "did you get my application?")
    assert "stop asking" in later and ASKS_FOR_ID not in later


def test_five_failures_lock_the_id_across_conversations(hr_imported: Assistant) -> None:
    for attempt in range(5):
        assert FAILED in check(hr_imported, sender(), "B-2001", f"guess{attempt}@example.com")
    locked = check(hr_imported, sender(), "B-2001", "lock.me@example.com")
    assert FAILED in locked  # the right email, but the id is locked: the same reply, nothing revealed


def test_cancel_stops_the_form(hr_imported: Assistant) -> None:
    who = sender()
    assert ASKS_FOR_ID in hr_imported.reply(who, "has my transcript been verified?")
    assert "stopped" in hr_imported.reply(who, "never mind")
    assert "December 11, 2025" in hr_imported.reply(who, "when is the LAUSD deadline?")


def test_a_question_in_the_middle_is_answered_and_the_form_resumes(hr_imported: Assistant) -> None:
    who = sender()
    assert ASKS_FOR_ID in hr_imported.reply(who, "what's the status of my application?")
    detour = hr_imported.reply(who, "wait, how much does the Pasadena job pay?")
    assert "$57,946.10" in detour and ASKS_FOR_ID in detour
    assert ASKS_FOR_EMAIL in hr_imported.reply(who, "my id is A-1002")
    reply = hr_imported.reply(who, "sam.lee@example.org")
    assert "foreign transcript evaluation is pending" in reply
    assert "Upload your evaluation report to your profile" in reply


def test_staff_transcript_decision_shows_at_once(hr_imported: Assistant) -> None:
    queue = hr_imported.cli("applications", "transcripts")
    assert "A-1003" in queue.stdout and "received" in queue.stdout
    before = check(hr_imported, sender(), "A-1003", "kim@example.net")
    assert "waiting to be verified" in before
    decided = hr_imported.cli("applications", "set-transcript", "A-1003", "verified", "--staff", "Kim", "--note", "ok")
    assert decided.returncode == 0, decided.stderr
    after = check(hr_imported, sender(), "A-1003", "kim@example.net")
    assert "Your transcripts have been verified." in after
    bad = hr_imported.cli("applications", "set-transcript", "A-0000", "verified")
    assert bad.returncode != 0 and "no application with id" in bad.stderr


def test_logs_hold_no_emails_application_ids_or_message_text(hr_imported: Assistant, tmp_path: Path) -> None:
    check(hr_imported, sender(), "A-1001", "jane.doe@example.com")
    hr_imported.reply(sender(), "does the purple-elephant-question appear in the logs?")
    logs = "\n".join(p.read_text(errors="replace") for p in (hr_imported.workdir / "logs").glob("*.log"))
    secrets = ("jane.doe@example.com", "sam.lee@example.org", "lock.me@example.com", "A-1001", "B-2001",
               "purple-elephant-question")  # fmt: skip
    for secret in secrets:
        assert secret.lower() not in logs.lower()
