"""Actions run against a real knowledge base and conversation store in temporary SQLite files."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.assistant.context import knowledge_base
from bot.language.normalize import normalize_text
from bot.storage.migrate import upgrade
from bot.storage.store import conversation_store
from kb.build import build

AS_OF = "2023-06-01"


@pytest.fixture(scope="session")
def kb_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.sqlite3'}"
    build(url)
    return url


@pytest.fixture(autouse=True)
def action_environment(kb_url: str, tmp_path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("KB_URL", kb_url)
    store_url = f"sqlite:///{tmp_path / 'conversations.sqlite3'}"
    upgrade(store_url)
    monkeypatch.setenv("STORE_URL", store_url)
    monkeypatch.setenv("TUOGUAN_AS_OF", AS_OF)
    knowledge_base.cache_clear()
    conversation_store.cache_clear()
    yield
    knowledge_base.cache_clear()
    conversation_store.cache_clear()


def user_event(text: str, intent: str, entities: list[dict] | None = None) -> dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "parse_data": {
            "intent": {"name": intent, "confidence": 0.9},
            "entities": entities or [],
            "text": text,
        },
    }


def make_tracker(
    text: str,
    intent: str,
    *,
    entities: list[dict] | None = None,
    slots: dict[str, Any] | None = None,
    history: list[dict[str, Any]] | None = None,
    active_loop: str | None = None,
    ranking: list[dict[str, Any]] | None = None,
    sender: str = "test-user",
) -> Tracker:
    latest = {
        "text": text,
        "normalized_text": normalize_text(text),
        "intent": {"name": intent, "confidence": 0.9},
        "entities": entities or [],
        "intent_ranking": ranking or [{"name": intent, "confidence": 0.9}],
    }
    # a form that is active was started before this message
    started = [{"event": "active_loop", "name": active_loop}] if active_loop else []
    events = [*started, *(history or []), user_event(text, intent, entities)]
    return Tracker(
        sender,
        dict(slots or {}),
        latest,
        events,
        False,
        None,
        {"name": active_loop} if active_loop else {},
        "action_listen",
    )


def run_action(
    action: Action, tracker: Tracker
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(messages sent, events returned)."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, events
