"""Application ids and emails in what applicants type; a posting's own number is no application id."""

from __future__ import annotations

import pytest

from actions.applicant_input import find_application_id, find_email


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("it's APP-2025-0042", "APP-2025-0042"),
        ("my application number is 2024-118830", "2024-118830"),
        ("id: hr-40021, email me@example.org", "hr-40021"),
        ("job 77-120: my application is B-55102", "B-55102"),
        ("what's the status of job 77-120?", None),
        ("posting #4471 - any news?", None),
        ("recruitment no. 2025-11 closes when?", None),
        ("write to jane2024@example.com", None),
    ],
)
def test_application_id_in_a_message(text: str, found: str | None) -> None:
    assert find_application_id(text) == found


def test_a_known_job_number_is_never_the_application_id() -> None:
    numbers = {"31-0042"}
    assert find_application_id("31-0042", posting_numbers=numbers) is None
    assert find_application_id("I applied to 31-0042, my id is K-88120", posting_numbers=numbers) == "K-88120"
    assert find_application_id("I applied to 31-0042", posting_numbers=set()) == "31-0042"


def test_email_in_a_message() -> None:
    assert find_email("reach me at Ana.Diaz+jobs@example.org please") == "Ana.Diaz+jobs@example.org"
    assert find_email("no address here") is None
