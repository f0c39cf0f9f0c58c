"""Password hashes with argon2id (argon2-cffi's recommended parameters); no password is ever stored."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 12
_hasher = PasswordHasher()
# Verified when an account does not exist, so an unknown name costs as much time as a wrong password.
_DUMMY_HASH = _hasher.hash("no account has this password")


class WeakPassword(ValueError):
    """A password too short to accept."""


def hash_password(password: str) -> str:
    """An argon2id hash of `password`; WeakPassword when it is shorter than MIN_LENGTH."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"a password needs at least {MIN_LENGTH} characters")
    return _hasher.hash(password)


def password_matches(stored_hash: str | None, password: str) -> bool:
    """Whether `password` matches the hash (always False, after the same work, when there is none)."""
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(stored_hash)
