"""Sign-in with a local account's password, and sign-out."""

from __future__ import annotations

import asyncio

from aiohttp import web

from base.settings import get_settings
from console.access import public
from console.middleware import clear_session_cookie, client_address, cookie_name, set_session_cookie
from console.rendering import current_session, render, see_other
from staff import audit, sessions
from staff.sign_in import sign_in_with_password, wait_before

FAILED = "That name and password do not match an active account."
LOCKED = "Too many failed sign-ins. Try again in 15 minutes, or ask an administrator."


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path of this console only, never another site."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


def _signin_page(
    request: web.Request, *, error: str = "", status: int = 200, next_path: str | None = None
) -> web.Response:
    return render(
        request,
        "signin.html",
        status=status,
        error=error,
        next=safe_next(next_path or request.query.get("next")),
        entra=get_settings().console.entra.enabled,
    )


@public
async def signin_form(request: web.Request) -> web.StreamResponse:
    """The sign-in page; a visitor without a session gets an anonymous one (for the form's CSRF token)."""
    session = current_session(request)
    if session and session.signed_in:
        raise see_other(safe_next(request.query.get("next")))
    if session is None:
        token = sessions.start()
        request["staff_session"] = sessions.load(token)
        response = _signin_page(request)
        set_session_cookie(response, token)
        return response
    return _signin_page(request)


@public
async def signin(request: web.Request) -> web.StreamResponse:
    """Check the password (throttled); on success the session id rotates."""
    form = await request.post()
    name, password = str(form.get("name", "")), str(form.get("password", ""))
    address = client_address(request)
    throttle = await asyncio.to_thread(wait_before, name, address)
    if throttle.delay_seconds:
        await asyncio.sleep(throttle.delay_seconds)
    outcome = await asyncio.to_thread(sign_in_with_password, name, password, address)
    next_path = str(form.get("next", "")) or None
    if outcome.account is None:
        error, status = (LOCKED, 429) if outcome.locked else (FAILED, 401)
        return _signin_page(request, error=error, status=status, next_path=next_path)
    token = sessions.sign_in(request.cookies.get(cookie_name()), outcome.account.name, outcome.account.role)
    response = see_other(safe_next(next_path))
    set_session_cookie(response, token)
    raise response


async def signout(request: web.Request) -> web.StreamResponse:
    """End the session."""
    session = current_session(request)
    token = request.cookies.get(cookie_name())
    if token:
        sessions.end(token)
    if session and session.staff:
        audit.record(audit.SIGN_OUT, actor=session.staff, address=client_address(request))
    response = see_other("/signin")
    clear_session_cookie(response)
    raise response
