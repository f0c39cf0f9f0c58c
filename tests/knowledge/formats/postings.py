"""Postings written for the format tests, as the pieces a publisher lays out: a title, header fields,
headings, paragraphs and list items. `documents.py` prints each as text, a PDF bulletin, a job-board
page and a Word file."""

from __future__ import annotations

from dataclasses import dataclass

Piece = tuple[
    str, ...
]  # ("title", text) ("field", label, value) ("heading", text) ("p", text) ("li", text) ("ol", text)


@dataclass(frozen=True)
class SamplePosting:
    posting_id: str
    pieces: tuple[Piece, ...]

    @property
    def title(self) -> str:
        return next(p[1] for p in self.pieces if p[0] == "title")


FRESNO_PAYROLL = SamplePosting(
    "fresno-usd-payroll-specialist",
    (
        ("title", "Payroll Specialist"),
        ("field", "Published Date", "Jan 12, 2026"),
        ("field", "Location", "Fresno, CA"),
        ("field", "Company", "Fresno Unified School District"),
        ("field", "Job Number", "FUSD-26-0113"),
        ("heading", "SALARY DETAILS"),
        ("p", "$4,310.00 - $5,352.00 Monthly, paid once a month on the last working day."),
        ("heading", "APPLICATION FILING DATES"),
        ("p", "January 12, 2026 - February 6, 2026"),
        (
            "p",
            "To find out whether the filing period has been extended, check the Personnel Commission page at "
            "https://careers.fresnousd.example.org/extensions",
        ),
        ("heading", "ABOUT THE POSITION"),
        (
            "p",
            "The Payroll Specialist keeps the pay records of about four thousand classified employees in good order. "
            "The work calls for careful reconciliation of timesheets, deductions and retirement contributions, and "
            "for patient explanations to employees who have questions about their paychecks. The position is a "
            "full-time, twelve-month assignment at the District Service Center.",
        ),
        (
            "p",
            "FUSD Employees: District employees applying from home must first connect to the district network "
            "through the FortiClient virtual private network (VPN). For help installing the FortiClient software, "
            "call the Technology Help Desk at (559) 457-3900.",
        ),
        ("heading", "JOB DUTIES"),
        ("p", "The typical duties for this position include:"),
        ("li", "Auditing timesheets and substitute assignment records before each payroll run."),
        ("li", "Calculating retroactive pay, overtime, differentials and leave balances."),
        ("li", "Reconciling voluntary deductions with the reports of insurance carriers and credit unions."),
        ("li", "Preparing quarterly reports for the California State Teachers' Retirement System."),
        ("li", "Answering questions from employees and site administrators in person, by phone and by email."),
        ("heading", "MINIMUM REQUIREMENTS"),
        ("heading", "Education"),
        (
            "p",
            "Graduation from high school or an equivalent certificate, supplemented by college-level courses in "
            "accounting, bookkeeping or business mathematics.",
        ),
        ("heading", "Experience"),
        (
            "p",
            "Two years of full-time paid experience in payroll or timekeeping work. Completion of thirty semester "
            "units of college coursework in accounting may be substituted for one year of the required experience.",
        ),
        (
            "p",
            "PLEASE NOTE: All requirements must be met by the last day of the filing period. Upload your transcripts "
            "or diplomas as attachments to your online application. Applicants who studied at a college outside the "
            "United States must submit an evaluation of their foreign transcripts from an approved evaluation "
            "service. Please ask the evaluator for a detailed course-by-course report. A list of approved evaluators "
            "is at https://www.ctc.ca.gov/credentials/leaflets/foreign-transcript-evaluation-(cl-635).",
        ),
        ("heading", "EMPLOYMENT SELECTION PROCESS"),
        (
            "p",
            "The selection process will consist of a timed payroll calculation exercise and a structured oral "
            "interview. Candidates who pass both parts are placed on an eligibility list by score. Eligibility "
            "typically lasts for twelve months, and job offers may be made to candidates in the top three ranks.",
        ),
        (
            "p",
            "If you have questions about the selection process, please contact Daniel Okafor at "
            "daniel.okafor@fresnousd.example.org",
        ),
        ("heading", "REASONABLE ACCOMMODATIONS"),
        (
            "p",
            "Reasonable accommodations for the application and for each part of the assessment are available to "
            "individuals with disabilities. Please call (559) 457-3548 at least five working days before the "
            "assessment date to arrange one.",
        ),
        ("heading", "APPLICATION PROCESS"),
        (
            "p",
            "After you submit your application you should receive a confirmation email within one hour. If you do "
            "not receive it, check your spam or junk folder before you apply again.",
        ),
        ("heading", "DO YOU NEED TECHNICAL ASSISTANCE WITH THE ONLINE APPLICATION?"),
        ("p", "Email us at applyhelp@fresnousd.example.org"),
        ("heading", "BENEFITS"),
        ("li", "Medical, dental and vision plans for employees and their dependents, with the premium mostly paid."),
        ("li", "Retirement through the California Public Employees' Retirement System (CalPERS)."),
        ("li", "Twelve days of sick leave and fourteen paid holidays each year."),
        (
            "p",
            "New employees serve a probationary period of six months. A background check, including fingerprinting, "
            "is required before the first day of work.",
        ),
    ),
)

