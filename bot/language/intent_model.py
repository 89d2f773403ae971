"""A linear intent model: logistic regression over jieba words and character n-grams.

Why not DIET: with no pretrained Chinese vectors available here, both see the same kinds of
sparse features, and on this data (about 4,000 short messages, 57 intents) the linear model
scored higher on 5-fold cross-validation (README 「实测」, scripts/compare_intent_classifiers.py).
It also trains in under a minute instead of about five.

Features: TF-IDF (sublinear, L2-normalised) of jieba words with the domain dictionary
(kb/jieba_dict) and of character 1–3-grams, which catch typos and words jieba splits oddly.
Probabilities are the multinomial softmax, so they can be compared with a fallback threshold.

Saved as plain arrays and JSON (no pickle): loading a model never runs code from the file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from kb.analyzer import dictionary_texts, tokenizer_for_texts
from kb.paths import KbFiles

_META = "intent_model.json"
_ARRAYS = "intent_model.npz"
# bumped whenever the saved form changes; an older model must be retrained (make train)
FORMAT = 2


class StaleModelError(RuntimeError):
    """A saved model this code cannot read; starting with it would misread every message."""


@dataclass(frozen=True)
class IntentModelConfig:
    """Chosen by 5-fold cross-validation on the training data (scripts/compare_intent_classifiers.py)."""

    # inverse regularisation strength of the logistic regression
    c: float = 30.0
    char_min_ngram: int = 1
    char_max_ngram: int = 3
    word_max_ngram: int = 1
    max_iter: int = 3000


def current_dictionaries() -> tuple[str, ...]:
    """The texts of kb/jieba_dict/*, which a model is trained with and then keeps."""
    return dictionary_texts(KbFiles.default().jieba_dicts())


class _Words:
    """jieba words of a normalised message, spaces dropped, split with the model's dictionaries
    (so a saved model splits words as it did in training, whatever kb/jieba_dict holds now)."""

    def __init__(self, dictionaries: tuple[str, ...]) -> None:
        self.dictionaries = dictionaries
        self._tokenizer = tokenizer_for_texts(dictionaries)

    def __call__(self, text: str) -> list[str]:
        return [w for w in self._tokenizer.lcut(text) if w.strip()]


def _vectorizers(
    config: IntentModelConfig, words: _Words
) -> tuple[TfidfVectorizer, TfidfVectorizer]:
    word = TfidfVectorizer(
        tokenizer=words,
        token_pattern=None,
        ngram_range=(1, config.word_max_ngram),
        lowercase=True,
        sublinear_tf=True,
    )
    char = TfidfVectorizer(
        analyzer="char",
        ngram_range=(config.char_min_ngram, config.char_max_ngram),
        lowercase=True,
        sublinear_tf=True,
    )
    return word, char


def _per_intent(coef: np.ndarray, intercept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One row of weights per intent. With two intents scikit-learn keeps one row, for the
    second intent against the first; softmax over (0, that score) is the same probability."""
    if coef.shape[0] == 1:
        coef = np.vstack([np.zeros_like(coef), coef])
        intercept = np.concatenate([np.zeros_like(intercept), intercept])
    return coef.astype(np.float32), intercept.astype(np.float32)


class IntentModel:
    """Fit on (text, intent) pairs; rank the intents of new texts with probabilities."""

    def __init__(
        self,
        config: IntentModelConfig,
        vectorizers: tuple[TfidfVectorizer, TfidfVectorizer],
        intents: list[str],
        weights: np.ndarray,
        bias: np.ndarray,
    ) -> None:
        self.config = config
        self._vectorizers = vectorizers
        self.intents = intents
        self._weights = weights  # (intents, features)
        self._bias = bias  # (intents,)

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        intents: Sequence[str],
        config: IntentModelConfig,
        dictionaries: tuple[str, ...] | None = None,
    ) -> IntentModel:
        """``dictionaries``: jieba user-dictionary texts; by default kb/jieba_dict's."""
        words = _Words(current_dictionaries() if dictionaries is None else dictionaries)
        vectorizers = _vectorizers(config, words)
        features = hstack([v.fit_transform(texts) for v in vectorizers]).tocsr()
        regression = LogisticRegression(C=config.c, max_iter=config.max_iter)
        regression.fit(features, list(intents))
        return cls(
            config,
            vectorizers,
            [str(i) for i in regression.classes_],
            *_per_intent(regression.coef_, regression.intercept_),
        )

    def _features(self, texts: Sequence[str]) -> csr_matrix:
        return hstack([v.transform(texts) for v in self._vectorizers]).tocsr()

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """(texts, intents) probabilities; each row sums to 1."""
        scores = self._features(texts) @ self._weights.T + self._bias
        scores = np.asarray(scores, dtype=np.float64)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def rank(self, text: str, length: int = 10) -> list[tuple[str, float]]:
        """The ``length`` likeliest intents of one text, best first."""
        row = self.probabilities([text])[0]
        order = np.argsort(-row)[:length]
        return [(self.intents[i], float(row[i])) for i in order]

    def save(self, directory: Path) -> None:
        word, char = self._vectorizers
        meta = {
            "format": FORMAT,
            "config": asdict(self.config),
            "jieba_dictionaries": list(word.tokenizer.dictionaries),
            "intents": self.intents,
            "word_vocabulary": {k: int(v) for k, v in word.vocabulary_.items()},
            "char_vocabulary": {k: int(v) for k, v in char.vocabulary_.items()},
        }
        (directory / _META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        np.savez_compressed(
            directory / _ARRAYS,
            word_idf=word.idf_,
            char_idf=char.idf_,
            weights=self._weights,
            bias=self._bias,
        )

    @classmethod
    def load(cls, directory: Path) -> IntentModel:
        meta = json.loads((directory / _META).read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise StaleModelError(
                f"the trained intent model has format {meta.get('format')}, this code reads "
                f"{FORMAT}: retrain it (make train)"
            )
        config = IntentModelConfig(**meta["config"])
        with np.load(directory / _ARRAYS, allow_pickle=False) as arrays:
            words = _Words(tuple(meta["jieba_dictionaries"]))
            word, char = _vectorizers(config, words)
            word.vocabulary = meta["word_vocabulary"]
            char.vocabulary = meta["char_vocabulary"]
            word.idf_ = arrays["word_idf"]
            char.idf_ = arrays["char_idf"]
            return cls(config, (word, char), meta["intents"], arrays["weights"], arrays["bias"])
