"""A line of business named in a message (「我们做注塑的」), from bot/language/industries.yml."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

INDUSTRIES_FILE = Path(__file__).with_name("industries.yml")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = yaml.safe_load(INDUSTRIES_FILE.read_text(encoding="utf-8"))["industries"]
    alternatives = "|".join(map(re.escape, sorted({str(w) for w in words}, key=len, reverse=True)))
    # the trade as the enterprise's own: 做注塑的 / 注塑厂 / 开饭店 / 电子公司 / 搞物流
    return re.compile(
        rf"(?:做|搞|开|干|从事|经营|生产|是)(?P<a>{alternatives})"
        rf"|(?P<b>{alternatives})(?:厂|公司|企业|行业|生意|工厂|店)"
    )


def business_line(text: str) -> str | None:
    """The first line of business the enterprise names as its own, or ``None``."""
    found = _pattern().search(text)
    return (found.group("a") or found.group("b")) if found else None
