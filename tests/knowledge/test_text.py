"""knowledge.text: normalising posting text, sentences, dates and money."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.text import (
    DATE_RANGE_RE,
    MONEY_RANGE_RE,
    first_date,
    normalise,
    normalise_period,
    parse_date,
    sentences,
    to_number,
)


def test_normalise_line_endings_spaces_and_blank_runs() -> None:
    raw = "\ufeffTitle\r\n\r\n\r\n\tSALARY\u00a0DETAILS \r\n$1 -\u00a0 $2\u200b Monthly\r\rEnd  \n\n"
    assert normalise(raw) == "Title\n\nSALARY DETAILS\n$1 - $2 Monthly\n\nEnd"


def test_sentences_keep_abbreviations() -> None:
    assert sentences("Apply by Dec. 11, 2025. Call (213) 241-3455 for help. See the U.S. rules.") == [
        "Apply by Dec. 11, 2025.",
        "Call (213) 241-3455 for help.",
        "See the U.S. rules.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 26, 2025", date(2025, 11, 26)),
        ("Nov 26, 2025", date(2025, 11, 26)),
        ("09/11/2025", date(2025, 9, 11)),
        ("2025-10-02", date(2025, 10, 2)),
        ("not a date", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_first_date() -> None:
    assert first_date("apply by October 2, 2025 or by 12/15/2025") == date(2025, 10, 2)
    assert first_date("12/15/2025 5:00 PM Pacific") == date(2025, 12, 15)
    assert first_date("Continuous") is None


def test_date_range() -> None:
    match = DATE_RANGE_RE.search("Filing: November 26, 2025 - December 11, 2025.")
    assert (match.group(1), match.group(2)) == ("November 26, 2025", "December 11, 2025")


@pytest.mark.parametrize(
    ("text", "low", "high", "period"),
    [
        ("$57,946.10 - $68,821.79 Annually", "57,946.10", "68,821.79", "Annually"),
        ("$30.50 - $40.25 Hourly", "30.50", "40.25", "Hourly"),
        ("$4,120.00 to $5,110.00 per month", "4,120.00", "5,110.00", "month"),
        ("$62,000/year", "62,000", None, "year"),
    ],
)
def test_money_range(text: str, low: str, high: str | None, period: str) -> None:
    match = MONEY_RANGE_RE.search(text)
    assert (match.group("low"), match.group("high"), match.group("period")) == (low, high, period)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Annually", "annually"),
        ("per hour", None),
        ("hour", "hourly"),
        ("Bi-Weekly", "biweekly"),
        ("Monthly", "monthly"),
        (None, None),
        ("fortnightly", None),
    ],
)
def test_normalise_period(word: str | None, expected: str | None) -> None:
    assert normalise_period(word) == expected


def test_to_number() -> None:
    assert to_number("57,946.10") == pytest.approx(57946.10)
