"""The REST channel: Rasa's, with request validation and the never-silent guard.

Each bot response is one message `{recipient_id, text, buttons, custom}` (`one_message`): an
answer's text and its citations come together, as Rasa returns custom payloads.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.language import channel_language
from base.client_address import client_address
from base.settings import get_settings
from bot.channels.guard import guarded, slow_down
from bot.channels.one_message import whole_messages, with_output
from bot.channels.rate_limit import rate_limiter


def request_problem(body: bytes) -> str | None:
    """What is wrong with a REST message body, or None when it is usable."""
    try:
        data = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError):
        return 'the body must be JSON: {"sender": "...", "message": "..."}'
    if not isinstance(data, dict):
        return 'the body must be a JSON object with "sender" and "message"'
    if not isinstance(data.get("sender"), str) or not data["sender"].strip() or len(data["sender"]) > 200:
        return '"sender" must be a non-empty string (at most 200 characters)'
    if not isinstance(data.get("message"), str):
        return '"message" must be a string'
    if "metadata" in data and data["metadata"] is not None and not isinstance(data["metadata"], dict):
        return '"metadata" must be a JSON object'
    return None


class GuardedRestInput(RestInput):
    """POST /webhooks/rest/webhook; bad requests get 400 with a clear message, never a 500."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(with_output(whole_messages, guarded(on_new_message)))
        settings = get_settings()
        per_client = rate_limiter(settings.rate_limit_per_client, "client")

        @webhook.middleware("request")
        async def validate(request: Request) -> HTTPResponse | None:
            if request.method == "POST" and request.path.endswith("/webhook"):
                problem = request_problem(request.body)
                if problem:
                    return response.json({"error": problem}, status=400)
                address = client_address(request.ip, request.headers.get("X-Forwarded-For"), settings.trusted_proxies)
                if not await per_client.allow(address or "unknown"):
                    body = json.loads(request.body)
                    language = channel_language(body["message"], body.get("metadata"))
                    return response.json([{"recipient_id": body["sender"], "text": slow_down(language)}], status=429)
            return None

        return webhook
