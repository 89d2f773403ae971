"""The hotline staff console, served by the Rasa server itself at ``/assist``.

Register it in ``bot/credentials.yml`` with ``bot.channels.assist.AssistInput:`` (no settings).
Every API route requires ``Authorization: Bearer <token>`` where the token is ``$ASSIST_TOKEN``;
when that is unset the development token :data:`DEV_TOKEN` is used and a warning is logged
(never run a shared server that way). Routes:

- ``GET  /assist``                           the page (a login form until the API accepts the token)
- ``GET  /assist/static/<file>``             its stylesheet and script (no other host is contacted)
- ``GET  /assist/api/session``               ``{"ok": true, "as_of": "2023-06-01"}``: checks the token
- ``GET  /assist/api/suggest?q=…``           interpretations, suggested answer, cited articles, facts
- ``POST /assist/api/calculate/<name>``      ``eligibility`` / ``subsidy`` / ``enterprise-exit`` /
  ``agency-exit`` with the form's fields as JSON → ``{"answer", "articles"}``
- ``GET  /assist/api/handoffs``              the open handoff queue, newest first (``?all=1`` with
  the handled ones)
- ``POST /assist/api/handoffs/<id>/handled`` mark one handled (404 for an unknown id)

The computing is in :mod:`bot.channels.assist_service`; this module only speaks HTTP.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.assistant.context import answer_context, as_of_date
from bot.assistant.transcript import transcript_until
from bot.channels import assist_service as service
from bot.channels.intake import prepare
from bot.channels.page_assets import (
    add_page_routes,
    api_error,
    api_json,
)
from bot.secrets import read_secret
from bot.server.tracker_store import project_tracker_store
from bot.storage.store import HandoffRecord, conversation_store

logger = logging.getLogger(__name__)

TOKEN_ENV = "ASSIST_TOKEN"
OPERATOR_HEADER = "X-Operator"  # the name given at login, URL-encoded (who handled a handoff)
MAX_NAME = 64
DEV_TOKEN = "pingshan-assist-dev"  # development only: set ASSIST_TOKEN on any shared server
STATIC_DIR = Path(__file__).resolve().parent / "static" / "assist"

ERROR_UNAUTHORIZED = "未授权：请先用坐席令牌登录（请求头 Authorization: Bearer <令牌>）。"
ERROR_BAD_JSON = "请求格式错误：请以 JSON 对象提交表单字段。"
ERROR_NO_CALCULATOR = (
    "没有这个计算器：可用的有 eligibility、subsidy、enterprise-exit、agency-exit。"
)
ERROR_NO_HANDOFF = "没有找到该转人工记录，可能已被删除或编号有误。"
ERROR_NOT_READY = "助手模型尚未加载完成，请稍后再试。"

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
Handler = Callable[..., Coroutine[Any, Any, HTTPResponse]]


def configured_token(environ: dict[str, str] | None = None) -> str:
    """``$ASSIST_TOKEN`` (or the file ``$ASSIST_TOKEN_FILE``), or the development token with a
    warning when it is unset."""
    token = read_secret(TOKEN_ENV, environ)
    if token:
        return token
    logger.warning(
        "%s is not set: the staff console accepts the development token %r. "
        "Set %s to a secret value on any server others can reach.",
        TOKEN_ENV,
        DEV_TOKEN,
        TOKEN_ENV,
    )
    return DEV_TOKEN


def staff_name(request: Request) -> str:
    """The name staff gave at login (``X-Operator``, URL-encoded UTF-8), for the audit log."""
    return unquote(request.headers.get(OPERATOR_HEADER) or "").strip()[:MAX_NAME]


async def log_lookup(agent: Any, request: Request, question: str, parsed: dict[str, Any]) -> None:
    """Count the lookup in the operators' report (channel 「坐席台」); never fails the answer."""
    store = project_tracker_store(agent.tracker_store)
    if store is None:
        return
    intent = (parsed.get("intent") or {}).get("name")
    try:
        await asyncio.to_thread(
            store.log_console_lookup, staff_name(request) or "坐席", prepare(question), intent
        )
    except Exception:  # the report is secondary to the caller waiting on the phone
        logger.exception("the console lookup could not be logged")


