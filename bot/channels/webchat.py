"""The website chat page, served by the Rasa server itself at ``/chat``.

Register it in ``bot/credentials.yml`` with ``bot.channels.webchat.WebChatInput:`` (no settings;
articles come from the knowledge base every part of the assistant reads,
:func:`bot.assistant.context.knowledge_base`). Routes:

- ``GET  /chat``                      the page (``static/chat/index.html``)
- ``GET  /chat/static/<file>``        its stylesheet and script (no other host is ever contacted)
- ``POST /chat/api/message``          ``{"sender", "message"}`` → ``{"messages": [...]}``: the bot's
  replies, each text merged with the custom payload (citations, verdict, data) that follows it
- ``GET  /chat/api/articles/<n>``     ``{"number", "label", "title", "full_text"}`` of one article
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.assistant.context import knowledge_base
from bot.channels.intake import MAX_MESSAGE_CHARS, TOO_LONG_TEXT, clean_text, prepare
from bot.channels.page_assets import MIME_TYPES, PAGE_HEADERS, static_asset
from bot.server.arrival import ARRIVAL, arrival_from_header
from bot.server.arrival import HEADER as ARRIVAL_HEADER
from rules_core.citations import article_number_from_label

STATIC_DIR = Path(__file__).resolve().parent / "static" / "chat"
_SENDER_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
ERROR_BAD_JSON = '请求格式错误：请以 JSON 发送 {"sender": "会话编号", "message": "您的问题"}。'
ERROR_NO_MESSAGE = "消息不能为空，请输入您的问题。"
ERROR_LONG_MESSAGE = TOO_LONG_TEXT
ERROR_BAD_SENDER = "缺少有效的会话编号（sender，1–64 个字母、数字、- 或 _），请刷新页面后重试。"
ERROR_NO_ARTICLE = "没有找到该条文：《管理办法》共二十七条（第一条至第二十七条）。"

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def citation_entry(label: str) -> dict[str, Any]:
    """A citation as the page needs it: ``第九条`` → ``{"label": "第九条", "article": 9}``.

    Anything that is not an article label (``政策解读``) has ``"article": None``.
    """
    try:
        number: int | None = article_number_from_label(label)
    except ValueError:
        number = None
    return {"label": label, "article": number}


def merge_bot_messages(messages: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Join each text with the custom payload sent right after it; keep buttons.

    The collector stores ``{"text": …, "buttons": […]}`` and ``{"custom": {…}}`` as separate
    items; the page wants one bubble per answer carrying its ``citations`` and ``verdict``.
    A custom payload with no text before it stays a message of its own.
    """
    merged: list[dict[str, Any]] = []
    for message in messages:
        custom = message.get("custom")
        text = message.get("text")
        if text is None and isinstance(custom, dict):
            previous = merged[-1] if merged else None
            if previous is not None and "text" in previous and "custom" not in previous:
                _attach_custom(previous, custom)
            else:
                merged.append(_attach_custom({}, custom))
            continue
        item: dict[str, Any] = {}
        if text is not None:
            item["text"] = str(text)
        buttons = [
            {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in message.get("buttons") or []
            if isinstance(b, dict)
        ]
        if buttons:
            item["buttons"] = buttons
        if message.get("image"):
            item["image"] = str(message["image"])
        if isinstance(custom, dict):
            _attach_custom(item, custom)
        if item:
            merged.append(item)
    return merged


def _attach_custom(item: dict[str, Any], custom: dict[str, Any]) -> dict[str, Any]:
    item["custom"] = custom
    labels = custom.get("citations") or []
    item["citations"] = [citation_entry(str(label)) for label in labels]
    if custom.get("verdict") is not None:
        item["verdict"] = custom["verdict"]
    return item


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status, ensure_ascii=False)


def parse_message_request(body: bytes) -> tuple[str, str] | tuple[int, str]:
    """``(sender, message)`` from a POST body (the message prepared by
    :func:`bot.channels.intake.prepare`), or ``(status, Chinese error)``: 400, or 413 for a
    message longer than the limit."""
    try:
        data = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        return 400, ERROR_BAD_JSON
    if not isinstance(data, dict):
        return 400, ERROR_BAD_JSON
    message = data.get("message")
    if not isinstance(message, str) or not clean_text(message).strip():
        return 400, ERROR_NO_MESSAGE
    if len(message) > MAX_MESSAGE_CHARS:
        return 413, ERROR_LONG_MESSAGE
    sender = data.get("sender")
    if not isinstance(sender, str) or not _SENDER_PATTERN.fullmatch(sender):
        return 400, ERROR_BAD_SENDER
    return sender, prepare(message)


class WebChatInput(InputChannel):
    """The chat page for enterprise owners, its assets and its JSON API under ``/chat``."""

    @classmethod
    def name(cls) -> str:
        return "webchat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def url_prefix(self) -> str:
        return "/chat"

    def article_json(self, number: int) -> dict[str, Any] | None:
        """``{"number", "label", "title", "full_text"}`` of article ``number``, None if none."""
        try:
            article = knowledge_base().article(number)
        except KeyError:
            return None
        return {
            "number": article.number,
            "label": article.label,
            "title": article.title,
            "full_text": article.full_text,
        }

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webchat = Blueprint("webchat_page", __name__)

        async def page(request: Request) -> HTTPResponse:
            return await response.file(
                STATIC_DIR / "index.html", mime_type=MIME_TYPES["html"], headers=PAGE_HEADERS
            )

        async def static(request: Request, filename: str) -> HTTPResponse:
            asset = static_asset(STATIC_DIR, filename)
            if asset is None:
                return _error(404, "没有这个文件。")
            path, mime_type = asset
            return await response.file(path, mime_type=mime_type, headers=PAGE_HEADERS)

        async def article(request: Request, number: int) -> HTTPResponse:
            found = await asyncio.to_thread(self.article_json, number)
            if found is None:
                return _error(404, ERROR_NO_ARTICLE)
            return response.json(found, ensure_ascii=False)

        async def message(request: Request) -> HTTPResponse:
            parsed = parse_message_request(request.body)
            if isinstance(parsed[0], int):
                return _error(parsed[0], parsed[1])
            sender, text = parsed
            collector = CollectingOutputChannel()
            ARRIVAL.set(arrival_from_header(request.headers.get(ARRIVAL_HEADER)))
            await on_new_message(
                UserMessage(
                    text,
                    collector,
                    sender,
                    input_channel=self.name(),
                    metadata=self.get_metadata(request),
                )
            )
            return response.json(
                {"sender": sender, "messages": merge_bot_messages(collector.messages)},
                ensure_ascii=False,
            )

        webchat.add_route(page, "", methods=["GET"], name="page", strict_slashes=False)
        webchat.add_route(static, "/static/<filename:str>", methods=["GET"], name="static")
        webchat.add_route(article, "/api/articles/<number:int>", methods=["GET"], name="article")
        webchat.add_route(message, "/api/message", methods=["POST"], name="message")
        return webchat
