"""actions.catalog: every text in both languages, with the same blanks; Spanish has the answers' phrases."""

from __future__ import annotations

import string

from actions import names
from actions.catalog import CATALOGS
from knowledge.answers import PHRASES
from knowledge.topics import TOPICS


def has_words(text: str) -> bool:
    """Whether a text says anything besides its blanks ("{handoff}\n\n{contact}" does not)."""
    return any(literal.strip() for literal, _, _, _ in string.Formatter().parse(text))


def blanks(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_both_languages_have_every_text_with_the_same_blanks() -> None:
    english, spanish = CATALOGS["en"], CATALOGS["es"]
    assert set(spanish) - {f"phrase_{name}" for name in PHRASES} == set(english)
    for name, text in english.items():
        assert blanks(spanish[name]) == blanks(text), name


def test_spanish_renders_every_phrase_answers_compose() -> None:
    for name, text in PHRASES.items():
        assert blanks(CATALOGS["es"][f"phrase_{name}"]) == blanks(text), name


def test_every_name_in_names_has_a_text() -> None:
    constants = [v for k, v in vars(names).items() if k.startswith(("REPLY_", "PIECE_", "ASK_", "CHANNEL_", "BUTTON_"))]
    assert set(constants) <= set(CATALOGS["en"])
    assert {names.TOPIC_LABEL.format(topic=t) for t in TOPICS} <= set(CATALOGS["es"])


def test_no_english_left_in_spanish() -> None:
    """A Spanish text never repeats its English one (names, blanks and formats aside)."""
    english = CATALOGS["en"]
    same = [n for n, t in CATALOGS["es"].items() if has_words(t) and t == english.get(n)]
    assert same == []
