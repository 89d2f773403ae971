"""Action-server replies are checked by a validator built once, and rejected exactly as Rasa rejects them."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource

from bot.components.normalizer import ChineseTextNormalizer
from bot.server import action_reply_schema
from bot.server.action_reply_schema import RASA_VALIDATE_ACTION_RESULT, validate_action_result

VALID_REPLIES = [
    pytest.param({"events": [], "responses": []}, id="an empty reply is valid"),
    pytest.param(
        {
            "events": [{"event": "slot", "name": "last_check", "value": "eligibility"}],
            "responses": [{"text": "【结论】符合", "custom": {"citations": ["第九条"]}}],
        },
        id="a slot event and an answer with its payload are valid",
    ),
    pytest.param(
        {"events": [{"event": "followup", "name": "eligibility_form"}]},
        id="a follow-up action is valid",
    ),
]

INVALID_REPLIES = [
    pytest.param([], id="a list instead of an object is rejected"),
    pytest.param({"events": "not a list"}, id="events that are not a list are rejected"),
    pytest.param({"events": [{"event": "slot"}]}, id="a slot event without a name is rejected"),
    pytest.param({"events": [{"event": "no_such_event"}]}, id="an unknown event type is rejected"),
    pytest.param({"responses": ["text"]}, id="a response that is not an object is rejected"),
]


def _action() -> RemoteAction:
    return RemoteAction("action_subsidy", None)


@pytest.mark.parametrize("reply", VALID_REPLIES)
def test_a_valid_reply_passes_both_the_rasa_check_and_ours(reply: dict[str, Any]) -> None:
    assert RASA_VALIDATE_ACTION_RESULT(_action(), reply) is True
    assert validate_action_result(_action(), reply) is True


@pytest.mark.parametrize("reply", INVALID_REPLIES)
def test_an_invalid_reply_is_rejected_with_the_same_error_as_rasa_gives(reply: Any) -> None:
    with pytest.raises(ValidationError) as rasa_error:
        RASA_VALIDATE_ACTION_RESULT(_action(), reply)
    with pytest.raises(ValidationError) as our_error:
        validate_action_result(_action(), reply)
    assert our_error.value.message == rasa_error.value.message
    assert list(our_error.value.path) == list(rasa_error.value.path)
    assert "Failed to validate Action server response" in our_error.value.message


def test_the_replaced_rasa_function_is_the_one_that_rebuilds_the_validator_each_call() -> None:
    # A Rasa upgrade that changes this function must be looked at again: fail loudly here.
    source = inspect.getsource(RASA_VALIDATE_ACTION_RESULT)
    assert "validate(result, self.action_response_format_spec())" in source


def test_loading_the_nlu_pipeline_puts_the_validator_in_place(
    tmp_path: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RASA_VALIDATE_ACTION_RESULT)
    ChineseTextNormalizer.create({}, LocalModelStorage(tmp_path), Resource("normalizer"), None)  # type: ignore[arg-type]
    assert RemoteAction._validate_action_result is action_reply_schema.validate_action_result
