"""Pieces of the Teams channel: serviceUrl allow-list, mention stripping, the connector's refusal."""

from __future__ import annotations

import pytest

from bot.channels.teams import strip_mentions
from bot.channels.teams_connector import ConnectorClient, ConnectorError, service_url_allowed

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
