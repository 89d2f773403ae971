"""Shared behaviour of the four calculator forms (abstract: rasa-sdk registers subclasses only).

A form asks its slots in order, skipping those already filled from earlier messages, and ends
early as soon as the facts decide the answer (150人 → 不符合 at once).
"""

from __future__ import annotations

import abc
from collections.abc import Mapping
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction


class CalculatorFormValidation(FormValidationAction, abc.ABC):
    """Ends the form once :meth:`check` is decisive; otherwise asks the missing slots in order."""

    @abc.abstractmethod
    def name(self) -> str: ...

    @abc.abstractmethod
    def slot_order(self) -> tuple[str, ...]:
        """The slots of this form, in the order they are asked."""

    @abc.abstractmethod
    def is_decided(self, slots: Mapping[str, Any]) -> bool:
        """True when the facts so far already decide the answer, whatever the rest."""

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: dict[str, Any],
    ) -> list[str]:
        slots = {name: tracker.get_slot(name) for name in self.slot_order()}
        if self.is_decided(slots):
            return []
        return list(self.slot_order())
