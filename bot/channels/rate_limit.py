"""Sliding-window rate limits per conversation and per client address (in memory, per server)."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable

WINDOW_SECONDS = 60.0


class RateLimiter:
    """Allows at most `limit` events per key within the window; 0 turns the limit off."""

    def __init__(self, limit: int, window: float = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._events: dict[str, deque[float]] = defaultdict(deque)

    def allow(self, key: str) -> bool:
        """Record an event for `key`; False when it is over the limit."""
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
