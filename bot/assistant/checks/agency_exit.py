"""Does an agency stop being a 托管服务机构? 《管理办法》第十一条 (and 第十二条 for its clients)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.assistant.context import AnswerContext
from bot.assistant.fact_builders import agency_exit_facts
from bot.assistant.faq import faq_answer
from bot.assistant.vocabulary import AGENCY_EXIT_SLOTS
from rules_core.agency_exit import check_agency_exit
from rules_core.answer import Answer, render_check
from rules_core.results import CheckResult, Verdict

QUESTION_INTENT = "ask_agency_exit"
# Shares a user may state directly (「20%的企业有案件」) that the form does not ask for.
AGENCY_EXIT_SHARE_SLOTS = ("client_case_percent", "change_percent")
AGENCY_EXIT_FIGURE_SLOTS = (*AGENCY_EXIT_SLOTS, *AGENCY_EXIT_SHARE_SLOTS)


def agency_exit_result(slots: Mapping[str, Any], as_of: date) -> CheckResult:
    return check_agency_exit(agency_exit_facts(slots), as_of)


def agency_exit_answer(slots: Mapping[str, Any], ctx: AnswerContext) -> Answer:
    """【结论】触发退出情形 / 未触发退出情形 / 尚需确认."""
    return render_check(agency_exit_result(slots, ctx.as_of))


def agency_exit_decided(slots: Mapping[str, Any], as_of: date) -> bool:
    """One situation of 第十一条 met decides 触发退出情形 whatever the rest."""
    return agency_exit_result(slots, as_of).verdict is Verdict.AGENCY_EXIT


def agency_exit_situations(ctx: AnswerContext) -> Answer | None:
    """The four situations of 第十一条 (the curated answer)."""
    return faq_answer(QUESTION_INTENT, ctx)


def needless_questions(slots: Mapping[str, Any]) -> frozenset[str]:
    """The agency exit questions other facts answer: a share of clients with cases (20%) makes
    their count needless, a share of change requests (10%) theirs, both the number of clients;
    no case of its own (0件) makes the rate 0%."""
    needless = set()
    if slots.get("client_case_percent") is not None:
        needless.add("clients_with_cases")
    if slots.get("change_percent") is not None:
        needless.add("change_requests")
    if {"clients_with_cases", "change_requests"} <= needless:
        needless.add("clients_served")
    if str(slots.get("own_case_count")) == "0":
        needless.add("own_case_rate")
    return frozenset(needless)
