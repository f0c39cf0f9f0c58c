"""knowledge.parser on the two real postings and on new postings written in the same two styles."""

from __future__ import annotations

import re
from datetime import date

import pytest

from knowledge.model import Posting
from knowledge.parser import FIELDS, missing_fields, parse_posting

from .conftest import GLENDALE_ID, LAUSD_ID, LONGBEACH_ID, PASADENA_ID, text_of

LAUSD_SECTION_NOTE = "DO YOU NEED TECHNICAL ASSISTANCE WITH THE ON-LINE APPLICATION?"


def contact_purposes(posting: Posting) -> dict[str, str]:
    return {c.value: c.purpose for c in posting.contacts}


def all_fact_text(posting: Posting) -> str:
    return "\n".join(f.text for f in posting.facts.values())


# --- LAUSD (upper-case headings) -----------------------------------------------------------------


class TestLausd:
    def test_identity(self, lausd: Posting) -> None:
        assert lausd.posting_id == LAUSD_ID
        assert lausd.title == "Accounting Technician II"
        assert lausd.organisation == "Los Angeles Unified School District"
        assert lausd.acronym == "LAUSD"
        assert lausd.display_name == "Accounting Technician II — Los Angeles Unified School District"
        assert "LAUSD" in lausd.aliases
        assert "Los Angeles Unified School District" in lausd.aliases

    def test_location_and_site(self, lausd: Posting) -> None:
        assert lausd.fact("location").text == "US"
        site = lausd.fact("site")
        assert site.section == "DEPARTMENT OR SCHOOL SITE"
        assert site.text == (
            "The current Accounting Technician II vacancy is located at the West Valley Occupational Center."
        )
        assert "West Valley Occupational Center" in lausd.fact("department").text
        assert lausd.fact("division") is None

    def test_no_job_number(self, lausd: Posting) -> None:
        assert lausd.fact("job_number") is None

    def test_salary_is_none_because_salary_details_is_empty(self, lausd: Posting) -> None:
        assert lausd.salary is None
        assert lausd.fact("salary") is None
        salary_sections = [s for s in lausd.sections if s.heading == "SALARY DETAILS"]
        assert len(salary_sections) == 1
        assert salary_sections[0].body == ""

    def test_filing_period_and_dates(self, lausd: Posting) -> None:
        period = lausd.fact("filing_period")
        assert period.text == "November 26, 2025 - December 11, 2025"
        assert period.section == "APPLICATION FILING DATES"
        assert lausd.opening_date == date(2025, 11, 26)
        assert lausd.closing_date == date(2025, 12, 11)
        assert lausd.fact("published_date").text == "Nov 26, 2025"

    def test_not_continuous(self, lausd: Posting) -> None:
        assert lausd.first_consideration_date is None
        assert lausd.fact("first_consideration") is None
        assert lausd.open_continuous is False
        assert lausd.may_close_any_time is False
        assert lausd.fact("continuous") is None

    def test_deadline_extension(self, lausd: Posting) -> None:
        extension = lausd.fact("deadline_extension")
        assert "http://www.lausdjobs.org" in extension.text
        assert "extended" in extension.text

    def test_requirements(self, lausd: Posting) -> None:
        requirements = lausd.fact("requirements")
        assert requirements.section == "MINIMUM REQUIREMENTS"
        assert "Education: Graduation from high school" in requirements.text
        assert "Experience: One year of office bookkeeping or accounting experience." in requirements.text
        assert "must be met by the end of the filing period" in requirements.text
        # transcript / foreign-evaluation sentences belong to the transcripts topic, not here
        assert "transcript" not in requirements.text.lower()
        assert "DETAILED" not in requirements.text
        assert "ctc.ca.gov" not in requirements.text

    def test_education(self, lausd: Posting) -> None:
        education = lausd.fact("education")
        assert education.section == "Education"
        assert education.text == (
            "Graduation from high school or evidence of equivalent educational proficiency, "
            "preferably supplemented by courses in bookkeeping and accounting."
        )

    def test_experience(self, lausd: Posting) -> None:
        experience = lausd.fact("experience")
        assert experience.section == "Experience"
        assert experience.text == "One year of office bookkeeping or accounting experience."

    def test_substitution(self, lausd: Posting) -> None:
        substitution = lausd.fact("substitution")
        assert substitution.text.startswith("An associate’s degree or the equivalent in business education")
        assert "may be substituted for the required experience" in substitution.text
        assert "six semester units or 9 quarter units" in substitution.text

    def test_requirements_deadline(self, lausd: Posting) -> None:
        assert lausd.fact("requirements_deadline").text == (
            "PLEASE NOTE: All entrance requirements must be met by the end of the filing period "
            "in order to move forward with the assessment process."
        )

    def test_transcripts(self, lausd: Posting) -> None:
        transcripts = lausd.fact("transcripts")
        assert (
            "transcripts, diplomas, and/or certifications must be presented at the time applications are screened"
        ) in transcripts.text

    def test_transcripts_say_how_to_submit_them(self, lausd: Posting) -> None:
        # The sentence right after "...must be presented at the time applications are screened." tells
        # the applicant how: "As such, please be sure to upload it as an attachment to your candidate
        # profile." A transcripts answer without it does not say how to present them.
        assert "upload it as an attachment to your candidate profile" in lausd.fact("transcripts").text

    def test_foreign_evaluation(self, lausd: Posting) -> None:
        assert lausd.fact("foreign_evaluation").text == (
            "Candidates who have completed college or university coursework at an institution in a country "
            "other than the United States must obtain a complete evaluation of foreign transcripts and degrees."
        )

    def test_detailed_report(self, lausd: Posting) -> None:
        assert lausd.fact("detailed_report").text == "Please be sure to request a DETAILED report."

    def test_evaluators_link(self, lausd: Posting) -> None:
        link = lausd.fact("evaluators_link")
        assert "https://www.ctc.ca.gov/credentials/leaflets/foreign-transcript-evaluation-(cl-635)" in link.text
        assert "approved evaluation organizations" in link.text

    def test_vpn(self, lausd: Posting) -> None:
        vpn = lausd.fact("vpn")
        assert vpn.section == "INFORMATION ABOUT LAUSD"
        assert "GlobalProtect Virtual Private Network (VPN)" in vpn.text
        assert "external network" in vpn.text
        # the follow-up sentence with the IT contacts comes along
        assert "(213) 443-1300" in vpn.text
        assert "(213) 241-5200" in vpn.text

    def test_it_help(self, lausd: Posting) -> None:
        it_help = lausd.fact("it_help")
        assert it_help.text.startswith("For assistance with installing the GlobalProtect virtual network")
        assert "Information Technology Services at (213) 443-1300 or (213) 241-5200" in it_help.text
        assert "https://www.lausd.org/helpdesk" in it_help.text

    def test_accommodation(self, lausd: Posting) -> None:
        accommodation = lausd.fact("accommodation")
        assert accommodation.text == (
            "Reasonable accommodations in completing an application and testing are available to individuals "
            "with disabilities. Please call (213) 241-3455 for more information."
        )
        assert accommodation.section == LAUSD_SECTION_NOTE

    def test_selection_process(self, lausd: Posting) -> None:
        selection = lausd.fact("selection_process")
        assert selection.section == "EMPLOYMENT SELECTION PROCESS"
        assert (
            "The selection process TENTATIVELY consists of a Computerized Online Skills Assessment "
            "(Microsoft 2016 Excel) and a Multiple-Choice test."
        ) in selection.text
        assert "jessica.mejia1@lausd.net" in selection.text

    def test_eligibility_list(self, lausd: Posting) -> None:
        eligibility = lausd.fact("eligibility_list")
        assert eligibility.section == "ADDITIONAL POSTING INFORMATION"
        assert "Hiring departments may make job offers to candidates on the top three ranks of the hiring list." in (
            eligibility.text
        )
        assert "Eligibility typically lasts for 12 months." in eligibility.text

    def test_benefits(self, lausd: Posting) -> None:
        benefits = lausd.fact("benefits")
        assert benefits.section == "BENEFITS"
        assert benefits.text.splitlines() == [
            "Insurance: Paid premiums for your choice of several medical, dental, vision, and life insurance plans.",
            "Retirement: Membership in the California Public Employee Retirement System (CalPERS).",
            "Vacation: Full-time employees earn up to two weeks of paid vacation to start. "
            "Three weeks after five years of year-round paid service.",
            "Paid Holidays: Up to 13 days.",
        ]

    def test_not_stated(self, lausd: Posting) -> None:
        for key in ("probation", "background_check", "job_number", "division", "supplemental_questions"):
            assert lausd.fact(key) is None, key
        assert lausd.supplemental_questions == ()

    def test_a_questionnaire_mentioned_but_not_listed(self, lausd: Posting) -> None:
        mention = lausd.fact("supplemental_mention")
        assert mention is not None and "supplemental questionnaire" in mention.text

    def test_duties(self, lausd: Posting) -> None:
        duties = lausd.fact("duties")
        assert duties.section == "JOB DUTIES/RESPONSIBILITIES"
        assert duties.text.startswith("An Accounting Technician II performs complex clerical accounting duties")
        bullets = [line for line in duties.text.splitlines() if line.startswith("- ")]
        assert len(bullets) == 12
        assert bullets[-1] == "- Classifying expenditures or receipts as to accounts."

    def test_confirmation_email_and_technical_help(self, lausd: Posting) -> None:
        confirmation = lausd.fact("confirmation_email")
        assert confirmation.section == "APPLICATION PROCESS"
        assert "email message confirming that you successfully submitted your application" in confirmation.text
        assert "spam/junk folder" in confirmation.text
        assert lausd.fact("technical_help").text == "Email us at helpmeapply@lausd.net"

    def test_contacts_with_purposes(self, lausd: Posting) -> None:
        purposes = contact_purposes(lausd)
        assert purposes["jessica.mejia1@lausd.net"] == "selection"
        assert purposes["helpmeapply@lausd.net"] == "technical"
        assert purposes["(213) 241-3455"] == "accommodation"
        assert purposes["(213) 443-1300"] == "it_help"
        assert purposes["(213) 241-5200"] == "it_help"
        assert purposes["https://www.lausd.org/helpdesk"] == "it_help"
        assert purposes["https://www.ctc.ca.gov/credentials/leaflets/foreign-transcript-evaluation-(cl-635)"] == (
            "evaluation"
        )
        assert purposes["http://www.lausdjobs.org"] == "extension"
        assert purposes["https://www.lausd.org/Page/7876"] == "selection"
        assert purposes["(213) 241-7685"] == "equal_opportunity"
        assert purposes["https://www.facebook.com/LAUSDjobs/"] == "social"
        assert len(lausd.contacts) == 11
        kinds = {c.value: c.kind for c in lausd.contacts}
        assert kinds["jessica.mejia1@lausd.net"] == "email"
        assert kinds["(213) 241-3455"] == "phone"
        assert kinds["http://www.lausdjobs.org"] == "url"

    def test_contact_sections_and_context(self, lausd: Posting) -> None:
        by_value = {c.value: c for c in lausd.contacts}
        jessica = by_value["jessica.mejia1@lausd.net"]
        assert jessica.section == "EMPLOYMENT SELECTION PROCESS"
        assert jessica.context.startswith("If you have questions regarding the employment selection process")
        accommodation = by_value["(213) 241-3455"]
        # the phone's own sentence says nothing about accommodations; the context carries the one before
        assert "Reasonable accommodations" in accommodation.context

    def test_missing_fields(self, lausd: Posting) -> None:
        assert missing_fields(lausd) == [
            "division",
            "job_number",
            "salary",
            "first_consideration",
            "continuous",
            "probation",
            "background_check",
            "supplemental_questions",
        ]

    def test_nothing_from_pasadena(self, lausd: Posting) -> None:
        text = all_fact_text(lausd) + " ".join(c.value for c in lausd.contacts)
        for foreign in ("Pasadena", "26-039", "57,946", "ERP", "PEPRA", "Accounting & Analysis"):
            assert foreign not in text


