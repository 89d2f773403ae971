"""Rasa component: normalise the text before anything reads it (see bot/language/normalize.py).

The message ``text`` stays what the user typed (the tracker, the actions and the transcripts all
show the user's own words). The normalised forms go in their own message attributes:

- ``normalized_text``     traditional → simplified, full-width → half-width, typos fixed; read by
                          the fact extractor, the short-reply rules and the actions (it is part
                          of the parse output, so ``latest_message["normalized_text"]``);
- ``classification_text`` the same with the closing question first; read by the intent classifier.

Runs first in the pipeline, on training examples and on every incoming message, so that the
model never sees traditional characters, full-width forms or the known typos.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.language import normalize, tokens
from bot.language.normalize import classification_text, normalize_text
from bot.server import action_reply_schema

# The normalised text as typed (entity offsets refer to it), and what the classifier reads.
NORMALIZED_TEXT = "normalized_text"
CLASSIFICATION_TEXT = "classification_text"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class ChineseTextNormalizer(GraphComponent):
    """Traditional → simplified, full-width → half-width, known typos → the regulation's words."""

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Rasa reuses cached training results downstream (the intent classifier) while this
        component's class and config are unchanged: the normalising code and tables must
        invalidate that cache too, or a retrained model would keep yesterday's texts."""
        digest = hashlib.sha256()
        for path in (Path(normalize.__file__), Path(tokens.__file__), normalize.TYPOS_FILE):
            digest.update(path.read_bytes())
        return digest.hexdigest()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ChineseTextNormalizer:
        # Loaded by the Rasa server at start: the place to replace Rasa's per-call schema check
        # of action-server replies with a validator built once (bot/server/action_reply_schema.py).
        action_reply_schema.install()
        return cls()

    @staticmethod
    def _normalize(message: Message) -> None:
        text = message.get(TEXT)
        if isinstance(text, str) and text:
            normalized = normalize_text(text)
            message.set(NORMALIZED_TEXT, normalized, add_to_output=True)
            message.set(CLASSIFICATION_TEXT, classification_text(normalized))

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            self._normalize(example)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._normalize(message)
        return messages
