"""Stand-ins for Microsoft's cloud on loopback: OpenID metadata, JWKS, token endpoint, connector.

Tokens are signed with RSA key pairs made for the test run, so the real validation code runs. The
JWKS publishes, as Microsoft's does, each key with the channels it endorses: the Teams key, a key
endorsed only for another channel, and a key without endorsements.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.loopback import LoopbackService
from tests.servers import free_port

APP_ID = "11111111-2222-3333-4444-555555555555"
APP_PASSWORD = "test-app-password"
TENANT = "tenant-district"
KEY_ID = "test-signing-key"
OTHER_CHANNEL_KEY_ID = "webchat-only-key"
UNENDORSED_KEY_ID = "unendorsed-key"
BOT_ID = "28:helpbot-test"
APP_TOKEN = "app-token-for-replies"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


@dataclass
class FakeMicrosoft(LoopbackService):
    """The fake cloud; `received` holds what the connector got, `token_requests` the token calls."""

    port: int = field(default_factory=free_port)
    key: rsa.RSAPrivateKey = field(default_factory=new_key)
    other_channel_key: rsa.RSAPrivateKey = field(default_factory=new_key)
    unendorsed_key: rsa.RSAPrivateKey = field(default_factory=new_key)
    keys_down: bool = False
    received: list[dict[str, Any]] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def service_url(self) -> str:
        return f"{self.base}/teams/"

    def env(self) -> dict[str, str]:
        return {
            "HELPBOT_TEAMS_APP_ID": APP_ID,
            "HELPBOT_TEAMS_APP_PASSWORD": APP_PASSWORD,
            "HELPBOT_TEAMS_TENANT_ID": TENANT,
            "HELPBOT_TEAMS_OPENID_URL": f"{self.base}/openid",
            "HELPBOT_TEAMS_AUTHORITY": self.base,
            "HELPBOT_TEAMS_SERVICE_URLS": self.service_url,
        }

    def token(
        self, service_url: str | None = None, key: rsa.RSAPrivateKey | None = None, kid: str = KEY_ID, **claims: Any
    ) -> str:
        now = int(time.time())
        payload = {
            "iss": "https://api.botframework.com",
            "aud": APP_ID,
            "iat": now,
            "nbf": now - 10,
            "exp": now + 3600,
            "serviceurl": service_url or self.service_url,
        }
        payload.update(claims)
        return jwt.encode(payload, key or self.key, algorithm="RS256", headers={"kid": kid})

    def jwks(self) -> dict[str, Any]:
        """The published keys: kid, the public key and, when the key has any, its endorsements."""
        published = (
            (KEY_ID, self.key, ["msteams", "skype"]),
            (OTHER_CHANNEL_KEY_ID, self.other_channel_key, ["webchat"]),
            (UNENDORSED_KEY_ID, self.unendorsed_key, None),
        )
        keys = []
        for kid, key, endorsements in published:
            jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
            jwk.update({"kid": kid, "use": "sig", "alg": "RS256"})
            if endorsements is not None:
                jwk["endorsements"] = endorsements
            keys.append(jwk)
        return {"keys": keys}

    def replies_to(self, conversation_id: str) -> list[dict[str, Any]]:
        return [r for r in self.received if r["conversation_id"] == conversation_id]

    def wait_for_replies(self, conversation_id: str, count: int = 1, timeout: float = 20) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            replies = self.replies_to(conversation_id)
            if len(replies) >= count:
                return replies
            time.sleep(0.1)
        return self.replies_to(conversation_id)

    # --- the server ---
    def _app(self) -> web.Application:
        async def openid(_: web.Request) -> web.Response:
            return web.json_response({"issuer": "https://api.botframework.com", "jwks_uri": f"{self.base}/keys"})

        async def keys(_: web.Request) -> web.Response:
            if self.keys_down:
                return web.Response(status=500)
            return web.json_response(self.jwks())

        async def token(request: web.Request) -> web.Response:
            form = await request.post()
            self.token_requests.append({"tenant": request.match_info["tenant"], **{k: str(v) for k, v in form.items()}})
            if form.get("client_secret") != APP_PASSWORD:
                return web.json_response({"error": "invalid_client"}, status=401)
            return web.json_response({"access_token": APP_TOKEN, "expires_in": 3600, "token_type": "Bearer"})

        async def activities(request: web.Request) -> web.Response:
            self.received.append(
                {
                    "conversation_id": request.match_info["conversation"],
                    "reply_to": request.match_info.get("reply_to"),
                    "authorization": request.headers.get("Authorization"),
                    "activity": await request.json(),
                }
            )
            return web.json_response({"id": f"reply-{len(self.received)}"})

        app = web.Application()
        app.router.add_get("/openid", openid)
        app.router.add_get("/keys", keys)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", token)
        app.router.add_post("/teams/v3/conversations/{conversation}/activities/{reply_to}", activities)
        app.router.add_post("/teams/v3/conversations/{conversation}/activities", activities)
        return app
