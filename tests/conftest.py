"""Shared fixtures: a running assistant on loopback (session-wide), isolated settings."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.future import create_engine

from base.database import make_engine, metadata
from tests.bot.channels.fake_microsoft import FakeMicrosoft
from tests.knowledge.formats.documents import CHROMIUM, PdfPrinter, pdf_printer
from tests.replicas import Stack, served
from tests.servers import MODEL, Assistant, make_assistant
from tests.staff.fake_entra import FakeEntra

# The servers answer as if today were this date (the LAUSD filing period is then open).
SERVER_TODAY = "2025-12-01"


@pytest.fixture(scope="session")
def fake_microsoft() -> Iterator[FakeMicrosoft]:
    """Microsoft's Bot Framework endpoints, faked on loopback (the only thing mocked)."""
    fake = FakeMicrosoft()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def assistant(
    tmp_path_factory: pytest.TempPathFactory, fake_microsoft: FakeMicrosoft, fake_entra: FakeEntra
) -> Iterator[Assistant]:
    """The action server, Rasa server (REST, socket.io, Teams), careers site and staff console, on their own
    database; Microsoft's Teams and Entra ID endpoints faked on loopback."""
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (make test does)")
    running = make_assistant(tmp_path_factory.mktemp("assistant"), SERVER_TODAY)
    running.env.update(fake_microsoft.env())
    running.env.update(fake_entra.env())
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def replicated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The production profile: two Rasa replicas and two action servers behind nginx, on PostgreSQL and Redis."""
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (make test does)")
    with served(tmp_path_factory.mktemp("replicated"), SERVER_TODAY, replicas=2, proxy=True, shared=True) as stack:
        yield stack


@pytest.fixture(scope="session")
def printer() -> Iterator[PdfPrinter]:
    """Headless Chromium printing test postings to PDF, as HR offices print their bulletins."""
    if not CHROMIUM.exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: `make browser` installs Debian's chromium")
    with pdf_printer() as running:
        yield running


def pytest_configure(config: pytest.Config) -> None:
    """Give this run a PostgreSQL database of its own, so that two runs on one server never empty
    each other's tables: HELPBOT_TEST_DATABASE_URL names the server, and a database beside its own."""
    url = os.environ.get("HELPBOT_TEST_DATABASE_URL")
    if not url or make_url(url).get_backend_name() != "postgresql":
        return
    server = make_url(url)
    name = f"{server.database}_run_{uuid.uuid4().hex[:10]}"
    _on_server(server, f'CREATE DATABASE "{name}"')
    os.environ["HELPBOT_TEST_DATABASE_URL"] = server.set(database=name).render_as_string(hide_password=False)
    config.stash[_RUN_DATABASE] = (url, name)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Drop this run's PostgreSQL database and give the variable back."""
    url, name = config.stash.get(_RUN_DATABASE, (None, None))
    if url and name:
        _on_server(make_url(url), f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        os.environ["HELPBOT_TEST_DATABASE_URL"] = url


_RUN_DATABASE = pytest.StashKey[tuple[str, str]]()


def _on_server(server: URL, statement: str) -> None:
    engine = create_engine(server, isolation_level="AUTOCOMMIT", future=True)
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def _database_urls() -> list[str]:
    urls = ["sqlite"]
    if os.environ.get("HELPBOT_TEST_DATABASE_URL"):
        urls.append("postgresql")
    return urls


@pytest.fixture(params=_database_urls())
def database_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database per test: a SQLite file, and (when HELPBOT_TEST_DATABASE_URL is set, as in CI)
    the PostgreSQL server, emptied before and after the test."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
        yield engine
        engine.dispose()
        return
    engine = make_engine(os.environ["HELPBOT_TEST_DATABASE_URL"])
    metadata.drop_all(engine)
    yield engine
    metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def fake_entra() -> Iterator[FakeEntra]:
    """Microsoft Entra ID's sign-in endpoints, faked on loopback (the only thing mocked)."""
    fake = FakeEntra()
    fake.start()
    yield fake
    fake.stop()
