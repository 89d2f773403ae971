"""A question about a check (「补贴多少」, 「公司注销了，托管还继续吗」): its result for the facts
already stated, or its rule when none is known. Which check is which action: bot.assistant.registry."""

from __future__ import annotations

import abc
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import answered_by_a_check, latest_intent, send_policy_answer, slot_values
from bot.assistant.checks.subsidy import served_until, with_signing
from bot.assistant.checks.subsidy_several import several_clients, several_clients_answer
from bot.assistant.context import AnswerContext, answer_context
from bot.assistant.faq import faq_answer
from bot.assistant.registry import ASKED_AFTER_VERDICT, CHECKS, Check
from bot.assistant.vocabulary import LAST_CHECK_SLOT
from rules_core.answer import Answer
from rules_core.results import Verdict

UNDECIDED = Verdict.NEEDS_CONFIRMATION.value
STOP_INTENT = "ask_subsidy_stop"


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
        checked = answered_by_a_check(tracker, latest_intent(tracker))
        if checked is not None and not check.has_facts(slots):
            send_policy_answer(dispatcher, tracker, checked)
            return []
        if check.has_facts(slots):
            answer = check.answer(slots, ctx)
            remembered = [SlotSet(LAST_CHECK_SLOT, check.name)] if check.remembered else []
            missing = check.missing(slots)
            if (
                check.form is not None
                and answer.verdict == UNDECIDED
                and len(missing) <= ASKED_AFTER_VERDICT
            ):
                # 「还需确认：…」 with one or two facts left: the form shows this verdict and asks
                # them, instead of 「是否解决了」, whose 「没有」 would answer a question never asked
                return [*remembered, FollowupAction(check.form.name)]
            send_policy_answer(dispatcher, tracker, answer)
            return remembered
        rule = self.general_answer(tracker, ctx)
        if rule is None:
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        extra = {"buttons": list(check.buttons)} if check.buttons else {}
        send_policy_answer(dispatcher, tracker, rule, **extra)
        return []

    def general_answer(self, tracker: Tracker, ctx: AnswerContext) -> Answer | None:
        """The check's rule, for a question that gives none of its facts."""
        return self.check.general_answer(ctx)


# 「补贴呢」「那补贴还发吗」: asked right after an exit, what becomes of the subsidy; not how much
_AMOUNT_WORDS = re.compile(r"多少|标准|怎么算|计算|金额|上限|基数|几年")
_EXITS = frozenset({"enterprise_exit", "agency_exit"})
SHORT_QUESTION_CHARS = 10


class ActionSubsidy(CheckQuestionAction):
    check = CHECKS["subsidy"]

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # 「A企业2021年7月首签…；B企业2022年11月首签…」: each enterprise's own caps, not the
        # calculator's one first signing
        text = str(tracker.latest_message.get("normalized_text") or "")
        ctx = answer_context()
        clients = several_clients(text, ctx.as_of)
        if clients:
            send_policy_answer(
                dispatcher, tracker, several_clients_answer(clients, text, ctx.as_of)
            )
            return []
        stop = self.stopped_answer(tracker, ctx)
        if stop is not None:
            send_policy_answer(dispatcher, tracker, stop)
            return []
        return await super().run(dispatcher, tracker, domain)

    def stopped_answer(self, tracker: Tracker, ctx: AnswerContext) -> Answer | None:
        """Right after an exit check (第十一条、第十三条), a question about the subsidy that gives
        none of its facts is about its stopping and pro-rating (第二十三条), not the caps; unless
        the months served are known, when the calculator pro-rates them."""
        text = str(tracker.latest_message.get("normalized_text") or "")
        after_exit = tracker.get_slot(LAST_CHECK_SLOT) in _EXITS
        no_facts = not tracker.latest_message.get("entities")
        short = len(text) <= SHORT_QUESTION_CHARS and not _AMOUNT_WORDS.search(text)
        slots = with_signing(slot_values(tracker, self.check.reads))
        pro_rated = bool(slots.get("months_served") or served_until(slots))
        if after_exit and (short or no_facts) and not pro_rated:
            # 「那我们这个补贴怎么算？」 after the client moved out: it stops and is pro-rated
            return faq_answer(STOP_INTENT, ctx)
        return None


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
