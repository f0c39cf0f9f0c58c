"""End-to-end: questions over REST to the running Rasa server with the trained model."""

from __future__ import annotations

import uuid

import pytest

from tests.servers import Assistant

pytestmark = pytest.mark.server

LAUSD = "lausd-accounting-technician-ii"
PASADENA = "pasadena-accounting-technician"


def new_sender() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


# (question, posting named in it, substrings the answer must contain)
TOPIC_CASES = [
    (
        "When is the deadline to apply for the LAUSD job?",
        LAUSD,
        [
            "December 11, 2025",
            "November 26, 2025",
            "open (10 days left)",
            "http://www.lausdjobs.org",
            "From the posting: Application filing dates",
        ],
    ),
    (
        "What's the application deadline for the Pasadena posting?",
        PASADENA,
        ["September 11, 2025", "open continuous", "October 2, 2025", "may close at any time"],
    ),
    (
        "I'm an LAUSD employee working from home, how do I get on the VPN to apply?",
        LAUSD,
        ["GlobalProtect", "(213) 443-1300", "(213) 241-5200", "https://www.lausd.org/helpdesk"],
    ),
    (
        "My degree is from Mexico, how do I handle transcripts for LAUSD?",
        LAUSD,
        [
            "foreign transcripts",
            "DETAILED report",
            "https://www.ctc.ca.gov/credentials/leaflets/foreign-transcript-evaluation-(cl-635)",
        ],
    ),
    ("I need a reasonable accommodation for the LAUSD test because of a disability", LAUSD, ["(213) 241-3455"]),
    ("How much does the Pasadena job pay?", PASADENA, ["$57,946.10", "$68,821.79", "Annually"]),
    (
        "What are the minimum requirements for the LAUSD accounting technician?",
        LAUSD,
        ["Graduation from high school", "One year of office bookkeeping", "substituted", "end of the filing period"],
    ),
    (
        "What are the minimum qualifications for Pasadena?",
        PASADENA,
        ["Associate's degree program in accounting or bookkeeping", "two years"],
    ),
    (
        "What is the selection process for LAUSD?",
        LAUSD,
        ["Computerized Online Skills Assessment", "Multiple-Choice", "jessica.mejia1@lausd.net"],
    ),
    ("How does the eligibility list work at LAUSD?", LAUSD, ["top three ranks", "12 months"]),
    ("What benefits does LAUSD offer?", LAUSD, ["CalPERS", "Up to 13 days"]),
    ("What benefits come with the Pasadena job?", PASADENA, ["CalPERS", "2% @ 62"]),
    (
        "Who do I contact with questions about the LAUSD posting?",
        LAUSD,
        ["jessica.mejia1@lausd.net", "helpmeapply@lausd.net", "(213) 241-3455"],
    ),
    (
        "The LAUSD online application keeps giving me an error, where can I get technical help?",
        LAUSD,
        ["helpmeapply@lausd.net"],
    ),
    ("I applied to LAUSD but never got a confirmation email", LAUSD, ["same day", "helpmeapply@lausd.net"]),
    ("Where is the LAUSD job located?", LAUSD, ["West Valley Occupational Center"]),
    ("Which department is the Pasadena job in?", PASADENA, ["Finance", "Accounting & Analysis"]),
    ("What is the job number for the Pasadena posting?", PASADENA, ["26-039"]),
    ("What are the duties of the Pasadena accounting technician?", PASADENA, ["check runs"]),
    ("Is there a probation period for the Pasadena job?", PASADENA, ["one-year probationary"]),
    ("Does Pasadena do a background check?", PASADENA, ["fingerprinting", "credit check"]),
    (
        "What supplemental questions does the Pasadena application ask?",
        PASADENA,
        ["highest level of education", "ERP systems"],
    ),
]


@pytest.mark.parametrize(("question", "posting_id", "expected"), TOPIC_CASES, ids=[c[0][:40] for c in TOPIC_CASES])
def test_topic_answers_come_from_the_named_posting(
    assistant: Assistant, question: str, posting_id: str, expected: list[str]
) -> None:
    reply = assistant.reply(new_sender(), question)
    for fact in expected:
        assert fact in reply, f"{fact!r} missing from reply to {question!r}:\n{reply}"
    assert "\n\nFrom the posting: " in reply  # the short citation line


def test_unstated_salary_is_said_plainly_with_a_contact(assistant: Assistant) -> None:
    reply = assistant.reply(new_sender(), "What is the salary for the LAUSD accounting technician?")
    assert "does not state the salary" in reply
    assert "“Salary details” section is empty" in reply
    assert "jessica.mejia1@lausd.net" in reply
    assert "$" not in reply  # never the other posting's salary


def test_unstated_vpn_on_pasadena_never_borrows_lausd_facts(assistant: Assistant) -> None:
    reply = assistant.reply(new_sender(), "Do I need a VPN to apply for the Pasadena job?")
    assert "does not state" in reply
    assert "GlobalProtect" not in reply and "lausd" not in reply.lower()
    assert "City of Pasadena" in reply


