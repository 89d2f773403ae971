"""A fact given after an answer (「不对，是120人」): run the last check again with it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.agency_exit import agency_exit_result
from actions.base import send_policy_answer
from actions.context import as_of_date
from actions.eligibility import eligibility_result
from actions.fact_builders import enterprise_exit_facts
from actions.qualification import qualification_result
from actions.slot_values import FACT_SLOTS
from actions.subsidy import subsidy_answer
from rules_core.answer import Answer, render_check
from rules_core.enterprise_exit import check_enterprise_exit


def recheck_answer(last_check: str | None, slots: dict[str, Any]) -> Answer | None:
    if last_check == "eligibility":
        result, notes = eligibility_result(slots)
        return render_check(result, notes)
    if last_check == "subsidy":
        return subsidy_answer(slots)
    if last_check == "agency_exit":
        return render_check(agency_exit_result(slots))
    if last_check == "qualification":
        return render_check(qualification_result(slots))
    if last_check == "enterprise_exit":
        return render_check(check_enterprise_exit(enterprise_exit_facts(slots), as_of_date()))
    return None


class ActionRecheck(Action):
    """Re-run the last check when the message brought new facts; otherwise ask what is needed."""

    def name(self) -> str:
        return "action_recheck"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        recheck(dispatcher, tracker)
        return []


def recheck(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Re-run the last check with the facts of this message, or ask what the user needs."""
    has_facts = bool(tracker.latest_message.get("entities"))
    slots = {s: tracker.get_slot(s) for s in FACT_SLOTS}
    answer = recheck_answer(tracker.get_slot("last_check"), slots) if has_facts else None
    if answer is None:
        dispatcher.utter_message(response="utter_anything_else")
        return
    dispatcher.utter_message(text="已按您更正的情况重新核对：")
    send_policy_answer(dispatcher, tracker, answer)
