#!/usr/bin/env python3
"""Whole conversations against a live assistant: the conversation-level measure (make eval-dialogue).

    .venv/bin/python scripts/eval_dialogue.py tests/dialogues/blind_a.yml [--url http://127.0.0.1:5005]

Each conversation of the set runs from a fresh sender over the REST webhook; each turn's replies
(every text of the turn, joined) are checked against its ``expect``: ``contains`` (all),
``any_of`` (one at least), ``not_contains`` (none), ``verdict`` (the word after the turn's first
``【结论】``). A conversation is right when every checked turn is. Printed: the share of right
conversations per category and overall, then every failure with its transcript.

Without ``--url`` the script starts the servers itself (on free loopback ports, with the set's
``as_of`` date and temporary stores) and stops them at the end. ``--min-share`` makes the exit
status 1 below that overall share (the regression suite in ``make test`` uses it).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.e2e.servers import running_assistant  # noqa: E402

CONCLUSION = "【结论】"


@dataclass
class Outcome:
    """One conversation: what was said, and what went wrong (empty when right)."""

    id: str
    category: str
    transcript: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return not self.problems


def turn_problems(text: str, expect: dict[str, Any]) -> list[str]:
    """What the replies of one turn miss of its expectations (empty when they meet them)."""
    problems = [f"missing 「{s}」" for s in expect.get("contains") or [] if s not in text]
    any_of = expect.get("any_of") or []
    if any_of and not any(s in text for s in any_of):
        problems.append(f"none of {any_of}")
    problems += [f"says 「{s}」" for s in expect.get("not_contains") or [] if s in text]
    verdict = expect.get("verdict")
    if verdict:
        conclusions = [
            line.removeprefix(CONCLUSION)
            for line in text.splitlines()
            if line.startswith(CONCLUSION)
        ]
        if not conclusions:
            problems.append(f"no 【结论】 (expected {verdict})")
        elif not conclusions[0].startswith(verdict):
            problems.append(f"verdict 「{conclusions[0][:20]}」, expected {verdict}")
    return problems


def run_conversation(url: str, conversation: dict[str, Any]) -> Outcome:
    outcome = Outcome(str(conversation["id"]), str(conversation.get("category", "")))
    sender = f"dialogue-{uuid.uuid4().hex[:10]}"
    session = requests.Session()
    for number, turn in enumerate(conversation["turns"], start=1):
        user = str(turn["user"])
        response = session.post(
            f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": user}, timeout=60
        )
        if response.status_code != 200:
            outcome.transcript.append((user, f"HTTP {response.status_code}"))
            outcome.problems.append(f"turn {number}: HTTP {response.status_code}")
            break
        text = "\n".join(str(m.get("text") or "") for m in response.json())
        outcome.transcript.append((user, text))
        for problem in turn_problems(text, turn.get("expect") or {}):
            outcome.problems.append(f"turn {number}: {problem}")
    return outcome


@contextmanager
def assistant_url(url: str | None, as_of: str) -> Iterator[str]:
    if url:
        yield url.rstrip("/")
        return
    with running_assistant(
        Path(tempfile.mkdtemp(prefix="eval-dialogue-")), {"TUOGUAN_AS_OF": as_of}
    ) as running:
        yield running.rasa_url


def report(outcomes: list[Outcome]) -> float:
    by_category: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_category[outcome.category].append(outcome)
    print(f"\n{'category':<20} {'right':>7} {'of':>4} {'share':>7}")
    for category, items in sorted(by_category.items()):
        right = sum(o.right for o in items)
        print(f"{category:<20} {right:>7} {len(items):>4} {right / len(items):>7.1%}")
    right = sum(o.right for o in outcomes)
    share = right / len(outcomes) if outcomes else 0.0
    print(f"{'all':<20} {right:>7} {len(outcomes):>4} {share:>7.1%}")
    for outcome in outcomes:
        if outcome.right:
            continue
        print(f"\n✘ {outcome.id} ({outcome.category}): {'; '.join(outcome.problems)}")
        for user, bot in outcome.transcript:
            print(f"  用户：{user}")
            for line in bot.splitlines() or [""]:
                print(f"  助手：{line}")
    return share


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="dialogue sets (YAML)")
    parser.add_argument("--url", help="a running assistant (default: start one)")
    parser.add_argument("--min-share", type=float, default=0.0, help="fail below this share")
    args = parser.parse_args()
    loaded = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in args.sets]
    as_of = {str(data.get("as_of")) for data in loaded}
    if len(as_of) != 1:
        parser.error(f"the sets must share one as_of date, found {sorted(as_of)}")
    conversations = [c for data in loaded for c in data["conversations"]]
    with assistant_url(args.url, as_of.pop()) as url:
        outcomes = [run_conversation(url, c) for c in conversations]
    share = report(outcomes)
    return 0 if share >= args.min_share else 1


if __name__ == "__main__":
    sys.exit(main())
