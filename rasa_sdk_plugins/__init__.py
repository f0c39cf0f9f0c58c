"""rasa_sdk's plugin hook (it imports a package of this name): the action server's access control.

Every request but `/health` must carry `Authorization: Bearer <HELPBOT_ACTION_SECRET>`, which Rasa
sends from `bot/endpoints.yml`; errors answer a short JSON body, never the request or the exception.
Request bodies over `HELPBOT_ACTION_MAX_BODY_BYTES` get 413 before they are read.
"""

from __future__ import annotations

import hmac
import logging
import sys

import pluggy
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.language import detector
from base.settings import get_settings
from bot.body_limit import limit_sanic_bodies

hookimpl = pluggy.HookimplMarker("rasa_sdk")
logger = logging.getLogger(__name__)
OPEN_PATHS = frozenset({"/health"})


def init_hooks(manager: pluggy.PluginManager) -> None:
    """Called by rasa_sdk: register this module's hook implementations."""
    manager.register(sys.modules[__name__])


def authorised(header: str | None, secret: str) -> bool:
    """Whether the Authorization header carries the shared secret (constant-time comparison)."""
    if not header or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header[len("Bearer ") :].encode(), secret.encode())


@hookimpl
def attach_sanic_app_extensions(app: Sanic) -> None:
    """Require the shared secret, cap request bodies, and answer errors without echoing anything back; load
    the language models before the first message, not during it."""
    secret = get_settings().action_secret
    limit_sanic_bodies(app, get_settings().action_max_body_bytes)

    @app.before_server_start
    async def load_language_models(*_: object) -> None:
        detector()

    @app.on_request
    async def require_secret(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS or authorised(request.headers.get("Authorization"), secret):
            return None
        return response.json({"error": "unauthorized"}, status=401)

    async def quiet_errors(request: Request, exception: Exception) -> HTTPResponse:
        status = getattr(exception, "status_code", 500)
        if status >= 500:
            logger.error("action server error: %s", exception.__class__.__name__)
        return response.json({"error": "internal error" if status >= 500 else "bad request"}, status=status)

    app.error_handler.add(Exception, quiet_errors)
