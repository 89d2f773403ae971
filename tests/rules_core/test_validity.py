"""第二十七条: in force 2021-03-31, valid three years, i.e. through 2024-03-30."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from rules_core.agency_exit import AgencyExitFacts, check_agency_exit
from rules_core.deadlines import filing_deadline, validity_note, validity_status
from rules_core.eligibility import EnterpriseFacts, check_enterprise_eligibility
from rules_core.enterprise_exit import EnterpriseExitFacts, check_enterprise_exit
from rules_core.qualification import AgencyFacts, check_agency_qualification
from rules_core.results import CheckResult
from rules_core.subsidy import cap_schedule, prorated_subsidy_cap, subsidy_cap

D = dt.date


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        pytest.param(D(2021, 3, 30), "not_yet_in_force", id="2021年3月30日尚未施行"),
        pytest.param(D(2021, 3, 31), "in_force", id="2021年3月31日起施行"),
        pytest.param(D(2024, 3, 30), "in_force", id="2024年3月30日仍在有效期内"),
        pytest.param(D(2024, 3, 31), "validity_ended", id="2024年3月31日有效期已届满"),
    ],
)
def test_validity_status(as_of: dt.date, status: str) -> None:
    result = validity_status(as_of)
    assert result.figures["status"] == status
    assert result.figures["valid_through"] == "2024-03-30"
    assert 27 in result.citations


def test_validity_note_boundary() -> None:
    assert validity_note(D(2024, 3, 30)) is None
    note = validity_note(D(2024, 3, 31))
    assert note is not None
    assert "有效期已于2024年3月30日届满" in note
    assert "坪山区人力资源局确认" in note


CHECKS: list[tuple[str, Callable[[dt.date], CheckResult]]] = [
    ("服务对象资格", lambda d: check_enterprise_eligibility(EnterpriseFacts(), d)),
    ("服务对象退出", lambda d: check_enterprise_exit(EnterpriseExitFacts(), d)),
    ("服务机构退出", lambda d: check_agency_exit(AgencyExitFacts(own_case_count=1), d)),
    ("服务机构资格", lambda d: check_agency_qualification(AgencyFacts(), d)),
    ("补贴上限", lambda d: subsidy_cap(D(2023, 8, 1), 1, d)),
    ("三年补贴上限", lambda d: cap_schedule(D(2023, 8, 1), d)),
    ("折算补贴", lambda d: prorated_subsidy_cap(D(2023, 8, 1), 1, d, months_served=6)),
    ("备案期限", lambda d: filing_deadline(D(2023, 8, 1), d)),
    ("未知基数的补贴上限", lambda d: subsidy_cap(D(2025, 1, 10), 1, d)),
    ("第四年补贴", lambda d: subsidy_cap(D(2021, 8, 1), 4, d)),
    ("服务机构退出（未知比例）", lambda d: check_agency_exit(AgencyExitFacts(), d)),
    (
        "触发退出的服务机构",
        lambda d: check_agency_exit(AgencyExitFacts(own_case_rate_percent=Decimal(2)), d),
    ),
]


@pytest.mark.parametrize(
    ("as_of", "noted"),
    [
        pytest.param(D(2024, 3, 30), False, id="有效期最后一日不附届满提示"),
        pytest.param(D(2024, 3, 31), True, id="有效期届满次日附届满提示"),
    ],
)
@pytest.mark.parametrize(("name", "check"), [pytest.param(*c, id=c[0]) for c in CHECKS])
def test_every_dated_check_appends_the_validity_note(
    name: str, check: Callable[[dt.date], CheckResult], as_of: dt.date, noted: bool
) -> None:
    note = validity_note(D(2024, 3, 31))
    assert (note in check(as_of).notes) is noted


def test_what_follows_the_term_is_not_guessed() -> None:
    result = validity_status(dt.date(2023, 6, 1))
    assert any("没有说明" in note and "坪山区人力资源局" in note for note in result.notes)


@pytest.mark.parametrize(
    "as_of",
    [D(2021, 3, 30), D(2023, 6, 1), D(2024, 3, 31)],
    ids=["before it is in force", "while in force", "after its validity"],
)
def test_the_validity_answer_names_the_document_and_its_number(as_of: dt.date) -> None:
    conclusion = validity_status(as_of).conclusion
    assert "深坪府办规〔2021〕1号" in conclusion
    assert "《深圳市坪山区小微企业劳动关系事务托管服务管理办法》" in conclusion


@pytest.mark.parametrize(
    ("as_of", "says_the_trial_expired"),
    [(D(2021, 2, 1), False), (D(2023, 6, 1), True), (D(2024, 3, 31), True)],
    ids=[
        "while the trial version ran it is not called expired",
        "while the current one is in force the trial version is named expired",
        "after both it is still named expired",
    ],
)
def test_the_validity_answer_says_when_the_trial_version_expired(
    as_of: dt.date, says_the_trial_expired: bool
) -> None:
    notes = validity_status(as_of).notes
    said = any("（试行）" in note and "已于2021年2月23日到期" in note for note in notes)
    assert said is says_the_trial_expired
