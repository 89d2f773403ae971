"""Fill the fact slots from every user message (Rasa's ``action_validate_slot_mappings``).

Runs after each message, inside a form or not, so that facts given up front (「现在45名员工」)
or corrections (「不对，是120人」) land in their slots and a form asks only what is missing.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction

from actions.base import latest_intent
from actions.fact_context import CONTEXT_INTENT, check_for_facts
from actions.slot_values import answer_to_requested_slot, slots_from_entities


class ActionValidateSlotMappings(ValidationAction):
    """Entities and short answers (是/否/不清楚/a number) → slot values."""

    def name(self) -> str:
        return "action_validate_slot_mappings"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = latest_intent(tracker)
        active_form = (tracker.active_loop or {}).get("name")
        requested = tracker.get_slot("requested_slot") if active_form else None
        entities = list(tracker.latest_message.get("entities") or [])
        text = str(tracker.latest_message.get("text") or "")
        if intent == "inform" and not active_form:
            # a statement of facts outside a form is read in the context of the check it
            # belongs to: a bare date there is the subsidy's first signing date
            intent = CONTEXT_INTENT.get(check_for_facts(entities, text) or "", intent)
        updates = slots_from_entities(entities, intent, active_form, requested)
        # 「不对，是120人」 is a correction carrying a fact, not a 「否」 to the question asked
        is_correction = intent == "deny" and bool(updates)
        if requested and requested not in updates and not is_correction:
            answer = answer_to_requested_slot(requested, intent, text)
            if answer is not None:
                updates[requested] = answer
        return [
            SlotSet(name, value)
            for name, value in updates.items()
            if tracker.get_slot(name) != value
        ]
