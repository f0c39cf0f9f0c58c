"""Every public endpoint refuses an oversized body with 413 before buffering it, over real HTTP.

Each oversized request is sent only in part (see `tests/raw_http.py`): a server that waited for
the whole body would not answer in time, and the test fails.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator

import pytest
import requests
import websockets

from base.settings import DEFAULT_ACTION_MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES
from bot.channels.guard import MAX_MESSAGE_CHARS
from tests.raw_http import CHUNK, RawResponse, chunked_oversize, declared_oversize
from tests.servers import Assistant

pytestmark = pytest.mark.server

ENDPOINTS = ["REST", "socket.io", "Teams", "careers site", "action server"]
EIGHT_MB = 8 * 1024 * 1024


def endpoint(assistant: Assistant, name: str) -> tuple[str, dict[str, str], int]:
    """URL, headers and body cap of one public endpoint of the running assistant."""
    rasa = f"http://127.0.0.1:{assistant.rasa_port}"
    secret = assistant.env["HELPBOT_ACTION_SECRET"]
    return {
        "REST": (f"{rasa}/webhooks/rest/webhook", {}, DEFAULT_MAX_BODY_BYTES),
        "socket.io": (f"{rasa}/socket.io/?EIO=4&transport=polling", {"Origin": assistant.site}, DEFAULT_MAX_BODY_BYTES),
        "Teams": (f"{rasa}/webhooks/teams/webhook", {"Authorization": "Bearer x"}, DEFAULT_MAX_BODY_BYTES),
        "careers site": (f"http://127.0.0.1:{assistant.web_port}/", {}, DEFAULT_MAX_BODY_BYTES),
        "action server": (
            f"http://127.0.0.1:{assistant.action_port}/webhook",
            {"Authorization": f"Bearer {secret}"},
            DEFAULT_ACTION_MAX_BODY_BYTES,
        ),
    }[name]


def assert_refused(answer: RawResponse | None, cap: int) -> None:
    assert answer is not None, "no answer before the whole body was sent: the server waited to buffer it"
    assert answer.status == 413, answer
    assert answer.headers.get("content-type", "").startswith("application/json")
    assert json.loads(answer.body) == {"error": f"the request body is too large (at most {cap} bytes)"}


@pytest.mark.parametrize("name", ENDPOINTS)
def test_a_declared_oversized_body_is_refused_before_it_is_read(assistant: Assistant, name: str) -> None:
    url, headers, cap = endpoint(assistant, name)
    assert_refused(declared_oversize(url, declared=max(EIGHT_MB, cap + 1), headers=headers), cap)


@pytest.mark.parametrize("name", ENDPOINTS)
def test_a_chunked_body_is_refused_once_it_passes_the_cap(assistant: Assistant, name: str) -> None:
    url, headers, cap = endpoint(assistant, name)
    assert_refused(chunked_oversize(url, send=cap + CHUNK, headers=headers), cap)


def test_a_long_message_under_the_cap_is_still_asked_to_be_shortened(assistant: Assistant) -> None:
    text = "when is the deadline? " * 2500  # about 55 KB: far over the message limit, under the body cap
    body = json.dumps({"sender": f"long-{uuid.uuid4().hex[:8]}", "message": text}).encode()
    assert MAX_MESSAGE_CHARS < len(body) < DEFAULT_MAX_BODY_BYTES

    def chunks() -> Iterator[bytes]:  # sent chunked, without Content-Length
        yield from (body[i : i + CHUNK] for i in range(0, len(body), CHUNK))

    response = requests.post(assistant.webhook, data=chunks(), headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 200
    assert "too long" in response.json()[0]["text"]


def test_engine_io_takes_and_announces_no_more_than_the_cap(assistant: Assistant) -> None:
    """Engine.IO's own limit (1 MB by default) is the cap too, and clients are told it (`maxPayload`)."""
    url = f"http://127.0.0.1:{assistant.rasa_port}/socket.io/?EIO=4&transport=polling"
    opened = requests.get(url, headers={"Origin": assistant.site}, timeout=10)
    assert opened.status_code == 200 and opened.text.startswith("0")
    assert json.loads(opened.text[1:])["maxPayload"] == DEFAULT_MAX_BODY_BYTES


async def test_an_oversized_socket_io_message_closes_the_websocket_unanswered(assistant: Assistant) -> None:
    """Sanic refuses the frame by its header (WEBSOCKET_MAX_SIZE), and Engine.IO would refuse it after."""
    url = f"ws://127.0.0.1:{assistant.rasa_port}/socket.io/?EIO=4&transport=websocket"
    async with websockets.connect(url, origin=assistant.site, max_size=None) as ws:  # type: ignore[attr-defined]
        assert str(await ws.recv()).startswith("0")  # Engine.IO open
        await ws.send("40")
        assert str(await ws.recv()).startswith("40")  # Socket.IO connected
        message = {"message": "x" * DEFAULT_MAX_BODY_BYTES, "session_id": uuid.uuid4().hex}
        await ws.send("42" + json.dumps(["user_uttered", message]))
        with pytest.raises(websockets.ConnectionClosed):  # type: ignore[attr-defined]
            while True:
                frame = str(await asyncio.wait_for(ws.recv(), timeout=15))
                assert "bot_uttered" not in frame


def test_the_refusal_speaks_the_language_the_client_prefers() -> None:
    from bot.body_limit import accepted_language, too_large

    assert accepted_language("es-MX,es;q=0.9,en;q=0.8") == "es"
    assert accepted_language("en-US,es;q=0.5") == "en" and accepted_language("fr-FR") == "en"
    assert accepted_language(None) == "en" and accepted_language("es;q=x") == "en"
    assert too_large(10, "es") == {"error": "la solicitud es demasiado grande (como máximo 10 bytes)"}
