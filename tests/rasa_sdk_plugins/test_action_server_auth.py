"""The running action server demands the shared secret and never echoes requests or errors."""

from __future__ import annotations

import pytest
import requests

from rasa_sdk_plugins import authorised
from tests.servers import Assistant

pytestmark = pytest.mark.server

CALL = {
    "next_action": "action_capabilities",
    "sender_id": "auth-test",
    "tracker": {"sender_id": "auth-test", "slots": {}, "latest_message": {"text": "help", "intent": {}},
                "events": [], "paused": False, "followup_action": None, "active_loop": {},
                "latest_action_name": "action_listen"},
    "domain": {},
    "version": "3.6.2",
}  # fmt: skip


def url(assistant: Assistant, path: str) -> str:
    return f"http://127.0.0.1:{assistant.action_port}{path}"


@pytest.mark.parametrize("header", [None, "Bearer wrong-secret", "wrong-scheme secret", "Bearer "])
def test_requests_without_the_secret_get_401(assistant: Assistant, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    for path in ("/webhook", "/actions"):
        response = (
            requests.post(url(assistant, path), json=CALL, headers=headers, timeout=10)
            if path == "/webhook"
            else requests.get(url(assistant, path), headers=headers, timeout=10)
        )
        assert response.status_code == 401
        assert "tracker" not in response.text


def test_the_secret_opens_the_webhook_and_health_stays_open(assistant: Assistant) -> None:
    secret = assistant.env["HELPBOT_ACTION_SECRET"]
    response = requests.post(
        url(assistant, "/webhook"), json=CALL, headers={"Authorization": f"Bearer {secret}"}, timeout=10
    )
    assert response.status_code == 200
    assert response.json()["responses"]
    assert requests.get(url(assistant, "/health"), timeout=10).status_code == 200


def test_errors_never_return_the_request_or_the_exception(assistant: Assistant) -> None:
    secret = assistant.env["HELPBOT_ACTION_SECRET"]
    broken = {**CALL, "tracker": "not-a-tracker-SECRET-SLOT-VALUE"}
    response = requests.post(
        url(assistant, "/webhook"), json=broken, headers={"Authorization": f"Bearer {secret}"}, timeout=10
    )
    assert response.status_code >= 400
    assert "SECRET-SLOT-VALUE" not in response.text and "request_body" not in response.text
    assert "Traceback" not in response.text


def test_secret_comparison() -> None:
    assert authorised("Bearer s3cret", "s3cret")
    assert not authorised("Bearer s3cret2", "s3cret")
    assert not authorised("s3cret", "s3cret")
    assert not authorised(None, "s3cret")
