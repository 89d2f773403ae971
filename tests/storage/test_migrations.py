"""The store's schema comes from its migrations, on new databases and on ones made before them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from bot.storage.migrate import current_revision, head_revision, upgrade
from bot.storage.models import Base
from bot.storage.store import ConversationStore, StoreNotMigrated


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.sqlite3'}"


def test_a_new_database_is_migrated_to_the_latest_revision(tmp_path: Path) -> None:
    url = _url(tmp_path)
    assert current_revision(url) is None
    assert upgrade(url) == head_revision() == current_revision(url)


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    url = _url(tmp_path)
    upgrade(url)
    store = ConversationStore.from_url(url)
    store.record_handoff("u1", "requested")
    upgrade(url)
    assert [h.sender_id for h in ConversationStore.from_url(url).handoffs()] == ["u1"]


def test_the_migrated_schema_is_exactly_the_models(tmp_path: Path) -> None:
    url = _url(tmp_path)
    upgrade(url)
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_a_store_made_before_migrations_keeps_its_rows_and_transcripts(tmp_path: Path) -> None:
    url = _url(tmp_path)
    engine = create_engine(url, future=True)
    with engine.begin() as connection:  # the tables as create_all made them before migrations
        connection.execute(
            text(
                "CREATE TABLE handoffs (id INTEGER PRIMARY KEY, sender_id VARCHAR(128) NOT NULL, "
                "reason VARCHAR(32) NOT NULL, transcript TEXT NOT NULL, created_at DATETIME NOT NULL, "
                "handled BOOLEAN NOT NULL, handled_at DATETIME)"
            )
        )
        connection.execute(
            text(
                "CREATE TABLE feedback (id INTEGER PRIMARY KEY, sender_id VARCHAR(128) NOT NULL, "
                "question TEXT NOT NULL, intent VARCHAR(64) NOT NULL, citations TEXT NOT NULL, "
                "helpful BOOLEAN NOT NULL, created_at DATETIME NOT NULL)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO handoffs VALUES (1, 'old-user', 'requested', "
                '\'[{"speaker": "user", "text": "转人工"}]\', \'2023-05-01 08:00:00\', 0, NULL)'
            )
        )
    upgrade(url)
    assert "transcript" not in {c["name"] for c in inspect(engine).get_columns("handoffs")}
    (old,) = ConversationStore.from_url(url).handoffs()
    assert (old.sender_id, old.created_at) == ("old-user", dt.datetime(2023, 5, 1, 8, 0))
    assert old.legacy_transcript == [{"speaker": "user", "text": "转人工"}]


def test_a_store_not_migrated_is_refused_with_the_command_to_run(tmp_path: Path) -> None:
    with pytest.raises(StoreNotMigrated, match="make migrate"):
        ConversationStore.from_url(_url(tmp_path))


def test_feedback_and_handoffs_are_kept_with_their_times(tmp_path: Path) -> None:
    url = _url(tmp_path)
    upgrade(url)
    store = ConversationStore.from_url(url)
    store.record_feedback("u1", "补贴多少", "ask_subsidy_amount", ["第十九条"], helpful=True)
    handoff = store.record_handoff("u1", "requested")
    store.mark_handled(handoff)
    (feedback,) = store.feedback()
    (record,) = store.handoffs(include_handled=True)
    assert isinstance(feedback["created_at"], dt.datetime)
    assert (
        record.handled and record.handled_at is not None and record.handled_at >= record.created_at
    )
