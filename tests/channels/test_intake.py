"""Every channel cleans a message and masks personal data before the assistant sees it."""

from __future__ import annotations

import pytest

from bot.channels.intake import clean_text, mask_personal_data, prepare
from bot.channels.rest import (
    ERROR_MESSAGE,
    ERROR_NOT_JSON,
    ERROR_SENDER,
    RequestError,
    parse_request,
)

MASKED = [
    pytest.param("我的电话13812345678", "我的电话138****5678", id="a mobile number"),
    pytest.param(
        "电话 138-1234-5678 找我", "电话 138****5678 找我", id="a mobile number with dashes"
    ),
    pytest.param("+8613812345678", "138****5678", id="a mobile number with the country code"),
    pytest.param("座机0755-28345678", "座机0755-****5678", id="a landline"),
    pytest.param(
        "身份证440307199001011234", "身份证440307********1234", id="an identity card number"
    ),
    pytest.param("身份证44030719900101123X", "身份证440307********123X", id="an id ending in X"),
    pytest.param("我们45人，2021年5月10日签的", "我们45人，2021年5月10日签的", id="facts stay"),
    pytest.param("补贴27,887.20元", "补贴27,887.20元", id="an amount stays"),
]


@pytest.mark.parametrize(("said", "kept"), MASKED)
def test_personal_numbers_are_masked_and_facts_are_kept(said: str, kept: str) -> None:
    assert mask_personal_data(said) == kept


CLEANED = [
    pytest.param("补贴\x1d多少\x10", "补贴多少", id="control characters XML forbids go"),
    pytest.param("补贴\ud800多少", "补贴多少", id="a lone surrogate goes"),
    pytest.param("第一行\n第二行\t完", "第一行\n第二行\t完", id="line breaks and tabs stay"),
]


@pytest.mark.parametrize(("said", "kept"), CLEANED)
def test_characters_no_text_may_hold_are_removed(said: str, kept: str) -> None:
    assert clean_text(said) == kept


def test_prepare_cleans_masks_and_strips() -> None:
    assert prepare(" 13812345678\x00 ") == "138****5678"


REST_REFUSED = [
    pytest.param(b'["x"]', 400, ERROR_NOT_JSON, id="a JSON list is refused"),
    pytest.param(b'"hello"', 400, ERROR_NOT_JSON, id="a bare string is refused"),
    pytest.param(b"not json", 400, ERROR_NOT_JSON, id="a body that is not JSON is refused"),
    pytest.param(b'{"sender": "u1"}', 400, ERROR_MESSAGE, id="a missing message is refused"),
    pytest.param(b'{"sender": "u1", "message": null}', 400, ERROR_MESSAGE, id="null is refused"),
    pytest.param(b'{"sender": "u1", "message": 5}', 400, ERROR_MESSAGE, id="a number is refused"),
    pytest.param(b'{"sender": ["x"], "message": "hi"}', 400, ERROR_SENDER, id="a sender list"),
    pytest.param(b'{"message": "hi"}', 400, ERROR_SENDER, id="a missing sender is refused"),
    pytest.param(
        ('{"sender": "u1", "message": "' + "问" * 1001 + '"}').encode(),
        413,
        None,
        id="a message over the limit is too large",
    ),
]


@pytest.mark.parametrize(("body", "status", "reason"), REST_REFUSED)
def test_a_malformed_rest_request_is_refused(body: bytes, status: int, reason: str | None) -> None:
    with pytest.raises(RequestError) as refused:
        parse_request(body)
    assert refused.value.status == status
    if reason is not None:
        assert str(refused.value) == reason


def test_a_good_rest_request_is_read_with_its_message_prepared() -> None:
    body = '{"sender": "u-1@web", "message": "电话13812345678 补贴多少"}'.encode()
    assert parse_request(body) == ("u-1@web", "电话138****5678 补贴多少", {})
