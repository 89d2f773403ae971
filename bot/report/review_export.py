"""The operators' labels as Rasa NLU training data, for a developer to review (``make
review-export``).

    python -m bot.report.review_export [--out var/review/labelled_nlu.yml] [--store URL]

Writes a Rasa 3.x NLU YAML file (``version: "3.1"``, one ``- intent:`` block per label, each
message once) from the store's ``labels`` table. It is written outside ``nlu_data/`` on purpose:
nothing retrains by itself; a developer reads the file, keeps what is right and moves it into
``nlu_data/nlu/``. Messages keep the masking they were stored with (phones, ID numbers). A
message labelled 「不在范围」 is an ``out_of_scope`` example.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from bot.storage.store import ConversationStore

DEFAULT_OUT = Path("var/review/labelled_nlu.yml")
# Rasa's training format reads [text](entity) as an entity annotation: brackets in what people
# typed are written full-width so the example stays plain text.
_PLAIN = str.maketrans({"[": "［", "]": "］", "(": "（", ")": "）", "\n": " ", "\r": " "})


def nlu_yaml(labels: Iterable[Mapping[str, Any]], written_at: dt.datetime) -> str:
    """The labelled messages as Rasa NLU YAML text (intents in alphabetical order)."""
    by_intent: dict[str, list[str]] = defaultdict(list)
    people: set[str] = set()
    for label in labels:
        text = str(label["text"]).translate(_PLAIN).strip()
        if text and not text.startswith("/") and text not in by_intent[label["intent"]]:
            by_intent[label["intent"]].append(text)
            people.add(str(label["labelled_by"]))
    blocks = [
        {"intent": intent, "examples": _Literal("".join(f"- {t}\n" for t in texts))}
        for intent, texts in sorted(by_intent.items())
    ]
    header = (
        "# Labelled by the operators in the report (/assist/report); review before moving into\n"
        f"# nlu_data/nlu/. Written {written_at.isoformat(timespec='seconds')} UTC; "
        f"{sum(len(t) for t in by_intent.values())} messages, {len(by_intent)} intents, "
        f"labelled by {len(people)} operator(s).\n"
    )
    body = yaml.dump(
        {"version": "3.1", "nlu": blocks},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1000,
    )
    return header + body


class _Literal(str):
    """A string YAML writes as a ``|`` block (Rasa's examples format)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Literal,
    lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--store", default=None, help="the store URL (default $STORE_URL)")
    args = parser.parse_args(argv)
    labels = ConversationStore.from_url(args.store).labels()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(nlu_yaml(labels, dt.datetime.utcnow()), encoding="utf-8")
    print(f"review-export: {len(labels)} labels → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
