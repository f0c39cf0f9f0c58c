"""Sliding-window rate limits per conversation and per client address.

In this process by default (`RateLimiter`); with `HELPBOT_REDIS_URL` in Redis, so that every replica
counts against the same limit (`bot/channels/shared_rate_limit.py`). `rate_limiter` picks one.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Protocol

from base.settings import get_settings

WINDOW_SECONDS = 60.0


class Limiter(Protocol):
    """Allows at most `limit` events per key within a window; 0 turns the limit off."""

    limit: int

    async def allow(self, key: str) -> bool:
        """Record an event for `key`; False when it is over the limit."""


class RateLimiter:
    """The limit kept in this process's memory."""

    def __init__(self, limit: int, window: float = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._events: dict[str, deque[float]] = defaultdict(deque)

    async def allow(self, key: str) -> bool:
        if self.limit <= 0:
            return True
        now = self.clock()
        events = self._events[key]
        while events and now - events[0] >= self.window:
            events.popleft()
        if len(events) >= self.limit:
            return False
        events.append(now)
        if len(self._events) > 100_000:  # forget idle keys so memory stays bounded
            for idle in [k for k, v in self._events.items() if not v or now - v[-1] >= self.window]:
                del self._events[idle]
        return True


def rate_limiter(limit: int, scope: str) -> Limiter:
    """The limiter for `scope` ("conversation", "client"): shared in Redis when it is configured."""
    settings = get_settings()
    if not settings.redis_url:
        return RateLimiter(limit)
    from bot.channels.shared_rate_limit import SharedRateLimiter

    return SharedRateLimiter(limit, scope=scope, url=settings.redis_url, prefix=settings.redis_prefix)
