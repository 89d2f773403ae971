"""What the spaCy EntityRuler extractor (the alternative to bot/language/facts.py) reads.

Each case is the full set of (entity, value, role) facts the spaCy extractor returns for a
message, so a pattern that starts matching too much fails here as well as one that stops
matching. The last table records known gaps, so that a change in them is noticed too.
"""

from __future__ import annotations

import pytest

from bot.language.spacy_entities import (
    extract_with_spacy,
    headcount_value,
    load_patterns,
    spacy_facts,
)

Facts = set[tuple[str, str, str | None]]


def facts(text: str) -> Facts:
    return set(extract_with_spacy(text))


CASES = [
    pytest.param("现在45名员工", {("headcount", "45", None)}, id="45名员工是人数45"),
    pytest.param("我们厂八十多人", {("headcount", "81-89", None)}, id="八十多人是81到89人"),
    pytest.param("一百来号人", {("headcount", "100~", None)}, id="一百来号人是约100人"),
    pytest.param("员工一百人左右", {("headcount", "100~", None)}, id="一百人左右是约100人"),
    pytest.param("員工１２０人", {("headcount", "120", None)}, id="繁体和全角数字先规范化再读"),
    pytest.param("厂里一共三十来个工人", {("headcount", "30~", None)}, id="三十来个工人是约30人"),
    pytest.param("员工人数是45", {("headcount", "45", None)}, id="员工人数是45没有量词也读出"),
    pytest.param(
        "注册在宝安，经营在坪山",
        {("district", "宝安区", "registered"), ("district", "坪山区", "operating")},
        id="注册地和经营地分开读出各自的角色",
    ),
    pytest.param(
        "注册、纳税和经营都在坪山区", {("district", "坪山区", "all")}, id="三种角色都在坪山是all"
    ),
    pytest.param(
        "我们在坪山注册和纳税",
        {("district", "坪山区", "registered"), ("district", "坪山区", "tax")},
        id="区名在前两种角色在后给两个事实",
    ),
    pytest.param("公司在龙岗", {("district", "龙岗区", None)}, id="没有角色词的区名没有角色"),
    pytest.param(
        "我们是劳务派遣公司", {("firm_type", "labour_dispatch", None)}, id="劳务派遣公司是排除类型"
    ),
    pytest.param("不是劳务派遣", {("firm_type", "other", None)}, id="不是劳务派遣是其他类型"),
    pytest.param(
        "我们单位不属于人力资源服务机构",
        {("firm_type", "other", None)},
        id="不属于人力资源服务机构是其他类型",
    ),
    pytest.param(
        "去年没有发生劳动仲裁",
        {("qualifying_condition", "no_labour_case", None)},
        id="没有发生劳动仲裁是否定条件",
    ),
    pytest.param(
        "不是科技型企业", {("qualifying_condition", "no_tech_sme", None)}, id="不是科技型企业"
    ),
    pytest.param(
        "搬到龙岗了", {("operating_status", "relocated", None)}, id="搬到龙岗是迁出不是区"
    ),
    pytest.param(
        "我们公司目前经营不正常", {("operating_status", "abnormal", None)}, id="经营不正常是异常"
    ),
    pytest.param("没有停业", set(), id="没有停业什么也不说明"),
    pytest.param("2021年5月10日首次签约", {("date", "2021-05-10", None)}, id="年月日读成ISO日期"),
    pytest.param("二零二一年三月签的", {("date", "2021-03", None)}, id="中文数字年月读成月份"),
    pytest.param("首次签约是21年6月", {("date", "2021-06", None)}, id="两位年份读成21世纪"),
    pytest.param("2021/5/10签约", {("date", "2021-05-10", None)}, id="斜线日期"),
    pytest.param("第二年补贴多少", {("service_year", "2", None)}, id="第二年是服务年度2"),
    pytest.param("服务了十二个月", {("months", "12", None)}, id="十二个月是12个月"),
    pytest.param("服务了半年", {("months", "6", None)}, id="半年是6个月"),
    pytest.param("托管了两年", {("years", "2", None)}, id="托管了两年是2年"),
    pytest.param(
        "上年度案件发生率为百分之一",
        {("percent", "1", "own_case_rate")},
        id="案件发生率百分之一是机构自身比例",
    ),
    pytest.param(
        "百分之二十的服务对象发生了仲裁案件",
        {("percent", "20", "client_case_rate"), ("qualifying_condition", "labour_case", None)},
        id="百分之二十的服务对象有案件且仲裁另算一个事实",
    ),
    pytest.param("更换率是3%", {("percent", "3", "change_rate")}, id="更换率3%是更换比例"),
    pytest.param(
        "我们服务了50家,其中10家出了案子",
        {("count", "50", "clients"), ("count", "10", "clients_with_cases")},
        id="50家是服务企业数10家出了案子是有案件的企业数",
    ),
    pytest.param(
        "托管的30家里有4家要求换机构",
        {("count", "30", "clients"), ("count", "4", "change_requests")},
        id="4家要求换机构是更换数",
    ),
    pytest.param(
        "两名专职人员考了79.5分和82分",
        {("count", "2", "staff"), ("score", "79.5", None), ("score", "82", None)},
        id="两名专职人员是人员数两个分数各读出",
    ),
    pytest.param("能力测试考了六十分", {("score", "60", None)}, id="六十分跨两个词也读成60"),
    pytest.param(
        "派去测试的两个人考了78分和83分",
        {("score", "78", None), ("score", "83", None)},
        id="考试的两个人不是企业人数",
    ),
    pytest.param("托管机构不行了能换一家吗", set(), id="换一家里的一家不是家数"),
    pytest.param(
        "我们是民政部门登记的社会组织",
        {("organisation_type", "social_organisation", None)},
        id="民政登记的社会组织",
    ),
    pytest.param(
        "市场监管局注册的企业可以申请吗",
        {("organisation_type", "enterprise_or_institution", None)},
        id="市场监管局注册的企业",
    ),
    pytest.param(
        "我们公司注册、纳税和经营都在坪山区，现在45名员工，正常经营，不是劳务派遣，"
        "去年发生过一起劳动仲裁案件，能托管吗？",
        {
            ("district", "坪山区", "all"),
            ("headcount", "45", None),
            ("operating_status", "normal", None),
            ("firm_type", "other", None),
            ("count", "1", "cases"),
            ("qualifying_condition", "labour_case", None),
        },
        id="完整的资格描述读出全部事实",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_spacy_extractor_reads_these_facts(text: str, expected: Facts) -> None:
    assert facts(text) == expected


KNOWN_GAPS = [
    pytest.param("我们公司才十几个人", set(), id="十几个人没有模式所以读不出人数"),
    pytest.param(
        "营业执照注册在光明区",
        {("district", "光明区", "registered")},
        id="营业执照里的营业不算经营角色",
    ),
]


@pytest.mark.parametrize(("text", "expected"), KNOWN_GAPS)
def test_known_gaps_of_the_spacy_extractor(text: str, expected: Facts) -> None:
    assert facts(text) == expected


def test_spans_point_into_the_normalised_text() -> None:
    text = "公司在坪山,现在45名员工"
    [district, headcount] = spacy_facts(text)
    assert text[district.start : district.end] == "坪山"
    assert text[headcount.start : headcount.end] == "45名员工"


@pytest.mark.parametrize(
    ("n", "approximation", "value"),
    [
        pytest.param(45, None, "45", id="没有约数就是原数"),
        pytest.param(80, "多", "81-89", id="八十多是81到89"),
        pytest.param(120, "多", "121-", id="一百二十多只有下限"),
        pytest.param(100, "来", "100~", id="一百来是约100"),
        pytest.param(5, "多", "5", id="个位数的多不成区间"),
    ],
)
def test_headcount_values(n: int, approximation: str | None, value: str) -> None:
    assert headcount_value(n, approximation) == value


def test_every_entity_type_of_the_vocabulary_has_patterns() -> None:
    labels = {p["label"] for p in load_patterns().patterns}
    assert labels == {
        "headcount",
        "district",
        "firm_type",
        "qualifying_condition",
        "operating_status",
        "date",
        "service_year",
        "months",
        "years",
        "percent",
        "count",
        "score",
        "organisation_type",
        "ignore",
    }
