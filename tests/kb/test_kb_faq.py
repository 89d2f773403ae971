"""kb/faq.yml: an entry for every intent the NLU knows, each citing the articles it rests on."""

from __future__ import annotations

import re

import pytest

from kb.paths import KbFiles
from kb.repository import KnowledgeBase

# The keys the lead's NLU intents (ask_<key>) use, with the article each is mainly about.
EXPECTED_KEYS = {
    "purpose_basis": 1,
    "definitions": 2,
    "what_is_custody": 3,
    "principles": 4,
    "party_building": 5,
    "guiding_department": 6,
    "matching_platform": 7,
    "agency_conditions": 8,
    "enterprise_eligibility": 9,
    "published_lists": 10,
    "agency_exit": 11,
    "service_transition": 12,
    "enterprise_exit": 13,
    "double_selection_fair": 14,
    "service_contents": 15,
    "service_onboarding": 15,
    "service_labour_contract": 15,
    "service_social_insurance": 15,
    "service_attendance": 15,
    "service_payroll": 15,
    "service_resignation": 15,
    "service_recruitment": 15,
    "service_workplace_rules": 15,
    "service_legal_advice": 15,
    "service_training": 15,
    "extra_services": 16,
    "service_agreement": 17,
    "filing": 17,
    "service_archive": 18,
    "subsidy_amount": 19,
    "subsidy_materials": 20,
    "evaluation": 21,
    "subsidy_payment": 22,
    "subsidy_stop": 23,
    "service_support": 24,
    "supervision_fraud": 25,
    "conflict_rule": 26,
    "validity": 27,
    "changes_from_trial": None,
    "background_results": None,
    "drafting_process": None,
    "goals_benefits": None,
    "cost_to_enterprise": 17,
    "how_to_apply": 7,
}

# Numbers an answer may state that are not printed in the sources: the hotline, and the last day
# of validity that DESIGN.md derives from 第二十七条 (2021-03-31 plus three years).
ALLOWED_NUMBERS = {"12333", "2024", "30"}


@pytest.mark.parametrize(
    ("key", "article"),
    [pytest.param(k, a, id=f"有{k}的答案") for k, a in EXPECTED_KEYS.items()],
)
def test_every_expected_key_has_an_entry(kb: KnowledgeBase, key: str, article: int | None) -> None:
    entry = kb.faq(key)
    assert entry is not None
    assert entry.intent == f"ask_{key}"
    assert kb.faq_for_intent(f"ask_{key}") == entry
    if article is None:
        assert entry.interpretation
    else:
        assert article in entry.articles


def test_every_entry_cites_existing_articles(kb: KnowledgeBase) -> None:
    for entry in kb.faqs():
        assert entry.articles or entry.interpretation, entry.key
        for number in entry.articles:
            assert kb.article(number).number == number
        assert entry.basis.startswith("依据：")
        assert kb.topic(entry.topic).key == entry.topic


def test_no_answer_states_a_number_the_sources_do_not_give(kb: KnowledgeBase) -> None:
    files = KbFiles.default()
    sources = "".join(p.read_text(encoding="utf-8") for p in files.sources_dir.glob("*.txt"))
    for entry in kb.faqs():
        for number in re.findall(r"\d+(?:\.\d+)?", entry.answer):
            assert number in sources or number in ALLOWED_NUMBERS, f"{entry.key}: {number}"


def test_every_answer_cites_an_article_it_names(kb: KnowledgeBase) -> None:
    """An answer that names 第N条 lists that article in its citations (the 依据 line)."""
    from kb.parser import mentioned_articles

    for entry in kb.faqs():
        named = set(mentioned_articles(entry.answer))
        assert named <= set(entry.articles), (
            f"{entry.key}: names {sorted(named - set(entry.articles))}"
        )


@pytest.mark.parametrize(
    ("key", "says", "never_says"),
    [
        pytest.param(
            "subsidy_amount",
            [
                "发给提供托管服务的服务机构",
                "1/5",
                "1/6",
                "1/7",
                "3年",
                "首次签约时深圳市上年度城镇非私营单位在岗职工年平均工资",
            ],
            ["发给企业的补贴"],
            id="补贴发给机构且上限为五分之一六分之一七分之一",
        ),
        pytest.param(
            "service_social_insurance",
            ["协助企业确定社会保险缴费基数", "没有说机构替企业支付社保费用"],
            ["代缴", "替你交社保费"],
            id="社保是协助办理而不是代为缴费",
        ),
        pytest.param(
            "service_payroll",
            [
                "编制薪酬发放计划",
                "提示企业薪酬发放时间",
                "代为保存薪酬发放支付记录",
                "没有替企业发放或垫付工资",
            ],
            ["代发工资"],
            id="薪酬是计划提示和保存记录而不是发工资",
        ),
        pytest.param(
            "service_legal_advice",
            ["初步的法律咨询意见", "促成劳动纠纷和解", "第十六条"],
            ["代理仲裁"],
            id="法律咨询不包括代理仲裁但可另行协商",
        ),
        pytest.param("filing", ["15日内", "十日内"], [], id="备案期限十五日且试行版为十日"),
        pytest.param(
            "validity",
            ["2021年3月31日起施行", "有效期3年", "坪山区人力资源局"],
            [],
            id="施行日期与有效期",
        ),
        pytest.param("background_results", ["410家"], [], id="试行期间四百一十家企业接受托管"),
        pytest.param(
            "cost_to_enterprise",
            ["服务费用", "发给服务机构", "免费"],
            ["托管是免费的", "不用花钱"],
            id="不承诺现在免费",
        ),
        pytest.param(
            "agency_conditions",
            ["80分以上", "两名以上专职服务人员"],
            [],
            id="机构条件含八十分能力测试",
        ),
        pytest.param(
            "enterprise_eligibility",
            ["100人以下", "劳务派遣", "注册地、纳税地、经营地"],
            [],
            id="企业条件含一百人以下",
        ),
        pytest.param(
            "agency_exit", ["1%以上", "10件以上", "20%以上", "10%以上"], [], id="机构退出四种情形"
        ),
        pytest.param(
            "subsidy_materials",
            ["（一）", "（五）劳动关系事务托管服务档案"],
            [],
            id="补贴申请五项材料",
        ),
        pytest.param(
            "how_to_apply",
            ["对接平台", "双选会", "书面服务协议", "坪山区人力资源局"],
            [],
            id="怎么申请指向平台双选会和协议",
        ),
        pytest.param(
            "matching_platform",
            ["信息平台", "坪山区人力资源局"],
            [],
            id="对接平台引用报告并指明去问谁",
        ),
    ],
)
def test_answers_say_what_the_sources_say(
    kb: KnowledgeBase, key: str, says: list[str], never_says: list[str]
) -> None:
    entry = kb.faq(key)
    assert entry is not None
    for phrase in says:
        assert phrase in entry.answer, phrase
    for phrase in never_says:
        assert phrase not in entry.answer, phrase


def test_basis_line_of_an_answer(kb: KnowledgeBase) -> None:
    entry = kb.faq("filing")
    assert entry is not None
    assert entry.basis == "依据：《管理办法》第十七条；《政策解读》"
    assert entry.citations == ["第十七条", "政策解读"]


def test_unknown_key_and_intent(kb: KnowledgeBase) -> None:
    assert kb.faq("weather") is None
    assert kb.faq_for_intent("ask_weather") is None
