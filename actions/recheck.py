"""Facts stated outside a question: re-run the last check with them (「不对，是120人」), or, when
nothing has been checked yet (「我们公司在坪山，45人」 as a first message) or the facts belong to
another check (「公司停业了」 after an eligibility answer), start the check they belong to, which
then asks only what is still missing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.agency_exit import agency_exit_answer
from actions.base import send_policy_answer
from actions.eligibility import eligibility_answer
from actions.enterprise_exit import enterprise_exit_answer
from actions.fact_context import START_ACTION, check_for_facts
from actions.qualification import qualification_answer
from actions.slot_values import FACT_SLOTS
from actions.subsidy import subsidy_answer
from rules_core.answer import Answer

# The value each check action leaves in the ``last_check`` slot → how that check answers.
CHECK_ANSWERS: dict[str, Callable[[Mapping[str, Any]], Answer]] = {
    "eligibility": eligibility_answer,
    "subsidy": subsidy_answer,
    "agency_exit": agency_exit_answer,
    "qualification": qualification_answer,
    "enterprise_exit": enterprise_exit_answer,
}


def recheck_answer(last_check: str | None, slots: Mapping[str, Any]) -> Answer | None:
    answer = CHECK_ANSWERS.get(last_check or "")
    return answer(slots) if answer else None


class ActionRecheck(Action):
    """Re-run the last check when the message brought new facts; otherwise ask what is needed."""

    def name(self) -> str:
        return "action_recheck"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return recheck(dispatcher, tracker)


def recheck(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Re-run the last check with the facts of this message, start the check they belong to, or
    ask what the user needs."""
    entities = tracker.latest_message.get("entities") or []
    last_check = tracker.get_slot("last_check")
    belongs_to = check_for_facts(entities, str(tracker.latest_message.get("text") or ""))
    if belongs_to and belongs_to != last_check:
        return [FollowupAction(START_ACTION[belongs_to])]
    slots = {s: tracker.get_slot(s) for s in FACT_SLOTS}
    answer = recheck_answer(last_check, slots) if entities else None
    if answer is None:
        dispatcher.utter_message(response="utter_anything_else")
        return []
    dispatcher.utter_message(text="已按您更正的情况重新核对：")
    send_policy_answer(dispatcher, tracker, answer)
    return []
