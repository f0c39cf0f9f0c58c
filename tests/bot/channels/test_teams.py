"""The Teams channel end to end: real token validation against fake Microsoft endpoints."""

from __future__ import annotations

import time
import uuid
from typing import Any

import jwt
import pytest
import requests
from botbuilder.schema import Activity, ChannelAccount, ConversationAccount, Mention

from tests.bot.channels.adaptive_cards import activity_problems
from tests.bot.channels.fake_microsoft import (
    APP_ID,
    APP_TOKEN,
    BOT_ID,
    OTHER_CHANNEL_KEY_ID,
    TENANT,
    UNENDORSED_KEY_ID,
    FakeMicrosoft,
    new_key,
    public_pem,
)
from tests.servers import Assistant

pytestmark = pytest.mark.server


def activity(
    fake: FakeMicrosoft,
    text: str = "when is the LAUSD deadline?",
    *,
    kind: str = "message",
    conversation_type: str = "personal",
    tenant: str = TENANT,
    service_url: str | None = None,
    channel_id: str = "msteams",
    **extra: Any,
) -> dict[str, Any]:
    """An activity shaped by Microsoft's own Bot Framework schema classes."""
    built = Activity(
        type=kind,
        id=f"act-{uuid.uuid4().hex[:8]}",
        channel_id=channel_id,
        service_url=service_url or fake.service_url,
        from_property=ChannelAccount(id=f"29:user-{uuid.uuid4().hex[:6]}", name="Dana Employee", aad_object_id="aad-1"),
        recipient=ChannelAccount(id=BOT_ID, name="helpbot"),
        conversation=ConversationAccount(
            id=f"a:conv-{uuid.uuid4().hex[:10]}", conversation_type=conversation_type, tenant_id=tenant
        ),
        text=text if kind == "message" else None,
        channel_data={"tenant": {"id": tenant}},
        **extra,
    ).serialize()
    return dict(built)


def post(assistant: Assistant, body: Any, token: str | None) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    url = f"http://127.0.0.1:{assistant.rasa_port}/webhooks/teams/webhook"
    if isinstance(body, str):
        return requests.post(url, data=body, headers={**headers, "Content-Type": "application/json"}, timeout=60)
    return requests.post(url, json=body, headers=headers, timeout=60)


def texts(replies: list[dict[str, Any]]) -> str:
    """What the replies' cards say, line by line."""
    parts = []
    for reply in replies:
        parts.append(reply["activity"].get("text") or "")
        for attachment in reply["activity"].get("attachments") or []:
            parts += [b["text"] for b in attachment["content"]["body"] if b["type"] == "TextBlock"]
    return "\n".join(parts)


def answered(fake: FakeMicrosoft, message: dict[str, Any], response: requests.Response) -> list[dict[str, Any]]:
    """The message activities sent for `message` (the webhook answers once every reply is sent)."""
    assert response.status_code == 200, response.text
    replies = fake.wait_for_replies(message["conversation"]["id"], count=2)
    return [r for r in replies if r["activity"]["type"] == "message"]


def test_keys_endpoint_down_gives_503_and_never_reaches_the_bot(
    assistant: Assistant, fake_microsoft: FakeMicrosoft
) -> None:
    """Runs first in this module: the server has not fetched the signing keys yet."""
    fake_microsoft.keys_down = True
    try:
        message = activity(fake_microsoft)
        response = post(assistant, message, fake_microsoft.token())
        assert response.status_code == 503
        assert "Traceback" not in response.text
        time.sleep(1)
        assert fake_microsoft.replies_to(message["conversation"]["id"]) == []
    finally:
        fake_microsoft.keys_down = False


def test_valid_message_is_answered_through_the_connector(assistant: Assistant, fake_microsoft: FakeMicrosoft) -> None:
    message = activity(fake_microsoft)
    response = post(assistant, message, fake_microsoft.token())
    assert response.status_code == 200
    replies = fake_microsoft.wait_for_replies(message["conversation"]["id"], count=2)
    assert replies, "no reply reached the connector"
    assert all(r["reply_to"] == message["id"] for r in replies)
    assert all(r["authorization"] == f"Bearer {APP_TOKEN}" for r in replies)
    assert replies[0]["activity"]["replyToId"] == message["id"]
    assert replies[0]["activity"]["recipient"]["id"] == message["from"]["id"]
    answer = texts(replies)
    assert answer.index("GlobalProtect") < answer.index("December 11, 2025")  # the employee's VPN note first
    token_call = fake_microsoft.token_requests[-1]
    assert token_call["tenant"] == TENANT  # the single-tenant authority
    assert (token_call["grant_type"], token_call["client_id"]) == ("client_credentials", APP_ID)
    assert token_call["scope"] == "https://api.botframework.com/.default"


