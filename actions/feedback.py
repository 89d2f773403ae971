"""「是否解决了您的问题？」: store the answer with the question it replied to."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import latest_intent
from bot.assistant.replies import FEEDBACK_SORRY, FEEDBACK_THANKS
from bot.assistant.transcript import last_citations, last_policy_question
from bot.storage.store import conversation_store

logger = logging.getLogger(__name__)


async def record_feedback(
    dispatcher: CollectingDispatcher, tracker: Tracker, helpful: bool
) -> None:
    """Store 已解决 / 未解决 with the question it answers, and thank or apologise."""
    question = last_policy_question(tracker.events)
    if question is not None:
        text, intent = question
        try:
            await asyncio.to_thread(
                conversation_store().record_feedback,
                tracker.sender_id,
                text,
                intent,
                last_citations(tracker.events),
                helpful,
            )
        except Exception:  # the user is thanked all the same; the failure is for the operator
            logger.exception("the feedback of %s could not be recorded", tracker.sender_id)
    dispatcher.utter_message(text=FEEDBACK_THANKS if helpful else FEEDBACK_SORRY)


class ActionRecordFeedback(Action):
    """Record 已解决 / 未解决 with the question, its intent and the cited articles."""

    def name(self) -> str:
        return "action_record_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        await record_feedback(dispatcher, tracker, latest_intent(tracker) == "feedback_helpful")
        return []
