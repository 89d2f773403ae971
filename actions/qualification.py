"""Can an organisation become a 托管服务机构? 《管理办法》第八条 (with 第二条第二款)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import send_policy_answer
from actions.context import as_of_date
from actions.fact_builders import agency_facts, has_known
from actions.faq import faq_answer
from actions.form_base import CalculatorFormValidation
from actions.slot_values import QUALIFICATION_SLOTS
from rules_core.answer import Answer, render_check
from rules_core.qualification import check_agency_qualification
from rules_core.results import CheckResult, Verdict

CHECK_BUTTON = {"title": "逐项核对我们机构的条件", "payload": "/check_agency_qualification"}


def qualification_result(slots: Mapping[str, Any]) -> CheckResult:
    return check_agency_qualification(agency_facts(slots), as_of_date())


def qualification_answer(slots: Mapping[str, Any]) -> Answer:
    return render_check(qualification_result(slots))


class ActionAgencyQualification(Action):
    """「怎么成为托管机构」: the conditions, or the check for facts already given."""

    def name(self) -> str:
        return "action_agency_qualification"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        slots = {s: tracker.get_slot(s) for s in QUALIFICATION_SLOTS}
        if has_known(slots, QUALIFICATION_SLOTS):
            send_policy_answer(dispatcher, tracker, qualification_answer(slots))
            return [SlotSet("last_check", "qualification")]
        answer = faq_answer("ask_agency_conditions")
        if answer is not None:
            send_policy_answer(dispatcher, tracker, answer, buttons=[CHECK_BUTTON])
        return []


class ValidateQualificationForm(CalculatorFormValidation):
    def name(self) -> str:
        return "validate_qualification_form"

    def slot_order(self) -> tuple[str, ...]:
        return QUALIFICATION_SLOTS

    def is_decided(self, slots: Mapping[str, Any]) -> bool:
        return qualification_result(slots).verdict is Verdict.NOT_ELIGIBLE


class ActionQualificationResult(Action):
    """After the form: 【结论】符合 / 不符合 / 尚需确认 for 第八条."""

    def name(self) -> str:
        return "action_qualification_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        slots = {s: tracker.get_slot(s) for s in QUALIFICATION_SLOTS}
        send_policy_answer(dispatcher, tracker, qualification_answer(slots))
        return [SlotSet("last_check", "qualification")]
