"""knowledge.formats.html_page: a job-board page without its site, and nothing it references fetched."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from knowledge.formats.errors import UnreadablePosting
from knowledge.formats.html_page import read_html
from tests.knowledge.formats.documents import as_text, job_board_page
from tests.knowledge.formats.postings import FRESNO_PAYROLL, SONOMA_ELIGIBILITY, TACOMA_CLERK


class _Recorder(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.requests.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def site() -> Iterator[tuple[str, list[str]]]:
    """A web server on loopback that records every request made to it."""
    _Recorder.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.requests
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("facts", ["terms", "dl", "table", "plain"])
def test_the_posting_is_read_without_the_site(facts: str) -> None:
    text = read_html(job_board_page(SONOMA_ELIGIBILITY, facts=facts)).text
    assert text == as_text(SONOMA_ELIGIBILITY)


@pytest.mark.parametrize(
    "chrome",
    [
        "Sign In",
        "Create an Account",
        "We use cookies",
        "Accept all cookies",
        "Search Jobs",
        "Similar Jobs",
        "Senior Account Clerk",
        "All rights reserved",
        "Terms of Use",
        "LinkedIn",
        "Apply",
        "Public Careers Portal",
        "Loading your personalised job feed",
        "Template text",
        "Hidden text",
        "tracking pixel",
    ],
)
def test_site_chrome_scripts_and_hidden_text_are_dropped(chrome: str) -> None:
    assert chrome not in read_html(job_board_page(FRESNO_PAYROLL)).text


def test_nothing_the_page_references_is_fetched(site: tuple[str, list[str]]) -> None:
    address, requests = site
    page = job_board_page(TACOMA_CLERK, site=address)
    assert address.encode() in page and b"<script" in page and b"<img" in page and b"<iframe" in page
    read_html(page)
    assert requests == []


def test_headings_lists_and_ordered_lists_keep_their_shape() -> None:
    text = read_html(job_board_page(TACOMA_CLERK, facts="table")).text
    assert "MINIMUM QUALIFICATIONS\n1. Graduation from high school or a GED certificate.\n2. One year" in text
    fresno = read_html(job_board_page(FRESNO_PAYROLL)).text
    assert "JOB DUTIES\nThe typical duties for this position include:\n- Auditing timesheets" in fresno


def test_links_whose_text_hides_the_address_show_it() -> None:
    page = (
        b"<main><h1>Park Ranger</h1><p>Company: City of Ojai</p>"
        b'<p>For questions, <a href="mailto:rangers@ojai.example.org">email the recruiter</a> or '
        b'<a href="tel:+1-805-555-0199">call us</a>. Read the '
        b'<a href="https://ojai.example.org/benefits">benefits guide</a> and '
        b'<a href="/jobs/17/apply">apply on line</a>. Visit '
        b'<a href="https://ojai.example.org/parks">https://ojai.example.org/parks</a>.</p>'
        b"<p>Rangers patrol the city's parks and trails, answer visitors' questions, and report hazards.</p></main>"
    )
    text = read_html(page).text
    assert "email the recruiter (rangers@ojai.example.org)" in text
    assert "call us (+1-805-555-0199)" in text
    assert "benefits guide (https://ojai.example.org/benefits)" in text
    assert "and apply on line. Visit" in text  # a link inside the site has no address worth showing
    assert text.count("https://ojai.example.org/parks") == 1


def test_a_bold_line_of_its_own_is_a_heading() -> None:
    page = (
        b"<html><body><main><h1>Animal Care Attendant</h1><p>Company: County of Marin</p>"
        b"<p><strong>What you will do</strong></p><p>Feed and care for the animals at the county shelter.</p>"
        b"<p><b>Salary:</b> $22.00 - $27.50 Hourly</p>"
        b"<p>The shelter is open every day of the year, and attendants work weekends in rotation.</p>"
        b"</main></body></html>"
    )
    text = read_html(page).text
    assert "WHAT YOU WILL DO\nFeed and care" in text
    assert "Salary: $22.00 - $27.50 Hourly" in text


def test_a_page_declaring_another_encoding_is_decoded() -> None:
    page = (
        '<html><head><meta charset="windows-1252"></head><body><h1>Résumé Reviewer</h1>'
        "<p>Company: City of San José</p><p>The reviewer’s work is reading résumés submitted for every "
        "opening in the city and checking them against the minimum qualifications.</p></body></html>"
    ).encode("cp1252")
    text = read_html(page).text
    assert text.startswith("Résumé Reviewer\nCompany: City of San José\nThe reviewer’s work")


def test_a_page_with_no_posting_is_refused() -> None:
    page = (
        b"<html><body><header><nav><a href='/'>Home</a><a href='/login'>Sign In</a></nav></header>"
        b"<main><h1>Page not found</h1><p>Sorry, this job is no longer posted.</p></main>"
        b"<footer>Copyright City of Example</footer></body></html>"
    )
    with pytest.raises(UnreadablePosting, match="no posting in this page"):
        read_html(page)


def test_a_list_of_jobs_is_no_posting() -> None:
    links = "".join(
        f"<li><a href='/jobs/{n}'>Maintenance Worker {n} — Public Works — Full time</a></li>" for n in range(30)
    )
    page = f"<html><body><main><h1>Current openings</h1><ul>{links}</ul></main></body></html>".encode()
    with pytest.raises(UnreadablePosting, match="mostly links"):
        read_html(page)
