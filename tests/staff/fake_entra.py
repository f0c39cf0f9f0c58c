"""Microsoft Entra ID's OpenID Connect endpoints, faked on loopback: discovery, keys, authorize, token.

The ID tokens are signed with an RSA key made for the test run, so the console's real validation
runs. `next_token` changes the next token the token endpoint hands out (a wrong audience, an
expired token, `alg: none`, ...), and `user` is who signs in at the authorize endpoint.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.loopback import LoopbackService
from tests.servers import free_port

TENANT = "11111111-aaaa-bbbb-cccc-000000000001"
OTHER_TENANT = "99999999-aaaa-bbbb-cccc-000000000009"
CLIENT_ID = "22222222-aaaa-bbbb-cccc-000000000002"
CLIENT_SECRET = "console-client-secret"
KEY_ID = "entra-test-key"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unsigned(claims: dict[str, Any]) -> str:
    """A token with `alg: none` and no signature."""
    header = _b64url(json.dumps({"alg": "none", "typ": "JWT", "kid": KEY_ID}).encode())
    return f"{header}.{_b64url(json.dumps(claims).encode())}."


@dataclass
class FakeEntra(LoopbackService):
    """The fake tenant. `user` signs in; `next_token` alters the next ID token; `token_requests` is what came."""

    port: int = field(default_factory=free_port)
    key: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )
    user: dict[str, str] = field(
        default_factory=lambda: {"preferred_username": "Kim.Lee@District.example", "oid": "oid-kim"}
    )
    next_token: dict[str, Any] = field(default_factory=dict)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    _codes: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def authority(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def issuer(self) -> str:
        return f"{self.authority}/{TENANT}/v2.0"

    def env(self) -> dict[str, str]:
        return {
            "HELPBOT_ENTRA_TENANT_ID": TENANT,
            "HELPBOT_ENTRA_CLIENT_ID": CLIENT_ID,
            "HELPBOT_ENTRA_CLIENT_SECRET": CLIENT_SECRET,
            "HELPBOT_ENTRA_AUTHORITY": self.authority,
        }

    def claims(self, nonce: str) -> dict[str, Any]:
        now = int(time.time())
        return {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "iat": now,
            "nbf": now - 5,
            "exp": now + 3600,
            "nonce": nonce,
            "tid": TENANT,
            "sub": "subject-" + self.user["oid"],
            "name": "Kim Lee",
            **self.user,
        }

    def id_token(self, nonce: str) -> str:
        """The ID token for the next sign-in, altered as `next_token` says (then forgotten)."""
        change, self.next_token = self.next_token, {}
        claims = {**self.claims(nonce), **change.get("claims", {})}
        if change.get("alg") == "none":
            return unsigned(claims)
        key = change.get("key", self.key)
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": change.get("kid", KEY_ID)})

    def jwks(self) -> dict[str, Any]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update({"kid": KEY_ID, "use": "sig", "alg": "RS256"})
        return {"keys": [jwk]}

    # --- the server ---
    def _app(self) -> web.Application:
        base = f"/{TENANT}"

        async def discovery(_: web.Request) -> web.Response:
            return web.json_response(
                {
                    "issuer": self.issuer,
                    "authorization_endpoint": f"{self.authority}{base}/oauth2/v2.0/authorize",
                    "token_endpoint": f"{self.authority}{base}/oauth2/v2.0/token",
                    "jwks_uri": f"{self.authority}{base}/discovery/v2.0/keys",
                    "id_token_signing_alg_values_supported": ["RS256"],
                }
            )

        async def keys(_: web.Request) -> web.Response:
            return web.json_response(self.jwks())

        async def authorize(request: web.Request) -> web.Response:
            query = request.query
            wanted = {"client_id": CLIENT_ID, "response_type": "code", "code_challenge_method": "S256"}
            if any(query.get(k) != v for k, v in wanted.items()) or "openid" not in query.get("scope", "").split():
                return web.Response(status=400, text="bad authorization request")
            code = secrets.token_urlsafe(16)
            self._codes[code] = {
                "nonce": query["nonce"],
                "challenge": query["code_challenge"],
                "redirect_uri": query["redirect_uri"],
            }
            raise web.HTTPFound(f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}")

        async def token(request: web.Request) -> web.Response:
            form = {k: str(v) for k, v in (await request.post()).items()}
            self.token_requests.append(form)
            issued = self._codes.pop(form.get("code", ""), None)  # a code is good once
            if issued is None or form.get("grant_type") != "authorization_code":
                return web.json_response({"error": "invalid_grant"}, status=400)
            if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
                return web.json_response({"error": "invalid_client"}, status=401)
            verifier_hash = _b64url(hashlib.sha256(form.get("code_verifier", "").encode()).digest())
            if verifier_hash != issued["challenge"] or form.get("redirect_uri") != issued["redirect_uri"]:
                return web.json_response({"error": "invalid_grant"}, status=400)
            return web.json_response({"id_token": self.id_token(issued["nonce"]), "token_type": "Bearer"})

        app = web.Application()
        app.router.add_get(f"{base}/v2.0/.well-known/openid-configuration", discovery)
        app.router.add_get(f"{base}/discovery/v2.0/keys", keys)
        app.router.add_get(f"{base}/oauth2/v2.0/authorize", authorize)
        app.router.add_post(f"{base}/oauth2/v2.0/token", token)
        return app