# --- Pasadena (NEOGOV / GovernmentJobs) ----------------------------------------------------------


class TestPasadena:
    def test_identity(self, pasadena: Posting) -> None:
        assert pasadena.posting_id == PASADENA_ID
        assert pasadena.title == "Accounting Technician"
        assert pasadena.organisation == "City of Pasadena, CA"
        assert pasadena.acronym is None
        assert pasadena.aliases == ("City of Pasadena", "Pasadena")

    def test_header_fields(self, pasadena: Posting) -> None:
        assert pasadena.fact("location").text == "City of Pasadena, CA"
        assert pasadena.fact("department").text == "Finance"
        assert pasadena.fact("division").text == "Accounting & Analysis"
        assert pasadena.fact("job_number").text == "26-039"
        assert pasadena.fact("job_type").text == "2025 - REGULAR FULLTIME 40+ HRS A WK"
        for key in ("location", "department", "division", "job_number"):
            assert pasadena.fact(key).section == "Posting header"
        assert pasadena.fact("site") is None

    def test_salary(self, pasadena: Posting) -> None:
        salary = pasadena.salary
        assert salary is not None
        assert salary.low == pytest.approx(57946.10)
        assert salary.high == pytest.approx(68821.79)
        assert salary.period == "annually"
        assert salary.text == "$57,946.10 - $68,821.79 Annually"
        assert salary.section == "Posting header"

    def test_dates(self, pasadena: Posting) -> None:
        assert pasadena.opening_date == date(2025, 9, 11)
        assert pasadena.closing_date is None
        assert pasadena.fact("filing_period") is None
        assert pasadena.first_consideration_date == date(2025, 10, 2)
        assert pasadena.fact("first_consideration").text == (
            "This recruitment is also open continuous with first consideration given to those who apply by "
            "October 2, 2025."
        )

    def test_open_continuous_and_may_close(self, pasadena: Posting) -> None:
        assert pasadena.open_continuous is True
        assert pasadena.may_close_any_time is True
        assert "This recruitment may close at any time." in pasadena.fact("continuous").text

    def test_requirements(self, pasadena: Posting) -> None:
        requirements = pasadena.fact("requirements")
        assert requirements.section == "Qualification Guidelines"
        assert "Graduation from an Associate's degree program in accounting or bookkeeping;" in requirements.text
        assert "At least two years of progressively responsible experience" in requirements.text
        # the core competencies are not minimum requirements
        assert "Attention to Detail" not in requirements.text

    def test_education_experience_substitution(self, pasadena: Posting) -> None:
        assert pasadena.fact("education").text == (
            "Graduation from an Associate's degree program in accounting or bookkeeping;"
        )
        experience = pasadena.fact("experience").text
        assert experience.startswith("At least two years of progressively responsible experience")
        assert "Experience in a public agency is preferred." not in experience
        assert "equivalent combination of training and experience" in pasadena.fact("substitution").text

    def test_selection_process(self, pasadena: Posting) -> None:
        selection = pasadena.fact("selection_process")
        assert selection.section == "SELECTION PROCESS"
        assert "any combination of written, performance, and/or oral appraisal" in selection.text

    def test_eligibility_list(self, pasadena: Posting) -> None:
        assert pasadena.fact("eligibility_list").text == (
            "An eligible list of candidates will be established and used to fill this vacancy and other "
            "similar vacancies that may occur in the future."
        )

    def test_benefits(self, pasadena: Posting) -> None:
        benefits = pasadena.fact("benefits").text
        assert "2% @ 62 benefit formula" in benefits
        assert "2.5% @ 55 benefit formula" in benefits
        assert "full employee contribution to CalPERS" in benefits

    def test_probation(self, pasadena: Posting) -> None:
        assert pasadena.fact("probation").text == (
            "Candidates selected for this position are subject to a one-year probationary work period."
        )

    def test_background_check(self, pasadena: Posting) -> None:
        background = pasadena.fact("background_check")
        assert "comprehensive background screening" in background.text
        assert "fingerprinting and credit check" in background.text
        assert background.section == "IDEAL CANDIDATE"

    def test_duties_once_despite_repeated_block(self, pasadena: Posting) -> None:
        duties = pasadena.fact("duties")
        assert duties.section == "Essential Functions"
        bullets = [line for line in duties.text.splitlines() if line.startswith("- ")]
        assert len(bullets) == 7
        assert len(set(bullets)) == 7
        assert bullets[0].startswith("- Processes and data entries routine and special transactions")
        assert bullets[-1] == "- Performs related duties as assigned."

    def test_supplemental_questions(self, pasadena: Posting) -> None:
        questions = pasadena.supplemental_questions
        assert len(questions) == 7
        assert len(set(questions)) == 7
        assert questions[0] == "What is your highest level of education achieved?"
        assert questions[1] == "Did you graduate from a degree program in Accounting or Bookkeeping?"
        assert questions[3] == "Do you have experience working with a public agency?"
        assert questions[6] == (
            "Please list the ERP systems you have worked with and briefly describe the tasks performed using "
            "these systems."
        )
        # answer options and the "Required Question" marker are not questions
        assert not any(q.startswith("- ") or q in {"Yes", "No", "Required Question"} for q in questions)
        assert pasadena.fact("supplemental_questions").section == "Supplemental Questions"

    def test_not_stated(self, pasadena: Posting) -> None:
        for key in (
            "vpn",
            "it_help",
            "transcripts",
            "foreign_evaluation",
            "detailed_report",
            "evaluators_link",
            "accommodation",
            "filing_period",
            "requirements_deadline",
            "confirmation_email",
            "technical_help",
            "site",
            "deadline_extension",
        ):
            assert pasadena.fact(key) is None, key
        assert pasadena.contacts == ()

    def test_missing_fields(self, pasadena: Posting) -> None:
        assert missing_fields(pasadena) == [
            "site",
            "filing_period",
            "closing_date",
            "requirements_deadline",
            "transcripts",
            "foreign_evaluation",
            "detailed_report",
            "evaluators_link",
            "vpn",
            "it_help",
            "accommodation",
            "contacts",
        ]

    def test_nothing_from_lausd(self, pasadena: Posting) -> None:
        text = all_fact_text(pasadena)
        for foreign in ("LAUSD", "lausd", "Los Angeles", "GlobalProtect", "jessica", "12 months", "top three"):
            assert foreign not in text


