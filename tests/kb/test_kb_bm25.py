"""BM25 ranking (k1 = 1.5, b = 0.75)."""

from __future__ import annotations

import math

import pytest

from kb.bm25 import BM25Index, BM25Params


def test_defaults_are_k1_1_5_and_b_0_75() -> None:
    assert BM25Params() == BM25Params(k1=1.5, b=0.75)


def test_score_matches_the_formula() -> None:
    index = BM25Index([["补贴", "补贴", "机构"], ["企业"]])
    idf = math.log(1 + (2 - 1 + 0.5) / (1 + 0.5))
    norm = 1 - 0.75 + 0.75 * 3 / 2
    expected = idf * 2 * 2.5 / (2 + 1.5 * norm)
    assert index.scores(["补贴"]) == pytest.approx([expected, 0.0])


def test_more_occurrences_rank_higher() -> None:
    index = BM25Index(
        [["补贴", "机构", "企业"], ["补贴", "补贴", "企业"], ["企业", "机构", "协议"]]
    )
    assert [pos for pos, _ in index.top(["补贴"], 3)] == [1, 0]


def test_shorter_document_ranks_higher_for_the_same_count() -> None:
    index = BM25Index([["补贴"] + ["填充"] * 9, ["补贴", "填充"], ["其他"]])
    assert index.top(["补贴"], 1)[0][0] == 1


def test_a_term_in_every_document_still_counts() -> None:
    index = BM25Index([["托管", "补贴"], ["托管"]])
    assert index.idf("托管") > 0


def test_unknown_terms_find_nothing_and_k_limits() -> None:
    index = BM25Index([["a", "b"], ["b"], ["b", "c"]])
    assert index.top(["z"], 5) == []
    assert len(index.top(["b"], 2)) == 2


def test_repeated_query_terms_count_once() -> None:
    index = BM25Index([["a", "b"], ["b"]])
    assert index.scores(["a", "a"]) == index.scores(["a"])
