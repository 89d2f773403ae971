"""Facts stated outside a question re-run the last check, or start the check they belong to."""

from __future__ import annotations

import pytest

from actions.recheck import ActionRecheck
from actions.yes_no import ActionYesOrNo
from tests.actions.conftest import make_tracker, run_action


def _entity(entity: str, value: str, role: str | None = None) -> dict:
    found = {"entity": entity, "value": value, "start": 0, "end": 1, "extractor": "FactExtractor"}
    return {**found, "role": role} if role else found


FIRST_FACTS = [
    pytest.param(
        "我们公司在坪山，45人",
        [_entity("district", "坪山区"), _entity("headcount", "45")],
        "eligibility_form",
        id="an enterprise's place and headcount start the eligibility questions",
    ),
    pytest.param(
        "我们机构服务了40家，5家出过仲裁",
        [
            _entity("district", "坪山区"),
            _entity("count", "40", "clients"),
            _entity("count", "5", "clients_with_cases"),
        ],
        "agency_exit_form",
        id="an agency's client counts start the exit check even beside a place",
    ),
    pytest.param(
        "两名专职，分数82和79.5",
        [_entity("count", "2", "staff"), _entity("score", "82"), _entity("score", "79.5")],
        "qualification_form",
        id="staff and test scores start the qualification check",
    ),
    pytest.param(
        "2021年5月10日签的，第二年",
        [_entity("date", "2021-05-10"), _entity("service_year", "2")],
        "subsidy_form",
        id="a signing date and service year start the subsidy calculator",
    ),
    pytest.param(
        "公司注销了",
        [_entity("operating_status", "deregistered")],
        "action_enterprise_exit",
        id="a deregistration answers the enterprise exit question",
    ),
]


@pytest.mark.parametrize(("text", "entities", "started"), FIRST_FACTS)
def test_facts_before_any_check_start_the_check_they_belong_to(
    text: str, entities: list[dict], started: str
) -> None:
    messages, events = run_action(ActionRecheck(), make_tracker(text, "inform", entities=entities))
    assert messages == []
    assert events == [{"event": "followup", "timestamp": None, "name": started}]


def test_a_correction_after_an_eligibility_answer_rechecks_it() -> None:
    slots = {
        "last_check": "eligibility",
        "in_pingshan": "yes",
        "headcount": "120",
        "operating_normally": "yes",
        "firm_type": "other",
        "qualifying_condition": "labour_case",
    }
    messages, events = run_action(
        ActionRecheck(),
        make_tracker(
            "不对，是120人", "inform", entities=[_entity("headcount", "120")], slots=slots
        ),
    )
    assert messages[0]["text"] == "已按您更正的情况重新核对："
    assert messages[1]["text"].startswith("【结论】不符合")
    assert events == []


def test_a_bare_no_with_a_fact_and_nothing_checked_starts_the_check() -> None:
    messages, events = run_action(
        ActionYesOrNo(),
        make_tracker("不对，是120人", "deny", entities=[_entity("headcount", "120")]),
    )
    assert messages == [] and events[0]["name"] == "eligibility_form"


def test_a_statement_without_facts_gets_a_prompt() -> None:
    messages, events = run_action(ActionRecheck(), make_tracker("我们是做电子的", "inform"))
    assert [m["response"] for m in messages] == ["utter_anything_else"] and events == []