def test_every_field_is_reported_found_or_missing(all_postings: list[Posting]) -> None:
    for posting in all_postings:
        assert set(missing_fields(posting)) <= set(FIELDS)


# --- a new posting in each style -----------------------------------------------------------------


class TestLongBeachVariant:
    """LAUSD style, other employer, title, dates and salary (tests/knowledge/postings/)."""

    def test_identity(self, longbeach: Posting) -> None:
        assert longbeach.posting_id == LONGBEACH_ID
        assert longbeach.title == "Payroll Technician"
        assert longbeach.organisation == "Long Beach Unified School District"
        assert longbeach.acronym == "LBUSD"
        assert longbeach.aliases == ("Long Beach Unified School District", "Long Beach", "LB Unified", "LBUSD")

    def test_salary_from_salary_details(self, longbeach: Posting) -> None:
        salary = longbeach.salary
        assert (salary.low, salary.high, salary.period) == (4120.0, 5110.0, "monthly")
        assert salary.text == "$4,120.00 - $5,110.00 Monthly"
        assert salary.section == "SALARY DETAILS"

    def test_dates(self, longbeach: Posting) -> None:
        assert longbeach.fact("filing_period").text == "January 5, 2026 - January 23, 2026"
        assert longbeach.opening_date == date(2026, 1, 5)
        assert longbeach.closing_date == date(2026, 1, 23)
        assert longbeach.open_continuous is False

    def test_requirements(self, longbeach: Posting) -> None:
        assert longbeach.fact("education").text == (
            "Graduation from high school or evidence of equivalent educational proficiency."
        )
        assert longbeach.fact("experience").text == "Two years of payroll or timekeeping experience."
        assert longbeach.fact("substitution").text == (
            "Completion of 12 semester units in accounting may be substituted for one year of the required experience."
        )
        assert "must be met by the end of the filing period" in longbeach.fact("requirements_deadline").text

    def test_transcripts(self, longbeach: Posting) -> None:
        assert "Transcripts must be uploaded to your candidate profile" in longbeach.fact("transcripts").text
        assert "foreign transcript evaluation" in longbeach.fact("foreign_evaluation").text
        assert longbeach.fact("detailed_report").text == "Please be sure to request a DETAILED report."
        assert longbeach.fact("evaluators_link") is None

    def test_vpn_and_contacts(self, longbeach: Posting) -> None:
        assert "Pulse Secure VPN" in longbeach.fact("vpn").text
        assert "(562) 997-8100" in longbeach.fact("it_help").text
        assert contact_purposes(longbeach) == {
            "(562) 997-8100": "it_help",
            "mlopez@lbschools.example.org": "selection",
            "jobhelp@lbschools.example.org": "technical",
            "(562) 997-8242": "accommodation",
        }

    def test_selection_eligibility_probation_background(self, longbeach: Posting) -> None:
        assert (
            "written multiple-choice test and a structured oral interview" in longbeach.fact("selection_process").text
        )
        eligibility = longbeach.fact("eligibility_list").text
        assert "top five ranks" in eligibility
        assert "Eligibility typically lasts for 6 months." in eligibility
        assert longbeach.fact("probation").text == "New employees serve a probationary period of six months."
        assert "fingerprint background check" in longbeach.fact("background_check").text

    def test_site_benefits_duties(self, longbeach: Posting) -> None:
        assert "Payroll Services Branch" in longbeach.fact("site").text
        assert "CalPERS" in longbeach.fact("benefits").text
        bullets = [ln for ln in longbeach.fact("duties").text.splitlines() if ln.startswith("- ")]
        assert len(bullets) == 3

    def test_nothing_from_lausd(self, longbeach: Posting) -> None:
        text = all_fact_text(longbeach)
        for foreign in ("LAUSD", "lausd.net", "Los Angeles", "GlobalProtect", "Accounting Technician", "12 months"):
            assert foreign not in text


