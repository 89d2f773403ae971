"""Within how many days must the agreement be filed? 《管理办法》第十七条."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.base import send_policy_answer
from actions.context import as_of_date
from actions.fact_builders import parse_date
from actions.faq import faq_answer
from rules_core.answer import render_check
from rules_core.deadlines import filing_deadline


class ActionFiling(Action):
    """The rule, or the last filing day when the signing date is given."""

    def name(self) -> str:
        return "action_filing"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        signed_on = parse_date(tracker.get_slot("signed_on"))
        if signed_on is not None:
            send_policy_answer(
                dispatcher, tracker, render_check(filing_deadline(signed_on, as_of_date()))
            )
            return []
        answer = faq_answer("ask_filing")
        if answer is not None:
            send_policy_answer(dispatcher, tracker, answer)
        return []
