"""Normalise what users type before classification, without changing what they see.

Traditional → simplified (OpenCC t2s), full-width → half-width (Unicode NFKC), and a short table
of common typos (bot/language/typos.yml). Chinese numerals are *not* rewritten in the text (that
would turn 统一 into 统1); numbers are converted where a fact is extracted (bot/language/numbers).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

TYPOS_FILE = Path(__file__).with_name("typos.yml")


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc  # imported lazily: the converter loads its dictionaries when built

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def typo_table() -> dict[str, str]:
    data = yaml.safe_load(TYPOS_FILE.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in (data.get("typos") or {}).items()}


def normalize_text(text: str) -> str:
    """我們公司註冊在坪山區，１２０人 → 我们公司注册在坪山区,120人 (typos fixed too)."""
    simplified = str(_t2s().convert(unicodedata.normalize("NFKC", text)))
    for wrong, right in typo_table().items():
        simplified = simplified.replace(wrong, right)
    return simplified
