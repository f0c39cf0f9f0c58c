"""The sliding-window rate limiter kept in the process, and the choice between it and Redis."""

from __future__ import annotations

import pytest

from base.settings import reset_settings
from bot.channels.rate_limit import RateLimiter, rate_limiter
from bot.channels.shared_rate_limit import SharedRateLimiter


async def test_limit_per_key_and_window() -> None:
    now = [0.0]
    limiter = RateLimiter(3, window=60, clock=lambda: now[0])
    assert [await limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert await limiter.allow("b")
    now[0] = 60.0
    assert await limiter.allow("a")


async def test_zero_turns_the_limit_off() -> None:
    limiter = RateLimiter(0)
    assert all([await limiter.allow("a") for _ in range(1000)])


def test_redis_is_used_when_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HELPBOT_REDIS_URL", raising=False)
    reset_settings()
    assert isinstance(rate_limiter(5, "client"), RateLimiter)
    monkeypatch.setenv("HELPBOT_REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("HELPBOT_REDIS_PREFIX", "prefix-of-test")
    reset_settings()
    shared = rate_limiter(5, "client")
    assert isinstance(shared, SharedRateLimiter)
    assert shared.key("10.0.0.1").startswith("prefix-of-test:rate:client:")
    reset_settings()
