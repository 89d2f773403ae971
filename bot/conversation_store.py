"""Where handoffs to a person and answer feedback are kept (SQLAlchemy, SQLite file by default).

The action server writes here; the hotline staff console reads the handoff queue. ``STORE_URL``
selects the database (default ``sqlite:///var/conversations.sqlite3`` under the repository).
Tables are created on first use; nothing connects at import time.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Column, DateTime, Integer, String, Text, create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base

REPO = Path(__file__).resolve().parents[1]
DEFAULT_URL = f"sqlite:///{REPO / 'var' / 'conversations.sqlite3'}"

Base = declarative_base()


class Handoff(Base):  # type: ignore[misc,valid-type]
    """A conversation that needs a person: the user asked for one, or the bot failed twice."""

    __tablename__ = "handoffs"
    id = Column(Integer, primary_key=True, comment="row id")
    sender_id = Column(
        String(128), nullable=False, index=True, comment="the channel's conversation id"
    )
    reason = Column(
        String(32), nullable=False, comment="'requested' (转人工) or 'repeated_fallback'"
    )
    transcript = Column(Text, nullable=False, comment="JSON list of {speaker, text} in order")
    created_at = Column(DateTime, nullable=False, comment="when the handoff was recorded (UTC)")
    handled = Column(Boolean, nullable=False, default=False, comment="set by staff in the console")
    handled_at = Column(DateTime, nullable=True, comment="when staff marked it handled (UTC)")


class Feedback(Base):  # type: ignore[misc,valid-type]
    """A user's answer to 「是否解决了您的问题？」 after a policy answer."""

    __tablename__ = "feedback"
    id = Column(Integer, primary_key=True, comment="row id")
    sender_id = Column(
        String(128), nullable=False, index=True, comment="the channel's conversation id"
    )
    question = Column(Text, nullable=False, comment="the user's message that the answer replied to")
    intent = Column(String(64), nullable=False, comment="the intent the question was understood as")
    citations = Column(Text, nullable=False, comment="JSON list of the articles the answer cited")
    helpful = Column(Boolean, nullable=False, comment="True for 已解决, False for 未解决")
    created_at = Column(DateTime, nullable=False, comment="when the feedback was given (UTC)")


@dataclass(frozen=True)
class HandoffRecord:
    id: int
    sender_id: str
    reason: str
    transcript: list[dict[str, str]]
    created_at: dt.datetime
    handled: bool


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class ConversationStore:
    """Write and read handoffs and feedback."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        Base.metadata.create_all(engine)

    @classmethod
    def from_url(cls, url: str | None = None) -> ConversationStore:
        url = url or os.environ.get("STORE_URL") or DEFAULT_URL
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        return cls(create_engine(url, future=True))

    def record_handoff(self, sender_id: str, reason: str, transcript: list[dict[str, str]]) -> int:
        with Session(self.engine, future=True) as session, session.begin():
            row = Handoff(
                sender_id=sender_id,
                reason=reason,
                created_at=_now(),
                handled=False,
                transcript=json.dumps(transcript, ensure_ascii=False),
            )
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
                    r.id, r.sender_id, r.reason, json.loads(r.transcript), r.created_at, r.handled
                )
                for r in session.execute(query).scalars()
            ]

    def mark_handled(self, handoff_id: int) -> bool:
        with Session(self.engine, future=True) as session, session.begin():
            row = session.get(Handoff, handoff_id)
            if row is None:
                return False
            row.handled, row.handled_at = True, _now()
            return True

    def record_feedback(
        self, sender_id: str, question: str, intent: str, citations: list[str], helpful: bool
    ) -> int:
        with Session(self.engine, future=True) as session, session.begin():
            row = Feedback(
                sender_id=sender_id,
                question=question,
                intent=intent,
                helpful=helpful,
                citations=json.dumps(citations, ensure_ascii=False),
                created_at=_now(),
            )
            session.add(row)
            session.flush()
            return int(row.id)

    def feedback(self) -> list[dict[str, Any]]:
        with Session(self.engine, future=True) as session:
            rows = session.execute(select(Feedback).order_by(Feedback.id)).scalars()
            return [
                {
                    "sender_id": r.sender_id,
                    "question": r.question,
                    "intent": r.intent,
                    "citations": json.loads(r.citations),
                    "helpful": r.helpful,
                }
                for r in rows
            ]


@lru_cache(maxsize=4)
def conversation_store(url: str | None = None) -> ConversationStore:
    """The store at ``url`` / ``STORE_URL``, opened once per process."""
    return ConversationStore.from_url(url)
