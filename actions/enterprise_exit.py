"""When does an enterprise stop being a 托管服务对象? 《管理办法》第十三条 (and 第二十三条)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import send_policy_answer
from actions.context import as_of_date
from actions.fact_builders import enterprise_exit_facts, has_known
from actions.faq import faq_answer
from actions.slot_values import ENTERPRISE_EXIT_SLOTS
from rules_core.answer import Answer, render_check
from rules_core.enterprise_exit import check_enterprise_exit


def enterprise_exit_answer(slots: Mapping[str, Any]) -> Answer:
    return render_check(check_enterprise_exit(enterprise_exit_facts(slots), as_of_date()))


class ActionEnterpriseExit(Action):
    """「公司注销了，托管还继续吗」: the check when an event or start date is known, else the rule."""

    def name(self) -> str:
        return "action_enterprise_exit"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        slots = {s: tracker.get_slot(s) for s in ENTERPRISE_EXIT_SLOTS}
        if has_known(slots, ENTERPRISE_EXIT_SLOTS):
            send_policy_answer(dispatcher, tracker, enterprise_exit_answer(slots))
            return [SlotSet("last_check", "enterprise_exit")]
        answer = faq_answer("ask_enterprise_exit")
        if answer is not None:
            send_policy_answer(dispatcher, tracker, answer)
        return []
