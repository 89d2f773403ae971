"""``python -m kb.build``: (re)build the knowledge base database when its inputs change.

The build hashes its inputs (:mod:`kb.fingerprint`); when the hash stored in the ``meta`` table
matches, it prints that nothing changed and returns without parsing or tokenising anything.
Otherwise :mod:`kb.writer` parses the sources, loads and checks faq.yml and topics.yml, tokenises
every search unit with the domain dictionary and rewrites every table in one transaction.

Database: ``--url`` / ``build(url=...)``, else ``$KB_URL``, else ``var/kb.sqlite3``.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kb import versions
from kb.fingerprint import source_hash
from kb.paths import KbFiles, ensure_database_dir, resolve_url, sqlite_file

# Tables reported in a BuildReport (and compared by the tests), in the order they are filled.
TABLES = (
    "documents",
    "chapters",
    "articles",
    "article_paragraphs",
    "article_items",
    "interpretation_sections",
    "report_passages",
    "topics",
    "faq_entries",
    "search_passages",
)


@dataclass(frozen=True)
class BuildReport:
    """What a build did: ``changed`` is False when the stored hash matched the inputs."""

    url: str
    changed: bool
    source_hash: str
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        where = _display_url(self.url)
        if not self.changed:
            return f"kb: unchanged (sources hash {self.source_hash[:12]}), nothing to do — {where}"
        counts = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        return f"kb: rebuilt {where} in {self.seconds:.2f} s: {counts}"


def _display_url(url: str) -> str:
    if sqlite_file(url) is not None or url.startswith("sqlite:"):
        return url
    from sqlalchemy.engine import make_url

    return str(make_url(url).render_as_string(hide_password=True))


@dataclass(frozen=True)
class StoredState:
    """The hash recorded by the last build (None for an empty database) and the row counts."""

    source_hash: str | None
    counts: dict[str, int]


def _sqlite_state(path: Path) -> StoredState:
    """Read the state of a SQLite file with the standard library.

    The unchanged check runs on every ``make``: reading two small things through ``sqlite3``
    avoids importing SQLAlchemy (a third of a second) just to learn that nothing changed.
    """
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        found = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "meta" not in found or not set(TABLES) <= found:
            return StoredState(None, {})
        row = connection.execute("SELECT value FROM meta WHERE key = 'source_hash'").fetchone()
        counts = {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        return StoredState(None if row is None else str(row[0]), counts)
    finally:
        connection.close()


def _sqlalchemy_state(url: str) -> StoredState:
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url, future=True)
    try:
        names = set(inspect(engine).get_table_names())
        if "meta" not in names or not set(TABLES) <= names:
            return StoredState(None, {})
        with engine.connect() as connection:
            value = connection.execute(
                text("SELECT value FROM meta WHERE key = 'source_hash'")
            ).scalar()
            counts = {
                t: int(connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
                for t in TABLES
            }
        return StoredState(None if value is None else str(value), counts)
    finally:
        engine.dispose()


def stored_state(url: str) -> StoredState:
    """What the database at ``url`` holds now (an absent SQLite file holds nothing)."""
    path = sqlite_file(url)
    if path is not None:
        return _sqlite_state(path) if path.exists() else StoredState(None, {})
    return _sqlalchemy_state(url)


def build(
    url: str | None = None, force: bool = False, *, files: KbFiles | None = None
) -> BuildReport:
    """Rebuild the database at ``url`` if its inputs changed since the last build (or ``force``).

    ``files`` points the build at another copy of ``kb/`` (tests use temporary copies).
    """
    started = time.perf_counter()
    files = files or KbFiles.default()
    url = resolve_url(url)
    digest = source_hash(files, versions.ALL)
    if not force:
        state = stored_state(url)
        if state.source_hash == digest:
            return BuildReport(url, False, digest, state.counts, time.perf_counter() - started)
    ensure_database_dir(url)
    from kb.writer import write_database  # parser, jieba and the ORM are only needed to rebuild

    write_database(url, files, digest)
    counts = stored_state(url).counts
    return BuildReport(url, True, digest, counts, time.perf_counter() - started)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kb.build", description="Build the knowledge base database."
    )
    parser.add_argument("--url", help="SQLAlchemy URL (default: $KB_URL or var/kb.sqlite3)")
    parser.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    args = parser.parse_args(argv)
    print(build(args.url, force=args.force).summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
