"""How the web chat channel shapes the bot's replies and checks what the page sends.

The servers are exercised in tests/e2e/test_webchat_browser.py; these are the pure parts.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.channels.webchat import (
    ERROR_BAD_JSON,
    ERROR_BAD_SENDER,
    ERROR_LONG_MESSAGE,
    ERROR_NO_MESSAGE,
    citation_entry,
    merge_bot_messages,
    parse_message_request,
)

ANSWER = "【结论】符合：可以作为小微企业劳动关系事务托管服务对象。\n依据：《管理办法》第九条"
PAYLOAD = {"citations": ["第九条", "政策解读"], "verdict": "符合", "data": {"check": "x"}}
YES_NO = [{"title": "是", "payload": "/affirm"}, {"title": "否", "payload": "/deny"}]

MERGES: list[Any] = [
    pytest.param(
        [{"recipient_id": "u", "text": ANSWER}, {"recipient_id": "u", "custom": PAYLOAD}],
        [
            {
                "text": ANSWER,
                "custom": PAYLOAD,
                "citations": [
                    {"label": "第九条", "article": 9},
                    {"label": "政策解读", "article": None},
                ],
                "verdict": "符合",
            }
        ],
        id="答案文字和其后的引用合成一条消息",
    ),
    pytest.param(
        [{"text": "企业的注册地是否都在坪山区？", "buttons": YES_NO}],
        [{"text": "企业的注册地是否都在坪山区？", "buttons": YES_NO}],
        id="按钮原样保留",
    ),
    pytest.param(
        [{"text": "第一段"}, {"text": "第二段"}, {"custom": PAYLOAD}],
        [
            {"text": "第一段"},
            {
                "text": "第二段",
                "custom": PAYLOAD,
                "citations": [
                    {"label": "第九条", "article": 9},
                    {"label": "政策解读", "article": None},
                ],
                "verdict": "符合",
            },
        ],
        id="引用只并入紧挨着它的那段文字",
    ),
    pytest.param(
        [{"custom": {"citations": ["第十九条"]}}],
        [
            {
                "custom": {"citations": ["第十九条"]},
                "citations": [{"label": "第十九条", "article": 19}],
            }
        ],
        id="前面没有文字的引用单独成一条",
    ),
    pytest.param(
        [{"text": "甲"}, {"custom": {"citations": []}}, {"custom": {"citations": ["第二条"]}}],
        [
            {"text": "甲", "custom": {"citations": []}, "citations": []},
            {"custom": {"citations": ["第二条"]}, "citations": [{"label": "第二条", "article": 2}]},
        ],
        id="一段文字只并入一个自定义数据",
    ),
    pytest.param([], [], id="没有回复时是空列表"),
]


@pytest.mark.parametrize(("collected", "expected"), MERGES)
def test_bot_messages_are_merged_for_the_page(
    collected: list[dict[str, Any]], expected: list[dict[str, Any]]
) -> None:
    assert merge_bot_messages(collected) == expected


CITATIONS = [
    pytest.param("第九条", 9, id="第九条是第9条"),
    pytest.param("第二十七条", 27, id="第二十七条是第27条"),
    pytest.param("政策解读", None, id="政策解读不是条文"),
]


@pytest.mark.parametrize(("label", "article"), CITATIONS)
def test_a_citation_label_gets_its_article_number(label: str, article: int | None) -> None:
    assert citation_entry(label) == {"label": label, "article": article}


REQUESTS = [
    pytest.param(
        '{"sender": "web-1", "message": " 补贴 "}'.encode(),
        ("web-1", "补贴"),
        id="正常消息去掉首尾空格",
    ),
    pytest.param(b'{"sender": "web-1"}', (400, ERROR_NO_MESSAGE), id="缺少消息"),
    pytest.param(b'{"sender": "web-1", "message": ""}', (400, ERROR_NO_MESSAGE), id="空消息"),
    pytest.param(b'{"sender": "web-1", "message": 5}', (400, ERROR_NO_MESSAGE), id="消息不是文字"),
    pytest.param(b'{"message": "hi"}', (400, ERROR_BAD_SENDER), id="缺少会话编号"),
    pytest.param(
        b'{"sender": "../x", "message": "hi"}', (400, ERROR_BAD_SENDER), id="会话编号含非法字符"
    ),
    pytest.param(b"not json", (400, ERROR_BAD_JSON), id="不是JSON"),
    pytest.param(b"[1, 2]", (400, ERROR_BAD_JSON), id="JSON不是对象"),
    pytest.param(b"", (400, ERROR_BAD_JSON), id="空请求体"),
]


@pytest.mark.parametrize(("body", "expected"), REQUESTS)
def test_a_message_request_is_read_or_refused(body: bytes, expected: object) -> None:
    assert parse_message_request(body) == expected


def test_a_message_over_the_limit_is_refused() -> None:
    body = ('{"sender": "web-1", "message": "' + "问" * 1001 + '"}').encode()
    assert parse_message_request(body) == (413, ERROR_LONG_MESSAGE)


def test_a_lone_surrogate_is_dropped_not_a_server_error() -> None:
    body = b'{"sender": "web-1", "message": "\\ud800\\u8865\\u8d34\\u591a\\u5c11"}'
    assert parse_message_request(body) == ("web-1", "补贴多少")


def test_a_phone_number_is_masked_before_the_assistant_sees_it() -> None:
    body = '{"sender": "web-1", "message": "我的电话13812345678，补贴多少"}'.encode()
    assert parse_message_request(body) == ("web-1", "我的电话138****5678，补贴多少")
