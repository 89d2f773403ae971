"""The agency qualification answer (第八条) says what a firm of an excluded type may do."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.assistant.checks.qualification import CLIENTS_ONLY_EXCLUSION, qualification_answer
from bot.assistant.context import AnswerContext, knowledge_base

QUALIFIED = {
    "organisation_type": "enterprise_or_institution",
    "business_scope": "yes",
    "premises_and_staff": "yes",
    "certified_staff": "3",
    "test_scores": "84,88",
}


@pytest.mark.parametrize(
    ("firm_type", "told"),
    [
        pytest.param("labour_dispatch", True, id="a dispatch firm is told the bar is on clients"),
        pytest.param("hr_service", True, id="so is an HR-services firm"),
        pytest.param("other", False, id="another firm is not told of it"),
        pytest.param(None, False, id="nor a firm whose type is not known"),
    ],
)
def test_a_firm_of_an_excluded_type_learns_the_exclusion_is_of_clients(
    firm_type: str | None, told: bool
) -> None:
    ctx = AnswerContext(kb=knowledge_base(), as_of=dt.date(2023, 6, 1))
    text = qualification_answer({**QUALIFIED, "firm_type": firm_type}, ctx).text
    assert text.startswith("【结论】符合")
    assert (CLIENTS_ONLY_EXCLUSION in text) is told
