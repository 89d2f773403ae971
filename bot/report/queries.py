"""The operators' report for a date range, from the tracker store and the project's store.

Every figure is computed with SQLAlchemy Core (so the embedded SQLite default and PostgreSQL give
the same numbers) over ``message_log`` (one row per user message, :mod:`bot.report.message_log`)
and the store's ``feedback``, ``handoffs``, ``labels`` and ``audit_log``. Days are 深圳 calendar
days (UTC+8), both ends included. Texts are as stored: phone numbers and ID numbers were masked
when the message arrived (bot/channels/intake.py) and stay masked here.

:func:`build_report` returns one JSON-ready dict (``GET /assist/api/report``); the section
functions are its parts, also used by the CSV export (:mod:`bot.report.tables`).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from bot.assistant.intent_titles import intent_title
from bot.report.grouping import group_similar
from bot.report.message_log import OUTCOMES, SHENZHEN, UNANSWERED, ensure_table, message_log
from bot.storage.store import ConversationStore
from kb.repository import KnowledgeBase

MAX_RANGE_DAYS = 366
CHANNEL_NAMES = {"web": "网页", "wechat": "微信公众号", "rest": "REST接口", "console": "坐席台"}
OUTCOME_NAMES = {
    "check": "核对结论",
    "curated": "政策答复",
    "clarification": "请用户选择话题",
    "search": "检索原文兜底",
    "handoff": "转人工",
    "out_of_scope": "超出范围",
    "form": "追问情况",
    "other": "其他（寒暄、反馈等）",
}
# Messages that are no question to the service (a greeting, a yes, feedback) are not topics
NOT_QUESTIONS = frozenset(
    {
        "greet",
        "goodbye",
        "thanks",
        "affirm",
        "deny",
        "dont_know",
        "feedback_helpful",
        "feedback_unhelpful",
        "stop_form",
        "inform",
    }
)
ERROR_BAD_DATE = "日期格式应为 YYYY-MM-DD，例如 2023-06-01。"
ERROR_RANGE = f"开始日期不能晚于结束日期，且范围不超过 {MAX_RANGE_DAYS} 天。"


class RangeError(ValueError):
    """A date range the report cannot take; the message is for the operator."""


@dataclass(frozen=True)
class Period:
    """深圳 calendar days ``first`` … ``last``, both included."""

    first: dt.date
    last: dt.date

    @classmethod
    def parse(cls, first: str | None, last: str | None, today: dt.date) -> Period:
        """``?from=…&to=…`` (ISO dates; default: the 30 days up to ``today``) → a Period;
        :class:`RangeError` with a message for the operator otherwise."""
        try:
            end = dt.date.fromisoformat(last) if last else today
            start = dt.date.fromisoformat(first) if first else end - dt.timedelta(days=29)
        except ValueError as error:
            raise RangeError(ERROR_BAD_DATE) from error
        if start > end or (end - start).days >= MAX_RANGE_DAYS:
            raise RangeError(ERROR_RANGE)
        return cls(start, end)

    def utc_bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """[start, end) in UTC (naive, as the store keeps times)."""

        def utc(day: dt.date) -> dt.datetime:
            local = dt.datetime.combine(day, dt.time(), tzinfo=SHENZHEN)
            return local.astimezone(dt.timezone.utc).replace(tzinfo=None)

        return utc(self.first), utc(self.last + dt.timedelta(days=1))

    def contains(self, at_utc: dt.datetime) -> bool:
        start, end = self.utc_bounds()
        return start <= at_utc < end

    def days(self) -> list[str]:
        return [
            (self.first + dt.timedelta(days=n)).isoformat()
            for n in range((self.last - self.first).days + 1)
        ]


def _in_period(period: Period) -> Any:
    return message_log.c.day.between(period.first.isoformat(), period.last.isoformat())


def usage(engine: sa.engine.Engine, period: Period) -> dict[str, Any]:
    """Conversations (sessions started), messages and unique users per day and channel, and per
    channel over the whole range (a user counted once however many days they came back)."""
    new = sa.func.sum(sa.case((message_log.c.new_session, 1), else_=0))
    users = sa.func.count(sa.distinct(message_log.c.sender_id))
    with engine.connect() as connection:
        daily = connection.execute(
            sa.select(
                message_log.c.day,
                message_log.c.channel,
                new.label("conversations"),
                sa.func.count().label("messages"),
                users.label("users"),
            )
            .where(_in_period(period))
            .group_by(message_log.c.day, message_log.c.channel)
            .order_by(message_log.c.day, message_log.c.channel)
        ).all()
        channels = connection.execute(
            sa.select(
                message_log.c.channel,
                new.label("conversations"),
                sa.func.count().label("messages"),
                users.label("users"),
            )
            .where(_in_period(period))
            .group_by(message_log.c.channel)
            .order_by(message_log.c.channel)
        ).all()
        total_users = connection.execute(sa.select(users).where(_in_period(period))).scalar_one()
    rows = [
        {
            "day": r.day,
            "channel": r.channel,
            "channel_name": CHANNEL_NAMES.get(r.channel, r.channel),
            "conversations": int(r.conversations or 0),
            "messages": int(r.messages),
            "users": int(r.users),
        }
        for r in daily
    ]
    per_channel = [
        {
            "channel": r.channel,
            "channel_name": CHANNEL_NAMES.get(r.channel, r.channel),
            "conversations": int(r.conversations or 0),
            "messages": int(r.messages),
            "users": int(r.users),
        }
        for r in channels
    ]
    return {
        "daily": rows,
        "channels": per_channel,
        "totals": {
            "conversations": sum(c["conversations"] for c in per_channel),
            "messages": sum(c["messages"] for c in per_channel),
            "users": int(total_users or 0),
        },
    }


def topics(engine: sa.engine.Engine, period: Period, kb: KnowledgeBase) -> list[dict[str, Any]]:
    """Questions by topic (the intent they were understood as), most asked first, with how many
    were answered by a check, a curated answer, the search fallback, a handoff, …, and shares."""
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(message_log.c.intent, message_log.c.outcome, sa.func.count().label("n"))
            .where(_in_period(period), message_log.c.channel != "console")
            .group_by(message_log.c.intent, message_log.c.outcome)
        ).all()
    by_intent: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(OUTCOMES, 0))
    for r in rows:
        intent = r.intent or "nlu_fallback"
        if intent in NOT_QUESTIONS or intent.startswith("/"):
            continue
        by_intent[intent][r.outcome if r.outcome in OUTCOMES else "other"] += int(r.n)
    result = []
    for intent, counts in by_intent.items():
        total = sum(counts.values())
        result.append(
            {
                "intent": intent,
                "title": intent_title(intent, kb),
                "questions": total,
                **counts,
                "shares": {k: round(v / total, 4) if total else 0.0 for k, v in counts.items()},
            }
        )
    return sorted(result, key=lambda t: (-int(t["questions"]), str(t["intent"])))


def unanswered(
    engine: sa.engine.Engine,
    period: Period,
    words_of: Callable[[str], Iterable[str]],
    limit: int = 200,
) -> dict[str, Any]:
    """Every message that ended in the two-topic clarification, the search fallback or a
    handoff, grouped by similarity (:mod:`bot.report.grouping`): count and latest examples."""
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(
                message_log.c.id,
                message_log.c.sender_id,
                message_log.c.message_id,
                message_log.c.at,
                message_log.c.channel,
                message_log.c.intent,
                message_log.c.outcome,
                message_log.c.text,
            )
            .where(_in_period(period), message_log.c.outcome.in_(UNANSWERED))
            .order_by(message_log.c.at.desc(), message_log.c.id.desc())
        ).all()
    messages = [
        {
            "id": r.id,
            "sender_id": r.sender_id,
            "message_id": r.message_id,
            "at": _iso(r.at),
            "channel": r.channel,
            "intent": r.intent,
            "outcome": r.outcome,
            "text": r.text,
        }
        for r in rows
        if not str(r.text).startswith("/")  # a button's payload is no question in words
    ]
    groups = group_similar(messages, words_of)
    return {
        "messages": len(messages),
        "groups": [
            {
                "text": g.leader["text"],
                "count": g.count,
                "outcomes": dict(g.outcomes),
                "latest": g.latest,
            }
            for g in groups[:limit]
        ],
        "group_count": len(groups),
    }


def feedback(store: ConversationStore, period: Period, kb: KnowledgeBase) -> dict[str, Any]:
    """已解决 / 未解决 per topic and per cited article, with the unhelpful ones listed."""
    start, end = period.utc_bounds()
    rows = [r for r in store.feedback() if start <= r["created_at"] < end]
    per_intent: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_article: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        slot = 0 if r["helpful"] else 1
        per_intent[r["intent"]][slot] += 1
        for citation in r["citations"] or ["（无引用）"]:
            per_article[str(citation)][slot] += 1

    def table(counts: dict[str, list[int]], key: str) -> list[dict[str, Any]]:
        out = []
        for name, (good, bad) in counts.items():
            entry: dict[str, Any] = {
                key: name,
                "helpful": good,
                "unhelpful": bad,
                "helpful_rate": round(good / (good + bad), 4),
            }
            if key == "intent":
                entry["title"] = intent_title(name, kb)
            out.append(entry)
        return sorted(out, key=lambda e: (-(e["helpful"] + e["unhelpful"]), str(e[key])))

    unhelpful = [
        {
            "sender_id": r["sender_id"],
            "question": r["question"],
            "intent": r["intent"],
            "title": intent_title(r["intent"], kb),
            "citations": r["citations"],
            "at": _iso(r["created_at"]),
        }
        for r in reversed(rows)
        if not r["helpful"]
    ]
    helpful = sum(1 for r in rows if r["helpful"])
    return {
        "total": len(rows),
        "helpful": helpful,
        "unhelpful": len(rows) - helpful,
        "helpful_rate": round(helpful / len(rows), 4) if rows else None,
        "by_topic": table(per_intent, "intent"),
        "by_article": table(per_article, "article"),
        "unhelpful_conversations": unhelpful,
    }


def handoffs(store: ConversationStore, period: Period) -> dict[str, Any]:
    """Handoffs in the range: how many, how long until marked handled, which are still open."""
    records = [r for r in store.handoffs(include_handled=True) if period.contains(r.created_at)]
    waits = [
        (r.handled_at - r.created_at).total_seconds() / 60
        for r in records
        if r.handled and r.handled_at is not None
    ]
    by_reason: dict[str, int] = defaultdict(int)
    for r in records:
        by_reason[r.reason] += 1
    return {
        "count": len(records),
        "handled": len(waits),
        "open": len(records) - len(waits),
        "by_reason": dict(by_reason),
        "minutes_to_handled": {
            "median": round(statistics.median(waits), 1) if waits else None,
            "mean": round(statistics.fmean(waits), 1) if waits else None,
            "max": round(max(waits), 1) if waits else None,
        },
        "items": [
            {
                "id": r.id,
                "sender_id": r.sender_id,
                "reason": r.reason,
                "created_at": _iso(r.created_at),
                "handled": r.handled,
                "handled_at": _iso(r.handled_at),
                "handled_by": r.handled_by,
                "minutes_to_handled": round((r.handled_at - r.created_at).total_seconds() / 60, 1)
                if r.handled and r.handled_at
                else None,
            }
            for r in records
        ],
    }


def labels(store: ConversationStore, period: Period, kb: KnowledgeBase) -> list[dict[str, Any]]:
    """The intents operators gave messages in the range, newest first."""
    return [
        {**r, "title": intent_title(r["intent"], kb), "labelled_at": _iso(r["labelled_at"])}
        for r in reversed(store.labels())
        if period.contains(r["labelled_at"])
    ]


def audit(store: ConversationStore, period: Period) -> list[dict[str, Any]]:
    """Who did what in the consoles in the range, newest first."""
    start, end = period.utc_bounds()
    return [{**r, "at": _iso(r["at"])} for r in store.audit(start) if r["at"] < end]


def build_report(
    tracker_engine: sa.engine.Engine,
    store: ConversationStore,
    period: Period,
    kb: KnowledgeBase,
    words_of: Callable[[str], Iterable[str]],
) -> dict[str, Any]:
    """Every figure of the report for ``period``, as one JSON-ready dict."""
    ensure_table(tracker_engine)
    return {
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        "days": period.days(),
        "timezone": "UTC+8（深圳）",
        "outcome_names": OUTCOME_NAMES,
        "usage": usage(tracker_engine, period),
        "topics": topics(tracker_engine, period, kb),
        "unanswered": unanswered(tracker_engine, period, words_of),
        "feedback": feedback(store, period, kb),
        "handoffs": handoffs(store, period),
        "labels": labels(store, period, kb),
        "audit": audit(store, period),
    }


def _iso(value: dt.datetime | None) -> str | None:
    """A stored UTC time as ISO 8601 with its offset (the page shows it in local time)."""
    if value is None:
        return None
    return value.replace(tzinfo=dt.timezone.utc).isoformat()


def dumps(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False)