def bearer_matches(header: str | None, token: str) -> bool:
    """Whether an ``Authorization`` header carries exactly this bearer token."""
    scheme, _, value = (header or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return False
    return hmac.compare_digest(value.strip().encode("utf-8"), token.encode("utf-8"))


def _unauthorized() -> HTTPResponse:
    reply = api_error(401, ERROR_UNAUTHORIZED)
    reply.headers["WWW-Authenticate"] = 'Bearer realm="assist"'
    return reply


class AssistInput(InputChannel):
    """The staff console: suggestions, calculators and the handoff queue behind a bearer token."""

    @classmethod
    def name(cls) -> str:
        return "assist"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(configured_token())

    def __init__(self, token: str) -> None:
        self.token = token

    def url_prefix(self) -> str:
        return "/assist"

    def _guarded(self, handler: Handler) -> Handler:
        """The handler, answering 401 unless the request carries the bearer token."""

        async def guarded(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            if not bearer_matches(request.headers.get("Authorization"), self.token):
                return _unauthorized()
            return await handler(request, *args, **kwargs)

        guarded.__name__ = handler.__name__
        return guarded

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        assist = Blueprint("assist_console", __name__)

        add_page_routes(assist, STATIC_DIR, "/", "/static")

        async def session(request: Request) -> HTTPResponse:
            return api_json({"ok": True, "as_of": as_of_date().isoformat()})

        async def suggest(request: Request) -> HTTPResponse:
            try:
                question = service.clean_question(request.args.get("q"))
            except service.FieldError as error:
                return api_error(400, str(error))
            agent = getattr(request.app.ctx, "agent", None)
            if agent is None or not agent.is_ready():
                return api_error(503, ERROR_NOT_READY)
            parsed = await agent.parse_message(question)
            await log_lookup(agent, request, question, parsed)
            return api_json(service.suggest(question, parsed, answer_context()))

        async def calculate(request: Request, calculator: str) -> HTTPResponse:
            compute = service.CALCULATORS.get(calculator)
            if compute is None:
                return api_error(404, ERROR_NO_CALCULATOR)
            try:
                data = request.json
            except Exception:  # sanic raises InvalidUsage for a body that is not JSON
                data = None
            if not isinstance(data, dict):
                return api_error(400, ERROR_BAD_JSON)
            try:
                return api_json(compute(data, answer_context()))
            except service.FieldError as error:
                return api_error(400, str(error))

        async def transcript(request: Request, record: HandoffRecord) -> list[dict[str, str]]:
            """What was said up to the handoff, from Rasa's tracker store."""
            agent = getattr(request.app.ctx, "agent", None)
            store = agent.tracker_store if agent else None
            tracker = await store.retrieve_full_tracker(record.sender_id) if store else None
            events = [e.as_dict() for e in tracker.events] if tracker is not None else []
            return transcript_until(events, record.created_at) or record.legacy_transcript

        async def handoffs(request: Request) -> HTTPResponse:
            include_handled = request.args.get("all") in ("1", "true")
            records = await asyncio.to_thread(conversation_store().handoffs, include_handled)
            queue = [service.handoff_json(r, await transcript(request, r)) for r in records]
            return api_json({"handoffs": queue})

        async def handled(request: Request, handoff_id: int) -> HTTPResponse:
            actor = staff_name(request)
            store = conversation_store()
            if not await asyncio.to_thread(store.mark_handled, handoff_id, actor, "staff"):
                return api_error(404, ERROR_NO_HANDOFF)
            return api_json({"id": handoff_id, "handled": True})

        assist.add_route(self._guarded(session), "/api/session", methods=["GET"])
        assist.add_route(self._guarded(suggest), "/api/suggest", methods=["GET"])
        assist.add_route(self._guarded(calculate), "/api/calculate/<calculator>", methods=["POST"])
        assist.add_route(self._guarded(handoffs), "/api/handoffs", methods=["GET"])
        assist.add_route(
            self._guarded(handled), "/api/handoffs/<handoff_id:int>/handled", methods=["POST"]
        )
        return assist
