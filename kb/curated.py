"""Load and check the curated data: ``kb/faq.yml`` (answers) and ``kb/topics.yml`` (topics).

The checks are the ones a reviewer would otherwise do by hand: unique keys, ``intent`` is
``ask_<key>``, every topic named exists, every article cited exists, every answer cites at least
one article or the 政策解读, and the topics together cover every article.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kb.records import FaqEntry, Topic
from rules_core.citations import ARTICLE_COUNT


class CuratedDataError(ValueError):
    """faq.yml or topics.yml breaks one of the rules above."""


def _load_list(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise CuratedDataError(f"{path.name}: expected a list of mappings")
    return data


def _articles(where: str, value: Any) -> tuple[int, ...]:
    if not isinstance(value, list) or not all(isinstance(n, int) for n in value):
        raise CuratedDataError(f"{where}: articles must be a list of integers")
    bad = [n for n in value if not 1 <= n <= ARTICLE_COUNT]
    if bad:
        raise CuratedDataError(
            f"{where}: no such article {bad} (the regulation has 1..{ARTICLE_COUNT})"
        )
    return tuple(value)


def load_topics(path: Path, interpretation_labels: set[str] | None = None) -> tuple[Topic, ...]:
    """Topics in file order; ``interpretation_labels`` (五, 五（七）…) are checked when given."""
    topics: list[Topic] = []
    for entry in _load_list(path):
        key = str(entry.get("key", ""))
        where = f"topics.yml {key or '?'}"
        if not key or not entry.get("name"):
            raise CuratedDataError(f"{where}: key and name are required")
        labels = tuple(str(label) for label in entry.get("interpretation") or ())
        if interpretation_labels is not None:
            unknown = [label for label in labels if label not in interpretation_labels]
            if unknown:
                raise CuratedDataError(f"{where}: no 政策解读 section {unknown}")
        topics.append(
            Topic(
                key=key,
                name=str(entry["name"]),
                articles=_articles(where, entry.get("articles", [])),
                interpretation=labels,
                description=entry.get("description"),
            )
        )
    keys = [t.key for t in topics]
    if len(set(keys)) != len(keys):
        raise CuratedDataError(f"topics.yml: duplicate keys in {keys}")
    covered = {n for t in topics for n in t.articles}
    missing = sorted(set(range(1, ARTICLE_COUNT + 1)) - covered)
    if missing:
        raise CuratedDataError(f"topics.yml: articles {missing} belong to no topic")
    return tuple(topics)


def load_faq(path: Path, topic_keys: set[str]) -> tuple[FaqEntry, ...]:
    """FAQ entries in file order."""
    entries: list[FaqEntry] = []
    for entry in _load_list(path):
        key = str(entry.get("key", ""))
        where = f"faq.yml {key or '?'}"
        for field in ("key", "intent", "topic", "question", "answer"):
            if not str(entry.get(field) or "").strip():
                raise CuratedDataError(f"{where}: {field} is required")
        if entry["intent"] != f"ask_{key}":
            raise CuratedDataError(f"{where}: intent must be ask_{key}, not {entry['intent']}")
        if entry["topic"] not in topic_keys:
            raise CuratedDataError(f"{where}: unknown topic {entry['topic']!r}")
        articles = _articles(where, entry.get("articles", []))
        interpretation = bool(entry.get("interpretation", False))
        if not articles and not interpretation:
            raise CuratedDataError(f"{where}: cite at least one article or the 政策解读")
        entries.append(
            FaqEntry(
                key=key,
                intent=str(entry["intent"]),
                topic=str(entry["topic"]),
                question=str(entry["question"]).strip(),
                answer=str(entry["answer"]).strip(),
                articles=articles,
                interpretation=interpretation,
                reports=bool(entry.get("reports", False)),
            )
        )
    keys = [e.key for e in entries]
    if len(set(keys)) != len(keys):
        raise CuratedDataError(
            f"faq.yml: duplicate keys {sorted(k for k in keys if keys.count(k) > 1)}"
        )
    return tuple(entries)
