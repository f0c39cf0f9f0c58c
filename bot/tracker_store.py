"""Conversations in SQL (a SQLite file by default, PostgreSQL in production), read back at a flat cost.

Rasa's `SQLTrackerStore` reads every event of the current session for each message, replays them
all, counts them again to save, and the policies and the action server then go over all of them:
each turn of a long conversation costs more than the one before. A Teams 1:1 chat keeps one
conversation for months, and a session only ends after `session_expiration_time` of silence.

This store loads a bounded window instead: the last `window_turns` to `2 * window_turns` user
turns of the session, after the conversation's *state* at the window's start (its slots, active
form, paused flag) written as the events that restore it. The window moves on, with a new state,
whenever it holds more than `2 * window_turns` turns, so a turn costs the same at turn 200 as at
turn 1. One turn back is enough here: every rule looks at one user turn at most, and what the
actions remember lives in slots; `window_turns` in endpoints.yml widens it for policies that look
further back (each turn in the window costs about 1-2 ms per message, docs/benchmarks.md).

Every event is still stored, in Rasa's own `events` table, in order; a new session (after the idle
time) starts a new window and carries nothing but the slots Rasa carries over.

SQLite runs in write-ahead-log mode (a save is one append and reads never wait for a write);
`synchronous=NORMAL` keeps every committed turn through a crash of the server. The URL comes from
`HELPBOT_TRACKER_STORE_URL` (default: the SQLite file `HELPBOT_TRACKER_DB`).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    ConversationPaused,
    Event,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import ConnectionException
from sqlalchemy import Column, Integer, MetaData, String, Table, Text, create_engine, event, func, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError, ProgrammingError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from base.settings import get_settings

logger = logging.getLogger(__name__)

SETTING = "HELPBOT_TRACKER_STORE_URL"
WINDOW_TURNS = 1
SQLITE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=5000")
_LOADED = "_helpbot_loaded"  # the attribute a retrieved tracker carries (see `Loaded`)
ACTION_LISTEN = "action_listen"

Events = SQLTrackerStore.SQLEvent.__table__
windows_metadata = MetaData()
windows_table = Table(
    "conversation_windows",
    windows_metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("session_start_id", Integer),  # the id of the session's `session_started` event
    Column("window_start_id", Integer),  # the id of the window's first event; None: the session's start
    Column("state", Text, nullable=False, default="[]"),  # events restoring the state at the window's start
)


@dataclass
class Loaded:
    """What a tracker read from this store holds: how many of its events are stored, and their ids."""

    stored: int
    ids: list[int | None] = field(default_factory=list)  # None for the state events before the window
    window_start: int = 0  # index in `tracker.events` of the window's first stored event


def _apply_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def conversation_engine(url: str) -> Engine:
    """An engine for the conversation store: SQLite in WAL mode, or a server database with a small pool."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # Rasa calls the store from its event loop only, so one connection at a time is in use.
        engine = create_engine(
            url, poolclass=QueuePool, pool_size=2, max_overflow=2, connect_args={"check_same_thread": False}
        )
        event.listen(engine, "connect", _apply_pragmas)
        return engine
    connect_args = {"connect_timeout": 5} if parsed.get_backend_name() == "postgresql" else {}
    return create_engine(url, pool_size=4, max_overflow=4, pool_pre_ping=True, connect_args=connect_args)


def create_tables(engine: Engine, attempts: int = 3) -> None:
    """Rasa's `events` table, the windows table and an index for reading a window; safe to repeat,
    and from several replicas starting at once (one of them wins each race, the others see its tables)."""
    for attempt in range(attempts):
        try:
            SQLTrackerStore.Base.metadata.create_all(engine)
            windows_metadata.create_all(engine)
            with engine.begin() as connection:
                connection.execute(text("CREATE INDEX IF NOT EXISTS ix_events_sender_id_id ON events (sender_id, id)"))
            return
        except (IntegrityError, ProgrammingError):
            if attempt == attempts - 1:
                raise


def state_events(tracker: DialogueStateTracker) -> list[Event]:
    """Events that bring a new tracker to this tracker's state: slots, active form, paused."""
    restored: list[Event] = [
        SlotSet(slot.name, slot.value) for slot in tracker.slots.values() if slot.value != slot.initial_value
    ]
    if tracker.active_loop_name:
        restored.append(ActiveLoop(tracker.active_loop_name))
    if tracker.is_paused():
        restored.append(ConversationPaused())
    return restored


def window_boundary(events: list[Event], start: int, turns: int) -> int | None:
    """Where a window of the last `turns` user turns begins (at the `action_listen` before the turn's
    message), when the events from `start` hold more than twice that many; else None."""
    users = [i for i in range(start, len(events)) if isinstance(events[i], UserUttered)]
    if len(users) <= 2 * turns:
        return None
    for index in users[-turns:0:-1]:  # the turn `turns` back first, then earlier ones
        boundary = index - 1 if index > start and _is_listen(events[index - 1]) else index
        turn_end = next((u for u in users if u > index), len(events))
        if not any(isinstance(e, (UserUtteranceReverted, ActionReverted)) for e in events[index:turn_end]):
            return boundary
    return None


