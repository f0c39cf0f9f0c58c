"""Sign-in with Microsoft Entra ID: off to the tenant's sign-in page, and back with a code.

The session cookie is SameSite=Strict, so the browser leaves it off the provider's redirect back to
us (a request from another site). The callback therefore answers first with a page that reloads the
same address from our own origin (a meta refresh, no script), and that request carries the cookie.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

from base.settings import get_settings
from console.access import public
from console.middleware import client_address, cookie_name, set_session_cookie
from console.rendering import current_session, render, see_other
from staff import audit, entra, sessions, throttle
from staff.accounts import directory_sign_in

CLIENT = web.AppKey("entra_client", entra.EntraClient)
HTTP = web.AppKey("entra_http", aiohttp.ClientSession)
REFUSED = "Microsoft sign-in did not succeed. Try again, or ask an administrator."
NOT_LISTED = "Your Microsoft account is not on this console's staff list. Ask an administrator."


def redirect_uri() -> str:
    return f"{get_settings().console.public_url}/signin/entra/callback"


def _refused(request: web.Request, message: str, status: int = 403) -> web.Response:
    return render(request, "signin.html", status=status, error=message, next="/", entra=True)


@public
async def start(request: web.Request) -> web.StreamResponse:
    """Send the browser to the tenant's sign-in page, with state, nonce and a PKCE challenge."""
    session = current_session(request)
    token = None
    if session is None:
        token = sessions.start()
        session = sessions.load(token)
        assert session is not None
    pending = entra.begin(session.token_hash)
    try:
        provider = await request.app[CLIENT].provider(request.app[HTTP])
    except entra.SignInRefused as refused:
        audit.record(audit.SIGN_IN_FAILED, actor="", detail=f"entra: {refused}", address=client_address(request))
        return _refused(request, REFUSED, status=502)
    response = web.HTTPFound(entra.authorization_url(provider, request.app[CLIENT].entra, redirect_uri(), pending))
    if token:
        set_session_cookie(response, token)
    raise response


def _relay(request: web.Request) -> web.Response:
    query = {key: value for key, value in request.query.items() if key in ("code", "state", "error")}
    target = f"/signin/entra/callback?{urlencode({**query, 'relay': '1'})}"
    return render(request, "relay.html", target=target)


@public
async def callback(request: web.Request) -> web.StreamResponse:
    """Check the answer: our state, from this browser; the code redeemed; the ID token validated."""
    session = current_session(request)
    if session is None and request.query.get("relay") != "1" and cookie_name() not in request.cookies:
        return _relay(request)
    address = client_address(request)
    if throttle.check("", address).locked:
        return _refused(request, "Too many failed sign-ins from here. Try again in 15 minutes.", status=429)
    pending = entra.take(request.query.get("state", ""), session.token_hash) if session else None
    code = request.query.get("code", "")
    if pending is None or not code:
        reason = request.query.get("error", "") or ("no code" if pending else "unknown or expired sign-in (state)")
        audit.record(audit.SIGN_IN_FAILED, actor="", detail=f"entra: {reason[:200]}", address=address)
        return _refused(request, REFUSED)
    client, http = request.app[CLIENT], request.app[HTTP]
    try:
        user = await client.user(http, await client.redeem(http, code, pending, redirect_uri()), pending.nonce)
    except entra.SignInRefused as refused:
        audit.record(audit.SIGN_IN_FAILED, actor="", detail=f"entra: {refused}", address=address)
        return _refused(request, REFUSED)
    account = directory_sign_in(user.username, user.object_id)
    if account is None:
        audit.record(audit.SIGN_IN_FAILED, actor=user.username, detail="entra: not on the staff list", address=address)
        return _refused(request, NOT_LISTED)
    audit.record(audit.SIGN_IN, actor=account.name, detail=f"entra, {account.role}", address=address)
    token = sessions.sign_in(request.cookies.get(cookie_name()), account.name, account.role)
    response = see_other("/")
    set_session_cookie(response, token)
    raise response


async def _http_client(app: web.Application) -> AsyncIterator[None]:
    app[HTTP] = aiohttp.ClientSession()
    yield
    await app[HTTP].close()


def add_routes(app: web.Application) -> None:
    """The sign-in routes, the tenant's client and an HTTP session for it."""
    app[CLIENT] = entra.EntraClient(get_settings().console.entra)
    app.cleanup_ctx.append(_http_client)
    app.router.add_get("/signin/entra", start)
    app.router.add_get("/signin/entra/callback", callback)
