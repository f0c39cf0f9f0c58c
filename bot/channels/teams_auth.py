"""Validate the Bot Framework bearer token on an incoming Teams activity.

RS256 only; keys from the OpenID metadata's JWKS, fetched lazily and asynchronously with a
timeout, cached with the channels each key endorses, and refreshed (at most once a minute) when a
token names an unknown key id; the signing key must endorse the activity's `channelId` (a key
without `endorsements` endorses nothing); issuer, audience, expiry and not-before (5 minutes of
skew) and the token's `serviceurl` claim against the activity's `serviceUrl`. Nothing here is
fetched when the server starts.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import jwt

ISSUER = "https://api.botframework.com"
ALGORITHM = "RS256"
CLOCK_SKEW_SECONDS = 300
REFRESH_INTERVAL_SECONDS = 60.0
FETCH_TIMEOUT_SECONDS = 5.0


class InvalidToken(Exception):
    """The request is not from the Bot Framework for this bot (401)."""


class KeysUnavailable(Exception):
    """The signing keys could not be fetched, so no token can be checked now (503)."""


@dataclass(frozen=True)
class SigningKey:
    """A published Bot Framework key and the channels (`msteams`, ...) it endorses."""

    key: Any
    endorsements: frozenset[str]


def signing_key(entry: Any) -> SigningKey | None:
    """The usable RSA key of one JWKS entry with its endorsements, or None."""
    if not isinstance(entry, dict) or not entry.get("kid") or entry.get("kty") != "RSA":
        return None
    try:
        key = jwt.PyJWK(entry, algorithm=ALGORITHM).key
    except jwt.PyJWTError:
        return None
    endorsements = entry.get("endorsements")
    listed = endorsements if isinstance(endorsements, list) else []
    return SigningKey(key, frozenset(e for e in listed if isinstance(e, str)))


@dataclass
class TokenValidator:
    """Checks Bot Framework tokens for one app id."""

    app_id: str
    openid_url: str
    _keys: dict[str, SigningKey] = field(default_factory=dict)
    _fetched_at: float = 0.0
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def _fetch_json(self, session: aiohttp.ClientSession, url: str) -> dict[str, Any]:
        async with session.get(url) as response:
            response.raise_for_status()
            data = json.loads(await response.text())
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            return data

    async def _refresh(self) -> None:
        timeout = aiohttp.ClientTimeout(total=FETCH_TIMEOUT_SECONDS)
        try:
            async with aiohttp.ClientSession(timeout=timeout) as session:
                metadata = await self._fetch_json(session, self.openid_url)
                jwks = await self._fetch_json(session, str(metadata["jwks_uri"]))
        except (aiohttp.ClientError, asyncio.TimeoutError, KeyError, ValueError) as exc:
            raise KeysUnavailable(f"cannot fetch the Bot Framework signing keys ({exc.__class__.__name__})") from exc
        entries = jwks.get("keys")
        keys: dict[str, SigningKey] = {}
        for entry in entries if isinstance(entries, list) else []:
            found = signing_key(entry)
            if found is not None:
                keys[str(entry["kid"])] = found
        self._keys = keys
        self._fetched_at = time.monotonic()

    async def _key(self, kid: str) -> SigningKey:
        async with self._lock:
            stale = time.monotonic() - self._fetched_at >= REFRESH_INTERVAL_SECONDS
            if kid not in self._keys and (not self._fetched_at or stale):
                await self._refresh()
        key = self._keys.get(kid)
        if key is None:
            raise InvalidToken("unknown signing key")
        return key

    async def validate(self, authorization: str | None, service_url: str, channel_id: str) -> dict[str, Any]:
        """The token's claims when it is valid for this bot and this activity; else InvalidToken."""
        if not authorization or not authorization.startswith("Bearer "):
            raise InvalidToken("missing bearer token")
        token = authorization[len("Bearer ") :].strip()
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise InvalidToken("malformed token") from exc
        if header.get("alg") != ALGORITHM or not header.get("kid"):
            raise InvalidToken("token must be RS256 with a key id")
        key = await self._key(str(header["kid"]))
        if channel_id not in key.endorsements:
            raise InvalidToken("the signing key does not endorse this channel")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key.key,
                algorithms=[ALGORITHM],
                audience=self.app_id,
                issuer=ISSUER,
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": ["exp", "nbf", "iss", "aud"]},
            )
        except jwt.PyJWTError as exc:
            raise InvalidToken(f"token rejected ({exc.__class__.__name__})") from exc
        if claims.get("serviceurl") != service_url:
            raise InvalidToken("token is not for this serviceUrl")
        return claims
