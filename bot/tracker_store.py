"""Rasa's SQL tracker store on a SQLite file, in write-ahead-log mode.

Rasa's own `type: SQL` store opens SQLite in its default rollback-journal mode, where every saved
turn waits for the disk twice. In WAL mode a save is one append, and reads never wait for a write.
`synchronous=NORMAL` keeps every committed turn through a crash of the server; only a power cut
can lose the last turns (docs/benchmarks.md has what it bought). For PostgreSQL, configure
Rasa's `type: SQL` store instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

SQLITE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=5000")


def _apply_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


class SQLiteTrackerStore(SQLTrackerStore):
    """Conversations in one SQLite file (`db`), its folder created when missing."""

    engine: Engine

    def __init__(
        self,
        domain: Domain | None = None,
        db: str = "conversations.db",
        event_broker: EventBroker | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.pop("host", None)  # Rasa passes the endpoint's `url`, which a file has no use for
        kwargs.pop("dialect", None)
        Path(db).parent.mkdir(parents=True, exist_ok=True)
        super().__init__(domain, dialect="sqlite", db=db, event_broker=event_broker, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        # Rasa's engine opens a new connection for every turn; a small pool keeps them open.
        # Rasa calls the store from its event loop only, so one connection at a time is in use.
        self.engine = create_engine(
            url, poolclass=QueuePool, pool_size=2, max_overflow=2, connect_args={"check_same_thread": False}
        )
        event.listen(self.engine, "connect", _apply_pragmas)
        self.sessionmaker = sessionmaker(bind=self.engine)