def _is_listen(event_: Event) -> bool:
    return isinstance(event_, ActionExecuted) and event_.action_name == ACTION_LISTEN


class ConversationStore(SQLTrackerStore):
    """Rasa's SQL tracker store on `HELPBOT_TRACKER_STORE_URL`, reading a bounded window per message."""

    engine: Engine

    def __init__(
        self,
        domain: Domain | None = None,
        url: str | None = None,
        event_broker: EventBroker | None = None,
        window_turns: int = WINDOW_TURNS,
        **_endpoint: Any,
    ) -> None:
        # Rasa's constructor retries an unreachable database forever; this one fails at once, naming the setting.
        url = url or get_settings().tracker_store_url
        self.window_turns = window_turns
        self.engine = conversation_engine(url)
        try:
            create_tables(self.engine)
        except SQLAlchemyError as exc:
            where = make_url(url).render_as_string(hide_password=True)
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise ConnectionException(f"{SETTING}: cannot use the conversation store at {where}: {reason}") from exc
        self.sessionmaker = sessionmaker(bind=self.engine)
        TrackerStore.__init__(self, domain, event_broker)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The conversation's current window, after the events that restore its state at the window's start."""
        with Session(self.engine) as session:
            window = session.execute(select(windows_table).where(windows_table.c.sender_id == sender_id)).first()
            if window is None:
                start_id, state = self._session_start_id(session, sender_id), []
            else:
                start_id = window.window_start_id or window.session_start_id
                state = json.loads(window.state)
            query = select(Events.c.id, Events.c.data).where(Events.c.sender_id == sender_id)
            if start_id is not None:
                query = query.where(Events.c.id >= start_id)
            rows = session.execute(query.order_by(Events.c.id)).all()
        if not rows or not self.domain:
            return None
        stored = [json.loads(r.data) for r in rows]
        tracker = DialogueStateTracker.from_dict(sender_id, state + stored, self.domain.slots)
        setattr(tracker, _LOADED, Loaded(len(tracker.events), [None] * len(state) + [r.id for r in rows], len(state)))
        return tracker

    @staticmethod
    def _session_start_id(session: Session, sender_id: str) -> int | None:
        """The id of the conversation's latest `session_started` event (for conversations stored before windows)."""
        value = session.execute(
            select(func.max(Events.c.id)).where(
                Events.c.sender_id == sender_id, Events.c.type_name == SessionStarted.type_name
            )
        ).scalar()
        return int(value) if value is not None else None

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        if self.event_broker is not None:
            await super().stream_events(tracker)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Append the tracker's new events, and move the conversation's window on when it grew too long."""
        await self.stream_events(tracker)
        loaded: Loaded | None = getattr(tracker, _LOADED, None)
        with Session(self.engine) as session, session.begin():
            if loaded is None:  # a tracker this store did not read (a new conversation, Rasa's HTTP API)
                stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
                loaded = Loaded(stored, [None] * stored)
            new = list(islice(tracker.events, loaded.stored, None))
            for event_ in new:
                inserted = session.execute(Events.insert().values(**self._row(tracker.sender_id, event_)))
                loaded.ids.append(int(inserted.inserted_primary_key[0]))
            loaded.stored = len(tracker.events)
            self._move_window(session, tracker, loaded, new)
        setattr(tracker, _LOADED, loaded)

    @staticmethod
    def _row(sender_id: str, event_: Event) -> dict[str, Any]:
        data = event_.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event_.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": (data.get("parse_data") or {}).get("intent", {}).get("name"),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }

    def _move_window(self, session: Session, tracker: DialogueStateTracker, loaded: Loaded, new: list[Event]) -> None:
        """Start a new window at a new session, or a few turns back when the window holds too many."""
        events = list(tracker.events)
        starts = [i for i in range(len(events) - len(new), len(events)) if isinstance(events[i], SessionStarted)]
        if starts:
            loaded.window_start = starts[-1]
            self._write_window(session, tracker.sender_id, session_start=loaded.ids[starts[-1]], start=None, state=[])
            return
        boundary = window_boundary(events, loaded.window_start, self.window_turns)
        if boundary is None or loaded.ids[boundary] is None:
            return
        before = DialogueStateTracker.from_events(tracker.sender_id, events[:boundary], self.domain.slots)
        loaded.window_start = boundary
        state = [e.as_dict() for e in state_events(before)]
        self._write_window(session, tracker.sender_id, session_start=None, start=loaded.ids[boundary], state=state)

    def _write_window(
        self, session: Session, sender_id: str, *, session_start: int | None, start: int | None, state: list[Any]
    ) -> None:
        values: dict[str, Any] = {"window_start_id": start, "state": json.dumps(state)}
        if session_start is not None:
            values["session_start_id"] = session_start
        updated = session.execute(
            windows_table.update().where(windows_table.c.sender_id == sender_id).values(**values)
        ).rowcount
        if not updated:
            if session_start is None:
                values["session_start_id"] = self._session_start_id(session, sender_id)
            session.execute(windows_table.insert().values(sender_id=sender_id, **values))
