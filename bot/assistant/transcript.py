"""Read what was said from the tracker's events (pure functions over the event dicts)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

POLICY_INTENT_PREFIXES = ("ask_", "calculate_", "check_")


def transcript(events: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """[{speaker: user|bot, text}] in order, skipping empty messages."""
    lines = []
    for event in events:
        if event.get("event") in ("user", "bot") and event.get("text"):
            lines.append({"speaker": str(event["event"]), "text": str(event["text"])})
    return lines


def consecutive_fallbacks(events: Iterable[Mapping[str, Any]]) -> int:
    """How many of the latest user messages in a row fell below the NLU threshold."""
    count = 0
    for event in reversed(list(events)):
        if event.get("event") != "user":
            continue
        if ((event.get("parse_data") or {}).get("intent") or {}).get("name") == "nlu_fallback":
            count += 1
        else:
            break
    return count


def last_policy_question(events: Iterable[Mapping[str, Any]]) -> tuple[str, str] | None:
    """The latest user message understood as a policy question: (text, intent)."""
    for event in reversed(list(events)):
        if event.get("event") != "user":
            continue
        intent = str(((event.get("parse_data") or {}).get("intent") or {}).get("name") or "")
        if intent.startswith(POLICY_INTENT_PREFIXES):
            return str(event.get("text") or ""), intent
    return None


def last_citations(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """The citations of the latest bot answer that carried the answer-contract payload."""
    for event in reversed(list(events)):
        if event.get("event") == "bot":
            custom = ((event.get("data") or {}).get("custom")) or {}
            if custom.get("citations"):
                return list(custom["citations"])
    return []


def transcript_until(
    events: Iterable[Mapping[str, Any]], until: dt.datetime | None
) -> list[dict[str, str]]:
    """:func:`transcript` of the events up to ``until`` (UTC, naive; ``None``: all of them)."""
    if until is None:
        return transcript(events)
    limit = until.replace(tzinfo=dt.timezone.utc).timestamp()
    return transcript(e for e in events if float(e.get("timestamp") or 0) <= limit)
