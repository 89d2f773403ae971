"""The REST channel at ``/webhooks/rest/webhook``, strict about what it accepts.

Same request and reply as Rasa's own REST channel (``{"sender": "…", "message": "…"}`` →
``[{"recipient_id", "text", "buttons", "custom"}, …]``), registered in ``bot/credentials.yml``
as ``bot.channels.rest.RestInput:`` in its place, because Rasa's answers a JSON list or a bare
string with 500, a missing, null or numeric ``message`` with 200 ``[]``, and stores a ``sender``
given as a list as the conversation ``['x']``. Here every malformed request gets 400 with a
short JSON error ``{"error": "…"}`` and nothing reaches the assistant; a message longer than
:data:`~bot.channels.intake.MAX_MESSAGE_CHARS` gets 413.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.intake import MAX_MESSAGE_CHARS, clean_text, prepare
from bot.server.arrival import ARRIVAL, arrival_from_header
from bot.server.arrival import HEADER as ARRIVAL_HEADER

# A conversation id: letters, digits and the separators ids are made of (uuid, email, phone).
SENDER = re.compile(r"[A-Za-z0-9_.:@+-]{1,128}")
ERROR_NOT_JSON = 'body must be a JSON object: {"sender": "…", "message": "…"}'
ERROR_SENDER = "sender must be a string of 1-128 letters, digits or . _ : @ + -"
ERROR_MESSAGE = "message must be a non-empty string"
ERROR_TOO_LONG = f"message is longer than {MAX_MESSAGE_CHARS} characters"
ERROR_METADATA = "metadata must be a JSON object"

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class RequestError(ValueError):
    """A request the channel refuses: ``status`` (400 or 413) and a short reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


def parse_request(body: bytes) -> tuple[str, str, dict[str, Any]]:
    """``(sender, message, metadata)`` from a request body, or :class:`RequestError`."""
    try:
        data = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError):
        raise RequestError(400, ERROR_NOT_JSON) from None
    if not isinstance(data, dict):
        raise RequestError(400, ERROR_NOT_JSON)
    sender = data.get("sender")
    if not isinstance(sender, str) or not SENDER.fullmatch(sender):
        raise RequestError(400, ERROR_SENDER)
    message = data.get("message")
    if not isinstance(message, str) or not clean_text(message).strip():
        raise RequestError(400, ERROR_MESSAGE)
    if len(message) > MAX_MESSAGE_CHARS:
        raise RequestError(413, ERROR_TOO_LONG)
    metadata = data.get("metadata", {})
    if not isinstance(metadata, dict):
        raise RequestError(400, ERROR_METADATA)
    return sender, prepare(message), metadata


class RestInput(InputChannel):
    """``POST /webhooks/rest/webhook`` and ``GET /webhooks/rest/`` (health)."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        rest = Blueprint("strict_rest_webhook", __name__)

        @rest.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @rest.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, metadata = parse_request(request.body)
            except RequestError as error:
                return response.json({"error": str(error)}, status=error.status)
            collector = CollectingOutputChannel()
            ARRIVAL.set(arrival_from_header(request.headers.get(ARRIVAL_HEADER)))
            await on_new_message(
                UserMessage(text, collector, sender, input_channel=self.name(), metadata=metadata)
            )
            return response.json(collector.messages)

        return rest
