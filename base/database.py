"""The one SQLAlchemy engine per process, built lazily from settings."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sqlalchemy import MetaData
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.future import create_engine

from base.settings import get_settings

metadata = MetaData()


def make_engine(url: str) -> Engine:
    """Create an engine for `url`; a SQLite file's folder is created when missing."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(url, future=True, pool_pre_ping=True)


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    """The engine for the configured database, with every table created."""
    engine = make_engine(get_settings().database_url)
    metadata.create_all(engine)
    return engine


def reset_engine() -> None:
    """Dispose of the cached engine (tests switch databases)."""
    if get_engine.cache_info().currsize:
        get_engine().dispose()
    get_engine.cache_clear()
