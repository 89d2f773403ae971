"""Tokenisation: the domain dictionary, stop words and the colloquial synonyms."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.analyzer import TextAnalyzer, load_analyzer
from kb.paths import KbFiles


@pytest.fixture(scope="module")
def analyzer() -> TextAnalyzer:
    return load_analyzer()


@pytest.mark.parametrize(
    "word",
    [
        pytest.param(w, id=f"{w}是一个词")
        for w in [
            "坪山区",
            "托管服务机构",
            "托管服务对象",
            "劳务派遣",
            "人力资源服务机构",
            "科技型中小企业",
            "社会力量",
            "小微企业",
            "劳动信访",
            "劳动监察",
            "劳动仲裁",
            "服务补贴",
            "双选会",
            "在岗职工",
            "服务协议",
            "服务档案",
            "能力测试",
            "社保",
            "社会保险",
        ]
    ],
)
def test_domain_words_are_kept_whole(analyzer: TextAnalyzer, word: str) -> None:
    assert word in analyzer.tokenizer.lcut(f"关于{word}的问题", HMM=False)
    assert word in analyzer.tokens(f"关于{word}的问题")


def test_stop_words_and_punctuation_are_dropped(analyzer: TextAnalyzer) -> None:
    tokens = analyzer.tokens("请问，我们的企业可以托管吗？")
    assert "的" not in tokens and "吗" not in tokens and "，" not in tokens and "？" not in tokens
    assert "企业" in tokens and "托管" in tokens


@pytest.mark.parametrize(
    ("query", "term"),
    [
        pytest.param("社保", "社会保险", id="社保即社会保险"),
        pytest.param("招人", "招聘", id="招人即招聘"),
        pytest.param("发工资", "薪酬", id="发工资即薪酬"),
        pytest.param("辞职", "离职", id="辞职即离职"),
        pytest.param("打官司", "劳动争议", id="打官司即劳动争议"),
        pytest.param("补帖", "补贴", id="错别字补帖即补贴"),
        pytest.param("托官", "托管", id="错别字托官即托管"),
        pytest.param("公司黄了", "注销", id="黄了即注销"),
        pytest.param("搬走", "搬迁", id="搬走即搬迁"),
        pytest.param("报备", "备案", id="报备即备案"),
    ],
)
def test_colloquial_words_gain_the_regulation_terms(
    analyzer: TextAnalyzer, query: str, term: str
) -> None:
    assert term in analyzer.query_tokens(query)


def test_longest_synonym_wins(analyzer: TextAnalyzer) -> None:
    assert analyzer.synonym_terms("要钱吗") == ["服务费用"]
    assert "补贴数额" in analyzer.synonym_terms("能拿多少钱")


def test_query_keeps_its_own_tokens_once(analyzer: TextAnalyzer) -> None:
    tokens = analyzer.query_tokens("社保社保")
    assert tokens.count("社保") == 1
    assert "社会保险" in tokens


def test_private_tokenizer_is_not_jiebas_global_one(analyzer: TextAnalyzer) -> None:
    import jieba

    assert analyzer.tokenizer is not jieba.dt


def test_jieba_dict_folder_holds_only_jieba_dictionaries() -> None:
    """Rasa's JiebaTokenizer loads every file of kb/jieba_dict as a user dictionary."""
    files = KbFiles.default().jieba_dicts()
    assert [p.name for p in files] == ["domain.txt"]
    for path in files:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            word, freq, pos = line.split(" ")
            assert word and freq.isdigit() and pos.isalpha(), line
