"""A sliding-window rate limit kept in Redis, so that N replicas allow the limit once, not N times.

Each key is a sorted set of the accepted events' times; one Lua script drops those older than the
window, counts the rest and adds the new one only when under the limit, atomically for every
replica. Keys are hashes of the conversation or address, and expire with the window. If Redis
cannot be reached the message is let through (and logged): a rate limit must never stop the bot.
"""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from collections.abc import Callable

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from bot.channels.rate_limit import WINDOW_SECONDS

logger = logging.getLogger(__name__)

# KEYS[1] the sorted set; ARGV: now (ms), window (ms), limit, a unique member. Returns 1 if allowed.
SLIDING_WINDOW = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
"""


class SharedRateLimiter:
    """At most `limit` events per key within the window, counted in Redis across every replica."""

    def __init__(
        self,
        limit: int,
        *,
        scope: str,
        url: str,
        prefix: str,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self.prefix = f"{prefix}:rate:{scope}:"
        self.red = aioredis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.script = self.red.register_script(SLIDING_WINDOW)

    def key(self, key: str) -> str:
        return self.prefix + hashlib.sha256(key.encode()).hexdigest()[:32]

    async def allow(self, key: str) -> bool:
        """Record an event for `key`; False when it is over the limit (True when Redis is unreachable)."""
        if self.limit <= 0:
            return True
        now_ms = int(self.clock() * 1000)
        try:
            allowed = await self.script(
                keys=[self.key(key)], args=[now_ms, int(self.window * 1000), self.limit, f"{now_ms}-{uuid.uuid4().hex}"]
            )
        except RedisError as exc:
            logger.warning("rate limit not checked, Redis unavailable: %s", exc.__class__.__name__)
            return True
        return bool(allowed)
