"""Answers that come straight from the curated answers in ``kb/faq.yml``."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.base import PolicyAnswerAction, current_validity_notes, latest_intent
from actions.context import knowledge_base
from rules_core.answer import Answer, compose
from rules_core.citations import PLAN_REPORT_NAME


def faq_answer(intent: str, extra_body: tuple[str, ...] = ()) -> Answer | None:
    """The curated answer for ``ask_<key>``, with its citations and the validity note."""
    entry = knowledge_base().faq_for_intent(intent)
    if entry is None:
        return None
    return compose(
        body=[entry.answer, *extra_body],
        articles=entry.articles,
        interpretation=entry.interpretation,
        notes=current_validity_notes(),
        data={"faq": entry.key, "topic": entry.topic},
        other_sources=[PLAN_REPORT_NAME] if entry.reports else [],
    )


class ActionAnswerFaq(PolicyAnswerAction):
    """Any ``ask_<key>`` intent without a calculator: the curated answer for that key."""

    def name(self) -> str:
        return "action_answer_faq"

    def answer(self, tracker: Tracker) -> Answer | None:
        return faq_answer(latest_intent(tracker))
