"""Before `helpbot serve` starts anything: the databases and Redis it is configured with answer.

A missing or unreachable store fails at start with one line per problem, naming the setting, so an
operator never meets a replica that hangs retrying its database or a Rasa error three layers deep.
"""

from __future__ import annotations

from dataclasses import dataclass

import redis
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.future import create_engine

from base.settings import Settings

CONNECT_TIMEOUT_SECONDS = 5


@dataclass(frozen=True)
class Store:
    """A store a setting names: its variable, what it holds and its URL."""

    setting: str
    holds: str
    url: str


def stores(settings: Settings) -> list[Store]:
    """The SQL databases of a configuration (the same URL listed once)."""
    found = [
        Store("HELPBOT_DATABASE_URL", "the knowledge base", settings.database_url),
        Store("HELPBOT_APPLICATIONS_DATABASE_URL", "the applications", settings.applications_database_url),
        Store("HELPBOT_TRACKER_STORE_URL", "the conversations", settings.tracker_store_url),
    ]
    unique: dict[str, Store] = {}
    for store in found:
        unique.setdefault(store.url, store)
    return list(unique.values())


def is_sqlite(url: str) -> bool:
    try:
        return bool(make_url(url).get_backend_name() == "sqlite")
    except ArgumentError:
        return False


def shown(url: str) -> str:
    """A URL as it may be printed: without its password."""
    try:
        return str(make_url(url).render_as_string(hide_password=True))
    except ArgumentError:
        return "(not a database URL)"


def database_problem(store: Store) -> str | None:
    """Why the database cannot be used, or None when a connection answers."""
    try:
        parsed = make_url(store.url)
    except ArgumentError:
        return (
            f"{store.setting}: {store.url!r} is not a database URL (postgresql+psycopg2://user:password@host:5432/db)"
        )
    if parsed.get_backend_name() == "sqlite":
        return None
    timeout = {"connect_timeout": CONNECT_TIMEOUT_SECONDS} if parsed.get_backend_name() == "postgresql" else {}
    engine = create_engine(store.url, future=True, connect_args=timeout)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return f"{store.setting}: cannot connect to {store.holds} database at {shown(store.url)}: {reason}"
    finally:
        engine.dispose()
    return None


def redis_problem(url: str) -> str | None:
    """Why Redis at `url` cannot be used, or None when it answers PING."""
    try:
        client = redis.Redis.from_url(url, socket_timeout=CONNECT_TIMEOUT_SECONDS,
                                      socket_connect_timeout=CONNECT_TIMEOUT_SECONDS)  # fmt: skip
        client.ping()
        client.close()
    except ValueError as exc:
        return f"HELPBOT_REDIS_URL: not a Redis URL (redis://host:6379/0): {exc}"
    except redis.RedisError as exc:
        return f"HELPBOT_REDIS_URL: cannot reach Redis: {exc}"
    return None


def replica_problems(settings: Settings, replicas: int) -> list[str]:
    """What several replicas need and the configuration lacks: shared stores every replica reaches."""
    if replicas <= 1:
        return []
    problems = [
        f"{store.setting} is {'unset' if store.url == '' else 'a SQLite file'}: {replicas} replicas need "
        f"{store.holds} in PostgreSQL (postgresql+psycopg2://user:password@host:5432/helpbot)"
        for store in stores(settings)
        if is_sqlite(store.url)
    ]
    if not settings.redis_url:
        problems.append(
            f"HELPBOT_REDIS_URL is unset: {replicas} replicas need Redis for the conversation locks and the "
            "shared rate limits (redis://host:6379/0)"
        )
    return problems


def problems(settings: Settings, replicas: int) -> list[str]:
    """Everything that stops this configuration from serving, one line each (empty: all good)."""
    found = replica_problems(settings, replicas)
    found += [p for p in (database_problem(s) for s in stores(settings)) if p]
    if settings.redis_url:
        found += [p for p in [redis_problem(settings.redis_url)] if p]
    return found
