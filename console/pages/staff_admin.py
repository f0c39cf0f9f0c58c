"""Staff accounts (admin): list, add (local with a password, or a directory user), disable, enable."""

from __future__ import annotations

from aiohttp import web

from console.access import admin
from console.middleware import client_address
from console.rendering import render, see_other, signed_in_staff
from staff import audit, sessions
from staff.accounts import ROLES, AccountError, add_account, list_accounts, set_disabled
from staff.passwords import MIN_LENGTH, WeakPassword


def _page(request: web.Request, *, error: str = "", status: int = 200) -> web.Response:
    return render(
        request,
        "staff.html",
        status=status,
        accounts=list_accounts(),
        roles=ROLES,
        min_length=MIN_LENGTH,
        error=error,
        done=request.query.get("done", ""),
    )


@admin
async def listing(request: web.Request) -> web.Response:
    return _page(request)


@admin
async def add(request: web.Request) -> web.StreamResponse:
    """A new account: a local one needs a password; a directory user signs in with Microsoft."""
    form = await request.post()
    name, role = str(form.get("name", "")), str(form.get("role", ""))
    directory = form.get("kind") == "directory"
    password = None if directory else str(form.get("password", ""))
    try:
        account = add_account(name, role=role, password=password, directory=directory)
    except (AccountError, WeakPassword) as exc:
        return _page(request, error=str(exc), status=400)
    audit.record(
        audit.STAFF_ADDED,
        actor=signed_in_staff(request),
        subject=account.name,
        detail=f"{account.kind}, {account.role}",
        address=client_address(request),
    )
    raise see_other("/staff?done=added")


async def _set(request: web.Request, disabled: bool) -> web.StreamResponse:
    name = request.match_info["name"]
    if disabled and name == signed_in_staff(request):
        return _page(request, error="You cannot disable your own account.", status=400)
    try:
        account = set_disabled(name, disabled)
    except AccountError as exc:
        return _page(request, error=str(exc), status=404)
    if disabled:
        sessions.end_all_for(account.name)
    action = audit.STAFF_DISABLED if disabled else audit.STAFF_ENABLED
    audit.record(action, actor=signed_in_staff(request), subject=account.name, address=client_address(request))
    raise see_other(f"/staff?done={'disabled' if disabled else 'enabled'}")


@admin
async def disable(request: web.Request) -> web.StreamResponse:
    return await _set(request, True)


@admin
async def enable(request: web.Request) -> web.StreamResponse:
    return await _set(request, False)
