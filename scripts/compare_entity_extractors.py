#!/usr/bin/env python3
"""Compare the regex fact extractor with the spaCy EntityRuler alternative on held-out NLU data.

For each held-out file (default: tests/nlu_heldout.yml, plus tests/nlu_heldout_fresh.yml when it
exists) and each extractor:

* fact level: per message, the multiset of (entity, value, role) facts against the annotated
  multiset, as in ``entity_value_scores`` of scripts/nlu_scores.py (micro P/R/F1, per entity);
* label level: the same with the entity type only (value and role ignored), so a headcount
  found but read as the wrong number still counts;
* speed: mean milliseconds per message (normalisation included for both; the best of
  ``--repeats`` passes, after a warm-up that builds the spaCy pipeline).

Prints a compact table and writes reports/entity_comparison.json.

    .venv/bin/python scripts/compare_entity_extractors.py [FILE ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.language.facts import extract_facts  # noqa: E402
from bot.language.normalize import normalize_text  # noqa: E402
from bot.language.spacy_entities import extract_with_spacy  # noqa: E402

FactTuple = tuple[str, str, str | None]
Extractor = Callable[[str], list[FactTuple]]
DEFAULT_FILES = [REPO / "tests" / "nlu_heldout.yml", REPO / "tests" / "nlu_heldout_fresh.yml"]
OUTPUT = REPO / "reports" / "entity_comparison.json"


def regex_extractor(text: str) -> list[FactTuple]:
    """The production extractor, called as the pipeline calls it (normalised text)."""
    return [(f.entity, f.value, f.role) for f in extract_facts(normalize_text(text))]


EXTRACTORS: dict[str, Extractor] = {"regex": regex_extractor, "spacy": extract_with_spacy}


def gold_fact(entity: dict[str, Any]) -> FactTuple:
    """An annotated entity as (entity, value, role), like ``_fact`` in scripts/nlu_scores.py."""
    return (str(entity["entity"]), str(entity["value"]), entity.get("role"))


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 as scripts/nlu_scores.py computes them (1.0 when undefined)."""
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


def multiset_scores(pairs: Sequence[tuple[Counter[Any], Counter[Any]]]) -> dict[str, Any]:
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


def time_extractor(extract: Extractor, texts: list[str], repeats: int) -> float:
    """Mean ms per message: the best of ``repeats`` passes (the machine is shared)."""
    extract(texts[0] if texts else "")  # warm-up: builds pipelines, loads dictionaries
    best = float("inf")
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        for text in texts:
            extract(text)
        best = min(best, time.perf_counter() - start)
    return 1000 * best / max(1, len(texts))


def evaluate_file(path: Path, repeats: int) -> dict[str, Any]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    examples = [(str(e.get("text")), e.get("entities") or []) for e in data.training_examples]
    texts = [text for text, _ in examples]
    gold = [Counter(gold_fact(e) for e in entities) for _, entities in examples]
    result: dict[str, Any] = {
        "file": str(path.relative_to(REPO) if path.is_relative_to(REPO) else path),
        "messages": len(examples),
        "messages_with_entities": sum(1 for g in gold if g),
        "gold_facts": sum(sum(g.values()) for g in gold),
        "extractors": {},
    }
    for name, extract in EXTRACTORS.items():
        start = time.perf_counter()
        extract("")  # first call builds what the extractor needs
        setup_s = time.perf_counter() - start
        predicted = [Counter(extract(text)) for text in texts]
        facts = multiset_scores(list(zip(gold, predicted, strict=True)))
        labels = multiset_scores(
            [
                (Counter(f[0] for f in g.elements()), Counter(f[0] for f in p.elements()))
                for g, p in zip(gold, predicted, strict=True)
            ]
        )
        errors = [
            {
                "text": text,
                "missing": sorted(map(str, g - p)),
                "extra": sorted(map(str, p - g)),
            }
            for text, g, p in zip(texts, gold, predicted, strict=True)
            if g != p
        ]
        result["extractors"][name] = {
            "fact_level": facts,
            "label_level": labels,
            "ms_per_message": round(time_extractor(extract, texts, repeats), 3),
            "setup_seconds": round(setup_s, 2),
            "errors": errors,
        }
    return result


def check_against_nlu_scores(path: Path, result: dict[str, Any]) -> str:
    """Is the regex fact-level figure the one ``entity_value_scores`` (nlu_scores.py) gives?"""
    try:
        from scripts import nlu_scores

        entity_value_scores: Any = nlu_scores.entity_value_scores
        theirs = entity_value_scores(path)["overall_micro"]
    except Exception as error:  # the other script changed: report, do not fail the comparison
        return f"not checked ({type(error).__name__}: {error})"
    ours = result["extractors"]["regex"]["fact_level"]["overall_micro"]
    keys = ("precision", "recall", "f1", "support")
    if all(theirs[k] == ours[k] for k in keys):
        return "same as entity_value_scores in scripts/nlu_scores.py"
    return f"DIFFERS from scripts/nlu_scores.py: {theirs}"


def print_table(result: dict[str, Any]) -> None:
    print(
        f"\n{result['file']}: {result['messages']} messages, "
        f"{result['messages_with_entities']} with entities, {result['gold_facts']} gold facts"
    )
    print(f"  {'extractor':9s} {'fact P/R/F1':>21s}   {'label P/R/F1':>21s}   {'ms/msg':>7s}")
    for name, r in result["extractors"].items():
        f, lab = r["fact_level"]["overall_micro"], r["label_level"]["overall_micro"]
        print(
            f"  {name:9s} {f['precision']:.3f} {f['recall']:.3f} {f['f1']:.3f}   "
            f"{lab['precision']:.3f} {lab['recall']:.3f} {lab['f1']:.3f}   "
            f"{r['ms_per_message']:7.2f}"
        )
    names = list(result["extractors"])
    entities = sorted(
        {e for r in result["extractors"].values() for e in r["fact_level"]["per_entity"]}
    )
    header = "  ".join(f"{n:>6s}" for n in names)
    print(f"  {'entity':22s} {'gold':>4s}   fact F1 {header}   label F1 {header}")
    for entity in entities:
        support = next(
            r["fact_level"]["per_entity"][entity]["support"]
            for r in result["extractors"].values()
            if entity in r["fact_level"]["per_entity"]
        )
        fact_f1 = "  ".join(
            f"{r['fact_level']['per_entity'].get(entity, {}).get('f1', 0.0):6.3f}"
            for r in result["extractors"].values()
        )
        label_f1 = "  ".join(
            f"{r['label_level']['per_entity'].get(entity, {}).get('f1', 0.0):6.3f}"
            for r in result["extractors"].values()
        )
        print(f"  {entity:22s} {support:4d}           {fact_f1}            {label_f1}")
    if result.get("consistency"):
        print(f"  regex fact-level figure: {result['consistency']}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="held-out Rasa NLU files")
    parser.add_argument("--repeats", type=int, default=3, help="timing passes (best is kept)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    files = [p.resolve() for p in args.files] or [p for p in DEFAULT_FILES if p.exists()]
    results = []
    for path in files:
        result = evaluate_file(path, args.repeats)
        result["consistency"] = check_against_nlu_scores(path, result)
        print_table(result)
        results.append(result)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps({"files": results}, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    print(f"\nwritten: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
