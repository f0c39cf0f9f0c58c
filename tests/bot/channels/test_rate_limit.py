"""The sliding-window rate limiter."""

from __future__ import annotations

from bot.channels.rate_limit import RateLimiter


def test_limit_per_key_and_window() -> None:
    now = [0.0]
    limiter = RateLimiter(3, window=60, clock=lambda: now[0])
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b")
    now[0] = 60.0
    assert limiter.allow("a")


def test_zero_turns_the_limit_off() -> None:
    limiter = RateLimiter(0)
    assert all(limiter.allow("a") for _ in range(1000))
