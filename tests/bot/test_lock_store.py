"""The conversation lock: one message of a conversation at a time across replicas (two lock stores
on one Redis prefix), in order of arrival; a dead holder's ticket runs out; in-process without Redis."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator

import pytest
from rasa.core.lock import TicketLock
from rasa.shared.exceptions import ConnectionException

from bot import lock_store
from bot.lock_store import ConversationLockStore
from tests.stores import redis_prefix, redis_url_or_skip


@pytest.fixture
def prefix() -> Iterator[str]:
    with redis_prefix() as name:
        yield name


def replica(prefix: str) -> ConversationLockStore:
    return ConversationLockStore(url=redis_url_or_skip(), prefix=prefix)


async def hold(store: ConversationLockStore, conversation: str, name: str, log: list[str]) -> None:
    async with store.lock(conversation):
        log.append(f"{name} in")
        await asyncio.sleep(0.02)
        log.append(f"{name} out")


async def test_replicas_serve_one_message_of_a_conversation_at_a_time_in_order(prefix: str) -> None:
    a, b = replica(prefix), replica(prefix)
    log: list[str] = []
    tasks = []
    for n in range(10):
        tasks.append(asyncio.create_task(hold(a if n % 2 else b, "conversation", str(n), log)))
        await asyncio.sleep(0.002)  # arrivals in a known order
    await asyncio.gather(*tasks)
    assert log == [f"{n} {step}" for n in range(10) for step in ("in", "out")]


def test_a_ticket_taken_while_another_replica_takes_one_is_its_own(prefix: str) -> None:
    a, b = replica(prefix), replica(prefix)
    change = a.change
    interfered: list[int] = []

    def with_interference(conversation_id: str, apply: Callable[[TicketLock], None]) -> TicketLock:
        def interfere_once(lock: TicketLock) -> None:
            if not interfered:  # between a's read and a's write, b takes a ticket: a's write is refused, a tries again
                interfered.append(b.issue_ticket(conversation_id))
            apply(lock)

        return change(conversation_id, interfere_once)

    a.change = with_interference  # type: ignore[method-assign]
    mine = a.issue_ticket("conversation")
    assert interfered == [0] and mine == 1
    lock = a.get_lock("conversation")
    assert lock is not None and [t.number for t in lock.tickets] == [0, 1]


async def test_other_conversations_do_not_wait(prefix: str) -> None:
    store = replica(prefix)
    log: list[str] = []
    async with store.lock("one"):
        await hold(store, "two", "other", log)
    assert log == ["other in", "other out"]


async def test_a_ticket_of_a_replica_that_died_runs_out(prefix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lock_store, "TICKET_SECONDS", 0.3)
    dead, alive = replica(prefix), replica(prefix)
    dead.issue_ticket("conversation")  # taken, then never renewed nor given back
    log: list[str] = []
    await hold(alive, "conversation", "alive", log)
    assert log == ["alive in", "alive out"]
    assert alive.get_lock("conversation") is None  # nothing left behind


async def test_locks_stay_in_the_process_without_redis() -> None:
    store = ConversationLockStore(url="", prefix="unused")
    log: list[str] = []
    await asyncio.gather(*(hold(store, "c", str(n), log) for n in range(3)))
    assert log == [f"{n} {step}" for n in range(3) for step in ("in", "out")]
    assert store.red is None and store.get_lock("c") is None


def test_an_unreachable_redis_fails_at_once_naming_the_setting() -> None:
    with pytest.raises(ConnectionException, match="HELPBOT_REDIS_URL: cannot reach Redis"):
        ConversationLockStore(url="redis://127.0.0.1:1/0", prefix="x")
