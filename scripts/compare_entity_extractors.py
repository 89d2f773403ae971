#!/usr/bin/env python3
"""Compare the regex fact extractor with the spaCy EntityRuler alternative on held-out NLU data.

For each held-out file (default: tests/nlu_heldout.yml, plus tests/nlu_heldout_fresh.yml when it
exists) and each extractor:

* fact level: per message, the multiset of (entity, value, role) facts against the annotated
  multiset, with the scoring of scripts/fact_scores.py that the README's figures use
  (micro P/R/F1, per entity);
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

from bot.language.spacy_entities import extract_with_spacy  # noqa: E402
from scripts.fact_scores import (  # noqa: E402
    FactTuple,
    fact_errors,
    gold_fact,
    multiset_scores,
    regex_facts,
)
from scripts.nlu_sets import HELDOUT_SETS  # noqa: E402

Extractor = Callable[[str], list[FactTuple]]
DEFAULT_FILES = [heldout for heldout, _ in HELDOUT_SETS.values()]
OUTPUT = REPO / "reports" / "entity_comparison.json"


EXTRACTORS: dict[str, Extractor] = {"regex": regex_facts, "spacy": extract_with_spacy}


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
        errors = fact_errors(texts, gold, predicted)
        result["extractors"][name] = {
            "fact_level": facts,
            "label_level": labels,
            "ms_per_message": round(time_extractor(extract, texts, repeats), 3),
            "setup_seconds": round(setup_s, 2),
            "errors": errors,
        }
    return result


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
