"""What the actions read back from a conversation's events (bot/assistant/transcript.py)."""

from __future__ import annotations

import pytest

from bot.assistant.transcript import earlier_user_texts, messages_before_latest


def _said(*turns: tuple[str, str]) -> list[dict[str, str]]:
    return [{"event": who, "text": text} for who, text in turns]


LETTERED = _said(
    ("user", "想问三件事：A 备案期限 B 补贴申请材料 C 机构被退出的情形"),
    ("bot", "（第一个问题的回答）"),
    ("user", "B"),
    ("bot", "第2项（补贴申请材料）：……"),
    ("user", "C"),
)


@pytest.mark.parametrize(
    ("events", "just_before", "further_back"),
    [
        pytest.param(
            LETTERED,
            ["第2项（补贴申请材料）：……", "B"],
            ["想问三件事：A 备案期限 B 补贴申请材料 C 机构被退出的情形"],
            id="a list the user gave two turns ago is still found",
        ),
        pytest.param(
            _said(("user", "你好"), ("bot", "您好"), ("user", "补贴多少")),
            ["您好", "你好"],
            [],
            id="a second message has nothing further back",
        ),
    ],
)
def test_the_texts_a_list_reference_can_point_into(
    events: list[dict[str, str]], just_before: list[str], further_back: list[str]
) -> None:
    assert messages_before_latest(events) == just_before
    assert earlier_user_texts(events) == further_back


def _user(text: str, items: list[tuple[str, str, float]]) -> dict[str, object]:
    return {"event": "user", "text": text, "parse_data": {"item_intents": items}}


@pytest.mark.parametrize(
    ("events", "readings"),
    [
        pytest.param(
            [
                _user(
                    "1.托管要钱吗 2.服务内容有哪些",
                    [
                        ("托管要钱吗", "ask_fee", 0.8),
                        ("服务内容有哪些", "ask_service_contents", 0.9),
                    ],
                ),
                {"event": "bot", "text": "（回答）"},
                _user("2", []),
            ],
            {"托管要钱吗": "ask_fee", "服务内容有哪些": "ask_service_contents"},
            id="each item of the user's list as the classifier read it",
        ),
        pytest.param(
            [
                _user(
                    "1.托管要钱吗 2.嗯嗯那个",
                    [("托管要钱吗", "ask_fee", 0.8), ("嗯嗯那个", "affirm", 0.3)],
                ),
                _user("2", []),
            ],
            {"托管要钱吗": "ask_fee"},
            id="an item it was unsure of is left to the search",
        ),
        pytest.param(
            [_user("2", [("a", "ask_fee", 0.9), ("b", "ask_fee", 0.9)])],
            {},
            id="the latest message's own list is no earlier list",
        ),
    ],
)
def test_the_items_of_the_users_lists_are_read_back(
    events: list[dict[str, object]], readings: dict[str, str]
) -> None:
    from bot.assistant.transcript import item_readings

    assert item_readings(events) == readings
