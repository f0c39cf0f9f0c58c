"""The console on a database holding the seed postings and the sample HR export (SQLite, and PostgreSQL in CI)."""

from __future__ import annotations

import re
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.engine import Engine

from applications.importer import import_export
from base.database import get_engine, reset_engine
from base.settings import reset_settings
from console.app import make_app
from knowledge.catalog import get_catalog
from knowledge.ingest import ingest_folder
from staff import throttle
from staff.accounts import ADMIN, REVIEWER, add_account
from tests.applications.conftest import GOOD_ROWS, POSTINGS, write_csv
from tests.servers import SEED_POSTINGS

PASSWORD = "a long enough password"
CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture
def console_db(database_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """Settings pointing at the test database and a postings folder; reviewer `rita` and admin `adam`."""
    folder = tmp_path / "postings"
    shutil.copytree(SEED_POSTINGS, folder)
    monkeypatch.setenv("HELPBOT_DATABASE_URL", database_engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("HELPBOT_POSTINGS_DIR", str(folder))
    monkeypatch.setenv("HELPBOT_SECRET_KEY", "console-test-secret")
    monkeypatch.setenv("HELPBOT_TODAY", "2025-12-01")
    monkeypatch.delenv("HELPBOT_CONSOLE_URL", raising=False)
    monkeypatch.delenv("HELPBOT_ENTRA_TENANT_ID", raising=False)
    monkeypatch.delenv("HELPBOT_ENTRA_CLIENT_ID", raising=False)
    monkeypatch.setattr(throttle, "MAX_DELAY_SECONDS", 0.2)  # slowed, but the tests stay quick
    reset_settings()
    reset_engine()
    get_catalog.cache_clear()
    ingest_folder(folder)
    import_export(write_csv(tmp_path, GOOD_ROWS), POSTINGS)
    add_account("rita", role=REVIEWER, password=PASSWORD)
    add_account("adam", role=ADMIN, password=PASSWORD)
    yield get_engine()
    reset_engine()
    reset_settings()
    get_catalog.cache_clear()


@pytest.fixture
async def client(console_db: Engine) -> AsyncIterator[TestClient]:
    """An HTTP client of the console app (its own cookie jar, like a browser)."""
    test_client = TestClient(TestServer(make_app()))
    await test_client.start_server()
    yield test_client
    await test_client.close()


def csrf_of(html: str) -> str:
    """The CSRF token a page's forms carry."""
    found = CSRF_RE.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


async def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the signed-in session's CSRF token."""
    page = await client.get("/signin")
    answer = await client.post(
        "/signin", data={"name": name, "password": password, "csrf": csrf_of(await page.text())}, allow_redirects=False
    )
    assert answer.status == 303, await answer.text()
    home = await client.get("/transcripts")
    assert home.status == 200
    return csrf_of(await home.text())
