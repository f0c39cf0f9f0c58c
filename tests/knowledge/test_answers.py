"""knowledge.answers: every topic on both real postings, and the deadline status by date."""

from __future__ import annotations

import re
from datetime import date

import pytest

from knowledge.answers import COMPOSERS, Answer, answer, best_contact, empty_section, format_date
from knowledge.model import Posting
from knowledge.parser import parse_posting
from knowledge.topics import TOPICS, topic_of_intent

from .conftest import GLENDALE_ID, LONGBEACH_ID

TODAY = date(2025, 12, 1)
TECH = "DO YOU NEED TECHNICAL ASSISTANCE WITH THE ON-LINE APPLICATION?"

# topic -> (stated?, phrases the answer must contain, sections it must name)
LAUSD_EXPECTED: dict[str, tuple[bool, tuple[str, ...], tuple[str, ...]]] = {
    "deadline": (
        True,
        ("November 26, 2025 - December 11, 2025", "10 days left", "http://www.lausdjobs.org"),
        ("APPLICATION FILING DATES", TECH),
    ),
    "vpn": (
        True,
        (
            "GlobalProtect Virtual Private Network (VPN)",
            "(213) 443-1300",
            "(213) 241-5200",
            "https://www.lausd.org/helpdesk",
        ),
        ("INFORMATION ABOUT LAUSD",),
    ),
    "transcripts": (
        True,
        (
            "must be presented at the time applications are screened",
            "complete evaluation of foreign transcripts and degrees",
            "DETAILED report",
            "https://www.ctc.ca.gov/credentials/leaflets/foreign-transcript-evaluation-(cl-635)",
        ),
        (),
    ),
    "accommodation": (True, ("Reasonable accommodations", "(213) 241-3455"), (TECH,)),
    "salary": (False, (), ()),
    "requirements": (
        True,
        (
            "Graduation from high school",
            "One year of office bookkeeping or accounting experience",
            "may be substituted for the required experience",
            "must be met by the end of the filing period",
        ),
        ("MINIMUM REQUIREMENTS",),
    ),
    "selection_process": (
        True,
        ("Microsoft 2016 Excel", "Multiple-Choice test", "jessica.mejia1@lausd.net"),
        ("EMPLOYMENT SELECTION PROCESS",),
    ),
    "eligibility_list": (
        True,
        ("top three ranks of the hiring list", "Eligibility typically lasts for 12 months"),
        ("ADDITIONAL POSTING INFORMATION",),
    ),
    "benefits": (True, ("CalPERS", "Paid Holidays: Up to 13 days."), ("BENEFITS",)),
    "contact": (
        True,
        (
            "Questions about the selection process: jessica.mejia1@lausd.net",
            "Technical help with the online application: helpmeapply@lausd.net",
            "Reasonable accommodations: (213) 241-3455",
            "VPN / IT help: (213) 443-1300",
        ),
        ("EMPLOYMENT SELECTION PROCESS", TECH, "INFORMATION ABOUT LAUSD"),
    ),
    "technical_help": (True, ("helpmeapply@lausd.net",), (TECH,)),
    "confirmation_email": (
        True,
        ("email message confirming", "spam/junk folder", "helpmeapply@lausd.net"),
        ("APPLICATION PROCESS", TECH),
    ),
    "location": (
        True,
        ("Location: US", "West Valley Occupational Center"),
        ("Posting header", "DEPARTMENT OR SCHOOL SITE"),
    ),
    "job_number": (False, (), ()),
    "duties": (
        True,
        ("complex clerical accounting duties", "Reconciling bank accounts and vendor statements."),
        ("JOB DUTIES/RESPONSIBILITIES",),
    ),
    "probation": (False, (), ()),
    "background_check": (False, (), ()),
    # no questions listed, but the posting says the application has a supplemental questionnaire
    "supplemental_questions": (True, ("supplemental questionnaire",), ("EMPLOYMENT SELECTION PROCESS",)),
}

