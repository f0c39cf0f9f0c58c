"""knowledge.sections: headings in both styles, the repeated NEOGOV header block, questions."""

from __future__ import annotations

import pytest

from knowledge.model import Posting
from knowledge.sections import HEADER_SECTION, QUESTIONS_SECTION, is_heading, key_value, split_sections
from knowledge.text import normalise

LAUSD_HEADINGS = [
    "Posting header",
    "SALARY DETAILS",
    "APPLICATION FILING DATES",
    "INFORMATION ABOUT LAUSD",
    "DEPARTMENT OR SCHOOL SITE",
    "BENEFITS",
    "JOB DUTIES/RESPONSIBILITIES",
    "MINIMUM REQUIREMENTS",
    "Education",
    "Experience",
    "DESIRABLE QUALIFICATIONS",
    "EMPLOYMENT SELECTION PROCESS",
    "APPLICATION PROCESS",
    "DO YOU NEED TECHNICAL ASSISTANCE WITH THE ON-LINE APPLICATION?",
    "ADDITIONAL POSTING INFORMATION",
]
PASADENA_HEADINGS = [
    "Posting header",
    "IDEAL CANDIDATE",
    "Essential Functions",
    "Qualification Guidelines",
    "EDUCATION, TRAINING AND EXPERIENCE",
    "CORE COMPETENCIES",
    "SELECTION PROCESS",
    "VACANCIES",
    "Supplemental Questions",
]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Job Number: 26-039", ("job number", "26-039")),
        ("Salary : $57,946.10 - $68,821.79 Annually", ("salary", "$57,946.10 - $68,821.79 Annually")),
        ("Location : City of Pasadena, CA", ("location", "City of Pasadena, CA")),
        ("Company: Los Angeles Unified School District", ("company", "Los Angeles Unified School District")),
        ("Closing Date/Time: 12/15/2025 5:00 PM Pacific", ("closing date/time", "12/15/2025 5:00 PM Pacific")),
        ("Published Date: Nov 26, 2025", ("published date", "Nov 26, 2025")),
        ("Paid Holidays: Up to 13 days.", None),  # not a header field
        ("PLEASE NOTE: All entrance requirements must be met", None),
        ("Job Number:", None),  # no value
        ("Just a sentence about salary.", None),
    ],
)
def test_key_value(line: str, expected: tuple[str, str] | None) -> None:
    assert key_value(line) == expected


@pytest.mark.parametrize(
    ("line", "next_line", "expected"),
    [
        ("MINIMUM REQUIREMENTS", None, True),
        ("JOB DUTIES/RESPONSIBILITIES", "An Accounting Technician II performs", True),
        ("DO YOU NEED TECHNICAL ASSISTANCE WITH THE ON-LINE APPLICATION?", "Email us", True),
        ("EDUCATION, TRAINING AND EXPERIENCE:", "Graduation", True),
        ("Essential Functions", "The major responsibilities", True),
        ("Essential Functions", None, True),  # a known NEOGOV heading, even at the end
        ("Payroll Office", None, False),  # another title-case label needs text after it
        ("Open Until Filled", "DEPARTMENT OR SCHOOL SITE", False),  # a filing status, not a heading
        ("Education", "Graduation from high school", True),
        ("- Microsoft Office", "- Web browsing", False),
        ("Microsoft Office", "", False),
        ("Follow us on:", "https://www.facebook.com/LAUSDjobs/", False),
        ("Email us at helpmeapply@lausd.net", "To find out", False),
        ("Job Number: 26-039", "Department: Finance", False),
        ("US", None, False),  # fewer than three capitals
        ("Paid Holidays: Up to 13 days.", None, False),
        ("What is your highest level of education achieved?", "- Some college", False),
        ("01", "What is your highest level", False),
    ],
)
def test_is_heading(line: str, next_line: str | None, expected: bool) -> None:
    assert is_heading(line, next_line) is expected


def test_lausd_headings(lausd: Posting) -> None:
    assert [s.heading for s in lausd.sections] == LAUSD_HEADINGS