class TestGlendaleVariant:
    """NEOGOV style with a repeated header block and numbered questions (tests/knowledge/postings/)."""

    def test_identity(self, glendale: Posting) -> None:
        assert glendale.posting_id == GLENDALE_ID
        assert glendale.title == "Administrative Analyst"
        assert glendale.organisation == "City of Glendale, CA"
        assert glendale.aliases == ("City of Glendale", "Glendale")

    def test_header_fields(self, glendale: Posting) -> None:
        assert glendale.fact("location").text == "Glendale, CA"
        assert glendale.fact("department").text == "Community Development"
        assert glendale.fact("division").text == "Housing"
        assert glendale.fact("job_number").text == "2025-118"

    def test_hourly_salary(self, glendale: Posting) -> None:
        salary = glendale.salary
        assert (salary.low, salary.high, salary.period) == (30.5, 40.25, "hourly")
        assert salary.text == "$30.50 - $40.25 Hourly"

    def test_dates(self, glendale: Posting) -> None:
        assert glendale.opening_date == date(2025, 11, 17)
        assert glendale.closing_date == date(2025, 12, 15)
        assert glendale.open_continuous is False
        assert glendale.first_consideration_date is None

    def test_sections_and_duties(self, glendale: Posting) -> None:
        headings = [s.heading for s in glendale.sections]
        assert headings == [
            "Posting header",
            "Essential Functions",
            "Minimum Qualifications",
            "EDUCATION",
            "EXPERIENCE",
            "SELECTION PROCESS",
            "Supplemental Questions",
        ]
        bullets = glendale.fact("duties").text.splitlines()
        assert bullets == [
            "- Prepares the division budget and monitors expenditures.",
            "- Drafts staff reports, contracts and grant compliance reports.",
            "- Performs related duties as assigned.",
        ]

    def test_requirements(self, glendale: Posting) -> None:
        assert glendale.fact("requirements").section == "Minimum Qualifications"
        assert glendale.fact("education").text.startswith("Bachelor's degree in public administration")
        assert glendale.fact("experience").text == (
            "Two years of professional analytical experience in a public agency."
        )

    def test_selection_eligibility_accommodation(self, glendale: Posting) -> None:
        assert "written examination and an oral interview" in glendale.fact("selection_process").text
        assert glendale.fact("eligibility_list").text == (
            "The eligible list established from this recruitment will be valid for one year."
        )
        assert "(818) 548-2110" in glendale.fact("accommodation").text
        assert contact_purposes(glendale) == {"(818) 548-2110": "accommodation"}

    def test_supplemental_questions_once(self, glendale: Posting) -> None:
        assert glendale.supplemental_questions == (
            "Do you have a Bachelor's degree in public administration, business administration or a related field?",
            "How many years of professional analytical experience do you have in a public agency?",
            "Describe your experience preparing budgets.",
        )

    def test_not_stated(self, glendale: Posting) -> None:
        for key in ("vpn", "transcripts", "benefits", "probation", "background_check", "site", "filing_period"):
            assert glendale.fact(key) is None, key

    def test_nothing_from_pasadena(self, glendale: Posting) -> None:
        text = all_fact_text(glendale)
        for foreign in ("Pasadena", "26-039", "57,946", "ERP", "Accounting Technician"):
            assert foreign not in text


