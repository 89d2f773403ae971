"""The answer contract every check keeps: verdict word first, JSON figures, a basis line."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from rules_core.agency_exit import (
    AgencyExitFacts,
    check_agency_exit,
    enterprise_options_after_agency_exit,
)
from rules_core.citations import basis_line
from rules_core.deadlines import filing_deadline, validity_status
from rules_core.eligibility import EnterpriseFacts, check_enterprise_eligibility
from rules_core.enterprise_exit import EnterpriseExitFacts, check_enterprise_exit
from rules_core.qualification import AgencyFacts, check_agency_qualification
from rules_core.results import CheckResult, Status, Verdict
from rules_core.subsidy import cap_schedule, prorated_subsidy_cap, subsidy_cap

D = dt.date
AS_OF = D(2023, 6, 1)

RESULTS: list[tuple[str, CheckResult]] = [
    ("资格尚需确认", check_enterprise_eligibility(EnterpriseFacts(headcount=10), AS_OF)),
    ("资格不符合", check_enterprise_eligibility(EnterpriseFacts(headcount=101), AS_OF)),
    ("服务对象退出", check_enterprise_exit(EnterpriseExitFacts(closed_down=True), AS_OF)),
    (
        "服务对象不退出",
        check_enterprise_exit(EnterpriseExitFacts(D(2022, 1, 1), False, False, False), AS_OF),
    ),
    ("机构退出", check_agency_exit(AgencyExitFacts(own_case_count=10), AS_OF)),
    ("机构不退出", check_agency_exit(AgencyExitFacts(Decimal(0), 0, 10, 0, 0, False), AS_OF)),
    ("企业的选择", enterprise_options_after_agency_exit()),
    ("机构资格", check_agency_qualification(AgencyFacts(certified_fulltime_staff=0), AS_OF)),
    ("补贴上限", subsidy_cap(D(2022, 8, 1), 2, AS_OF)),
    ("第四年", subsidy_cap(D(2022, 8, 1), 4, AS_OF)),
    ("三年上限", cap_schedule(D(2022, 8, 1), AS_OF)),
    ("试行期签约第四年", subsidy_cap(D(2020, 5, 1), 4, AS_OF)),
    ("基数未知", subsidy_cap(D(2025, 5, 1), 1, AS_OF)),
    ("折算", prorated_subsidy_cap(D(2022, 8, 1), 1, AS_OF, months_served=5)),
    ("备案期限", filing_deadline(D(2023, 3, 1), AS_OF, D(2023, 3, 10))),
    ("有效期", validity_status(AS_OF)),
]

VERDICT_WORDS = {
    Verdict.ELIGIBLE,
    Verdict.NOT_ELIGIBLE,
    Verdict.NEEDS_CONFIRMATION,
    Verdict.AGENCY_EXIT,
    Verdict.AGENCY_NO_EXIT,
    Verdict.ENTERPRISE_EXIT,
    Verdict.NO_SUBSIDY,
}


@pytest.mark.parametrize(("name", "result"), [pytest.param(*r, id=r[0]) for r in RESULTS])
def test_contract(name: str, result: CheckResult) -> None:
    if result.verdict in VERDICT_WORDS:
        assert result.conclusion.startswith(result.verdict.value)
    json.dumps(result.figures, ensure_ascii=False)
    assert basis_line(result.citations, result.cites_interpretation).startswith("依据：")
    for condition in result.conditions:
        assert condition.detail
        if condition.status is Status.UNKNOWN:
            assert condition.to_confirm


@pytest.mark.parametrize(
    ("name", "result"),
    [pytest.param(*r, id=r[0]) for r in RESULTS if r[1].figures.get("cap") not in (None, "0.00")],
)
def test_amounts_are_only_ever_upper_bounds(name: str, result: CheckResult) -> None:
    assert result.verdict is Verdict.CALCULATED
    assert "上限" in result.conclusion
    assert "托管服务机构" in result.conclusion
