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
