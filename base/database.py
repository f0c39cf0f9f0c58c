"""The SQLAlchemy engines of a process (knowledge base, applications), built lazily from settings."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import MetaData, Table
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.future import create_engine

from base.settings import get_settings

metadata = MetaData()
_engines: dict[str, Engine] = {}
_lock = threading.Lock()
# The tables created so far, per engine; weak, so that a new engine never inherits a dead one's entry.
_created: weakref.WeakKeyDictionary[Engine, set[str]] = weakref.WeakKeyDictionary()


def make_engine(url: str) -> Engine:
    """Create an engine for `url`; a SQLite file's folder is created when missing."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(url, future=True, pool_pre_ping=True)


def engine_for(url: str) -> Engine:
    """The one engine of this process for a database URL."""
    with _lock:
        if url not in _engines:
            _engines[url] = make_engine(url)
        return _engines[url]


def with_tables(engine: Engine, tables: Sequence[Table]) -> Engine:
    """`engine`, with `tables` created in its database (once per engine)."""
    created = _created.setdefault(engine, set())
    missing = [table for table in tables if table.name not in created]
    if missing:
        metadata.create_all(engine, tables=missing)
        created.update(table.name for table in missing)
    return engine


def get_engine() -> Engine:
    """The knowledge base's engine (HELPBOT_DATABASE_URL); each store creates its own tables."""
    return engine_for(get_settings().database_url)


def get_applications_engine() -> Engine:
    """The applications' engine (HELPBOT_APPLICATIONS_DATABASE_URL, by default the knowledge base's)."""
    return engine_for(get_settings().applications_database_url)


def reset_engine() -> None:
    """Dispose of every engine (tests switch databases)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
