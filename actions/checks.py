"""A question about a check (「补贴多少」, 「公司注销了，托管还继续吗」): its result for the facts
already stated, or its rule when none is known. Which check is which action: bot.assistant.registry."""

from __future__ import annotations

import abc
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import answered_by_a_check, latest_intent, send_policy_answer, slot_values
from actions.recheck import corrected_by, moved_before_custody, recheck
from bot.assistant.checks.subsidy import stopped_answer
from bot.assistant.checks.subsidy_several import (
    asks_three_year_total,
    same_signing_total,
    several_clients,
    several_clients_answer,
)
from bot.assistant.context import answer_context
from bot.assistant.fact_context import gives_subsidy_facts, states_an_exit
from bot.assistant.registry import ASKED_AFTER_VERDICT, CHECKS, Check
from bot.assistant.vocabulary import ALL_YEARS, CORRECTION, LAST_CHECK_SLOT
from rules_core.results import Verdict

UNDECIDED = Verdict.NEEDS_CONFIRMATION.value


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
        # 「更正一下，其中一个其实是兼职的。这样还能当托管服务机构吗？」「我记错了，是75和79。那
        # 我们还能当托管机构吗？」: a correction asked as the check's question changes what it
        # says, as a correction said plainly does (only a correction: 「另外一个是兼职的」 in the
        # message that gives the count is that count)
        message = tracker.latest_message
        corrected = (
            corrected_by(
                check,
                tracker,
                str(message.get("normalized_text") or ""),
                list(message.get("entities") or []),
            )
            if message.get(CORRECTION)
            else {}
        )
        slots = {**slot_values(tracker, check.reads), **corrected}
        checked = answered_by_a_check(tracker, latest_intent(tracker))
        if checked is not None and not check.has_facts(slots):
            send_policy_answer(dispatcher, tracker, checked)
            return []
        if check.has_facts(slots):
            answer = check.answer(slots, ctx)
            remembered = [SlotSet(LAST_CHECK_SLOT, check.name)] if check.remembered else []
            remembered += [SlotSet(name, value) for name, value in corrected.items()]
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
        rule = check.general_answer(ctx)
        if rule is None:
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        extra = {"buttons": list(check.buttons)} if check.buttons else {}
        send_policy_answer(dispatcher, tracker, rule, **extra)
        return []


_EXITS = frozenset({"enterprise_exit", "agency_exit"})


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
        # 「2022年一共首签了10家企业，第一年补贴加起来最多能拿多少？」: one cap times the firms
        total = same_signing_total(text, ctx.as_of)
        if total is not None:
            send_policy_answer(dispatcher, tracker, total)
            return []
        slots = slot_values(tracker, self.check.reads)
        if asks_three_year_total(text) and self.check.has_facts(slots):
            # 「第二年的补贴上限是多少？三年加起来最多多少？」: every year's cap and the totals
            every_year = {**slots, "service_year": ALL_YEARS}
            send_policy_answer(dispatcher, tracker, self.check.answer(every_year, ctx))
            return [SlotSet(LAST_CHECK_SLOT, self.check.name)]
        entities = list(tracker.latest_message.get("entities") or [])
        if tracker.get_slot(LAST_CHECK_SLOT) in _EXITS or states_an_exit(entities):
            # 「那我们这个补贴怎么算？」 after the client moved out, 「托管企业搬离坪山以后，机构
            # 的补贴怎么处理？」: it stops and is pro-rated
            stop = stopped_answer(
                slot_values(tracker, self.check.reads),
                text,
                gives_subsidy_facts(entities),
                ctx,
            )
            if stop is not None:
                send_policy_answer(dispatcher, tracker, stop)
                return []
        return await super().run(dispatcher, tracker, domain)


class ActionAgencyExit(CheckQuestionAction):
    check = CHECKS["agency_exit"]


class ActionAgencyQualification(CheckQuestionAction):
    check = CHECKS["qualification"]


class ActionEnterpriseExit(CheckQuestionAction):
    check = CHECKS["enterprise_exit"]

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        last = CHECKS.get(str(tracker.get_slot(LAST_CHECK_SLOT) or ""))
        if moved_before_custody(last, self.check, tracker):
            # 「其实工厂已经搬去惠州了…这样还能托管吗？」 after the eligibility verdict, from a
            # firm not yet under custody: where it operates changed (第九条), no 第十三条 exit
            return recheck(dispatcher, tracker)
        return await super().run(dispatcher, tracker, domain)


class ActionFiling(CheckQuestionAction):
    check = CHECKS["filing"]


class ActionValidity(CheckQuestionAction):
    check = CHECKS["validity"]
