"""Search as an enterprise owner types: colloquial questions find the right article first."""

from __future__ import annotations

import pytest

from kb.repository import KnowledgeBase

QUESTIONS = [
    ("补贴多少钱", 19, "补贴数额"),
    ("能帮我交社保吗", 15, "社保是第十五条第三项"),
    ("公司注销了托管还继续吗", 13, "注销后不再是服务对象"),
    ("多少天内备案", 17, "备案期限"),
    ("能力测试要考多少分", 8, "能力测试分数"),
    ("什么企业可以托管", 9, "哪些企业能托管"),
    ("机构不好能换吗", 12, "换机构是服务衔接"),
    ("案件率多少会被取消资格", 11, "案件率与机构退出"),
    ("申请补贴要交什么材料", 20, "补贴申请材料"),
    ("什么时候开始施行", 27, "施行日期"),
    ("能帮我发工资吗", 15, "发工资是第十五条第五项"),
    ("我们公司想做托管机构需要什么条件", 8, "成为托管机构的条件"),
    ("托管机构名单在哪里公布", 10, "名单公布"),
    ("服务协议要写哪些内容", 17, "服务协议内容"),
    ("服务档案要放什么材料", 18, "服务档案"),
    ("托管效果怎么评估", 21, "效果评估"),
    ("弄虚作假会怎样", 25, "弄虚作假的后果"),
    ("补贴什么时候发", 22, "补贴发放"),
    ("满三年以后还有补贴吗", 23, "满三年停补贴"),
    ("哪个部门管这个事", 6, "指导机关"),
    ("员工辞职能帮忙办手续吗", 15, "离职管理"),
    ("劳务派遣公司能托管吗", 9, "劳务派遣除外"),
    ("办法跟法律规定冲突怎么办", 26, "冲突规则"),
    ("搬出坪山了还能托管吗", 13, "搬离坪山"),
    ("托管是什么意思", 3, "托管的概念"),
    ("社会力量是什么意思", 2, "社会力量的概念"),
    ("十项以外的服务可以做吗", 16, "服务外延"),
    ("公司黄了托管怎么办", 13, "黄了即注销停业"),
    ("员工打官司机构能帮忙吗", 15, "劳动争议法律咨询"),
    ("托官要钱吗", 17, "错别字托官与服务费用"),
]


@pytest.mark.parametrize(
    ("question", "article"),
    [pytest.param(q, a, id=f"{q}→第{a}条（{why}）") for q, a, why in QUESTIONS],
)
def test_colloquial_question_finds_the_right_article_first(
    kb: KnowledgeBase, question: str, article: int
) -> None:
    hits = kb.search(question)
    assert hits, question
    assert hits[0].kind == "article"
    assert hits[0].article == article


def test_hit_carries_citation_title_and_snippet(kb: KnowledgeBase) -> None:
    hit = kb.search("补贴多少钱")[0]
    assert hit.citation == "《管理办法》第十九条"
    assert hit.title == "补贴数额"
    assert hit.score > 0
    assert "1/5" in hit.text
    assert 0 < len(hit.snippet) <= 82
    assert hit.snippet.strip("…") in " ".join(hit.text.split())


def test_item_hit_cites_the_item(kb: KnowledgeBase) -> None:
    hit = kb.search("能帮我交社保吗")[0]
    assert hit.item == 3
    assert hit.citation == "《管理办法》第十五条第（三）项"


def test_hits_are_ranked_and_one_per_article(kb: KnowledgeBase) -> None:
    hits = kb.search("补贴", k=8)
    assert len(hits) == 8
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    articles = [h.article for h in hits if h.article is not None]
    assert len(articles) == len(set(articles))


def test_k_limits_the_hits(kb: KnowledgeBase) -> None:
    assert len(kb.search("托管服务", k=2)) == 2
    assert kb.search("托管服务", k=0) == []


def test_interpretation_hit_is_cited_by_section(kb: KnowledgeBase) -> None:
    hits = kb.search("起草过程征求社会公众意见", kinds=("interpretation",))
    assert hits[0].citation == "《政策解读》二、起草过程"
    assert hits[0].article is None


def test_report_hit_is_cited_by_the_report_title(kb: KnowledgeBase) -> None:
    hits = kb.search("托管服务信息平台", kinds=("report",))
    assert hits[0].kind == "report"
    assert (
        hits[0].citation
        == "《关于深圳市坪山区2019年国民经济和社会发展计划执行情况与2020年计划草案的报告》"
    )


def test_faq_answers_can_be_searched_on_request(kb: KnowledgeBase) -> None:
    assert all(h.kind != "faq" for h in kb.search("托管要钱吗", k=10))
    hits = kb.search("托管要钱吗", kinds=("faq",))
    assert hits[0].ref == "faq:cost_to_enterprise"


def test_every_faq_question_finds_its_own_answer(kb: KnowledgeBase) -> None:
    for entry in kb.faqs():
        assert kb.search(entry.question, k=1, kinds=("faq",))[0].ref == f"faq:{entry.key}"


@pytest.mark.parametrize(
    ("question", "article"),
    [
        pytest.param("能幫我交社保嗎", 15, id="繁体字问社保也能找到第十五条"),
        pytest.param("能力测试要考８０分吗", 8, id="全角数字也能找到第八条"),
    ],
)
def test_normalised_queries(kb: KnowledgeBase, question: str, article: int) -> None:
    assert kb.search(question)[0].article == article


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("今天天气怎么样", id="与政策无关的问题没有结果"),
        pytest.param("？！。", id="只有标点没有结果"),
    ],
)
def test_unrelated_questions_find_nothing(kb: KnowledgeBase, question: str) -> None:
    assert kb.search(question) == []
