"""Microsoft Teams input channel at /webhooks/teams/webhook (replaces Rasa's `botframework`).

Inbound activities are checked before anything reaches the bot: the token (see `teams_auth`),
then that the activity is a Teams one from an allowed tenant. Replies go out asynchronously
through `teams_connector`: a typing indicator first, then each response as one activity holding
an Adaptive Card (`teams_cards`). Starting the server needs no network access.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from base.settings import TeamsSettings, get_settings
from bot.channels.guard import guarded
from bot.channels.one_message import Response, response_of
from bot.channels.teams_auth import InvalidToken, KeysUnavailable, TokenValidator
from bot.channels.teams_cards import card_activity
from bot.channels.teams_connector import ConnectorClient, ConnectorError

logger = logging.getLogger(__name__)

PERSONAL = "personal"
TEAMS_CHANNEL = "msteams"
WELCOME_PAYLOAD = "/ask_capabilities"


def strip_mentions(activity: dict[str, Any]) -> str:
    """The message text without the bot's own @mention (group chats and channels)."""
    text = str(activity.get("text") or "")
    bot_id = (activity.get("recipient") or {}).get("id")
    for entity in activity.get("entities") or []:
        if not isinstance(entity, dict) or entity.get("type") != "mention":
            continue
        mentioned = entity.get("mentioned") or {}
        if mentioned.get("id") == bot_id and entity.get("text"):
            text = text.replace(str(entity["text"]), " ")
    text = re.sub(r"</?at>", " ", text) if bot_id and "<at>" in text else text
    return re.sub(r"\s+", " ", text).strip()


def conversation_type(activity: dict[str, Any]) -> str:
    """`personal`, `groupChat` or `channel`."""
    return str((activity.get("conversation") or {}).get("conversationType") or PERSONAL)


def tenant_of(activity: dict[str, Any]) -> str | None:
    tenant = ((activity.get("channelData") or {}).get("tenant") or {}).get("id")
    return str(tenant) if tenant else None


def is_bot_added(activity: dict[str, Any]) -> bool:
    bot_id = (activity.get("recipient") or {}).get("id")
    added = activity.get("membersAdded") or []
    return activity.get("type") == "conversationUpdate" and any(
        m.get("id") == bot_id for m in added if isinstance(m, dict)
    )


def _well_formed(activity: Any) -> bool:
    if not isinstance(activity, dict):
        return False
    conversation = activity.get("conversation") or {}
    needed = (activity.get("type"), activity.get("channelId"), activity.get("serviceUrl"), conversation.get("id"))
    return all(isinstance(v, str) and v for v in needed) and isinstance(activity.get("from") or {}, dict)


class TeamsOutput(OutputChannel):
    """Replies into the Teams conversation the activity came from: one card activity per response.

    `typing()` starts the typing indicator without waiting for it; replies wait for it to be
    sent, so it never arrives after the answer.
    """

    @classmethod
    def name(cls) -> str:
        return "teams"

    def __init__(self, connector: ConnectorClient, activity: dict[str, Any]) -> None:
        self.connector = connector
        self.activity = activity
        self._typing: asyncio.Task[None] | None = None

    def _envelope(self) -> dict[str, Any]:
        return {
            "from": self.activity.get("recipient"),
            "recipient": self.activity.get("from"),
            "conversation": self.activity.get("conversation"),
            "replyToId": self.activity.get("id"),
        }

    async def _post(self, activity: dict[str, Any]) -> None:
        try:
            await self.connector.reply(
                self.activity["serviceUrl"], self.activity["conversation"]["id"], self.activity.get("id"), activity
            )
        except ConnectorError as exc:
            logger.warning("Teams reply not sent: %s", exc)

    def typing(self) -> None:
        """Show "helpbot is typing" while the bot works on the message."""
        if self._typing is None:
            self._typing = asyncio.ensure_future(self._post({**self._envelope(), "type": "typing"}))

    async def _send(self, response: Response) -> None:
        if self._typing is not None:
            await self._typing
        await self._post(card_activity(response, self._envelope()))

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        await self._send(response_of(message))

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send(Response(text=text.strip()))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self.send_response(recipient_id, {"text": text, "buttons": buttons})


class TeamsInput(InputChannel):
    """Bot Framework activities from Teams, validated, to the bot; replies through the connector."""

    @classmethod
    def name(cls) -> str:
        return "teams"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(get_settings().teams)

    def __init__(self, settings: TeamsSettings) -> None:
        self.settings = settings
        if settings.any_tenant:
            logger.warning("HELPBOT_TEAMS_ALLOWED_TENANTS is '*': activities from every Microsoft tenant are answered")
        self.validator = TokenValidator(settings.app_id, settings.openid_url)
        self.connector = ConnectorClient(
            settings.app_id, settings.app_password, settings.token_url, settings.service_urls
        )

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        teams_webhook = Blueprint("teams_webhook", __name__)

        @teams_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.settings.app_id else "not configured"})

        @teams_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.settings.app_id or not self.settings.tenant_id:
                return response.json({"error": "the Teams channel is not configured"}, status=503)
            try:
                activity = json.loads(request.body or b"")
            except (ValueError, UnicodeDecodeError):
                return response.json({"error": "the body is not JSON"}, status=400)
            if not _well_formed(activity):
                return response.json({"error": "not a Bot Framework activity"}, status=400)
            refused = await self._refusal(activity, request.headers.get("Authorization"))
            if refused is not None:
                return refused
            await self._handle(activity, guarded(on_new_message))
            return response.json({}, status=200)

        return teams_webhook

    async def _refusal(self, activity: dict[str, Any], authorization: str | None) -> HTTPResponse | None:
        """Why this activity may not reach the bot (token 401, not Teams or foreign tenant 403), or None."""
        try:
            await self.validator.validate(authorization, activity["serviceUrl"], activity["channelId"])
        except KeysUnavailable as exc:
            logger.warning("Teams request refused: %s", exc)
            return response.json({"error": "temporarily unavailable"}, status=503)
        except InvalidToken as exc:
            logger.info("Teams request refused: %s", exc)
            return response.json({"error": "unauthorized"}, status=401)
        if activity["channelId"] != TEAMS_CHANNEL:
            logger.warning("Teams activity refused: channel %r is not Teams", activity["channelId"][:32])
            return response.json({"error": "not a Teams activity"}, status=403)
        tenant = tenant_of(activity)
        if not self.settings.tenant_allowed(tenant):
            logger.warning("Teams activity refused: tenant %r is not allowed", (tenant or "")[:64])
            return response.json({"error": "tenant not allowed"}, status=403)
        return None

    async def _handle(self, activity: dict[str, Any], on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        if is_bot_added(activity):
            text = WELCOME_PAYLOAD
        elif activity.get("type") == "message":
            value = activity.get("value")
            text = strip_mentions(activity) or (str(value) if isinstance(value, str) else "")
        else:
            return
        if not text:
            return
        conversation_id = activity["conversation"]["id"]
        user_id = str((activity.get("from") or {}).get("id") or "unknown")
        output = TeamsOutput(self.connector, activity)
        output.typing()
        metadata = {
            "channel": "teams",
            "employee": True,
            "conversation_type": conversation_type(activity),
            "tenant_id": tenant_of(activity),
            "locale": activity.get("locale") if isinstance(activity.get("locale"), str) else None,
        }
        await on_new_message(
            UserMessage(
                text,
                output,
                f"teams:{conversation_id}:{user_id}",
                input_channel=self.name(),
                metadata=metadata,
            )
        )
