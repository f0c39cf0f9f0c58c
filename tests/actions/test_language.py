"""actions.language: the latest message decides; short or unclear messages keep the page's or the conversation's."""

from __future__ import annotations

import pytest

from actions.language import chosen_language, detect, language_code, page_language, reply_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("¿cuál es el deadline?", "es"),
        ("cual es el deadline", "es"),
        ("el job number porfa", "es"),
        ("hay estacionamiento", "es"),
        ("¿Cuánto pagan?", "es"),
        ("gracias", "es"),
        ("when is the deadline?", "en"),
        ("what's the sueldo?", "en"),
        ("hola, is there parking?", "en"),
        ("how much does it pay", "en"),
        ("when is the LA Unified deadline", "en"),
        ("thanks", "en"),
    ],
)
def test_the_message_says_its_language(text: str, language: str) -> None:
    assert detect(text) == language


@pytest.mark.parametrize("text", ["ok", "A-10234", "me@example.org", "LAUSD", "26-039", "?", "", "deadline?", "sueldo"])
def test_too_short_or_unclear_to_tell(text: str) -> None:
    assert detect(text) is None


def test_a_message_that_cannot_tell_keeps_the_choice_then_the_conversation_then_the_page() -> None:
    assert reply_language("ok", {"lang": "es"}) == "es"
    assert reply_language("ok", conversation="es") == "es"
    assert reply_language("ok", {"lang": "en-US"}, conversation="es") == "es"
    assert reply_language("ok", {"language": "en", "lang": "es"}, conversation="es") == "en"
    assert reply_language("deadline?", {"language": "es"}, conversation="en") == "es"
    assert reply_language("A-10234") == "en"


def test_the_latest_message_decides_over_choice_page_and_conversation() -> None:
    assert reply_language("when is the deadline?", {"language": "es", "lang": "es"}, conversation="es") == "en"
    assert reply_language("¿cuándo cierra?", {"language": "en", "lang": "en"}, conversation="en") == "es"


@pytest.mark.parametrize(
    ("value", "code"),
    [("es", "es"), ("es-MX", "es"), ("es_419", "es"), ("Español", "es"), ("en-US", "en"), ("EN", "en"),
     ("fr-FR", None), ("", None), (None, None), (3, None)],
)  # fmt: skip
def test_language_codes(value: object, code: str | None) -> None:
    assert language_code(value) == code


def test_the_language_from_the_widget_or_teams() -> None:
    assert chosen_language({"language": "es"}) == "es" and page_language({"language": "es"}) is None
    assert page_language({"lang": "es-US"}) == "es"
    assert page_language({"locale": "es-ES"}) == "es"
    assert page_language({"locale": "fr-FR"}) is None
    assert page_language({"posting_id": "x"}) is None and chosen_language({"posting_id": "x"}) is None
    assert page_language(None) is None and chosen_language(None) is None
