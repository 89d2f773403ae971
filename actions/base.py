"""The shared shape of a policy-answer action: compute an :class:`Answer`, then send it.

Abstract, so rasa-sdk does not register it; each concrete subclass names one action.
"""

from __future__ import annotations

import abc
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.context import as_of_date
from rules_core.answer import Answer
from rules_core.validity import validity_note


class PolicyAnswerAction(Action, abc.ABC):
    """Answer one policy question following the answer contract (text + custom payload)."""

    @abc.abstractmethod
    def name(self) -> str: ...

    @abc.abstractmethod
    def answer(self, tracker: Tracker) -> Answer | None:
        """Build the answer, or ``None`` when there is nothing to say (handled by the caller)."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        answer = self.answer(tracker)
        if answer is None:
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        send_policy_answer(dispatcher, tracker, answer)
        return []


FEEDBACK_PROMPT = "是否解决了您的问题？"
FEEDBACK_BUTTONS = [
    {"title": "已解决", "payload": "/feedback_helpful"},
    {"title": "未解决", "payload": "/feedback_unhelpful"},
]


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


def current_validity_notes() -> list[str]:
    """The note every in-force-dependent answer carries once the validity period has ended."""
    note = validity_note(as_of_date())
    return [note] if note else []


def latest_intent(tracker: Tracker) -> str:
    return str((tracker.latest_message.get("intent") or {}).get("name") or "")
