"""Read NLU YAML files as (intent, text) pairs, and tell which held-out messages were trained on.

Shared by scripts/nlu_scores.py (figures on the unseen messages) and tests/bot/test_heldout_sets.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.language.normalize import classification_text, normalize_text

REPO = Path(__file__).resolve().parents[1]
TRAINING_DIR = REPO / "nlu_data" / "nlu"
DOMAIN = REPO / "bot" / "domain.yml"
REPORTS = REPO / "reports"

# Each held-out set and the folder `make eval-heldout` writes its Rasa reports to.
HELDOUT_SETS = {
    # A: written separately from the training data; its errors were looked at (README)
    "held-out": (REPO / "tests" / "nlu_heldout.yml", REPORTS / "heldout"),
    # B: written without access to the training data, set A or the extractor patterns; scored
    # several times while the model changed, its entity errors looked at once (README)
    "fresh held-out": (REPO / "tests" / "nlu_heldout_fresh.yml", REPORTS / "heldout_fresh"),
    # C: written the same way, without access to A or B either, after the last training data
    # was written; scored once blind (README), then its entity errors were looked at once
    "set C": (REPO / "tests" / "nlu_heldout_c.yml", REPORTS / "heldout_c"),
    # D: written the same way (with more fact-stating messages) after those extractor fixes;
    # scored once blind, after the last change to the training data and the extractor (README)
    "set D": (REPO / "tests" / "nlu_heldout_d.yml", REPORTS / "heldout_d"),
    # E: written the same way while the intent classifier was replaced by the linear model (chosen
    # by cross-validation); scored once blind, for that model (README)
    "set E": (REPO / "tests" / "nlu_heldout_e.yml", REPORTS / "heldout_e"),
}
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


def pipeline_text(text: str) -> str:
    """The text the intent classifier reads: normalised, the closing question first (what
    bot/components/normalizer.py puts in ``classification_text``)."""
    return classification_text(normalize_text(text))


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


if __name__ == "__main__":
    # for `make eval-heldout`: each held-out file and its report folder, relative to the repo
    for heldout, reports in HELDOUT_SETS.values():
        print(heldout.relative_to(REPO), reports.relative_to(REPO))