# --- formatting variants -------------------------------------------------------------------------

STYLE_IDS = [LAUSD_ID, PASADENA_ID, LONGBEACH_ID, GLENDALE_ID]
# The fields a formatting change must not alter.
KEY_FACTS = (
    "title",
    "organisation",
    "location",
    "department",
    "division",
    "job_number",
    "salary",
    "filing_period",
    "requirements",
    "education",
    "experience",
    "substitution",
    "transcripts",
    "vpn",
    "accommodation",
    "selection_process",
    "eligibility_list",
    "benefits",
    "probation",
    "background_check",
    "duties",
    "supplemental_questions",
)


def _text(posting_id: str) -> str:
    return text_of(posting_id)


def _summary(posting: Posting) -> dict[str, object]:
    return {
        "facts": {k: posting.fact(k) for k in KEY_FACTS},
        "salary": posting.salary,
        "dates": (posting.opening_date, posting.closing_date, posting.first_consideration_date),
        "flags": (posting.open_continuous, posting.may_close_any_time),
        "questions": posting.supplemental_questions,
        "contacts": posting.contacts,
        "headings": [s.heading for s in posting.sections],
    }


@pytest.mark.parametrize("posting_id", STYLE_IDS)
def test_crlf_line_endings_change_nothing(posting_id: str) -> None:
    text = _text(posting_id)
    assert parse_posting(text.replace("\n", "\r\n"), posting_id) == parse_posting(text, posting_id)