SONOMA_ELIGIBILITY = SamplePosting(
    "sonoma-county-eligibility-worker",
    (
        ("title", "County of Sonoma"),
        ("p", "County of Sonoma is hiring: Eligibility Worker II in Santa Rosa"),
        ("field", "Salary", "$26.11 - $31.74 Hourly"),
        ("field", "Location", "Santa Rosa, CA"),
        ("field", "Job Type", "Full-time"),
        ("field", "Job Number", "2026-0042"),
        ("field", "Department", "Human Services"),
        ("field", "Division", "Economic Assistance"),
        ("field", "Opening Date", "01/05/2026"),
        ("field", "Closing Date", "01/26/2026"),
        ("heading", "Description"),
        (
            "p",
            "The Human Services Department is looking for an Eligibility Worker II who enjoys helping residents get "
            "the food and health coverage they need. Eligibility Workers interview applicants, review documents and "
            "decide, under state and federal rules, who qualifies for CalFresh, Medi-Cal and cash aid.",
        ),
        ("p", "There are three vacancies in the Santa Rosa office and one in the Petaluma office."),
        ("heading", "Essential Functions"),
        ("li", "Interviews applicants in person and by telephone to gather household and income information."),
        ("li", "Determines initial and continuing eligibility and calculates the amount of each benefit."),
        ("li", "Explains program rules, rights and responsibilities in plain language."),
        ("li", "Keeps accurate case records in the statewide eligibility system."),
        ("heading", "Minimum Qualifications"),
        (
            "p",
            "Education: Graduation from high school or an equivalent certificate. Experience: One year of work as an "
            "Eligibility Worker I with the County of Sonoma, or two years of public contact work that included "
            "gathering and checking financial information.",
        ),
        (
            "p",
            "Candidates selected for this position are subject to a one-year probationary period and must pass a "
            "background check, including fingerprinting.",
        ),
        ("heading", "Supplemental Information"),
        (
            "p",
            "Applications are screened for the minimum qualifications. Those who qualify are invited to a written "
            "examination, and the highest scoring candidates are invited to an oral interview. An eligible list will "
            "be established and may be used to fill future vacancies for six months.",
        ),
        (
            "p",
            "If you need an accommodation for any part of the examination process, please call Human Resources at "
            "(707) 565-2331 before the closing date.",
        ),
        (
            "p",
            "For questions about this recruitment, contact Priya Raman at priya.raman@sonomacounty.example.org or "
            "(707) 565-2900.",
        ),
        ("heading", "Benefits"),
        (
            "p",
            "The County offers medical, dental and vision coverage, a defined benefit retirement plan through the "
            "Sonoma County Employees' Retirement Association, and eleven paid holidays a year.",
        ),
        ("p", "01"),
        ("p", "Do you have a high school diploma or an equivalent certificate?"),
        ("p", "02"),
        ("p", "How many years of public contact work that included checking financial information do you have?"),
        ("p", "03"),
        ("p", "Describe a time you explained a complicated rule to a member of the public."),
        ("p", "Required Question"),
    ),
)

TACOMA_CLERK = SamplePosting(
    "tacoma-water-customer-service-clerk",
    (
        ("title", "Customer Service Clerk"),
        ("field", "Company", "City of Tacoma"),
        ("field", "Location", "Tacoma, WA"),
        ("field", "Job Number", "TW-2026-07"),
        ("field", "Department", "Tacoma Water"),
        ("field", "Salary", "$48,900 - $59,200 Annually"),
        ("heading", "APPLICATION FILING DATES"),
        ("p", "March 2, 2026 - March 20, 2026"),
        ("heading", "THE POSITION"),
        (
            "p",
            "Customer Service Clerks answer billing questions from water customers at the counter and on the phone, "
            "set up payment plans and start or stop service for residents who move.",
        ),
        ("heading", "MINIMUM QUALIFICATIONS"),
        ("ol", "Graduation from high school or a GED certificate."),
        ("ol", "One year of customer service experience involving cash handling."),
        ("heading", "SELECTION PROCESS"),
        (
            "p",
            "Qualified applicants will take a keyboarding test and a written test on arithmetic and filing; the top "
            "candidates will be interviewed. If you have questions about the selection process, please email "
            "recruiting@tacoma.example.org",
        ),
        ("heading", "REASONABLE ACCOMMODATION"),
        (
            "p",
            "Applicants who need an accommodation to take part in the testing may call (253) 591-5400 to request one.",
        ),
    ),
)

ALL = (FRESNO_PAYROLL, SONOMA_ELIGIBILITY, TACOMA_CLERK)