PASADENA_EXPECTED: dict[str, tuple[bool, tuple[str, ...], tuple[str, ...]]] = {
    "deadline": (
        True,
        ("September 11, 2025", "open continuous", "October 2, 2025", "may close at any time", "no closing date"),
        ("Posting header", "IDEAL CANDIDATE"),
    ),
    "vpn": (False, (), ()),
    "transcripts": (False, (), ()),
    "accommodation": (False, (), ()),
    "salary": (True, ("$57,946.10 - $68,821.79 Annually",), ("Posting header",)),
    "requirements": (
        True,
        (
            "Associate's degree program in accounting or bookkeeping",
            "two years of progressively responsible experience",
            "equivalent combination of training and experience",
        ),
        ("Qualification Guidelines",),
    ),
    "selection_process": (True, ("written, performance, and/or oral appraisal",), ("SELECTION PROCESS",)),
    "eligibility_list": (True, ("An eligible list of candidates will be established",), ("VACANCIES",)),
    "benefits": (True, ("2% @ 62 benefit formula", "2.5% @ 55 benefit formula"), ("VACANCIES",)),
    "contact": (False, (), ()),
    "technical_help": (False, (), ()),
    "confirmation_email": (False, (), ()),
    "location": (
        True,
        ("Location: City of Pasadena, CA", "Department: Finance", "Division: Accounting & Analysis"),
        ("Posting header",),
    ),
    "job_number": (True, ("Job number: 26-039",), ("Posting header",)),
    "duties": (
        True,
        ("Rose Bowl event reimbursement", "Performs related duties as assigned."),
        ("Essential Functions",),
    ),
    "probation": (True, ("one-year probationary work period",), ("VACANCIES",)),
    "background_check": (
        True,
        ("comprehensive background screening", "fingerprinting and credit check"),
        ("IDEAL CANDIDATE",),
    ),
    "supplemental_questions": (
        True,
        ("1. What is your highest level of education achieved?", "7. Please list the ERP systems you have worked with"),
        ("Supplemental Questions",),
    ),
}


def test_every_topic_has_a_composer_and_an_expectation() -> None:
    assert set(COMPOSERS) == set(TOPICS)
    assert set(LAUSD_EXPECTED) == set(TOPICS)
    assert set(PASADENA_EXPECTED) == set(TOPICS)


def _check(result: Answer, expected: tuple[bool, tuple[str, ...], tuple[str, ...]], posting: Posting) -> None:
    stated, phrases, sections = expected
    assert result.stated is stated
    if not stated:
        assert result == Answer("", (), False)
        return
    for phrase in phrases:
        assert phrase in result.text
    assert result.sections, "a stated answer names its section(s)"
    for section in sections:
        assert section in result.sections
    headings = {s.heading for s in posting.sections}
    assert set(result.sections) <= headings


@pytest.mark.parametrize("topic", list(TOPICS))
def test_lausd_topic(topic: str, lausd: Posting) -> None:
    _check(answer(topic, lausd, TODAY), LAUSD_EXPECTED[topic], lausd)


@pytest.mark.parametrize("topic", list(TOPICS))
def test_pasadena_topic(topic: str, pasadena: Posting) -> None:
    _check(answer(topic, pasadena, TODAY), PASADENA_EXPECTED[topic], pasadena)


def test_lausd_transcripts_section(lausd: Posting) -> None:
    result = answer("transcripts", lausd, TODAY)
    assert result.sections
    assert set(result.sections) <= {"Experience", "MINIMUM REQUIREMENTS"}


def test_lausd_transcripts_answer_says_to_upload(lausd: Posting) -> None:
    assert "upload it as an attachment to your candidate profile" in answer("transcripts", lausd, TODAY).text


def test_lausd_contact_leaves_out_social_links(lausd: Posting) -> None:
    text = answer("contact", lausd, TODAY).text
    assert "facebook" not in text
    assert len(text.splitlines()) == 10


def test_lausd_requirements_say_each_sentence_once(lausd: Posting) -> None:
    text = answer("requirements", lausd, TODAY).text
    assert text.count("may be substituted for the required experience") == 1
    assert text.count("must be met by the end of the filing period") == 1


