"""「转人工」 and repeated failure: say how to reach a person and queue the conversation for staff."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.assistant.replies import HANDOFF_CITATIONS, HANDOFF_TEXT
from bot.storage.store import conversation_store


async def hand_off(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str) -> int:
    """Queue this conversation for the staff console and tell the user how to reach a person."""
    handoff_id = await asyncio.to_thread(
        conversation_store().record_handoff, tracker.sender_id, reason
    )
    dispatcher.utter_message(
        text=HANDOFF_TEXT,
        json_message={
            "citations": HANDOFF_CITATIONS,
            "verdict": None,
            "data": {"handoff_id": handoff_id},
        },
    )
    return handoff_id


class ActionHandoff(Action):
    """Tell the user how to reach a person, and record the handoff."""

    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        await hand_off(dispatcher, tracker, "requested")
        return []
