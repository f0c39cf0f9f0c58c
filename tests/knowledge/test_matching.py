"""knowledge.matching.mentioned_postings: which posting a message names."""

from __future__ import annotations

import pytest

from knowledge.matching import mentioned_postings, postings_of_named_kind
from knowledge.model import Posting

from .conftest import GLENDALE_ID, LAUSD_ID, LONGBEACH_ID, PASADENA_ID


def ids(text: str, postings: list[Posting]) -> list[str]:
    return [p.posting_id for p in mentioned_postings(text, postings)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LAUSD", [LAUSD_ID]),
        ("lausd", [LAUSD_ID]),
        ("what's the deadline for the LAUSD job?", [LAUSD_ID]),
        ("lausd's deadline", [LAUSD_ID]),
        ("los angeles unified", [LAUSD_ID]),
        ("the Los Angeles Unified School District one", [LAUSD_ID]),
        ("Pasadena", [PASADENA_ID]),
        ("city of pasadena", [PASADENA_ID]),
        ("pasedena", [PASADENA_ID]),
        ("pasadina", [PASADENA_ID]),
        ("26-039", [PASADENA_ID]),
        ("job number 26-039 please", [PASADENA_ID]),
        ("accounting technician ii", [LAUSD_ID]),
        ("Accounting Technician II", [LAUSD_ID]),
        ("accounting technician", [LAUSD_ID, PASADENA_ID]),
        ("lausd-accounting-technician-ii", [LAUSD_ID]),
        ("LAUSD or Pasadena", [LAUSD_ID, PASADENA_ID]),
        ("the pasadena accounting technician", [PASADENA_ID]),
        ("does LA Unified match retirement contributions?", [LAUSD_ID]),  # a place's initials, with its kind
    ],
)
def test_real_postings(text: str, expected: list[str], real_postings: list[Posting]) -> None:
    assert ids(text, real_postings) == expected


@pytest.mark.parametrize(
    "text",
    [
        "which city is it in",
        "is it in the city?",
        "what's the salary",
        "tell me about the district",
        "hello there",
        "I like turtles",
        "technician",
        "US",
        "",
        "   ?!  ",
    ],
)
def test_nothing_named(text: str, real_postings: list[Posting]) -> None:
    assert ids(text, real_postings) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Long Beach", [LONGBEACH_ID]),
        ("LBUSD", [LONGBEACH_ID]),
        ("long beach unified", [LONGBEACH_ID]),
        ("glendale", [GLENDALE_ID]),
        ("glendal", [GLENDALE_ID]),
        ("2025-118", [GLENDALE_ID]),
        ("payroll technician", [LONGBEACH_ID]),
        ("administrative analyst", [GLENDALE_ID]),
        ("Los Angeles", [LAUSD_ID]),
        ("LAUSD", [LAUSD_ID]),
        ("pasadena", [PASADENA_ID]),
        ("accounting technician", [LAUSD_ID, PASADENA_ID]),
        ("which city is it in", []),
        ("the unified school district", []),
    ],
)
def test_four_postings(text: str, expected: list[str], all_postings: list[Posting]) -> None:
    assert ids(text, all_postings) == expected


def test_organisation_decides_over_title(real_postings: list[Posting]) -> None:
    # the organisation is named: the Pasadena posting, though the title is LAUSD's exactly
    assert ids("pasadena accounting technician ii", real_postings) == [PASADENA_ID]


def test_no_postings() -> None:
    assert mentioned_postings("LAUSD", []) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is there a probation period at the city for new accounting technicians", [PASADENA_ID]),
        ("does the district offer dental?", [LAUSD_ID]),
        ("the district's accounting tech deadline", [LAUSD_ID]),
        ("what city is the job in?", []),  # a kind of place, not "the city" as the employer
        ("district offices", []),
        ("which city department is hiring for this", [PASADENA_ID]),
        ("who is the district hr contact", [LAUSD_ID]),
        ("so district emails don't land in my junk folder", [LAUSD_ID]),
        ("the city website won't load", [PASADENA_ID]),
    ],
)
def test_the_employer_named_by_its_kind(text: str, expected: list[str], real_postings: list[Posting]) -> None:
    assert [p.posting_id for p in postings_of_named_kind(text, real_postings)] == expected


def test_a_kind_is_a_hint_not_a_posting_named_outright(real_postings: list[Posting]) -> None:
    assert ids("does the district offer dental?", real_postings) == []


def test_a_kind_two_employers_share_gives_both(all_postings: list[Posting]) -> None:
    found = {p.posting_id for p in postings_of_named_kind("does the city pay overtime", all_postings)}
    assert found == {PASADENA_ID, GLENDALE_ID}


@pytest.fixture(scope="module")
def one_employer_many_titles(real_postings: list[Posting]) -> list[Posting]:
    """The seed postings and a second posting from each employer, under another title."""
    from knowledge.parser import parse_posting

    from .conftest import variant_text

    extra = ["lausd-payroll-technician", "pasadena-human-resources-analyst"]
    return [*real_postings, *(parse_posting(variant_text(i), i) for i in extra)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("when does the LAUSD payroll technician job close?", ["lausd-payroll-technician"]),
        ("deadline for the district's payroll opening", ["lausd-payroll-technician"]),
        ("the lausd accounting tech job", [LAUSD_ID]),
        ("the HR analyst job at the city", ["pasadena-human-resources-analyst"]),
        ("city of pasadena human resources analyst salary", ["pasadena-human-resources-analyst"]),
        ("Pasadena accounting technician", [PASADENA_ID]),
        ("payrol technician at los angeles unified", ["lausd-payroll-technician"]),
    ],
)
def test_the_title_picks_among_one_employer_s_postings(
    text: str, expected: list[str], one_employer_many_titles: list[Posting]
) -> None:
    assert ids(text, one_employer_many_titles) == expected


def test_the_employer_alone_still_fits_all_its_postings(one_employer_many_titles: list[Posting]) -> None:
    assert set(ids("what's the deadline at LAUSD?", one_employer_many_titles)) == {LAUSD_ID, "lausd-payroll-technician"}
    assert postings_of_named_kind("is it in the city?", one_employer_many_titles)  # the kind alone never switches


@pytest.mark.parametrize("text", ["do district employees get paid holidays?", "are city jobs remote?"])
def test_the_employer_named_by_its_kind_before_a_noun(text: str, real_postings: list[Posting]) -> None:
    assert len(postings_of_named_kind(text, real_postings)) == 1
