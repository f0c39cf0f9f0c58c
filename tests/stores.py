"""The PostgreSQL and Redis servers the production-profile tests use, each test run in its own
database and key prefix (so that test runs side by side never meet).

`HELPBOT_TEST_DATABASE_URL` and `HELPBOT_TEST_REDIS_URL` name them (`.ci/run` sets both, and then a
server that does not answer fails the tests); unset, the servers on this machine are tried at their
usual ports and the tests are skipped, saying why, when they do not answer.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.future import create_engine

LOCAL_POSTGRES = "postgresql+psycopg2://postgres@127.0.0.1:5432/test"
LOCAL_REDIS = "redis://127.0.0.1:6379/0"


def _unavailable(setting: str, message: str) -> None:
    if os.environ.get(setting):
        pytest.fail(f"{message} ({setting} is set, so it must answer)")
    pytest.skip(f"{message}: start it, or set {setting}")


def postgres_url_or_skip() -> str:
    """A PostgreSQL URL that answers (any database on the server; tests create their own)."""
    url = os.environ.get("HELPBOT_TEST_DATABASE_URL") or LOCAL_POSTGRES
    engine = create_engine(url, future=True, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means: no server here
        _unavailable("HELPBOT_TEST_DATABASE_URL", f"no PostgreSQL at {make_url(url).host}: {exc.__class__.__name__}")
    finally:
        engine.dispose()
    return url


def redis_url_or_skip() -> str:
    """A Redis URL that answers PING."""
    import redis

    url = os.environ.get("HELPBOT_TEST_REDIS_URL") or LOCAL_REDIS
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        _unavailable("HELPBOT_TEST_REDIS_URL", f"no Redis at {url}: {exc.__class__.__name__}")
    return url


@contextmanager
def postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test run; dropped afterwards. Yields its URL."""
    server = make_url(postgres_url_or_skip())
    name = f"helpbot_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def redis_prefix() -> Iterator[str]:
    """A key prefix of one's own on the test Redis; its keys are deleted afterwards."""
    import redis

    url = redis_url_or_skip()
    prefix = f"helpbottest{uuid.uuid4().hex[:10]}"
    try:
        yield prefix
    finally:
        client = redis.Redis.from_url(url)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
        client.close()
