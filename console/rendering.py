"""Pages from Jinja2 templates (every value escaped), with the signed-in member of staff and the CSRF token."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape

from base.settings import get_settings
from staff.sessions import StaffSession

TEMPLATES = Path(__file__).resolve().parent / "templates"
SESSION_KEY = "staff_session"
_environment = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True
)


def local_time(value: datetime | None) -> str:
    """A time as staff read it: in the configured time zone, to the minute."""
    if value is None:
        return ""
    return value.astimezone(ZoneInfo(get_settings().timezone)).strftime("%Y-%m-%d %H:%M")


_environment.filters["when"] = local_time


def current_session(request: web.Request) -> StaffSession | None:
    """The request's session (set by the session middleware)."""
    value = request.get(SESSION_KEY)
    return value if isinstance(value, StaffSession) else None


def signed_in_staff(request: web.Request) -> str:
    """The name of the staff member signed in (pages behind the sign-in middleware only)."""
    session = current_session(request)
    assert session is not None and session.staff is not None
    return session.staff


def render(request: web.Request, name: str, *, status: int = 200, **context: object) -> web.Response:
    """A page; every template gets `me` (the session), `csrf` and the current path."""
    session = current_session(request)
    html = _environment.get_template(name).render(
        me=session, csrf=session.csrf if session else "", path=request.path, **context
    )
    return web.Response(text=html, content_type="text/html", status=status)


def see_other(location: str) -> web.HTTPSeeOther:
    """The answer to a form post: go (GET) there."""
    return web.HTTPSeeOther(location)
