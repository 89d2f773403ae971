"""The subsidy check's answers to the questions people ask of totals and short services (第十九条、
第二十三条), through the registry as the actions call it."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.assistant.context import AnswerContext, knowledge_base
from bot.assistant.registry import CHECKS, check_answer

AS_OF = dt.date(2023, 6, 1)


def answer_text(slots: dict[str, str]) -> str:
    answer = check_answer(CHECKS["subsidy"], slots, AnswerContext(kb=knowledge_base(), as_of=AS_OF))
    assert answer is not None
    return answer.text


@pytest.mark.parametrize(
    ("slots", "shown"),
    [
        pytest.param(
            {"first_signing_date": "2021"},
            ["前两年合计不超过51,126.53元", "三年合计不超过71,045.96元"],
            id="the schedule gives the first two years' total and the three years'",
        ),
        pytest.param(
            {"first_signing_date": "2021-05", "months_served": "3"},
            ["6,971.80"],
            id="months served with no year named are the first year's, pro-rated",
        ),
        pytest.param(
            {"first_signing_date": "2021-11", "service_year": "current"},
            ["23,239.33", "第2个服务年度"],
            id="the year the service is in now is counted from the first signing",
        ),
    ],
)
def test_the_subsidy_answer_gives_what_was_asked(slots: dict[str, str], shown: list[str]) -> None:
    text = answer_text(slots)
    assert all(s in text for s in shown), text