def test_pasadena_supplemental_questions_numbered(pasadena: Posting) -> None:
    lines = answer("supplemental_questions", pasadena, TODAY).text.splitlines()
    assert lines[0] == "The application asks these supplemental questions:"
    assert [line.split(".", 1)[0] for line in lines[1:]] == [str(i) for i in range(1, 8)]


def test_pasadena_duties_not_repeated(pasadena: Posting) -> None:
    text = answer("duties", pasadena, TODAY).text
    assert text.count("Processes routine and special check runs") == 1


@pytest.mark.parametrize("topic", list(TOPICS))
def test_answers_never_quote_the_other_posting(topic: str, lausd: Posting, pasadena: Posting) -> None:
    lausd_text = answer(topic, lausd, TODAY).text
    pasadena_text = answer(topic, pasadena, TODAY).text
    for foreign in ("Pasadena", "26-039", "57,946", "PEPRA", "ERP"):
        assert foreign not in lausd_text
    for foreign in ("LAUSD", "lausd", "Los Angeles", "213", "GlobalProtect", "12 months"):
        assert foreign not in pasadena_text


@pytest.mark.parametrize("topic", list(TOPICS))
def test_answer_contacts_come_from_the_posting(topic: str, all_postings: list[Posting]) -> None:
    for posting in all_postings:
        own = {c.value for c in posting.contacts}
        text = answer(topic, posting, TODAY).text
        for found in re.findall(r"[\w.+-]+@[\w.-]+\.[a-z]{2,}|\(\d{3}\) \d{3}-\d{4}", text):
            assert found in own, (posting.posting_id, topic, found)


# --- deadline status -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2025, 11, 20), "As of today (November 20, 2025), the filing period has not opened yet."),
        (date(2025, 11, 26), "As of today (November 26, 2025), the filing period is open (15 days left)."),
        (date(2025, 12, 1), "As of today (December 1, 2025), the filing period is open (10 days left)."),
        (date(2025, 12, 10), "As of today (December 10, 2025), the filing period is open (1 day left)."),
        (date(2025, 12, 11), "As of today (December 11, 2025), the filing period is open (today is the last day)."),
        (date(2025, 12, 12), "As of today (December 12, 2025), that filing period has ended."),
        (date(2026, 3, 1), "As of today (March 1, 2026), that filing period has ended."),
    ],
)
def test_lausd_deadline_status(lausd: Posting, today: date, status: str) -> None:
    result = answer("deadline", lausd, today)
    assert result.stated
    lines = result.text.splitlines()
    assert lines[0] == "Filing period: November 26, 2025 - December 11, 2025"
    assert status in lines
    assert result.sections[0] == "APPLICATION FILING DATES"


def test_pasadena_before_opening(pasadena: Posting) -> None:
    text = answer("deadline", pasadena, date(2025, 9, 1)).text
    assert "As of today (September 1, 2025), the filing period has not opened yet." in text


def test_pasadena_open_continuous_before_first_consideration(pasadena: Posting) -> None:
    text = answer("deadline", pasadena, date(2025, 9, 20)).text
    assert (
        "As of today (September 20, 2025), the posting gives no closing date: it stays open until it is closed."
    ) in text
    assert "has passed" not in text
    assert "first consideration given to those who apply by October 2, 2025" in text


def test_pasadena_first_consideration_on_the_day(pasadena: Posting) -> None:
    assert "has passed" not in answer("deadline", pasadena, date(2025, 10, 2)).text


def test_pasadena_open_continuous_after_first_consideration(pasadena: Posting) -> None:
    text = answer("deadline", pasadena, date(2025, 10, 10)).text
    assert (
        "As of today (October 10, 2025), the posting gives no closing date: it stays open until it is closed, "
        "and the first-consideration date (October 2, 2025) has passed."
    ) in text
    assert "filing period has ended" not in text
    assert "Opening date: September 11, 2025." in text


