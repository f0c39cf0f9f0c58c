"""The patched Rasa runs the same checks as Rasa's own, only without repeating constant work."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import ValidationError
from rasa.core import run
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.utils.common import all_subclasses

from bot import rasa_server


@pytest.fixture
def patched_rasa() -> Any:
    original_validate = RemoteAction._validate_action_result
    original_resolve = Event.resolve_by_type
    original_configure = run.configure_app
    rasa_server.install()
    yield
    RemoteAction._validate_action_result = original_validate  # type: ignore[method-assign]
    Event.resolve_by_type = original_resolve  # type: ignore[method-assign]
    run.configure_app = original_configure


def remote_action() -> RemoteAction:
    return RemoteAction("action_answer_topic", None)


def test_a_valid_action_reply_passes(patched_rasa: Any) -> None:
    reply = {"events": [{"event": "slot", "name": "topic", "value": "salary"}], "responses": [{"text": "Hi"}]}
    assert remote_action()._validate_action_result(reply) is True


@pytest.mark.parametrize(
    "reply",
    [
        {"events": "not a list", "responses": []},
        {"events": [{"no_event_key": 1}], "responses": []},
        {"events": [], "responses": "not a list"},
    ],
)
def test_an_invalid_action_reply_is_refused_as_rasa_refuses_it(reply: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as rasa_error:
        RemoteAction._validate_action_result(remote_action(), reply)  # Rasa's own, before the patch
    with pytest.raises(ValidationError) as patched_error:
        rasa_server.validate_action_result(remote_action(), reply)
    assert patched_error.value.message == rasa_error.value.message
    assert "Failed to validate Action server response" in patched_error.value.message


def test_the_validator_is_built_once() -> None:
    assert rasa_server.action_result_validator() is rasa_server.action_result_validator()


def test_every_event_type_resolves_to_the_class_rasa_finds(patched_rasa: Any) -> None:
    for cls in all_subclasses(Event):
        assert Event.resolve_by_type(cls.type_name) is rasa_server._resolve_by_type(cls.type_name)
    assert Event.resolve_by_type("user") is UserUttered
    assert Event.resolve_by_type("slot") is SlotSet
    assert Event.resolve_by_type("action") is ActionExecuted


def test_unknown_event_types_behave_as_in_rasa(patched_rasa: Any) -> None:
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no-such-event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no-such-event")
