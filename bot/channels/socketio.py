"""The website's socket.io channel: Rasa's, with allowed origins and working session rooms.

Rasa 3.6's `SocketIOInput` turns origin checks off (`cors_allowed_origins=[]`), and joins the
session room with `sio.enter_room(...)` un-awaited, which python-socketio 5.10+ made a coroutine:
with `session_persistence` the room is never joined and replies never arrive. This subclass
allows only the configured site origins and joins the room properly, and shows helpdesk staff's
replies from the console in the open widget (`bot/channels/staff_replies.py`). Engine.IO's own payload limit
(1 MB by default) is lowered to `HELPBOT_MAX_BODY_BYTES`, the Rasa server's body cap.

Each bot response is one `bot_uttered` event `{text, quick_replies, custom}` (Rasa's would send
a text's paragraphs and its custom payload as separate events).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions import names
from actions.language import channel_language
from actions.messages import text as catalog_text
from base.client_address import client_address
from base.settings import get_settings
from bot.channels.guard import guarded, slow_down
from bot.channels.one_message import response_of, with_output
from bot.channels.rate_limit import rate_limiter
from bot.channels.staff_replies import deliver_forever


class WidgetOutput(SocketIOOutput):
    """Sends each response as one `bot_uttered` event: text, quick replies and custom payload together."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        said = response_of(message)
        event: dict[str, Any] = {"text": said.text}
        if said.buttons:
            event["quick_replies"] = [{"content_type": "text", **b} for b in said.buttons]
        if said.custom is not None:
            event["custom"] = said.custom
        await self._send_message(recipient_id, event)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"text": text.strip()})


def widget_output(output: OutputChannel) -> OutputChannel:
    """The whole-message output in place of Rasa's socket.io output."""
    if isinstance(output, SocketIOOutput) and not isinstance(output, WidgetOutput):
        return WidgetOutput(output.sio, output.bot_message_evt)
    return output


class WebsiteSocketIOInput(SocketIOInput):
    """socket.io for the careers-site widget (register as `bot.channels.socketio.WebsiteSocketIOInput`)."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(with_output(widget_output, guarded(on_new_message)))
        sio = self.sio
        assert sio is not None
        allowed = frozenset(get_settings().cors_origins)
        sio.eio.max_http_buffer_size = get_settings().max_body_bytes  # also tells clients (`maxPayload`)

        handle_request = sio.eio.handle_request

        async def only_site_origins(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            # Sanic-CORS (`rasa run --cors`) writes the CORS headers; this refuses other origins
            # outright, for polling and for the websocket upgrade alike.
            origin = request.headers.get("Origin")
            if origin and origin not in allowed:
                return response.json({"error": "origin not allowed"}, status=403)
            return await handle_request(request, *args, **kwargs)

        sio.eio.handle_request = only_site_origins  # attached to the app when the blueprint registers

        async def session_request(sid: str, data: dict[str, Any] | None) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id")
            if not isinstance(session_id, str) or not session_id.strip() or len(session_id) > 100:
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        sio.on("session_request", handler=session_request, namespace=self.namespace)
        self._limit_clients(sio)
        self._deliver_staff_replies(webhook, sio)
        return webhook

    def _deliver_staff_replies(self, webhook: Blueprint, sio: Any) -> None:
        """Run the loop that shows console replies in open widgets (bot/channels/staff_replies.py)."""
        namespace = self.namespace or "/"

        async def start(app: Any, _loop: Any) -> None:
            app.add_task(deliver_forever(sio, namespace, self.bot_message_evt))

        webhook.listener("after_server_start")(start)

    def _limit_clients(self, sio: Any) -> None:
        """Per client address: past the limit a message gets the polite reply, not the bot."""
        settings = get_settings()
        per_client = rate_limiter(settings.rate_limit_per_client, "client")
        handler = sio.handlers.get(self.namespace or "/", {}).get(self.user_message_evt)
        if handler is None:
            return

        async def limited(sid: str, data: Any) -> None:
            environ = sio.get_environ(sid, namespace=self.namespace) or {}
            request = environ.get("sanic.request")  # engine.io's Sanic driver writes 127.0.0.1 as REMOTE_ADDR
            peer = str(getattr(request, "ip", "") or environ.get("REMOTE_ADDR") or "?")
            address = client_address(peer, environ.get("HTTP_X_FORWARDED_FOR"), settings.trusted_proxies)
            readable = isinstance(data, dict) and isinstance(data.get("message", ""), str)
            metadata = data.get("metadata") if readable and isinstance(data.get("metadata"), dict) else None
            language = channel_language(data.get("message", "") if readable else "", metadata)
            if not await per_client.allow(address):
                await sio.emit(self.bot_message_evt, {"text": slow_down(language)}, room=sid, namespace=self.namespace)
                return
            if not readable:
                bad = catalog_text(names.CHANNEL_BAD_MESSAGE, language=language)
                await sio.emit(self.bot_message_evt, {"text": bad}, room=sid, namespace=self.namespace)
                return
            await handler(sid, data)

        sio.on(self.user_message_evt, handler=limited, namespace=self.namespace)
