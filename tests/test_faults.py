"""Faults and bad input over REST: always a polite answer, never a 500, silence or a traceback."""

from __future__ import annotations

import uuid

import pytest
import requests

from tests.servers import Assistant

pytestmark = pytest.mark.server

PASADENA = "pasadena-accounting-technician"
APOLOGY = "something went wrong on my side"


def sender() -> str:
    return f"fault-{uuid.uuid4().hex[:10]}"


@pytest.mark.parametrize(("body", "problem"), [
    ("{not json", "must be JSON"),
    ('["a", "list"]', "JSON object"),
    ('{"sender": 42, "message": "hi"}', '"sender" must be'),
    ('{"sender": "x", "message": 7}', '"message" must be a string'),
    ('{"sender": "x", "message": "hi", "metadata": "page"}', '"metadata" must be'),
    ('{"message": "hi"}', '"sender" must be'),
])  # fmt: skip
def test_malformed_requests_get_400_with_a_clear_message(assistant: Assistant, body: str, problem: str) -> None:
    response = requests.post(assistant.webhook, data=body, headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 400
    assert problem in response.json()["error"]


def test_a_very_long_message_is_asked_to_be_shortened(assistant: Assistant) -> None:
    reply = assistant.reply(sender(), "when is the deadline? " * 120)
    assert "too long" in reply and "2000 characters" in reply


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "\x00\x07\x1b[31m when is the deadline \x7f",
    "🤔🤔 what does the Pasadena job pay? 💰",
    "ما هو الموعد النهائي للتقديم؟",
    "'; DROP TABLE applications; --",
    "<script>alert(1)</script><b>salary?</b>",
    "A-1001' OR '1'='1",
])  # fmt: skip
def test_odd_messages_get_a_normal_reply(assistant: Assistant, text: str) -> None:
    response = requests.post(
        assistant.webhook, json={"sender": sender(), "message": text, "metadata": {"posting_id": PASADENA}}, timeout=30
    )
    assert response.status_code == 200
    replies = response.json()
    assert replies and all(r.get("text") or r.get("buttons") for r in replies)
    joined = " ".join(r.get("text", "") for r in replies)
    assert "Traceback" not in joined and "sqlalchemy" not in joined.lower() and APOLOGY not in joined


def test_action_server_down_gets_an_apology_with_the_postings_contact(assistant: Assistant) -> None:
    assistant.stop_action_server()
    try:
        body = {
            "sender": sender(),
            "message": "who do I contact about the selection process?",
            "metadata": {"posting_id": "lausd-accounting-technician-ii"},
        }
        response = requests.post(assistant.webhook, json=body, timeout=60)
        assert response.status_code == 200
        reply = " ".join(r.get("text", "") for r in response.json())
        assert APOLOGY in reply and "jessica.mejia1@lausd.net" in reply
    finally:
        assistant.restart_action_server()
    assert "26-039" in assistant.reply(sender(), "what's the Pasadena job number?")


def test_database_unavailable_gets_an_apology(assistant: Assistant) -> None:
    assistant.restart_action_server(HELPBOT_DATABASE_URL="postgresql+psycopg2://helpbot@127.0.0.1:1/closed")
    try:
        reply = assistant.reply(sender(), "what does the Pasadena job pay?")
        assert APOLOGY in reply
        assert "psycopg2" not in reply and "127.0.0.1" not in reply
    finally:
        assistant.restart_action_server()
    assert "$57,946.10" in assistant.reply(sender(), "what does the Pasadena job pay?")


def test_the_rasa_http_api_is_off(assistant: Assistant) -> None:
    tracker = requests.get(f"http://127.0.0.1:{assistant.rasa_port}/conversations/anyone/tracker", timeout=10)
    assert tracker.status_code == 404


def test_socket_io_bad_input_gets_a_polite_reply(assistant: Assistant) -> None:
    import socketio

    client = socketio.Client(reconnection=False)
    replies: list[dict[str, object]] = []
    client.on("bot_uttered", lambda data: replies.append(data))
    client.connect(f"http://127.0.0.1:{assistant.rasa_port}", headers={"Origin": assistant.site},
                   transports=["polling"], socketio_path="socket.io")  # fmt: skip
    try:
        client.emit("user_uttered", "not an object")
        client.emit("user_uttered", {"message": 42, "session_id": "x"})
        client.sleep(2)
    finally:
        client.disconnect()
    assert len(replies) == 2
    assert all("couldn't read that message" in str(r.get("text")) for r in replies)