@pytest.mark.parametrize("posting_id", STYLE_IDS)
def test_old_mac_line_endings_and_bom_change_nothing(posting_id: str) -> None:
    text = _text(posting_id)
    assert parse_posting("\ufeff" + text.replace("\n", "\r"), posting_id) == parse_posting(text, posting_id)


@pytest.mark.parametrize("posting_id", STYLE_IDS)
def test_tabs_nbsp_and_stray_spaces_change_nothing(posting_id: str) -> None:
    text = _text(posting_id)
    messy_lines = []
    for i, line in enumerate(text.split("\n")):
        line = line.replace(": ", ":\t", 1).replace(" - ", "\u00a0-\u00a0")
        line = line.replace(" ", "  ", 2) if i % 3 == 0 else line.replace(" ", "\u00a0", 1)
        messy_lines.append(("\t" if i % 2 else "  ") + line + (" \t" if i % 4 == 0 else "\u00a0"))
    messy = "\n".join(messy_lines)
    assert parse_posting(messy, posting_id) == parse_posting(text, posting_id)


@pytest.mark.parametrize("posting_id", STYLE_IDS)
def test_runs_of_blank_lines_between_sections_change_nothing(posting_id: str) -> None:
    text = _text(posting_id)
    original = parse_posting(text, posting_id)
    spaced = text
    for section in original.sections[1:]:
        spaced = spaced.replace(f"\n{section.heading}\n", f"\n\n\n\n{section.heading}\n")
    spaced = "\n\n" + spaced + "\n\n\n"
    assert _summary(parse_posting(spaced, posting_id)) == _summary(original)


@pytest.mark.parametrize("posting_id", STYLE_IDS)
def test_blank_line_after_every_line_changes_nothing(posting_id: str) -> None:
    # Text copied from a web page often comes double-spaced: every line followed by a blank one,
    # including the line after a heading and after a question number ("01").
    text = _text(posting_id)
    spaced = text.replace("\n", "\n\n")
    assert _summary(parse_posting(spaced, posting_id)) == _summary(parse_posting(text, posting_id))


def test_double_spaced_neogov_keeps_duties_requirements_and_questions(glendale_text: str) -> None:
    spaced = parse_posting(glendale_text.replace("\n", "\n\n"), GLENDALE_ID)
    assert spaced.fact("duties") is not None
    assert spaced.fact("duties").section == "Essential Functions"
    assert spaced.fact("requirements") is not None
    assert len(spaced.supplemental_questions) == 3


# --- sections reordered / missing ----------------------------------------------------------------


def _move_block(text: str, heading: str, next_heading: str, before: str | None) -> str:
    """Cut the block from `heading` up to `next_heading` and put it before `before` (or at the end)."""
    start = text.index(f"\n{heading}\n") + 1
    end = text.index(f"\n{next_heading}\n") + 1
    block, rest = text[start:end], text[:start] + text[end:]
    if before is None:
        return rest.rstrip("\n") + "\n" + block
    at = rest.index(f"\n{before}\n") + 1
    return rest[:at] + block + rest[at:]


def _drop_block(text: str, heading: str, next_heading: str) -> str:
    start = text.index(f"\n{heading}\n") + 1
    end = text.index(f"\n{next_heading}\n") + 1
    return text[:start] + text[end:]


