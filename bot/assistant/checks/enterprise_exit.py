"""When does an enterprise stop being a 托管服务对象? 《管理办法》第十三条 (and 第二十三条)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from bot.assistant.context import AnswerContext
from bot.assistant.fact_builders import (
    enterprise_exit_facts,
    month_only,
    service_start,
    year_only,
)
from bot.assistant.faq import faq_answer
from rules_core.answer import Answer, render_check
from rules_core.enterprise_exit import check_enterprise_exit, three_years_complete_on
from rules_core.periods import chinese_date

QUESTION_INTENT = "ask_enterprise_exit"


def enterprise_exit_answer(slots: Mapping[str, Any], ctx: AnswerContext) -> Answer:
    """【结论】不再作为托管服务对象 / 未触发退出情形 / 尚需确认.

    A start given as a month (「2021年5月开始」) is enough when the first and the last day of
    that month give the same result; the answer then says that the day only moves the exact
    date. Otherwise the start counts as not known, and the answer says between which days the
    three years are complete.
    """
    facts = enterprise_exit_facts(slots)
    start = service_start(slots)
    span = month_only(start) or year_only(start)
    if span is None:
        return render_check(check_enterprise_exit(facts, ctx.as_of))
    first, last = span
    early = check_enterprise_exit(replace(facts, service_started=first), ctx.as_of)
    late = check_enterprise_exit(replace(facts, service_started=last), ctx.as_of)
    window = f"{chinese_date(three_years_complete_on(first))}至{chinese_date(three_years_complete_on(last))}"
    said = (
        f"您只提供了年月（{first.year}年{first.month}月）"
        if first.month == last.month
        else f"您只提供了年份（{first.year}年）"
    )
    if early.verdict is late.verdict:
        first_day = "当月1日" if first.month == last.month else "当年1月1日"
        note = (
            f"{said}，按{first_day}计算；三年在{window}之间届满，具体以实际开始接受服务的日期为准。"
        )
        return render_check(early, [note])
    note = f"{said}：三年在{window}之间届满，请提供开始接受托管服务的具体日期。"
    return render_check(check_enterprise_exit(facts, ctx.as_of), [note])


def enterprise_exit_rule(ctx: AnswerContext) -> Answer | None:
    """When an enterprise leaves the service (the curated answer)."""
    return faq_answer(QUESTION_INTENT, ctx)
