"""Is the regulation in force? 《管理办法》第二十七条, evaluated at the "as of" date."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.base import PolicyAnswerAction
from actions.context import as_of_date
from rules_core.answer import Answer, render_check
from rules_core.validity import validity_status


class ActionValidity(PolicyAnswerAction):
    """【结论】 on whether the regulation is in force today, with its dates."""

    def name(self) -> str:
        return "action_validity"

    def answer(self, tracker: Tracker) -> Answer | None:
        return render_check(validity_status(as_of_date()))
