"""Where the knowledge base's data files and its database live.

The database is a SQLite file ``var/kb.sqlite3`` under the repository root unless the ``KB_URL``
environment variable names another SQLAlchemy URL. :class:`KbFiles` bundles every data file the
build reads, so tests can point a build at temporary copies instead of the real ``kb/``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

KB_DIR = Path(__file__).resolve().parent
REPO_ROOT = KB_DIR.parent
DEFAULT_DB_PATH = REPO_ROOT / "var" / "kb.sqlite3"
KB_URL_ENV = "KB_URL"


def default_url() -> str:
    """``$KB_URL`` if set, else the SQLite file ``var/kb.sqlite3`` under the repository root."""
    return os.environ.get(KB_URL_ENV) or f"sqlite:///{DEFAULT_DB_PATH}"


def resolve_url(url: str | None) -> str:
    """The URL to use: the one given, else :func:`default_url`."""
    return url or default_url()


def sqlite_file(url: str) -> Path | None:
    """The file behind a ``sqlite:///path`` URL (None for in-memory or other databases)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    path = url[len(prefix) :].split("?", 1)[0]
    if not path or path == ":memory:":
        return None
    return Path(path)


def ensure_database_dir(url: str) -> None:
    """Create the directory of a SQLite database file (``var/`` on a fresh checkout)."""
    path = sqlite_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)


@dataclass(frozen=True)
class KbFiles:
    """The data files a build reads; ``root`` is ``kb/`` or a temporary copy of it."""

    root: Path

    @classmethod
    def default(cls) -> KbFiles:
        return cls(KB_DIR)

    @property
    def sources_dir(self) -> Path:
        return self.root / "sources"

    @property
    def regulation(self) -> Path:
        return self.sources_dir / "regulation.txt"

    @property
    def interpretation(self) -> Path:
        return self.sources_dir / "interpretation.txt"

    @property
    def reports(self) -> Path:
        return self.sources_dir / "reports.txt"

    @property
    def faq(self) -> Path:
        return self.root / "faq.yml"

    @property
    def topics(self) -> Path:
        return self.root / "topics.yml"

    @property
    def synonyms(self) -> Path:
        return self.root / "synonyms.yml"

    @property
    def stopwords(self) -> Path:
        return self.root / "stopwords.txt"

    @property
    def jieba_dict_dir(self) -> Path:
        return self.root / "jieba_dict"

    def jieba_dicts(self) -> list[Path]:
        """Every user dictionary in ``jieba_dict/`` (Rasa's JiebaTokenizer loads them all too)."""
        return sorted(p for p in self.jieba_dict_dir.iterdir() if p.is_file())

    def build_inputs(self) -> list[Path]:
        """Every file whose content decides what the database holds (hashed by the build)."""
        sources = sorted(p for p in self.sources_dir.rglob("*") if p.is_file())
        data = [self.faq, self.topics, self.synonyms, self.stopwords]
        return sources + data + self.jieba_dicts()
