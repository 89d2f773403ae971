"""Read NLU YAML files as (intent, text) pairs, and tell which held-out messages were trained on.

Shared by scripts/nlu_scores.py (figures on the unseen messages) and tests/bot/test_heldout_sets.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.language.normalize import normalize_text

REPO = Path(__file__).resolve().parents[1]
TRAINING_DIR = REPO / "nlu_data" / "nlu"
DOMAIN = REPO / "bot" / "domain.yml"
_ANNOTATION = re.compile(r"\[([^\]]+)\]\{[^}]*\}")
_PUNCTUATION = re.compile(r"[\s,，。.!！?？~～、]+")


def examples(path: Path) -> list[tuple[str, str]]:
    """(intent, text) for every example, entity annotations removed: [45人]{…} → 45人."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = []
    for block in data["nlu"]:
        if "intent" not in block:
            continue  # a synonym, regex or lookup table
        for line in block.get("examples", "").splitlines():
            if line.strip().startswith("- "):
                found.append((block["intent"], _ANNOTATION.sub(r"\1", line.strip()[2:])))
    return found


def match_key(text: str) -> str:
    """What two messages must share to count as the same, as the classifier reads them:
    「不对，是120人」 = 「不对 是120人」, 「補貼多少」 = 「补贴多少」."""
    return _PUNCTUATION.sub("", normalize_text(text)).lower()


def training_keys() -> set[str]:
    return {match_key(text) for path in TRAINING_DIR.glob("*.yml") for _, text in examples(path)}


def domain_intents() -> set[str]:
    """The intents bot/domain.yml declares."""
    domain = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))
    return {i for i in domain["intents"] if isinstance(i, str)}
