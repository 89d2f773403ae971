"""Conversations are kept in the SQL tracker store and read back in a bounded window."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.server.tracker_store import ConversationTrackerStore

REPO = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(REPO / "bot" / "domain.yml"))


def _store(tmp_path: Path, window: int = 40) -> ConversationTrackerStore:
    return ConversationTrackerStore(
        domain=DOMAIN, host=f"sqlite:///{tmp_path / 'tracker.sqlite3'}", window=window
    )


def _turn(i: int) -> list:
    return [
        UserUttered(f"第{i}句", {"name": "inform", "confidence": 1.0}),
        SlotSet("headcount", str(i)),
        ActionExecuted("eligibility_form"),
        BotUttered(f"回答{i}"),
        ActionExecuted("action_listen"),
    ]


def _conversation(sender: str, turns: int) -> DialogueStateTracker:
    events = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        SlotSet("in_pingshan", "yes"),  # said once, long before the window
        ActiveLoop("eligibility_form"),
    ]
    for i in range(turns):
        events += _turn(i)
    return DialogueStateTracker.from_events(sender, events, DOMAIN.slots)


def test_a_short_conversation_comes_back_whole(tmp_path: Path) -> None:
    store = _store(tmp_path)
    asyncio.run(store.save(_conversation("u1", 3)))
    tracker = asyncio.run(store.retrieve("u1"))
    assert tracker is not None
    said = [e.text for e in tracker.events if isinstance(e, UserUttered)]
    assert said == ["第0句", "第1句", "第2句"]
    assert tracker.get_slot("headcount") == "2" and tracker.get_slot("in_pingshan") == "yes"


def test_a_long_conversation_is_read_in_a_window_with_every_slot_and_the_form(
    tmp_path: Path,
) -> None:
    store = _store(tmp_path, window=40)
    asyncio.run(store.save(_conversation("u1", 300)))
    tracker = asyncio.run(store.retrieve("u1"))
    assert tracker is not None
    assert len(tracker.events) <= 40 + 3  # the window plus the carried slots and form
    assert tracker.get_slot("in_pingshan") == "yes"
    assert tracker.get_slot("headcount") == "299"
    assert tracker.active_loop_name == "eligibility_form"
    assert isinstance(tracker.events[-1], ActionExecuted)
    assert tracker.latest_message is not None and tracker.latest_message.text == "第299句"


def test_new_events_of_a_windowed_conversation_are_stored_once(tmp_path: Path) -> None:
    store = _store(tmp_path, window=40)
    asyncio.run(store.save(_conversation("u1", 300)))
    for i in range(300, 303):  # three more turns, each read and saved as Rasa does
        tracker = asyncio.run(store.retrieve("u1"))
        assert tracker is not None
        for event in _turn(i):
            tracker.update(event)
        asyncio.run(store.save(tracker))
    full = asyncio.run(store.retrieve_full_tracker("u1"))
    assert full is not None
    said = [e.text for e in full.events if isinstance(e, UserUttered)]
    assert said == [f"第{i}句" for i in range(303)]
    assert full.get_slot("headcount") == "302"


def test_conversations_of_two_senders_stay_apart(tmp_path: Path) -> None:
    store = _store(tmp_path)
    asyncio.run(store.save(_conversation("a", 2)))
    asyncio.run(store.save(_conversation("b", 5)))
    a, b = asyncio.run(store.retrieve("a")), asyncio.run(store.retrieve("b"))
    assert a is not None and b is not None
    assert (a.get_slot("headcount"), b.get_slot("headcount")) == ("1", "4")


def test_the_url_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'from-env.sqlite3'}")
    asyncio.run(ConversationTrackerStore(domain=DOMAIN).save(_conversation("u1", 1)))
    assert (tmp_path / "from-env.sqlite3").exists()


def test_events_are_read_back_as_rasa_reads_them(tmp_path: Path) -> None:
    from rasa.shared.core.events import deserialise_events

    from bot.server.tracker_store import deserialise

    dumps = [e.as_dict() for e in _conversation("u1", 2).events]
    dumps.append({"event": "no_such_event"})
    ours, rasas = deserialise(dumps[:-1]), deserialise_events(dumps[:-1])
    assert [e.as_dict() for e in ours] == [e.as_dict() for e in rasas]
    assert len(deserialise(dumps)) == len(dumps) - 1  # an unknown event is skipped
