"""第八条: who may be a 托管服务机构 (客观条件 + 服务能力测试)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from rules_core.qualification import AgencyFacts, check_agency_qualification
from rules_core.results import Verdict

AS_OF = dt.date(2022, 3, 1)

QUALIFIED = AgencyFacts(
    organisation_type="enterprise_or_institution",
    business_scope_relevant=True,
    has_service_premises=True,
    has_staff=True,
    has_office_conditions=True,
    certified_fulltime_staff=2,
    test_scores=(Decimal("85"), Decimal("90")),
)


def with_(**changes: object) -> AgencyFacts:
    return dataclasses.replace(QUALIFIED, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("facts", "verdict"),
    [
        pytest.param(QUALIFIED, Verdict.ELIGIBLE, id="条件齐全的企业符合"),
        pytest.param(
            with_(organisation_type="social_organisation"),
            Verdict.ELIGIBLE,
            id="民政部门登记的社会组织符合",
        ),
        pytest.param(
            with_(organisation_type="other"), Verdict.NOT_ELIGIBLE, id="非依法登记的主体不符合"
        ),
        pytest.param(
            with_(business_scope_relevant=False),
            Verdict.NOT_ELIGIBLE,
            id="业务范围不含相关服务不符合",
        ),
        pytest.param(
            with_(has_service_premises=False), Verdict.NOT_ELIGIBLE, id="没有专门服务场所不符合"
        ),
        pytest.param(
            with_(has_office_conditions=False), Verdict.NOT_ELIGIBLE, id="没有必要办公条件不符合"
        ),
        pytest.param(
            with_(certified_fulltime_staff=1), Verdict.NOT_ELIGIBLE, id="只有1名持证专职人员不符合"
        ),
        pytest.param(
            with_(certified_fulltime_staff=2), Verdict.ELIGIBLE, id="2名持证专职人员符合（含本数）"
        ),
        pytest.param(with_(certified_fulltime_staff=3), Verdict.ELIGIBLE, id="3名持证专职人员符合"),
        pytest.param(
            with_(test_scores=(Decimal("80"), Decimal("79"))),
            Verdict.NOT_ELIGIBLE,
            id="两人平均79.5分不符合",
        ),
        pytest.param(
            with_(test_scores=(Decimal("80"), Decimal("80"))),
            Verdict.ELIGIBLE,
            id="两人平均80分符合（含本数）",
        ),
        pytest.param(
            with_(test_scores=(Decimal("100"), Decimal("60"))),
            Verdict.ELIGIBLE,
            id="一人100分一人60分平均80分符合",
        ),
        pytest.param(
            with_(test_scores=None, test_average=Decimal("79.5")),
            Verdict.NOT_ELIGIBLE,
            id="直接给出平均分79.5不符合",
        ),
        pytest.param(
            with_(test_scores=None, test_average=Decimal("80")),
            Verdict.ELIGIBLE,
            id="直接给出平均分80符合",
        ),
        pytest.param(
            with_(test_scores=None), Verdict.NEEDS_CONFIRMATION, id="测试成绩未知尚需确认"
        ),
        pytest.param(
            AgencyFacts(certified_fulltime_staff=1),
            Verdict.NOT_ELIGIBLE,
            id="持证人员不足时其他未知也不符合",
        ),
        pytest.param(AgencyFacts(), Verdict.NEEDS_CONFIRMATION, id="什么都不知道时尚需确认"),
    ],
)
def test_verdict(facts: AgencyFacts, verdict: Verdict) -> None:
    result = check_agency_qualification(facts, AS_OF)
    assert result.verdict is verdict
    assert result.conclusion.startswith(verdict.value)
    assert 8 in result.citations


def test_average_is_shown_with_the_scores() -> None:
    result = check_agency_qualification(with_(test_scores=(Decimal(80), Decimal(79))), AS_OF)
    assert "平均79.5分，低于80分" in result.conclusion


def test_unknowns_are_listed() -> None:
    result = check_agency_qualification(with_(has_service_premises=None, test_scores=None), AS_OF)
    assert "专门服务场所" in result.conclusion
    assert "测试成绩" in result.conclusion


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"test_scores": (Decimal(80),)}, id="只给一个成绩被拒绝"),
        pytest.param(
            {"test_scores": (Decimal(80), Decimal(80), Decimal(80))}, id="给三个成绩被拒绝"
        ),
        pytest.param({"organisation_type": "individual"}, id="未知机构类型被拒绝"),
        pytest.param({"certified_fulltime_staff": -1}, id="负数人员被拒绝"),
    ],
)
def test_bad_facts_are_rejected(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        with_(**changes)
