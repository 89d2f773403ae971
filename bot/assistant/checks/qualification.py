"""Can an organisation become a 托管服务机构? 《管理办法》第八条 (with 第二条第二款)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.assistant.context import AnswerContext
from bot.assistant.fact_builders import agency_facts
from bot.assistant.faq import faq_answer
from bot.assistant.vocabulary import EXCLUDED_FIRM_TYPES
from rules_core.answer import Answer, render_check
from rules_core.qualification import check_agency_qualification
from rules_core.results import CheckResult, Verdict

QUESTION_INTENT = "ask_agency_conditions"


def qualification_result(slots: Mapping[str, Any], as_of: date) -> CheckResult:
    return check_agency_qualification(agency_facts(slots), as_of)


# 「听说劳务派遣不能参加？我们能不能做托管服务机构？」: 第九条's exclusion is of clients only
CLIENTS_ONLY_EXCLUSION = (
    "第九条把劳务派遣单位、人力资源服务机构排除在托管服务对象之外；第八条对托管服务机构没有"
    "这一限制，这类机构符合第八条的条件即可申请成为托管服务机构。"
)


def qualification_answer(slots: Mapping[str, Any], ctx: AnswerContext) -> Answer:
    """【结论】符合 / 不符合 / 尚需确认 for 第八条; a dispatch or HR-services firm is told that
    第九条's exclusion is of the enterprises served, not of agencies."""
    notes = [CLIENTS_ONLY_EXCLUSION] if slots.get("firm_type") in EXCLUDED_FIRM_TYPES else []
    return render_check(qualification_result(slots, ctx.as_of), notes)


def qualification_decided(slots: Mapping[str, Any], as_of: date) -> bool:
    """One unmet condition of 第八条 decides 不符合 whatever the rest."""
    return qualification_result(slots, as_of).verdict is Verdict.NOT_ELIGIBLE


def qualification_conditions(ctx: AnswerContext) -> Answer | None:
    """The conditions of 第八条 (the curated answer)."""
    return faq_answer(QUESTION_INTENT, ctx)
