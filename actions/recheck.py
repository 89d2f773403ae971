"""Facts stated outside a question: re-run the last check with them (「不对，是120人」), or, when
nothing has been checked yet (「我们公司在坪山，45人」 as a first message), start the check those
facts belong to, which then asks only what is still missing."""

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


# Which check a fact belongs to, most specific first: (entity, roles or None for any) → the action
# that starts it. Agency counts come before the enterprise facts because an agency clerk may also
# mention 坪山; 停业/注销/迁出 and 满三年 are the enterprise-exit question (第十三条).
CHECK_FOR_FACT: tuple[tuple[str, frozenset[str] | None, str], ...] = (
    (
        "count",
        frozenset({"clients", "clients_with_cases", "change_requests", "cases"}),
        "agency_exit_form",
    ),
    ("percent", None, "agency_exit_form"),
    ("count", frozenset({"staff"}), "qualification_form"),
    ("score", None, "qualification_form"),
    ("organisation_type", None, "qualification_form"),
    ("date", None, "subsidy_form"),
    ("service_year", None, "subsidy_form"),
    ("months", None, "subsidy_form"),
    ("years", None, "action_enterprise_exit"),
    ("headcount", None, "eligibility_form"),
    ("district", None, "eligibility_form"),
    ("firm_type", None, "eligibility_form"),
    ("qualifying_condition", None, "eligibility_form"),
    ("operating_status", None, "eligibility_form"),
)
_EXIT_EVENTS = frozenset({"suspended", "deregistered", "relocated"})


def check_for_facts(entities: list[Mapping[str, Any]]) -> str | None:
    """The form or action to start for facts given before any check: 「服务了40家，5家出过仲裁」 →
    agency_exit_form; 「公司注销了」 → action_enterprise_exit; 「坪山，45人」 → eligibility_form."""
    if any(
        e.get("entity") == "operating_status" and e.get("value") in _EXIT_EVENTS for e in entities
    ):
        return "action_enterprise_exit"
    for entity, roles, action in CHECK_FOR_FACT:
        if any(
            e.get("entity") == entity and (roles is None or e.get("role") in roles)
            for e in entities
        ):
            return action
    return None


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
    if entities and not last_check and (start := check_for_facts(entities)):
        return [FollowupAction(start)]
    slots = {s: tracker.get_slot(s) for s in FACT_SLOTS}
    answer = recheck_answer(last_check, slots) if entities else None
    if answer is None:
        dispatcher.utter_message(response="utter_anything_else")
        return []
    dispatcher.utter_message(text="已按您更正的情况重新核对：")
    send_policy_answer(dispatcher, tracker, answer)
    return []
