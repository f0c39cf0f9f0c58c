"""Citations: the sections an answer quotes, as the careers site shows them."""

from __future__ import annotations

from actions.citations import cite
from knowledge.model import Posting, Section
from knowledge.sections import HEADER_SECTION

POSTING = Posting(
    posting_id="clerk-1", title="Clerk", organisation="City of Example", acronym="COE", facts={},
    sections=(Section(HEADER_SECTION, "Salary: $1"), Section("SALARY DETAILS", ""),
              Section("ABOUT COE", "We are a city."), Section("BENEFITS", "Insurance.")),
    contacts=(),
)  # fmt: skip


def test_each_section_once_in_order_with_its_place_on_the_site() -> None:
    found = cite(POSTING, ["BENEFITS", HEADER_SECTION, "BENEFITS"], site_url="https://jobs.example.org")
    assert [c.to_json() for c in found] == [
        {"posting_id": "clerk-1", "section": "BENEFITS", "title": "Benefits", "anchor": "benefits",
         "path": "/postings/clerk-1#benefits", "url": "https://jobs.example.org/postings/clerk-1#benefits"},
        {"posting_id": "clerk-1", "section": HEADER_SECTION, "title": "Overview", "anchor": "overview",
         "path": "/postings/clerk-1#overview", "url": "https://jobs.example.org/postings/clerk-1#overview"},
    ]  # fmt: skip


def test_no_url_without_a_public_site_and_nothing_the_site_does_not_show() -> None:
    about, salary = cite(POSTING, ["ABOUT COE", "SALARY DETAILS", "NO SUCH SECTION"], site_url=None)
    assert (about.title, about.path, about.url) == ("About COE", "/postings/clerk-1#about-coe", None)
    assert salary.path == "/postings/clerk-1#salary-details"  # an empty heading is on the page too
