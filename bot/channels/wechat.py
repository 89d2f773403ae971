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
- ``WECHAT_WEBSITE_URL``       optional address of the web chat, named in shortened answers;
- ``WECHAT_APP_SECRET``        optional AppSecret: a late answer is then sent with the
                               customer-service message API (bot/channels/wechat_api.py);
- ``WECHAT_REPLY_DEADLINE``    seconds a passive reply may take (default 4.0: WeChat drops it
                               after 5 s, and time passes before a busy server reads the request);
- ``REDIS_URL``                the state shared by every instance (bot/channels/wechat_state.py).

Routes:

- ``GET  /webhooks/wechat/webhook``  URL verification: echoes ``echostr`` when ``signature`` is
  the SHA-1 of the sorted token, ``timestamp`` and ``nonce``; otherwise 403;
- ``POST /webhooks/wechat/webhook``  a message or event; wrong signatures get 403 and are not
  processed. The answer is a passive XML reply within WeChat's 5 seconds. When the assistant
  needs longer, the answer keeps being computed: with an AppSecret it is sent with the
  customer-service API (the passive reply is empty), without one the user is asked to send the
  question again and gets it then. WeChat's retries of a message (same sender and MsgId, on any
  instance) wait for the first attempt's answer and are never sent to the assistant twice.
  Characters XML forbids are dropped before parsing; a message that still cannot be read, or
  has no MsgType, is answered ``success`` (WeChat shows nothing) rather than an error, which
  WeChat would show as 「该公众号提供的服务出现故障」. The sender id is the OpenID.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

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

from bot.channels.intake import MAX_MESSAGE_CHARS, TOO_LONG_TEXT, clean_text, prepare
from bot.channels.wechat_api import CustomerService
from bot.channels.wechat_state import ReplyState, reply_state
from bot.channels.wechat_text import (
    ERROR_TEXT,
    PLEASE_WAIT_TEXT,
    TYPED_QUESTION_TEXT,
    RenderedReply,
    render_reply,
    resolve_choice,
    welcome_reply,
)
from bot.secrets import read_secret
from bot.server.arrival import ARRIVAL, arrival_from_header
from bot.server.arrival import HEADER as ARRIVAL_HEADER

logger = logging.getLogger(__name__)

