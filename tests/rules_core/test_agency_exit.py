"""第十一条: when an agency stops being a 托管服务机构, and 第十二条 what the enterprise may do."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from rules_core.agency_exit import (
    AgencyExitFacts,
    check_agency_exit,
    enterprise_options_after_agency_exit,
)
from rules_core.results import FactsConflict, Status, Verdict

AS_OF = dt.date(2023, 2, 1)

CLEAN = AgencyExitFacts(
    own_case_rate_percent=Decimal("0.5"),
    own_case_count=3,
    clients_served=100,
    clients_with_cases=5,
    change_requests=2,
    other_violation=False,
    year=2022,
)


def with_(**changes: object) -> AgencyExitFacts:
    return dataclasses.replace(CLEAN, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("facts", "verdict", "item"),
    [
        pytest.param(CLEAN, Verdict.AGENCY_NO_EXIT, None, id="各项都低于标准不触发退出"),
        pytest.param(
            with_(own_case_rate_percent=Decimal("0.99")),
            Verdict.AGENCY_NO_EXIT,
            None,
            id="案件发生率0.99%不触发",
        ),
        pytest.param(
            with_(own_case_rate_percent=Decimal("1")),
            Verdict.AGENCY_EXIT,
            "own_cases",
            id="案件发生率1%触发（含本数）",
        ),
        pytest.param(
            with_(own_case_rate_percent=Decimal("1.00")),
            Verdict.AGENCY_EXIT,
            "own_cases",
            id="案件发生率写作1.00%同样触发",
        ),
        pytest.param(with_(own_case_count=9), Verdict.AGENCY_NO_EXIT, None, id="年度案件9件不触发"),
        pytest.param(
            with_(own_case_count=10), Verdict.AGENCY_EXIT, "own_cases", id="年度案件10件触发"
        ),
        pytest.param(
            with_(clients_with_cases=19),
            Verdict.AGENCY_NO_EXIT,
            None,
            id="19%服务对象发生案件不触发",
        ),
        pytest.param(
            with_(clients_with_cases=20),
            Verdict.AGENCY_EXIT,
            "clients_with_cases",
            id="20%服务对象发生案件触发",
        ),
        pytest.param(
            with_(clients_served=5, clients_with_cases=1),
            Verdict.AGENCY_EXIT,
            "clients_with_cases",
            id="5家中1家发生案件恰为20%触发",
        ),
        pytest.param(
            with_(
                clients_served=None,
                clients_with_cases=None,
                change_requests=None,
                clients_with_cases_percent=Decimal("19.99"),
                change_request_percent=Decimal("1"),
            ),
            Verdict.AGENCY_NO_EXIT,
            None,
            id="直接给出19.99%不触发",
        ),
        pytest.param(
            with_(
                clients_served=None,
                clients_with_cases=None,
                change_requests=None,
                clients_with_cases_percent=Decimal("20"),
                change_request_percent=Decimal("1"),
            ),
            Verdict.AGENCY_EXIT,
            "clients_with_cases",
            id="直接给出20%触发",
        ),
        pytest.param(with_(change_requests=9), Verdict.AGENCY_NO_EXIT, None, id="9%要求更换不触发"),
        pytest.param(
            with_(change_requests=10), Verdict.AGENCY_EXIT, "change_requests", id="10%要求更换触发"
        ),
        pytest.param(
            with_(clients_served=30, change_requests=3),
            Verdict.AGENCY_EXIT,
            "change_requests",
            id="30家中3家要求更换恰为10%触发",
        ),
        pytest.param(
            with_(other_violation=True),
            Verdict.AGENCY_EXIT,
            "other_violation",
            id="存在其他违法违规行为触发",
        ),
        pytest.param(
            AgencyExitFacts(own_case_count=12),
            Verdict.AGENCY_EXIT,
            "own_cases",
            id="已知一项触发时其他未知也是触发退出",
        ),
        pytest.param(
            AgencyExitFacts(own_case_count=3),
            Verdict.NEEDS_CONFIRMATION,
            None,
            id="未触发但有未知项时尚需确认",
        ),
    ],
)
def test_verdict(facts: AgencyExitFacts, verdict: Verdict, item: str | None) -> None:
    result = check_agency_exit(facts, AS_OF)
    assert result.verdict is verdict
    assert result.conclusion.startswith(verdict.value)
    if item is not None:
        assert item in result.figures["triggered_items"]


def test_share_just_below_threshold_is_never_shown_as_the_threshold() -> None:
    facts = with_(clients_served=100000, clients_with_cases=19999)
    result = check_agency_exit(facts, AS_OF)
    condition = next(c for c in result.conditions if c.key == "clients_with_cases")
    assert condition.status is Status.UNMET
    assert "19.99%" in condition.detail


def test_rate_is_taken_as_given_and_says_so() -> None:
    result = check_agency_exit(CLEAN, AS_OF)
    assert any("未规定案件发生率的计算口径" in n for n in result.notes)


def test_exit_cites_the_follow_up_articles() -> None:
    result = check_agency_exit(with_(own_case_count=10), AS_OF)
    assert {11, 12, 23} <= set(result.citations)
    notes = "".join(result.notes)
    assert "折算" in notes and "解除服务合同" in notes


def test_unknowns_are_listed() -> None:
    result = check_agency_exit(AgencyExitFacts(own_case_count=3, year=2022), AS_OF)
    assert "案件发生率" in result.conclusion
    assert "2022年度" in result.conclusion
    assert "违法违规" in result.conclusion


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"clients_with_cases": 101}, id="发生案件的企业多于服务对象被拒绝"),
        pytest.param({"change_requests": 101}, id="要求更换的企业多于服务对象被拒绝"),
        pytest.param({"own_case_count": -1}, id="案件量为负数被拒绝"),
        pytest.param({"own_case_rate_percent": Decimal("101")}, id="比例超过100%被拒绝"),
    ],
)
def test_bad_facts_are_rejected(changes: dict[str, object]) -> None:
    # FactsConflict: the message names the figures, for the user to correct one of them
    with pytest.raises(FactsConflict):
        with_(**changes)


def test_enterprise_options_after_agency_exit() -> None:
    result = enterprise_options_after_agency_exit()
    assert result.conclusion.startswith("触发退出情形")
    assert "可以依据服务合同的约定解除服务合同" in result.conclusion
    assert 12 in result.citations and 23 in result.citations
    assert result.cites_interpretation
    assert any("更换服务机构" in n for n in result.notes)
