"""Every article and every interpretation section can be reached by a question in its own words."""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def _faq() -> list[dict]:
    return yaml.safe_load((REPO / "kb" / "faq.yml").read_text(encoding="utf-8"))


def _domain_intents() -> set[str]:
    domain = yaml.safe_load((REPO / "bot" / "domain.yml").read_text(encoding="utf-8"))
    return {i for i in domain["intents"] if isinstance(i, str)}


def _trained_intents() -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in (REPO / "nlu_data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if "intent" in block:
                lines = [ln for ln in block["examples"].splitlines() if ln.strip().startswith("- ")]
                counts[block["intent"]] = counts.get(block["intent"], 0) + len(lines)
    return counts


def test_every_article_is_cited_by_some_curated_answer() -> None:
    cited = {article for entry in _faq() for article in entry["articles"]}
    assert cited == set(range(1, 28))


def test_every_curated_answer_has_an_intent_the_assistant_understands() -> None:
    missing = {entry["intent"] for entry in _faq()} - _domain_intents()
    assert not missing


def test_every_classified_intent_has_at_least_twenty_training_examples() -> None:
    counts = _trained_intents()
    button_only = {"calculate_subsidy", "check_agency_exit", "check_agency_qualification"}
    thin = {i: counts.get(i, 0) for i in _domain_intents() - button_only if counts.get(i, 0) < 20}
    assert not thin, thin
