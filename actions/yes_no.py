"""A bare 「是」/「没有」 outside a form: feedback when it answers 「是否解决了您的问题？」,
otherwise a prompt (是) or a possible correction (「不对，是120人」)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import latest_intent
from actions.feedback import record_feedback
from actions.recheck import recheck, repeat_verdict
from bot.assistant.fact_context import check_for_facts
from bot.assistant.registry import CHECKS
from bot.assistant.replies import FEEDBACK_PROMPT
from bot.assistant.vocabulary import CONFIRMS, LAST_CHECK_SLOT


def answers_feedback_prompt(events: Iterable[Mapping[str, Any]]) -> bool:
    """True when the bot's last message before this one asked 「是否解决了您的问题？」."""
    seen_user = False
    for event in reversed(list(events)):
        if event.get("event") == "user":
            if seen_user:
                return False
            seen_user = True
        elif event.get("event") == "bot" and seen_user:
            return event.get("text") == FEEDBACK_PROMPT
    return False


class ActionYesOrNo(Action):
    def name(self) -> str:
        return "action_yes_or_no"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        affirmed = latest_intent(tracker) == "affirm"
        message = tracker.latest_message
        text = str(message.get("normalized_text") or message.get("text") or "")
        if check_for_facts(list(message.get("entities") or []), text) is not None:
            # 「不是，做软件开发的」 to 「是否解决了您的问题？」 after 「…如果不对，请告诉我」:
            # the facts correct or add to the last check; no feedback is stored from them
            return recheck(dispatcher, tracker)
        last = CHECKS.get(tracker.get_slot(LAST_CHECK_SLOT) or "")
        if affirmed and last is not None and message.get(CONFIRMS):
            # 「是的，都是专职」「对，下个月办完」 to 「是否解决了您的问题？」 after a verdict: the
            # user confirms the facts it rests on; the verdict again, no feedback stored
            repeat_verdict(dispatcher, tracker, last)
            return []
        if answers_feedback_prompt(tracker.events):
            await record_feedback(dispatcher, tracker, helpful=affirmed)
        elif affirmed:
            dispatcher.utter_message(response="utter_anything_else")
        else:
            return recheck(dispatcher, tracker)
        return []


class ActionThanks(Action):
    """「谢谢」「👍」: helpful feedback when it answers 「是否解决了您的问题？」, else 「不客气」."""

    def name(self) -> str:
        return "action_thanks"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if answers_feedback_prompt(tracker.events):
            await record_feedback(dispatcher, tracker, helpful=True)
        else:
            dispatcher.utter_message(response="utter_you_are_welcome")
        return []
