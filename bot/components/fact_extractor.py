"""Rasa component: the deterministic fact extractor (bot/language/facts.py) as entities.

Numbers, dates and the regulation's categories are extracted by patterns rather than learned,
so 「八十多人」 and 「2021年5月10日」 always mean the same thing; the classifier only classifies intents.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.assistant.context import as_of_date
from bot.components.normalizer import NORMALIZED_TEXT
from bot.language.facts import extract_facts


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class FactExtractor(GraphComponent, EntityExtractorMixin):
    """Adds headcount, district, firm type, dates, counts … as entities."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> FactExtractor:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(NORMALIZED_TEXT) or message.get(TEXT) or ""
            # relative dates (「去年8月」) are read as of the date the rules are evaluated at
            facts = extract_facts(text, today=as_of_date())
            found = [fact.as_entity(self.name) for fact in facts]
            message.set(ENTITIES, [*message.get(ENTITIES, []), *found], add_to_output=True)
        return messages
