"""Conversations, handoffs and feedback older than the retention period are deleted; newer stay."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.report.message_log import message_log
from bot.server.tracker_store import ConversationTrackerStore
from bot.storage.migrate import upgrade
from bot.storage.retention import delete_older_than
from bot.storage.store import ConversationStore

REPO = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2024, 6, 1, tzinfo=dt.timezone.utc)


def test_only_what_is_older_than_the_period_is_deleted(tmp_path: Path, monkeypatch) -> None:
    tracker_url = f"sqlite:///{tmp_path / 'tracker.sqlite3'}"
    store_url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    domain = Domain.load(str(REPO / "bot" / "domain.yml"))
    trackers = ConversationTrackerStore(domain=domain, host=tracker_url)
    for sender, days_ago in (("old", 200), ("recent", 10)):
        said = (NOW - dt.timedelta(days=days_ago)).timestamp()
        tracker = DialogueStateTracker.from_events(
            sender, [UserUttered("补贴多少", timestamp=said)], domain.slots
        )
        asyncio.run(trackers.save(tracker))
    upgrade(store_url)
    store = ConversationStore.from_url(store_url)
    recorded = {}
    for sender, days_ago in (("old", 200), ("recent", 10)):
        when = (NOW - dt.timedelta(days=days_ago)).replace(tzinfo=None)
        monkeypatch.setattr("bot.storage.store.utc_now", lambda when=when: when)
        recorded[sender] = store.record_handoff(sender, "requested")
        store.record_feedback(sender, "补贴多少", "ask_subsidy_amount", [], helpful=True)

    deleted = delete_older_than(180, tracker=tracker_url, store=store_url, now=NOW)

    assert (deleted.conversations, deleted.handoffs, deleted.feedback) == (1, 1, 1)
    assert asyncio.run(trackers.retrieve("old")) is None
    assert asyncio.run(trackers.retrieve("recent")) is not None
    assert [h.id for h in store.handoffs()] == [recorded["recent"]]
    assert [f["sender_id"] for f in store.feedback()] == ["recent"]
    # the report's copy of the messages goes with them
    with trackers.engine.connect() as connection:
        kept = connection.execute(sa.select(message_log.c.sender_id)).scalars().all()
    assert kept == ["recent"]