def _hs256_with_public_key(fake: FakeMicrosoft) -> str:
    import base64
    import json

    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    import hashlib
    import hmac

    now = int(time.time())
    header = part({"alg": "HS256", "typ": "JWT", "kid": "test-signing-key"})
    body = part(
        {
            "iss": "https://api.botframework.com",
            "aud": APP_ID,
            "nbf": now - 10,
            "exp": now + 600,
            "serviceurl": fake.service_url,
        }
    )
    signature = hmac.new(public_pem(fake.key), f"{header}.{body}".encode(), hashlib.sha256).digest()
    return f"{header}.{body}.{base64.urlsafe_b64encode(signature).rstrip(b'=').decode()}"


def _alg_none(fake: FakeMicrosoft) -> str:
    now = int(time.time())
    claims = {
        "iss": "https://api.botframework.com",
        "aud": APP_ID,
        "nbf": now - 10,
        "exp": now + 600,
        "serviceurl": fake.service_url,
    }
    return jwt.encode(claims, key=None, algorithm="none", headers={"kid": "test-signing-key"})


BAD_TOKENS = {
    "wrong audience": lambda f: f.token(aud="someone-elses-bot"),
    "wrong issuer": lambda f: f.token(iss="https://evil.example"),
    "expired": lambda f: f.token(exp=int(time.time()) - 600, nbf=int(time.time()) - 4000),
    "not yet valid": lambda f: f.token(nbf=int(time.time()) + 600),
    "unknown key id": lambda f: f.token(key=new_key(), kid="not-a-microsoft-key"),
    "signed by another key": lambda f: f.token(key=new_key()),
    "alg none": _alg_none,
    "HS256 with the public key": _hs256_with_public_key,
    "serviceUrl mismatch": lambda f: f.token(service_url="https://smba.trafficmanager.net/amer/"),
    "missing header": lambda f: None,
    "garbage": lambda f: "not.a.jwt",
}


@pytest.mark.parametrize("case", list(BAD_TOKENS))
def test_bad_tokens_get_401_and_never_reach_the_bot(
    assistant: Assistant, fake_microsoft: FakeMicrosoft, case: str
) -> None:
    message = activity(fake_microsoft)
    response = post(assistant, message, BAD_TOKENS[case](fake_microsoft))
    assert response.status_code == 401, response.text
    time.sleep(0.5)
    assert fake_microsoft.replies_to(message["conversation"]["id"]) == []


ENDORSEMENT_MISMATCHES = {
    "a key endorsed only for another channel": lambda f: f.token(key=f.other_channel_key, kid=OTHER_CHANNEL_KEY_ID),
    "a key without endorsements": lambda f: f.token(key=f.unendorsed_key, kid=UNENDORSED_KEY_ID),
}


@pytest.mark.parametrize("case", list(ENDORSEMENT_MISMATCHES))
def test_a_token_signed_by_a_published_key_not_endorsed_for_teams_gets_401(
    assistant: Assistant, fake_microsoft: FakeMicrosoft, case: str
) -> None:
    """Microsoft publishes every key; only one that endorses `msteams` may sign a Teams activity."""
    message = activity(fake_microsoft)
    response = post(assistant, message, ENDORSEMENT_MISMATCHES[case](fake_microsoft))
    assert response.status_code == 401, response.text
    time.sleep(0.5)
    assert fake_microsoft.replies_to(message["conversation"]["id"]) == []


def test_another_channels_activity_gets_403_even_with_its_own_endorsed_key(
    assistant: Assistant, fake_microsoft: FakeMicrosoft
) -> None:
    """A Web Chat user writes its own channelData, tenant included: only Teams activities are taken."""
    message = activity(fake_microsoft, channel_id="webchat")
    token = fake_microsoft.token(key=fake_microsoft.other_channel_key, kid=OTHER_CHANNEL_KEY_ID)
    assert post(assistant, message, token).status_code == 403
    time.sleep(0.5)
    assert fake_microsoft.replies_to(message["conversation"]["id"]) == []


