"""Can this enterprise receive the custody service? 《管理办法》第九条, as a form."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import send_answer, send_policy_answer
from actions.context import as_of_date
from actions.fact_builders import enterprise_facts
from actions.faq import faq_answer
from actions.form_base import CalculatorFormValidation
from actions.slot_values import ELIGIBILITY_SLOTS
from rules_core.answer import Answer, render_check
from rules_core.eligibility import check_enterprise_eligibility
from rules_core.results import CheckResult, Verdict


def eligibility_result(slots: Mapping[str, Any]) -> tuple[CheckResult, list[str]]:
    facts, notes = enterprise_facts(slots)
    return check_enterprise_eligibility(facts, as_of_date()), notes


def eligibility_answer(slots: Mapping[str, Any]) -> Answer:
    result, notes = eligibility_result(slots)
    return render_check(result, notes)


class ActionEligibilityIntro(Action):
    """Before the questions: the conditions of 第九条 when nothing is known yet."""

    def name(self) -> str:
        return "action_eligibility_intro"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        known = [s for s in ELIGIBILITY_SLOTS if tracker.get_slot(s) is not None]
        if not known:
            answer = faq_answer(
                "ask_enterprise_eligibility", ("下面我逐项帮您核对，请回答几个问题：",)
            )
            if answer is not None:
                send_answer(dispatcher, answer)
        return []


class ValidateEligibilityForm(CalculatorFormValidation):
    def name(self) -> str:
        return "validate_eligibility_form"

    def slot_order(self) -> tuple[str, ...]:
        return ELIGIBILITY_SLOTS

    def is_decided(self, slots: Mapping[str, Any]) -> bool:
        result, _ = eligibility_result(slots)
        return result.verdict is Verdict.NOT_ELIGIBLE


class ActionCheckEligibility(Action):
    """After the form: 【结论】符合 / 不符合 / 尚需确认 with a reason per condition."""

    def name(self) -> str:
        return "action_check_eligibility"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        slots = {s: tracker.get_slot(s) for s in ELIGIBILITY_SLOTS}
        send_policy_answer(dispatcher, tracker, eligibility_answer(slots))
        return [SlotSet("last_check", "eligibility")]
