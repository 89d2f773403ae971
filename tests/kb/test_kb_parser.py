"""The regulation, the 政策解读 and the report passages parse into the right records."""

from __future__ import annotations

import pytest

from kb.parser import (
    ParsedSources,
    SourceFormatError,
    from_chinese,
    parse_regulation,
    parse_sources,
)
from kb.paths import KbFiles

ARTICLE_TITLES = {
    1: "主要目的及依据",
    2: "主体概念",
    3: "劳动关系事务托管服务的概念",
    4: "主要原则",
    5: "党建引领",
    6: "指导机关",
    7: "对接平台",
    8: "托管服务机构",
    9: "托管服务对象",
    10: "服务机构和服务对象公布",
    11: "服务机构退出",
    12: "服务衔接",
    13: "服务对象退出",
    14: "对接方式",
    15: "服务内容",
    16: "服务外延",
    17: "服务协议",
    18: "服务档案",
    19: "补贴数额",
    20: "补贴申请材料",
    21: "效果评估",
    22: "补贴发放",
    23: "补贴停止",
    24: "服务支持",
    25: "监督管理",
    26: "冲突规则",
    27: "生效时间",
}

CHAPTERS = {
    "第一章 总则": range(1, 7),
    "第二章 托管服务机构和服务对象": range(7, 14),
    "第三章 服务内容与服务方式": range(14, 19),
    "第四章 服务补贴与效果评估": range(19, 24),
    "第五章 监督管理": range(24, 26),
    "第六章 生效时间": range(26, 28),
}

ITEM_COUNTS = {15: 10, 11: 4, 20: 5, 9: 3, 4: 4, 13: 2, 8: 2}

INTERPRETATION_HEADINGS = [
    "背景情况",
    "起草过程",
    "文件依据",
    "目标任务",
    "主要内容解读",
    "惠民利民举措",
    "新旧政策差异",
    "解决的问题",
    "生效时间和冲突规则",
]

SUBSECTION_HEADINGS = {
    1: ["有关研究情况", "起草背景"],
    5: [
        "主要章节",
        "总则",
        "托管服务机构和服务对象",
        "服务衔接",
        "服务对接方式",
        "服务内容与服务外延",
        "服务补贴",
        "效果评估",
        "补贴停止",
        "监督管理",
    ],
    7: ["主要新增部分", "主要修改部分"],
}


@pytest.fixture(scope="module")
def sources() -> ParsedSources:
    files = KbFiles.default()
    return parse_sources(files.regulation, files.interpretation, files.reports)


def test_the_regulation_has_27_articles_in_order(sources: ParsedSources) -> None:
    assert [a.number for a in sources.regulation.articles] == list(range(1, 28))


@pytest.mark.parametrize(
    ("number", "title"),
    [pytest.param(n, t, id=f"第{n}条的标题是{t}") for n, t in ARTICLE_TITLES.items()],
)
def test_every_article_has_its_title(sources: ParsedSources, number: int, title: str) -> None:
    article = sources.regulation.articles[number - 1]
    assert article.number == number
    assert article.title == title
    assert article.full_text.startswith(f"{article.label}（{title}）")
    assert not article.body.startswith("第")


@pytest.mark.parametrize(
    ("chapter", "numbers"),
    [
        pytest.param(name, numbers, id=f"{name}包含第{numbers[0]}至{numbers[-1]}条")
        for name, numbers in CHAPTERS.items()
    ],
)
def test_articles_sit_in_their_chapter(
    sources: ParsedSources, chapter: str, numbers: range
) -> None:
    found = [a.number for a in sources.regulation.articles if a.chapter.name == chapter]
    assert found == list(numbers)


@pytest.mark.parametrize(
    ("number", "count"),
    [
        pytest.param(n, ITEM_COUNTS.get(n, 0), id=f"第{n}条有{ITEM_COUNTS.get(n, 0)}项")
        for n in range(1, 28)
    ],
)
def test_item_counts(sources: ParsedSources, number: int, count: int) -> None:
    items = sources.regulation.articles[number - 1].items
    assert [i.number for i in items] == list(range(1, count + 1))


@pytest.mark.parametrize(
    ("article", "item", "heading", "ends_with"),
    [
        pytest.param(15, 1, "入职管理", "协助特殊人群管理；", id="第十五条第一项是入职管理"),
        pytest.param(
            15,
            3,
            "协助企业办理参保缴费等社会保险事宜",
            "其他与企业参保缴费相关事宜；",
            id="第十五条第三项是社会保险事宜",
        ),
        pytest.param(
            15,
            5,
            "协助企业办理薪酬方面相关事项",
            "其他与薪酬相关事项；",
            id="第十五条第五项是薪酬事项",
        ),
        pytest.param(
            15,
            10,
            "按照企业要求帮助企业组织相关员工培训",
            "其他与企业员工培训相关事项。",
            id="第十五条第十项是员工培训",
        ),
        pytest.param(8, 2, "服务能力测试", "平均分需为80分以上。", id="第八条第二项是服务能力测试"),
        pytest.param(11, 1, None, "年度总案件量10件以上；", id="第十一条第一项没有小标题"),
        pytest.param(
            20, 1, None, "小微企业劳动关系事务托管服务补贴申请表；", id="第二十条第一项是申请表"
        ),
    ],
)
def test_items_keep_their_heading_and_text(
    sources: ParsedSources, article: int, item: int, heading: str | None, ends_with: str
) -> None:
    found = sources.regulation.articles[article - 1].item(item)
    assert found is not None
    assert found.heading == heading
    assert found.text.endswith(ends_with)
    assert not found.text.startswith("- ")


