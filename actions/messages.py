"""The texts custom actions send, in the conversation's language. Each has a name, which tests assert on
instead of the prose; the texts themselves are in actions.catalog, one module per language.

An answer's parts and its citation caption are texts here too (see `actions.answer_message`)."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.catalog import template
from actions.language import DEFAULT

_SPOKEN: ContextVar[str] = ContextVar("spoken_language", default=DEFAULT)
SECTION_SEPARATOR = "; "  # between section titles in a caption


def speak(language: str) -> None:
    """Speak `language` for the rest of this action's run (each request to the action server is a task of its own)."""
    _SPOKEN.set(language)


def spoken() -> str:
    """The language this action speaks (`en` unless `speak` said otherwise)."""
    return _SPOKEN.get()


def text(name: str, *, language: str | None = None, **values: Any) -> str:
    """The named text in `language` (the spoken one by default), filled with `values`."""
    return template(name, language or spoken()).format(**values)


def say(
    dispatcher: CollectingDispatcher,
    name: str,
    *,
    buttons: list[dict[str, Any]] | None = None,
    **values: Any,
) -> None:
    """Send the named text, filled with `values`; the name travels with it for tests and logs."""
    dispatcher.utter_message(text=text(name, **values), buttons=buttons or [], message_name=name)
