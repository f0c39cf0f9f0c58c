"""The widget's socket.io channel: one `bot_uttered` event per answer, with its custom payload."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import socketio

from tests.servers import Assistant

pytestmark = pytest.mark.server

QUIET_SECONDS = 1.5  # after the answer, time for a second event to show up (none may)


@pytest.fixture
def widget_socket(assistant: Assistant) -> Iterator[tuple[socketio.Client, list[dict[str, Any]], str]]:
    """A socket.io client in a session of its own, as the widget opens one; and the events it gets."""
    client = socketio.Client(reconnection=False)
    received: list[dict[str, Any]] = []
    confirmed = threading.Event()
    client.on("bot_uttered", lambda data: received.append(data))
    client.on("session_confirm", lambda _: confirmed.set())
    session_id = uuid.uuid4().hex
    client.connect(f"http://127.0.0.1:{assistant.rasa_port}", socketio_path="/socket.io", transports=["polling"])
    client.emit("session_request", {"session_id": session_id})
    assert confirmed.wait(10), "no session_confirm"
    yield client, received, session_id
    client.disconnect()


def ask(client: socketio.Client, received: list[dict[str, Any]], session_id: str, text: str) -> list[dict[str, Any]]:
    """Send one message as the widget does; the events that come back."""
    before = len(received)
    metadata = {"posting_id": "lausd-accounting-technician-ii", "channel": "website"}
    client.emit("user_uttered", {"message": text, "session_id": session_id, "metadata": metadata})
    deadline = time.monotonic() + 30
    while len(received) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(QUIET_SECONDS)
    return received[before:]


def test_one_question_gives_one_event_with_text_and_citations(widget_socket: Any) -> None:
    client, received, session_id = widget_socket
    events = ask(client, received, session_id, "when is the deadline?")
    assert len(events) == 1, events
    (event,) = events
    assert "December 11, 2025" in event["text"] and event["text"].endswith(event["custom"]["caption"])
    assert event["custom"]["citations"][0]["anchor"] == "application-filing-dates"
    assert [p["kind"] for p in event["custom"]["parts"]] == ["answer"]  # the widget sends no employee flag


def test_a_short_answer_and_its_button_are_one_event(widget_socket: Any) -> None:
    client, received, session_id = widget_socket
    events = ask(client, received, session_id, "what's actually on the assessment?")
    assert len(events) == 1, events
    assert [q["title"] for q in events[0]["quick_replies"]] == ["Show the whole section"]
    assert events[0]["custom"]["citations"][0]["section"] == "EMPLOYMENT SELECTION PROCESS"
