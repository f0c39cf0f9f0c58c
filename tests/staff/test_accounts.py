"""Staff accounts and password sign-in: argon2 hashes only, disabled accounts, directory users."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from staff import audit, throttle
from staff.accounts import (
    ADMIN,
    REVIEWER,
    AccountError,
    add_account,
    check_password,
    directory_sign_in,
    list_accounts,
    set_disabled,
    set_role,
)
from staff.passwords import WeakPassword
from staff.sign_in import sign_in_with_password
from staff.tables import accounts_table

PASSWORD = "correct horse battery staple"


def test_only_an_argon2_hash_is_stored(database_engine: Engine) -> None:
    add_account("Kim", role=ADMIN, password=PASSWORD, engine=database_engine)
    with Session(database_engine) as session:
        stored = session.execute(select(accounts_table.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    account = check_password(" KIM ", PASSWORD, engine=database_engine)
    assert account is not None and account.name == "kim" and account.is_admin
    assert check_password("kim", PASSWORD + "!", engine=database_engine) is None
    assert check_password("nobody", PASSWORD, engine=database_engine) is None


def test_bad_accounts_are_refused(database_engine: Engine) -> None:
    add_account("kim", role=REVIEWER, password=PASSWORD, engine=database_engine)
    with pytest.raises(AccountError, match="already"):
        add_account("KIM", role=REVIEWER, password=PASSWORD, engine=database_engine)
    with pytest.raises(AccountError, match="role"):
        add_account("lee", role="owner", password=PASSWORD, engine=database_engine)
    with pytest.raises(WeakPassword):
        add_account("lee", role=REVIEWER, password="short", engine=database_engine)
    with pytest.raises(AccountError, match="sign-in name"):
        add_account("lee", role=REVIEWER, directory=True, engine=database_engine)
    assert [a.name for a in list_accounts(engine=database_engine)] == ["kim"]


def test_a_disabled_account_cannot_sign_in(database_engine: Engine) -> None:
    add_account("kim", role=REVIEWER, password=PASSWORD, engine=database_engine)
    set_disabled("kim", True, engine=database_engine)
    assert check_password("kim", PASSWORD, engine=database_engine) is None
    set_disabled("kim", False, engine=database_engine)
    assert set_role("kim", ADMIN, engine=database_engine).role == ADMIN
    assert check_password("kim", PASSWORD, engine=database_engine) is not None


def test_a_directory_user_is_bound_to_their_object_id(database_engine: Engine) -> None:
    add_account("kim@district.example", role=REVIEWER, directory=True, engine=database_engine)
    assert check_password("kim@district.example", "", engine=database_engine) is None  # no password at all
    assert directory_sign_in("Kim@District.example", "oid-1", engine=database_engine) is not None
    assert directory_sign_in("kim@district.example", "oid-1", engine=database_engine) is not None
    assert directory_sign_in("kim@district.example", "oid-2", engine=database_engine) is None
    assert directory_sign_in("lee@district.example", "oid-3", engine=database_engine) is None


def test_failures_slow_then_lock_per_account_and_restart_after_a_success(database_engine: Engine) -> None:
    add_account("kim", role=REVIEWER, password=PASSWORD, engine=database_engine)
    assert throttle.delay_for(throttle.SLOW_AFTER - 1) == 0
    assert throttle.delay_for(throttle.SLOW_AFTER) > 0
    assert throttle.delay_for(50) == throttle.MAX_DELAY_SECONDS
    sign_in_with_password("kim", "wrong", "10.0.0.1", engine=database_engine)
    assert sign_in_with_password("kim", PASSWORD, "10.0.0.1", engine=database_engine).account is not None
    for _ in range(throttle.ACCOUNT_LOCK_AFTER - 1):
        sign_in_with_password("kim", "wrong", "10.0.0.1", engine=database_engine)
    assert not throttle.check("kim", "10.0.0.1", engine=database_engine).locked  # the success reset the count
    assert throttle.check("kim", "10.0.0.1", engine=database_engine).delay_seconds > 0
    sign_in_with_password("kim", "wrong", "10.0.0.2", engine=database_engine)
    outcome = sign_in_with_password("kim", PASSWORD, "10.0.0.3", engine=database_engine)
    assert outcome.locked and outcome.account is None
    assert (
        audit.count(audit.SIGN_IN_LOCKED, since=datetime(2000, 1, 1, tzinfo=timezone.utc), engine=database_engine) == 1
    )
