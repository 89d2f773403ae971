"""Choose the intent model's settings and the fallback thresholds by 5-fold cross-validation.

The intent classifier is a logistic regression over jieba words and character n-grams
(bot/language/intent_model.py). This script measures it on the training data only:

- 5-fold cross-validation, intent macro-F1 and accuracy, for each candidate strength C;
- for each candidate fallback setting (FallbackClassifier ``threshold``, ``ambiguity_threshold``),
  how many cross-validated errors would turn into the two-topic buttons instead of a wrong
  answer, and how many right answers would be held back the same way;
- with --heldout, macro-F1 on each held-out set (the figures `make eval-heldout` gives for the
  whole pipeline, which adds the short-reply rules and the fallback).

DIET's cross-validation figure on the same data comes from `make eval` (README 「实测」).
Texts are read as the pipeline reads them (normalised, closing question first).

    python scripts/compare_intent_classifiers.py [--heldout]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.language.intent_model import IntentModel, IntentModelConfig  # noqa: E402
from scripts.nlu_scores import macro_f1  # noqa: E402
from scripts.nlu_sets import HELDOUT_SETS, TRAINING_DIR, examples, pipeline_text  # noqa: E402

STRENGTHS = (10.0, 20.0, 30.0, 50.0)
# (threshold, ambiguity_threshold) pairs to compare
FALLBACKS = ((0.45, 0.08), (0.3, 0.05), (0.25, 0.03), (0.2, 0.02), (0.15, 0.0))


def cross_validated(
    texts: list[str], labels: list[str], config: IntentModelConfig
) -> tuple[list[str], np.ndarray]:
    """Out-of-fold predictions and, per text, its two highest probabilities."""
    predicted = [""] * len(texts)
    top_two = np.zeros((len(texts), 2))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=2021).split(texts, labels):
        model = IntentModel.fit([texts[i] for i in train], [labels[i] for i in train], config)
        rows = model.probabilities([texts[i] for i in test])
        for row, i in zip(rows, test, strict=True):
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
    print(f"{len(texts)} training examples, {len(set(labels))} intents")
    for c in STRENGTHS:
        config = IntentModelConfig(c=c)
        predicted, top_two = cross_validated(texts, labels, config)
        right = np.array([p == y for p, y in zip(predicted, labels, strict=True)])
        print(
            f"C={c:g}: 5-fold CV macro-F1 {f1_score(labels, predicted, average='macro'):.3f}, "
            f"accuracy {right.mean():.3f}",
            flush=True,
        )
        for threshold, ambiguity in FALLBACKS:
            falls_back = (top_two[:, 0] < threshold) | (top_two[:, 0] - top_two[:, 1] < ambiguity)
            print(
                f"    fallback below {threshold} or gap < {ambiguity}: catches "
                f"{(falls_back & ~right).sum()} of {(~right).sum()} errors, holds back "
                f"{(falls_back & right).sum()} of {right.sum()} right answers"
            )
        if args.heldout:
            model = IntentModel.fit(texts, labels, config)
            for name, (path, _) in HELDOUT_SETS.items():
                gold = examples(path)
                rows = model.probabilities([pipeline_text(t) for _, t in gold])
                guesses = [model.intents[int(np.argmax(row))] for row in rows]
                # labels = gold ∪ predicted, as in Rasa's report and scripts/nlu_scores.py
                score = macro_f1(
                    [(intent, guess) for (intent, _), guess in zip(gold, guesses, strict=True)]
                )
                print(f"    {name} ({path.name}): macro-F1 {score:.3f}", flush=True)


if __name__ == "__main__":
    main()
