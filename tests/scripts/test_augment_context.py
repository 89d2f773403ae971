"""The generated training examples with company context stay put when other intents change.

A fix adds a few examples to one intent; if that reshuffled every intent's generated examples,
retraining would move the classifier on questions the fix never touched (it did: sets that
had passed for weeks lost conversations after an unrelated fix)."""

from __future__ import annotations

import pytest

from scripts import augment_context

EXAMPLES = {
    "ask_filing": [f"备案问题第{'一二三四五六七八九十'[i]}种问法" for i in range(10)],
    "ask_service_contents": [f"服务内容问法{'甲乙丙丁戊己庚辛壬癸'[i]}" for i in range(10)],
    "ask_subsidy_amount": [f"补贴多少问法{'甲乙丙丁戊己庚辛壬癸'[i]}" for i in range(10)],
}


def _blocks(monkeypatch: pytest.MonkeyPatch, examples: dict[str, list[str]]) -> dict[str, str]:
    monkeypatch.setattr(augment_context, "_examples_by_intent", lambda: examples)
    text = augment_context.generate()
    return {
        block.split("\n", 1)[0]: block
        for block in text.split("- intent: ")[1:]
        if not block.startswith("ask_enterprise_eligibility")
    }


def test_adding_examples_to_one_intent_leaves_the_others_samples_as_they_were(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _blocks(monkeypatch, EXAMPLES)
    grown = {**EXAMPLES, "ask_filing": [*EXAMPLES["ask_filing"], "备案再加一种说法呢"]}
    after = _blocks(monkeypatch, grown)
    assert after["ask_service_contents"] == before["ask_service_contents"]
    assert after["ask_subsidy_amount"] == before["ask_subsidy_amount"]


def test_each_intent_gets_its_sample_with_a_context_before_each_example(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocks = _blocks(monkeypatch, EXAMPLES)
    for intent, contexts in [
        ("ask_service_contents", augment_context.ENTERPRISE_CONTEXTS),
        ("ask_filing", augment_context.AGENCY_CONTEXTS),  # an agency files the agreement
    ]:
        lines = [ln for ln in blocks[intent].splitlines() if ln.startswith("    - ")]
        assert len(lines) == augment_context.PER_INTENT
        assert all(any(example in ln for example in EXAMPLES[intent]) for ln in lines)
        assert all(ln[6:].startswith(tuple(contexts)) for ln in lines)
