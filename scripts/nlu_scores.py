#!/usr/bin/env python3
"""Print the NLU figures the README quotes, from `rasa test nlu` reports and the held-out set.

Intent figures come from Rasa's reports (reports/heldout, reports/cross_validation). Entity F1 is
measured here at the level a user notices: for each held-out message, the set of
(entity, value, role) facts the extractor returns against the annotated set; Rasa's own
token-level entity report (FactExtractor_report.json) is printed beside it.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scripts.fact_scores import fact_errors, gold_fact, multiset_scores, regex_facts  # noqa: E402
from scripts.nlu_sets import (  # noqa: E402
    HELDOUT_SETS,
    REPORTS,
    examples,
    match_key,
    training_keys,
)


def entity_value_scores(heldout: Path) -> dict:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(heldout))
    texts = [str(e.get("text")) for e in data.training_examples]
    gold = [Counter(gold_fact(e) for e in x.get("entities") or []) for x in data.training_examples]
    predicted = [Counter(regex_facts(text)) for text in texts]
    scores = multiset_scores(zip(gold, predicted, strict=True))
    # The writers annotated only the messages that state the asker's own facts: a general
    # question (「劳务派遣公司能托管吗」) was left plain, so there its facts have no gold.
    stating = [(g, p) for g, p in zip(gold, predicted, strict=True) if g]
    return {
        **scores,
        "fact_stating_messages": {
            "messages": len(stating),
            **multiset_scores(stating)["overall_micro"],
        },
        "errors": fact_errors(texts, gold, predicted),
    }


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Macro-averaged F1 over (gold, predicted) intent pairs, labels = gold ∪ predicted (as
    scikit-learn's report that Rasa writes)."""
    labels = {g for g, _ in pairs} | {p for _, p in pairs}
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def unseen_intent_scores(heldout: Path, reports: Path) -> dict | None:
    """Intent macro-F1 and accuracy on the held-out messages that are not in the training data.

    Needs the per-message predictions `rasa test nlu --successes` writes; the report texts are
    the normalised, question-first texts the classifier read.
    """
    successes = _read(reports / "intent_successes.json")
    errors = _read(reports / "intent_errors.json")
    if successes is None or errors is None:
        return None
    predicted = {
        r["text"]: (r["intent"], r["intent_prediction"]["name"]) for r in successes + errors
    }
    training = training_keys()
    pairs = []
    not_found = 0
    for _, text in examples(heldout):
        if match_key(text) in training:
            continue
        if text in predicted:  # Rasa's report keeps the message text as typed
            pairs.append(predicted[text])
        else:
            not_found += 1
    correct = sum(1 for g, p in pairs if g == p)
    return {
        "messages": len(pairs),
        "not_found_in_report": not_found,
        "macro_f1": round(macro_f1(pairs), 4),
        "accuracy": round(correct / len(pairs), 4) if pairs else 0.0,
    }


def _read(path: Path) -> Any:
    """A JSON report Rasa wrote, or None when that evaluation has not been run."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def print_heldout(name: str, heldout: Path, reports: Path) -> None:
    scores = entity_value_scores(heldout)
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "entity_value_report.json").write_text(
        json.dumps(scores, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    intents = _read(reports / "intent_report.json")
    token_entities = _read(reports / "FactExtractor_report.json")
    if intents:
        print(
            f"  {name} intents ({intents['macro avg']['support']} messages, {heldout.name}): "
            f"macro-F1 {intents['macro avg']['f1-score']:.3f}, accuracy {intents['accuracy']:.3f}"
        )
    unseen = unseen_intent_scores(heldout, reports)
    if unseen:
        print(
            f"  {name} intents, only the {unseen['messages']} messages not in the training data: "
            f"macro-F1 {unseen['macro_f1']:.3f}, accuracy {unseen['accuracy']:.3f}"
            + (
                f" ({unseen['not_found_in_report']} not found in Rasa's report)"
                if unseen["not_found_in_report"]
                else ""
            )
        )
    o = scores["overall_micro"]
    print(
        f"  {name} entities, (entity, value, role) per message: F1 {o['f1']:.3f} "
        f"(precision {o['precision']:.3f}, recall {o['recall']:.3f}, {o['support']} facts)"
    )
    stating = scores["fact_stating_messages"]
    print(
        f"  {name} entities, only the {stating['messages']} messages the writer annotated: "
        f"F1 {stating['f1']:.3f} (precision {stating['precision']:.3f}, "
        f"recall {stating['recall']:.3f})"
    )
    if token_entities:
        print(
            f"  {name} entities, Rasa token-level report: "
            f"micro-F1 {token_entities['micro avg']['f1-score']:.3f}"
        )
    for entity, s in scores["per_entity"].items():
        print(f"    {entity:22s} F1 {s['f1']:.3f}  (support {s['support']})")


def main() -> int:
    print("NLU figures")
    for name, (heldout, reports) in HELDOUT_SETS.items():
        if heldout.exists():
            print_heldout(name, heldout, reports)
    cross = _read(REPORTS / "cross_validation" / "intent_report.json")
    if cross:
        print(
            f"  5-fold cross-validation intents: macro-F1 {cross['macro avg']['f1-score']:.3f}, "
            f"accuracy {cross['accuracy']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
