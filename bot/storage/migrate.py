"""Bring a store's schema to the latest migration (Alembic), instead of ``create_all``.

    .venv/bin/python -m bot.storage.migrate [URL]     # default: $STORE_URL or var/conversations.sqlite3

A database created before migrations existed (tables, no ``alembic_version``) is stamped at the
first revision, which describes exactly those tables, and then upgraded.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from bot.storage.settings import store_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
FIRST_REVISION = "0001"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(url: str) -> str | None:
    """The revision the database at ``url`` is at (``None``: never migrated)."""
    engine = create_engine(url, future=True)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def upgrade(url: str | None = None) -> str:
    """Migrate the database at ``url`` (default :func:`store_url`) to the head; return it."""
    url = store_url(url)
    engine = create_engine(url, future=True)
    try:
        with engine.begin() as connection:
            config = _config()
            config.attributes["connection"] = connection
            tables = set(inspect(connection).get_table_names())
            if "handoffs" in tables and "alembic_version" not in tables:
                command.stamp(config, FIRST_REVISION)
            command.upgrade(config, "head")
    finally:
        engine.dispose()
    return head_revision()


def main(argv: list[str]) -> int:
    url = store_url(argv[1] if len(argv) > 1 else None)
    print(f"store at revision {upgrade(url)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
