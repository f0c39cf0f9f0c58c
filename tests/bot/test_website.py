"""The careers site's page building: posting text as paragraphs and lists, key facts; its favicon."""

from __future__ import annotations

from datetime import date

import pytest
import requests

from actions.citations import cite
from base.database import make_engine
from bot.website import Block, blocks, key_facts, page_sections
from knowledge.catalog import Catalog
from knowledge.model import Fact, Posting, Salary, Section
from knowledge.section_links import section_anchors, shown
from knowledge.sections import HEADER_SECTION
from tests.servers import Assistant


def posting(**changes: object) -> Posting:
    base: dict[str, object] = {
        "posting_id": "p", "title": "Clerk", "organisation": "City of Example", "acronym": None,
        "facts": {}, "sections": (), "contacts": (),
    }  # fmt: skip
    base.update(changes)
    return Posting(**base)  # type: ignore[arg-type]


def test_dashes_and_bullets_become_one_list_and_other_lines_paragraphs() -> None:
    body = "Intro line.\n- first\n• second\n\nClosing <b>line</b>."
    assert blocks(body) == [
        Block("p", ("Intro line.",)),
        Block("ul", ("first", "second")),
        Block("p", ("Closing <b>line</b>.",)),  # kept as text; the template escapes it
    ]


def test_key_facts_show_what_the_posting_states() -> None:
    salary = Salary(1.0, 2.0, "monthly", "$1.00 - $2.00 Monthly", "Posting header")
    facts = key_facts(posting(salary=salary, closing_date=date(2026, 1, 2), facts={"job_number": Fact("7", "h")}))
    assert facts == [
        ("Employer", "City of Example"),
        ("Salary", "$1.00 - $2.00 Monthly"),
        ("Closing date", "January 2, 2026"),
        ("Job number", "7"),
    ]
    assert ("Closing date", "Open until filled") in key_facts(posting(open_continuous=True))


def test_every_section_shown_has_the_anchor_citations_link_to_and_the_header_is_the_overview() -> None:
    header = "Clerk\nCity of Example\nLocation: Main Street\nJob Number: 7\nWe are hiring a clerk."
    sections = (
        Section(HEADER_SECTION, header),
        Section("SALARY DETAILS", ""),
        Section("BENEFITS", "- Dental\nJob Number: 7"),
    )
    page = page_sections(posting(sections=sections, facts={"job_number": Fact("7", HEADER_SECTION)}))
    overview, salary, benefits = page
    assert (overview.anchor, overview.heading) == ("overview", "Overview")
    assert overview.fields == (("Employer", "City of Example"), ("Job number", "7"), ("Location", "Main Street"))
    assert overview.blocks == (Block("p", ("We are hiring a clerk.",)),)  # not the title or employer again
    assert (salary.anchor, salary.blocks) == ("salary-details", ())  # the posting's empty heading, shown as it is
    assert (benefits.anchor, benefits.blocks) == ("benefits", (Block("ul", ("Dental",)),))
    anchors = section_anchors(shown(posting(sections=sections)))
    assert [p.anchor for p in page] == [anchors[HEADER_SECTION], anchors["SALARY DETAILS"], anchors["BENEFITS"]]


@pytest.mark.server
def test_the_site_serves_a_favicon(assistant: Assistant) -> None:
    """Every browser asks for /favicon.ico; a 404 there is a console error on every page."""
    response = requests.get(f"{assistant.site}/favicon.ico", timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "image/x-icon"
    assert response.content.startswith(b"\x00\x00\x01\x00")  # an ICO file


@pytest.mark.server
def test_pages_carry_a_strict_content_security_policy(assistant: Assistant) -> None:
    headers = requests.get(f"{assistant.site}/", timeout=10).headers
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "default-src 'self';" in policy
    assert f"connect-src 'self' http://localhost:{assistant.rasa_port} ws://localhost:{assistant.rasa_port};" in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.server
@pytest.mark.parametrize("posting_id", ["lausd-accounting-technician-ii", "pasadena-accounting-technician"])
def test_every_section_a_citation_can_name_has_its_anchor_on_the_page(assistant: Assistant, posting_id: str) -> None:
    seed = Catalog(make_engine(assistant.env["HELPBOT_DATABASE_URL"])).get(posting_id)
    assert seed is not None
    page = requests.get(f"{assistant.site}/postings/{posting_id}", timeout=10).text
    citations = cite(seed, [s.heading for s in seed.sections], site_url=None)
    assert len(citations) == len(seed.sections)
    for citation in citations:
        assert f'<section class="posting-section" id="{citation.anchor}"' in page, citation
