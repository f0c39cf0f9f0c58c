"""Microsoft Entra ID sign-in (OpenID Connect): authorization code flow with PKCE, the ID token checked.

The ID token must be signed (RS256) by a key of the tenant's key set, for our app (audience), from our
tenant's issuer, unexpired, carry the nonce this sign-in started with, and name our tenant (`tid`).
Which directory users may sign in, and with what role, is the staff allow-list (`staff.accounts`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import aiohttp
import jwt
from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from base.clock import as_utc, utc_now
from base.settings import EntraSettings
from staff.tables import oidc_requests_table, ready

SCOPES = "openid profile email"
ALGORITHMS = ["RS256"]
REQUEST_LIFETIME = timedelta(minutes=10)
CLOCK_SKEW_SECONDS = 60
CACHE_SECONDS = 3600
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=10)


class SignInRefused(ValueError):
    """The identity provider's answer cannot sign anyone in; the message says why (for the audit log)."""


class UnknownSigningKey(SignInRefused):
    """The token names a key the cached key set lacks (the tenant may have rolled its keys)."""


@dataclass(frozen=True)
class PendingSignIn:
    """A sign-in sent to the identity provider, waiting for its answer."""

    state: str
    nonce: str
    code_verifier: str


@dataclass(frozen=True)
class Provider:
    """The tenant's endpoints, from its discovery document."""

    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str


@dataclass(frozen=True)
class DirectoryUser:
    """Who the ID token says signed in."""

    username: str
    object_id: str
    tenant_id: str


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def pkce_challenge(verifier: str) -> str:
    """The S256 code challenge of a PKCE verifier."""
    return _b64url(hashlib.sha256(verifier.encode()).digest())


def begin(session_hash: str, *, engine: Engine | None = None) -> PendingSignIn:
    """Start a sign-in bound to the browser's session; old unanswered ones are forgotten."""
    engine = ready(engine)
    pending = PendingSignIn(secrets.token_urlsafe(32), secrets.token_urlsafe(32), secrets.token_urlsafe(64))
    now = utc_now()
    with Session(engine) as session, session.begin():
        session.execute(delete(oidc_requests_table).where(oidc_requests_table.c.created_at < now - REQUEST_LIFETIME))
        session.execute(
            insert(oidc_requests_table).values(
                state=pending.state,
                session_hash=session_hash,
                nonce=pending.nonce,
                code_verifier=pending.code_verifier,
                created_at=now,
            )
        )
    return pending


def take(state: str, session_hash: str, *, engine: Engine | None = None) -> PendingSignIn | None:
    """The pending sign-in with this state, started by this browser's session and not too old; once only."""
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        row = session.execute(select(oidc_requests_table).where(oidc_requests_table.c.state == state)).first()
        if row is None:
            return None
        session.execute(delete(oidc_requests_table).where(oidc_requests_table.c.state == state))
    fresh = utc_now() - as_utc(row.created_at) <= REQUEST_LIFETIME
    if not fresh or not hmac.compare_digest(row.session_hash.encode(), session_hash.encode()):
        return None
    return PendingSignIn(row.state, row.nonce, row.code_verifier)


def authorization_url(provider: Provider, entra: EntraSettings, redirect_uri: str, pending: PendingSignIn) -> str:
    """Where the browser goes to sign in."""
    query = {
        "client_id": entra.client_id,
        "response_type": "code",
        "redirect_uri": redirect_uri,
        "response_mode": "query",
        "scope": SCOPES,
        "state": pending.state,
        "nonce": pending.nonce,
        "code_challenge": pkce_challenge(pending.code_verifier),
        "code_challenge_method": "S256",
    }
    return f"{provider.authorization_endpoint}?{urlencode(query)}"


def _signing_key(token: str, jwks: dict[str, Any]) -> Any:
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        raise SignInRefused(f"unreadable ID token ({exc})") from exc
    algorithm = header.get("alg")
    if algorithm not in ALGORITHMS:
        raise SignInRefused(f"ID token algorithm {algorithm!r} is not accepted")
    for key in jwks.get("keys", []):
        if key.get("kid") == header.get("kid"):
            try:
                return jwt.PyJWK(key, algorithm="RS256").key
            except jwt.PyJWTError as exc:
                raise SignInRefused(f"unusable signing key ({exc})") from exc
    raise UnknownSigningKey("ID token signed with a key the tenant does not publish")


