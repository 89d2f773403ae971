"""Is the regulation in force? 《管理办法》第二十七条, evaluated at the "as of" date."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.assistant.context import AnswerContext
from rules_core.answer import Answer, render_check
from rules_core.validity import validity_status

QUESTION_INTENT = "ask_validity"


def validity_answer(ctx: AnswerContext) -> Answer:
    """【结论】 on whether the regulation is in force at ``ctx.as_of``, with its dates."""
    return render_check(validity_status(ctx.as_of))


def validity_check(slots: Mapping[str, Any], ctx: AnswerContext) -> Answer:
    """The same answer, whatever the facts: validity depends on the date only."""
    return validity_answer(ctx)
