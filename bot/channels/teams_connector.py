"""Send replies to Teams: an app token from the single-tenant authority, posted to allowed hosts only."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

import aiohttp

SCOPE = "https://api.botframework.com/.default"
TIMEOUT_SECONDS = 10.0
EXPIRY_MARGIN_SECONDS = 300


class ConnectorError(Exception):
    """A reply could not be sent (token refused, connector down, serviceUrl not allowed)."""


def service_url_allowed(service_url: str, allowed: tuple[str, ...]) -> bool:
    """Whether `service_url` starts with one of the allowed prefixes (scheme and host included)."""
    parts = urlsplit(service_url)
    if parts.scheme not in ("https", "http") or not parts.netloc or "@" in parts.netloc:
        return False
    normalised = f"{parts.scheme}://{parts.netloc.lower()}{parts.path}"
    return any(
        normalised.startswith(prefix.rstrip("/") + "/") or normalised == prefix.rstrip("/") for prefix in allowed
    )


@dataclass
class ConnectorClient:
    """Posts activities back to the Bot Framework connector with a cached app token."""

    app_id: str
    app_password: str
    token_url: str
    allowed_service_urls: tuple[str, ...]
    _token: str | None = None
    _expires_at: float = 0.0
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def _app_token(self, session: aiohttp.ClientSession) -> str:
        async with self._lock:
            if self._token and time.monotonic() < self._expires_at:
                return self._token
            form = {
                "grant_type": "client_credentials",
                "client_id": self.app_id,
                "client_secret": self.app_password,
                "scope": SCOPE,
            }
            async with session.post(self.token_url, data=form) as response:
                if response.status != 200:
                    raise ConnectorError(f"token endpoint answered {response.status}")
                body = await response.json(content_type=None)
            token = body.get("access_token") if isinstance(body, dict) else None
            if not token:
                raise ConnectorError("token endpoint gave no access_token")
            lifetime = int(body.get("expires_in", 3600))
            self._token = str(token)
            self._expires_at = time.monotonic() + max(lifetime - EXPIRY_MARGIN_SECONDS, 30)
            return self._token

    async def reply(
        self, service_url: str, conversation_id: str, reply_to_id: str | None, activity: dict[str, Any]
    ) -> None:
        """Post `activity` into the conversation, as a reply to `reply_to_id` when given."""
        if not service_url_allowed(service_url, self.allowed_service_urls):
            raise ConnectorError("serviceUrl is not an allowed Teams service host; no token sent")
        base = service_url.rstrip("/")
        url = f"{base}/v3/conversations/{quote(conversation_id, safe='')}/activities"
        if reply_to_id:
            url += f"/{quote(reply_to_id, safe='')}"
        timeout = aiohttp.ClientTimeout(total=TIMEOUT_SECONDS)
        try:
            async with aiohttp.ClientSession(timeout=timeout) as session:
                token = await self._app_token(session)
                headers = {"Authorization": f"Bearer {token}"}
                async with session.post(url, json=activity, headers=headers) as response:
                    if response.status >= 300:
                        raise ConnectorError(f"connector answered {response.status}")
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise ConnectorError(f"connector unreachable ({exc.__class__.__name__})") from exc
