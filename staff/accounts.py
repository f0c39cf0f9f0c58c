"""Staff accounts: local ones with a password hash, and directory (Entra ID) users on the allow-list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine, Row
from sqlalchemy.orm import Session

from base.clock import as_utc, utc_now
from staff.passwords import hash_password, needs_rehash, password_matches
from staff.tables import accounts_table, ready

REVIEWER = "reviewer"
ADMIN = "admin"
ROLES = (REVIEWER, ADMIN)
LOCAL = "local"
DIRECTORY = "directory"
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._@+-]{0,199}$")


class AccountError(ValueError):
    """An account change that cannot be made; nothing changed."""


@dataclass(frozen=True)
class StaffAccount:
    """One member of staff (never their password hash)."""

    name: str
    role: str
    kind: str
    disabled: bool
    created_at: datetime

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN


def normalise_name(name: str) -> str:
    """Names compare trimmed and case-insensitively (directory names are email-like)."""
    return name.strip().lower()


def _account(row: Row) -> StaffAccount:
    return StaffAccount(row.name, row.role, row.kind, bool(row.disabled), as_utc(row.created_at))


def add_account(
    name: str, *, role: str, password: str | None = None, directory: bool = False, engine: Engine | None = None
) -> StaffAccount:
    """A new local account (with a password) or directory user (allow-listed, no password)."""
    key = normalise_name(name)
    if not NAME_RE.match(key):
        raise AccountError("a name is letters, digits and . _ @ + - (at most 200)")
    if directory and "@" not in key:
        raise AccountError("a directory user is named by their sign-in name, such as kim@example.org")
    if role not in ROLES:
        raise AccountError(f"the role is one of: {', '.join(ROLES)}")
    if not directory and password is None:
        raise AccountError("a local account needs a password")
    password_hash = None if directory else hash_password(password or "")
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        if session.execute(select(accounts_table.c.name).where(accounts_table.c.name == key)).first():
            raise AccountError(f"there is already an account named {key}")
        values = {
            "name": key,
            "role": role,
            "kind": DIRECTORY if directory else LOCAL,
            "password_hash": password_hash,
            "disabled": False,
            "created_at": utc_now(),
        }
        session.execute(insert(accounts_table).values(**values))
    account = get_account(key, engine=engine)
    assert account is not None
    return account


def get_account(name: str, *, engine: Engine | None = None) -> StaffAccount | None:
    """The account with this name, or None."""
    engine = ready(engine)
    with Session(engine) as session:
        row = session.execute(select(accounts_table).where(accounts_table.c.name == normalise_name(name))).first()
    return _account(row) if row else None


def list_accounts(*, engine: Engine | None = None) -> list[StaffAccount]:
    """Every account, by name."""
    engine = ready(engine)
    with Session(engine) as session:
        rows = session.execute(select(accounts_table).order_by(accounts_table.c.name)).all()
    return [_account(row) for row in rows]


def _change(name: str, engine: Engine | None, **values: object) -> StaffAccount:
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        result = session.execute(
            update(accounts_table).where(accounts_table.c.name == normalise_name(name)).values(**values)
        )
        if result.rowcount == 0:
            raise AccountError(f"no account named {normalise_name(name)}")
    account = get_account(name, engine=engine)
    assert account is not None
    return account


def set_disabled(name: str, disabled: bool, *, engine: Engine | None = None) -> StaffAccount:
    """Disable (no more sign-ins, sessions end) or enable an account."""
    return _change(name, engine, disabled=disabled)


def set_role(name: str, role: str, *, engine: Engine | None = None) -> StaffAccount:
    """Give an account another role."""
    if role not in ROLES:
        raise AccountError(f"the role is one of: {', '.join(ROLES)}")
    return _change(name, engine, role=role)


def set_password(name: str, password: str, *, engine: Engine | None = None) -> StaffAccount:
    """A new password for a local account."""
    account = get_account(name, engine=engine)
    if account is None or account.kind != LOCAL:
        raise AccountError(f"no local account named {normalise_name(name)}")
    return _change(name, engine, password_hash=hash_password(password))


def check_password(name: str, password: str, *, engine: Engine | None = None) -> StaffAccount | None:
    """The enabled local account when the password matches; None otherwise (after the same work)."""
    engine = ready(engine)
    key = normalise_name(name)
    with Session(engine) as session:
        row = session.execute(select(accounts_table).where(accounts_table.c.name == key)).first()
    stored = row.password_hash if row is not None and row.kind == LOCAL else None
    if not password_matches(stored, password) or row is None or row.disabled:
        return None
    if stored and needs_rehash(stored):
        _change(key, engine, password_hash=hash_password(password))
    return _account(row)


def directory_sign_in(username: str, object_id: str, *, engine: Engine | None = None) -> StaffAccount | None:
    """The enabled allow-listed directory user with this sign-in name. The first sign-in binds the
    account to the directory's object id; a later sign-in with another id (a name given to someone
    else) is refused."""
    engine = ready(engine)
    key = normalise_name(username)
    with Session(engine) as session, session.begin():
        row = session.execute(
            select(accounts_table).where(accounts_table.c.name == key, accounts_table.c.kind == DIRECTORY)
        ).first()
        if row is None or row.disabled or not object_id:
            return None
        if row.directory_oid is None:
            session.execute(update(accounts_table).where(accounts_table.c.name == key).values(directory_oid=object_id))
        elif row.directory_oid != object_id:
            return None
    return _account(row)