def test_a_foreign_tenant_gets_403_and_no_reply_with_the_allow_list_unset(
    assistant: Assistant, fake_microsoft: FakeMicrosoft
) -> None:
    """HELPBOT_TEAMS_ALLOWED_TENANTS is unset here: only HELPBOT_TEAMS_TENANT_ID's activities are answered."""
    assert "HELPBOT_TEAMS_ALLOWED_TENANTS" not in assistant.env
    marker = f"vpn-question-{uuid.uuid4().hex[:8]}"
    message = activity(fake_microsoft, f"do I need the VPN? {marker}", tenant="some-other-tenant")
    response = post(assistant, message, fake_microsoft.token())
    assert response.status_code == 403
    time.sleep(1)
    assert fake_microsoft.replies_to(message["conversation"]["id"]) == []
    logs = (assistant.workdir / "logs" / "rasa.log").read_text(errors="replace")
    assert "tenant 'some-other-tenant' is not allowed" in logs
    assert marker not in logs


def test_malformed_activities_get_400(assistant: Assistant, fake_microsoft: FakeMicrosoft) -> None:
    assert post(assistant, "{not json", fake_microsoft.token()).status_code == 400
    assert post(assistant, ["a", "list"], fake_microsoft.token()).status_code == 400
    assert post(assistant, {"type": "message", "text": "hi"}, fake_microsoft.token()).status_code == 400
    no_channel = {k: v for k, v in activity(fake_microsoft).items() if k != "channelId"}
    assert post(assistant, no_channel, fake_microsoft.token()).status_code == 400


def test_disallowed_service_url_gets_no_token(assistant: Assistant, fake_microsoft: FakeMicrosoft) -> None:
    evil = "https://attacker.example/teams/"
    message = activity(fake_microsoft, service_url=evil)
    calls_before = len(fake_microsoft.token_requests)
    assert post(assistant, message, fake_microsoft.token(service_url=evil)).status_code == 200
    time.sleep(1)
    assert fake_microsoft.replies_to(message["conversation"]["id"]) == []
    assert len(fake_microsoft.token_requests) == calls_before


def test_mention_is_stripped_in_a_group_chat(assistant: Assistant, fake_microsoft: FakeMicrosoft) -> None:
    mention = Mention(mentioned=ChannelAccount(id=BOT_ID, name="helpbot"), text="<at>helpbot</at>", type="mention")
    message = activity(
        fake_microsoft,
        "<at>helpbot</at> what is the Pasadena job number?",
        conversation_type="groupChat",
        entities=[mention],
    )
    assert "26-039" in texts(answered(fake_microsoft, message, post(assistant, message, fake_microsoft.token())))


def test_the_bot_greets_when_added(assistant: Assistant, fake_microsoft: FakeMicrosoft) -> None:
    update = activity(
        fake_microsoft, kind="conversationUpdate", members_added=[ChannelAccount(id=BOT_ID, name="helpbot")]
    )
    welcome = texts(answered(fake_microsoft, update, post(assistant, update, fake_microsoft.token())))
    assert "I answer questions about job postings" in welcome


def test_status_is_refused_politely_in_a_group_chat(assistant: Assistant, fake_microsoft: FakeMicrosoft) -> None:
    message = activity(fake_microsoft, "what's the status of my application?", conversation_type="groupChat")
    reply = texts(answered(fake_microsoft, message, post(assistant, message, fake_microsoft.token())))
    assert "personal chat" in reply
    assert "application ID" not in reply


def test_one_question_gives_a_typing_indicator_then_exactly_one_card(
    assistant: Assistant, fake_microsoft: FakeMicrosoft
) -> None:
    """An employee's deadline question: the VPN note and the deadline in one card, not four posts."""
    message = activity(fake_microsoft, "when is the deadline for the LAUSD job?")
    response = post(assistant, message, fake_microsoft.token())
    sent = [r["activity"] for r in fake_microsoft.replies_to(message["conversation"]["id"])]
    assert [a["type"] for a in sent] == ["typing", "message"]
    assert answered(fake_microsoft, message, response)[0]["activity"] == sent[1]
    card = sent[1]["attachments"][0]["content"]
    assert activity_problems(sent[1]) == []
    lines = [b["text"] for b in card["body"] if b["type"] == "TextBlock"]
    note = next(b for b in card["body"] if b["type"] == "TextBlock")
    assert "GlobalProtect" in note["text"] and note["weight"] == "Bolder" and "\n" not in note["text"]
    assert any("December 11, 2025" in line for line in lines)
    cite = [b for b in card["body"] if b.get("isSubtle")]
    assert [c["text"] for c in cite] == [
        "From the posting: Information about LAUSD; Application filing dates; "
        "Do you need technical assistance with the on-line application?"
    ]
    opens = {a["title"]: a["url"] for a in card["actions"] if a["type"] == "Action.OpenUrl"}
    section = f"{assistant.site}/postings/lausd-accounting-technician-ii#application-filing-dates"
    assert opens["Application filing dates"] == section
    page = requests.get(opens["Application filing dates"].split("#")[0], timeout=10).text
    assert 'id="application-filing-dates"' in page and 'id="information-about-lausd"' in page


