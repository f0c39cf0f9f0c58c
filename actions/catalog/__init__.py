"""helpbot's own words, one module per language (`en`, `es`), each a table of texts by name."""

from __future__ import annotations

from actions.catalog import en, es

CATALOGS: dict[str, dict[str, str]] = {"en": en.TEXTS, "es": es.TEXTS}


def template(name: str, language: str) -> str:
    """The text called `name` in `language` (English when the language has no catalog)."""
    return CATALOGS.get(language, en.TEXTS)[name]
