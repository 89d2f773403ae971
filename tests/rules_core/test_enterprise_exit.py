"""第十三条: when an enterprise stops being a 托管服务对象 (届满三年, 停业/注销/搬迁)."""

from __future__ import annotations

import datetime as dt

import pytest

from rules_core.enterprise_exit import EnterpriseExitFacts, check_enterprise_exit
from rules_core.results import Status, Verdict

D = dt.date
STARTED = D(2021, 5, 10)
NOTHING_HAPPENED = {"closed_down": False, "deregistered": False, "moved_out_of_pingshan": False}


@pytest.mark.parametrize(
    ("as_of", "verdict"),
    [
        pytest.param(D(2024, 5, 8), Verdict.ENTERPRISE_STAYS, id="届满前两日仍是服务对象"),
        pytest.param(
            D(2024, 5, 9), Verdict.ENTERPRISE_STAYS, id="届满当日第三年最后一日仍是服务对象"
        ),
        pytest.param(D(2024, 5, 10), Verdict.ENTERPRISE_EXIT, id="届满次日不再作为服务对象"),
        pytest.param(D(2025, 1, 1), Verdict.ENTERPRISE_EXIT, id="三年后很久当然不再作为服务对象"),
        pytest.param(D(2021, 5, 1), Verdict.ENTERPRISE_STAYS, id="服务尚未开始不触发退出"),
    ],
)
def test_three_full_years_boundary(as_of: dt.date, verdict: Verdict) -> None:
    result = check_enterprise_exit(EnterpriseExitFacts(STARTED, **NOTHING_HAPPENED), as_of)
    assert result.verdict is verdict
    assert result.conclusion.startswith(verdict.value)
    assert result.figures["three_years_complete_on"] == "2024-05-09"
    assert result.figures["no_longer_service_object_from"] == "2024-05-10"


def test_stays_says_when_three_years_will_be_complete() -> None:
    result = check_enterprise_exit(EnterpriseExitFacts(STARTED, **NOTHING_HAPPENED), D(2023, 1, 1))
    assert "将于2024年5月9日届满" in result.conclusion


def test_leap_day_start_completes_at_the_end_of_february() -> None:
    facts = EnterpriseExitFacts(D(2024, 2, 29), **NOTHING_HAPPENED)
    result = check_enterprise_exit(facts, D(2027, 2, 28))
    assert result.verdict is Verdict.ENTERPRISE_STAYS
    assert result.figures["three_years_complete_on"] == "2027-02-28"
    assert check_enterprise_exit(facts, D(2027, 3, 1)).verdict is Verdict.ENTERPRISE_EXIT


@pytest.mark.parametrize(
    ("facts", "word"),
    [
        pytest.param(EnterpriseExitFacts(closed_down=True), "停业", id="停业即不再作为服务对象"),
        pytest.param(EnterpriseExitFacts(deregistered=True), "注销", id="注销即不再作为服务对象"),
        pytest.param(
            EnterpriseExitFacts(moved_out_of_pingshan=True),
            "搬迁出坪山区",
            id="搬迁出坪山区即不再作为服务对象",
        ),
    ],
)
def test_exit_events(facts: EnterpriseExitFacts, word: str) -> None:
    result = check_enterprise_exit(facts, D(2022, 6, 1))
    assert result.verdict is Verdict.ENTERPRISE_EXIT
    assert word in result.conclusion
    assert set(result.citations) == {13, 23}
    assert any("折算" in n for n in result.notes)


def test_full_term_exit_says_no_more_subsidy() -> None:
    result = check_enterprise_exit(EnterpriseExitFacts(STARTED, **NOTHING_HAPPENED), D(2024, 6, 1))
    assert any("不再给予服务补贴" in n for n in result.notes)
    assert 23 in result.citations


