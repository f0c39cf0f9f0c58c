"""Password sign-in: throttled per account and address, every attempt in the audit log."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from staff import audit, throttle
from staff.accounts import StaffAccount, check_password, normalise_name


@dataclass(frozen=True)
class SignInOutcome:
    """The account when the sign-in succeeded; `locked` when too many failures refused it unchecked."""

    account: StaffAccount | None
    locked: bool = False


def wait_before(name: str, address: str, *, engine: Engine | None = None) -> throttle.Throttle:
    """How this attempt is throttled (the caller waits `delay_seconds` before answering)."""
    return throttle.check(normalise_name(name)[:320], address, engine=engine)


def sign_in_with_password(name: str, password: str, address: str, *, engine: Engine | None = None) -> SignInOutcome:
    """Check the password unless the account or address is locked; audit the outcome."""
    key = normalise_name(name)[:320]
    if throttle.check(key, address, engine=engine).locked:
        audit.record(audit.SIGN_IN_LOCKED, actor=key, detail="password", address=address, engine=engine)
        return SignInOutcome(None, locked=True)
    account = check_password(key, password, engine=engine)
    if account is None:
        audit.record(audit.SIGN_IN_FAILED, actor=key, detail="password", address=address, engine=engine)
        return SignInOutcome(None)
    audit.record(audit.SIGN_IN, actor=key, detail=f"password, {account.role}", address=address, engine=engine)
    return SignInOutcome(account)
