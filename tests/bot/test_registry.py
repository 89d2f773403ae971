"""The registry of checks, the domain and the action server agree on every name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk.executor import ActionExecutor

from bot.assistant.registry import CHECKS, FAQ_ACTION, forms
from bot.assistant.slot_filling import (
    CONTEXT_FACT_ENTITY,
    FACT_SLOT_ENTITY,
    FORM_CONTEXT_SLOTS,
    FORM_FACT_ENTITY,
    INTENT_CONTEXT_SLOTS,
)
from bot.assistant.vocabulary import FACT_SLOTS

REPO = Path(__file__).resolve().parents[2]
DOMAIN: dict[str, Any] = yaml.safe_load((REPO / "bot" / "domain.yml").read_text(encoding="utf-8"))


def _registered_actions() -> set[str]:
    executor = ActionExecutor()
    executor.register_package("actions")
    return set(executor.actions)


def _roles(entity: str) -> set[str]:
    for item in DOMAIN["entities"]:
        if isinstance(item, dict) and entity in item:
            return set(item[entity]["roles"])
    return set()


@pytest.mark.parametrize("form", forms(), ids=lambda f: f.name)
def test_each_form_asks_the_registry_slots_in_the_registry_order(form) -> None:
    check = next(c for c in CHECKS.values() if c.form is form)
    assert DOMAIN["forms"][form.name]["required_slots"] == list(check.slots)


def test_every_action_the_registry_names_is_in_the_domain_and_on_the_action_server() -> None:
    named = {FAQ_ACTION}
    for check in CHECKS.values():
        named |= {check.question_action} - {None}
        if check.form is not None:
            named |= {check.form.result_action, check.form.validation_action}
    assert named <= set(DOMAIN["actions"])
    assert named <= _registered_actions()


def test_every_domain_action_is_served_by_the_action_server() -> None:
    assert set(DOMAIN["actions"]) == _registered_actions()


def test_every_start_intent_is_a_domain_intent() -> None:
    intents = {i for i in DOMAIN["intents"] if isinstance(i, str)}
    assert {c.question_intent for c in CHECKS.values()} <= intents
    assert {f.start_intent for f in forms()} <= intents


def test_every_fact_slot_is_filled_from_its_fact_slot_entity() -> None:
    assert _roles(FACT_SLOT_ENTITY) == set(FACT_SLOTS)
    for slot in FACT_SLOTS:
        mappings = DOMAIN["slots"][slot]["mappings"]
        assert {"type": "from_entity", "entity": FACT_SLOT_ENTITY, "role": slot} in mappings


def test_form_context_values_are_mapped_only_while_their_form_is_active() -> None:
    expected: dict[str, set[str]] = {}
    for form, slots in FORM_CONTEXT_SLOTS.items():
        for slot in slots:
            expected.setdefault(slot, set()).add(form)
    assert _roles(FORM_FACT_ENTITY) == set(expected)
    for slot, form_names in expected.items():
        (mapping,) = [
            m for m in DOMAIN["slots"][slot]["mappings"] if m.get("entity") == FORM_FACT_ENTITY
        ]
        assert {c["active_loop"] for c in mapping["conditions"]} == form_names
        assert all(slot in DOMAIN["forms"][f]["required_slots"] for f in form_names)


def test_facts_read_in_a_checks_context_are_mapped_only_outside_a_form() -> None:
    assert _roles(CONTEXT_FACT_ENTITY) == set(INTENT_CONTEXT_SLOTS)
    for slot in INTENT_CONTEXT_SLOTS:
        (mapping,) = [
            m for m in DOMAIN["slots"][slot]["mappings"] if m.get("entity") == CONTEXT_FACT_ENTITY
        ]
        assert mapping["role"] == slot and mapping["conditions"] == [{"active_loop": None}]
