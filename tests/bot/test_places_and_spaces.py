"""Places from the gazetteer and text with spaces read like the same text without them."""

from __future__ import annotations

import pytest

from bot.assistant.slot_filling import message_slot_values
from bot.language.facts import extract_facts
from bot.language.gazetteer import find_places
from bot.language.normalize import normalize_text


def slots(text: str) -> dict[str, str]:
    normalized = normalize_text(text)
    entities = [f.as_entity("FactExtractor") for f in extract_facts(normalized)]
    return message_slot_values(entities, "inform", normalized)


PLACES = [
    pytest.param("我们是肇庆的企业，50人", ["肇庆市"], id="肇庆 is a city outside 坪山"),
    pytest.param("公司在湖南", ["湖南省"], id="a province is a place"),
    pytest.param("我们在坑梓街道开厂", ["坪山区"], id="坑梓街道 is in 坪山"),
    pytest.param("在马峦", ["坪山区"], id="马峦 is in 坪山"),
    pytest.param("碧岭那边的厂", ["坪山区"], id="碧岭 is in 坪山"),
    pytest.param("石井的公司", ["坪山区"], id="石井 is in 坪山"),
    pytest.param("注册在龙田", ["坪山区"], id="龙田 is in 坪山"),
    pytest.param("厂房在惠阳", ["惠阳区"], id="惠阳 is today's 惠阳区, not the former 惠阳县"),
    pytest.param("广东省东莞市的公司", ["东莞市"], id="full names are places"),
    pytest.param("我们公司在深圳市坪山区", ["坪山区"], id="深圳市 around 坪山区 is no other place"),
    pytest.param("我们是深圳的公司", [], id="深圳 alone says nothing against 坪山"),
    pytest.param("广东省深圳市坪山区坑梓街道", ["坪山区", "坪山区"], id="a full address is 坪山"),
    pytest.param("我们在深汕", ["深汕特别合作区"], id="深汕 is outside the gazetteer but known"),
    pytest.param("光明正大地做生意", [], id="光明 inside a word is no district"),
    pytest.param("平安的客户", [], id="an everyday word that is also a county is no place"),
    pytest.param("红旗飘飘", [], id="红旗 is no place without its suffix"),
]


@pytest.mark.parametrize(("text", "values"), PLACES)
def test_places_are_read_from_the_gazetteer(text: str, values: list[str]) -> None:
    assert [p.value for p in find_places(normalize_text(text))] == values


def test_an_enterprise_from_another_city_is_not_all_in_pingshan() -> None:
    assert slots("我们是肇庆的企业，50人")["in_pingshan"] == "no"


def test_a_full_shenzhen_address_of_pingshan_is_all_in_pingshan() -> None:
    said = slots("我们公司注册、纳税、经营都在深圳市坪山区，45人，能托管吗")
    assert said["in_pingshan"] == "yes" and said["headcount"] == "45"


SPACED = [
    pytest.param("坪山 的 公司 100 人 能 托管 吗", "坪山的公司100人能托管吗", id="ASCII spaces"),
    pytest.param("100\u00a0人", "100人", id="a no-break space"),
    pytest.param("我们\u3000有\u300045个员工", "我们有45个员工", id="full-width spaces"),
    pytest.param("我们有\t45\t个员工", "我们有45个员工", id="tabs"),
    pytest.param("注册在坪山\n有 45 个员工", "注册在坪山有45个员工", id="a line break"),
    pytest.param(
        "注册在龙岗 经营纳税都在坪山", "注册在龙岗，经营纳税都在坪山", id="a space between clauses"
    ),
    pytest.param("机构服务了 40 家", "机构服务了40家", id="40 家 reads like 40家"),
    pytest.param("2021 年 5 月 10 日 签 的", "2021年5月10日签的", id="a spaced date"),
    # found by blind set AI
    pytest.param(
        "正常生产，从业人员　１０５　人，能托管吗",
        "正常生产，从业人员105人，能托管吗",
        id="full-width digits between full-width spaces",
    ),
    pytest.param("员工 １２０ 人", "员工120人", id="full-width digits between ASCII spaces"),
]


@pytest.mark.parametrize(("spaced", "unspaced"), SPACED)
def test_whitespace_gives_the_same_facts_as_the_text_without_it(spaced: str, unspaced: str) -> None:
    assert slots(spaced) == slots(unspaced)
    assert slots(spaced), "the example states a fact"


WORD_SPACED = [
    pytest.param("坪山 的 公司 100 人 能 托管 吗", "坪山的公司100人能托管吗", id="spaced words"),
    pytest.param("100\u00a0人", "100人", id="a no-break space inside a figure"),
    pytest.param("补贴 多少", "补贴多少", id="a spaced question"),
]


@pytest.mark.parametrize(("spaced", "unspaced"), WORD_SPACED)
def test_spaces_between_words_are_removed(spaced: str, unspaced: str) -> None:
    assert normalize_text(spaced) == normalize_text(unspaced)


def test_spaces_between_clauses_keep_them_apart() -> None:
    assert normalize_text("我们在坪山注册 正常经营 能托管吗") == "我们在坪山注册,正常经营,能托管吗"


def test_a_space_between_latin_words_is_kept() -> None:
    assert normalize_text("Windows 10 上能用吗") == "Windows 10上能用吗"


def test_english_words_among_the_chinese_are_read_in_chinese() -> None:
    assert normalize_text("我们公司的HR问能不能用app申请") == "我们公司的人事问能不能用小程序申请"
    assert normalize_text("我们是HR公司") == "我们是人力资源公司"


NOT_THE_ENTERPRISES_PLACE = [
    pytest.param("员工大多是湖南的，45人", id="where the staff come from"),
    pytest.param("我们去广州参加过培训，45人", id="a trip"),
]


@pytest.mark.parametrize("text", NOT_THE_ENTERPRISES_PLACE)
def test_a_place_that_is_not_the_enterprises_says_nothing_about_it(text: str) -> None:
    assert "in_pingshan" not in slots(text)


ENTERPRISE_ELSEWHERE = [
    pytest.param("我们是肇庆的企业，50人", id="我们是肇庆的企业"),
    pytest.param("公司在惠阳，30人", id="公司在惠阳"),
    pytest.param("东莞的厂能托管吗", id="东莞的厂"),
]


@pytest.mark.parametrize("text", ENTERPRISE_ELSEWHERE)
def test_an_enterprise_said_to_be_elsewhere_is_not_all_in_pingshan(text: str) -> None:
    assert slots(text)["in_pingshan"] == "no"
