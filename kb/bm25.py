"""Okapi BM25 ranking over pre-tokenised documents (k1 = 1.5, b = 0.75 by default).

score(D, Q) = Σ_{t ∈ Q} idf(t) · f(t, D) · (k1 + 1) / (f(t, D) + k1 · (1 − b + b · |D| / avgdl))
with the always-positive idf(t) = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5)) (as in Lucene), so a
term found in most units still counts a little instead of counting against a unit.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class BM25Params:
    k1: float = 1.5
    b: float = 0.75


class BM25Index:
    """An in-memory inverted index: term → {document position: term frequency}."""

    def __init__(self, documents: Sequence[Sequence[str]], params: BM25Params | None = None):
        self.params = params or BM25Params()
        self.size = len(documents)
        self.lengths = [len(doc) for doc in documents]
        self.average_length = (sum(self.lengths) / self.size) if self.size else 0.0
        self.postings: dict[str, dict[int, int]] = {}
        for position, doc in enumerate(documents):
            for term, count in Counter(doc).items():
                self.postings.setdefault(term, {})[position] = count

    def idf(self, term: str) -> float:
        n = len(self.postings.get(term, ()))
        return math.log(1.0 + (self.size - n + 0.5) / (n + 0.5))

    def scores(self, query: Iterable[str]) -> list[float]:
        """The BM25 score of every document for the query terms (each distinct term once)."""
        k1, b = self.params.k1, self.params.b
        totals = [0.0] * self.size
        for term in dict.fromkeys(query):
            postings = self.postings.get(term)
            if not postings:
                continue
            idf = self.idf(term)
            for position, frequency in postings.items():
                norm = 1.0 - b + b * self.lengths[position] / (self.average_length or 1.0)
                totals[position] += idf * frequency * (k1 + 1.0) / (frequency + k1 * norm)
        return totals

    def top(self, query: Iterable[str], k: int) -> list[tuple[int, float]]:
        """The k best (position, score) pairs with a positive score, best first."""
        ranked = sorted(
            ((position, score) for position, score in enumerate(self.scores(query)) if score > 0),
            key=lambda pair: (-pair[1], pair[0]),
        )
        return ranked[:k]
