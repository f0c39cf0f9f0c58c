"""Property: any message through the running server gets a reply, never a 500 or a traceback."""

from __future__ import annotations

import uuid

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.servers import Assistant

pytestmark = pytest.mark.server

PAGES = st.sampled_from([None, "lausd-accounting-technician-ii", "pasadena-accounting-technician", "no-such-page"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), page=PAGES)
def test_any_message_gets_a_reply(assistant: Assistant, text: str, page: str | None) -> None:
    body: dict[str, object] = {"sender": f"prop-{uuid.uuid4().hex[:10]}", "message": text}
    if page:
        body["metadata"] = {"posting_id": page}
    response = requests.post(assistant.webhook, json=body, timeout=60)
    assert response.status_code == 200
    replies = response.json()
    assert replies and all(r.get("text") or r.get("buttons") for r in replies)
    assert not any("Traceback" in (r.get("text") or "") for r in replies)
