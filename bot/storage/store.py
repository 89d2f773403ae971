"""Write and read handoffs and feedback (SQLAlchemy; schema by :mod:`bot.storage.migrate`).

The action server writes here; the hotline staff console reads the handoff queue. Methods are
synchronous: call them from async code with ``await asyncio.to_thread(...)``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.storage.migrate import current_revision, head_revision
from bot.storage.models import Feedback, Handoff
from bot.storage.settings import store_url


class StoreNotMigrated(RuntimeError):
    """The database's schema is not at the latest migration: run ``make migrate``."""


@dataclass(frozen=True)
class HandoffRecord:
    """One handoff: who (the channel's conversation id), why, when, and whether it is handled."""

    id: int
    sender_id: str
    reason: str
    created_at: dt.datetime  # UTC, naive
    handled: bool
    handled_at: dt.datetime | None
    # what was said, as copied before migration 0002 (later handoffs read the tracker store)
    legacy_transcript: list[dict[str, str]] = field(default_factory=list)


def utc_now() -> dt.datetime:
    """Now in UTC, naive (as every time in the store is kept)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class ConversationStore:
    """Handoffs and feedback in the database behind ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def from_url(cls, url: str | None = None) -> ConversationStore:
        """The store at ``url`` (default ``$STORE_URL``); :class:`StoreNotMigrated` when its
        schema is not at the latest migration."""
        url = store_url(url)
        found, head = current_revision(url), head_revision()
        if found != head:
            raise StoreNotMigrated(
                f"the store at {url} is at revision {found or 'none'}, not {head}: "
                "run `make migrate` (or python -m bot.storage.migrate URL)"
            )
        return cls(create_engine(url, future=True))

    def record_handoff(self, sender_id: str, reason: str) -> int:
        """Queue conversation ``sender_id`` for staff; returns the handoff id."""
        with Session(self.engine, future=True) as session, session.begin():
            row = Handoff(sender_id=sender_id, reason=reason, created_at=utc_now(), handled=False)
            session.add(row)
            session.flush()
            return int(row.id)

    def handoffs(self, include_handled: bool = False) -> list[HandoffRecord]:
        """The queue, newest first."""
        query = select(Handoff).order_by(Handoff.created_at.desc(), Handoff.id.desc())
        if not include_handled:
            query = query.where(Handoff.handled.is_(False))
        with Session(self.engine, future=True) as session:
            return [
                HandoffRecord(
                    r.id,
                    r.sender_id,
                    r.reason,
                    r.created_at,
                    r.handled,
                    r.handled_at,
                    json.loads(r.legacy_transcript) if r.legacy_transcript else [],
                )
                for r in session.execute(query).scalars()
            ]

    def mark_handled(self, handoff_id: int) -> bool:
        """Mark one handoff handled; ``False`` when there is no such handoff."""
        with Session(self.engine, future=True) as session, session.begin():
            row = session.get(Handoff, handoff_id)
            if row is None:
                return False
            row.handled, row.handled_at = True, utc_now()
            return True

    def record_feedback(
        self, sender_id: str, question: str, intent: str, citations: list[str], helpful: bool
    ) -> int:
        """Store 已解决 / 未解决 with the question it answers; returns the row id."""
        with Session(self.engine, future=True) as session, session.begin():
            row = Feedback(
                sender_id=sender_id,
                question=question,
                intent=intent,
                helpful=helpful,
                citations=json.dumps(citations, ensure_ascii=False),
                created_at=utc_now(),
            )
            session.add(row)
            session.flush()
            return int(row.id)

    def feedback(self) -> list[dict[str, Any]]:
        """Every feedback row, oldest first: sender, question, intent, citations, helpful, time."""
        with Session(self.engine, future=True) as session:
            rows = session.execute(select(Feedback).order_by(Feedback.id)).scalars()
            return [
                {
                    "sender_id": r.sender_id,
                    "question": r.question,
                    "intent": r.intent,
                    "citations": json.loads(r.citations),
                    "helpful": r.helpful,
                    "created_at": r.created_at,
                }
                for r in rows
            ]


@lru_cache(maxsize=4)
def conversation_store(url: str | None = None) -> ConversationStore:
    """The store at ``url`` / ``$STORE_URL``, opened once per process."""
    return ConversationStore.from_url(url)