@pytest.mark.parametrize(
    ("article", "paragraphs", "second_starts"),
    [
        pytest.param(2, 2, "社会力量是指", id="第二条第二款定义社会力量"),
        pytest.param(25, 2, "在服务协议签订或者履行过程中", id="第二十五条第二款讲弄虚作假"),
        pytest.param(19, 1, None, id="第十九条只有一款"),
        pytest.param(15, 1, None, id="第十五条的十项属于同一款"),
    ],
)
def test_paragraphs(
    sources: ParsedSources, article: int, paragraphs: int, second_starts: str | None
) -> None:
    found = sources.regulation.articles[article - 1]
    assert len(found.paragraphs) == paragraphs
    if second_starts:
        assert found.paragraphs[1].text.startswith(second_starts)


def test_page_break_in_article_15_is_joined(sources: ParsedSources) -> None:
    body = sources.regulation.articles[14].body
    assert body.startswith(
        "社会力量提供小微企业劳动关系事务托管服务，具体内容包括：\n（一）入职管理："
    )


def test_regulation_header_says_where_it_came_from(sources: ParsedSources) -> None:
    document = sources.regulation.document
    assert document.doc_number == "深坪府办规〔2021〕1号"
    assert document.issuer == "深圳市坪山区人民政府办公室"
    assert str(document.issued_on) == "2021-03-17"
    assert str(document.effective_from) == "2021-03-31"
    assert document.seed_file == "000_745328db224d5400.txt"
    assert document.seed_lines == "237-357"


def test_nine_interpretation_sections_with_headings(sources: ParsedSources) -> None:
    sections = sources.interpretation.sections
    assert [s.heading for s in sections] == INTERPRETATION_HEADINGS
    assert [s.label for s in sections] == list("一二三四五六七八九")


@pytest.mark.parametrize(
    ("section", "headings"),
    [
        pytest.param(n, h, id=f"解读第{n}部分有{len(h)}个小节")
        for n, h in SUBSECTION_HEADINGS.items()
    ],
)
def test_interpretation_subsections(
    sources: ParsedSources, section: int, headings: list[str]
) -> None:
    subsections = sources.interpretation.sections[section - 1].subsections
    assert [s.heading for s in subsections] == headings
    assert all(s.body for s in subsections)


def test_sections_without_subsections_keep_their_text(sources: ParsedSources) -> None:
    sections = sources.interpretation.sections
    for section in sections:
        if section.number not in SUBSECTION_HEADINGS:
            assert section.subsections == ()
            assert section.body
    assert sections[8].body.startswith(
        "《管理办法》于2021年3月17日印发，自2021年3月31日起施行，有效期3年。"
    )


def test_inline_subsection_heading_is_split_from_its_text(sources: ParsedSources) -> None:
    first = sources.interpretation.sections[0].subsections[0]
    assert first.heading == "有关研究情况"
    assert first.body.startswith("2016年，人力资源和社会保障部劳动科学研究所")


def test_page_break_in_interpretation_10_is_joined(sources: ParsedSources) -> None:
    supervision = sources.interpretation.sections[4].subsections[9]
    assert supervision.citation == "《政策解读》五（十）监督管理"
    assert "开展小微企业劳动关系事务托管服务检查以确保服务质量" in supervision.body


def test_interpretation_subsections_know_the_articles_they_explain(sources: ParsedSources) -> None:
    subsections = sources.interpretation.sections[4].subsections
    assert subsections[3].related_articles == (12,)
    assert subsections[8].related_articles == (23,)


def test_report_passages(sources: ParsedSources) -> None:
    passages = {p.key: p for p in sources.reports}
    assert "探索在创新型企业开展劳动事务托管" in passages["pilot_2019"].text
    assert "建立小微企业劳动关系事务托管服务信息平台" in passages["platform_2020"].text
    assert "**" not in passages["platform_2020"].text
    assert passages["pilot_2019"].citation == (
        "《关于深圳市坪山区2019年国民经济和社会发展计划执行情况与2020年计划草案的报告》"
    )
    assert passages["pilot_2019"].document.issuer == "坪山区发展和改革委员会"
    assert passages["model_district_2020"].citation == "《2021年坪山区政府工作报告》"


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        pytest.param("一", 1, id="一是1"),
        pytest.param("十", 10, id="十是10"),
        pytest.param("十五", 15, id="十五是15"),
        pytest.param("二十七", 27, id="二十七是27"),
    ],
)
def test_chinese_numerals(numeral: str, value: int) -> None:
    assert from_chinese(numeral) == value


REGULATION_HEADER = "---\ndocument: regulation\ntitle: 测试办法\n---\n测试办法\n\n第一章 总则\n\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(
            "第一条（目的）为了测试。\n第三条（跳号）缺了第二条。",
            "expected articles 1..27",
            id="缺少条文时报错",
        ),
        pytest.param(
            "第一条（目的）为了测试：\n（二）项号不从一开始",
            "items out of order",
            id="项号不连续时报错",
        ),
        pytest.param(
            "前言\n第一条（目的）为了测试。", "text outside an article", id="条文之外的文字报错"
        ),
    ],
)
def test_malformed_regulation_is_rejected(body: str, message: str) -> None:
    with pytest.raises(SourceFormatError, match=message):
        parse_regulation(REGULATION_HEADER + body)
