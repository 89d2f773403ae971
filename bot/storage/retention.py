"""Delete what is older than the retention period (``make retention``, an operator schedules it).

    .venv/bin/python -m bot.storage.retention [--days 180]

A conversation whose last event is older than ``--days`` (default ``$RETENTION_DAYS`` or
:data:`DEFAULT_DAYS`) is deleted from the tracker store (``$TRACKER_STORE_URL``) with every
event, and the report's rows of its messages (``message_log``); handoffs and feedback recorded
before then are deleted from the project's store (``$STORE_URL``). Operators' labels and the
audit log are kept: labels are reviewed training data (masked text), the audit is the record. Both are SQLAlchemy URLs, so SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import dataclass

from sqlalchemy import create_engine, inspect, text

from bot.storage.settings import store_url, tracker_store_url

RETENTION_DAYS_ENV = "RETENTION_DAYS"
DEFAULT_DAYS = 180


@dataclass(frozen=True)
class Deleted:
    """How many of each were deleted."""

    conversations: int
    events: int
    handoffs: int
    feedback: int


def delete_older_than(
    days: int,
    tracker: str | None = None,
    store: str | None = None,
    now: dt.datetime | None = None,
) -> Deleted:
    """Delete conversations, handoffs and feedback older than ``days`` days (UTC)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    cutoff = now - dt.timedelta(days=days)
    conversations = events = 0
    engine = create_engine(tracker_store_url(tracker), future=True)
    tables = set(inspect(engine).get_table_names())
    if "events" in tables:
        with engine.begin() as connection:
            old = [
                row[0]
                for row in connection.execute(
                    text(
                        "SELECT sender_id FROM events GROUP BY sender_id "
                        "HAVING max(timestamp) < :cutoff"
                    ),
                    {"cutoff": cutoff.timestamp()},
                )
            ]
            for sender in old:
                result = connection.execute(
                    text("DELETE FROM events WHERE sender_id = :sender"), {"sender": sender}
                )
                events += result.rowcount
            conversations = len(old)
            if "message_log" in tables:  # the report's copy (bot/report/message_log.py)
                connection.execute(
                    text("DELETE FROM message_log WHERE at < :cutoff"),
                    {"cutoff": cutoff.replace(tzinfo=None)},
                )
    engine.dispose()
    engine = create_engine(store_url(store), future=True)
    naive = cutoff.replace(tzinfo=None)  # the store keeps UTC times without a zone
    with engine.begin() as connection:
        handoffs = connection.execute(
            text("DELETE FROM handoffs WHERE created_at < :cutoff"), {"cutoff": naive}
        ).rowcount
        feedback = connection.execute(
            text("DELETE FROM feedback WHERE created_at < :cutoff"), {"cutoff": naive}
        ).rowcount
    engine.dispose()
    return Deleted(conversations, events, handoffs, feedback)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--days", type=int, default=int(os.environ.get(RETENTION_DAYS_ENV) or DEFAULT_DAYS)
    )
    args = parser.parse_args(argv[1:])
    deleted = delete_older_than(args.days)
    print(
        f"older than {args.days} days: deleted {deleted.conversations} conversations "
        f"({deleted.events} events), {deleted.handoffs} handoffs, {deleted.feedback} feedback rows"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
