"""Every page needs a signed-in session; admin pages need an admin; every form needs its CSRF token."""

from __future__ import annotations

import re

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from applications.store import get_application, transcript_decisions_table
from console.access import PUBLIC, required_role
from console.app import make_app
from staff.accounts import ADMIN
from tests.console.conftest import csrf_of, sign_in

ADMIN_PAGES = ("/postings", "/staff", "/audit", "/audit.csv")


def routes(method: str) -> list[tuple[str, str]]:
    """Every (path, role needed) of the app for `method`, with path parameters filled in."""
    found = []
    for route in make_app().router.routes():
        info = route.resource.get_info() if route.resource else {}
        path = info.get("path") or info.get("formatter") or info.get("prefix")
        if route.method != method or path is None or path.startswith("/static"):
            continue
        path = re.sub(r"\{[^}]+\}", "1", path)
        found.append((path, required_role(route.handler)))
    return found


PROTECTED_GETS = [path for path, role in routes("GET") if role != PUBLIC]
PROTECTED_POSTS = [path for path, role in routes("POST") if role != PUBLIC]


def test_the_route_lists_cover_the_console() -> None:
    assert {"/transcripts", "/applications/1", "/handoffs", "/questions", *ADMIN_PAGES} <= set(PROTECTED_GETS)
    assert "/applications/1/decision" in PROTECTED_POSTS and "/postings" in PROTECTED_POSTS
    assert {path for path, role in routes("GET") if role == PUBLIC} == {"/signin", "/favicon.ico"}


@pytest.mark.parametrize("path", PROTECTED_GETS)
async def test_every_page_sends_a_visitor_without_a_session_to_sign_in(client: TestClient, path: str) -> None:
    answer = await client.get(path, allow_redirects=False)
    assert answer.status == 303
    assert answer.headers["Location"].startswith("/signin?next=")


@pytest.mark.parametrize("path", PROTECTED_POSTS)
async def test_every_form_refuses_a_visitor_without_a_session(client: TestClient, path: str) -> None:
    page = await client.get("/signin")  # an anonymous session with a valid CSRF token is not enough
    answer = await client.post(path, data={"csrf": csrf_of(await page.text())}, allow_redirects=False)
    assert answer.status == 401


@pytest.mark.parametrize("path", ADMIN_PAGES)
async def test_a_reviewer_cannot_reach_admin_pages(client: TestClient, path: str) -> None:
    await sign_in(client, "rita")
    answer = await client.get(path, allow_redirects=False)
    assert answer.status == 403
    assert "for administrators" in await answer.text()


async def test_an_admin_reaches_every_page(client: TestClient) -> None:
    await sign_in(client, "adam")
    for path in ("/transcripts", "/handoffs", "/questions", *ADMIN_PAGES):
        assert (await client.get(path)).status == 200, path
    assert required_role(make_app) == "reviewer"  # unmarked handlers need a session
    assert ADMIN == "admin"


async def test_a_reviewer_cannot_post_to_admin_forms(client: TestClient) -> None:
    csrf = await sign_in(client, "rita")
    answer = await client.post("/staff", data={"csrf": csrf, "name": "mallory", "role": "admin", "kind": "directory"})
    assert answer.status == 403


@pytest.mark.parametrize("token", [None, "", "wrong-token", "jeton-périmé"])
async def test_a_decision_without_the_right_csrf_token_is_refused(
    client: TestClient, console_db: Engine, token: str | None
) -> None:
    await sign_in(client, "rita")
    data = {"decision": "verified", "note": "looks fine"}
    if token is not None:
        data["csrf"] = token
    answer = await client.post("/applications/A-1003/decision", data=data, allow_redirects=False)
    assert answer.status == 403
    application = get_application("A-1003")
    assert application is not None and application.transcript_status == "received"
    with Session(console_db) as session:
        assert session.execute(select(func.count()).select_from(transcript_decisions_table)).scalar() == 0


async def test_another_sessions_csrf_token_is_refused(client: TestClient, console_db: Engine) -> None:
    other_page = await client.get("/signin")
    stale = csrf_of(await other_page.text())  # the anonymous session's token, replaced at sign-in
    await sign_in(client, "rita")
    answer = await client.post(
        "/applications/A-1003/decision", data={"csrf": stale, "decision": "verified", "note": "x"}
    )
    assert answer.status == 403


async def test_security_headers_on_every_answer(client: TestClient) -> None:
    for path in ("/signin", "/transcripts", "/static/console.css"):
        answer = await client.get(path, allow_redirects=False)
        csp = answer.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp and "script-src" not in csp
        assert answer.headers["X-Frame-Options"] == "DENY"
