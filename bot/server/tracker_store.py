"""Where conversations live: Rasa's SQL tracker store, at ``TRACKER_STORE_URL``, read in a window.

Configured in ``bot/endpoints.yml`` as ``tracker_store: type:
bot.server.tracker_store.ConversationTrackerStore``. The database is any SQLAlchemy URL:

- default ``sqlite:///var/tracker.sqlite3`` (the embedded default: nothing to install, and a
  restart resumes every conversation where it was, forms included);
- ``postgresql://user:password@host:5432/tuoguan`` in production (several Rasa servers share it).

A turn reads only the latest :data:`DEFAULT_WINDOW` events of the conversation's session, plus
the latest value of every slot and the active form from before them. A long conversation
therefore costs the same per turn as a short one: Rasa would otherwise read, rebuild and send
to the action server every event of the session (300 turns took a reply from 0.25 s to 0.97 s
and the request to the action server to 1.5 MB), and RulePolicy featurises the whole tracker
for every prediction. Every event is still stored; ``retrieve_full_tracker`` reads them all.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
TRACKER_STORE_URL_ENV = "TRACKER_STORE_URL"
DEFAULT_URL = f"sqlite:///{REPO / 'var' / 'tracker.sqlite3'}"
WINDOW_ENV = "TRACKER_WINDOW_EVENTS"
# About 25 turns of a form conversation: far more than any rule or action looks back.
DEFAULT_WINDOW = 200
# The attribute a windowed tracker carries: how many of its events are already stored.
_STORED = "_tuoguan_stored_events"


def tracker_store_url(url: str | None = None) -> str:
    """The URL given, else ``$TRACKER_STORE_URL``, else ``var/tracker.sqlite3`` (folder made)."""
    url = url or os.environ.get(TRACKER_STORE_URL_ENV) or DEFAULT_URL
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    return url


class ConversationTrackerStore(SQLTrackerStore):
    """Rasa's :class:`SQLTrackerStore` at a URL from the environment, read in a bounded window.

    ``host`` (``url:`` in the endpoints file) may name the URL instead of the environment;
    ``window`` (events) defaults to ``$TRACKER_WINDOW_EVENTS`` or :data:`DEFAULT_WINDOW`.
    """

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: Any = None,
        window: int | None = None,
        **kwargs: Any,
    ) -> None:
        for ignored in ("dialect", "db", "port", "username", "password"):
            kwargs.pop(ignored, None)  # the URL says all of it
        self.window = int(window or os.environ.get(WINDOW_ENV) or DEFAULT_WINDOW)
        super().__init__(
            domain=domain, host=tracker_store_url(host), event_broker=event_broker, **kwargs
        )

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        if fetch_events_from_all_sessions or self.domain is None:
            return await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        with self.session_scope() as session:
            query = self._event_query(session, sender_id, fetch_events_from_all_sessions=False)
            stored = query.count()
            if stored == 0:
                return None
            if stored <= self.window:
                events = [json.loads(row.data) for row in query.all()]
            else:
                events = self._windowed_events(session, query)
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        setattr(tracker, _STORED, len(tracker.events))
        return tracker

    def _windowed_events(self, session: Any, query: Any) -> list[dict[str, Any]]:
        """The latest slot values and form before the window, then the window's events.

        The window starts at a turn (an ``action_listen``), so no rule sees half a turn.
        """
        event = self.SQLEvent
        newest_first = query.order_by(None).order_by(event.id.desc()).limit(self.window).all()
        window = newest_first[::-1]
        starts = [i for i, row in enumerate(window) if row.action_name == "action_listen"]
        window = window[starts[0] :] if starts else window
        first_id = window[0].id
        before = query.filter(event.id < first_id).order_by(None)
        latest_ids = [
            *before.with_entities(sa.func.max(event.id))
            .filter(event.type_name == "slot")
            .group_by(event.action_name)
            .all(),
            *before.with_entities(sa.func.max(event.id))
            .filter(event.type_name == "active_loop")
            .all(),
        ]
        ids = [row[0] for row in latest_ids if row[0] is not None]
        carried = session.query(event).filter(event.id.in_(ids)).order_by(event.id).all()
        return [json.loads(row.data) for row in [*carried, *window]]

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Any]:
        """The events not stored yet: those after the ones a windowed tracker was read with."""
        stored = getattr(tracker, _STORED, None)
        if stored is None:
            return super()._additional_events(session, tracker)
        return iter(list(tracker.events)[stored:])

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        if getattr(tracker, _STORED, None) is not None:
            setattr(tracker, _STORED, len(tracker.events))
