"""A question about a check (「补贴多少」, 「公司注销了，托管还继续吗」): its result for the facts
already stated, or its rule when none is known. Which check is which action: bot.assistant.registry."""

from __future__ import annotations

import abc
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import send_policy_answer, slot_values
from bot.assistant.context import answer_context
from bot.assistant.registry import CHECKS, Check
from bot.assistant.vocabulary import LAST_CHECK_SLOT


class CheckQuestionAction(Action, abc.ABC):
    """Answers the question of :attr:`check` (abstract: rasa-sdk registers the subclasses)."""

    @property
    @abc.abstractmethod
    def check(self) -> Check: ...

    def name(self) -> str:
        assert self.check.question_action is not None, self.check.name
        return self.check.question_action

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        check, ctx = self.check, answer_context()
        slots = slot_values(tracker, check.reads)
        if check.has_facts(slots):
            send_policy_answer(dispatcher, tracker, check.answer(slots, ctx))
            return [SlotSet(LAST_CHECK_SLOT, check.name)] if check.remembered else []
        answer = check.general_answer(ctx)
        if answer is None:
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        extra = {"buttons": list(check.buttons)} if check.buttons else {}
        send_policy_answer(dispatcher, tracker, answer, **extra)
        return []


class ActionSubsidy(CheckQuestionAction):
    check = CHECKS["subsidy"]


class ActionAgencyExit(CheckQuestionAction):
    check = CHECKS["agency_exit"]


class ActionAgencyQualification(CheckQuestionAction):
    check = CHECKS["qualification"]


class ActionEnterpriseExit(CheckQuestionAction):
    check = CHECKS["enterprise_exit"]


class ActionFiling(CheckQuestionAction):
    check = CHECKS["filing"]


class ActionValidity(CheckQuestionAction):
    check = CHECKS["validity"]
