"""The console's middlewares: security headers, the session cookie, sign-in and roles, CSRF tokens."""

from __future__ import annotations

import hmac
from urllib.parse import quote

from aiohttp import web

from base.client_address import client_address as _client_address
from base.settings import get_settings
from console.access import Handler, allowed, required_role
from console.rendering import SESSION_KEY, current_session, render
from staff import sessions

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def cookie_name() -> str:
    """`__Host-` when served over https: the browser then insists on Secure, path / and no domain."""
    return "__Host-helpbot_console" if get_settings().console.secure_cookies else "helpbot_console"


def set_session_cookie(response: web.StreamResponse, token: str) -> None:
    """The session cookie: HttpOnly, SameSite=Strict, Secure over https; it lives as long as the session may."""
    response.set_cookie(
        cookie_name(),
        token,
        path="/",
        httponly=True,
        samesite="Strict",
        secure=get_settings().console.secure_cookies,
        max_age=int(sessions.MAX_AGE.total_seconds()),
    )


def clear_session_cookie(response: web.StreamResponse) -> None:
    response.del_cookie(cookie_name(), path="/")


def client_address(request: web.Request) -> str:
    """The address sign-ins are throttled by and the audit log records: the client's, through trusted
    proxies only (behind an ingress every request comes from the ingress)."""
    peer = request.remote or "unknown"
    return _client_address(peer, request.headers.get("X-Forwarded-For"), get_settings().trusted_proxies)


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    """A strict CSP (our stylesheet, no script at all), no framing, nothing cached."""
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = exc
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"
    if isinstance(response, web.HTTPException):
        raise response
    return response


def _refuse(request: web.Request, status: int, title: str, message: str) -> web.Response:
    return render(request, "refused.html", status=status, title=title, message=message)


@web.middleware
async def session_and_access(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Load the session; pages need a signed-in session (else to the sign-in page) and the right role."""
    if request.path.startswith("/static/") or request.path == "/favicon.ico":
        return await handler(request)  # the stylesheet and icon: nothing to protect, no session touched
    session = sessions.load(request.cookies.get(cookie_name()))
    request[SESSION_KEY] = session
    needed = required_role(handler)
    if not allowed(needed, session.role if session and session.signed_in else None):
        if session is None or not session.signed_in:
            if request.method in SAFE_METHODS:
                target = request.path_qs if request.path != "/" else "/"
                raise web.HTTPSeeOther(f"/signin?next={quote(target, safe='')}")
            return _refuse(request, 401, "Sign in first", "Your session has ended. Sign in again.")
        return _refuse(request, 403, "Not allowed", "This page is for administrators.")
    return await handler(request)


@web.middleware
async def csrf_protection(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every state-changing request carries the session's CSRF token in its `csrf` field."""
    if request.method not in SAFE_METHODS:
        session = current_session(request)
        try:
            form = await request.post()
        except web.HTTPRequestEntityTooLarge:
            megabytes = get_settings().max_posting_bytes / (1024 * 1024)
            return _refuse(
                request, 413, "Too large", f"A posting file may be at most {megabytes:g} MB; nothing changed."
            )
        sent = form.get("csrf")
        if (
            session is None
            or not isinstance(sent, str)
            or not hmac.compare_digest(sent.encode(), session.csrf.encode())
        ):
            return _refuse(request, 403, "Form expired", "The form was stale or not sent from this console. Try again.")
    return await handler(request)
