"""Who may reach what: every page needs a signed-in session; some need the admin role.

Handlers say what they need with `@public`, `@reviewer` (the default) or `@admin`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from aiohttp import web

from staff.accounts import ADMIN, REVIEWER

PUBLIC = "public"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
H = TypeVar("H", bound=Handler)


def _needs(role: str) -> Callable[[H], H]:
    def mark(handler: H) -> H:
        handler.required_role = role  # type: ignore[attr-defined]
        return handler

    return mark


public = _needs(PUBLIC)
reviewer = _needs(REVIEWER)
admin = _needs(ADMIN)


def required_role(handler: object) -> str:
    """What a handler needs; anything unmarked needs a signed-in reviewer."""
    role = getattr(handler, "required_role", REVIEWER)
    return role if isinstance(role, str) else REVIEWER


def allowed(role_needed: str, role_held: str | None) -> bool:
    """Whether a session with `role_held` may use a handler needing `role_needed`."""
    if role_needed == PUBLIC:
        return True
    if role_held is None:
        return False
    return role_needed == REVIEWER or role_held == ADMIN
