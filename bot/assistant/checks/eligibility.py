"""Can this enterprise receive the custody service? 《管理办法》第九条."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.assistant.context import AnswerContext
from bot.assistant.fact_builders import enterprise_facts
from bot.assistant.faq import faq_answer
from bot.assistant.vocabulary import PLACE_SLOTS
from rules_core.answer import Answer, render_check
from rules_core.eligibility import check_enterprise_eligibility
from rules_core.results import CheckResult, Verdict

QUESTION_INTENT = "ask_enterprise_eligibility"
INTRO_LINE = "下面我逐项帮您核对，请回答几个问题："


def eligibility_result(slots: Mapping[str, Any], as_of: date) -> tuple[CheckResult, list[str]]:
    """The 第九条 result and notes on how a value was read (「八十多人」 → 89)."""
    facts, notes = enterprise_facts(slots)
    return check_enterprise_eligibility(facts, as_of), notes


def eligibility_answer(slots: Mapping[str, Any], ctx: AnswerContext) -> Answer:
    """【结论】符合 / 不符合 / 尚需确认 with a reason per condition."""
    result, notes = eligibility_result(slots, ctx.as_of)
    return render_check(result, notes)


def needless_questions(slots: Mapping[str, Any]) -> frozenset[str]:
    """The question about all three places is needless once each place has been said, over
    several messages (「注册在坑梓」, then 「税在坪山交，厂房也在坑梓」)."""
    if all(slots.get(name) is not None for name in PLACE_SLOTS):
        return frozenset({"in_pingshan"})
    return frozenset()


def eligibility_decided(slots: Mapping[str, Any], as_of: date) -> bool:
    """One unmet condition (150人, 劳务派遣) decides 不符合 whatever the rest."""
    result, _ = eligibility_result(slots, as_of)
    return result.verdict is Verdict.NOT_ELIGIBLE


def eligibility_conditions(ctx: AnswerContext) -> Answer | None:
    """The conditions of 第九条 (the curated answer)."""
    return faq_answer(QUESTION_INTENT, ctx)


def eligibility_intro(ctx: AnswerContext) -> Answer | None:
    """Before the questions, when nothing is known yet: the conditions, then 「下面我逐项…」."""
    return faq_answer(QUESTION_INTENT, ctx, (INTRO_LINE,))
