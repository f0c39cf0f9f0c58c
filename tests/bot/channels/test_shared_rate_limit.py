"""The rate limit in Redis: two replicas (two limiters) count against one limit. Needs the Redis
server on this machine (127.0.0.1:6379, or HELPBOT_TEST_REDIS_URL); each test has its own key prefix."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.channels.shared_rate_limit import SharedRateLimiter
from tests.stores import redis_prefix, redis_url_or_skip


@pytest.fixture
def prefix() -> Iterator[str]:
    with redis_prefix() as name:
        yield name


def replica(prefix: str, limit: int, clock: list[float]) -> SharedRateLimiter:
    return SharedRateLimiter(limit, scope="conversation", url=redis_url_or_skip(), prefix=prefix,
                             window=60, clock=lambda: clock[0])  # fmt: skip


async def test_a_limit_reached_through_one_replica_holds_on_the_other(prefix: str) -> None:
    now = [1000.0]
    a, b = replica(prefix, 3, now), replica(prefix, 3, now)
    assert [await a.allow("conv"), await b.allow("conv"), await a.allow("conv")] == [True, True, True]
    assert not await b.allow("conv")
    assert not await a.allow("conv")
    assert await b.allow("another conversation")
    now[0] += 60
    assert await b.allow("conv")  # the window moved on


async def test_refused_messages_do_not_count(prefix: str) -> None:
    now = [1000.0]
    a = replica(prefix, 2, now)
    assert [await a.allow("c") for _ in range(5)] == [True, True, False, False, False]
    now[0] += 30
    assert not await a.allow("c")
    now[0] += 30.001
    assert await a.allow("c") and await a.allow("c") and not await a.allow("c")


async def test_keys_hold_no_conversation_id_in_clear(prefix: str) -> None:
    a = replica(prefix, 5, [1000.0])
    await a.allow("teams-conversation-19:abc@thread.v2")
    import redis

    keys = [k.decode() for k in redis.Redis.from_url(redis_url_or_skip()).keys(f"{prefix}:*")]
    assert len(keys) == 1 and "teams" not in keys[0]


async def test_an_unreachable_redis_lets_messages_through() -> None:
    limiter = SharedRateLimiter(1, scope="client", url="redis://127.0.0.1:1/0", prefix="unreachable")
    assert await limiter.allow("x") and await limiter.allow("x")
