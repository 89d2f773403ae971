"""The tables of the project's own store. Changed only together with a migration
(``bot/storage/migrations/versions/``); ``tests/storage`` checks the two agree."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Integer, String, Text
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Handoff(Base):  # type: ignore[misc,valid-type]
    """A conversation that needs a person: the user asked for one, or the bot failed twice.

    The conversation itself stays in Rasa's tracker store (read by ``sender_id`` up to
    ``created_at``); only the fact of the handoff and its handling are kept here.
    """

    __tablename__ = "handoffs"
    id = Column(Integer, primary_key=True, comment="row id")
    sender_id = Column(
        String(128), nullable=False, index=True, comment="the channel's conversation id"
    )
    reason = Column(
        String(32), nullable=False, comment="'requested' (转人工) or 'repeated_fallback'"
    )
    created_at = Column(DateTime, nullable=False, comment="when the handoff was recorded (UTC)")
    handled = Column(Boolean, nullable=False, default=False, comment="set by staff in the console")
    handled_at = Column(DateTime, nullable=True, comment="when staff marked it handled (UTC)")
    handled_by = Column(String(64), nullable=True, comment="the name staff gave when logging in")
    legacy_transcript = Column(
        Text, nullable=True, comment="JSON [{speaker, text}] copied before migration 0002"
    )


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


class Label(Base):  # type: ignore[misc,valid-type]
    """The intent an operator gives a message the assistant did not answer well (the
    improvement loop: ``make review-export`` writes these as Rasa NLU training data)."""

    __tablename__ = "labels"
    id = Column(Integer, primary_key=True, comment="row id")
    sender_id = Column(String(128), nullable=False, index=True, comment="the conversation")
    message_id = Column(String(64), nullable=True, comment="the user message's id in the tracker")
    text = Column(Text, nullable=False, comment="the message as stored (personal data masked)")
    intent = Column(String(64), nullable=False, comment="the intent it should have been")
    labelled_by = Column(String(64), nullable=False, comment="the operator's name")
    labelled_at = Column(DateTime, nullable=False, comment="when (UTC)")


class AuditEntry(Base):  # type: ignore[misc,valid-type]
    """Who did what in the consoles, and when: a handoff handled, a message labelled."""

    __tablename__ = "audit_log"
    id = Column(Integer, primary_key=True, comment="row id")
    at = Column(DateTime, nullable=False, index=True, comment="when (UTC)")
    actor = Column(String(64), nullable=False, comment="the name given when logging in")
    role = Column(String(16), nullable=False, comment="'staff' (ASSIST_TOKEN) or 'operator'")
    action = Column(String(32), nullable=False, comment="'handoff_handled' or 'label'")
    target = Column(String(200), nullable=False, comment="what it was done to")
    detail = Column(Text, nullable=True, comment="e.g. the intent given")
