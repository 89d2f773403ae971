"""The WeChat official account (微信公众号) channel, served by the Rasa server at
``/webhooks/wechat/webhook``.

Register it in ``bot/credentials.yml`` with ``bot.channels.wechat.WeChatInput:`` (no settings
there). Settings come from the environment:

- ``WECHAT_TOKEN``             the Token entered in the account's server configuration
                               (default: the development token ``pingshan-dev-token``, logged
                               as a warning; never use it for a real account);
- ``WECHAT_APP_ID``            the account's AppID (needed for safe mode);
- ``WECHAT_ENCODING_AES_KEY``  the 43-character EncodingAESKey; when set (with the AppID),
                               messages sent in safe mode (``encrypt_type=aes``) are decrypted
                               and answered encrypted; plaintext messages are still accepted;
- ``WECHAT_WEBSITE_URL``       optional address of the web chat, named in shortened answers.

Routes:

- ``GET  /webhooks/wechat/webhook``  URL verification: echoes ``echostr`` when ``signature`` is
  the SHA-1 of the sorted token, ``timestamp`` and ``nonce``; otherwise 403;
- ``POST /webhooks/wechat/webhook``  a message or event; wrong signatures get 403 and are not
  processed. The answer is a passive XML reply within WeChat's 5 seconds: the conversation runs
  under a 4.5 s deadline, after which the user is asked to send the question again (the answer
  keeps being computed and is given for that repeat). WeChat's retries of the same message are
  answered from a bounded cache, never sent to the bot twice. The sender id is the OpenID.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.events import BaseEvent
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.messages import BaseMessage, TextMessage
from wechatpy.replies import TextReply
from wechatpy.utils import check_signature

from bot.channels.wechat_text import (
    ERROR_TEXT,
    PLEASE_WAIT_TEXT,
    TYPED_QUESTION_TEXT,
    RenderedReply,
    render_reply,
    resolve_choice,
    welcome_reply,
)

logger = logging.getLogger(__name__)

DEV_TOKEN = "pingshan-dev-token"
REPLY_DEADLINE_SECONDS = 4.5  # WeChat drops a passive reply after 5 s and retries
CACHE_SIZE = 2048
MAX_BODY_BYTES = 64 * 1024  # a WeChat message is a few hundred bytes
GREET_PAYLOAD = "/greet"
SUBSCRIBE_EVENTS = ("subscribe", "subscribe_scan")

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


# The signature covers only token, timestamp and nonce, so a captured signed URL could be replayed
# with another body; a message whose timestamp is this far from our clock is refused.
MAX_CLOCK_SKEW_SECONDS = 300


def fresh(timestamp: str, now: float | None = None) -> bool:
    """Whether WeChat's ``timestamp`` (seconds) is within :data:`MAX_CLOCK_SKEW_SECONDS` of now."""
    try:
        sent = int(timestamp)
    except ValueError:
        return False
    return abs((time.time() if now is None else now) - sent) <= MAX_CLOCK_SKEW_SECONDS


@dataclass(frozen=True)
class WeChatSettings:
    """Token, AppID and EncodingAESKey of the official account, from the environment."""

    token: str
    app_id: str | None = None
    aes_key: str | None = None
    website_url: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> WeChatSettings:
        """Read ``WECHAT_*``; without ``WECHAT_TOKEN`` the development token is used."""
        return cls(
            token=environ.get("WECHAT_TOKEN", "").strip() or DEV_TOKEN,
            app_id=environ.get("WECHAT_APP_ID", "").strip() or None,
            aes_key=environ.get("WECHAT_ENCODING_AES_KEY", "").strip() or None,
            website_url=environ.get("WECHAT_WEBSITE_URL", "").strip() or None,
        )

    @property
    def uses_development_token(self) -> bool:
        return self.token == DEV_TOKEN

    def crypto(self) -> WeChatCrypto | None:
        """The safe-mode cipher, or ``None`` when no EncodingAESKey is configured."""
        if self.aes_key is None:
            return None
        if len(self.aes_key) != 43:
            raise ValueError("WECHAT_ENCODING_AES_KEY must be the 43-character EncodingAESKey")
        if self.app_id is None:
            raise ValueError("WECHAT_ENCODING_AES_KEY is set: WECHAT_APP_ID is needed as well")
        return WeChatCrypto(self.token, self.aes_key, self.app_id)


