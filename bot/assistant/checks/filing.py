"""Within how many days must the agreement be filed? 《管理办法》第十七条."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.assistant.context import AnswerContext
from bot.assistant.fact_builders import parse_date
from bot.assistant.faq import faq_answer
from rules_core.answer import Answer, render_check
from rules_core.deadlines import filing_deadline

QUESTION_INTENT = "ask_filing"


def has_signing_day(slots: Mapping[str, Any]) -> bool:
    """A signing day is known (a month alone cannot give the 15th day)."""
    return parse_date(slots.get("signed_on")) is not None


def filing_answer(slots: Mapping[str, Any], ctx: AnswerContext) -> Answer:
    """The last filing day for the signing day in ``slots["signed_on"]`` (ISO date)."""
    signed_on = parse_date(slots.get("signed_on"))
    if signed_on is None:
        raise ValueError("filing_answer needs a signing day (slots['signed_on'] = 'YYYY-MM-DD')")
    return render_check(filing_deadline(signed_on, ctx.as_of))


def filing_rule(ctx: AnswerContext) -> Answer | None:
    """The 15-day rule (the curated answer)."""
    return faq_answer(QUESTION_INTENT, ctx)
