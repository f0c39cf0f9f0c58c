"""Which language to answer in: English or Spanish, from the latest message, the applicant's choice, the
conversation, the page.

The latest message decides when it can tell: function words settle mixed text ("¿cuál es el
deadline?" is Spanish, "what's the sueldo?" English), then lingua's offline models judge the rest.
A message too short to tell ("ok", "A-10234", "deadline?") keeps the language the applicant chose in
the widget, else the conversation's, else the page's (its `lang`) or Teams' (the activity's `locale`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from knowledge.spanish import plain

ENGLISH = "en"
SPANISH = "es"
LANGUAGES = (ENGLISH, SPANISH)
DEFAULT = ENGLISH
CHOSEN_KEY = "language"  # metadata: the language the applicant chose in the widget
PAGE_KEYS = ("lang", "locale")  # metadata: the page's language (widget), the client's (Teams)

MIN_LETTERS = 4  # fewer letters than this cannot tell ("ok", "si", "A-1") ...
MIN_WORDS = 2  # ... nor one word without function words: "deadline?" on a Spanish page is a loan word
MIN_CONFIDENCE = 0.85  # lingua's confidence below which a message without function words keeps the language

# Function words of one language and not the other (accents stripped); "me", "no", "a" are both.
_SPANISH = """
    el la los las del de en que cual cuales cuando cuanto cuanta cuantos cuantas como donde adonde quien quienes
    por para con sin mi mis tu tus su sus es son esta estan estoy esto este ese esa eso estos esas hay
    tengo tiene tienen tienes necesito necesita puedo puede pueden quiero quisiera ocupo soy eres fue
    un una unos unas al lo le les se ya pero muy mas tambien aqui alli hasta desde entre sobre
    hola gracias buenos buenas buen dia adios porfa favor usted ustedes yo nos y o pues oye mande
    si hacer hace hacen dan dar pagan sabes puedes dime dame ayuda todavia aun algo nada
"""
_ENGLISH = """
    the is are was were what whats when where how who which why do does did can could would should will
    i im ive my you your it its this that there of to for with and an in on at be have has get hi hello
    hey thanks thank please any about from if or just need want know tell whose whom than then
"""
_SPANISH_WORDS = frozenset(_SPANISH.split())
_ENGLISH_WORDS = frozenset(_ENGLISH.split())
_WORD = re.compile(r"[^\W\d_]+")


def _marker_language(text: str) -> str | None:
    """The language whose function words (and, for Spanish, marks like ¿ ¡ ñ á) the text uses more."""
    words = _WORD.findall(plain(re.sub(r"\bLA\b", " ", text)))
    spanish = sum(w in _SPANISH_WORDS for w in words) + 2 * len(re.findall(r"[¿¡ñÑ]|[áéíóúÁÉÍÓÚ]", text))
    english = sum(w in _ENGLISH_WORDS for w in words) + len(re.findall(r"\b\w+'(?:s|t|m|re|ve|ll|d)\b", text))
    if spanish == english:
        return None
    return SPANISH if spanish > english else ENGLISH


@cache
def detector() -> LanguageDetector:
    """lingua's English/Spanish detector, its models loaded once (about 130 MB, no download)."""
    builder = LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.SPANISH)
    return builder.with_preloaded_language_models().build()


_CODES = {Language.ENGLISH: ENGLISH, Language.SPANISH: SPANISH}
_NOT_WORDS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\S*\d\S*")


def detect(text: str, *, model: bool = True) -> str | None:
    """`en` or `es` when the text says which; None when it is too short or unclear to tell.

    Without `model`, only function words and Spanish marks decide (no language models in memory).
    """
    text = _NOT_WORDS.sub(" ", text)
    marked = _marker_language(text)
    if marked or not model or sum(c.isalpha() for c in text) < MIN_LETTERS or len(_WORD.findall(text)) < MIN_WORDS:
        return marked
    best = detector().compute_language_confidence_values(text)[0]
    return _CODES.get(best.language) if best.value >= MIN_CONFIDENCE else None


def language_code(value: Any) -> str | None:
    """`es`, `es-MX`, `es_419`, `Español` -> `es`; `en-US` -> `en`; anything else None."""
    if not isinstance(value, str):
        return None
    code = plain(value.strip())
    names = {SPANISH: ("es", "spa", "spanish", "espanol"), ENGLISH: ("en", "eng", "english", "ingles")}
    return next((lang for lang, known in names.items() if code in known or re.split("[-_]", code)[0] == lang), None)


def chosen_language(metadata: Mapping[str, Any] | None) -> str | None:
    """The language the applicant chose in the widget (`language`)."""
    return language_code(metadata.get(CHOSEN_KEY)) if isinstance(metadata, Mapping) else None


def page_language(metadata: Mapping[str, Any] | None) -> str | None:
    """The page's language the widget sent (`lang`), or the Teams client's (`locale`)."""
    if not isinstance(metadata, Mapping):
        return None
    return next((code for key in PAGE_KEYS if (code := language_code(metadata.get(key)))), None)


def reply_language(
    text: str,
    metadata: Mapping[str, Any] | None = None,
    conversation: str | None = None,
    *,
    model: bool = True,
) -> str:
    """The latest message's language; else the applicant's choice; else the conversation's; else the page's;
    else English."""
    found = detect(text, model=model) or chosen_language(metadata) or language_code(conversation)
    return found or page_language(metadata) or DEFAULT


def channel_language(text: str, metadata: Mapping[str, Any] | None) -> str:
    """The language a channel answers in by itself (too long, too fast, an error), without the conversation:
    the message's function words, else the widget's or Teams' language. The Rasa server loads no language models."""
    return reply_language(text, metadata, model=False)
