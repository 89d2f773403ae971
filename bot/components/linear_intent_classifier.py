"""Rasa component: the intent classifier, a linear model over words and characters.

Reads the classification text the normaliser leaves in ``text`` (traditional → simplified,
typos fixed, the closing question first) and sets ``intent`` and ``intent_ranking`` as Rasa's
own classifiers do, so the reply classifier, the fallback classifier, the dialogue policies and
the staff console read it unchanged. The model itself is bot/language/intent_model.py.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.assistant.vocabulary import ITEM_INTENTS
from bot.components.normalizer import CLASSIFICATION_TEXT, NORMALIZED_TEXT
from bot.language import intent_model
from bot.language.intent_model import IntentModel, IntentModelConfig, current_dictionaries
from bot.language.normalize import classification_text, normalize_text
from bot.language.statements import list_items, question_segments

logger = logging.getLogger(__name__)

# keys Rasa adds to every component's config
_RASA_KEYS = {"name", "class"}

RANKING_LENGTH = 10
# message key: [(question, intent, confidence)] for each question of a message that asks several
SEGMENT_INTENTS = "segment_intents"
MIN_SEGMENTS = 2
# What Rasa's own classifiers set when they cannot classify: the fallback classifier reads it.
NO_INTENT = {"name": None, "confidence": 0.0}


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
        unknown = set(config) - known - _RASA_KEYS
        if unknown:
            logger.warning("LinearIntentClassifier ignores unknown settings: %s", sorted(unknown))
        self._config = IntentModelConfig(**{k: v for k, v in config.items() if k in known})
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Rasa reuses a cached trained component when its class and config are unchanged; the
        model's code and the jieba dictionaries it reads must also invalidate that cache."""
        digest = hashlib.sha256(Path(intent_model.__file__).read_bytes())
        digest.update(Path(__file__).read_bytes())  # which message attribute it reads
        for text in current_dictionaries():
            digest.update(text.encode("utf-8"))
        return digest.hexdigest()

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
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and _text(e)]
        self._model = IntentModel.fit(
            [_text(e) for e in examples], [e.get(INTENT) for e in examples], self._config
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
        except ValueError:
            # Rasa loads untrained components too (no resource when there was no NLU data).
            # A model saved in an older format raises StaleModelError instead, on purpose.
            logger.warning(
                "No trained intent model in %s: every message will fall back.", resource.name
            )
            model = None
        return cls(config, model_storage, resource, model)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = _text(message)
            if self._model is None or not text:
                # an empty message: the fallback classifier turns this into nlu_fallback
                message.set(INTENT, dict(NO_INTENT), add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
                continue
            ranking = [
                {"name": name, "confidence": confidence}
                for name, confidence in self._model.rank(text, RANKING_LENGTH)
            ]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
            # 「能申请吗？另外名单在哪看」: each question of a message classified on its own, for
            # the reply classifier to see a second question (bot/components/reply_classifier.py)
            segments = question_segments(str(message.get(NORMALIZED_TEXT) or ""))
            if len(segments) >= MIN_SEGMENTS:
                message.set(
                    SEGMENT_INTENTS,
                    [(segment, *self._model.rank(segment, 1)[0]) for segment in segments],
                )
            # the numbering is read on the text as typed: the normaliser turns it into commas
            items = list_items(str(message.get(TEXT) or ""))
            if len(items) >= MIN_SEGMENTS:
                message.set(
                    ITEM_INTENTS,
                    [(item, *self._model.rank(_read(item), 1)[0]) for item in items],
                    add_to_output=True,
                )
        return messages


def _text(message: Message) -> str:
    """What the classifier reads: the normaliser's classification text (the closing question
    first), or the text itself when the normaliser did not run."""
    return str(message.get(CLASSIFICATION_TEXT) or message.get(TEXT) or "")


def _read(item: str) -> str:
    """What the classifier reads of one item of a list: its text normalised as a message's is."""
    return classification_text(normalize_text(item))
