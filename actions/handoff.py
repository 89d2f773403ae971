"""「转人工」 and repeated failure: say how to reach a person and queue the conversation for staff."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.assistant.replies import HANDOFF_CITATIONS, HANDOFF_TEXT
from bot.storage.store import conversation_store

logger = logging.getLogger(__name__)


async def hand_off(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str) -> int | None:
    """Tell the user how to reach a person and queue this conversation for the staff console.

    The user always gets the reply: a store that cannot be written is logged, not shown
    (``handoff_id`` is then ``None``).
    """
    try:
        handoff_id: int | None = await asyncio.to_thread(
            conversation_store().record_handoff, tracker.sender_id, reason
        )
    except Exception:
        logger.exception("the handoff of %s could not be recorded", tracker.sender_id)
        handoff_id = None
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
