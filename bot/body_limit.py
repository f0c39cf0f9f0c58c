"""Request body limits: a body over the cap gets 413 and a short JSON error, and is never buffered.

Sanic 21.12 (the Rasa server and the action server) checks `REQUEST_MAX_SIZE` before it reads a
body: a declared `Content-Length` over the cap is refused before any byte of the body is read, and
a chunked body as soon as its chunk sizes add up to more than the cap. `WEBSOCKET_MAX_SIZE` refuses
a websocket frame whose header announces more. aiohttp (the careers site) applies its
`client_max_size` only when a handler reads the body, so `aiohttp_body_limit` checks every request first.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from sanic import Sanic, response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse

from actions import names
from actions.language import DEFAULT, language_code
from actions.messages import text as catalog_text

AiohttpHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def too_large(max_bytes: int, accept_language: str | None = None) -> dict[str, str]:
    """The JSON error a refused request gets, in the language its `Accept-Language` prefers (English by default)."""
    language = accepted_language(accept_language)
    return {"error": catalog_text(names.CHANNEL_TOO_LARGE, language=language, limit=max_bytes)}


def accepted_language(header: str | None) -> str:
    """The language of ours an `Accept-Language` header prefers: `es-MX,es;q=0.9,en;q=0.8` -> `es`."""
    ranked: list[tuple[float, str]] = []
    for item in (header or "").split(","):
        tag, _, weight = item.strip().partition(";q=")
        code = language_code(tag)
        if code:
            try:
                ranked.append((float(weight or 1), code))
            except ValueError:
                continue
    return max(ranked, key=lambda r: r[0])[1] if ranked else DEFAULT


def limit_sanic_bodies(app: Sanic, max_bytes: int) -> None:
    """Cap every request body (and websocket frame) of a Sanic app; call before the app runs."""
    app.config.REQUEST_MAX_SIZE = max_bytes
    app.config.WEBSOCKET_MAX_SIZE = max_bytes

    async def refuse(request: Request, __: Exception) -> HTTPResponse:
        return response.json(too_large(max_bytes, request.headers.get("Accept-Language")), status=413)

    app.error_handler.add(PayloadTooLarge, refuse)


def aiohttp_body_limit(max_bytes: int) -> Any:
    """An aiohttp middleware: 413 for a declared length over `max_bytes` before reading, or a longer chunked body.

    The app must be made with `client_max_size=max_bytes + 1` (aiohttp refuses a body that reaches it),
    so `request.read()` stops one chunk past the cap and keeps an accepted body for the handler.
    """

    @web.middleware
    async def body_limit(request: web.Request, handler: AiohttpHandler) -> web.StreamResponse:
        declared = request.content_length
        refused = too_large(max_bytes, request.headers.get("Accept-Language"))
        if declared is not None and declared > max_bytes:
            return web.json_response(refused, status=413)
        if request.body_exists:
            try:
                await request.read()
            except web.HTTPRequestEntityTooLarge:
                return web.json_response(refused, status=413)
        return await handler(request)

    return body_limit
