"""One message of a conversation at a time, across every Rasa replica: a ticket lock in Redis.

Rasa serves the messages of one conversation one after the other, in the order they came, with a
ticket lock. Its `RedisLockStore` reads the lock, changes it and writes it back in three separate
steps, so two replicas taking a ticket at the same moment can both get the same one; and a ticket
lives 60 s, so a replica that dies holding one blocks that conversation for a minute. Here every
change is one Redis transaction (WATCH/MULTI, retried on conflict), tickets live a few seconds and
are renewed while their holder (or waiter) is alive, and waiters look again every few milliseconds
instead of every second.

Without `HELPBOT_REDIS_URL` (one server, `make run`) the locks stay in the process, as Rasa's default.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LockError, LockStore
from rasa.shared.exceptions import ConnectionException

from base.settings import get_settings

logger = logging.getLogger(__name__)

SETTING = "HELPBOT_REDIS_URL"
TICKET_SECONDS = 5.0  # how long a ticket outlives its holder; its holder or waiter renews it every fifth of that
POLL_SECONDS = 0.005
Change = Callable[[TicketLock], None]


class ConversationLockStore(LockStore):
    """Rasa's ticket lock, atomic in Redis (shared by the replicas), or in this process without Redis."""

    def __init__(self, endpoint_config: Any = None, url: str | None = None, prefix: str | None = None) -> None:
        settings = get_settings()
        url = settings.redis_url if url is None else url
        self.prefix = f"{prefix or settings.redis_prefix}:lock:"
        self.red: redis.Redis | None = redis.Redis.from_url(url, socket_timeout=5) if url else None
        self._local: dict[str, TicketLock] = {}
        if self.red is not None:
            try:
                self.red.ping()
            except redis.RedisError as exc:
                raise ConnectionException(f"{SETTING}: cannot reach Redis for the lock store: {exc}") from exc
        super().__init__()

    def _key(self, conversation_id: str) -> str:
        return self.prefix + hashlib.sha256(conversation_id.encode()).hexdigest()[:32]

    # Rasa's storage interface, used by its own helpers.
    def get_lock(self, conversation_id: str) -> TicketLock | None:
        if self.red is None:
            return self._local.get(conversation_id)
        raw = self.red.get(self._key(conversation_id))
        return TicketLock.from_dict(_json(raw)) if raw else None

    def delete_lock(self, conversation_id: str) -> None:
        if self.red is None:
            self._local.pop(conversation_id, None)
        else:
            self.red.delete(self._key(conversation_id))

    def save_lock(self, lock: TicketLock) -> None:
        if self.red is None:
            self._local[lock.conversation_id] = lock
        else:
            self.red.set(self._key(lock.conversation_id), lock.dumps(), px=int(TICKET_SECONDS * 4000))

    def change(self, conversation_id: str, change: Change) -> TicketLock:
        """Apply `change` to the conversation's lock in one step; an emptied lock is deleted."""
        if self.red is None:
            lock = self._local.get(conversation_id) or TicketLock(conversation_id)
            change(lock)
            self._store_local(lock)
            return lock
        key = self._key(conversation_id)
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(_json(raw)) if raw else TicketLock(conversation_id)
                    lock.conversation_id = conversation_id
                    change(lock)
                    pipe.multi()
                    if lock.is_someone_waiting():
                        pipe.set(key, lock.dumps(), px=int(TICKET_SECONDS * 4000))
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return lock
                except redis.WatchError:
                    continue

    def _store_local(self, lock: TicketLock) -> None:
        if lock.is_someone_waiting():
            self._local[lock.conversation_id] = lock
        else:
            self._local.pop(lock.conversation_id, None)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = TICKET_SECONDS) -> int:
        issued: list[int] = []  # one number per attempt: a conflicting replica makes `change` try again
        try:
            self.change(conversation_id, lambda lock: issued.append(lock.issue_ticket(TICKET_SECONDS)))
        except redis.RedisError as exc:
            raise LockError(f"Error while acquiring lock. Error:\n{exc}") from exc
        return issued[-1]

    def renew(self, conversation_id: str, ticket: int) -> TicketLock:
        """Keep this ticket alive for another TICKET_SECONDS; returns the lock as it now stands."""

        def extend(lock: TicketLock) -> None:
            lock.remove_expired_tickets()
            for held in lock.tickets:
                if held.number == ticket:
                    held.expires = time.time() + TICKET_SECONDS

        return self.change(conversation_id, extend)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self.change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self.finish_serving(conversation_id, ticket_number)

    @contextlib.asynccontextmanager
    async def lock(
        self, conversation_id: str, lock_lifetime: float = TICKET_SECONDS, wait_time_in_seconds: float = POLL_SECONDS
    ) -> AsyncIterator[TicketLock]:
        """Wait for this conversation's turn (tickets in order of arrival) and hold it, renewing the ticket."""
        ticket = self.issue_ticket(conversation_id)
        keeper: asyncio.Task[None] | None = None
        try:
            lock = await self._wait_for_turn(conversation_id, ticket)
            keeper = asyncio.create_task(self._keep_alive(conversation_id, ticket))
            yield lock
        finally:
            if keeper is not None:
                keeper.cancel()
            self.cleanup(conversation_id, ticket)

    async def _wait_for_turn(self, conversation_id: str, ticket: int) -> TicketLock:
        renewed = time.monotonic()
        while True:
            lock = self.get_lock(conversation_id)
            if lock is None or ticket not in (t.number for t in lock.tickets):
                raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
            if not lock.is_locked(ticket):
                return lock
            if time.monotonic() - renewed > TICKET_SECONDS / 5:
                self.renew(conversation_id, ticket)
                renewed = time.monotonic()
            await asyncio.sleep(POLL_SECONDS)

    async def _keep_alive(self, conversation_id: str, ticket: int) -> None:
        while True:
            await asyncio.sleep(TICKET_SECONDS / 5)
            try:
                self.renew(conversation_id, ticket)
            except redis.RedisError as exc:
                logger.warning("could not renew a conversation lock: %s", exc.__class__.__name__)


def _json(raw: bytes | str) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(raw)
    return value