@pytest.mark.parametrize(
    ("facts", "asked"),
    [
        pytest.param(
            EnterpriseExitFacts(None, **NOTHING_HAPPENED),
            "开始接受托管服务的日期",
            id="开始日期未知时尚需确认",
        ),
        pytest.param(
            EnterpriseExitFacts(STARTED, closed_down=False, deregistered=None),
            "注销",
            id="是否注销未知时尚需确认",
        ),
    ],
)
def test_unknowns_need_confirmation(facts: EnterpriseExitFacts, asked: str) -> None:
    result = check_enterprise_exit(facts, D(2022, 6, 1))
    assert result.verdict is Verdict.NEEDS_CONFIRMATION
    assert asked in result.conclusion


def test_one_met_situation_is_decisive_despite_unknowns() -> None:
    result = check_enterprise_exit(EnterpriseExitFacts(STARTED), D(2024, 5, 10))
    assert result.verdict is Verdict.ENTERPRISE_EXIT
    assert next(c for c in result.conditions if c.key == "exit_event").status is Status.UNKNOWN


def test_validity_note_after_2024_03_30() -> None:
    result = check_enterprise_exit(EnterpriseExitFacts(STARTED, **NOTHING_HAPPENED), D(2024, 3, 31))
    assert any("坪山区人力资源局确认" in n for n in result.notes)


@pytest.mark.parametrize(
    ("years", "verdict"),
    [(3, Verdict.ENTERPRISE_EXIT), (2, Verdict.NEEDS_CONFIRMATION)],
    ids=["three whole years said end the service", "two years said do not"],
)
def test_years_of_service_said_without_a_start_date(years: int, verdict: Verdict) -> None:
    result = check_enterprise_exit(EnterpriseExitFacts(years_served=years), dt.date(2023, 6, 1))
    assert result.verdict is verdict


@pytest.mark.parametrize(
    ("supposed", "verdict"),
    [(3, Verdict.ENTERPRISE_EXIT), (2, Verdict.NEEDS_CONFIRMATION)],
    ids=[
        "three years supposed answer for that case although the start date says not yet",
        "two years supposed do not end the service",
    ],
)
def test_years_supposed_answer_the_question_for_that_case(supposed: int, verdict: Verdict) -> None:
    facts = EnterpriseExitFacts(service_started=dt.date(2021, 4, 1), supposed_years=supposed)
    result = check_enterprise_exit(facts, dt.date(2023, 6, 1))
    assert result.verdict is verdict
    assert (
        "假设" in result.conditions[0].detail and "2024年3月31日届满" in result.conditions[0].detail
    )


STILL_HERE = {"closed_down": False, "deregistered": False, "moved_out_of_pingshan": False}


@pytest.mark.parametrize(
    ("facts", "verdict"),
    [
        pytest.param(
            EnterpriseExitFacts(**STILL_HERE, asks_of_event=True),
            Verdict.ENTERPRISE_STAYS,
            id="a move within Pingshan asked about does not end the service",
        ),
        pytest.param(
            EnterpriseExitFacts(**STILL_HERE),
            Verdict.NEEDS_CONFIRMATION,
            id="asked in general the three years still need the start date",
        ),
        pytest.param(
            EnterpriseExitFacts(**STILL_HERE, asks_of_event=True, years_served=3),
            Verdict.ENTERPRISE_EXIT,
            id="three years said still end it whatever the move",
        ),
        pytest.param(
            EnterpriseExitFacts(
                **STILL_HERE, asks_of_event=True, service_started=dt.date(2020, 1, 1)
            ),
            Verdict.ENTERPRISE_EXIT,
            id="a start date more than three years ago ends it whatever the move",
        ),
    ],
)
def test_an_event_asked_about_is_answered_for_that_event(
    facts: EnterpriseExitFacts, verdict: Verdict
) -> None:
    result = check_enterprise_exit(facts, dt.date(2023, 6, 1))
    assert result.verdict is verdict
    if verdict is Verdict.ENTERPRISE_STAYS:
        assert any("届满3年也不再作为托管服务对象" in note for note in result.notes)
