"""Rasa component: the intent classifier, a linear model over words and characters.

Reads the classification text the normaliser leaves in ``text`` (traditional → simplified,
typos fixed, the closing question first) and sets ``intent`` and ``intent_ranking`` as Rasa's
own classifiers do, so the reply classifier, the fallback classifier, the dialogue policies and
the staff console read it unchanged. The model itself is bot/language/intent_model.py.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, fields
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.language.intent_model import IntentModel, IntentModelConfig

logger = logging.getLogger(__name__)

RANKING_LENGTH = 10


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(GraphComponent):
    """Logistic regression over TF-IDF of jieba words and character n-grams."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return asdict(IntentModelConfig())

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: IntentModel | None = None,
    ) -> None:
        known = {f.name for f in fields(IntentModelConfig)}
        self._config = IntentModelConfig(**{k: v for k, v in config.items() if k in known})
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        self._model = IntentModel.fit(
            [e.get(TEXT) for e in examples], [e.get(INTENT) for e in examples], self._config
        )
        with self._model_storage.write_to(self._resource) as directory:
            self._model.save(directory)
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LinearIntentClassifier:
        try:
            with model_storage.read_from(resource) as directory:
                model = IntentModel.load(directory)
        except (ValueError, FileNotFoundError):
            # Rasa loads untrained components too (e.g. when there was no NLU data).
            logger.warning("No trained intent model in %s; intents stay unset.", resource.name)
            model = None
        return cls(config, model_storage, resource, model)

    def process(self, messages: list[Message]) -> list[Message]:
        if self._model is None:
            return messages
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            ranking = [
                {"name": name, "confidence": confidence}
                for name, confidence in self._model.rank(text, RANKING_LENGTH)
            ]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