class TestReorderedSections:
    def test_salary_and_filing_dates_at_the_end(self, longbeach_text: str, longbeach: Posting) -> None:
        text = _move_block(longbeach_text, "SALARY DETAILS", "INFORMATION ABOUT LBUSD", None)
        moved = parse_posting(text, LONGBEACH_ID)
        assert [s.heading for s in moved.sections][-2:] == ["SALARY DETAILS", "APPLICATION FILING DATES"]
        assert moved.salary == longbeach.salary
        assert (moved.opening_date, moved.closing_date) == (date(2026, 1, 5), date(2026, 1, 23))
        assert moved.fact("requirements") == longbeach.fact("requirements")

    def test_selection_process_first(self, longbeach_text: str, longbeach: Posting) -> None:
        text = _move_block(longbeach_text, "EMPLOYMENT SELECTION PROCESS", "APPLICATION PROCESS", "SALARY DETAILS")
        moved = parse_posting(text, LONGBEACH_ID)
        assert [s.heading for s in moved.sections][1] == "EMPLOYMENT SELECTION PROCESS"
        assert moved.fact("selection_process") == longbeach.fact("selection_process")
        assert moved.salary == longbeach.salary
        assert contact_purposes(moved) == contact_purposes(longbeach)

    def test_benefits_after_requirements(self, lausd_text: str, lausd: Posting) -> None:
        text = _move_block(lausd_text, "BENEFITS", "JOB DUTIES/RESPONSIBILITIES", "EMPLOYMENT SELECTION PROCESS")
        moved = parse_posting(text, LAUSD_ID)
        assert moved.fact("benefits") == lausd.fact("benefits")
        assert moved.fact("duties") == lausd.fact("duties")
        assert moved.fact("requirements") == lausd.fact("requirements")

    def test_desirable_qualifications_before_minimum_requirements(
        self, longbeach_text: str, longbeach: Posting
    ) -> None:
        # DESIRABLE QUALIFICATIONS is not the minimum requirements wherever it stands.
        text = _move_block(
            longbeach_text, "DESIRABLE QUALIFICATIONS", "EMPLOYMENT SELECTION PROCESS", "MINIMUM REQUIREMENTS"
        )
        moved = parse_posting(text, LONGBEACH_ID)
        requirements = moved.fact("requirements")
        assert requirements.section == "MINIMUM REQUIREMENTS"
        assert "Two years of payroll or timekeeping experience." in requirements.text
        assert "Microsoft Excel pivot tables" not in requirements.text

    def test_neogov_selection_before_duties(self, glendale_text: str, glendale: Posting) -> None:
        text = _move_block(glendale_text, "SELECTION PROCESS", "01", "Essential Functions")
        moved = parse_posting(text, GLENDALE_ID)
        assert moved.fact("duties") == glendale.fact("duties")
        assert moved.fact("selection_process") == glendale.fact("selection_process")
        assert moved.supplemental_questions == glendale.supplemental_questions


class TestMissingSections:
    def test_no_salary_and_no_filing_dates(self, longbeach_text: str) -> None:
        text = _drop_block(longbeach_text, "SALARY DETAILS", "INFORMATION ABOUT LBUSD")
        posting = parse_posting(text, LONGBEACH_ID)
        assert posting.salary is None
        assert posting.fact("salary") is None
        assert posting.fact("filing_period") is None
        assert posting.closing_date is None
        assert posting.opening_date == date(2026, 1, 5)  # from "Published Date: Jan 5, 2026"
        assert {"salary", "filing_period", "closing_date"} <= set(missing_fields(posting))
        assert posting.fact("duties") is not None

    def test_no_benefits_no_duties(self, longbeach_text: str) -> None:
        text = _drop_block(longbeach_text, "BENEFITS", "MINIMUM REQUIREMENTS")
        posting = parse_posting(text, LONGBEACH_ID)
        assert posting.fact("benefits") is None
        assert posting.fact("duties") is None
        assert posting.fact("education").text.startswith("Graduation from high school")

    def test_neogov_without_salary_and_questions(self, glendale_text: str) -> None:
        text = glendale_text.split("\n01\n")[0].replace("Salary : $30.50 - $40.25 Hourly\n", "")
        posting = parse_posting(text, GLENDALE_ID)
        assert posting.salary is None
        assert posting.supplemental_questions == ()
        assert posting.fact("supplemental_questions") is None
        assert posting.fact("job_number").text == "2025-118"
        assert posting.closing_date == date(2025, 12, 15)

    def test_title_only(self) -> None:
        posting = parse_posting("Custodian\nCompany: Riverside County\n", "custodian")
        assert posting.title == "Custodian"
        assert posting.organisation == "Riverside County"
        assert posting.salary is None
        assert posting.contacts == ()
        assert missing_fields(posting)[0] == "location"

    @pytest.mark.parametrize("text", ["", "   \n\n\t", "12345\n----\n678"])
    def test_no_readable_text_is_refused(self, text: str) -> None:
        with pytest.raises(ValueError, match="no readable text"):
            parse_posting(text, "x")


# --- other wordings of the same fields -----------------------------------------------------------


