"""knowledge.contacts: finding emails, phones and links, and what each is for."""

from __future__ import annotations

import pytest

from knowledge.contacts import EMAIL_RE, PHONE_RE, URL_RE, extract_contacts, purpose_of
from knowledge.model import Posting, Section


@pytest.mark.parametrize(
    "text", ["(213) 241-3455", "213-241-3455", "213.241.3455", "213 241 3455", "1-800-555-0199", "+1 818 548 2110"]
)
def test_phone_formats(text: str) -> None:
    assert PHONE_RE.search(f"Call {text} today.").group(0).strip() == text


@pytest.mark.parametrize("text", ["Job Number: 26-039", "Job Number: 2025-118", "09/11/2025", "$57,946.10", "91122"])
def test_not_phones(text: str) -> None:
    assert PHONE_RE.search(text) is None


def test_email_and_url_patterns() -> None:
    assert EMAIL_RE.findall("contact Jessica Mejia at jessica.mejia1@lausd.net.") == ["jessica.mejia1@lausd.net"]
    assert URL_RE.findall("visit http://www.lausdjobs.org or www.example.org/jobs") == [
        "http://www.lausdjobs.org",
        "www.example.org/jobs",
    ]


@pytest.mark.parametrize(
    ("sentence", "heading", "previous", "purpose"),
    [
        (
            "Please call (213) 241-3455 for more information.",
            "NOTES",
            "Reasonable accommodations are available to individuals with disabilities.",
            "accommodation",
        ),
        ("Please call (213) 241-3455 for more information.", "NOTES", "", "general"),
        ("please contact Information Technology Services at (213) 443-1300", "INFO", "", "it_help"),
        (
            "Email us at helpmeapply@lausd.net",
            "DO YOU NEED TECHNICAL ASSISTANCE WITH THE ON-LINE APPLICATION?",
            "",
            "technical",
        ),
        (
            "If you have questions regarding the employment selection process, please contact x@y.org",
            "X",
            "",
            "selection",
        ),
        ("For a list of approved evaluation organizations, visit: https://a.org", "Experience", "", "evaluation"),
        ("To find out whether the application deadline has been extended, visit http://a.org", "X", "", "extension"),
        (
            "For inquiries or complaints contact our Equal Opportunity Section, (213) 241-7685.",
            "X",
            "",
            "equal_opportunity",
        ),
        ("https://www.facebook.com/LAUSDjobs/", "X", "Follow us on:", "social"),
        ("Write to hr@example.org", "REASONABLE ACCOMMODATION", "", "accommodation"),
    ],
)
def test_purpose_of(sentence: str, heading: str, previous: str, purpose: str) -> None:
    assert purpose_of(sentence, heading, previous) == purpose


def test_extract_contacts_in_order_once_each() -> None:
    sections = [
        Section("SELECTION", "Questions about the exam go to exams@city.example.org. Or call (818) 555-0100."),
        Section("OTHER", "Again: exams@city.example.org. Visit https://city.example.org/jobs."),
    ]
    contacts = extract_contacts(sections)
    assert [(c.kind, c.value) for c in contacts] == [
        ("email", "exams@city.example.org"),
        ("phone", "(818) 555-0100"),
        ("url", "https://city.example.org/jobs"),
    ]
    assert contacts[0].purpose == "selection"
    assert contacts[0].section == "SELECTION"
    # the phone's own sentence is neutral: the sentence before gives it its purpose and context
    assert contacts[1].purpose == "selection"
    assert contacts[1].context.startswith("Questions about the exam")


def test_url_trailing_punctuation_and_parentheses(lausd: Posting) -> None:
    urls = [c.value for c in lausd.contacts if c.kind == "url"]
    # the closing parenthesis is part of the address, the sentence's full stop is not
    assert "https://www.ctc.ca.gov/credentials/leaflets/foreign-transcript-evaluation-(cl-635)" in urls
    assert not any(u.endswith((".", ",")) for u in urls)
    assert extract_contacts([Section("X", "See (https://a.example.org/jobs).")])[0].value == (
        "https://a.example.org/jobs"
    )


def test_lausd_contacts_in_posting_order(lausd: Posting) -> None:
    assert [c.value for c in lausd.contacts] == [
        "(213) 443-1300",
        "(213) 241-5200",
        "https://www.lausd.org/helpdesk",
        "https://www.ctc.ca.gov/credentials/leaflets/foreign-transcript-evaluation-(cl-635)",
        "https://www.lausd.org/Page/7876",
        "jessica.mejia1@lausd.net",
        "helpmeapply@lausd.net",
        "http://www.lausdjobs.org",
        "(213) 241-3455",
        "(213) 241-7685",
        "https://www.facebook.com/LAUSDjobs/",
    ]


def test_lausd_contacts_for(lausd: Posting) -> None:
    assert [c.value for c in lausd.contacts_for("selection")] == [
        "https://www.lausd.org/Page/7876",
        "jessica.mejia1@lausd.net",
    ]
    assert [c.value for c in lausd.contacts_for("technical")] == ["helpmeapply@lausd.net"]
    assert [c.value for c in lausd.contacts_for("accommodation")] == ["(213) 241-3455"]
    assert [c.value for c in lausd.contacts_for("it_help")] == [
        "(213) 443-1300",
        "(213) 241-5200",
        "https://www.lausd.org/helpdesk",
    ]


def test_pasadena_has_no_contacts(pasadena: Posting) -> None:
    assert pasadena.contacts == ()
    assert pasadena.contacts_for("selection", "technical", "accommodation", "general") == ()


def test_no_contacts_in_numbers_and_dates(pasadena: Posting) -> None:
    # "26-039", "09/11/2025", "91122" and the salary are not phone numbers
    assert extract_contacts(pasadena.sections) == ()
