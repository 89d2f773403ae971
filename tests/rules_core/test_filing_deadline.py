"""第十七条: the agency files the agreement within 15 days of signing (signing day not counted)."""

from __future__ import annotations

import datetime as dt

import pytest

from rules_core.deadlines import filing_deadline
from rules_core.results import Status, Verdict

D = dt.date


@pytest.mark.parametrize(
    ("signed_on", "last_day"),
    [
        pytest.param(D(2023, 3, 1), D(2023, 3, 16), id="3月1日签订最后一日为3月16日"),
        pytest.param(D(2023, 12, 20), D(2024, 1, 4), id="跨年计算"),
        pytest.param(D(2024, 2, 14), D(2024, 2, 29), id="闰年2月计算到29日"),
        pytest.param(D(2021, 3, 31), D(2021, 4, 15), id="施行首日签订适用15日"),
    ],
)
def test_last_day(signed_on: dt.date, last_day: dt.date) -> None:
    result = filing_deadline(signed_on, signed_on)
    assert result.verdict is Verdict.CALCULATED
    assert result.figures["last_day"] == last_day.isoformat()
    assert result.conclusion.startswith("备案期限最后一日为")
    assert result.figures["period_days"] == 15


@pytest.mark.parametrize(
    ("filed_on", "on_time", "day"),
    [
        pytest.param(D(2023, 3, 1), True, 0, id="签订当日备案按期"),
        pytest.param(D(2023, 3, 16), True, 15, id="第15日备案按期"),
        pytest.param(D(2023, 3, 17), False, 16, id="第16日备案逾期"),
    ],
)
def test_on_time_or_late(filed_on: dt.date, on_time: bool, day: int) -> None:
    result = filing_deadline(D(2023, 3, 1), D(2023, 4, 1), filed_on)
    assert result.figures["on_time"] is on_time
    assert result.figures["filed_day_number"] == day
    assert result.conclusion.startswith("按期备案" if on_time else "逾期备案")
    assert result.conditions[0].status is (Status.MET if on_time else Status.UNMET)
    assert f"第{day}日" in result.conditions[0].detail


def test_counting_and_holiday_are_explained() -> None:
    notes = "".join(filing_deadline(D(2023, 3, 1), D(2023, 3, 2)).notes)
    assert "第二百零一条" in notes
    assert "2023年3月16日不是法定休假日，无需顺延" in notes and "第二百零三条" in notes
    assert "10日" in notes and "政策解读" in notes


REST_DAYS = [
    pytest.param(D(2023, 3, 3), D(2023, 3, 20), id="第15日是星期六，顺延到星期一"),
    pytest.param(D(2024, 9, 16), D(2024, 10, 8), id="第15日是国庆节，顺延到假期结束的次日"),
    pytest.param(D(2023, 9, 14), D(2023, 10, 7), id="假期后的调休上班日是最后一日"),
]


@pytest.mark.parametrize(("signed_on", "last_day"), REST_DAYS)
def test_a_last_day_on_a_rest_day_moves_to_the_next_working_day(
    signed_on: dt.date, last_day: dt.date
) -> None:
    result = filing_deadline(signed_on, signed_on)
    assert result.figures["last_day"] == last_day.isoformat()
    assert result.conclusion.startswith(
        f"备案期限最后一日为{last_day.year}年{last_day.month}月{last_day.day}日"
    )
    assert any("法定休假日" in n and "第二百零三条" in n for n in result.notes)


def test_a_filing_on_the_moved_last_day_is_on_time() -> None:
    result = filing_deadline(D(2024, 9, 16), D(2024, 10, 9), D(2024, 10, 8))
    assert result.figures["on_time"] is True


def test_beyond_the_holiday_calendar_the_answer_says_which_years_it_covers() -> None:
    result = filing_deadline(D(2027, 1, 10), D(2027, 1, 11))
    assert result.figures["holiday_calendar_covers"] is False
    assert any("节假日日历只有2004年至" in n and "2027年的安排" in n for n in result.notes)


def test_filing_before_signing_is_rejected() -> None:
    with pytest.raises(ValueError, match="不能早于"):
        filing_deadline(D(2023, 3, 1), D(2023, 3, 1), D(2023, 2, 28))


def test_days_left_and_overdue_notes() -> None:
    assert "还有11日" in filing_deadline(D(2023, 3, 1), D(2023, 3, 5)).notes[0]
    assert "已过" in filing_deadline(D(2023, 3, 1), D(2023, 3, 17)).notes[0]


def test_trial_version_signing_uses_ten_days() -> None:
    result = filing_deadline(D(2020, 3, 1), D(2020, 3, 2), D(2020, 3, 12))
    assert result.figures["period_days"] == 10
    assert result.figures["last_day"] == "2020-03-11"
    assert result.conclusion.startswith("逾期备案")
    assert any("试行" in n for n in result.notes)


def test_signing_between_the_two_versions_needs_confirmation() -> None:
    result = filing_deadline(D(2021, 3, 10), D(2021, 3, 12))
    assert result.verdict is Verdict.NEEDS_CONFIRMATION
    assert result.figures["last_day"] is None
