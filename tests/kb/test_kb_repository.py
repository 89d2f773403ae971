"""KnowledgeBase: articles, topics, 政策解读 sections and report passages read back from the DB."""

from __future__ import annotations

from datetime import date

import pytest

from kb.parser import parse_sources
from kb.paths import KbFiles
from kb.repository import KnowledgeBase, UnknownTopicError


def test_article_record(kb: KnowledgeBase) -> None:
    article = kb.article(19)
    assert article.number == 19
    assert article.label == "第十九条"
    assert article.title == "补贴数额"
    assert article.chapter.name == "第四章 服务补贴与效果评估"
    assert article.citation == "《管理办法》第十九条"
    assert article.body.startswith("坪山区人力资源部门根据社会力量服务小微企业从业人数")
    assert article.full_text.startswith("第十九条（补贴数额）坪山区人力资源部门")
    assert article.items == ()


def test_item_record(kb: KnowledgeBase) -> None:
    item = kb.item(15, 3)
    assert item.label == "（三）"
    assert item.heading == "协助企业办理参保缴费等社会保险事宜"
    assert item.citation == "《管理办法》第十五条第（三）项"
    assert item.full_text.startswith("（三）协助企业办理参保缴费")


def test_second_paragraph_of_article_2_defines_social_forces(kb: KnowledgeBase) -> None:
    paragraph = kb.article(2).paragraph(2)
    assert paragraph is not None
    assert paragraph.text.startswith("社会力量是指依法在民政部门登记成立的社会组织")


def test_database_records_equal_the_parsed_sources(kb: KnowledgeBase) -> None:
    files = KbFiles.default()
    parsed = parse_sources(files.regulation, files.interpretation, files.reports)
    assert kb.articles() == list(parsed.regulation.articles)
    assert kb.interpretation_sections() == list(parsed.interpretation.sections)
    assert kb.report_passages() == list(parsed.reports)
    assert kb.regulation == parsed.regulation.document


@pytest.mark.parametrize(
    "number",
    [pytest.param(0, id="没有第零条"), pytest.param(28, id="没有第二十八条")],
)
def test_missing_article_is_a_key_error(kb: KnowledgeBase, number: int) -> None:
    with pytest.raises(KeyError):
        kb.article(number)


@pytest.mark.parametrize(
    ("topic", "articles"),
    [
        pytest.param("subsidy", [19, 20, 21, 22, 23], id="补贴主题是第十九至二十三条"),
        pytest.param("服务补贴", [19, 20, 21, 22, 23], id="也可以用中文名查主题"),
        pytest.param("eligibility", [2, 9, 13], id="服务对象主题是第二九十三条"),
        pytest.param("agency", [2, 8, 11, 12], id="服务机构主题是第二八十一十二条"),
        pytest.param("services", [15, 16], id="服务内容主题是第十五十六条"),
        pytest.param("validity", [26, 27], id="生效时间主题是第二十六二十七条"),
    ],
)
def test_articles_by_topic(kb: KnowledgeBase, topic: str, articles: list[int]) -> None:
    assert [a.number for a in kb.articles_by_topic(topic)] == articles


def test_topics_cover_every_article(kb: KnowledgeBase) -> None:
    covered = {a.number for t in kb.topics() for a in kb.articles_by_topic(t.key)}
    assert covered == set(range(1, 28))


def test_topic_interpretation_sections(kb: KnowledgeBase) -> None:
    labels = [s.citation for s in kb.interpretation_by_topic("subsidy")]
    assert "《政策解读》五（七）服务补贴" in labels


def test_unknown_topic(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownTopicError):
        kb.articles_by_topic("weather")


@pytest.mark.parametrize(
    ("args", "citation"),
    [
        pytest.param((5, 7), "《政策解读》五（七）服务补贴", id="按数字查五（七）"),
        pytest.param(("五（七）",), "《政策解读》五（七）服务补贴", id="按标签查五（七）"),
        pytest.param(("五", 7), "《政策解读》五（七）服务补贴", id="按章节标签加小节号查"),
        pytest.param((9,), "《政策解读》九、生效时间和冲突规则", id="按数字查第九部分"),
        pytest.param(("二",), "《政策解读》二、起草过程", id="按标签查第二部分"),
    ],
)
def test_interpretation_section_lookup(kb: KnowledgeBase, args: tuple, citation: str) -> None:
    section = kb.interpretation_section(*args)
    assert section is not None
    assert section.citation == citation


def test_interpretation_section_with_subsections(kb: KnowledgeBase) -> None:
    section = kb.interpretation_section(5)
    assert section is not None
    assert len(section.subsections) == 10
    assert section.full_text.startswith("五、主要内容解读\n（一）主要章节")


def test_missing_interpretation_section(kb: KnowledgeBase) -> None:
    assert kb.interpretation_section(10) is None
    assert kb.interpretation_section(5, 11) is None
    assert kb.interpretation_section("十") is None


def test_documents(kb: KnowledgeBase) -> None:
    assert kb.regulation.doc_number == "深坪府办规〔2021〕1号"
    assert kb.regulation.effective_from == date(2021, 3, 31)
    assert kb.interpretation.citation == "《政策解读》"
    assert kb.interpretation.doc_number is None
