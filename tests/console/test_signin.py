"""Sign-in: cookies, rotation, failures slowed then locked, expiry, sign-out, disabled accounts."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from base.clock import utc_now
from base.settings import reset_settings
from console.app import make_app
from staff import audit, throttle
from staff.accounts import set_disabled
from staff.sessions import end_all_for
from staff.tables import sessions_table
from tests.console.conftest import PASSWORD, csrf_of, sign_in


def session_cookie(client: TestClient) -> str:
    cookies = {c.key: c.value for c in client.session.cookie_jar}
    return cookies["helpbot_console"]


async def attempt(client: TestClient, name: str, password: str) -> tuple[int, float]:
    page = await client.get("/signin")
    started = time.monotonic()
    answer = await client.post(
        "/signin", data={"name": name, "password": password, "csrf": csrf_of(await page.text())}, allow_redirects=False
    )
    return answer.status, time.monotonic() - started


async def test_the_cookie_is_http_only_strict_and_rotates_at_sign_in(client: TestClient) -> None:
    page = await client.get("/signin")
    cookie = page.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Secure" not in cookie
    anonymous = session_cookie(client)
    await sign_in(client, "rita")
    assert session_cookie(client) != anonymous
    assert "rita (reviewer)" in await (await client.get("/transcripts")).text()


async def test_cookies_are_secure_when_served_over_https(console_db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HELPBOT_CONSOLE_URL", "https://helpdesk.example.org")
    reset_settings()
    async with TestClient(TestServer(make_app())) as https_client:
        cookie = (await https_client.get("/signin")).headers["Set-Cookie"]
    assert cookie.startswith("__Host-helpbot_console=") and "Secure" in cookie and "Path=/" in cookie


async def test_a_wrong_password_is_refused_and_audited(client: TestClient) -> None:
    status, _ = await attempt(client, "rita", "not the password at all")
    assert status == 401
    assert (await client.get("/transcripts", allow_redirects=False)).status == 303
    failed = audit.search(audit.AuditFilter(action=audit.SIGN_IN_FAILED))
    assert [(e.actor, e.address) for e in failed] == [("rita", "127.0.0.1")]


async def test_failures_are_slowed_then_the_account_is_locked(client: TestClient) -> None:
    durations = []
    for _ in range(throttle.ACCOUNT_LOCK_AFTER):
        status, took = await attempt(client, "rita", "wrong password, again")
        assert status == 401
        durations.append(took)
    assert all(took >= throttle.MAX_DELAY_SECONDS for took in durations[throttle.SLOW_AFTER :])
    page = await client.get("/signin")
    answer = await client.post(
        "/signin", data={"name": "rita", "password": PASSWORD, "csrf": csrf_of(await page.text())}
    )  # even the right password, now
    assert answer.status == 429
    assert "Too many failed sign-ins" in await answer.text()
    assert audit.search(audit.AuditFilter(action=audit.SIGN_IN_LOCKED))[0].actor == "rita"
    status, _ = await attempt(client, "adam", PASSWORD)  # another account from the same address still works
    assert status == 303


async def test_an_address_is_locked_after_many_failures_on_any_accounts(client: TestClient) -> None:
    for number in range(throttle.ADDRESS_LOCK_AFTER):
        audit.record(audit.SIGN_IN_FAILED, actor=f"guess{number}", address="127.0.0.1")
    status, _ = await attempt(client, "adam", PASSWORD)
    assert status == 429


async def test_behind_a_trusted_proxy_the_forwarded_client_is_throttled_not_the_proxy(
    console_db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELPBOT_TRUSTED_PROXIES", "127.0.0.1")  # the ingress, as the console sees it
    reset_settings()
    for number in range(throttle.ADDRESS_LOCK_AFTER):
        audit.record(audit.SIGN_IN_FAILED, actor=f"guess{number}", address="198.51.100.7")
    async with TestClient(TestServer(make_app())) as client:
        for forwarded, expected in (("198.51.100.7", 429), ("203.0.113.5", 303)):
            client.session.cookie_jar.clear()
            headers = {"X-Forwarded-For": forwarded}
            page = await client.get("/signin", headers=headers)
            form = {"name": "adam", "password": PASSWORD, "csrf": csrf_of(await page.text())}
            answer = await client.post("/signin", data=form, headers=headers, allow_redirects=False)
            assert answer.status == expected, forwarded
    signed_in = audit.search(audit.AuditFilter(action=audit.SIGN_IN))
    assert [e.address for e in signed_in] == ["203.0.113.5"]


async def test_a_forged_forwarded_address_from_an_untrusted_peer_is_ignored(client: TestClient) -> None:
    for number in range(throttle.ADDRESS_LOCK_AFTER):
        audit.record(audit.SIGN_IN_FAILED, actor=f"guess{number}", address="127.0.0.1")
    page = await client.get("/signin", headers={"X-Forwarded-For": "203.0.113.5"})
    form = {"name": "adam", "password": PASSWORD, "csrf": csrf_of(await page.text())}
    answer = await client.post("/signin", data=form, headers={"X-Forwarded-For": "203.0.113.5"})
    assert answer.status == 429  # no trusted proxies: the header says nothing


async def test_a_disabled_account_cannot_sign_in_and_its_sessions_end(client: TestClient) -> None:
    await sign_in(client, "rita")
    set_disabled("rita", True)
    end_all_for("rita")
    assert (await client.get("/transcripts", allow_redirects=False)).status == 303
    status, _ = await attempt(client, "rita", PASSWORD)
    assert status == 401


@pytest.mark.parametrize(
    ("column", "age"),
    [("last_seen", timedelta(minutes=31)), ("created_at", timedelta(hours=8, minutes=1))],
)
async def test_sessions_expire_when_idle_or_too_old(
    client: TestClient, console_db: Engine, column: str, age: timedelta
) -> None:
    await sign_in(client, "rita")
    with Session(console_db) as session, session.begin():
        session.execute(update(sessions_table).values({column: utc_now() - age}))
    answer = await client.get("/transcripts", allow_redirects=False)
    assert answer.status == 303 and answer.headers["Location"].startswith("/signin")


async def test_activity_keeps_a_session_alive(client: TestClient, console_db: Engine) -> None:
    await sign_in(client, "rita")
    with Session(console_db) as session, session.begin():
        session.execute(update(sessions_table).values(last_seen=utc_now() - timedelta(minutes=29)))
    assert (await client.get("/transcripts", allow_redirects=False)).status == 200


async def test_sign_out_ends_the_session(client: TestClient) -> None:
    csrf = await sign_in(client, "rita")
    token = session_cookie(client)
    answer = await client.post("/signout", data={"csrf": csrf}, allow_redirects=False)
    assert answer.status == 303
    client.session.cookie_jar.update_cookies({"helpbot_console": token})  # the old cookie, replayed
    assert (await client.get("/transcripts", allow_redirects=False)).status == 303
    assert [e.actor for e in audit.search(audit.AuditFilter(action=audit.SIGN_OUT))] == ["rita"]


async def test_after_sign_in_the_console_goes_back_only_to_its_own_pages(client: TestClient) -> None:
    for target, expected in (("/questions", "/questions"), ("https://evil.example/", "/"), ("//evil.example", "/")):
        client.session.cookie_jar.clear()
        page = await client.get("/signin")
        answer = await client.post(
            "/signin",
            data={"name": "rita", "password": PASSWORD, "csrf": csrf_of(await page.text()), "next": target},
            allow_redirects=False,
        )
        assert answer.headers["Location"] == expected
