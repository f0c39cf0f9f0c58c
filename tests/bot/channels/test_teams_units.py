"""Pieces of the Teams channel: serviceUrl allow-list, mention stripping, the connector's refusal,
the signing keys' endorsements."""

from __future__ import annotations

import json
import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.channels.teams import strip_mentions
from bot.channels.teams_auth import ISSUER, InvalidToken, TokenValidator, signing_key
from bot.channels.teams_connector import ConnectorClient, ConnectorError, service_url_allowed
from tests.bot.channels.fake_microsoft import APP_ID, new_key

ALLOWED = ("https://smba.trafficmanager.net/",)


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://smba.trafficmanager.net/amer/", True),
    ("https://SMBA.trafficmanager.net/emea/", True),
    ("http://smba.trafficmanager.net/amer/", False),
    ("https://smba.trafficmanager.net.evil.example/amer/", False),
    ("https://evil.example/smba.trafficmanager.net/", False),
    ("https://user@smba.trafficmanager.net/amer/", False),
    ("javascript:alert(1)", False),
])  # fmt: skip
def test_service_url_allow_list(url: str, allowed: bool) -> None:
    assert service_url_allowed(url, ALLOWED) is allowed


def test_only_the_bots_own_mention_is_stripped() -> None:
    activity = {
        "text": "<at>helpbot</at> ask <at>Sam</at> about the deadline",
        "recipient": {"id": "28:bot"},
        "entities": [
            {"type": "mention", "text": "<at>helpbot</at>", "mentioned": {"id": "28:bot"}},
            {"type": "mention", "text": "<at>Sam</at>", "mentioned": {"id": "29:sam"}},
        ],
    }
    assert strip_mentions(activity) == "ask Sam about the deadline"


async def test_connector_refuses_a_disallowed_service_url_before_asking_for_a_token() -> None:
    client = ConnectorClient("app", "secret", "http://127.0.0.1:9/never-called", ALLOWED)
    with pytest.raises(ConnectorError, match="not an allowed"):
        await client.reply("https://attacker.example/", "conv", "act", {"type": "message"})


def jwk(key: rsa.RSAPrivateKey, kid: str, endorsements: Any = None) -> dict[str, Any]:
    entry: dict[str, Any] = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    entry.update({"kid": kid, "use": "sig"})
    if endorsements is not None:
        entry["endorsements"] = endorsements
    return entry


@pytest.mark.parametrize(("endorsements", "expected"), [
    (["msteams", "skype"], {"msteams", "skype"}),
    (["webchat"], {"webchat"}),
    (None, set()),
    ("msteams", set()),  # not a list: endorses nothing
    (["msteams", 7], {"msteams"}),
])  # fmt: skip
def test_endorsements_are_kept_per_key(endorsements: Any, expected: set[str]) -> None:
    found = signing_key(jwk(new_key(), "k", endorsements))
    assert found is not None and found.endorsements == expected


def test_entries_that_are_not_rsa_signing_keys_are_skipped() -> None:
    assert signing_key({"kid": "k", "kty": "EC"}) is None
    assert signing_key({"kty": "RSA"}) is None
    assert signing_key("not a key") is None


async def test_the_signing_key_must_endorse_the_activitys_channel() -> None:
    key = new_key()
    validator = TokenValidator(APP_ID, "http://127.0.0.1:9/never-fetched")
    validator._keys = {"k": signing_key(jwk(key, "k", ["webchat"]))}  # type: ignore[dict-item]
    validator._fetched_at = time.monotonic()
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": APP_ID, "nbf": now, "exp": now + 600, "serviceurl": "https://smba.example/"}
    bearer = "Bearer " + jwt.encode(claims, key, algorithm="RS256", headers={"kid": "k"})
    assert (await validator.validate(bearer, "https://smba.example/", "webchat"))["aud"] == APP_ID
    with pytest.raises(InvalidToken, match="does not endorse"):
        await validator.validate(bearer, "https://smba.example/", "msteams")
