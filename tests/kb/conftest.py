"""Fixtures for the knowledge base tests: every database lives under pytest's tmp_path.

The real ``var/kb.sqlite3`` is never touched: ``KB_URL`` is pointed at a temporary file for every
test, and the shared knowledge base is built once per session into a temporary directory.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.build import build
from kb.paths import KB_DIR, KbFiles
from kb.repository import KnowledgeBase

# What a build reads from kb/ (copied for tests that change an input).
KB_DATA = ("sources", "jieba_dict", "faq.yml", "topics.yml", "synonyms.yml", "stopwords.txt")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture(autouse=True)
def _kb_url_in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KB_URL", sqlite_url(tmp_path / "kb-from-env.sqlite3"))


@pytest.fixture(scope="session")
def built_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = sqlite_url(tmp_path_factory.mktemp("kb") / "kb.sqlite3")
    build(url)
    return url


@pytest.fixture(scope="session")
def kb(built_url: str) -> KnowledgeBase:
    return KnowledgeBase.from_url(built_url, build_if_missing=False)


@pytest.fixture
def kb_copy(tmp_path: Path) -> KbFiles:
    """A private copy of kb/'s data files that a test may change."""
    root = tmp_path / "kb"
    root.mkdir()
    for name in KB_DATA:
        source = KB_DIR / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    return KbFiles(root)
