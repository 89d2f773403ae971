"""What every action shares: sending an answer by the answer contract, and reading the tracker.

Actions are thin translations between the Rasa tracker and the assistant layer (``bot.assistant``):
they read slots and the latest message, call the layer, and send what it returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.assistant.replies import FEEDBACK_BUTTONS, FEEDBACK_PROMPT
from rules_core.answer import Answer


def send_policy_answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, answer: Answer, **extra: Any
) -> None:
    """The answer, then 「是否解决了您的问题？」 unless a form is still asking its questions."""
    send_answer(dispatcher, answer, **extra)
    if not (tracker.active_loop or {}).get("name"):
        dispatcher.utter_message(text=FEEDBACK_PROMPT, buttons=FEEDBACK_BUTTONS)


def send_answer(dispatcher: CollectingDispatcher, answer: Answer, **extra: Any) -> None:
    """One message carrying the text and the ``custom`` payload of the answer contract."""
    dispatcher.utter_message(text=answer.text, json_message=answer.payload, **extra)


def latest_intent(tracker: Tracker) -> str:
    return str((tracker.latest_message.get("intent") or {}).get("name") or "")


def slot_values(tracker: Tracker, names: Iterable[str]) -> dict[str, Any]:
    """The current values of these slots (``None`` where unset)."""
    return {name: tracker.get_slot(name) for name in names}
