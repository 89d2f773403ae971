"""Does an agency stop being a 托管服务机构? 《管理办法》第十一条 (and 第十二条 for its clients)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import send_policy_answer
from actions.context import as_of_date
from actions.fact_builders import agency_exit_facts, has_known
from actions.faq import faq_answer
from actions.form_base import CalculatorFormValidation
from actions.slot_values import AGENCY_EXIT_SLOTS
from rules_core.agency_exit import check_agency_exit
from rules_core.answer import Answer, render_check
from rules_core.results import CheckResult, Verdict

CHECK_BUTTON = {"title": "逐项核对我们机构", "payload": "/check_agency_exit"}
# The form's slots plus the shares a user may state directly (「20%的企业有案件」).
AGENCY_EXIT_FIGURE_SLOTS = (*AGENCY_EXIT_SLOTS, "client_case_percent", "change_percent")


def agency_exit_result(slots: Mapping[str, Any]) -> CheckResult:
    return check_agency_exit(agency_exit_facts(slots), as_of_date())


def agency_exit_answer(slots: Mapping[str, Any]) -> Answer:
    return render_check(agency_exit_result(slots))


def has_agency_exit_figures(slots: Mapping[str, Any]) -> bool:
    return has_known(slots, AGENCY_EXIT_FIGURE_SLOTS)


class ActionAgencyExit(Action):
    """「什么情况会被取消资格」: the four situations, or the check for figures already given."""

    def name(self) -> str:
        return "action_agency_exit"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        slots = {s: tracker.get_slot(s) for s in AGENCY_EXIT_FIGURE_SLOTS}
        if has_agency_exit_figures(slots):
            send_policy_answer(dispatcher, tracker, agency_exit_answer(slots))
            return [SlotSet("last_check", "agency_exit")]
        answer = faq_answer("ask_agency_exit")
        if answer is not None:
            send_policy_answer(dispatcher, tracker, answer, buttons=[CHECK_BUTTON])
        return []


class ValidateAgencyExitForm(CalculatorFormValidation):
    def name(self) -> str:
        return "validate_agency_exit_form"

    def slot_order(self) -> tuple[str, ...]:
        return AGENCY_EXIT_SLOTS

    def is_decided(self, slots: Mapping[str, Any]) -> bool:
        return agency_exit_result(slots).verdict is Verdict.AGENCY_EXIT


class ActionAgencyExitResult(Action):
    """After the form: 【结论】触发退出情形 / 未触发退出情形 / 尚需确认."""

    def name(self) -> str:
        return "action_agency_exit_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        slots = {s: tracker.get_slot(s) for s in AGENCY_EXIT_FIGURE_SLOTS}
        send_policy_answer(dispatcher, tracker, agency_exit_answer(slots))
        return [SlotSet("last_check", "agency_exit")]
