"""The operators' report, served by the Rasa server at ``/assist/report`` beside the staff console.

Register it in ``bot/credentials.yml`` with ``bot.channels.report.ReportInput:`` (no settings).
Its own role: every API route requires ``Authorization: Bearer $REPORT_TOKEN`` (the bureau's
operators); the hotline staff's ``$ASSIST_TOKEN`` gets 403, no or another token 401. Without
``REPORT_TOKEN`` the development token :data:`DEV_TOKEN` is used and a warning logged. The name
an operator gives at login travels in ``X-Operator`` (URL-encoded UTF-8) and is what the audit
log records: the token says the role, not the person. Routes (dates ``YYYY-MM-DD``, 深圳 days,
default the last 30 days):

- ``GET  /assist/report``                          the page (Chinese; its own files only)
- ``GET  /assist/api/report?from=…&to=…``          every figure as JSON (:mod:`bot.report.queries`)
- ``GET  /assist/api/report/chart/<name>.svg``     ``usage`` / ``outcomes`` / ``feedback`` (SVG)
- ``GET  /assist/api/report/csv/<table>``          one table as CSV (:mod:`bot.report.tables`)
- ``GET  /assist/api/report/transcript?sender=…``  one conversation, from the tracker store
- ``GET  /assist/api/report/intents``              what a message can be labelled as
- ``POST /assist/api/report/labels``               ``{sender_id, message_id, text, intent}``
- ``GET  /assist/api/report/review-export``        the labels as Rasa NLU YAML (as ``make
  review-export`` writes them)
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.assistant.context import knowledge_base
from bot.assistant.intent_titles import OUT_OF_SCOPE, intent_title
from bot.assistant.transcript import transcript_until
from bot.channels.assist import bearer_matches, staff_name
from bot.channels.assist import configured_token as configured_staff_token
from bot.channels.page_assets import (
    API_HEADERS,
    add_page_routes,
    api_error,
    api_json,
)
from bot.report import charts, tables
from bot.report.message_log import SHENZHEN
from bot.report.queries import Period, RangeError, build_report
from bot.report.review_export import nlu_yaml
from bot.secrets import read_secret
from bot.server.tracker_store import project_tracker_store
from bot.storage.store import UNNAMED, conversation_store, utc_now
from kb.analyzer import load_analyzer

logger = logging.getLogger(__name__)

TOKEN_ENV = "REPORT_TOKEN"
DEV_TOKEN = "pingshan-report-dev"  # development only: set REPORT_TOKEN on any shared server
STATIC_DIR = Path(__file__).resolve().parent / "static" / "report"
MAX_LABEL_TEXT = 1000
REUSE_SECONDS = 10.0  # how old a computed report a chart may draw from

ERROR_UNAUTHORIZED = "未授权：请用运营令牌登录（请求头 Authorization: Bearer <令牌>）。"
ERROR_FORBIDDEN = "坐席令牌不能查看运营报表，请使用运营令牌（REPORT_TOKEN）。"
ERROR_NO_TABLE = "没有这个表格。"
ERROR_NO_CHART = "没有这个图表：可用的有 usage、outcomes、feedback。"
ERROR_BAD_LABEL = "标注格式错误：需要 sender_id、text 和 intent（意图名称或 out_of_scope）。"
ERROR_NO_SENDER = "缺少会话编号（sender）。"
ERROR_NO_TRACKER_STORE = "报表需要项目的对话存储（bot.server.tracker_store），当前配置不是。"

Handler = Callable[..., Coroutine[Any, Any, HTTPResponse]]
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def configured_token(environ: dict[str, str] | None = None) -> str:
    """``$REPORT_TOKEN`` (or ``$REPORT_TOKEN_FILE``), or the development token with a warning."""
    token = read_secret(TOKEN_ENV, environ)
    if token:
        return token
    logger.warning(
        "%s is not set: the report accepts the development token %r. Set %s on any server "
        "others can reach.",
        TOKEN_ENV,
        DEV_TOKEN,
        TOKEN_ENV,
    )
    return DEV_TOKEN


def operator_name(request: Request) -> str:
    """The name the operator gave at login (``X-Operator``, URL-encoded), or 「（未署名）」."""
    return staff_name(request) or UNNAMED


@lru_cache(maxsize=1)
def _words() -> Callable[[str], list[str]]:
    """The knowledge base's analyzer, for grouping similar questions."""
    return load_analyzer().tokens


def label_choices() -> list[dict[str, str]]:
    """Every intent a message can be labelled as (the domain's questions), then 「不在范围」."""
    kb = knowledge_base()
    intents = sorted({e.intent for e in kb.faqs() if e.intent} | _CHECK_INTENTS)
    choices = [{"intent": i, "title": intent_title(i, kb)} for i in intents if i != OUT_OF_SCOPE]
    return [*choices, {"intent": OUT_OF_SCOPE, "title": "不在范围（与托管服务无关）"}]


# questions answered by a check rather than by an FAQ entry (their titles come from it too)
_CHECK_INTENTS = frozenset({"calculate_subsidy", "check_agency_exit", "check_agency_qualification"})


