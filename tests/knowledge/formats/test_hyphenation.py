"""knowledge.formats.hyphenation: joining words broken at a line end."""

from __future__ import annotations

import pytest

from knowledge.formats.hyphenation import Vocabulary

LINES = [
    "Applicants must show current employment and a valid license.",
    "The position is part of a full-time team; the applicant answers questions.",
    "Visit the application portal for the status of your",
]


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("the adminis\u2010", "tration office", "the administration office"),
        ("the adminis\u00ad", "tration office", "the administration office"),
        ("current employ-", "ment history", "current employment history"),  # `employment` is a word of the document
        ("a full-", "time job", "a full-time job"),  # `full-time` is written so elsewhere
        ("a well-", "qualified candidate", "a well-qualified candidate"),  # `well` starts compounds
        ("the appli-", "cation form", "the application form"),
        ("state-of-the-", "art systems", "state-of-the-art systems"),
        (
            "see https://example.org/foreign-",
            "transcript-evaluation",
            "see https://example.org/foreign-transcript-evaluation",
        ),
        ("COVID-", "19 vaccination", "COVID-19 vaccination"),
        ("Non-", "Exempt", "Non-Exempt"),
        ("Technology -", "Applying it", "Technology - Applying it"),
        ("ends here.", "Next sentence", "ends here. Next sentence"),
    ],
)
def test_join(left: str, right: str, joined: str) -> None:
    assert Vocabulary(LINES).join(left, right) == joined


def test_pieces_of_broken_words_are_not_words_of_the_document() -> None:
    vocabulary = Vocabulary(["the adminis-", "tration office", "is open"])
    assert "adminis" not in vocabulary.words and "tration" not in vocabulary.words
    assert {"the", "office", "is", "open"} <= vocabulary.words
