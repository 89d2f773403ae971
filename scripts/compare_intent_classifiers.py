"""A linear baseline for the intent classifier, measured the way the pipeline's DIET is.

DIET (config.yml) sees sparse features only here: jieba words and character n-grams, no
pretrained vectors. A logistic regression over TF-IDF of the same kinds of features is the
obvious cheaper alternative, so this script measures it on the same data:

- 5-fold cross-validation on the training data (DIET's figure: `make eval`), intent macro-F1
  and accuracy;
- how config.yml's fallback threshold would treat its predictions: how many errors would turn
  into the two-topic buttons, and how many right answers would too (a classifier whose
  probabilities are flat would send many right answers to the buttons);
- with --heldout, macro-F1 on each held-out set (DIET's: `make eval-heldout`).

Texts are read as the pipeline reads them (normalised, closing question first).

    python scripts/compare_intent_classifiers.py [--heldout]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.language.normalize import classification_text, normalize_text  # noqa: E402
from kb.analyzer import new_tokenizer  # noqa: E402
from kb.paths import KbFiles  # noqa: E402
from scripts.nlu_sets import HELDOUT_SETS, TRAINING_DIR, examples  # noqa: E402

# inverse regularisation strengths tried; the larger, the closer it fits the training data
STRENGTHS = (10.0, 30.0)


@lru_cache(maxsize=1)
def _jieba() -> Any:
    return new_tokenizer(KbFiles.default().jieba_dicts())


def words(text: str) -> list[str]:
    """jieba words with the domain dictionary, as the pipeline's JiebaTokenizer splits them."""
    return [w for w in _jieba().lcut(text) if w.strip()]


class LinearIntentModel:
    """Logistic regression over TF-IDF (sublinear) of jieba words and character 1–3-grams."""

    def __init__(self, c: float) -> None:
        self._vectorizers = (
            TfidfVectorizer(tokenizer=words, token_pattern=None, sublinear_tf=True),
            TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True),
        )
        self._regression = LogisticRegression(C=c, max_iter=3000)

    def fit(self, texts: Sequence[str], intents: Sequence[str]) -> LinearIntentModel:
        features = hstack([v.fit_transform(texts) for v in self._vectorizers]).tocsr()
        self._regression.fit(features, list(intents))
        return self

    @property
    def intents(self) -> list[str]:
        return [str(i) for i in self._regression.classes_]

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """(texts, intents); each row sums to 1."""
        features: csr_matrix = hstack([v.transform(texts) for v in self._vectorizers]).tocsr()
        return np.asarray(self._regression.predict_proba(features))


def pipeline_text(text: str) -> str:
    return classification_text(normalize_text(text))


def fallback_settings() -> tuple[float, float]:
    """(threshold, ambiguity_threshold) of the FallbackClassifier in config.yml."""
    config = yaml.safe_load((REPO / "config.yml").read_text(encoding="utf-8"))
    for step in config["pipeline"]:
        if step["name"] == "FallbackClassifier":
            return float(step["threshold"]), float(step["ambiguity_threshold"])
    raise SystemExit("config.yml has no FallbackClassifier")


def cross_validated(texts: list[str], labels: list[str], c: float) -> tuple[list[str], np.ndarray]:
    """Out-of-fold predictions and, per text, its two highest probabilities."""
    predicted = [""] * len(texts)
    top_two = np.zeros((len(texts), 2))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=2021).split(texts, labels):
        model = LinearIntentModel(c).fit([texts[i] for i in train], [labels[i] for i in train])
        for row, i in zip(model.probabilities([texts[i] for i in test]), test, strict=True):
            order = np.argsort(-row)
            predicted[i] = model.intents[order[0]]
            top_two[i] = row[order[0]], row[order[1]]
    return predicted, top_two


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--heldout", action="store_true", help="also score the held-out sets")
    args = parser.parse_args()
    pairs = [pair for path in sorted(TRAINING_DIR.glob("*.yml")) for pair in examples(path)]
    texts = [pipeline_text(text) for _, text in pairs]
    labels = [intent for intent, _ in pairs]
    threshold, ambiguity = fallback_settings()
    print(f"{len(texts)} training examples, {len(set(labels))} intents")
    print(f"fallback (config.yml): top confidence < {threshold} or top-two gap < {ambiguity}")
    for c in STRENGTHS:
        predicted, top_two = cross_validated(texts, labels, c)
        right = np.array([p == y for p, y in zip(predicted, labels, strict=True)])
        falls_back = (top_two[:, 0] < threshold) | (top_two[:, 0] - top_two[:, 1] < ambiguity)
        print(
            f"logistic regression C={c:g}: 5-fold CV macro-F1 "
            f"{f1_score(labels, predicted, average='macro'):.3f}, accuracy {right.mean():.3f}; "
            f"the fallback would catch {(falls_back & ~right).sum()} of {(~right).sum()} errors "
            f"and hold back {(falls_back & right).sum()} of {right.sum()} right answers",
            flush=True,
        )
        if args.heldout:
            model = LinearIntentModel(c).fit(texts, labels)
            for name, (path, _) in HELDOUT_SETS.items():
                gold = examples(path)
                rows = model.probabilities([pipeline_text(t) for _, t in gold])
                guesses = [model.intents[int(np.argmax(row))] for row in rows]
                wanted = [intent for intent, _ in gold]
                score = f1_score(wanted, guesses, average="macro", labels=sorted(set(wanted)))
                print(f"    {name} ({path.name}): macro-F1 {score:.3f}", flush=True)


if __name__ == "__main__":
    main()
