"""Failed sign-ins slow the next attempt, then lock, per account and per address (counted in the audit log)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine

from base.clock import utc_now
from staff import audit

WINDOW = timedelta(minutes=15)
SLOW_AFTER = 2  # failures before each further attempt waits
ACCOUNT_LOCK_AFTER = 5  # failures on one account within WINDOW lock it for WINDOW
ADDRESS_LOCK_AFTER = 20  # failures from one address (any accounts) within WINDOW lock it
MAX_DELAY_SECONDS = 8.0


@dataclass(frozen=True)
class Throttle:
    """What the next sign-in attempt gets: a wait before answering, or a refusal."""

    locked: bool
    delay_seconds: float


def _failures(*, actor: str | None = None, address: str | None = None, now: datetime, engine: Engine | None) -> int:
    since = now - WINDOW
    success = audit.latest(audit.SIGN_IN, actor=actor, address=address, engine=engine)
    if success and success > since:
        since = success  # a successful sign-in starts the count again
    return audit.count(audit.SIGN_IN_FAILED, since=since, actor=actor, address=address, engine=engine)


def delay_for(failures: int) -> float:
    """1, 2, 4, 8, 8, ... seconds once SLOW_AFTER failures have been made."""
    if failures < SLOW_AFTER:
        return 0.0
    return min(2.0 ** (failures - SLOW_AFTER), MAX_DELAY_SECONDS)


def check(account: str, address: str, *, now: datetime | None = None, engine: Engine | None = None) -> Throttle:
    """How the next attempt on `account` from `address` is treated."""
    now = now or utc_now()
    by_account = _failures(actor=account, now=now, engine=engine)
    by_address = _failures(address=address, now=now, engine=engine)
    locked = by_account >= ACCOUNT_LOCK_AFTER or by_address >= ADDRESS_LOCK_AFTER
    return Throttle(locked=locked, delay_seconds=0.0 if locked else delay_for(max(by_account, by_address // 4)))