@pytest.mark.parametrize(
    "question",
    [
        "what are the duties of the LAUSD accounting technician?",  # a long answer
        "tell me everything in the LAUSD additional posting information section",
        "what can you do?",  # the capabilities list
        "what does the Pasadena job pay?",
        "what supplemental questions does the Pasadena application ask?",
    ],
)
def test_every_card_is_valid_and_within_teams_size_limit(
    assistant: Assistant, fake_microsoft: FakeMicrosoft, question: str
) -> None:
    message = activity(fake_microsoft, question)
    (reply,) = answered(fake_microsoft, message, post(assistant, message, fake_microsoft.token()))
    assert activity_problems(reply["activity"]) == []
    assert reply["activity"]["summary"]


def test_which_posting_choices_are_buttons_that_post_the_choice_back(
    assistant: Assistant, fake_microsoft: FakeMicrosoft
) -> None:
    message = activity(fake_microsoft, "is there a background check?")
    (reply,) = answered(fake_microsoft, message, post(assistant, message, fake_microsoft.token()))
    assert activity_problems(reply["activity"]) == []
    card = reply["activity"]["attachments"][0]["content"]
    buttons = [a for b in card["body"] if b["type"] == "ActionSet" for a in b["actions"]]
    assert {b["title"] for b in buttons} == {
        "Accounting Technician II — Los Angeles Unified School District",
        "Accounting Technician — City of Pasadena, CA",
    }
    pasadena = next(b for b in buttons if "Pasadena" in b["title"])
    assert pasadena["type"] == "Action.Submit"
    assert pasadena["data"]["msteams"] == {
        "type": "messageBack",
        "text": '/select_posting{"posting_id": "pasadena-accounting-technician"}',
        "displayText": "Accounting Technician — City of Pasadena, CA",
    }
    # Teams posts the messageBack's text back in the same conversation, as the user's message.
    click = activity(fake_microsoft, pasadena["data"]["msteams"]["text"])
    click["conversation"] = message["conversation"]
    click["from"] = message["from"]
    before = len(fake_microsoft.replies_to(message["conversation"]["id"]))
    response = post(assistant, click, fake_microsoft.token())
    assert response.status_code == 200
    after = fake_microsoft.wait_for_replies(message["conversation"]["id"], count=before + 2)[before:]
    assert [r["activity"]["type"] for r in after] == ["typing", "message"]
    assert "fingerprinting" in texts(after)  # the pending question, answered for the chosen posting


def test_teams_in_spanish_from_the_message_or_the_locale(assistant: Assistant, fake_microsoft: FakeMicrosoft) -> None:
    """A Spanish client (`locale`) is greeted in Spanish; a Spanish question gets its card in Spanish."""
    update = activity(
        fake_microsoft,
        kind="conversationUpdate",
        members_added=[ChannelAccount(id=BOT_ID, name="helpbot")],
        locale="es-MX",
    )
    welcome = texts(answered(fake_microsoft, update, post(assistant, update, fake_microsoft.token())))
    assert "Respondo preguntas sobre convocatorias de empleo" in welcome
    message = activity(fake_microsoft, "¿hasta cuándo puedo aplicar al trabajo de LAUSD?", locale="en-US")
    card = texts(answered(fake_microsoft, message, post(assistant, message, fake_microsoft.token())))
    assert "¿Aplica desde fuera de la red?" in card  # the employee's VPN note, framed in Spanish
    assert "Periodo de inscripción: November 26, 2025 - December 11, 2025" in card
    assert "De la convocatoria: " in card and "From the posting" not in card
