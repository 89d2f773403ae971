"""Every article and every interpretation section can be reached by a question in its own words."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from scripts.nlu_sets import TRAINING_DIR, domain_intents, examples

REPO = Path(__file__).resolve().parents[2]


def _faq() -> list[dict]:
    return yaml.safe_load((REPO / "kb" / "faq.yml").read_text(encoding="utf-8"))


def _trained_intents() -> Counter[str]:
    return Counter(intent for path in TRAINING_DIR.glob("*.yml") for intent, _ in examples(path))


def test_every_article_is_cited_by_some_curated_answer() -> None:
    cited = {article for entry in _faq() for article in entry["articles"]}
    assert cited == set(range(1, 28))


def test_every_curated_answer_has_an_intent_the_assistant_understands() -> None:
    missing = {entry["intent"] for entry in _faq()} - domain_intents()
    assert not missing


def test_every_classified_intent_has_at_least_twenty_training_examples() -> None:
    counts = _trained_intents()
    button_only = {"calculate_subsidy", "check_agency_exit", "check_agency_qualification"}
    by_rule_only = {
        "doubt_verdict",
        "request_article_text",
    }  # bot/components/reply_classifier.py, never classified
    not_classified = button_only | by_rule_only
    thin = {i: counts.get(i, 0) for i in domain_intents() - not_classified if counts.get(i, 0) < 20}
    assert not thin, thin