@pytest.mark.parametrize(
    ("filing", "opening", "closing"),
    [
        ("January 5, 2026 - January 23, 2026", date(2026, 1, 5), date(2026, 1, 23)),
        ("January 5, 2026 – January 23, 2026", date(2026, 1, 5), date(2026, 1, 23)),
        ("January 5, 2026 through January 23, 2026", date(2026, 1, 5), date(2026, 1, 23)),
        ("01/05/2026 - 01/23/2026", date(2026, 1, 5), date(2026, 1, 23)),
        ("Jan. 5, 2026 - Jan. 23, 2026", date(2026, 1, 5), date(2026, 1, 23)),
        ("February 2, 2026 to February 20, 2026", date(2026, 2, 2), date(2026, 2, 20)),
    ],
)
def test_filing_period_wordings(longbeach_text: str, filing: str, opening: date, closing: date) -> None:
    posting = parse_posting(longbeach_text.replace("January 5, 2026 - January 23, 2026", filing), LONGBEACH_ID)
    assert posting.fact("filing_period").text == filing
    assert (posting.opening_date, posting.closing_date) == (opening, closing)


def test_filing_period_with_year_only_on_the_closing_date(longbeach_text: str) -> None:
    posting = parse_posting(
        longbeach_text.replace("January 5, 2026 - January 23, 2026", "January 5 - January 23, 2026"), LONGBEACH_ID
    )
    assert posting.closing_date == date(2026, 1, 23)


@pytest.mark.parametrize("wording", ["Open Until Filled", "OPEN UNTIL FILLED", "Continuous"])
def test_filing_dates_open_until_filled(longbeach_text: str, wording: str) -> None:
    posting = parse_posting(longbeach_text.replace("January 5, 2026 - January 23, 2026", wording), LONGBEACH_ID)
    assert posting.closing_date is None
    assert posting.open_continuous is True


def test_filing_dates_sentence_open_until_filled(longbeach_text: str) -> None:
    posting = parse_posting(
        longbeach_text.replace("January 5, 2026 - January 23, 2026", "This recruitment is open until filled."),
        LONGBEACH_ID,
    )
    assert posting.closing_date is None
    assert posting.open_continuous is True


@pytest.mark.parametrize("closing", ["Closing Date/Time: Continuous", "Closing Date: Continuous"])
def test_neogov_closing_date_continuous(glendale_text: str, closing: str) -> None:
    posting = parse_posting(glendale_text.replace("Closing Date: 12/15/2025 5:00 PM Pacific", closing), GLENDALE_ID)
    assert posting.closing_date is None
    assert posting.open_continuous is True


def test_neogov_closing_date_time(glendale_text: str) -> None:
    posting = parse_posting(
        glendale_text.replace(
            "Closing Date: 12/15/2025 5:00 PM Pacific", "Closing Date/Time: 12/19/2025 11:59 PM Pacific"
        ),
        GLENDALE_ID,
    )
    assert posting.closing_date == date(2025, 12, 19)


@pytest.mark.parametrize(
    ("line", "low", "high", "period"),
    [
        ("$4,120.00 - $5,110.00 Monthly", 4120.0, 5110.0, "monthly"),
        ("$49,440 - $61,320 Annually", 49440.0, 61320.0, "annually"),
        ("$28.15 - $34.90 per hour", 28.15, 34.90, "hourly"),
        ("$2,100.50 - $2,600.75 Bi-Weekly", 2100.50, 2600.75, "biweekly"),
        ("The salary range for this position is $4,120.00 to $5,110.00 per month.", 4120.0, 5110.0, "monthly"),
        ("$62,000 Annually", 62000.0, None, "annually"),
    ],
)
def test_salary_wordings(longbeach_text: str, line: str, low: float, high: float | None, period: str) -> None:
    posting = parse_posting(longbeach_text.replace("$4,120.00 - $5,110.00 Monthly", line), LONGBEACH_ID)
    assert posting.salary is not None
    assert posting.salary.low == pytest.approx(low)
    assert (posting.salary.high == pytest.approx(high)) if high is not None else posting.salary.high is None
    assert posting.salary.period == period


def test_neogov_without_hiring_line_falls_back_to_first_line_and_org_pattern(glendale_text: str) -> None:
    lines = glendale_text.split("\n")
    text = "\n".join(["Administrative Analyst", *lines[3:]])
    posting = parse_posting(text, GLENDALE_ID)
    assert posting.title == "Administrative Analyst"
    assert posting.organisation == "City of Glendale"


def test_parse_is_deterministic(pasadena_text: str) -> None:
    assert parse_posting(pasadena_text, PASADENA_ID) == parse_posting(pasadena_text, PASADENA_ID)


def test_facts_never_contain_question_options(pasadena: Posting) -> None:
    # answer options of the supplemental questions ("- High School diploma or equivalent") must not
    # be taken for facts such as transcripts
    for key, fact in pasadena.facts.items():
        if key == "supplemental_questions":
            continue
        assert "High School diploma or equivalent" not in fact.text, key
        assert not re.search(r"^- (Yes|No)$", fact.text, re.MULTILINE), key
