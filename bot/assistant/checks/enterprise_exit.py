"""When does an enterprise stop being a 托管服务对象? 《管理办法》第十三条 (and 第二十三条)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.assistant.context import AnswerContext
from bot.assistant.fact_builders import enterprise_exit_facts
from bot.assistant.faq import faq_answer
from rules_core.answer import Answer, render_check
from rules_core.enterprise_exit import check_enterprise_exit

QUESTION_INTENT = "ask_enterprise_exit"


def enterprise_exit_answer(slots: Mapping[str, Any], ctx: AnswerContext) -> Answer:
    """【结论】不再作为托管服务对象 / 未触发退出情形 / 尚需确认."""
    return render_check(check_enterprise_exit(enterprise_exit_facts(slots), ctx.as_of))


def enterprise_exit_rule(ctx: AnswerContext) -> Answer | None:
    """When an enterprise leaves the service (the curated answer)."""
    return faq_answer(QUESTION_INTENT, ctx)
