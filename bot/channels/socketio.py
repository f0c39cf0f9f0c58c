"""The website's socket.io channel: Rasa's, with allowed origins and working session rooms.

Rasa 3.6's `SocketIOInput` turns origin checks off (`cors_allowed_origins=[]`) and joins the
session room with `sio.enter_room(...)` un-awaited, which python-socketio 5.10+ made a coroutine:
with `session_persistence` the room is never joined and replies never arrive. This subclass
allows only the configured site origins and joins the room properly.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.channels.guard import guarded
from bot.settings import get_settings


class WebsiteSocketIOInput(SocketIOInput):
    """socket.io for the careers-site widget (register as `bot.channels.socketio.WebsiteSocketIOInput`)."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(guarded(on_new_message))
        sio = self.sio
        assert sio is not None
        sio.eio.cors_allowed_origins = list(get_settings().cors_origins)

        async def session_request(sid: str, data: dict[str, Any] | None) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id")
            if not isinstance(session_id, str) or not session_id.strip() or len(session_id) > 100:
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        sio.on("session_request", handler=session_request, namespace=self.namespace)
        return webhook