def test_page_metadata_picks_the_posting(assistant: Assistant) -> None:
    reply = assistant.reply(new_sender(), "when is the deadline?", metadata={"posting_id": PASADENA})
    assert "October 2, 2025" in reply
    reply = assistant.reply(new_sender(), "how much does it pay?", metadata={"posting_id": PASADENA})
    assert "$57,946.10" in reply


def test_follow_ups_and_switches_keep_the_right_posting(assistant: Assistant) -> None:
    sender = new_sender()
    assert "December 11, 2025" in assistant.reply(sender, "When is the LAUSD deadline?")
    assert "CalPERS" in assistant.reply(sender, "and what about the benefits?")
    assert "does not state the salary" in assistant.reply(sender, "and what does it pay?")
    switched = assistant.reply(sender, "what about the Pasadena one?")
    assert "$57,946.10" in switched  # the last topic (salary), now for Pasadena
    assert "26-039" in assistant.reply(sender, "what's the job number?")


def test_without_a_posting_the_bot_asks_with_a_button_per_posting(assistant: Assistant) -> None:
    sender = new_sender()
    messages = assistant.ask(sender, "when is the deadline?")
    buttons = [b for m in messages for b in m.get("buttons", [])]
    assert {b["title"] for b in buttons} == {
        "Accounting Technician II — Los Angeles Unified School District",
        "Accounting Technician — City of Pasadena, CA",
    }
    lausd_button = next(b for b in buttons if "Los Angeles" in b["title"])
    assert "December 11, 2025" in assistant.reply(sender, lausd_button["payload"])


def test_talk_to_a_person_gives_real_contacts(assistant: Assistant) -> None:
    reply = assistant.reply(new_sender(), "can I talk to a real person about the LAUSD job?")
    assert "jessica.mejia1@lausd.net" in reply
    reply = assistant.reply(new_sender(), "I want to speak to a human", metadata={"posting_id": PASADENA})
    assert "no email address or phone number" in reply


def test_small_talk(assistant: Assistant) -> None:
    sender = new_sender()
    assert "job" in assistant.reply(sender, "hello there").lower()
    assert "automated assistant" in assistant.reply(sender, "am I chatting with a robot?")
    capabilities = assistant.reply(sender, "what kind of things can you help me with?")
    assert "Accounting Technician — City of Pasadena, CA" in capabilities
    assert "Goodbye" in assistant.reply(sender, "bye for now")


def test_long_tail_question_is_answered_from_the_posting(assistant: Assistant) -> None:
    reply = assistant.reply(new_sender(), "Will I be tested on Microsoft Excel for the LAUSD job?")
    assert "Excel" in reply and "From the posting: Employment selection process" in reply


NEW_LAUSD_STYLE = """Payroll Technician
Published Date: Oct 1, 2025
Location: US
Company: Long Beach Unified School District
SALARY DETAILS
$4,120.00 - $5,110.00 Monthly
APPLICATION FILING DATES
October 1, 2025 - December 20, 2025
DEPARTMENT OR SCHOOL SITE
The current Payroll Technician vacancy is located at the Payroll Services Branch.
MINIMUM REQUIREMENTS
Education
Graduation from high school.
Experience
Two years of payroll experience.
EMPLOYMENT SELECTION PROCESS
The selection process consists of a written test and an interview.
If you have questions regarding the selection process, please contact Maria Lopez at mlopez@lbusd.example.org
"""

NEW_NEOGOV_STYLE = """City of Glendale, CA
City of Glendale, CA is hiring: Administrative Analyst in Glendale
Salary : $30.50 - $40.25 Hourly
Location : Glendale, CA
Job Type: Full-time
Job Number: 2025-117
Department: Public Works
Division: Administration
Opening Date: 11/01/2025
Closing Date: 12/15/2025
Essential Functions
- Prepares budget reports for the department.
Qualification Guidelines
EDUCATION AND EXPERIENCE:
A Bachelor's degree in public administration and one year of analytical experience.
SELECTION PROCESS
Candidates will be invited to an oral appraisal interview.
"""


def test_new_postings_are_answered_after_ingest_alone(assistant: Assistant) -> None:
    (assistant.postings_dir / "lbusd-payroll-technician.txt").write_text(NEW_LAUSD_STYLE)
    (assistant.postings_dir / "glendale-administrative-analyst.txt").write_text(NEW_NEOGOV_STYLE)
    result = assistant.ingest()
    assert result.returncode == 0, result.stderr
    try:
        reply = assistant.reply(new_sender(), "How much does the Long Beach payroll job pay?")
        assert "$4,120.00 - $5,110.00 Monthly" in reply
        reply = assistant.reply(new_sender(), "when does the Glendale posting close?")
        assert "December 15, 2025" in reply or "12/15/2025" in reply
        reply = assistant.reply(
            new_sender(), "what's the salary?", metadata={"posting_id": "glendale-administrative-analyst"}
        )
        assert "$30.50 - $40.25 Hourly" in reply
        reply = assistant.reply(new_sender(), "who can I ask about the selection process for Long Beach?")
        assert "mlopez@lbusd.example.org" in reply
    finally:
        (assistant.postings_dir / "lbusd-payroll-technician.txt").unlink()
        (assistant.postings_dir / "glendale-administrative-analyst.txt").unlink()
        assert assistant.ingest().returncode == 0
