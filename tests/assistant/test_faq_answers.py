"""Curated answers that depend on the day they are given (kb/faq.yml with a computed line)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.assistant.context import AnswerContext, knowledge_base
from bot.assistant.faq import faq_answer


@pytest.mark.parametrize(
    ("as_of", "year"),
    [
        pytest.param(dt.date(2023, 6, 1), "2022年", id="in 2023 the previous year is 2022"),
        pytest.param(dt.date(2022, 1, 5), "2021年", id="in early 2022 it is 2021"),
    ],
)
def test_what_the_previous_year_of_article_nine_is_is_said_for_today(
    as_of: dt.date, year: str
) -> None:
    answer = faq_answer("ask_eligibility_terms", AnswerContext(kb=knowledge_base(), as_of=as_of))
    assert answer is not None
    assert f"“上一年度”是{year}" in answer.text and "第九条" in answer.text


@pytest.mark.parametrize(
    ("reply", "items"),
    [
        pytest.param("第三项和第九项具体包括啥？", [3, 9], id="two items named are both answered"),
        pytest.param("5，展开说说", [5], id="one item is one answer"),
        pytest.param("1和2都有", [], id="an answer naming two numbers asks for no item"),
        pytest.param(
            "第3项社保那个具体能帮做什么", [3], id="an item named by 第N项 then its words"
        ),
    ],
)
def test_the_items_of_the_service_list_a_reply_points_at_are_each_answered(
    reply: str, items: list[int]
) -> None:
    from bot.assistant.faq import list_item_answers

    ctx = AnswerContext(kb=knowledge_base(), as_of=dt.date(2023, 6, 1))
    services = faq_answer("ask_service_contents", ctx)
    assert services is not None
    answers = list_item_answers(reply, [services.text], ctx)
    assert [a.data["list_item"] for a in answers] == items
    assert all(a.text.startswith(f"第{n}项") for a, n in zip(answers, items, strict=True))


_OWN_LIST = "我有三个问题：1.托管要钱吗 2.怎么申请托管 3.托管服务内容有哪些。先回答第1个"
_STEPS = (
    "办法没有为企业规定专门的申请表。一般可以这样做：\n1. 对照第九条\n2. 了解服务机构\n3. 签订协议"
)


@pytest.mark.parametrize(
    ("said_by_bot", "said_by_user", "first"),
    [
        pytest.param(
            [_STEPS, "2"],
            [_OWN_LIST],
            _OWN_LIST,
            id="the user's questions asked one by one come before an answer's own steps",
        ),
        pytest.param(
            [_STEPS, _OWN_LIST],
            [],
            _OWN_LIST,
            id="so too when they were the previous message",
        ),
        pytest.param(
            [_STEPS, "怎么申请托管"],
            ["1.备案期限 2.补贴发给谁"],
            _STEPS,
            id="a list the user did not ask to walk leaves the bot's list first",
        ),
    ],
)
def test_the_list_a_reply_walks_is_tried_first(
    said_by_bot: list[str], said_by_user: list[str], first: str
) -> None:
    from bot.assistant.faq import lists_in_turn

    order = lists_in_turn(said_by_bot, said_by_user)
    assert order[0] == first
    assert sorted(order) == sorted(said_by_bot + said_by_user)


@pytest.mark.parametrize(
    ("readings", "intent"),
    [
        pytest.param(
            {"托管服务内容有哪些": "ask_service_contents"},
            "ask_service_contents",
            id="an item is answered as the classifier read it",
        ),
        pytest.param(
            {"托管服务内容有哪些": "no_such_topic"},
            None,
            id="a reading with no curated answer leaves it to the search",
        ),
    ],
)
def test_an_item_of_the_users_own_list_is_answered_by_its_reading(
    readings: dict[str, str], intent: str | None
) -> None:
    from bot.assistant.faq import list_item_answer

    ctx = AnswerContext(kb=knowledge_base(), as_of=dt.date(2023, 6, 1))
    answer = list_item_answer("好，再说3", [_OWN_LIST], ctx, readings=readings)
    assert answer is not None
    assert answer.text.startswith("第3项（托管服务内容有哪些）")
    if intent is not None:
        assert answer.data["intent"] == intent
