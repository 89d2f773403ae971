"""One row per user message, with what became of it: the index the operators' report reads.

Rasa's tracker store keeps every event of every conversation as JSON (``events``); counting
messages by day, channel and outcome from it means reading and decoding every event. The tracker
store (:class:`bot.server.tracker_store.ConversationTrackerStore`) therefore also writes, in the
same transaction as a turn's events, one ``message_log`` row per user message of the turn, derived
from those events by :func:`message_rows`. The staff console's lookups are logged here too
(channel ``console``). Rows written before this table existed can be rebuilt from ``events`` with
``python -m bot.report.message_log URL`` (:func:`rebuild`).

Outcomes (what the assistant did with the message):

- ``check``: a verdict (【结论】) of one of the checks;
- ``curated``: a policy answer with citations that is no verdict (an FAQ entry, an article's text);
- ``clarification``: the two likeliest topics offered (「我不太确定您想问的是哪一项」);
- ``search``: the search fallback's passage;
- ``handoff``: handed to a person (asked for, or after two misses);
- ``out_of_scope``: outside the regulation (pointed to 坪山区人力资源局 / 12333);
- ``form``: a check's next question; ``other``: greetings, thanks, feedback, the rest.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from bot.assistant.replies import CLARIFY_TEXT

metadata = sa.MetaData()
message_log = sa.Table(
    "message_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("message_id", sa.String(64), nullable=True),
    sa.Column("at", sa.DateTime, nullable=False),  # UTC, naive
    sa.Column("day", sa.String(10), nullable=False),  # YYYY-MM-DD in 深圳 time (UTC+8)
    sa.Column("channel", sa.String(32), nullable=False),
    sa.Column("intent", sa.String(64), nullable=True),
    sa.Column("outcome", sa.String(16), nullable=False),
    sa.Column("new_session", sa.Boolean, nullable=False),
    sa.Column("text", sa.Text, nullable=False),  # as the tracker keeps it: phones, IDs masked
    sa.Index("ix_message_log_day", "day", "channel"),
    sa.Index("ix_message_log_sender", "sender_id"),
)

SHENZHEN = dt.timezone(dt.timedelta(hours=8))  # no daylight saving time in China
UNANSWERED = ("clarification", "search", "handoff")
OUTCOMES = (
    "check",
    "curated",
    "clarification",
    "search",
    "handoff",
    "out_of_scope",
    "form",
    "other",
)
# Rasa's input_channel names → the report's channel names
CHANNELS = {"webchat": "web", "wechat": "wechat", "rest": "rest", "console": "console"}


def ensure_table(engine: sa.engine.Engine) -> None:
    """Create ``message_log`` (and its indexes) where it does not exist yet."""
    metadata.create_all(engine, checkfirst=True)


def local_day(at_utc: dt.datetime) -> str:
    """The 深圳 calendar day of a UTC time: 2023-06-01T17:00 → 2023-06-02."""
    return at_utc.replace(tzinfo=dt.timezone.utc).astimezone(SHENZHEN).date().isoformat()


def _utc(timestamp: float | None) -> dt.datetime:
    moment = dt.datetime.fromtimestamp(timestamp or 0, tz=dt.timezone.utc)
    return moment.replace(tzinfo=None)


def outcome_of(turn: Iterable[Mapping[str, Any]]) -> str:
    """What the assistant did with a user message, from the events that followed it (dicts as
    Rasa serialises them) up to the next user message."""
    actions: set[str] = set()
    texts: list[str] = []
    customs: list[Mapping[str, Any]] = []
    for event in turn:
        kind = event.get("event")
        if kind == "action":
            actions.add(str(event.get("name") or ""))
        elif kind == "bot":
            texts.append(str(event.get("text") or ""))
            utter = str((event.get("metadata") or {}).get("utter_action") or "")
            if utter:
                actions.add(utter)
            custom = (event.get("data") or {}).get("custom")
            if isinstance(custom, Mapping):
                customs.append(custom)
    if any("handoff_id" in (c.get("data") or {}) for c in customs):
        return "handoff"
    if "action_fallback_search" in actions:
        return "clarification" if any(t.startswith(CLARIFY_TEXT) for t in texts) else "search"
    if any("【结论】" in t for t in texts):
        return "check"
    if any(c.get("citations") for c in customs):
        return "curated"
    if "utter_out_of_scope" in actions:
        return "out_of_scope"
    if any(a.startswith("utter_ask_") for a in actions):
        return "form"
    return "other"


def message_rows(sender_id: str, events: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The ``message_log`` rows of a turn's new events (dicts as Rasa serialises them)."""
    rows: list[dict[str, Any]] = []
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    session_started = [i for i, e in enumerate(events) if e.get("event") == "session_started"]
    for k, i in enumerate(users):
        user = events[i]
        end = users[k + 1] if k + 1 < len(users) else len(events)
        previous = users[k - 1] if k else -1
        at = _utc(user.get("timestamp"))
        channel = str(user.get("input_channel") or "unknown")
        rows.append(
            {
                "sender_id": sender_id,
                "message_id": user.get("message_id"),
                "at": at,
                "day": local_day(at),
                "channel": CHANNELS.get(channel, channel)[:32],
                "intent": ((user.get("parse_data") or {}).get("intent") or {}).get("name"),
                "outcome": outcome_of(events[i + 1 : end]),
                "new_session": any(previous < s < i for s in session_started),
                "text": str(user.get("text") or ""),
            }
        )
    return rows


def console_row(operator: str, text: str, intent: str | None, at: dt.datetime) -> dict[str, Any]:
    """A staff console lookup (the hotline worker pasted a caller's words): channel ``console``,
    one "user" per operator name."""
    return {
        "sender_id": f"console:{operator}",
        "message_id": None,
        "at": at,
        "day": local_day(at),
        "channel": "console",
        "intent": intent,
        "outcome": "other",
        "new_session": False,
        "text": text,
    }


def rebuild(engine: sa.engine.Engine) -> int:
    """Rebuild ``message_log`` from every stored event (after an upgrade); returns its rows."""
    ensure_table(engine)
    events_table = sa.Table("events", sa.MetaData(), autoload_with=engine)
    with engine.begin() as connection:
        connection.execute(message_log.delete().where(message_log.c.channel != "console"))
        senders = connection.execute(sa.select(events_table.c.sender_id).distinct()).scalars()
        count = 0
        for sender in list(senders):
            data = connection.execute(
                sa.select(events_table.c.data)
                .where(events_table.c.sender_id == sender)
                .order_by(events_table.c.id)
            ).scalars()
            rows = message_rows(sender, [json.loads(d) for d in data])
            if rows:
                connection.execute(sa.insert(message_log), rows)
                count += len(rows)
    return count


if __name__ == "__main__":  # python -m bot.report.message_log sqlite:///var/tracker.sqlite3
    import sys

    from bot.storage.settings import tracker_store_url

    url = tracker_store_url(sys.argv[1] if len(sys.argv) > 1 else None)
    print(f"message_log: {rebuild(sa.create_engine(url, future=True))} rows rebuilt in {url}")
