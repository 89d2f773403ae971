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

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.language.facts import extract_facts  # noqa: E402
from bot.language.normalize import normalize_text  # noqa: E402

HELDOUT = REPO / "tests" / "nlu_heldout.yml"
REPORTS = REPO / "reports"


def _fact(entity: dict) -> tuple[str, str, str | None]:
    return (str(entity["entity"]), str(entity["value"]), entity.get("role"))


def entity_value_scores() -> dict:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(HELDOUT))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    misses = []
    for example in data.training_examples:
        text = example.get("text")
        gold = Counter(_fact(e) for e in example.get("entities") or [])
        predicted = Counter(
            (f.entity, f.value, f.role) for f in extract_facts(normalize_text(text))
        )
        for fact in gold | predicted:
            hit = min(gold[fact], predicted[fact])
            tp[fact[0]] += hit
            fp[fact[0]] += predicted[fact] - hit
            fn[fact[0]] += gold[fact] - hit
        if gold != predicted:
            misses.append(
                {
                    "text": text,
                    "missing": sorted(map(str, gold - predicted)),
                    "extra": sorted(map(str, predicted - gold)),
                }
            )

    def f1(t: int, p: int, n: int) -> dict:
        precision = t / (t + p) if t + p else 1.0
        recall = t / (t + n) if t + n else 1.0
        score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(score, 4),
            "support": t + n,
        }

    per_entity = {e: f1(tp[e], fp[e], fn[e]) for e in sorted(set(tp) | set(fp) | set(fn))}
    overall = f1(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"overall_micro": overall, "per_entity": per_entity, "errors": misses}


def _read(path: Path) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def main() -> int:
    scores = entity_value_scores()
    (REPORTS / "heldout").mkdir(parents=True, exist_ok=True)
    (REPORTS / "heldout" / "entity_value_report.json").write_text(
        json.dumps(scores, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    heldout = _read(REPORTS / "heldout" / "intent_report.json")
    token_entities = _read(REPORTS / "heldout" / "FactExtractor_report.json")
    cross = _read(REPORTS / "cross_validation" / "intent_report.json")
    print("NLU figures")
    if heldout:
        print(
            f"  held-out intents ({heldout['macro avg']['support']} messages): macro-F1 {heldout['macro avg']['f1-score']:.3f}, "
            f"accuracy {heldout['accuracy']:.3f}"
        )
    if cross:
        print(
            f"  5-fold cross-validation intents: macro-F1 {cross['macro avg']['f1-score']:.3f}, accuracy {cross['accuracy']:.3f}"
        )
    o = scores["overall_micro"]
    print(
        f"  held-out entities, (entity, value, role) per message: F1 {o['f1']:.3f} "
        f"(precision {o['precision']:.3f}, recall {o['recall']:.3f}, {o['support']} facts)"
    )
    if token_entities:
        print(
            f"  held-out entities, Rasa token-level report: micro-F1 {token_entities['micro avg']['f1-score']:.3f}"
        )
    for name, s in scores["per_entity"].items():
        print(f"    {name:22s} F1 {s['f1']:.3f}  (support {s['support']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