def test_glendale_closing_date_from_header(glendale: Posting) -> None:
    result = answer("deadline", glendale, date(2025, 12, 10))
    assert "Applications close on December 15, 2025." in result.text
    assert "Opening date: November 17, 2025." in result.text
    assert "(5 days left)" in result.text
    assert result.sections == ("Posting header",)
    assert "that filing period has ended" in answer("deadline", glendale, date(2025, 12, 16)).text


def test_deadline_without_any_dates_is_not_stated() -> None:
    posting = parse_posting("Clerk\nCompany: Riverside County\nBENEFITS\nMedical plans for all staff.\n", "clerk")
    assert answer("deadline", posting, TODAY) == Answer("", (), False)


def test_longbeach_deadline_without_filing_dates(longbeach_text: str) -> None:
    start = longbeach_text.index("APPLICATION FILING DATES")
    end = longbeach_text.index("INFORMATION ABOUT LBUSD")
    posting = parse_posting(longbeach_text[:start] + longbeach_text[end:], LONGBEACH_ID)
    text = answer("deadline", posting, date(2026, 1, 10)).text
    assert "Opening date: January 5, 2026." in text
    assert "The posting does not give a closing date." in text
    assert "filing period is open" not in text


# --- variants --------------------------------------------------------------------------------------


def test_variant_salaries(longbeach: Posting, glendale: Posting) -> None:
    assert answer("salary", longbeach, TODAY) == Answer(
        "Salary: $4,120.00 - $5,110.00 Monthly", ("SALARY DETAILS",), True
    )
    assert answer("salary", glendale, TODAY) == Answer("Salary: $30.50 - $40.25 Hourly", ("Posting header",), True)


def test_variant_job_numbers(longbeach: Posting, glendale: Posting) -> None:
    assert answer("job_number", glendale, TODAY) == Answer("Job number: 2025-118", ("Posting header",), True)
    assert not answer("job_number", longbeach, TODAY).stated


def test_variant_accommodation_adds_no_duplicate_contact_line(glendale: Posting) -> None:
    text = answer("accommodation", glendale, TODAY).text
    assert text.count("(818) 548-2110") == 1


def test_variant_selection_adds_contacts_not_in_the_text(longbeach: Posting) -> None:
    result = answer("selection_process", longbeach, TODAY)
    assert result.text.count("mlopez@lbschools.example.org") == 1
    assert result.sections == ("EMPLOYMENT SELECTION PROCESS",)


@pytest.mark.parametrize("posting_id", [GLENDALE_ID, LONGBEACH_ID])
def test_variant_questions(posting_id: str, glendale: Posting, longbeach: Posting) -> None:
    posting = glendale if posting_id == GLENDALE_ID else longbeach
    result = answer("supplemental_questions", posting, TODAY)
    assert result.stated is (posting_id == GLENDALE_ID)
    if result.stated:
        assert "3. Describe your experience preparing budgets." in result.text


# --- helpers ---------------------------------------------------------------------------------------


def test_format_date() -> None:
    assert format_date(date(2025, 12, 1)) == "December 1, 2025"


def test_best_contact(lausd: Posting, pasadena: Posting, glendale: Posting) -> None:
    assert best_contact(lausd).value == "jessica.mejia1@lausd.net"
    assert best_contact(pasadena) is None
    assert best_contact(glendale).value == "(818) 548-2110"


def test_empty_section(lausd: Posting, pasadena: Posting, longbeach: Posting) -> None:
    assert empty_section(lausd, "salary") == "SALARY DETAILS"
    assert empty_section(longbeach, "salary") is None
    assert empty_section(pasadena, "salary") is None
    assert empty_section(lausd, "vpn") is None


@pytest.mark.parametrize(
    ("intent", "topic"),
    [("ask_salary", "salary"), ("ask_vpn", "vpn"), ("ask_nothing", None), ("greet", None), (None, None)],
)
def test_topic_of_intent(intent: str | None, topic: str | None) -> None:
    assert topic_of_intent(intent) == topic
