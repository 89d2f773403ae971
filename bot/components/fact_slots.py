"""Rasa component: the slot values a message states, as entities the domain's slot mappings read.

Runs last in the pipeline, once the intent is final, and adds ``fact_slot`` / ``context_fact`` /
``form_fact`` entities (role = slot name) computed by
:func:`bot.assistant.slot_filling.slot_entities` from the fact extractor's entities. ``bot/domain.yml`` maps each fact slot ``from_entity`` on them, so the
Rasa server fills the slots itself after every message: no action-server call (issue 9).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.assistant.slot_filling import slot_entities
from bot.components.normalizer import NORMALIZED_TEXT


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class FactSlotMapper(GraphComponent, EntityExtractorMixin):
    """Adds the ``fact_slot`` / ``form_fact`` entities the slot mappings read."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> FactSlotMapper:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            entities = list(message.get(ENTITIES) or [])
            intent = context_intent_name(message)
            text = message.get(NORMALIZED_TEXT) or message.get(TEXT) or ""
            # no span: a slot value may come from several facts (three places → in_pingshan)
            found = [
                {**entity, "start": 0, "end": 0, "extractor": self.name}
                for entity in slot_entities(entities, intent, text)
            ]
            message.set(ENTITIES, [*entities, *found], add_to_output=True)
        return messages


FALLBACK_INTENT = "nlu_fallback"


def context_intent_name(message: Message) -> str:
    """The intent the facts are read in: the top one that is not the fallback, because a
    caller's long sentence that falls back (「2021年5月10日签约的，第二年」) still speaks of
    the check its best guess names."""
    intent = str((message.get(INTENT) or {}).get("name") or "")
    if intent != FALLBACK_INTENT:
        return intent
    ranking = [str(r.get("name") or "") for r in message.get(INTENT_RANKING_KEY) or []]
    return next((name for name in ranking if name and name != FALLBACK_INTENT), intent)