DEV_TOKEN = "pingshan-dev-token"
REPLY_DEADLINE_SECONDS = 4.0  # WeChat drops a passive reply after 5 s and retries
RETRY_POLL_SECONDS = 0.05
MAX_BODY_BYTES = 64 * 1024  # a WeChat message is a few hundred bytes
GREET_PAYLOAD = "/greet"
SUBSCRIBE_EVENTS = ("subscribe", "subscribe_scan")

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


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
    app_secret: str | None = None
    api_base: str | None = None
    deadline: float = REPLY_DEADLINE_SECONDS
    redis_url: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> WeChatSettings:
        """Read ``WECHAT_*`` (secrets also from ``NAME_FILE``, bot/secrets.py); without
        ``WECHAT_TOKEN`` the development token is used."""
        return cls(
            token=read_secret("WECHAT_TOKEN", environ) or DEV_TOKEN,
            app_id=environ.get("WECHAT_APP_ID", "").strip() or None,
            aes_key=read_secret("WECHAT_ENCODING_AES_KEY", environ),
            website_url=environ.get("WECHAT_WEBSITE_URL", "").strip() or None,
            app_secret=read_secret("WECHAT_APP_SECRET", environ),
            api_base=environ.get("WECHAT_API_BASE", "").strip() or None,
            deadline=float(environ.get("WECHAT_REPLY_DEADLINE", "") or REPLY_DEADLINE_SECONDS),
            redis_url=read_secret("REDIS_URL", environ),
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


def message_key(message: BaseMessage) -> str:
    """WeChat's de-duplication key: (FromUserName, MsgId) for messages, (FromUserName,
    CreateTime, Event) for events. MsgId alone is not unique across followers: keyed on it,
    a second follower whose message carried an earlier follower's MsgId got that follower's
    answer."""
    if message.id:
        return f"msg:{message.source}:{message.id}"
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

    def __init__(self, settings: WeChatSettings) -> None:
        self.settings = settings
        self.crypto = settings.crypto()
        self.deadline = settings.deadline
        self.state: ReplyState = reply_state(settings.redis_url)
        self.customer_service = (
            CustomerService(
                settings.app_id, settings.app_secret, settings.api_base, settings.redis_url
            )
            if settings.app_id and settings.app_secret
            else None
        )
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
            arrived = time.monotonic()
            ARRIVAL.set(arrival_from_header(request.headers.get(ARRIVAL_HEADER)))
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
                message = parse_message(clean_text(xml))
            except Exception:  # not XML, or no MsgType (wechatpy raises KeyError)
                logger.warning("WeChat: unreadable message answered with success", exc_info=True)
                return response.text("success")
            if message is None:
                return response.text("success")
            content = await self.reply_text(message, on_new_message, arrived + self.deadline)
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

    async def reply_text(
        self, message: BaseMessage, on_new_message: OnNewMessage, deadline: float
    ) -> str:
        """The passive reply's text for one message, by ``deadline`` (``time.monotonic()``).

        The first attempt at a message computes the answer; a retry of it, here or on another
        instance, waits for that answer. An answer not ready by the deadline is delivered late.
        """
        key = message_key(message)
        try:
            first = await self.state.claim(key)
        except Exception:  # Redis unreachable: answer anyway, only de-duplication is lost
            logger.exception("WeChat: shared state unavailable; answering %s without it", key)
            first = True
        if first:
            task = asyncio.ensure_future(self._answer(key, message, on_new_message))
            try:
                rendered = await asyncio.wait_for(asyncio.shield(task), self._left(deadline))
                return rendered.text
            except asyncio.TimeoutError:
                return await self._late(key, message)
        while time.monotonic() < deadline:  # a retry: the first attempt's answer when it comes
            text = await self.state.reply(key)
            if text is not None:
                return text
            await asyncio.sleep(RETRY_POLL_SECONDS)
        return await self._late(key, message)

    @staticmethod
    def _left(deadline: float) -> float:
        return max(0.0, deadline - time.monotonic())

    async def _late(self, key: str, message: BaseMessage) -> str:
        """The passive reply when the answer is not ready: nothing (it will be sent with the
        customer-service API) or 「正在查询，请稍后再发一次您的问题」 (it is kept for the repeat)."""
        await self.state.mark_late(key)
        ready = await self.state.reply(key)  # finished while the deadline passed
        if ready is not None:
            return ready
        if self._is_subscribe(message):
            return welcome_reply().text
        if not isinstance(message, TextMessage):
            return ""
        return "" if self.customer_service is not None else PLEASE_WAIT_TEXT

    async def _answer(
        self, key: str, message: BaseMessage, on_new_message: OnNewMessage
    ) -> RenderedReply:
        """Compute the reply, record it for retries, and deliver it late if it came too late."""
        rendered = await self._compute(message, on_new_message)
        try:
            await self.state.finish(key, rendered.text)
            if rendered.text and await self.state.is_late(key):
                await self._deliver_late(message, rendered.text)
        except Exception:
            logger.exception("WeChat: the reply to %s could not be recorded", key)
        return rendered

    async def _deliver_late(self, message: BaseMessage, text: str) -> None:
        if self.customer_service is not None:
            await self.customer_service.send_text(message.source, text)
        elif isinstance(message, TextMessage):
            await self.state.put_late(message.source, _question(message), text)

    async def _compute(self, message: BaseMessage, on_new_message: OnNewMessage) -> RenderedReply:
        """The reply to one message; a repeat of a question answered late gets that answer."""
        if isinstance(message, TextMessage) and _question(message):
            text = _question(message)
            if len(text) > MAX_MESSAGE_CHARS:
                return RenderedReply(text=TOO_LONG_TEXT)
            late = await self.state.take_late(message.source, text)
            if late is not None:
                return RenderedReply(text=late)
            typed = resolve_choice(text, await self.state.choices(message.source)) or text
            return await self._ask(message.source, prepare(typed), on_new_message)
        if self._is_subscribe(message):
            return await self._welcome(message.source, on_new_message)
        if isinstance(message, BaseEvent):  # unsubscribe, menu clicks …: nothing to say
            return RenderedReply(text="")
        return RenderedReply(text=TYPED_QUESTION_TEXT)

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
        await self.state.put_choices(openid, rendered.choices)
        return rendered

    async def _welcome(self, openid: str, on_new_message: OnNewMessage) -> RenderedReply:
        """The bot's greeting with its topics, or the built-in welcome if it has none."""
        rendered = await self._ask(openid, GREET_PAYLOAD, on_new_message)
        if rendered.text and rendered.text != ERROR_TEXT:
            return rendered
        fallback = welcome_reply()
        await self.state.put_choices(openid, fallback.choices)
        return fallback


def _question(message: TextMessage) -> str:
    """The typed text, without the characters no text may hold."""
    return clean_text(message.content or "").strip()
