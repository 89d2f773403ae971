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
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

from bot.report.message_log import console_row, ensure_table, message_log, message_rows
from bot.storage.settings import tracker_store_url
from bot.storage.store import utc_now

logger = logging.getLogger(__name__)

WINDOW_ENV = "TRACKER_WINDOW_EVENTS"
# About 10 to 15 turns: more than any rule or action looks back (a rule spans one or two turns;
# the feedback, fallback and correction actions look at the last few messages). With 200 the
# 300th turn of one conversation still took 1.5 times the first (make bench).
DEFAULT_WINDOW = 80
WINDOW_INDEX = "ix_events_sender_type_name"
# The queries of a windowed read (ids ascend with time; the index above serves the first and
# the third): where the session starts, its newest events, the latest slot values and form
# before the window.
_SESSION_START = sa.text(
    "SELECT max(id) FROM events WHERE sender_id = :sender AND type_name = 'session_started'"
)
_NEWEST = sa.text(
    "SELECT id, action_name, data FROM events WHERE sender_id = :sender AND id >= :start "
    "ORDER BY id DESC LIMIT :limit"
)
_CARRIED = sa.text(
    "SELECT max(id) FROM events WHERE sender_id = :sender AND type_name = 'slot' "
    "AND id >= :start AND id < :first GROUP BY action_name "
    "UNION ALL SELECT max(id) FROM events WHERE sender_id = :sender "
    "AND type_name = 'active_loop' AND id >= :start AND id < :first"
)
_BY_ID = sa.text("SELECT data FROM events WHERE id IN :ids ORDER BY id")
# The attribute a windowed tracker carries: how many of its events are already stored.
_STORED = "_tuoguan_stored_events"


def _sqlite_write_ahead_log(connection: Any, _record: Any) -> None:
    """SQLite in WAL mode with ``synchronous=NORMAL``: a turn's commit no longer waits for a disk
    flush (it happens at checkpoints), which took several milliseconds of every turn, and
    readers (the console) do not block the writer. A crash can lose the last turns, never
    corrupt the file; PostgreSQL is the production store."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@lru_cache(maxsize=1)
def _event_classes() -> dict[str, type[Event]]:
    """Event type name → class, as ``Event.resolve_by_type`` finds it (the first subclass)."""
    classes: dict[str, type[Event]] = {}
    for cls in all_subclasses(Event):
        classes.setdefault(cls.type_name, cls)
    return classes


def deserialise(dumps: list[dict[str, Any]]) -> list[Event]:
    """Rasa's ``deserialise_events`` without its search of every Event subclass per event
    (0.1 ms each: a third of reading a tracker); unknown types are skipped as Rasa skips them."""
    classes = _event_classes()
    events = []
    for dump in dumps:
        cls = classes.get(str(dump.get("event")))
        event = cls._from_parameters(dump) if cls is not None else None
        if event is not None:
            events.append(event)
    return events


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
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_write_ahead_log)
            self.engine.dispose()  # connections opened from now on get the pragmas
        ensure_table(self.engine)  # the report's index of messages (bot/report/message_log.py)
        # What a windowed read looks up besides the newest rows: the session's start and the
        # latest value of each slot. Without it both scan every event of the conversation.
        with self.engine.begin() as connection:
            connection.execute(
                sa.text(
                    f"CREATE INDEX IF NOT EXISTS {WINDOW_INDEX} "
                    "ON events (sender_id, type_name, action_name, id)"
                )
            )

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        if fetch_events_from_all_sessions or self.domain is None:
            return await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        with self.engine.connect() as connection:
            rows = self._session_rows(connection, sender_id)
        if not rows:
            return None
        events = deserialise([json.loads(data) for data in rows])
        tracker = DialogueStateTracker.from_events(sender_id, events, self.domain.slots)
        setattr(tracker, _STORED, len(tracker.events))
        return tracker

    def _session_rows(self, connection: Any, sender_id: str) -> list[str]:
        """The stored events (JSON) a turn reads: the session's newest :attr:`window` events,
        preceded, when the session is longer, by the latest value of each slot and form.

        Three small indexed queries whatever the conversation's length (ids ascend with time).
        """
        start = connection.execute(_SESSION_START, {"sender": sender_id}).scalar() or 0
        newest_first = connection.execute(
            _NEWEST, {"sender": sender_id, "start": start, "limit": self.window + 1}
        ).all()
        if len(newest_first) <= self.window:
            return [row.data for row in reversed(newest_first)]
        window = list(reversed(newest_first[: self.window]))
        # the window starts at a turn (an action_listen), so no rule sees half a turn
        turn = next((i for i, row in enumerate(window) if row.action_name == "action_listen"), 0)
        window = window[turn:]
        bounds = {"sender": sender_id, "start": start, "first": window[0].id}
        ids = [row[0] for row in connection.execute(_CARRIED, bounds).all() if row[0] is not None]
        carried = (
            connection.execute(_BY_ID.bindparams(sa.bindparam("ids", expanding=True)), {"ids": ids})
            .scalars()
            .all()
            if ids
            else []
        )
        return [*carried, *(row.data for row in window)]

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Any]:
        """The events not stored yet: those after the ones a windowed tracker was read with."""
        stored = getattr(tracker, _STORED, None)
        if stored is None:
            return super()._additional_events(session, tracker)
        return iter(list(tracker.events)[stored:])

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the new events of ``tracker`` in one multi-row insert (Rasa adds ORM objects one
        by one); the rows are the ones Rasa's own ``save`` writes."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            events = list(self._additional_events(session, tracker))
            dumps = [e.as_dict() for e in events]
            if dumps:
                rows = [_row(tracker.sender_id, e, d) for e, d in zip(events, dumps, strict=True)]
                session.execute(sa.insert(self.SQLEvent.__table__), rows)
                # the report's index, in the same transaction (bot/report/message_log.py)
                logged = message_rows(tracker.sender_id, dumps)
                if logged:
                    session.execute(sa.insert(message_log), logged)
                session.commit()
        setattr(tracker, _STORED, len(tracker.events))

    def log_console_lookup(self, operator: str, text: str, intent: str | None) -> None:
        """Count a staff console lookup in the report (channel ``console``)."""
        with self.engine.begin() as connection:
            connection.execute(
                sa.insert(message_log), [console_row(operator, text, intent, utc_now())]
            )


def _row(sender_id: str, event: Event, data: dict[str, Any]) -> dict[str, Any]:
    """The ``events`` row of one event (``data`` its ``as_dict()``), as
    ``SQLTrackerStore.save`` writes it."""
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": (data.get("parse_data") or {}).get("intent", {}).get("name"),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


def project_tracker_store(store: Any) -> ConversationTrackerStore | None:
    """The project's tracker store behind Rasa's wrapper (``agent.tracker_store`` is a
    ``FailSafeTrackerStore`` around it), or ``None`` when another store is configured."""
    inner = getattr(store, "_tracker_store", store)
    return inner if isinstance(inner, ConversationTrackerStore) else None
