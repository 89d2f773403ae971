#!/usr/bin/env python3
"""The operators' report over 100,000 stored messages (make bench-report).

Fills temporary SQLite databases as the assistant would (``message_log`` rows as the tracker
store writes them, with real questions from the training data, 10% of them unanswered; 5,000
feedback rows, 1,000 handoffs), then times the report for the 30 days they span, and, in the
same run as a baseline, a plain read of every row of ``message_log`` (the least any report over
those messages must do). Prints both times and their ratio; the issue's target is under 2 s.

    .venv/bin/python scripts/bench/report.py [--messages 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from bot.assistant.context import knowledge_base  # noqa: E402
from bot.report.message_log import ensure_table, local_day, message_log  # noqa: E402
from bot.report.queries import Period, build_report  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402
from bot.storage.models import Feedback, Handoff  # noqa: E402
from bot.storage.store import ConversationStore  # noqa: E402
from kb.analyzer import load_analyzer  # noqa: E402

DAYS = 30
CHANNELS = ["web"] * 4 + ["wechat"] * 4 + ["rest", "console"]
OUTCOMES = ["check"] * 30 + ["curated"] * 40 + ["form"] * 10 + ["other"] * 10
UNANSWERED = ["clarification", "search", "handoff"]


def questions() -> list[tuple[str, str]]:
    """(text, intent) of every training example: real questions in people's words."""
    found = []
    for path in sorted((REPO / "nlu_data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            if "intent" not in block:
                continue
            for line in str(block.get("examples") or "").splitlines():
                text = line.lstrip("- ").strip()
                if text:
                    found.append((text, str(block["intent"])))
    return found


def fill(tracker: sa.engine.Engine, store_url: str, messages: int, end: dt.datetime) -> None:
    rng = random.Random(20231)
    pool = questions()
    ensure_table(tracker)
    rows = []
    for n in range(messages):
        text, intent = rng.choice(pool)
        at = end - dt.timedelta(seconds=rng.randrange(DAYS * 86400))
        unanswered = rng.random() < 0.10
        rows.append(
            {
                "sender_id": f"user-{n // 5}",
                "message_id": f"m{n}",
                "at": at,
                "day": local_day(at),
                "channel": rng.choice(CHANNELS),
                "intent": "nlu_fallback" if unanswered else intent,
                "outcome": rng.choice(UNANSWERED) if unanswered else rng.choice(OUTCOMES),
                "new_session": n % 5 == 0,
                "text": text,
            }
        )
    with tracker.begin() as connection:
        for start in range(0, len(rows), 10_000):
            connection.execute(sa.insert(message_log), rows[start : start + 10_000])
    upgrade(store_url)
    engine = sa.create_engine(store_url, future=True)
    with engine.begin() as connection:
        connection.execute(
            sa.insert(Feedback.__table__),
            [
                {
                    "sender_id": f"user-{rng.randrange(messages // 5)}",
                    "question": rng.choice(pool)[0],
                    "intent": rng.choice(pool)[1],
                    "citations": '["第十九条"]',
                    "helpful": rng.random() < 0.8,
                    "created_at": end - dt.timedelta(seconds=rng.randrange(DAYS * 86400)),
                }
                for _ in range(5_000)
            ],
        )
        connection.execute(
            sa.insert(Handoff.__table__),
            [
                {
                    "sender_id": f"user-{rng.randrange(messages // 5)}",
                    "reason": "requested",
                    "created_at": end - dt.timedelta(seconds=rng.randrange(DAYS * 86400)),
                    "handled": False,
                }
                for _ in range(1_000)
            ],
        )


def timed(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    end = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    with tempfile.TemporaryDirectory(prefix="bench-report-") as directory:
        tracker = sa.create_engine(f"sqlite:///{directory}/tracker.sqlite3", future=True)
        store_url = f"sqlite:///{directory}/store.sqlite3"
        started = time.perf_counter()
        fill(tracker, store_url, args.messages, end)
        print(f"filled {args.messages:,} messages in {time.perf_counter() - started:.1f} s")
        store = ConversationStore.from_url(store_url)
        kb, words = knowledge_base(), load_analyzer().tokens
        today = dt.date.fromisoformat(local_day(end))
        period = Period(today - dt.timedelta(days=DAYS), today)
        report = build_report(tracker, store, period, kb, words)  # warm caches (jieba, KB)

        def read_all() -> None:
            with tracker.connect() as connection:
                connection.execute(sa.select(message_log)).all()

        baseline = timed(read_all, args.repeat)
        took = timed(lambda: build_report(tracker, store, period, kb, words), args.repeat)
    unanswered = report["unanswered"]
    print(
        f"report over {report['usage']['totals']['messages']:,} messages "
        f"({unanswered['messages']:,} unanswered in {unanswered['group_count']:,} groups): "
        f"{took:.2f} s (median of {args.repeat}); target under 2 s"
    )
    print(
        f"baseline, reading every message_log row: {baseline:.2f} s; ratio {took / baseline:.1f}×"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
