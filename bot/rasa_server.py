"""Run Rasa's command line with helpbot's fixes for Rasa 3.6 installed: `python -m bot.rasa_server run ...`.

Rasa 3.6 checks every action server reply with `jsonschema.validate`, which first re-checks the
response *schema* against the JSON Schema meta-schema. That meta-check is the same every time and
cost about half of the Rasa server's CPU per message here (see docs/benchmarks.md). The fix below
builds the validator once and validates each reply against it: the same schema, the same errors.

Reading a conversation back from the tracker store looks up each event's class by walking every
subclass of `Event`, once per event; `resolve_event_type` keeps that table after the first walk.

Sanic reads request bodies up to 100 MB by default; `configure_app_with_limits` caps every body
the server takes (REST, socket.io, Teams) at `HELPBOT_MAX_BODY_BYTES` (see `bot/body_limit.py`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core import run
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses
from sanic import Sanic

from base.settings import get_settings
from bot.body_limit import limit_sanic_bodies

_resolve_by_type = Event.resolve_by_type
_configure_app = run.configure_app

# Rasa's own wording, so a bad reply reads the same in the logs as without the patch.
_HINT = (
    ". Failed to validate Action server response from API, make sure your response from the Action endpoint is "
    f"valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
)


@lru_cache(maxsize=1)
def action_result_validator() -> Validator:
    """The validator for action server replies, built (and its schema checked) once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(_action: RemoteAction, result: dict[str, Any]) -> bool:
    """`RemoteAction._validate_action_result` with a cached validator; raises the same `ValidationError`."""
    error: ValidationError | None = best_match(action_result_validator().iter_errors(result))
    if error is None:
        return True
    error.message += _HINT
    raise error


@lru_cache(maxsize=1)
def event_classes() -> dict[str, type[Event]]:
    """Every event class by its type name, the first one found winning as in Rasa's own lookup."""
    classes: dict[str, type[Event]] = {}
    for cls in all_subclasses(Event):
        classes.setdefault(cls.type_name, cls)
    return classes


def resolve_event_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """`Event.resolve_by_type` from a table; names it lacks go to Rasa's own lookup."""
    found = event_classes().get(type_name)
    return found if found is not None else _resolve_by_type(type_name, default)


def configure_app_with_limits(*args: Any, **kwargs: Any) -> Sanic:
    """Rasa's `configure_app`, with request bodies capped before the server starts."""
    app: Sanic = _configure_app(*args, **kwargs)
    limit_sanic_bodies(app, get_settings().max_body_bytes)
    return app


def install() -> None:
    """Patch Rasa in this process."""
    RemoteAction._validate_action_result = validate_action_result
    Event.resolve_by_type = staticmethod(resolve_event_type)
    run.configure_app = configure_app_with_limits


def main() -> None:
    """`rasa` with the patches installed."""
    install()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
