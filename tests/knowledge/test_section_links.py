"""Section titles in sentence case and stable anchors, the same for the site and the citations."""

from __future__ import annotations

import pytest

from knowledge.model import Posting, Section
from knowledge.section_links import (
    OVERVIEW_ANCHOR,
    posting_path,
    section_anchors,
    section_title,
    shown,
    slug,
)
from knowledge.sections import HEADER_SECTION


def posting(*sections: tuple[str, str], acronym: str | None = None, organisation: str | None = None) -> Posting:
    return Posting(
        posting_id="p", title="Clerk", organisation=organisation, acronym=acronym, facts={},
        sections=tuple(Section(h, b) for h, b in sections), contacts=(),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("APPLICATION FILING DATES", "Application filing dates"),
        (
            "DO YOU NEED TECHNICAL ASSISTANCE WITH THE ON-LINE APPLICATION?",
            "Do you need technical assistance with the on-line application?",
        ),
        ("JOB DUTIES/RESPONSIBILITIES", "Job duties/responsibilities"),
        ("HOW DO I APPLY", "How do I apply"),
        ("VPN ACCESS FOR HR STAFF", "VPN access for HR staff"),
        ("Essential Functions", "Essential functions"),
        ("Retirement under CalPERS", "Retirement under CalPERS"),
        ("Supplemental Questions", "Supplemental questions"),
        ("EDUCATION, TRAINING AND EXPERIENCE:", "Education, training and experience"),
        (HEADER_SECTION, "Overview"),
    ],
)  # fmt: skip
def test_titles_are_in_sentence_case(heading: str, title: str) -> None:
    assert section_title(heading) == title


def test_the_postings_own_acronym_and_organisation_keep_their_case() -> None:
    district = posting(acronym="LAUSD", organisation="Los Angeles Unified School District")
    assert section_title("INFORMATION ABOUT LAUSD", district) == "Information about LAUSD"
    assert section_title("WHY LOS ANGELES UNIFIED SCHOOL DISTRICT?", district) == (
        "Why Los Angeles Unified School District?"
    )
    assert section_title("INFORMATION ABOUT LAUSD") == "Information about lausd"  # no posting, no acronym known


def test_slugs_are_plain_and_stable() -> None:
    assert slug("DO YOU NEED TECHNICAL ASSISTANCE WITH THE ON-LINE APPLICATION?") == (
        "do-you-need-technical-assistance-with-the-on-line-application"
    )
    assert slug("Información — Beneficios") == "informacion-beneficios"
    assert slug("???") == "section"


def test_anchors_are_unique_and_the_header_is_the_overview() -> None:
    anchors = section_anchors([HEADER_SECTION, "BENEFITS", "Benefits", "Overview", "VACANCIES"])
    assert anchors == {
        HEADER_SECTION: OVERVIEW_ANCHOR,
        "BENEFITS": "benefits",
        "Benefits": "benefits-2",
        "Overview": "overview-2",
        "VACANCIES": "vacancies",
    }


def test_the_site_shows_the_overview_and_every_section_even_an_empty_one() -> None:
    sections = (
        (HEADER_SECTION, "Clerk"),
        ("MINIMUM REQUIREMENTS", ""),
        ("Education", "A diploma."),
        ("DUTIES", "Files."),
    )
    assert shown(posting(*sections)) == [HEADER_SECTION, "MINIMUM REQUIREMENTS", "Education", "DUTIES"]
    assert shown(posting(("BENEFITS", "Insurance."))) == [HEADER_SECTION, "BENEFITS"]


def test_paths() -> None:
    assert posting_path("p") == "/postings/p"
    assert posting_path("p", "benefits") == "/postings/p#benefits"