class ReportInput(InputChannel):
    """The operators' report and improvement loop, behind the operator token."""

    @classmethod
    def name(cls) -> str:
        return "report"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(configured_token(), configured_staff_token())

    def __init__(self, token: str, staff_token: str) -> None:
        self.token = token
        self.staff_token = staff_token

    def url_prefix(self) -> str:
        return "/assist"

    def _guarded(self, handler: Handler) -> Handler:
        """The handler, for the operator token only: 403 for the staff token, 401 otherwise."""

        async def guarded(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            header = request.headers.get("Authorization")
            if bearer_matches(header, self.token):
                return await handler(request, *args, **kwargs)
            if bearer_matches(header, self.staff_token):
                return api_error(403, ERROR_FORBIDDEN)
            reply = api_error(401, ERROR_UNAUTHORIZED)
            reply.headers["WWW-Authenticate"] = 'Bearer realm="report"'
            return reply

        guarded.__name__ = handler.__name__
        return guarded

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        report = Blueprint("assist_report", __name__)

        def tracker_store(request: Request) -> Any:
            agent = getattr(request.app.ctx, "agent", None)
            return agent.tracker_store if agent is not None else None

        # The page loads the report, then its three charts: those reuse the report just
        # computed for the same range (a few seconds old at most) instead of computing it again.
        recent: dict[Period, tuple[float, dict[str, Any]]] = {}

        async def computed(request: Request, reuse: bool = False) -> dict[str, Any]:
            period = Period.parse(request.args.get("from"), request.args.get("to"), as_of_today())
            kept = recent.get(period)
            if reuse and kept is not None and time.monotonic() - kept[0] < REUSE_SECONDS:
                return kept[1]
            store = project_tracker_store(tracker_store(request))
            if store is None:
                raise RangeError(ERROR_NO_TRACKER_STORE)
            data = await asyncio.to_thread(
                build_report, store.engine, conversation_store(), period, knowledge_base(), _words()
            )
            recent.clear()
            recent[period] = (time.monotonic(), data)
            return data

        add_page_routes(report, STATIC_DIR, "/report", "/report/static")

        async def session(request: Request) -> HTTPResponse:
            return api_json({"ok": True, "role": "operator", "operator": operator_name(request)})

        async def whole(request: Request) -> HTTPResponse:
            try:
                return api_json(await computed(request))
            except RangeError as error:
                return api_error(400, str(error))

        async def chart(request: Request, filename: str) -> HTTPResponse:
            draw = charts.CHARTS.get(filename.removesuffix(".svg"))
            if draw is None:
                return api_error(404, ERROR_NO_CHART)
            try:
                data = await computed(request, reuse=True)
            except RangeError as error:
                return api_error(400, str(error))
            return response.text(
                draw(data), content_type="image/svg+xml; charset=utf-8", headers=API_HEADERS
            )

        async def csv(request: Request, table: str) -> HTTPResponse:
            if table not in tables.TABLES:
                return api_error(404, ERROR_NO_TABLE)
            try:
                data = await computed(request)
            except RangeError as error:
                return api_error(400, str(error))
            name = f"report-{table}-{data['from']}-{data['to']}.csv"
            return response.text(
                tables.to_csv(data, table),
                content_type="text/csv; charset=utf-8",
                headers={**API_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'},
            )

        async def transcript(request: Request) -> HTTPResponse:
            sender = (request.args.get("sender") or "").strip()
            if not sender:
                return api_error(400, ERROR_NO_SENDER)
            store = tracker_store(request)
            tracker = await store.retrieve_full_tracker(sender) if store else None
            events = [e.as_dict() for e in tracker.events] if tracker is not None else []
            return api_json({"sender_id": sender, "transcript": transcript_until(events, None)})

        async def intents(request: Request) -> HTTPResponse:
            return api_json({"intents": label_choices()})

        async def label(request: Request) -> HTTPResponse:
            data = request.json if request.body else None
            choices = {c["intent"] for c in label_choices()}
            if (
                not isinstance(data, dict)
                or not str(data.get("sender_id") or "").strip()
                or not str(data.get("text") or "").strip()
                or data.get("intent") not in choices
            ):
                return api_error(400, ERROR_BAD_LABEL)
            label_id = await asyncio.to_thread(
                conversation_store().record_label,
                str(data["sender_id"])[:128],
                str(data.get("message_id") or "")[:64] or None,
                str(data["text"])[:MAX_LABEL_TEXT],
                str(data["intent"]),
                operator_name(request),
            )
            return api_json({"id": label_id, "intent": data["intent"]})

        async def review_export(request: Request) -> HTTPResponse:
            labels = await asyncio.to_thread(conversation_store().labels)
            return response.text(
                nlu_yaml(labels, utc_now()),
                content_type="application/x-yaml; charset=utf-8",
                headers={
                    **API_HEADERS,
                    "Content-Disposition": 'attachment; filename="labelled_nlu.yml"',
                },
            )

        routes: list[tuple[Handler, str, str]] = [
            (session, "/api/report/session", "GET"),
            (whole, "/api/report", "GET"),
            (chart, "/api/report/chart/<filename>", "GET"),
            (csv, "/api/report/csv/<table>", "GET"),
            (transcript, "/api/report/transcript", "GET"),
            (intents, "/api/report/intents", "GET"),
            (label, "/api/report/labels", "POST"),
            (review_export, "/api/report/review-export", "GET"),
        ]
        for handler, path, method in routes:
            report.add_route(self._guarded(handler), path, methods=[method])
        return report


def as_of_today() -> dt.date:
    """The report's default last day: today in 深圳 (the conversations' own dates; the
    assistant's policy date ``TUOGUAN_AS_OF`` plays no part)."""
    return dt.datetime.now(SHENZHEN).date()