class BoundedCache(Generic[K, V]):
    """A small least-recently-used mapping: the oldest entries go once ``size`` is reached."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._size = size
        self._items: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        if key not in self._items:
            return None
        self._items.move_to_end(key)
        return self._items[key]

    def put(self, key: K, value: V) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)

    def pop(self, key: K) -> V | None:
        return self._items.pop(key, None)

    def __len__(self) -> int:
        return len(self._items)


def _message_key(message: BaseMessage) -> str:
    """WeChat's de-duplication key: MsgId for messages, sender + CreateTime for events."""
    if message.id:
        return f"msg:{message.id}"
    return f"event:{message.source}:{message.time}:{getattr(message, 'event', '')}"


class WeChatInput(InputChannel):
    """Answers a WeChat official account's users with passive text replies."""

    @classmethod
    def name(cls) -> str:
        return "wechat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Settings come from the environment; the credentials entry may stay empty."""
        return cls(WeChatSettings.from_env(os.environ))

    def __init__(self, settings: WeChatSettings, deadline: float = REPLY_DEADLINE_SECONDS) -> None:
        self.settings = settings
        self.crypto = settings.crypto()
        self.deadline = deadline
        # MsgId → the task computing its reply text (WeChat retries a message up to 3 times).
        self._replies: BoundedCache[str, asyncio.Task[RenderedReply]] = BoundedCache()
        # (OpenID, text) → a reply still being computed when the deadline passed.
        self._late: BoundedCache[tuple[str, str], asyncio.Task[RenderedReply]] = BoundedCache()
        # OpenID → what the user may type back for the buttons of the last reply.
        self._choices: BoundedCache[str, Mapping[str, str]] = BoundedCache()
        if settings.uses_development_token:
            logger.warning(
                "WECHAT_TOKEN is not set: the WeChat channel uses the development token %r; "
                "set WECHAT_TOKEN (and WECHAT_APP_ID, WECHAT_ENCODING_AES_KEY) for a real "
                "official account.",
                DEV_TOKEN,
            )
        logger.info("WeChat channel ready (safe mode %s)", "on" if self.crypto else "off")

    def url_prefix(self) -> str:
        return "wechat"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = Blueprint("wechat_webhook", __name__)

        @webhook.get("/")
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.get("/webhook")
        async def verify(request: Request) -> HTTPResponse:
            if not self._signed(request):
                return response.text("invalid signature", status=403)
            return response.text(request.args.get("echostr", ""))

        @webhook.post("/webhook")
        async def receive(request: Request) -> HTTPResponse:
            if not self._signed(request) or not fresh(request.args.get("timestamp", "")):
                return response.text("invalid signature", status=403)
            if len(request.body) > MAX_BODY_BYTES:
                return response.text("message too large", status=413)
            safe_mode = request.args.get("encrypt_type", "raw").lower() == "aes"
            try:
                xml = self._plain_xml(request, safe_mode)
            except PermissionError:
                return response.text("invalid message signature", status=403)
            try:
                message = parse_message(xml)
            except Exception:
                logger.warning("WeChat: unreadable message body", exc_info=True)
                return response.text("bad message", status=400)
            if message is None:
                return response.text("bad message", status=400)
            content = await self.reply_text(message, on_new_message)
            if not content:
                return response.text("success")
            reply = TextReply(message=message, content=content).render()
            if safe_mode and self.crypto is not None:
                reply = self.crypto.encrypt_message(
                    reply, request.args.get("nonce", ""), request.args.get("timestamp")
                )
            return response.text(reply, content_type="application/xml; charset=utf-8")

        return webhook

    def _signed(self, request: Request) -> bool:
        """Whether ``signature`` is sha1(sorted(token, timestamp, nonce)), as WeChat signs."""
        try:
            check_signature(
                self.settings.token,
                request.args.get("signature", ""),
                request.args.get("timestamp", ""),
                request.args.get("nonce", ""),
            )
        except InvalidSignatureException:
            logger.warning("WeChat: request with a wrong signature refused")
            return False
        return True

    def _plain_xml(self, request: Request, safe_mode: bool) -> str:
        """The message XML, decrypted in safe mode; ``PermissionError`` when it cannot be trusted."""
        body = request.body.decode("utf-8", "replace")
        if not safe_mode:
            return body
        if self.crypto is None:
            logger.error("WeChat: safe-mode message but WECHAT_ENCODING_AES_KEY is not set")
            raise PermissionError("safe mode not configured")
        try:
            return str(
                self.crypto.decrypt_message(
                    body,
                    request.args.get("msg_signature", ""),
                    request.args.get("timestamp", ""),
                    request.args.get("nonce", ""),
                )
            )
        except (InvalidSignatureException, InvalidAppIdException) as error:
            logger.warning("WeChat: safe-mode message refused (%s)", type(error).__name__)
            raise PermissionError("invalid message signature") from error
        except Exception as error:  # malformed envelope or ciphertext
            logger.warning("WeChat: safe-mode message could not be decrypted", exc_info=True)
            raise PermissionError("undecryptable message") from error

    async def reply_text(self, message: BaseMessage, on_new_message: OnNewMessage) -> str:
        """The reply text for one message, computed once per MsgId, within the deadline."""
        key = _message_key(message)
        task = self._replies.get(key)
        if task is None:
            task = self._start(message, on_new_message)
            self._replies.put(key, task)
        try:
            rendered = await asyncio.wait_for(asyncio.shield(task), self.deadline)
        except asyncio.TimeoutError:
            if isinstance(message, TextMessage):
                self._late.put((message.source, (message.content or "").strip()), task)
                return PLEASE_WAIT_TEXT
            return welcome_reply().text if self._is_subscribe(message) else ""
        return rendered.text

    def _start(
        self, message: BaseMessage, on_new_message: OnNewMessage
    ) -> asyncio.Task[RenderedReply]:
        """A task computing the reply; a repeat of a question still being answered reuses it."""
        if isinstance(message, TextMessage) and (message.content or "").strip():
            text = message.content.strip()
            late = self._late.pop((message.source, text))
            if late is not None:
                return late
            typed = resolve_choice(text, self._choices.get(message.source)) or text
            return asyncio.ensure_future(self._ask(message.source, typed, on_new_message))
        if self._is_subscribe(message):
            return asyncio.ensure_future(self._welcome(message.source, on_new_message))
        if isinstance(message, BaseEvent):  # unsubscribe, menu clicks …: nothing to say
            return asyncio.ensure_future(_constant(RenderedReply(text="")))
        return asyncio.ensure_future(_constant(RenderedReply(text=TYPED_QUESTION_TEXT)))

    @staticmethod
    def _is_subscribe(message: BaseMessage) -> bool:
        return isinstance(message, BaseEvent) and message.event in SUBSCRIBE_EVENTS

    async def _ask(self, openid: str, text: str, on_new_message: OnNewMessage) -> RenderedReply:
        """Send ``text`` to the bot as ``openid`` and render everything it answers."""
        collector = CollectingOutputChannel()
        try:
            await on_new_message(
                UserMessage(text, collector, openid, input_channel=self.name(), metadata={})
            )
        except Exception:
            logger.exception("WeChat: the bot failed to answer %s", openid)
            return RenderedReply(text=ERROR_TEXT)
        rendered = render_reply(collector.messages, website_url=self.settings.website_url)
        self._choices.put(openid, rendered.choices)
        return rendered

    async def _welcome(self, openid: str, on_new_message: OnNewMessage) -> RenderedReply:
        """The bot's greeting with its topics, or the built-in welcome if it has none."""
        rendered = await self._ask(openid, GREET_PAYLOAD, on_new_message)
        if rendered.text and rendered.text != ERROR_TEXT:
            return rendered
        fallback = welcome_reply()
        self._choices.put(openid, fallback.choices)
        return fallback


async def _constant(reply: RenderedReply) -> RenderedReply:
    return reply