def validate_id_token(token: str, jwks: dict[str, Any], entra: EntraSettings, *, nonce: str) -> DirectoryUser:
    """The directory user an ID token names, after every check; SignInRefused otherwise."""
    key = _signing_key(token, jwks)
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=ALGORITHMS,
            audience=entra.client_id,
            issuer=entra.issuer,
            leeway=CLOCK_SKEW_SECONDS,
            options={"require": ["exp", "iat", "iss", "aud", "nonce", "tid"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise SignInRefused("ID token has expired") from exc
    except jwt.InvalidAudienceError as exc:
        raise SignInRefused("ID token for another application (audience)") from exc
    except jwt.InvalidIssuerError as exc:
        raise SignInRefused("ID token from another issuer") from exc
    except jwt.InvalidSignatureError as exc:
        raise SignInRefused("ID token signature does not verify") from exc
    except jwt.PyJWTError as exc:
        raise SignInRefused(f"invalid ID token ({exc})") from exc
    if not hmac.compare_digest(str(claims["nonce"]).encode(), nonce.encode()):
        raise SignInRefused("ID token nonce does not match this sign-in")
    if claims["tid"] != entra.tenant_id:
        raise SignInRefused("ID token from another tenant")
    username = claims.get("preferred_username") or claims.get("email") or claims.get("upn") or ""
    if not username or not claims.get("oid"):
        raise SignInRefused("ID token names no user")
    return DirectoryUser(str(username).strip().lower(), str(claims["oid"]), str(claims["tid"]))


class EntraClient:
    """Talks to the tenant's endpoints; the discovery document and key set are cached for an hour."""

    def __init__(self, entra: EntraSettings) -> None:
        self.entra = entra
        self._provider: tuple[float, Provider] | None = None
        self._jwks: tuple[float, dict[str, Any]] | None = None

    async def _get_json(self, http: aiohttp.ClientSession, url: str) -> dict[str, Any]:
        try:
            async with http.get(url, timeout=HTTP_TIMEOUT) as answer:
                answer.raise_for_status()
                data = await answer.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            raise SignInRefused(f"{url} did not answer ({exc.__class__.__name__})") from exc
        if not isinstance(data, dict):
            raise SignInRefused(f"{url} did not return a JSON object")
        return data

    async def provider(self, http: aiohttp.ClientSession) -> Provider:
        """The tenant's endpoints (its discovery document must name our tenant's issuer)."""
        if self._provider and time.monotonic() - self._provider[0] < CACHE_SECONDS:
            return self._provider[1]
        document = await self._get_json(http, self.entra.discovery_url)
        if str(document.get("issuer", "")).replace("{tenantid}", self.entra.tenant_id) != self.entra.issuer:
            raise SignInRefused("the discovery document names another issuer")
        try:
            found = Provider(
                str(document["authorization_endpoint"]), str(document["token_endpoint"]), str(document["jwks_uri"])
            )
        except KeyError as exc:
            raise SignInRefused(f"the discovery document lacks {exc}") from exc
        self._provider = (time.monotonic(), found)
        return found

    async def keys(self, http: aiohttp.ClientSession, *, refresh: bool = False) -> dict[str, Any]:
        """The tenant's signing keys (JWKS)."""
        if not refresh and self._jwks and time.monotonic() - self._jwks[0] < CACHE_SECONDS:
            return self._jwks[1]
        jwks = await self._get_json(http, (await self.provider(http)).jwks_uri)
        self._jwks = (time.monotonic(), jwks)
        return jwks

    async def redeem(self, http: aiohttp.ClientSession, code: str, pending: PendingSignIn, redirect_uri: str) -> str:
        """Exchange the authorization code (with the PKCE verifier) for the ID token."""
        form = {
            "client_id": self.entra.client_id,
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": pending.code_verifier,
            "scope": SCOPES,
        }
        if self.entra.client_secret:
            form["client_secret"] = self.entra.client_secret
        try:
            async with http.post((await self.provider(http)).token_endpoint, data=form, timeout=HTTP_TIMEOUT) as answer:
                body = await answer.json(content_type=None)
                if answer.status != 200:
                    error = body.get("error", answer.status) if isinstance(body, dict) else answer.status
                    raise SignInRefused(f"the token endpoint refused the code ({error})")
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            raise SignInRefused(f"the token endpoint did not answer ({exc.__class__.__name__})") from exc
        token = body.get("id_token") if isinstance(body, dict) else None
        if not isinstance(token, str):
            raise SignInRefused("the token endpoint returned no ID token")
        return token

    async def user(self, http: aiohttp.ClientSession, token: str, nonce: str) -> DirectoryUser:
        """The ID token checked against the tenant's keys (fetched again once for an unknown key)."""
        try:
            return validate_id_token(token, await self.keys(http), self.entra, nonce=nonce)
        except UnknownSigningKey:
            pass
        return validate_id_token(token, await self.keys(http, refresh=True), self.entra, nonce=nonce)
