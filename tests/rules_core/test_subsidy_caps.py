"""第十九条、第二十三条: subsidy caps, the service-year clock and pro-rating."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules_core.params_loader import load_wage_table
from rules_core.results import Verdict
from rules_core.subsidy import cap_schedule, prorated_subsidy_cap, service_year_on, subsidy_cap

D = dt.date
AS_OF = D(2024, 3, 1)

# The cap table of /work/shared/reference/shenzhen-average-wage.md, copied here on purpose:
# if the YAML or the arithmetic drifts, these fail.
CAP_TABLE = [
    (D(2021, 8, 1), 2020, "139436", 1, "27887.20"),
    (D(2021, 8, 1), 2020, "139436", 2, "23239.33"),
    (D(2021, 8, 1), 2020, "139436", 3, "19919.43"),
    (D(2022, 8, 1), 2021, "155563", 1, "31112.60"),
    (D(2022, 8, 1), 2021, "155563", 2, "25927.17"),
    (D(2022, 8, 1), 2021, "155563", 3, "22223.29"),
    (D(2023, 8, 1), 2022, "164754", 1, "32950.80"),
    (D(2023, 8, 1), 2022, "164754", 2, "27459.00"),
    (D(2023, 8, 1), 2022, "164754", 3, "23536.29"),
    (D(2024, 3, 1), 2023, "174640", 1, "34928.00"),
    (D(2024, 3, 1), 2023, "174640", 2, "29106.67"),
    (D(2024, 3, 1), 2023, "174640", 3, "24948.57"),
]


@pytest.mark.parametrize(
    ("first_signing", "base_year", "base", "year", "cap"),
    [
        pytest.param(*row, id=f"{row[0].year}年首次签约第{row[3]}年上限为{row[4]}元")
        for row in CAP_TABLE
    ],
)
def test_cap_matches_the_reference_table(
    first_signing: dt.date, base_year: int, base: str, year: int, cap: str
) -> None:
    result = subsidy_cap(first_signing, year, AS_OF)
    assert result.verdict is Verdict.CALCULATED
    assert result.figures["base_year"] == base_year
    assert result.figures["base"] == base
    assert result.figures["cap"] == cap
    assert f"{Decimal(cap):,.2f}元" in result.conclusion
    json.dumps(result.figures, ensure_ascii=False)


def test_first_year_cap_for_a_2021_signing_reads_as_an_upper_bound_for_the_agency() -> None:
    result = subsidy_cap(D(2021, 5, 10), 1, D(2021, 12, 1))
    assert result.conclusion.startswith("第一年补贴上限为27,887.20元")
    assert "不超过" in result.conclusion
    assert "托管服务机构" in result.conclusion
    assert result.figures["fraction"] == "1/5"
    assert result.figures["paid_to"] == "托管服务机构"
    assert result.figures["is_upper_bound"] is True
    notes = "".join(result.notes)
    assert "不是发给企业" in notes
    assert "从业人数、服务效果" in notes
    assert "以深圳市统计局公布数据为准" in notes
    assert "2020年度" in notes
    assert {19, 22} <= set(result.citations)


@pytest.mark.parametrize(
    ("first_signing", "caveat"),
    [
        pytest.param(D(2021, 5, 10), True, id="2021年5月签约时2020年度数据可能尚未公布"),
        pytest.param(D(2021, 6, 30), True, id="按月精度的公布期2021年6月内签约仍提示可能尚未公布"),
        pytest.param(D(2021, 7, 1), False, id="2021年7月签约时2020年度数据已公布"),
        pytest.param(D(2022, 2, 1), True, id="2022年2月签约时2021年度数据可能尚未公布"),
        pytest.param(D(2023, 6, 29), True, id="公布当日2023年6月29日签约提示可能尚未公布"),
        pytest.param(D(2023, 6, 30), False, id="2023年6月30日签约时2022年度数据已公布"),
        pytest.param(D(2024, 1, 15), True, id="2024年1月签约时2023年度数据可能尚未公布"),
    ],
)
def test_signing_before_publication_gets_the_caveat(first_signing: dt.date, caveat: bool) -> None:
    result = subsidy_cap(first_signing, 1, AS_OF)
    assert result.figures["caveat_possibly_unpublished"] is caveat
    assert any("可能尚未公布" in n for n in result.notes) is caveat


@pytest.mark.parametrize(
    "year",
    [pytest.param(4, id="第四年不再给予服务补贴"), pytest.param(5, id="第五年不再给予服务补贴")],
)
def test_no_subsidy_after_three_years(year: int) -> None:
    result = subsidy_cap(D(2021, 5, 10), year, AS_OF)
    assert result.verdict is Verdict.NO_SUBSIDY
    assert result.conclusion.startswith("不再给予服务补贴")
    assert 23 in result.citations


@pytest.mark.parametrize(
    ("year", "stops"),
    [
        pytest.param(4, True, id="第四年 stops whatever the signing date"),
        pytest.param(3, False, id="第三年 still needs the signing date for its cap"),
    ],
)
def test_a_year_after_the_term_needs_no_signing_date(year: int, stops: bool) -> None:
    from rules_core.subsidy import subsidy_after_term

    result = subsidy_after_term(year, AS_OF)
    assert (result is not None) is stops
    if result is not None:
        assert result.verdict is Verdict.NO_SUBSIDY
        assert 23 in result.citations


def test_service_year_zero_is_rejected() -> None:
    with pytest.raises(ValueError, match="第1年"):
        subsidy_cap(D(2021, 5, 10), 0, AS_OF)


def test_a_first_signing_after_the_validity_period_gets_no_invented_cap() -> None:
    result = subsidy_cap(D(2025, 5, 10), 1, D(2025, 6, 1))
    assert result.verdict is Verdict.NEEDS_CONFIRMATION
    assert result.conclusion.startswith("尚需确认")
    assert "不在《管理办法》有效期内" in result.conclusion
    assert result.figures["cap"] is None
    assert "元" not in result.conclusion


@pytest.mark.parametrize(
    "first_signing",
    [
        pytest.param(D(2020, 5, 10), id="试行期间首次签约不按第十九条计算"),
        pytest.param(D(2021, 3, 15), id="试行到期后新办法施行前首次签约不按第十九条计算"),
    ],
)
def test_signing_before_the_regulation_is_not_computed(first_signing: dt.date) -> None:
    result = subsidy_cap(first_signing, 1, D(2021, 6, 1))
    assert result.verdict is Verdict.NEEDS_CONFIRMATION
    assert result.figures["cap"] is None
    assert "base" not in result.figures
    assert "试行" in "".join(result.notes)


def test_trial_era_signing_says_the_trial_version_applied_and_its_rules_are_not_here() -> None:
    notes = "".join(subsidy_cap(D(2020, 5, 10), 1, D(2021, 6, 1)).notes)
    assert "当时适用的是" in notes and "试行" in notes
    assert "不在本助手掌握的资料中" in notes


def test_base_is_the_on_post_series_only() -> None:
    result = subsidy_cap(D(2021, 8, 1), 1, AS_OF)
    assert result.figures["base_series"] == "深圳市城镇非私营单位在岗职工年平均工资"
    # 就业人员 series for 2020 is 137,310 — it must never be the base.
    assert result.figures["base"] != "137310"


def test_cap_schedule_lists_all_three_years() -> None:
    result = cap_schedule(D(2021, 5, 10), D(2022, 1, 1))
    assert result.verdict is Verdict.CALCULATED
    assert [y["cap"] for y in result.figures["years"]] == ["27887.20", "23239.33", "19919.43"]
    for shown in (
        "27,887.20元",
        "23,239.33元",
        "19,919.43元",
        "三年合计不超过71,045.96元",  # the sum of the caps as shown, to the cent
        "第四年起不再给予服务补贴",
    ):
        assert shown in result.conclusion
    assert result.figures["years"][1]["year_from"] == "2022-05-10"
    assert result.conclusion.startswith("三年补贴上限")
    json.dumps(result.figures, ensure_ascii=False)


def test_cap_schedule_without_base_needs_confirmation() -> None:
    assert cap_schedule(D(2025, 5, 10), D(2025, 6, 1)).verdict is Verdict.NEEDS_CONFIRMATION


@pytest.mark.parametrize(
    ("first_signing", "on", "year"),
    [
        pytest.param(D(2021, 5, 10), D(2021, 5, 10), 1, id="签约当日为第1年"),
        pytest.param(D(2021, 5, 10), D(2022, 5, 9), 1, id="周年前一日仍为第1年"),
        pytest.param(D(2021, 5, 10), D(2022, 5, 10), 2, id="周年当日进入第2年"),
        pytest.param(D(2021, 5, 10), D(2024, 5, 9), 3, id="满三年前一日为第3年"),
        pytest.param(D(2021, 5, 10), D(2024, 5, 10), 4, id="满三年当日进入第4年"),
        pytest.param(D(2024, 2, 29), D(2025, 2, 28), 1, id="2月29日签约次年2月28日仍为第1年"),
        pytest.param(D(2024, 2, 29), D(2025, 3, 1), 2, id="2月29日签约次年3月1日进入第2年"),
    ],
)
def test_service_year_on(first_signing: dt.date, on: dt.date, year: int) -> None:
    assert service_year_on(first_signing, on) == year


def test_service_year_before_signing_is_rejected() -> None:
    with pytest.raises(ValueError, match="早于"):
        service_year_on(D(2021, 5, 10), D(2021, 5, 9))


@pytest.mark.parametrize(
    ("kwargs", "cap"),
    [
        pytest.param({"months_served": 7}, "13556.28", id="服务7个月按7/12折算"),
        pytest.param({"months_served": 12}, "23239.33", id="服务满12个月等于全年上限"),
        pytest.param({"months_served": 0}, "0.00", id="服务0个月折算为0"),
        pytest.param(
            {"served_from": D(2022, 5, 10), "served_to": D(2022, 12, 9)},
            "13625.25",
            id="按日期折算214天除以365天",
        ),
        pytest.param(
            {"served_from": D(2022, 5, 10), "served_to": D(2023, 5, 9)},
            "23239.33",
            id="按日期服务满整个服务年度等于全年上限",
        ),
        pytest.param(
            {"served_from": D(2022, 5, 10), "served_to": D(2022, 5, 10)},
            "63.67",
            id="只服务一天按1除以365折算",
        ),
    ],
)
def test_prorated_cap(kwargs: dict[str, object], cap: str) -> None:
    result = prorated_subsidy_cap(D(2021, 5, 10), 2, D(2023, 1, 1), **kwargs)  # type: ignore[arg-type]
    assert result.verdict is Verdict.CALCULATED
    assert result.figures["cap"] == cap
    assert result.figures["full_cap"] == "23239.33"
    assert "折算后补贴上限" in result.conclusion
    assert "仍为上限" in result.conclusion
    assert 23 in result.citations


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"months_served": 13}, "0到12", id="服务月数13超出范围"),
        pytest.param({"months_served": -1}, "0到12", id="服务月数为负数"),
        pytest.param({}, "请提供", id="既无月数也无日期"),
        pytest.param(
            {"months_served": 3, "served_from": D(2022, 5, 10), "served_to": D(2022, 6, 10)},
            "二选一",
            id="月数和日期同时提供",
        ),
        pytest.param({"served_from": D(2022, 5, 10)}, "同时提供", id="只有开始日期"),
        pytest.param(
            {"served_from": D(2022, 8, 1), "served_to": D(2022, 7, 1)},
            "不能早于",
            id="结束日期早于开始日期",
        ),
        pytest.param(
            {"served_from": D(2022, 5, 1), "served_to": D(2022, 7, 1)},
            "同一服务年度",
            id="开始日期在服务年度之前",
        ),
        pytest.param(
            {"served_from": D(2023, 1, 1), "served_to": D(2023, 5, 10)},
            "同一服务年度",
            id="结束日期跨入下一服务年度",
        ),
    ],
)
def test_prorating_rejects_bad_input(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        prorated_subsidy_cap(D(2021, 5, 10), 2, D(2023, 1, 1), **kwargs)  # type: ignore[arg-type]


def test_prorating_year_four_gives_no_subsidy() -> None:
    result = prorated_subsidy_cap(D(2021, 5, 10), 4, D(2025, 1, 1), months_served=3)
    assert result.verdict is Verdict.NO_SUBSIDY


# --------------------------------------------------------------------------- properties

signings = st.dates(min_value=D(2021, 3, 31), max_value=D(2024, 3, 30))


@given(first_signing=signings, year=st.integers(min_value=1, max_value=3))
def test_a_cap_never_exceeds_a_fifth_of_its_base(first_signing: dt.date, year: int) -> None:
    result = subsidy_cap(first_signing, year, AS_OF)
    base = Decimal(result.figures["base"])
    assert Decimal(result.figures["cap"]) <= base / 5


@given(first_signing=signings)
def test_caps_strictly_fall_year_by_year(first_signing: dt.date) -> None:
    caps = [Decimal(subsidy_cap(first_signing, n, AS_OF).figures["cap"]) for n in (1, 2, 3)]
    assert caps[0] > caps[1] > caps[2] > 0


@given(
    first_signing=signings,
    year=st.integers(min_value=1, max_value=3),
    months=st.integers(min_value=0, max_value=12),
)
def test_prorated_by_months_never_exceeds_the_full_cap(
    first_signing: dt.date, year: int, months: int
) -> None:
    full = Decimal(subsidy_cap(first_signing, year, AS_OF).figures["cap"])
    part = prorated_subsidy_cap(first_signing, year, AS_OF, months_served=months)
    assert Decimal(0) <= Decimal(part.figures["cap"]) <= full


@given(
    first_signing=signings,
    year=st.integers(min_value=1, max_value=3),
    start_offset=st.integers(min_value=0, max_value=364),
    length=st.integers(min_value=0, max_value=365),
)
def test_prorated_by_dates_never_exceeds_the_full_cap(
    first_signing: dt.date, year: int, start_offset: int, length: int
) -> None:
    full_result = subsidy_cap(first_signing, year, AS_OF)
    first = D.fromisoformat(full_result.figures["year_from"])
    last = D.fromisoformat(full_result.figures["year_to"])
    served_from = min(first + dt.timedelta(days=start_offset), last)
    served_to = min(served_from + dt.timedelta(days=length), last)
    part = prorated_subsidy_cap(
        first_signing, year, AS_OF, served_from=served_from, served_to=served_to
    )
    assert Decimal(0) < Decimal(part.figures["cap"]) <= Decimal(full_result.figures["cap"])


def test_wage_table_years_cover_the_reference_rows() -> None:
    assert [row.data_year for row in load_wage_table().rows] == list(range(2017, 2024))


@pytest.mark.parametrize(
    ("signed", "ended", "expected"),
    [
        pytest.param(
            dt.date(2023, 2, 1), dt.date(2023, 4, 1), (1, 2), id="two months into year one"
        ),
        pytest.param(
            dt.date(2021, 6, 1), dt.date(2022, 8, 1), (2, 2), id="two months into year two"
        ),
        pytest.param(
            dt.date(2021, 6, 1), dt.date(2022, 6, 1), (2, 0), id="the anniversary opens year two"
        ),
        pytest.param(
            dt.date(2021, 6, 1), dt.date(2022, 8, 15), (2, None), id="no whole months mid-month"
        ),
    ],
)
def test_the_months_served_in_the_year_the_service_ended(
    signed: dt.date, ended: dt.date, expected: tuple[int, int | None]
) -> None:
    from rules_core.periods import whole_months_into_year

    assert whole_months_into_year(signed, ended) == expected


@pytest.mark.parametrize(
    ("year", "says_fixed"),
    [
        pytest.param(1, False, id="the first year needs no word on a later base"),
        pytest.param(2, True, id="the second year keeps the first signing's base"),
        pytest.param(3, True, id="the third year keeps the first signing's base"),
    ],
)
def test_a_later_year_says_its_base_stays_the_first_signings(year: int, says_fixed: bool) -> None:
    result = subsidy_cap(dt.date(2021, 11, 1), year, dt.date(2023, 6, 1))
    notes = " ".join(result.notes)
    assert ("不随之后各年度平均工资" in notes and "五（七）" in notes) is says_fixed
    assert result.cites_interpretation is says_fixed
    assert result.figures["base_year"] == 2020  # 2021 signing: the 2020 wage, in every year


def test_the_three_year_schedule_says_how_much_each_year_falls() -> None:
    # 2022 signing: 31,112.60 / 25,927.17 / 22,223.29 (base 155,563, 2021)
    notes = cap_schedule(dt.date(2022, 3, 1), dt.date(2023, 6, 1)).notes
    assert "第二年比第一年少5,185.43元" in notes[0]
    assert "第三年比第二年少3,703.88元" in notes[0]
    assert "第三年比第一年少8,889.31元" in notes[0]