def test_lausd_header_section(lausd: Posting) -> None:
    header = lausd.sections[0]
    assert header.heading == HEADER_SECTION
    assert header.body.splitlines() == [
        "Accounting Technician II",
        "Published Date: Nov 26, 2025",
        "Location: US",
        "Company: Los Angeles Unified School District",
    ]


def test_lausd_empty_sections(lausd: Posting) -> None:
    empty = [s.heading for s in lausd.sections if not s.body]
    assert empty == ["SALARY DETAILS", "MINIMUM REQUIREMENTS"]


def test_pasadena_headings(pasadena: Posting) -> None:
    assert [s.heading for s in pasadena.sections] == PASADENA_HEADINGS


def test_pasadena_repeated_header_block_kept_once(pasadena: Posting, pasadena_text: str) -> None:
    assert pasadena_text.count("Job Number: 26-039") == 2
    assert pasadena_text.count("The City of Pasadena is seeking an eager Accounting Technician") == 2
    every_body = "\n".join(s.body for s in pasadena.sections)
    assert every_body.count("Job Number: 26-039") == 1
    assert every_body.count("Location : City of Pasadena, CA") == 1
    assert every_body.count("The City of Pasadena is seeking an eager Accounting Technician") == 1
    assert every_body.count("Attention to Detail - Focusing on the details") == 1
    assert every_body.count("one-year probationary work period") == 1


def test_pasadena_header_holds_fields_and_intro(pasadena: Posting) -> None:
    header = pasadena.sections[0].body.splitlines()
    assert header[:4] == [
        "City of Pasadena, CA",
        "City of Pasadena, CA is hiring: Accounting Technician in Pasadena",
        "City of Pasadena, CA, Pasadena, CA, US, 91122",
        "Salary : $57,946.10 - $68,821.79 Annually",
    ]
    assert "Opening Date: 09/11/2025" in header


def test_pasadena_duties_section_is_the_fuller_copy(pasadena: Posting) -> None:
    essential = next(s for s in pasadena.sections if s.heading == "Essential Functions")
    lines = essential.body.splitlines()
    assert lines[0].startswith("The major responsibilities of this position are listed below.")
    assert len(lines) == 8  # intro + 7 bullets, each once


def test_pasadena_questions_section(pasadena: Posting) -> None:
    questions = next(s for s in pasadena.sections if s.heading == QUESTIONS_SECTION)
    lines = questions.body.splitlines()
    for number in ("01", "02", "03", "04", "05", "06", "07"):
        assert lines.count(number) == 1
    assert "Required Question" not in lines
    assert "- High School diploma or equivalent" in lines  # options kept under their question
    assert "Location : City of Pasadena, CA" not in lines  # the repeated header went back to the header


def test_same_named_sections_are_merged() -> None:
    text = normalise(
        "Clerk\nBENEFITS\nMedical and dental plans for employees.\nSELECTION PROCESS\nA written test.\n"
        "BENEFITS\nMedical and dental plans for employees.\nPaid holidays every year for staff.\n"
    )
    sections = split_sections(text)
    assert [s.heading for s in sections] == [HEADER_SECTION, "BENEFITS", "SELECTION PROCESS"]
    assert sections[1].body.splitlines() == [
        "Medical and dental plans for employees.",
        "Paid holidays every year for staff.",
    ]


def test_first_line_is_never_a_heading() -> None:
    sections = split_sections(normalise("PAYROLL TECHNICIAN\nCompany: Long Beach Unified School District\n"))
    assert [s.heading for s in sections] == [HEADER_SECTION]
    assert sections[0].body.splitlines()[0] == "PAYROLL TECHNICIAN"


def test_questions_section_starts_at_01_only() -> None:
    text = normalise(
        "Clerk\nSELECTION PROCESS\nA written test.\n01\nDo you type 40 words per minute?\n- Yes\n- No\n"
        "02\nDescribe your filing experience.\nRequired Question\n"
    )
    sections = split_sections(text)
    assert [s.heading for s in sections] == [HEADER_SECTION, "SELECTION PROCESS", QUESTIONS_SECTION]
    assert sections[1].body == "A written test."
