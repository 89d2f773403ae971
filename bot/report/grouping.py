"""Unanswered questions grouped by similarity, so an operator sees 「试用期多长」 asked 40 times as
one line, not 40.

Words come from the knowledge base's own analyzer (:class:`kb.analyzer.TextAnalyzer`: jieba with
the domain dictionary, stop words dropped, colloquial words mapped to the regulation's, 社保 →
社会保险), the same one the search fallback uses; two messages are alike when the Jaccard
similarity of their word sets reaches :data:`SIMILAR`. Leader clustering, newest first: a message
joins the first group whose leader it resembles, found through an inverted index of the leaders'
rarest words (a prefix filter), so the cost grows with the number of messages, not with
messages × groups.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

SIMILAR = 0.5  # Jaccard similarity of word sets from which two questions are the same question
EXAMPLES = 3  # the latest examples shown per group


@dataclass
class Group:
    """Similar messages: the newest is the leader, ``count`` all of them, ``latest`` the newest few."""

    leader: Mapping[str, Any]
    words: frozenset[str]
    count: int = 0
    latest: list[Mapping[str, Any]] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def group_similar(
    messages: Iterable[Mapping[str, Any]], words_of: Callable[[str], Iterable[str]]
) -> list[Group]:
    """``messages`` (dicts with ``text`` and ``outcome``, newest first) in groups of similar
    ones, largest group first (ties: the most recent first).

    Candidates come from a prefix filter (the standard one for set-similarity joins): with the
    words of every set ordered rarest first, two sets of Jaccard similarity ≥ t share a word
    among the first ``n − ⌈t·n⌉ + 1`` of each, so only those words are indexed and probed, and
    every candidate is then checked exactly.
    """
    listed = list(messages)
    cache: dict[str, frozenset[str]] = {}
    for message in listed:
        text = str(message.get("text") or "")
        if text not in cache:
            cache[text] = frozenset(words_of(text)) or frozenset({text})
    frequency: dict[str, int] = defaultdict(int)
    for words in cache.values():
        for w in words:
            frequency[w] += 1

    def prefix(words: frozenset[str]) -> list[str]:
        ordered = sorted(words, key=lambda w: (frequency[w], w))
        return ordered[: len(ordered) - math.ceil(SIMILAR * len(ordered)) + 1]

    groups: list[Group] = []
    by_word: dict[str, list[int]] = defaultdict(list)
    exact: dict[str, int] = {}
    for message in listed:
        text = str(message.get("text") or "")
        index = exact.get(text)
        if index is None:
            words = cache[text]
            head = prefix(words)
            candidates = sorted({i for w in head for i in by_word.get(w, ())})
            index = next(
                (i for i in candidates if _jaccard(words, groups[i].words) >= SIMILAR), None
            )
            if index is None:
                index = len(groups)
                groups.append(Group(leader=message, words=words))
                for w in head:
                    by_word[w].append(index)
            exact[text] = index
        group = groups[index]
        group.count += 1
        group.outcomes[str(message.get("outcome") or "")] += 1
        if len(group.latest) < EXAMPLES:
            group.latest.append(message)
    order = sorted(range(len(groups)), key=lambda i: (-groups[i].count, i))
    return [groups[i] for i in order]
