"""Read what was said from the tracker's events (pure functions over the event dicts)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from bot.assistant.replies import CLARIFY_TEXT
from bot.assistant.vocabulary import ITEM_INTENTS

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


def previous_user_intent(events: Iterable[Mapping[str, Any]]) -> str | None:
    """The intent of the user message before the latest one (``None``: there was none)."""
    seen_latest = False
    for event in reversed(list(events)):
        if event.get("event") != "user":
            continue
        if seen_latest:
            return str(((event.get("parse_data") or {}).get("intent") or {}).get("name") or "")
        seen_latest = True
    return None


def earlier_entity_value(
    events: Iterable[Mapping[str, Any]], entity: str, role: str | None = None
) -> str | None:
    """The latest value of ``entity`` (with ``role``) that a user message before the latest one
    stated (``None``: none did)."""
    before, _ = _split_at_latest_user(events)
    for event in reversed(before):
        if event.get("event") != "user":
            continue
        for found in reversed((event.get("parse_data") or {}).get("entities") or []):
            if found.get("entity") == entity and (role is None or found.get("role") == role):
                return str(found.get("value"))
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


def user_texts(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every message the user sent in the conversation, oldest first (the latest included)."""
    return [str(e.get("text") or "") for e in events if e.get("event") == "user"]


def earlier_user_texts(events: Iterable[Mapping[str, Any]], turns: int = 3) -> list[str]:
    """The user's messages before the previous one, latest first, at most ``turns`` of them:
    where a list the user gave two or three turns ago is (「A …B …C …」, then 「B」, then 「C」)."""
    before, _ = _split_at_latest_user(events)
    said = user_texts(before)
    return list(reversed(said[:-1]))[:turns]


# an item of a list is answered by the classifier's reading of it when it is at least this sure
ITEM_READING_CONFIDENCE = 0.5


def item_readings(events: Iterable[Mapping[str, Any]], turns: int = 4) -> dict[str, str]:
    """{item: intent} for the questions of the numbered lists the user gave in the last
    ``turns`` messages before the latest one, each as the classifier read it on its own
    (「1.托管要钱吗 2.怎么申请托管 3.托管服务内容有哪些」 → {"托管服务内容有哪些":
    "ask_service_contents", …}), where it was sure (``ITEM_READING_CONFIDENCE``)."""
    before, _ = _split_at_latest_user(events)
    users = [e for e in before if e.get("event") == "user"][-turns:]
    readings: dict[str, str] = {}
    for event in users:
        for item, intent, confidence in (event.get("parse_data") or {}).get(ITEM_INTENTS) or []:
            if float(confidence) >= ITEM_READING_CONFIDENCE:
                readings[str(item)] = str(intent)
    return readings


def _split_at_latest_user(
    events: Iterable[Mapping[str, Any]],
) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]]:
    """(events before the latest user message, events after it)."""
    listed = list(events)
    last = max((i for i, e in enumerate(listed) if e.get("event") == "user"), default=-1)
    return listed[: max(last, 0)], listed[last + 1 :] if last >= 0 else []


def _slot_values(events: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for event in events:
        if event.get("event") == "slot":
            values[str(event.get("name"))] = event.get("value")
    return values


def slots_before_latest_message(events: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Every slot's value before the latest user message (only slots set at some point)."""
    before, _ = _split_at_latest_user(events)
    return _slot_values(before)


def slots_changed_by_latest_message(events: Iterable[Mapping[str, Any]]) -> set[str]:
    """The slots whose value the events since the latest user message changed (Rasa also sets
    a slot again to the value it had, which is no news)."""
    before, after = _split_at_latest_user(events)
    old, new = _slot_values(before), _slot_values(after)
    return {name for name, value in new.items() if old.get(name) != value}


def loop_before_latest_message(events: Iterable[Mapping[str, Any]]) -> str | None:
    """The form that was active when the latest user message came (``None``: none was)."""
    before, _ = _split_at_latest_user(events)
    for event in reversed(before):
        if event.get("event") == "active_loop":
            name = event.get("name")
            return str(name) if name else None
    return None


def buttons_before_latest_message(events: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The buttons of the last bot message before the latest user message (``[]``: none)."""
    before, _ = _split_at_latest_user(events)
    for event in reversed(before):
        if event.get("event") == "bot":
            buttons = (event.get("data") or {}).get("buttons") or []
            if buttons:
                return [dict(b) for b in buttons]
        if event.get("event") == "user":
            break
    return []


def messages_before_latest(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """The texts said before the latest user message in this turn's context, latest first:
    the bot's messages since the user's previous message, then that message (for 「5，展开说说」
    the list the bot gave; for 「③再说细一点」 the list the user gave)."""
    before, _ = _split_at_latest_user(events)
    texts: list[str] = []
    for event in reversed(before):
        if event.get("event") == "bot" and event.get("text"):
            texts.append(str(event.get("text")))
        elif event.get("event") == "user":
            texts.append(str(event.get("text") or ""))
            break
    return texts


def topics_just_offered(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """The intents of the topics the bot offered right before the latest message (its
    「我不太确定您想问的是哪一项」 buttons); ``[]`` when its last message offered none."""
    before, _ = _split_at_latest_user(events)
    for event in reversed(before):
        if event.get("event") == "user":
            return []
        if event.get("event") == "bot" and event.get("text") == CLARIFY_TEXT:
            buttons = (event.get("data") or {}).get("buttons") or []
            return [str(b.get("payload") or "").lstrip("/") for b in buttons]
    return []
