"""Write and read handoffs, feedback, operators' labels and the audit log (SQLAlchemy; schema
by :mod:`bot.storage.migrate`).

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
from bot.storage.models import AuditEntry, Feedback, Handoff, Label
from bot.storage.settings import store_url

UNNAMED = "（未署名）"  # a console user who gave no name at login


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
    handled_by: str | None = None
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
                    r.handled_by,
                    json.loads(r.legacy_transcript) if r.legacy_transcript else [],
                )
                for r in session.execute(query).scalars()
            ]

    def mark_handled(self, handoff_id: int, actor: str = "", role: str = "staff") -> bool:
        """Mark one handoff handled by ``actor`` (recorded in the audit log); ``False`` when
        there is no such handoff."""
        with Session(self.engine, future=True) as session, session.begin():
            row = session.get(Handoff, handoff_id)
            if row is None:
                return False
            now = utc_now()
            row.handled, row.handled_at, row.handled_by = True, now, actor or None
            session.add(
                AuditEntry(
                    at=now,
                    actor=actor or UNNAMED,
                    role=role,
                    action="handoff_handled",
                    target=f"handoff {handoff_id} ({row.sender_id})",
                )
            )
            return True

    def record_label(
        self, sender_id: str, message_id: str | None, text: str, intent: str, actor: str
    ) -> int:
        """Keep the intent an operator gave a message (and audit it); returns the label id."""
        with Session(self.engine, future=True) as session, session.begin():
            now = utc_now()
            row = Label(
                sender_id=sender_id,
                message_id=message_id,
                text=text,
                intent=intent,
                labelled_by=actor or UNNAMED,
                labelled_at=now,
            )
            session.add(row)
            session.add(
                AuditEntry(
                    at=now,
                    actor=actor or UNNAMED,
                    role="operator",
                    action="label",
                    target=f"{sender_id} {message_id or ''}".strip(),
                    detail=f"{intent}: {text[:100]}",
                )
            )
            session.flush()
            return int(row.id)

    def labels(self) -> list[dict[str, Any]]:
        """Every label, oldest first: sender, message id, text, intent, who, when."""
        with Session(self.engine, future=True) as session:
            rows = session.execute(select(Label).order_by(Label.id)).scalars()
            return [
                {
                    "id": r.id,
                    "sender_id": r.sender_id,
                    "message_id": r.message_id,
                    "text": r.text,
                    "intent": r.intent,
                    "labelled_by": r.labelled_by,
                    "labelled_at": r.labelled_at,
                }
                for r in rows
            ]

    def audit(self, since: dt.datetime | None = None) -> list[dict[str, Any]]:
        """The audit log, newest first (from ``since`` when given)."""
        query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        if since is not None:
            query = query.where(AuditEntry.at >= since)
        with Session(self.engine, future=True) as session:
            return [
                {
                    "at": r.at,
                    "actor": r.actor,
                    "role": r.role,
                    "action": r.action,
                    "target": r.target,
                    "detail": r.detail,
                }
                for r in session.execute(query).scalars()
            ]

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
