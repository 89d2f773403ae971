"""Score extracted facts against annotated ones, as a user notices them.

Per message, the multiset of (entity, value, role) facts found against the multiset annotated in
a Rasa NLU file; micro precision, recall and F1 overall and per entity type. Shared by
scripts/nlu_scores.py (the README's entity figures) and scripts/compare_entity_extractors.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from bot.language.facts import extract_facts
from bot.language.normalize import normalize_text

FactTuple = tuple[str, str, str | None]


def gold_fact(entity: dict[str, Any]) -> FactTuple:
    """An annotated entity as (entity, value, role)."""
    return (str(entity["entity"]), str(entity["value"]), entity.get("role"))


def regex_facts(text: str) -> list[FactTuple]:
    """The production extractor, called as the pipeline calls it (on the normalised text)."""
    return [(f.entity, f.value, f.role) for f in extract_facts(normalize_text(text))]


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 (1.0 when undefined), with the gold and predicted counts."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "support": tp + fn,
        "predicted": tp + fp,
    }


def multiset_scores(pairs: Iterable[tuple[Counter[Any], Counter[Any]]]) -> dict[str, Any]:
    """Micro P/R/F1 over (gold, predicted) multisets, overall and per entity type.

    An item is a fact tuple or a bare label; its entity type is its first element (or itself).
    """
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold, predicted in pairs:
        for item in gold | predicted:
            entity = item[0] if isinstance(item, tuple) else item
            hit = min(gold[item], predicted[item])
            tp[entity] += hit
            fp[entity] += predicted[item] - hit
            fn[entity] += gold[item] - hit
    entities = sorted(set(tp) | set(fp) | set(fn))
    return {
        "overall_micro": prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "per_entity": {e: prf(tp[e], fp[e], fn[e]) for e in entities},
    }


def fact_errors(
    texts: Sequence[str], gold: Sequence[Counter[Any]], predicted: Sequence[Counter[Any]]
) -> list[dict[str, Any]]:
    """The messages where the facts differ: what is missing and what is extra."""
    return [
        {"text": text, "missing": sorted(map(str, g - p)), "extra": sorted(map(str, p - g))}
        for text, g, p in zip(texts, gold, predicted, strict=True)
        if g != p
    ]
