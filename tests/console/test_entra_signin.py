"""Sign-in with Microsoft Entra ID against a fake tenant on loopback: the real flow and token checks."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy.engine import Engine
from yarl import URL

from base.settings import reset_settings
from console.app import make_app
from staff import audit
from staff.accounts import REVIEWER, add_account
from tests.servers import free_port
from tests.staff.fake_entra import OTHER_TENANT, FakeEntra

KIM = "kim.lee@district.example"


@pytest.fixture
async def entra_client(
    console_db: Engine, fake_entra: FakeEntra, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[TestClient]:
    """The console with Microsoft sign-in against the fake tenant; Kim is on the staff list."""
    port = free_port()
    for name, value in fake_entra.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("HELPBOT_CONSOLE_URL", f"http://127.0.0.1:{port}")
    reset_settings()
    fake_entra.user = {"preferred_username": "Kim.Lee@District.example", "oid": "oid-kim"}
    fake_entra.next_token = {}
    add_account(KIM, role=REVIEWER, directory=True)
    client = TestClient(TestServer(make_app(), port=port))
    await client.start_server()
    yield client
    await client.close()


async def via_microsoft(client: TestClient) -> ClientResponse:
    """Start at the console, pass the fake tenant's sign-in, come back to the callback."""
    start = await client.get("/signin/entra", allow_redirects=False)
    assert start.status == 302, await start.text()
    at_tenant = await client.session.get(start.headers["Location"], allow_redirects=False)
    assert at_tenant.status == 302, await at_tenant.text()
    back = URL(at_tenant.headers["Location"])
    return await client.get(back.path_qs, allow_redirects=False)


async def signed_in_as(client: TestClient) -> str | None:
    page = await client.get("/transcripts", allow_redirects=False)
    if page.status != 200:
        return None
    html = await page.text()
    return html.split('<form class="signout"')[1].split("<span>")[1].split("</span>")[0]


async def test_a_listed_directory_user_signs_in_with_pkce(entra_client: TestClient, fake_entra: FakeEntra) -> None:
    answer = await via_microsoft(entra_client)
    assert answer.status == 303 and answer.headers["Location"] == "/"
    assert await signed_in_as(entra_client) == f"{KIM} (reviewer)"
    request = fake_entra.token_requests[-1]
    assert request["grant_type"] == "authorization_code" and len(request["code_verifier"]) >= 43
    entry = audit.search(audit.AuditFilter(action=audit.SIGN_IN))[0]
    assert (entry.actor, entry.detail) == (KIM, "entra, reviewer")


def _expired() -> dict[str, Any]:
    now = int(time.time())
    return {"claims": {"iat": now - 7200, "nbf": now - 7200, "exp": now - 3600}}


REFUSALS = {
    "wrong audience": ({"claims": {"aud": "another-application"}}, "audience"),
    "wrong issuer": ({"claims": {"iss": "https://login.microsoftonline.com/someone-else/v2.0"}}, "issuer"),
    "wrong nonce": ({"claims": {"nonce": "a-nonce-from-another-sign-in"}}, "nonce"),
    "expired": (_expired(), "expired"),
    "alg none": ({"alg": "none"}, "algorithm 'none'"),
    "foreign tenant": ({"claims": {"tid": OTHER_TENANT}}, "another tenant"),
    "forged signature": (
        {"key": rsa.generate_private_key(public_exponent=65537, key_size=2048)},
        "signature does not verify",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
async def test_a_bad_id_token_is_refused(entra_client: TestClient, fake_entra: FakeEntra, case: str) -> None:
    change, reason = REFUSALS[case]
    fake_entra.next_token = change
    answer = await via_microsoft(entra_client)
    assert answer.status == 403
    assert "Microsoft sign-in did not succeed" in await answer.text()
    assert await signed_in_as(entra_client) is None
    failed = audit.search(audit.AuditFilter(action=audit.SIGN_IN_FAILED))
    assert reason in failed[0].detail, failed[0].detail


async def test_a_user_not_on_the_staff_list_is_refused(entra_client: TestClient, fake_entra: FakeEntra) -> None:
    fake_entra.user = {"preferred_username": "someone@district.example", "oid": "oid-someone"}
    answer = await via_microsoft(entra_client)
    assert answer.status == 403 and "staff list" in await answer.text()
    assert await signed_in_as(entra_client) is None


async def test_a_listed_name_given_to_another_directory_user_is_refused(
    entra_client: TestClient, fake_entra: FakeEntra
) -> None:
    assert (await via_microsoft(entra_client)).status == 303  # binds the name to Kim's object id
    entra_client.session.cookie_jar.clear()
    fake_entra.user = {"preferred_username": KIM, "oid": "oid-of-a-new-hire"}
    assert (await via_microsoft(entra_client)).status == 403


async def test_the_answer_must_come_back_to_the_browser_that_started(
    entra_client: TestClient, console_db: Engine
) -> None:
    start = await entra_client.get("/signin/entra", allow_redirects=False)
    at_tenant = await entra_client.session.get(start.headers["Location"], allow_redirects=False)
    back = URL(at_tenant.headers["Location"])
    async with TestClient(TestServer(make_app())) as other_browser:
        await other_browser.get("/signin")  # a session of its own
        answer = await other_browser.get(back.path_qs, allow_redirects=False)
        assert answer.status == 403
    replayed = await entra_client.get(back.path_qs, allow_redirects=False)  # the state was used up
    assert replayed.status == 403


async def test_without_the_strict_cookie_the_callback_reloads_itself_from_our_origin(entra_client: TestClient) -> None:
    start = await entra_client.get("/signin/entra", allow_redirects=False)
    at_tenant = await entra_client.session.get(start.headers["Location"], allow_redirects=False)
    back = URL(at_tenant.headers["Location"])
    async with TestClient(TestServer(make_app())) as cookieless:  # as a browser sends no Strict cookie cross-site
        relay = await cookieless.get(back.path_qs, allow_redirects=False)
        html = await relay.text()
    assert relay.status == 200 and 'http-equiv="refresh"' in html and "relay=1" in html and "<script" not in html
    target = html.split("url=")[1].split('"')[0].replace("&amp;", "&")
    assert (await entra_client.get(target, allow_redirects=False)).status == 303
    assert await signed_in_as(entra_client) == f"{KIM} (reviewer)"
