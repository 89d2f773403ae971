"""第九条: who may be a 托管服务对象 — 符合 / 不符合 / 尚需确认."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from rules_core.eligibility import EnterpriseFacts, check_enterprise_eligibility
from rules_core.results import Status, Verdict

AS_OF = dt.date(2023, 6, 1)

ALL_MET = EnterpriseFacts(
    registered_in_pingshan=True,
    tax_in_pingshan=True,
    operating_in_pingshan=True,
    headcount=30,
    operating_normally=True,
    firm_type="other",
    had_labour_cases_last_year=True,
    tech_sme_registered_last_year=False,
    key_industry_enterprise=False,
)


def with_(**changes: object) -> EnterpriseFacts:
    return dataclasses.replace(ALL_MET, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("facts", "verdict"),
    [
        pytest.param(with_(headcount=99), Verdict.ELIGIBLE, id="99人的企业满足人数条件"),
        pytest.param(
            with_(headcount=100), Verdict.ELIGIBLE, id="100人的企业满足人数条件（含本数）"
        ),
        pytest.param(with_(headcount=101), Verdict.NOT_ELIGIBLE, id="101人的企业不符合"),
        pytest.param(
            with_(firm_type="labour_dispatch"), Verdict.NOT_ELIGIBLE, id="劳务派遣企业被排除"
        ),
        pytest.param(
            with_(firm_type="hr_service"), Verdict.NOT_ELIGIBLE, id="人力资源服务机构被排除"
        ),
        pytest.param(
            with_(registered_in_pingshan=False), Verdict.NOT_ELIGIBLE, id="注册地不在坪山区不符合"
        ),
        pytest.param(
            with_(tax_in_pingshan=False), Verdict.NOT_ELIGIBLE, id="纳税地不在坪山区不符合"
        ),
        pytest.param(
            with_(operating_in_pingshan=False), Verdict.NOT_ELIGIBLE, id="经营地不在坪山区不符合"
        ),
        pytest.param(
            with_(operating_normally=False), Verdict.NOT_ELIGIBLE, id="生产经营不正常不符合"
        ),
        pytest.param(
            with_(had_labour_cases_last_year=False),
            Verdict.NOT_ELIGIBLE,
            id="三项上一年度条件都不满足则不符合",
        ),
        pytest.param(
            with_(had_labour_cases_last_year=False, tech_sme_registered_last_year=True),
            Verdict.ELIGIBLE,
            id="上一年度已入库科技型中小企业即符合",
        ),
        pytest.param(
            with_(had_labour_cases_last_year=False, key_industry_enterprise=True),
            Verdict.ELIGIBLE,
            id="其他符合产业导向的重点企业即符合",
        ),
        pytest.param(
            with_(tech_sme_registered_last_year=None, key_industry_enterprise=None),
            Verdict.ELIGIBLE,
            id="满足一项上一年度条件时其余两项未知不影响结论",
        ),
        pytest.param(with_(headcount=None), Verdict.NEEDS_CONFIRMATION, id="人数未知尚需确认"),
        pytest.param(
            EnterpriseFacts(headcount=150),
            Verdict.NOT_ELIGIBLE,
            id="150人即使其他情况都未知也不符合",
        ),
        pytest.param(
            EnterpriseFacts(firm_type="labour_dispatch"),
            Verdict.NOT_ELIGIBLE,
            id="劳务派遣企业即使其他情况都未知也不符合",
        ),
        pytest.param(EnterpriseFacts(), Verdict.NEEDS_CONFIRMATION, id="什么都不知道时尚需确认"),
    ],
)
def test_verdict(facts: EnterpriseFacts, verdict: Verdict) -> None:
    result = check_enterprise_eligibility(facts, AS_OF)
    assert result.verdict is verdict
    assert result.conclusion.startswith(verdict.value)
    assert 9 in result.citations


def test_headcount_detail_gives_the_figures() -> None:
    result = check_enterprise_eligibility(with_(headcount=100), AS_OF)
    headcount = next(c for c in result.conditions if c.key == "headcount")
    assert headcount.status is Status.MET
    assert headcount.detail == "从业人员100人，不超过100人（含本数）"


def test_too_many_people_is_named_in_the_conclusion() -> None:
    result = check_enterprise_eligibility(EnterpriseFacts(headcount=150), AS_OF)
    assert "从业人员150人，超过100人" in result.conclusion


def test_excluded_type_is_named_in_the_conclusion() -> None:
    result = check_enterprise_eligibility(with_(firm_type="hr_service"), AS_OF)
    assert "人力资源服务机构" in result.conclusion


@pytest.mark.parametrize(
    ("facts", "asked"),
    [
        pytest.param(with_(headcount=None), ["从业人员人数"], id="人数未知时要求确认人数"),
        pytest.param(
            with_(registered_in_pingshan=None, tax_in_pingshan=None),
            ["注册地", "纳税地"],
            id="注册地和纳税地未知时两项都要确认",
        ),
        pytest.param(
            with_(
                had_labour_cases_last_year=None,
                tech_sme_registered_last_year=None,
                key_industry_enterprise=None,
            ),
            ["劳动信访", "科技型中小企业", "重点企业", "2022年"],
            id="上一年度条件都未知时列出三项并说明按2022年计",
        ),
        pytest.param(with_(firm_type=None), ["劳务派遣"], id="企业类型未知时要求确认是否劳务派遣"),
    ],
)
def test_unknown_facts_list_what_to_confirm(facts: EnterpriseFacts, asked: list[str]) -> None:
    result = check_enterprise_eligibility(facts, AS_OF)
    assert result.verdict is Verdict.NEEDS_CONFIRMATION
    for word in asked:
        assert word in result.conclusion
        assert any(word in item for item in result.figures["to_confirm"])


def test_empty_facts_ask_for_every_condition() -> None:
    result = check_enterprise_eligibility(EnterpriseFacts(), AS_OF)
    assert len(result.figures["to_confirm"]) == 7
    assert all(c.status is Status.UNKNOWN for c in result.conditions)


def test_previous_year_follows_as_of() -> None:
    result = check_enterprise_eligibility(ALL_MET, dt.date(2022, 1, 5))
    assert result.figures["previous_year"] == 2021


@pytest.mark.parametrize(
    ("as_of", "noted"),
    [
        pytest.param(dt.date(2024, 3, 30), False, id="有效期最后一日不提示届满"),
        pytest.param(dt.date(2024, 3, 31), True, id="有效期届满次日提示向人力资源局确认"),
    ],
)
def test_validity_note(as_of: dt.date, noted: bool) -> None:
    notes = "".join(check_enterprise_eligibility(ALL_MET, as_of).notes)
    assert ("有效期已于2024年3月30日届满" in notes) is noted


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"headcount": -1}, id="人数为负数被拒绝"),
        pytest.param({"firm_type": "bank"}, id="未知企业类型被拒绝"),
    ],
)
def test_bad_facts_are_rejected(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        EnterpriseFacts(**changes)  # type: ignore[arg-type]


WHOLE_PLACES = [
    pytest.param(
        EnterpriseFacts(all_places_in_pingshan=False, headcount=30),
        Verdict.NOT_ELIGIBLE,
        "注册地、纳税地、经营地不都在坪山区",
        id="只说三地不都在坪山则不符合且不指认是哪一处",
    ),
    pytest.param(
        EnterpriseFacts(all_places_in_pingshan=False, operating_in_pingshan=False),
        Verdict.NOT_ELIGIBLE,
        "经营地不在坪山区",
        id="说明了哪一处不在坪山时按那一处回答",
    ),
    pytest.param(
        EnterpriseFacts(all_places_in_pingshan=True, headcount=150),
        Verdict.NOT_ELIGIBLE,
        "注册地在坪山区",
        id="三地都在坪山时三项都满足",
    ),
]


@pytest.mark.parametrize(("facts", "verdict", "fragment"), WHOLE_PLACES)
def test_the_three_places_answered_as_a_whole(
    facts: EnterpriseFacts, verdict: Verdict, fragment: str
) -> None:
    result = check_enterprise_eligibility(facts, AS_OF)
    assert result.verdict is verdict
    assert any(fragment in c.detail for c in result.conditions)
